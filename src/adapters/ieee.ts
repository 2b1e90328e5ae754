// IEEE Xplore adapter: finds the papers on ieeexplore.ieee.org search results, issue and proceedings tables of contents
// and a document's own page.
//
// Xplore is an Angular app: the served HTML is a shell, and rows (or a document's header) are rendered after load from
// its API. The content script rescans on DOM changes, so rows read here are those rendered so far; nothing is read from
// the page's scripts (a document page's `xplGlobal.document.metadata` is code, and code is never run or parsed here).
//
// Keys: a DOI where the page shows one (a document page's "DOI:" line or citation_doi tag; some result rows link
// doi.org), else the title; every row keeps its document page (/document/<article number>) as its url.
import type { PaperRef } from '../core/paper.ts';
import { normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { doiFromMetas, titleFromMetas } from './citationMeta.ts';
import { absoluteUrl, allOf, attr, first, idsFromLinks, metaTextAll, nameFromCitation, text, textAsWritten, textOfBlocks, rowsOncePerPaper } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('ieee', 'IEEE Xplore', ['ieeexplore.ieee.org']);

const ORIGIN = 'https://ieeexplore.ieee.org';

// Selectors: alternatives in order of preference, each with why it is there. Written from Xplore's Angular templates
// as we know them (no capture): search results and tables of contents render one xpl-results-item per paper inside a
// div.List-results-items; a document page renders xpl-document-header (h1.document-title) and xpl-document-abstract.
const SELECTORS = {
  items: [
    'div.List-results-items', // search results and tables of contents: one per paper (its article number as id)
    'xpl-results-item', // the wrapper lost its class: the component itself
  ],
  itemTitle: [
    'h3 a[href*="/document/"]', // 2020-: h3.text-md-md-lh > a.fw-bold href="/document/8099678/"
    'h2 a[href*="/document/"]', // 2016-2019: div.txt > h2 > a
    'a[href*="/document/"]', // any link to the document (not its PDF: /stamp/stamp.jsp)
  ],
  itemAuthors: [
    'p.author a[href*="/author/"]', // xpl-authors-name-list > p.author > span > a href="/author/3708…" > span
    '.author a', // older: p.author > span > a
  ],
  itemAbstract: [
    '.twist-container .abstract-text', // the abstract shown under "Abstract" (search results only)
  ],
  pageTitle: [
    'h1.document-title', // xpl-document-header: h1.document-title > span (the title's text)
    '.document-header-title-container h1', // the heading lost its class
  ],
  pageRow: [
    '.document-header-inner-container', // the header block: title, authors, venue (not the whole document's tabs)
    'xpl-document-header', // the component
  ],
  pageAuthors: [
    '.authors-info-container .authors-info a[href*="/author/"] span', // one link per author (a "; " outside)
    '.authors-container .authors-info a span', // another wrapper
  ],
  pageDoi: [
    '.stats-document-abstract-doi a[href]', // "DOI: <a href="https://doi.org/10.1109/…">10.1109/…</a>"
  ],
  pageAbstract: [
    '.abstract-text div[xplmathjax]', // the abstract's text (its "Abstract:" heading beside it)
    '.abstract-desktop-div .abstract-text', // older template
    '.abstract-text', // any abstract block (its heading skipped below)
  ],
  abstractSkip: 'h2, strong.abstract-title',
} as const;

// A document page: /document/8099678 (a tab of it: /document/8099678/authors), older /abstract/document/8099678.
const DOCUMENT_PATH = /^\/(?:abstract\/)?document\/(\d{1,10})(?:\/(?:[a-z-]+\/?)?)?$/;

// Front matter listed in an issue as documents of its own: "[Front Cover]", "Table of Contents", "… Publication Information".
const FRONT_MATTER =
  /^(?:\[[^\]]*\]|table of contents|contents|blank page|(?:information|instructions) for authors|front matter|back matter|masthead|.+ (?:publication|society) information)$/i;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  const params = url.searchParams;
  if (path === '/search/searchresult.jsp') return url.search.length > 1 ? 'listing' : null;
  if (path === '/xpl/tocresult.jsp') return /^\d+$/.test(params.get('isnumber') ?? '') ? 'listing' : null;
  if (path === '/xpl/mostRecentIssue.jsp') return /^\d+$/.test(params.get('punumber') ?? '') ? 'listing' : null;
  if (/^\/xpl\/conhome\/\d+\/proceeding\/?$/.test(path)) return 'listing';
  return DOCUMENT_PATH.test(path) ? 'paper' : null;
}

/** The document page of a link (relative or absolute); undefined for anything else (a PDF, an author, a venue). */
function documentUrlOf(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  if (!url) return undefined;
  const parsed = new URL(url);
  const number = site.hosts.includes(parsed.hostname.toLowerCase()) ? DOCUMENT_PATH.exec(parsed.pathname)?.[1] : undefined;
  return number ? `${ORIGIN}/document/${number}` : undefined;
}

function refFrom(parts: { title: string; url?: string; doi?: string; authors: string[]; abstract?: string }): PaperRef {
  const { title, url, doi, authors, abstract } = parts;
  const ref: PaperRef = { key: paperKey({ doi, title }), title };
  if (doi) ref.doi = doi;
  if (url) ref.url = url;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

/** Names once each, in page order: Xplore renders a row twice over (desktop and mobile layouts) in some templates. */
function namesIn(els: Element[]): string[] {
  return [...new Set(els.map(text).filter(Boolean))];
}

function rowFromItem(item: Element): PaperRow | undefined {
  const link = first(item, SELECTORS.itemTitle);
  const url = link ? documentUrlOf(attr(link, 'href')) : undefined;
  const title = textAsWritten(link, '');
  if (!link || !url || !title || FRONT_MATTER.test(title)) return undefined;
  const doi = idsFromLinks(item).doi;
  const authors = namesIn(allOf(item, SELECTORS.itemAuthors));
  const abstract = textOfBlocks(first(item, SELECTORS.itemAbstract), '');
  // The badge goes in the heading around the link (a click on it must not follow the link).
  const heading = link.parentElement?.closest('h2, h3');
  const titleEl = heading && item.contains(heading) ? heading : link;
  return { ref: refFrom({ title, url, doi, authors, abstract }), titleEl, rowEl: item };
}

/** The document page's own address: the page's, else its canonical link. */
function documentUrlOfPage(root: ParentNode): string | undefined {
  const pageUrl = (root as Partial<Document>).URL ?? '';
  return documentUrlOf(pageUrl) ?? documentUrlOf(attr(root.querySelector('link[rel="canonical"]'), 'href'));
}

function rowFromDocument(root: ParentNode): PaperRow | undefined {
  const titleEl = first(root, SELECTORS.pageTitle);
  const title = textAsWritten(titleEl, '') || titleFromMetas(root) || attr(root.querySelector('meta[property="og:title"]'), 'content');
  if (!titleEl || !title) return undefined;
  const doi = normalizeDoi(doiFromMetas(root)) ?? normalizeDoi(text(first(root, SELECTORS.pageDoi))) ?? idsFromLinks(root, SELECTORS.pageDoi[0]).doi;
  let authors = namesIn(allOf(root, SELECTORS.pageAuthors));
  if (authors.length === 0) authors = metaTextAll(root, 'citation_author').map(nameFromCitation);
  const abstract = textOfBlocks(first(root, SELECTORS.pageAbstract), SELECTORS.abstractSkip);
  const header = first(root, SELECTORS.pageRow);
  const rowEl = header?.contains(titleEl) ? header : titleEl;
  return { ref: refFrom({ title, url: documentUrlOfPage(root), doi, authors, abstract }), titleEl, rowEl };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    // A paper listed twice (a result rendered in two layouts) gets one badge, where it first shows.
    return rowsOncePerPaper(rowFromDocument(root), allOf(root, SELECTORS.items), rowFromItem);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const ieee: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://ieeexplore.ieee.org/search/searchresult.jsp?newsearch=true&queryText=mask%20r-cnn', kind: 'listing' },
    { url: 'https://ieeexplore.ieee.org/xpl/tocresult.jsp?isnumber=8237262', kind: 'listing' },
    { url: 'https://ieeexplore.ieee.org/xpl/mostRecentIssue.jsp?punumber=34', kind: 'listing' },
    { url: 'https://ieeexplore.ieee.org/xpl/conhome/8234942/proceeding', kind: 'listing' },
    { url: 'https://ieeexplore.ieee.org/document/8237584', kind: 'paper' },
    { url: 'https://ieeexplore.ieee.org/abstract/document/7780459/', kind: 'paper' },
  ],
};
