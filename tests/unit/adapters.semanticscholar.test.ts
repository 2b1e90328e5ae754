// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The Semantic Scholar adapter: URL detection, rows from our fixtures, badge-proof rescans, odd input.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { semanticscholar } from '../../src/adapters/semanticscholar.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/semanticscholar');

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

describe('Semantic Scholar detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of semanticscholar.testUrls) expect(semanticscholar.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://www.semanticscholar.org/search?q=protein%20folding', 'listing'],
    ['https://www.semanticscholar.org/search?q=llm&sort=relevance&page=3', 'listing'],
    ['https://www.semanticscholar.org/author/Yoshua-Bengio/1751762', 'listing'],
    ['https://www.semanticscholar.org/author/1751762', 'listing'],
    ['https://www.semanticscholar.org/paper/BERT%3A-Pre-training-Devlin-Chang/df2b0e26d0599ce3e70df8a9da02e51594e0e992', 'paper'],
    ['https://www.semanticscholar.org/paper/df2b0e26d0599ce3e70df8a9da02e51594e0e992/', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(semanticscholar.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://www.semanticscholar.org/',
    'https://www.semanticscholar.org/search',
    'https://www.semanticscholar.org/search?q=',
    'https://www.semanticscholar.org/paper/not-a-paper-id',
    'https://www.semanticscholar.org/reader/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    'https://www.semanticscholar.org/author/Ashish-Vaswani',
    'https://www.semanticscholar.org/me/library',
    'https://api.semanticscholar.org/graph/v1/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    'https://pdfs.semanticscholar.org/2b0e/26d0599ce3e70df8a9da02e51594e0e992.pdf',
    'https://arxiv.org/abs/1706.03762',
    'https://example.org/search?q=attention',
  ])('%s is not ours', (url) => {
    expect(semanticscholar.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('Semantic Scholar fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(semanticscholar.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(semanticscholar.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to elements of the page that hold its title, one row element per paper', () => {
    const rows = semanticscholar.rows(doc);
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(rows.length);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
      expect(row.ref.url).toMatch(/^https:\/\/www\.semanticscholar\.org\/paper\//);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = semanticscholar.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Machine learning</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = semanticscholar.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('Semantic Scholar rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(semanticscholar.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(semanticscholar.rows(THROWING_ROOT)).toEqual([]);
  });

  it('skips rows without a title and keeps the rest', () => {
    const doc = parse(`<div class="result-page">
      <div class="cl-paper-row"><a data-test-id="title-link" href="/paper/x/${'a'.repeat(40)}"><h2 class="cl-paper-title"> </h2></a></div>
      <div class="cl-paper-row"><div class="cl-paper-authors">Nobody</div></div>
      <div class="cl-paper-row"><a data-test-id="title-link" href="/paper/y/${'b'.repeat(40)}"><h2 class="cl-paper-title">Kept</h2></a></div>
    </div>`);
    expect(semanticscholar.rows(doc).map((row) => [row.ref.key, row.ref.title])).toEqual([['title:kept', 'Kept']]);
  });

  it('falls back to citation metas and JSON-LD on a paper page whose header lost its parts', () => {
    const doc = parse(`<html><head>
      <meta name="citation_doi" content="10.1145/3207677.3278062">
      <script type="application/ld+json" class="schema-data">{"@graph":[{"@type":"WebPage"},[{"@type":"ScholarlyArticle","name":"Text Analysis of Cases Description in Urban Management Field Based on Knowledge Atlas","abstract":"With the development of information technology.","author":[{"name":"Xutong Liu"},{"name":"Hui Song"}],"sameAs":"https://doi.org/10.1145/3207677.3278062"}]]}</script>
    </head><body><main><h1 data-test-id="paper-detail-title">Text Analysis of Cases Description in Urban Management Field Based on Knowledge Atlas</h1></main></body></html>`);
    const [row, ...rest] = semanticscholar.rows(doc);
    expect(rest).toEqual([]);
    expect(row?.ref).toEqual({
      key: 'doi:10.1145/3207677.3278062',
      title: 'Text Analysis of Cases Description in Urban Management Field Based on Knowledge Atlas',
      doi: '10.1145/3207677.3278062',
      authors: ['Xutong Liu', 'Hui Song'],
      abstract: 'With the development of information technology.',
    });
    expect(row?.titleEl).toBe(doc.querySelector('h1'));
  });
});
