// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The bioRxiv/medRxiv adapter: URL detection, rows from our fixtures, badge-proof rescans, and the real 2019 paper-page capture.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { biorxiv } from '../../src/adapters/biorxiv.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/biorxiv');
const CAPTURE = resolve(process.cwd(), '../shared/pages/biorxiv-paper-page-2019.html');
const HAS_CAPTURE = existsSync(CAPTURE);

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

describe('bioRxiv detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of biorxiv.testUrls) expect(biorxiv.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://www.medrxiv.org/', 'listing'],
    ['https://biorxiv.org/collection/bioinformatics?page=3', 'listing'],
    ['https://www.biorxiv.org/content/early/recent?page=1', 'listing'],
    ['https://www.medrxiv.org/search/long%20covid', 'listing'],
    ['https://www.biorxiv.org/content/10.1101/696633v1', 'paper'],
    ['https://www.biorxiv.org/content/10.1101/696633v1.full', 'paper'],
    ['https://www.biorxiv.org/content/10.1101/2024.02.28.582523v1.article-metrics', 'paper'],
    ['https://medrxiv.org/content/10.1101/2020.04.14.20062463', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(biorxiv.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://www.biorxiv.org/content/10.1101/696633v1.full.pdf',
    'https://www.biorxiv.org/content/biorxiv/early/2019/07/11/696633.full.pdf',
    'https://www.biorxiv.org/content/10.1101/gr.242719.118',
    'https://www.biorxiv.org/about-biorxiv',
    'https://www.biorxiv.org/submit-a-manuscript',
    'https://www.biorxiv.org/collection/',
    'https://connect.biorxiv.org/relate/content/181',
    'https://api.biorxiv.org/details/biorxiv/10.1101/696633',
    'https://www.biorxiv.org.example.com/content/10.1101/696633v1',
    'https://example.org/content/10.1101/696633v1',
  ])('%s is not ours', (url) => {
    expect(biorxiv.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('bioRxiv fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(biorxiv.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(biorxiv.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to elements of the page that hold its title, one row element per paper', () => {
    const rows = biorxiv.rows(doc);
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(rows.length);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
      expect(row.ref.url).toMatch(/^https:\/\/(?:(?:www\.)?(?:bio|med)rxiv\.org\/content|doi\.org)\/10\.1101\//);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = biorxiv.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Neuroscience</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = biorxiv.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('bioRxiv rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(biorxiv.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(biorxiv.rows(THROWING_ROOT)).toEqual([]);
  });

  it('does not take a collection page title for a paper, and skips citations without a title', () => {
    const doc = parse(`<h1 class="title" id="page-title">Genomics</h1>
      <div class="highwire-article-citation"><span class="highwire-cite-title"></span></div>
      <div class="highwire-article-citation" data-pisa-master="biorxiv;2024.03.01.582900"><span class="highwire-cite-title"><a class="highwire-cite-linked-title" href="/content/10.1101/2024.03.01.582900v3">Kept</a></span></div>`);
    expect(biorxiv.rows(doc).map((row) => [row.ref.key, row.ref.title, row.ref.url])).toEqual([
      ['doi:10.1101/2024.03.01.582900', 'Kept', 'https://doi.org/10.1101/2024.03.01.582900'],
    ]);
  });

  it('reads a paper page from its citation metas when the header block is gone', () => {
    const doc = parse(`<html><head>
      <meta name="citation_title" content="Sub-nucleosomal organization in urine cell-free DNA">
      <meta name="citation_doi" content="10.1101/696633">
      <meta name="citation_author" content="Markus, Havell"><meta name="citation_author" content="Zhao, Jun">
    </head><body><div><h1 id="page-title">Sub-nucleosomal organization in urine cell-free DNA</h1></div></body></html>`);
    const [row, ...rest] = biorxiv.rows(doc);
    expect(rest).toEqual([]);
    expect(row?.ref).toEqual({
      key: 'doi:10.1101/696633',
      title: 'Sub-nucleosomal organization in urine cell-free DNA',
      doi: '10.1101/696633',
      url: 'https://doi.org/10.1101/696633',
      authors: ['Havell Markus', 'Jun Zhao'],
    });
    expect(row?.titleEl).toBe(doc.querySelector('h1'));
  });

  it('finds the own paper by its DOI meta when the page title is gone, and lists the other papers after it', () => {
    const doc = parse(`<html><head><meta name="citation_doi" content="10.1101/2024.02.26.582001"></head><body>
      <div class="highwire-article-citation" data-pisa-master="biorxiv;2024.02.28.582523"><span class="highwire-cite-title"><a class="highwire-cite-linked-title" href="/content/10.1101/2024.02.28.582523v1">Related</a></span></div>
      <div class="highwire-article-citation" data-pisa-master="biorxiv;2024.02.26.582001"><div class="highwire-cite-title">Own</div></div>
    </body></html>`);
    expect(biorxiv.rows(doc).map((row) => [row.ref.key, row.ref.title])).toEqual([
      ['doi:10.1101/2024.02.26.582001', 'Own'],
      ['doi:10.1101/2024.02.28.582523', 'Related'],
    ]);
  });
});

if (!HAS_CAPTURE) console.warn(`skipping bioRxiv capture conformance: ${CAPTURE} not found`);

describe.skipIf(!HAS_CAPTURE)('bioRxiv conformance on the real 2019 paper-page capture (10.1101/696633v1)', () => {
  // The page's Google Tag Manager iframe is renamed so happy-dom does not log a failed frame load; nothing reads it.
  const html = HAS_CAPTURE ? readFileSync(CAPTURE, 'utf8').replace(/<(\/?)iframe\b/gi, '<$1x-iframe') : '';
  const doc = parse(html);
  const rows = biorxiv.rows(doc);

  it('is a paper page by its URL', () => {
    expect(biorxiv.detect(new URL('https://www.biorxiv.org/content/10.1101/696633v1'))).toBe('paper');
  });

  it('gives the page its own paper first, from metas written as value= attributes', () => {
    const own = rows[0];
    expect(own?.ref.key).toBe('doi:10.1101/696633');
    expect(own?.ref.doi).toBe('10.1101/696633');
    expect(own?.ref.title).toBe('Sub-nucleosomal organization in urine cell-free DNA');
    expect(own?.ref.url).toBe('https://www.biorxiv.org/content/10.1101/696633v1');
    expect(own?.ref.authors).toHaveLength(18);
    expect(own?.ref.authors?.[0]).toBe('Havell Markus');
    expect(own?.ref.authors).toContain('Michelina C. de la Maza');
    expect(own?.ref.authors?.at(-1)).toBe('Muhammed Murtaza');
    expect(own?.ref.authors?.join(' ')).not.toContain('ORCID');
    expect(own?.ref.abstract).toMatch(/^Cell-free DNA \(cfDNA\) in urine is a promising analyte/);
    expect(own?.ref.abstract).not.toMatch(/<\/?p>/);
    expect(own?.titleEl).toBe(doc.querySelector('h1#page-title'));
    expect(own?.rowEl.contains(own.titleEl)).toBe(true);
  });

  it('does not repeat the paper for its share and cite dialogs (the only other HighWire citations on the page)', () => {
    expect(doc.querySelectorAll('div.highwire-article-citation')).toHaveLength(3);
    expect(rows).toHaveLength(1);
  });
});
