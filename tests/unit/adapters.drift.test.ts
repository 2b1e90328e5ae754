// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// Markup drift: on each site's drift pages (older or newer markup than its adapter knows) the adapter's own selectors
// miss and the structural fallback reads the expected rows; on the pages the adapters know, the fallback never takes
// over; and on pages that link papers without listing them (menus, footers, references, one paper repeated) it finds
// nothing.
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/adapters/registry.ts';
import { fallbackRows, MIN_GROUP, paperOfUrl, siteReadingFailed, structuralRows } from '../../src/adapters/structural.ts';
import { asExpected, expectAnchored, fixtureNamesOf, loadFixture, parse, THROWING_ROOT } from './adapterFixtures.ts';

const isDrift = (name: string) => name === 'drift' || name.startsWith('drift-');

const FIXTURES = ADAPTERS.flatMap((adapter) => fixtureNamesOf(adapter.id).map((name) => ({ adapter, name, ...loadFixture(adapter.id, name) })));
const DRIFTS = FIXTURES.filter((f) => isDrift(f.name));
const KNOWN_LISTINGS = FIXTURES.filter((f) => !isDrift(f.name) && f.fixture.kind === 'listing');

it('has older-markup drift pages that the fallback reads, for arXiv, OpenReview and one more site', () => {
  const read = new Set(DRIFTS.filter((f) => (f.fixture.fallback ?? []).length > 0).map((f) => f.adapter.id));
  expect(read.has('arxiv') && read.has('openreview') && read.size >= 3).toBe(true);
});

describe.each(DRIFTS.map((f) => [`${f.adapter.id}/${f.name}`, f] as const))('drift page %s', (_label, { adapter, name, fixture, doc }) => {
  const expected = fixture.fallback ?? [];
  const rows = structuralRows(doc, { base: fixture.url });

  it("is a listing the site's own selectors miss", () => {
    expect(adapter.detect(new URL(fixture.url))).toBe('listing');
    expect(adapter.rows(doc)).toEqual([]);
  });

  it('gives exactly the expected rows, in page order, with their keys, titles and links', () => {
    expect(rows.map((row) => ({ ...asExpected(row), ...(row.ref.url ? { url: row.ref.url } : {}) }))).toEqual(expected);
  });

  it('anchors each row to its own title, one badge per paper', () => {
    expectAnchored(doc, rows, { shown: 'title' });
  });

  it('replaces the site reading when it finds papers, and only then', () => {
    expect(siteReadingFailed(adapter.rows(doc).length, rows.length)).toBe(expected.length > 0);
    // What the content script is given: these rows, or nothing when the fallback found none.
    const given = fallbackRows(doc, adapter.rows(doc).length, fixture.url);
    expect(given?.map((row) => row.ref)).toEqual(expected.length > 0 ? rows.map((row) => row.ref) : undefined);
  });

  it('reads the same rows again after badges go in', () => {
    const { doc: page } = loadFixture(adapter.id, name);
    const before = structuralRows(page, { base: fixture.url });
    for (const row of before) {
      const badge = page.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Tag</span><a href="https://arxiv.org/abs/2601.00001">A link inside a badge</a>';
      row.titleEl.append(badge);
    }
    const after = structuralRows(page, { base: fixture.url });
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe.each(KNOWN_LISTINGS.map((f) => [`${f.adapter.id}/${f.name}`, f] as const))('known listing %s', (_label, { adapter, fixture, doc }) => {
  it("keeps the site's own rows: the fallback never finds twice as many", () => {
    const own = adapter.rows(doc).length;
    const fallback = structuralRows(doc, { base: fixture.url });
    expect(siteReadingFailed(own, fallback.length)).toBe(false);
    expect(fallbackRows(doc, own, fixture.url)).toBeUndefined();
    // Asked only for more papers than twice the site's, it stops early with none.
    expect(structuralRows(doc, { base: fixture.url, moreThan: 2 * own })).toEqual([]);
  });
});

/** `n` arXiv papers as article cards (ids 2601.0000<from>…), each with a title link, authors and a PDF link. */
function cards(n: number, from = 1): string {
  return Array.from({ length: n }, (_, i) => {
    const id = `2601.${String(from + i).padStart(5, '0')}`;
    return `<article class="card"><h3><a href="https://arxiv.org/abs/${id}">Paper number ${from + i} about sparse retrieval</a></h3><p class="authors">Ada Lovelace, Alan Turing</p><a href="https://arxiv.org/pdf/${id}">PDF</a></article>`;
  }).join('');
}

const keysOf = (html: string, base = 'https://example.org/list') => structuralRows(parse(html), { base }).map((row) => row.ref.key);

describe('structural reading', () => {
  it('reads a listing of cards: title link, authors, one row per card, pdf links folded in', () => {
    const rows = structuralRows(parse(`<main>${cards(3)}</main>`), { base: 'https://example.org/' });
    expect(rows.map((row) => row.ref)).toEqual(
      [1, 2, 3].map((n) => ({
        key: `arxiv:2601.0000${n}`,
        title: `Paper number ${n} about sparse retrieval`,
        arxivId: `2601.0000${n}`,
        url: `https://arxiv.org/abs/2601.0000${n}`,
        authors: ['Ada Lovelace', 'Alan Turing'],
      })),
    );
    // The badge goes in the heading, outside the link, so a click on it never follows the link.
    expect(rows.map((row) => row.titleEl.localName)).toEqual(['h3', 'h3', 'h3']);
    expect(rows.map((row) => row.rowEl.localName)).toEqual(['article', 'article', 'article']);
  });

  it(`needs ${MIN_GROUP} papers in a group: a lone link, or two, is no listing`, () => {
    expect(keysOf(`<main>${cards(1)}</main>`)).toEqual([]);
    expect(keysOf(`<main>${cards(2)}</main>`)).toEqual([]);
    expect(keysOf('<p>See <a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a> for details.</p>')).toEqual([]);
  });

  it('counts a smaller group of the same shape as part of the listing (a day with two papers)', () => {
    expect(keysOf(`<main><section>${cards(3)}</section><section>${cards(2, 4)}</section></main>`)).toEqual([1, 2, 3, 4, 5].map((n) => `arxiv:2601.0000${n}`));
  });

  it('never badges navigation, menus, the page header or footer, or a sidebar', () => {
    const links = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => `<li><a href="https://arxiv.org/abs/2602.${String(from + i).padStart(5, '0')}">Top paper ${from + i} of the week</a></li>`).join('');
    const chrome = [
      `<nav><ul>${links(4, 1)}</ul></nav>`,
      `<div role="navigation"><ul>${links(4, 11)}</ul></div>`,
      `<header><ul class="menu">${links(4, 21)}</ul></header>`,
      `<ul role="menu">${links(4, 31)}</ul>`,
      `<aside><h2>Trending</h2><ol>${links(4, 41)}</ol></aside>`,
      `<footer><ul>${links(4, 51)}</ul></footer>`,
      `<div role="contentinfo"><ul>${links(4, 61)}</ul></div>`,
    ];
    for (const part of chrome) expect(keysOf(`<body>${part}<main><p>Nothing listed today.</p></main></body>`), part).toEqual([]);
    // Around a real listing, only the listing's papers.
    expect(keysOf(`<body>${chrome.join('')}<main>${cards(3)}</main></body>`)).toEqual(['arxiv:2601.00001', 'arxiv:2601.00002', 'arxiv:2601.00003']);
  });

  it("reads a card's own header and footer: they are the card's, not the page's", () => {
    const card = (n: number) =>
      `<article><header><a href="/abs/2603.0000${n}">arXiv:2603.0000${n}</a></header><h2 class="paper-title">Card paper ${n} on graph transformers</h2><footer><a href="/pdf/2603.0000${n}">PDF</a></footer></article>`;
    expect(keysOf(`<main>${card(1)}${card(2)}${card(3)}</main>`, 'https://arxiv.org/list/cs.LG/new')).toEqual(['arxiv:2603.00001', 'arxiv:2603.00002', 'arxiv:2603.00003']);
  });

  it("never badges a paper's references, however they are marked", () => {
    const refs = Array.from(
      { length: 6 },
      (_, i) => `<li>A. Author. Cited work ${i + 1} on vision. <a href="https://arxiv.org/abs/1512.0338${i}">arXiv:1512.0338${i}</a></li>`,
    ).join('');
    const titledRefs = Array.from({ length: 6 }, (_, i) => `<li><a href="https://doi.org/10.1000/cited.${i}">Cited work ${i + 1} on vision</a></li>`).join('');
    const pages = [
      `<article><h1>Our paper</h1><p>Body text.</p><section><h2>References</h2><ol>${refs}</ol></section></article>`,
      `<article><h1>Our paper</h1><h2>7 Bibliography</h2><ul>${titledRefs}</ul></article>`,
      `<article><h1>Our paper</h1><h3>Works cited</h3><div><ol>${titledRefs}</ol></div></article>`,
      `<div class="ltx_page_content"><section class="ltx_bibliography"><ul class="ltx_biblist">${refs}</ul></section></div>`,
      `<div><ol class="references">${titledRefs}</ol></div>`,
      `<div role="doc-bibliography"><ul>${titledRefs}</ul></div>`,
    ];
    for (const page of pages) expect(keysOf(page), page).toEqual([]);
  });

  it('badges one paper once: a page repeating one paper has no listing, and a listing shows a repeat once', () => {
    const same = Array.from({ length: 8 }, () => '<li><a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a></li>').join('');
    expect(keysOf(`<main><ul>${same}</ul></main>`)).toEqual([]);
    const repeated = `<main>${cards(3)}${cards(1, 2)}${cards(1)}</main>`;
    expect(keysOf(repeated)).toEqual(['arxiv:2601.00001', 'arxiv:2601.00002', 'arxiv:2601.00003']);
  });

  it('gives no row to an item without a title (only "PDF", a host or an id as text)', () => {
    const texts = ['PDF', 'Download PDF', '[PDF] arxiv.org', 'arXiv:2604.00001', 'Other formats', '[bib]'];
    for (const shown of texts) {
      const bare = Array.from(
        { length: 4 },
        (_, i) => `<li><a href="https://arxiv.org/pdf/2604.0000${i}">${shown}</a> <a href="https://arxiv.org/abs/2604.0000${i}">arXiv:2604.0000${i}</a></li>`,
      ).join('');
      expect(keysOf(`<main><ul>${bare}</ul></main>`), shown).toEqual([]);
    }
  });

  it("titles a result whose only paper link is a side link ('[PDF] arxiv.org') by its heading", () => {
    const result = (n: number) =>
      `<div class="result"><div class="side"><a href="https://arxiv.org/pdf/2606.0000${n}">[PDF] arxiv.org</a></div><div class="body"><h3><a href="https://publisher.example/article/${n}">Side-linked result ${n} on protein folding</a></h3></div></div>`;
    const rows = structuralRows(parse(`<div id="results">${result(1)}${result(2)}${result(3)}</div>`));
    expect(rows.map((row) => [row.ref.key, row.ref.title, row.titleEl.localName])).toEqual(
      [1, 2, 3].map((n) => [`arxiv:2606.0000${n}`, `Side-linked result ${n} on protein folding`, 'h3']),
    );
  });

  it('takes the row nearest its links where listings nest (days of papers, each day a list)', () => {
    const day = (from: number) =>
      `<div class="day"><h3>Day</h3><ul>${[0, 1, 2].map((i) => `<li><a href="https://arxiv.org/abs/2605.0000${from + i}">Nested paper ${from + i} on speech</a></li>`).join('')}</ul></div>`;
    const rows = structuralRows(parse(`<main>${day(1)}${day(4)}${day(7)}</main>`));
    expect(rows.map((row) => row.rowEl.localName)).toEqual(Array(9).fill('li'));
  });

  it('keys a row by the link that carries its title, not by a paper its abstract cites', () => {
    const item = (n: number) =>
      `<div class="note"><h4><a href="/forum?id=Note${n}Abc">Reviewed submission ${n} on meta learning</a></h4><p>Abstract: extends <a href="https://arxiv.org/abs/1703.0340${n}">our earlier work</a>.</p></div>`;
    expect(keysOf(`<div id="notes">${item(1)}${item(2)}${item(3)}</div>`, 'https://openreview.net/group?id=X')).toEqual([
      'openreview:Note1Abc',
      'openreview:Note2Abc',
      'openreview:Note3Abc',
    ]);
  });

  it('reads a term and its description as one item, the badge in the description that holds the title', () => {
    const entry = (n: number) =>
      `<dt><a href="/abs/1901.0000${n}">arXiv:1901.0000${n}</a> [<a href="/pdf/1901.0000${n}">pdf</a>]</dt><dd><div class="list-title">Title: Described paper ${n} on parsing</div><div class="list-authors">Authors: Ann Lee, Bo Chen</div></dd>`;
    const rows = structuralRows(parse(`<dl>${entry(1)}${entry(2)}${entry(3)}</dl>`), { base: 'https://arxiv.org/list/cs.CL/pastweek' });
    expect(rows.map((row) => [row.ref.key, row.ref.title, row.ref.authors, row.rowEl.localName])).toEqual(
      [1, 2, 3].map((n) => [`arxiv:1901.0000${n}`, `Described paper ${n} on parsing`, ['Ann Lee', 'Bo Chen'], 'dd']),
    );
  });

  it('answers [] at once when asked for more papers than the page links, and never throws', () => {
    expect(keysOf(`<main>${cards(3)}</main>`)).toHaveLength(3);
    expect(structuralRows(parse(`<main>${cards(3)}</main>`), { moreThan: 3 })).toEqual([]);
    expect(structuralRows(THROWING_ROOT)).toEqual([]);
    expect(structuralRows(parse('<<a href=>&amp;<dl><dt></dt><dd></dd></dl><a href="https://doi.org/">x</a>'))).toEqual([]);
  });
});

describe('paper links', () => {
  it.each([
    ['https://arxiv.org/abs/1706.03762v5', 'arxiv:1706.03762'],
    ['https://export.arxiv.org/pdf/hep-th/9901001v2', 'arxiv:hep-th/9901001'],
    ['https://arxiv.org/html/2401.00001v1', 'arxiv:2401.00001'],
    ['https://doi.org/10.48550/arXiv.2106.09685', 'arxiv:2106.09685'],
    ['https://dx.doi.org/10.1145/3442188.3445922', 'doi:10.1145/3442188.3445922'],
    ['https://dl.acm.org/doi/pdf/10.1145/3442188.3445922', 'doi:10.1145/3442188.3445922'],
    ['https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13', 'doi:10.1007/978-3-030-58452-8_13'],
    ['https://openreview.net/forum?id=rJ4km2R5t7', 'openreview:rJ4km2R5t7'],
    ['https://openreview.net/pdf?id=rJ4km2R5t7', 'openreview:rJ4km2R5t7'],
    ['https://huggingface.co/papers/2501.12948', 'arxiv:2501.12948'],
    ['https://aclanthology.org/2023.acl-long.1/', 'page:aclanthology.org 2023.acl-long.1'],
    ['https://www.aclweb.org/anthology/P/P17/P17-1001.pdf', 'page:aclweb.org P17-1001'],
    ['https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html', 'page:proceedings.neurips.cc 3f5ee243547dee91fbd053c1c4a845aa'],
    ['https://proceedings.neurips.cc/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf', 'page:proceedings.neurips.cc 3f5ee243547dee91fbd053c1c4a845aa'],
    ['https://proceedings.mlr.press/v80/smith18a.html', 'page:proceedings.mlr.press v80/smith18a'],
    ['https://proceedings.mlr.press/v80/smith18a/smith18a.pdf', 'page:proceedings.mlr.press v80/smith18a'],
    ['https://www.biorxiv.org/content/10.1101/2024.03.01.582900v1.full', 'doi:10.1101/2024.03.01.582900'],
    ['https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v2', 'doi:10.1101/2020.04.14.20062463'],
    [
      'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      'page:semanticscholar.org 204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    ],
  ])('%s names %s', (href, id) => {
    expect(paperOfUrl(new URL(href))?.id).toBe(id);
  });

  it.each([
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/a/smith_j_1',
    'https://openreview.net/profile?id=~Ada_Lovelace1',
    'https://openreview.net/group?id=ICLR.cc/2017/conference',
    'https://aclanthology.org/2023.acl-long.0/',
    'https://aclanthology.org/P17-1000.pdf',
    'https://aclanthology.org/people/a/ada-lovelace/',
    'https://doi.org/',
    'https://example.org/blog/2024/05/post',
    'https://example.org/page/1799.12345',
    'https://www.biorxiv.org/collection/neuroscience',
    'https://www.semanticscholar.org/author/Ashish-Vaswani/40348417',
  ])('%s names no paper', (href) => {
    expect(paperOfUrl(new URL(href))).toBeUndefined();
  });
});

describe('siteReadingFailed', () => {
  it('is true when the site found fewer than half the structural rows, and never for fewer than a listing', () => {
    expect(siteReadingFailed(0, MIN_GROUP)).toBe(true);
    expect(siteReadingFailed(0, MIN_GROUP - 1)).toBe(false);
    expect(siteReadingFailed(4, 9)).toBe(true);
    expect(siteReadingFailed(5, 10)).toBe(false);
    expect(siteReadingFailed(50, 50)).toBe(false);
  });
});
