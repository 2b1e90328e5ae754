// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The arXiv adapter: URL detection, rows from our fixtures, badge-proof rescans, and a real 2026 capture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arxiv } from '../../src/adapters/arxiv.ts';
import type { PaperRow } from '../../src/adapters/types.ts';
import { cleanText } from '../../src/core/identity/titles.ts';
import { THROWING_ROOT } from './adapterFixtures.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/arxiv');
const CAPTURE = resolve(process.cwd(), '../shared/pages/arxiv-list-recent-cs.CL.html');
const HAS_CAPTURE = existsSync(CAPTURE);

interface ExpectedRow {
  key: string;
  arxivId: string;
  title: string;
  authors: string[];
  categories: string[];
  abstract?: string;
}

interface Fixture {
  url: string;
  kind: 'listing' | 'paper';
  rows: ExpectedRow[];
}

const fixtureNames = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function loadFixture(name: string): { fixture: Fixture; doc: Document } {
  const fixture = JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8')) as Fixture;
  const doc = parse(readFileSync(resolve(FIXTURES, `${name}.html`), 'utf8'));
  return { fixture, doc };
}

/** The fields a fixture pins down, in the fixture's shape (abstract only when the page shows one). */
function asExpected(row: PaperRow): ExpectedRow {
  const { key, arxivId, title, authors, categories, abstract } = row.ref;
  const out: ExpectedRow = { key, arxivId: arxivId ?? '', title, authors: authors ?? [], categories: categories ?? [] };
  if (abstract !== undefined) out.abstract = abstract;
  return out;
}

/** The title's plain-text pieces (TeX is typeset by MathJax on the live page, so only the rest must appear). */
function plainPieces(title: string): string[] {
  return title
    .split(/\$[^$]*\$/)
    .map((piece) => piece.trim())
    .filter(Boolean);
}

describe('arXiv detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of arxiv.testUrls) expect(arxiv.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://arxiv.org/list/cs.CL/new?skip=0&show=2000', 'listing'],
    ['https://arxiv.org/list/cs.CL/recent', 'listing'],
    ['https://arxiv.org/list/astro-ph.CO/pastweek?show=100', 'listing'],
    ['https://arxiv.org/list/cs.DC/2104?skip=25', 'listing'],
    ['https://arxiv.org/catchup', 'listing'],
    ['https://arxiv.org/abs/2607.22529v1', 'paper'],
    ['https://arxiv.org/abs/0704.0001', 'paper'],
    ['https://arxiv.org/abs/physics/0309093', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(arxiv.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/pdf/2104.07857',
    'https://arxiv.org/html/2104.07857v1',
    'https://arxiv.org/help',
    'https://arxiv.org/list/cs.CL',
    'https://arxiv.org/list/cs.CL/new/extra',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/abs/%E0%A4%A',
    'https://export.arxiv.org/abs/2104.07857',
    'https://example.org/list/cs.CL/new',
    'https://example.org/abs/2104.07857',
  ])('%s is not ours', (url) => {
    expect(arxiv.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('arXiv fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(arxiv.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(arxiv.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to elements of the page that hold its title', () => {
    for (const row of arxiv.rows(doc)) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      const shown = cleanText(row.titleEl.textContent);
      for (const piece of plainPieces(row.ref.title)) expect(shown).toContain(piece);
      expect(row.ref.url).toBe(`https://arxiv.org/abs/${row.ref.arxivId}`);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = arxiv.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Systems (cs.DC)</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = arxiv.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('arXiv rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(arxiv.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(arxiv.rows(THROWING_ROOT)).toEqual([]);
  });

  it('skips entries without an id or a title and keeps the rest', () => {
    const doc = parse(`<div id="dlpage"><dl id="articles"><h3>Mon, 27 Jul 2026</h3>
      <dt><a name="item1">[1]</a></dt>
      <dd><div class="list-title"><span class="descriptor">Title:</span> No id here</div></dd>
      <dt><a href ="/abs/2607.00001" title="Abstract" id="2607.00001">arXiv:2607.00001</a></dt>
      <dd><div class="list-title"><span class="descriptor">Title:</span> </div></dd>
      <dt><a href ="/abs/2607.00002" title="Abstract">arXiv:2607.00002</a></dt>
      <dd><div class="list-title mathjax"><span class="descriptor">Title:</span> Kept</div>
        <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Sound (cs.SD)</span>; Audio and Speech Processing (eess.AS)</div></dd>
      <dt><a href ="/abs/2607.00003" title="Abstract" id="2607.00003">arXiv:2607.00003</a></dt>
    </dl></div>`);
    const rows = arxiv.rows(doc);
    expect(rows.map((row) => [row.ref.key, row.ref.title, row.ref.categories])).toEqual([
      ['arxiv:2607.00002', 'Kept', ['cs.SD', 'eess.AS']],
    ]);
  });

  it('falls back to citation metas on an abstract page whose body lost its parts', () => {
    const doc = parse(`<html><head>
      <meta name="citation_title" content="NanoFlow: Towards Optimal Large Language Model Serving Throughput">
      <meta name="citation_author" content="Zhu, Kan"><meta name="citation_author" content="Kasikci, Baris">
      <meta name="citation_abstract" content="We propose NanoFlow.">
      <link rel="canonical" href="https://arxiv.org/abs/2408.12757">
    </head><body><div id="content-inner"><div id="abs"><p>redesigned</p></div></div></body></html>`);
    const [row, ...rest] = arxiv.rows(doc);
    expect(rest).toEqual([]);
    expect(row?.ref).toEqual({
      key: 'arxiv:2408.12757',
      arxivId: '2408.12757',
      title: 'NanoFlow: Towards Optimal Large Language Model Serving Throughput',
      url: 'https://arxiv.org/abs/2408.12757',
      authors: ['Kan Zhu', 'Baris Kasikci'],
      categories: [],
      abstract: 'We propose NanoFlow.',
    });
    expect(row?.titleEl).toBe(doc.querySelector('#abs'));
    expect(row?.rowEl).toBe(doc.querySelector('#abs'));
  });

  it('reads TeX back from a title MathJax 3 has typeset', () => {
    const doc = parse(`<dl id="articles"><dt><a href ="/abs/2607.00004" title="Abstract" id="2607.00004">arXiv:2607.00004</a></dt>
      <dd><div class="list-title mathjax"><span class="descriptor">Title:</span> Bounds for <mjx-container class="MathJax" jax="CHTML"><mjx-math><mjx-mi>ℓ</mjx-mi></mjx-math><mjx-assistive-mml><math><mi>ℓ</mi></math></mjx-assistive-mml></mjx-container>-norms</div></dd></dl>`);
    expect(arxiv.rows(doc).map((row) => row.ref.title)).toEqual(['Bounds for ℓ-norms']);
  });
});

if (!HAS_CAPTURE) console.warn(`skipping arXiv capture conformance: ${CAPTURE} not found`);

describe.skipIf(!HAS_CAPTURE)('arXiv conformance on the real 2026 capture (cs.CL /recent)', () => {
  const doc = HAS_CAPTURE ? parse(readFileSync(CAPTURE, 'utf8')) : parse('');
  const rows = arxiv.rows(doc);

  it('finds all 50 papers with new-style keys and titles, none twice', () => {
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      expect(row.ref.key).toMatch(/^arxiv:\d{4}\.\d{5}$/);
      expect(row.ref.key).toBe(`arxiv:${row.ref.arxivId}`);
      expect(row.ref.title.length).toBeGreaterThan(0);
      expect(row.ref.title).not.toMatch(/^Title:/);
      expect(row.ref.authors?.length).toBeGreaterThan(0);
      expect(row.ref.abstract).toBeUndefined();
    }
    expect(new Set(rows.map((row) => row.ref.key)).size).toBe(50);
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(50);
  });

  it('keeps categories on the 18 cross-lists, their home category first', () => {
    let crossLists = 0;
    for (const row of rows) {
      const dt = row.rowEl.previousElementSibling;
      expect(dt?.localName).toBe('dt');
      const from = /\(cross-list from ([^)\s]+)\)/.exec(dt?.textContent ?? '');
      if (!from) continue;
      crossLists++;
      expect(row.ref.categories?.[0]).toBe(from[1]);
      expect(row.ref.categories).toContain('cs.CL');
    }
    expect(crossLists).toBe(18);
  });
});
