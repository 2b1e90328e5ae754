// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The alphaXiv adapter: URL detection, rows from our fixtures (JSON-LD paper pages, feeds), and the real trimmed capture.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { alphaxiv } from '../../src/adapters/alphaxiv.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/alphaxiv');
const CAPTURE = resolve(process.cwd(), '../shared/pages/alphaxiv-abs-2301.12345-trimmed.html');
const HAS_CAPTURE = existsSync(CAPTURE);

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

describe('alphaXiv detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of alphaxiv.testUrls) expect(alphaxiv.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://alphaxiv.org/', 'listing'],
    ['https://www.alphaxiv.org/?sort=Hot', 'listing'],
    ['https://www.alphaxiv.org/trending?interval=7+Days', 'listing'],
    ['https://www.alphaxiv.org/abs/2301.12345v1', 'paper'],
    ['https://www.alphaxiv.org/abs/hep-th/9901001', 'paper'],
    ['https://www.alphaxiv.org/overview/2503.14476v2', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(alphaxiv.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://www.alphaxiv.org/abs/not-an-id',
    'https://www.alphaxiv.org/abs/%E0%A4%A',
    'https://www.alphaxiv.org/profile/0185fbae',
    'https://www.alphaxiv.org/explore/extra',
    'https://www.alphaxiv.org/pdf/2301.12345',
    'https://fetcher.alphaxiv.org/v2/pdf/2301.12345v1.pdf',
    'https://arxiv.org/abs/2301.12345',
    'https://example.org/abs/2301.12345',
  ])('%s is not ours', (url) => {
    expect(alphaxiv.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('alphaXiv fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(alphaxiv.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(alphaxiv.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to its own elements of the page that hold its title', () => {
    const rows = alphaxiv.rows(doc);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
      expect(row.ref.url).toBe(`https://www.alphaxiv.org/abs/${row.ref.arxivId}`);
      for (const other of rows) if (other !== row) expect(row.rowEl.contains(other.titleEl)).toBe(false);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = alphaxiv.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Reasoning</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = alphaxiv.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('alphaXiv rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(alphaxiv.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(alphaxiv.rows(THROWING_ROOT)).toEqual([]);
  });

  it('badges the title heading, not the first heading, when there is no h1', () => {
    const { doc } = loadFixture('overview-no-h1');
    const [row] = alphaxiv.rows(doc);
    expect(row?.titleEl).toBe(doc.querySelector('h2'));
  });

  it('takes the paper page h1 even when it is not worded like the JSON-LD headline', () => {
    const doc = parse(`<html><head><link rel="canonical" href="https://www.alphaxiv.org/abs/2301.12345">
      <script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"Chemotactic motility-induced phase separation"}</script>
      </head><body><main><h1>Chemotactic MIPS</h1></main></body></html>`);
    const [row, ...rest] = alphaxiv.rows(doc);
    expect(rest).toEqual([]);
    expect(row?.ref).toEqual({
      key: 'arxiv:2301.12345',
      title: 'Chemotactic motility-induced phase separation',
      arxivId: '2301.12345',
      url: 'https://www.alphaxiv.org/abs/2301.12345',
    });
    expect(row?.titleEl).toBe(doc.querySelector('h1'));
  });

  it('gives nothing on a paper page with no arXiv id or no heading', () => {
    const ld = '<script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"A paper"}</script>';
    expect(alphaxiv.rows(parse(`<html><head>${ld}</head><body><h1>A paper</h1></body></html>`))).toEqual([]);
    const withId = `${ld}<meta property="og:image" content="https://paper-assets.alphaxiv.org/image/2301.12345v1.png">`;
    expect(alphaxiv.rows(parse(`<html><head>${withId}</head><body><p>loading</p></body></html>`))).toEqual([]);
  });

  it('skips a JSON-LD script that is not JSON and reads the feed', () => {
    const doc = parse(`<html><head><script type="application/ld+json">{ not json</script></head>
      <body><div><a href="/abs/2402.03300">DeepSeekMath</a></div><div><a href="/abs/2501.12948">DeepSeek-R1</a></div></body></html>`);
    expect(alphaxiv.rows(doc).map((row) => row.ref.key)).toEqual(['arxiv:2402.03300', 'arxiv:2501.12948']);
  });
});

if (!HAS_CAPTURE) console.warn(`skipping alphaXiv capture conformance: ${CAPTURE} not found`);

describe.skipIf(!HAS_CAPTURE)('alphaXiv conformance on the real trimmed capture (/abs/2301.12345, head only)', () => {
  const html = HAS_CAPTURE ? readFileSync(CAPTURE, 'utf8') : '';

  it('gives no row: the stripped body has no element to put a badge next to', () => {
    expect(alphaxiv.rows(parse(html))).toEqual([]);
  });

  it('gives the paper from its JSON-LD and og:image once the body shows the title', () => {
    const doc = parse(html);
    const h1 = doc.createElement('h1');
    h1.textContent = 'Chemotactic motility-induced phase separation';
    doc.body.prepend(h1);
    const rows = alphaxiv.rows(doc);
    expect(rows.map((row) => row.ref)).toEqual([
      {
        key: 'arxiv:2301.12345',
        title: 'Chemotactic motility-induced phase separation',
        arxivId: '2301.12345',
        url: 'https://www.alphaxiv.org/abs/2301.12345',
        authors: ['Hongbo Zhao', 'Andrej Košmrlj', 'Sujit S. Datta'],
        abstract: 'Collectives of actively-moving particles can spontaneously separate into dilute and dense phases.',
      },
    ]);
    expect(rows[0]?.titleEl).toBe(h1);
  });

  it('finds the arXiv id in the PDF prefetch when og:image is gone', () => {
    const doc = parse(html);
    doc.querySelector('meta[property="og:image"]')?.remove();
    doc.body.append(Object.assign(doc.createElement('h2'), { textContent: 'Chemotactic motility-induced phase separation' }));
    expect(alphaxiv.rows(doc).map((row) => row.ref.key)).toEqual(['arxiv:2301.12345']);
  });
});
