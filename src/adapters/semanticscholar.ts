// Semantic Scholar adapter: finds the papers on www.semanticscholar.org search results, author pages and paper pages.
import type { PaperRef } from '../core/paper.ts';
import { normalizeArxivId, normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { cleanText } from '../core/identity/titles.ts';
import { absoluteUrl, allOf, attr, first, idsFromLinks, jsonLdObjects, metaText, metaTextAll, text, textAsWritten, textOfBlocks } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('semanticscholar', 'Semantic Scholar', ['www.semanticscholar.org']);

const ORIGIN = 'https://www.semanticscholar.org';

// Selectors: alternatives in order of preference, each with why it is there. No capture of this React app exists:
// these follow the Zotero translator (`.result-page .cl-paper-row > a`, `script.schema-data`) and public scrapers.
const SELECTORS = {
  listRows: [
    '.cl-paper-row', // search results (div.cl-paper-row.serp-papers__paper-row), author papers, citations/references on a paper page
    '[data-test-id="search-result"]', // the row's test id, if the cl- class prefix is renamed
  ],
  rowTitle: [
    '.cl-paper-title', // h2.cl-paper-title inside the title link: the title text and nothing else
    'a[data-test-id="title-link"]', // the link itself (Zotero reads `.cl-paper-row > a`)
  ],
  rowLink: [
    'a[data-test-id="title-link"]', // href="/paper/<slug>/<40-hex id>"
    'a[href^="/paper/"]', // the link lost its test id
  ],
  rowAuthors: [
    '.cl-paper-authors a', // one link per author (a.cl-paper-authors__author-link)
    '.cl-paper-authors .cl-paper-authors__author-box', // authors without a profile are boxes, not links
  ],
  rowAuthorsText: '.cl-paper-authors', // last resort: "A, B, C" as text
  rowAbstract: [
    '.cl-paper-abstract', // often truncated, with an "Expand" button inside
    '[data-test-id="text-truncator-text"]', // the truncator's own test id
  ],
  abstractChrome: 'button, .cl-paper-abstract__label, .tldr-abstract__pill', // "Expand", "TLDR" labels, not text
  rowIdLinks: 'a[href]', // arXiv (a[href*="arxiv.org/abs/"], "arXiv" flags) and doi.org links anywhere in the row
  detailTitle: [
    'h1[data-test-id="paper-detail-title"]', // paper page title since the 2020 redesign
    '.paper-detail-page h1', // the h1 lost its test id
  ],
  detailHeader: [
    '.fresh-paper-detail-page__header', // the header block: title, authors, venue, DOI, links
    '[data-test-id="paper-detail-page-header"]', // same block by test id
  ],
  detailAuthors: [
    '[data-test-id="author-list"] a', // one link per author in the header
    '.author-list a', // the list lost its test id
  ],
  detailAbstract: [
    '[data-test-id="abstract-text"]', // the full abstract, with "Expand"/"Collapse" buttons inside
    '[data-test-id="paper-abstract-text"]', // older test id
  ],
  detailIdLinks: [
    '[data-test-id="paper-doi"] a', // "DOI: 10.…" in the header
    'a.doi__link', // same link by class
    'a[href*="arxiv.org/abs/"]', // "arXiv" link in the header
    'a[href*="doi.org/10."]', // any DOI link in the header
  ],
  canonical: 'link[rel="canonical"]', // the paper page's own URL
} as const;

const PAPER_PATH = /^\/paper\/(?:[^/]+\/)?[0-9a-f]{40}\/?$/i;
const AUTHOR_PATH = /^\/author\/(?:[^/]+\/)?\d+\/?$/;
const SEARCH_PATH = /^\/search\/?$/;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (PAPER_PATH.test(path)) return 'paper';
  if (AUTHOR_PATH.test(path)) return 'listing';
  if (SEARCH_PATH.test(path) && url.searchParams.get('q')?.trim()) return 'listing';
  return null;
}

function refFrom(parts: { title: string; arxivId?: string; doi?: string; url?: string; authors: string[]; abstract?: string }): PaperRef {
  const ref: PaperRef = { key: paperKey(parts), title: parts.title };
  if (parts.arxivId) ref.arxivId = parts.arxivId;
  if (parts.doi) ref.doi = parts.doi;
  if (parts.url) ref.url = parts.url;
  ref.authors = parts.authors;
  if (parts.abstract) ref.abstract = parts.abstract;
  return ref;
}

/** Author names from a row: links or boxes, else the comma-separated text; "+3 authors" and "…" are not names. */
function rowAuthors(row: Element): string[] {
  let names = allOf(row, SELECTORS.rowAuthors).map(text);
  if (names.length === 0) names = textAsWritten(row.querySelector(SELECTORS.rowAuthorsText), 'button').split(',');
  return names.map(cleanText).filter((name) => name && !/^(?:\+\s*\d+|…|\.\.\.|et al\.?)/i.test(name));
}

function rowFromListEntry(row: Element): PaperRow | undefined {
  const titleEl = first(row, SELECTORS.rowTitle);
  const title = textAsWritten(titleEl, '');
  if (!titleEl || !title) return undefined;
  const ids = idsFromLinks(row, SELECTORS.rowIdLinks);
  const abstract = textAsWritten(first(row, SELECTORS.rowAbstract), SELECTORS.abstractChrome);
  const url = absoluteUrl(attr(first(row, SELECTORS.rowLink), 'href'), ORIGIN);
  return { ref: refFrom({ title, ...ids, url, authors: rowAuthors(row), abstract }), titleEl, rowEl: row };
}

function rowsFromList(root: ParentNode): PaperRow[] {
  const rows: PaperRow[] = [];
  for (const entry of allOf(root, SELECTORS.listRows)) {
    const row = rowFromListEntry(entry);
    if (row) rows.push(row);
  }
  return rows;
}

/** The JSON-LD article of a paper page (`@graph[1][0]` in Zotero's reading; found here by its fields). */
function jsonLdArticle(root: ParentNode): Record<string, unknown> | undefined {
  return jsonLdObjects(root).find((obj) => typeof obj['name'] === 'string' && ('author' in obj || 'abstract' in obj));
}

function jsonLdAuthors(article: Record<string, unknown> | undefined): string[] {
  const authors = article?.['author'];
  if (!Array.isArray(authors)) return [];
  return authors.map((a: unknown) => (a && typeof a === 'object' ? cleanText(String((a as Record<string, unknown>)['name'] ?? '')) : '')).filter(Boolean);
}

/** The row element of the paper's own header: the header block, else the title's parent if it holds no list rows. */
function headerOf(root: ParentNode, h1: Element): Element {
  const header = first(root, SELECTORS.detailHeader);
  if (header?.contains(h1)) return header;
  const parent = h1.parentElement;
  const holdsRows = parent ? allOf(parent, SELECTORS.listRows).length > 0 : true;
  return parent && !holdsRows ? parent : h1;
}

function rowFromPaperPage(root: ParentNode): PaperRow | undefined {
  const h1 = first(root, SELECTORS.detailTitle);
  if (!h1) return undefined;
  const article = jsonLdArticle(root);
  const title = textAsWritten(h1, '') || metaText(root, 'citation_title') || cleanText(String(article?.['name'] ?? ''));
  if (!title) return undefined;
  const rowEl = headerOf(root, h1);
  const linked = rowEl === h1 ? {} : idsFromLinks(rowEl, SELECTORS.detailIdLinks.join(', '));
  const sameAs = String(article?.['sameAs'] ?? '');
  const arxivId = linked.arxivId ?? normalizeArxivId(metaText(root, 'citation_arxiv_id'));
  const doi = linked.doi ?? normalizeDoi(metaText(root, 'citation_doi')) ?? normalizeDoi(sameAs);
  let authors = allOf(rowEl, SELECTORS.detailAuthors).map(text).filter(Boolean);
  if (authors.length === 0) authors = metaTextAll(root, 'citation_author');
  if (authors.length === 0) authors = jsonLdAuthors(article);
  const abstract = textOfBlocks(first(root, SELECTORS.detailAbstract), SELECTORS.abstractChrome) || cleanText(String(article?.['abstract'] ?? '')) || metaText(root, 'description');
  const url = absoluteUrl(attr(root.querySelector(SELECTORS.canonical), 'href'), ORIGIN);
  return { ref: refFrom({ title, arxivId, doi, url, authors, abstract }), titleEl: h1, rowEl };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    const own = rowFromPaperPage(root);
    const list = rowsFromList(root);
    if (!own) return list;
    // A paper page: the paper itself first, then its citations and references (not the paper again).
    return [own, ...list.filter((row) => row.ref.key !== own.ref.key && !row.rowEl.contains(own.titleEl))];
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const semanticscholar: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://www.semanticscholar.org/search?q=attention%20is%20all%20you%20need', kind: 'listing' },
    { url: 'https://www.semanticscholar.org/search?year%5B0%5D=2020&q=graph%20neural%20networks&sort=relevance', kind: 'listing' },
    { url: 'https://www.semanticscholar.org/author/Ashish-Vaswani/40348417', kind: 'listing' },
    {
      url: 'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      kind: 'paper',
    },
    { url: 'https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776', kind: 'paper' },
  ],
};
