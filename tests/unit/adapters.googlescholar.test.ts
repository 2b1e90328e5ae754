// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The Google Scholar adapter: URL detection, rows from our fixtures, badge-proof rescans, and the real 2016/2025 captures.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { bylineOf, googlescholar } from '../../src/adapters/googlescholar.ts';
import type { PaperRow } from '../../src/adapters/types.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/googlescholar');
const PAGES = resolve(process.cwd(), '../shared/pages');

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

function expectAnchored(doc: Document, rows: PaperRow[]): void {
  for (const row of rows) {
    expect(doc.contains(row.titleEl)).toBe(true);
    expect(doc.contains(row.rowEl)).toBe(true);
    expect(row.rowEl.contains(row.titleEl)).toBe(true);
    expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
    for (const other of rows) if (other !== row) expect(row.rowEl.contains(other.titleEl)).toBe(false);
  }
}

describe('Google Scholar detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of googlescholar.testUrls) expect(googlescholar.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    'https://scholar.google.com/scholar?q=related:NuivrFmD6BEJ:scholar.google.com/&hl=en',
    'https://scholar.google.co.jp/scholar?hl=ja&q=transformer',
    'https://scholar.google.com.br/scholar?cites=123&hl=pt',
    'https://scholar.google.ch/citations?user=kukA0LcAAAAJ&hl=de&cstart=20&pagesize=80',
  ])('%s is a listing', (url) => {
    expect(googlescholar.detect(new URL(url))).toBe('listing');
  });

  it.each([
    'https://scholar.google.com/',
    'https://scholar.google.com/schhp?hl=en',
    'https://scholar.google.com/scholar?hl=en',
    'https://scholar.google.com/scholar_alerts?view_op=list_alerts',
    'https://scholar.google.com/citations?view_op=search_authors&mauthors=bengio',
    'https://scholar.google.com/citations?view_op=view_citation&user=kukA0LcAAAAJ&citation_for_view=kukA0LcAAAAJ:0EnyYjriUFMC',
    'https://scholar.google.com/citations?hl=en',
    'https://www.google.com/scholar?q=deep+learning',
    'https://scholar.google.evil.example/scholar?q=deep+learning',
    'https://notscholar.google.com/scholar?q=deep+learning',
    'https://scholar.googleusercontent.com/scholar?q=cache:x',
    'https://example.org/scholar?q=deep+learning',
  ])('%s is not ours', (url) => {
    expect(googlescholar.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('Google Scholar fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(googlescholar.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(googlescholar.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to its own elements of the page that hold its title', () => {
    expectAnchored(doc, googlescholar.rows(doc));
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = googlescholar.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Deep learning</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = googlescholar.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('Google Scholar rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(googlescholar.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(googlescholar.rows(THROWING_ROOT)).toEqual([]);
  });

  it('links each result to its own page and leaves [CITATION] rows without a url', () => {
    const { doc } = loadFixture('results');
    const urls = googlescholar.rows(doc).map((row) => row.ref.url);
    expect(urls[0]).toBe('https://proceedings.neurips.cc/paper/7181-attention-is-all-you-need');
    expect(urls[4]).toBeUndefined();
  });

  it('reads authors, source and year from a byline', () => {
    expect(bylineOf('B Michaud, M Begon - Journal of Open Source Software, 2021 - joss.theoj.org')).toEqual({
      authors: ['B Michaud', 'M Begon'],
      source: 'Journal of Open Source Software, 2021',
      year: 2021,
    });
    expect(bylineOf('…, AC Concejil… - 2010 - knihydaniela.cz')).toEqual({ authors: ['AC Concejil'], source: '2010', year: 2010 });
    expect(bylineOf('Y Bengio, AC Courville, P Vincent - CoRR, abs/1206.5538, 2012')).toEqual({
      authors: ['Y Bengio', 'AC Courville', 'P Vincent'],
      source: 'CoRR, abs/1206.5538, 2012',
      year: 2012,
    });
    expect(bylineOf('no dash here')).toEqual({ authors: [], source: 'no dash here' });
  });
});

/** Rows of a capture in ../shared/pages, or undefined (with a notice) when the folder is not there. */
function captureRows(file: string): { doc: Document; rows: PaperRow[] } | undefined {
  const path = resolve(PAGES, file);
  if (!existsSync(path)) return undefined;
  const doc = parse(readFileSync(path, 'utf8'));
  return { doc, rows: googlescholar.rows(doc) };
}

const HAS_PAGES = existsSync(resolve(PAGES, 'googlescholar-results-page0.html'));
if (!HAS_PAGES) console.warn(`skipping Google Scholar capture conformance: ${PAGES} has no Scholar captures`);

describe.skipIf(!HAS_PAGES)('Google Scholar conformance on the real captures', () => {
  it.each([
    // 10 results each; page0 and page20 have 4 arXiv links (title + side PDF) for 2 arXiv papers each.
    ['googlescholar-results-page0.html', ['arxiv:1911.12338', 'arxiv:1807.01775']],
    ['googlescholar-results-page10.html', []],
    ['googlescholar-results-page20.html', ['arxiv:1801.06073', 'arxiv:1301.1334']],
  ])('%s: 10 rows, one per data-cid result, with these arXiv keys', (file, arxivKeys) => {
    const { doc, rows } = captureRows(file)!;
    expect(rows).toHaveLength(10);
    expectAnchored(doc, rows);
    expect(rows.map((row) => row.ref.key).filter((key) => key.startsWith('arxiv:'))).toEqual(arxivKeys);
    for (const row of rows) {
      expect(row.rowEl.getAttribute('data-cid')).toMatch(/\S/);
      expect(row.titleEl.matches('h3.gs_rt')).toBe(true);
      expect(row.ref.title).not.toMatch(/^\[|\[(?:PDF|HTML|BOOK|B)\]/);
      expect(row.ref.authors?.length).toBeGreaterThan(0);
      expect(row.ref.key === `arxiv:${row.ref.arxivId}` || row.ref.key.startsWith('title:')).toBe(true);
    }
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(10);
  });

  it('strips [BOOK] markers and keeps a truncated title as shown', () => {
    const { rows } = captureRows('googlescholar-results-page0.html')!;
    expect(rows[1]?.ref.title).toBe('Programming in Python 3');
    const truncated = rows.find((row) => row.ref.title.endsWith('…'));
    expect(truncated?.ref.title).toMatch(/^The impact of programming language choice/);
    expect(truncated?.ref.key).not.toContain('…');
  });

  it('gives no rows on the empty results page (container present, no results)', () => {
    const { doc, rows } = captureRows('googlescholar-results-empty.html')!;
    expect(doc.querySelector('#gs_res_ccl_mid')).not.toBeNull();
    expect(rows).toEqual([]);
  });

  it.each([
    ['googlescholar-results-2016-case1.html', 'title:learning deep architectures for ai', 'Learning deep architectures for AI', ['Y Bengio']],
    [
      'googlescholar-results-2016-case2.html',
      'arxiv:1206.5538',
      'Unsupervised feature learning and deep learning: A review and new perspectives',
      ['Y Bengio', 'AC Courville', 'P Vincent'],
    ],
    ['googlescholar-cluster-2016.html', 'title:deep learning', 'Deep learning', ['Y LeCun', 'Y Bengio', 'G Hinton']],
  ])('%s (legacy 2016 markup) gives its one result', (file, key, title, authors) => {
    const { doc, rows } = captureRows(file)!;
    expectAnchored(doc, rows);
    expect(rows.map((row) => [row.ref.key, row.ref.title, row.ref.authors])).toEqual([[key, title, authors]]);
  });
});
