// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The Hugging Face Papers adapter: URL detection, rows from our fixtures (cards + hydration blob), badge-proof rescans.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { huggingface } from '../../src/adapters/huggingface.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/huggingface');

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

describe('Hugging Face detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of huggingface.testUrls) expect(huggingface.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://huggingface.co/papers/', 'listing'],
    ['https://huggingface.co/papers?date=2025-02-03', 'listing'],
    ['https://huggingface.co/papers/date/2025-02-03?sort=trending', 'listing'],
    ['https://huggingface.co/papers/week/2025-W5', 'listing'],
    ['https://huggingface.co/papers/2502.01456', 'paper'],
    ['https://huggingface.co/papers/2502.01456v2', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(huggingface.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://huggingface.co/',
    'https://huggingface.co/models',
    'https://huggingface.co/papers/not-an-id',
    'https://huggingface.co/papers/date/2025-2-3',
    'https://huggingface.co/papers/2501.12948/extra',
    'https://huggingface.co/datasets/foo/papers',
    'https://huggingface.co/papers/%E0%A4%A',
    'https://hf.co/papers/2501.12948',
    'https://arxiv.org/abs/2501.12948',
    'https://example.org/papers/2501.12948',
  ])('%s is not ours', (url) => {
    expect(huggingface.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('Hugging Face fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(huggingface.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(huggingface.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to its own elements of the page that hold its title', () => {
    const rows = huggingface.rows(doc);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
      expect(row.ref.url).toBe(`https://huggingface.co/papers/${row.ref.arxivId}`);
      // A row never holds another row's title: a badge swap in one card must not touch its neighbours.
      for (const other of rows) if (other !== row) expect(row.rowEl.contains(other.titleEl)).toBe(false);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = huggingface.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Reasoning</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = huggingface.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('Hugging Face rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(huggingface.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(huggingface.rows(THROWING_ROOT)).toEqual([]);
  });

  it('unescapes the hydration attribute and fills only the cards it knows', () => {
    const { doc } = loadFixture('daily');
    const rows = huggingface.rows(doc);
    const s1 = rows.find((row) => row.ref.arxivId === '2501.19393');
    expect(s1?.ref.abstract).toContain('reasoning traces & develop "budget forcing"');
    expect(s1?.ref.abstract).toContain('(<think> tokens)');
    expect(s1?.ref.authors).toContain('Emmanuel Candès');
    const notHydrated = rows.find((row) => row.ref.arxivId === '2502.01456');
    expect(notHydrated?.ref.authors).toBeUndefined();
    expect(notHydrated?.ref.abstract).toBeUndefined();
    // The cards themselves carry no abstract: it can only have come from the blob.
    expect(s1?.rowEl.textContent).not.toContain('Test-time scaling is a promising');
  });

  it('keeps the cards when the hydration blob is not JSON', () => {
    const doc = parse(`<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;: [ {&quot;title&quot;:">
      <article><h3><a href="/papers/2501.12948">DeepSeek-R1</a></h3></article>
      <article><h3><a href="/papers/2501.19393">s1: Simple test-time scaling</a></h3></article></div>`);
    expect(huggingface.rows(doc).map((row) => [row.ref.key, row.ref.title, row.ref.authors])).toEqual([
      ['arxiv:2501.12948', 'DeepSeek-R1', undefined],
      ['arxiv:2501.19393', 's1: Simple test-time scaling', undefined],
    ]);
  });

  it('gives one row on a paper page, not its similar papers', () => {
    const { doc } = loadFixture('paper-page');
    const rows = huggingface.rows(doc);
    expect(rows.map((row) => row.ref.key)).toEqual(['arxiv:2501.19393']);
    expect(rows[0]?.titleEl).toBe(doc.querySelector('h1'));
  });

  it('falls back to og:title on a paper page whose h1 is empty, and gives nothing without an h1', () => {
    const head = `<link rel="canonical" href="https://huggingface.co/papers/2501.12948">
      <meta property="og:title" content="Paper page - DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning">`;
    const withH1 = parse(`<html><head>${head}</head><body><main><section><h1> </h1></section></main></body></html>`);
    expect(huggingface.rows(withH1).map((row) => row.ref.title)).toEqual([
      'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning',
    ]);
    const withoutH1 = parse(`<html><head>${head}</head><body><main><p>redesigned</p></main></body></html>`);
    expect(huggingface.rows(withoutH1)).toEqual([]);
  });

  it('caps an author list longer than a message allows', () => {
    const authors = Array.from({ length: 450 }, (_, i) => ({ name: `Author ${i}` }));
    const props = JSON.stringify({ dailyPapers: [{ paper: { id: '2312.11805', title: 'Gemini', summary: 'A family.', authors } }] });
    const doc = parse('<div id="blob"><article><h3><a href="/papers/2312.11805">Gemini</a></h3></article></div>');
    const blob = doc.getElementById('blob');
    blob?.setAttribute('data-target', 'DailyPapers');
    blob?.setAttribute('data-props', props);
    const [row] = huggingface.rows(doc);
    expect(row?.ref.authors).toHaveLength(200);
    expect(row?.ref.abstract).toBe('A family.');
  });
});
