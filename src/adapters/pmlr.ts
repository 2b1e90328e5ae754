// PMLR adapter: finds the papers on proceedings.mlr.press volume pages (ICML, AISTATS, COLT, CoRL, …) and paper pages.
//
// Keys: an arXiv id when the paper links arXiv, else a DOI, else its OpenReview forum (recent ICML volumes link it),
// else the title, as paperKey orders them; volume pages seldom link more than the abstract page and the PDF.
import type { PaperRef } from '../core/paper.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import {
  absoluteUrl,
  allOf,
  attr,
  first,
  idsFromHrefs,
  metaText,
  metaTextAll,
  nameFromCitation,
  namesFromLine,
  text,
  textAsWritten,
  textOfBlocks,
  readersOf,
  rowsFromReaders,
} from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('pmlr', 'PMLR (Proceedings of Machine Learning Research)', ['proceedings.mlr.press']);

const ORIGIN = 'https://proceedings.mlr.press';

// Selectors: alternatives in order of preference, each with why it is there. No capture exists: these follow PMLR's
// Jekyll templates as we know them (a div.paper per paper on a volume page; a plain page per paper with citation_* metas).
const SELECTORS = {
  papers: [
    'div.paper', // volume page: p.title, p.details (span.authors; span.info), p.links ([abs] [Download PDF] [OpenReview])
  ],
  paperTitle: [
    'p.title', // the title text
    '.title', // the paragraph became another element
  ],
  paperAuthors: [
    'span.authors', // "Anders&nbsp;Aamand, Justin&nbsp;Chen, …"
    '.authors', // another element
  ],
  paperLinks: [
    'p.links a[href]', // abs page, PDF, supplementary, OpenReview, arXiv, code
    'a[href]', // links outside p.links
  ],
  absLink: 'a[href$=".html"]', // the "abs" link to /v202/aamand23a.html
  pageTitle: [
    '#content h1', // paper page: the title heading
    'article h1', // another wrapper
    'h1', // anything else
  ],
  pageAuthors: [
    '#authors', // "Anders Aamand, Justin Chen, …" (older pages: span.authors)
    '.authors', // older pages
  ],
  pageAbstract: [
    '#abstract', // div#abstract.abstract
    '.abstract', // lost its id
  ],
  pageLinks: [
    '#extras a[href]', // "Download PDF", "Supplementary", "OpenReview", "arXiv", code links (not links in the abstract)
  ],
  openreviewLink: 'a[href*="openreview.net/forum?id="]', // an ICML paper's OpenReview forum
} as const;

// A volume: /v202/ (and /r1/ for reissued proceedings); a paper: /v202/aamand23a.html.
const VOLUME_PATH = /^\/[vr]\d+\/?$/;
const PAPER_PATH = /^\/[vr]\d+\/(?!index\.html$)[A-Za-z0-9_-]+\.html$/;
const FORUM_ID = /^[A-Za-z0-9_-]{4,}$/;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  if (VOLUME_PATH.test(url.pathname)) return 'listing';
  if (PAPER_PATH.test(url.pathname)) return 'paper';
  return null;
}

/** A PMLR paper page's address from a link (relative or absolute); undefined for anything else. */
function paperUrlOf(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  if (!url) return undefined;
  const parsed = new URL(url);
  if (!site.hosts.includes(parsed.hostname) || !PAPER_PATH.test(parsed.pathname)) return undefined;
  return `${ORIGIN}${parsed.pathname}`;
}

/** The paper page of its PDF: /v202/aamand23a/aamand23a.pdf → /v202/aamand23a.html. */
function paperUrlOfPdf(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  const m = url ? /^https?:\/\/proceedings\.mlr\.press\/([vr]\d+)\/([A-Za-z0-9_-]+)\/\2\.pdf$/.exec(url) : null;
  return m ? `${ORIGIN}/${m[1]}/${m[2]}.html` : undefined;
}

/** The OpenReview forum a paper links. */
function openreviewIdOf(links: Element[]): string | undefined {
  for (const link of links) {
    if (!link.matches(SELECTORS.openreviewLink)) continue;
    const href = absoluteUrl(attr(link, 'href'));
    if (!href) continue;
    const url = new URL(href);
    const id = url.searchParams.get('id') ?? '';
    if (url.hostname === 'openreview.net' && FORUM_ID.test(id)) return id;
  }
  return undefined;
}

function refFrom(parts: { title: string; url?: string; links: Element[]; authors: string[]; abstract?: string }): PaperRef {
  const { title, url, links, authors, abstract } = parts;
  const { arxivId, doi } = idsFromHrefs(links.map((link) => attr(link, 'href')));
  const ref: PaperRef = { key: paperKey({ arxivId, doi, openreviewId: openreviewIdOf(links), title }), title };
  if (arxivId) ref.arxivId = arxivId;
  if (doi) ref.doi = doi;
  if (url) ref.url = url;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

function rowFromPaper(block: Element): PaperRow | undefined {
  const titleEl = first(block, SELECTORS.paperTitle);
  const title = textAsWritten(titleEl, '');
  if (!titleEl || !title) return undefined;
  const links = allOf(block, SELECTORS.paperLinks);
  const url = links.map((link) => paperUrlOf(attr(link, 'href')) ?? paperUrlOfPdf(attr(link, 'href'))).find(Boolean);
  // A block without a link to its paper page or PDF is not a paper (a volume's front matter, a notice).
  if (!url) return undefined;
  const authors = namesFromLine(text(first(block, SELECTORS.paperAuthors)));
  return { ref: refFrom({ title, url, links, authors }), titleEl, rowEl: block };
}

function rowFromPaperPage(root: ParentNode): PaperRow | undefined {
  const metaTitle = metaText(root, 'citation_title');
  const titleEl = first(root, SELECTORS.pageTitle);
  const title = textAsWritten(titleEl, '') || metaTitle;
  if (!titleEl || !title) return undefined;
  let authors = metaTextAll(root, 'citation_author').map(nameFromCitation);
  if (authors.length === 0) authors = namesFromLine(text(first(root, SELECTORS.pageAuthors)));
  const abstract = textOfBlocks(first(root, SELECTORS.pageAbstract), '');
  const pageUrl = (root as Partial<Document>).URL ?? '';
  const url = paperUrlOf(pageUrl) ?? paperUrlOf(attr(root.querySelector('link[rel="canonical"]'), 'href')) ?? paperUrlOfPdf(metaText(root, 'citation_pdf_url'));
  const links = allOf(root, SELECTORS.pageLinks);
  const content = titleEl.closest('#content, article');
  const rowEl = content ?? titleEl;
  return { ref: refFrom({ title, url, links, authors, abstract }), titleEl, rowEl };
}

/** A volume holds hundreds of papers (ICML 2023: 1,828): read in slices, one reader per paper block. */
function rowReaders(root: ParentNode): Array<() => PaperRow | undefined> {
  try {
    const blocks = allOf(root, SELECTORS.papers);
    if (blocks.length > 0) return readersOf(blocks, rowFromPaper);
    return readersOf([root], (page) => (metaText(page, 'citation_title') ? rowFromPaperPage(page) : undefined));
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

function rows(root: ParentNode): PaperRow[] {
  return rowsFromReaders(rowReaders(root));
}

export const pmlr: SiteAdapter = {
  ...site,
  detect,
  rows,
  rowReaders,
  testUrls: [
    { url: 'https://proceedings.mlr.press/v202/', kind: 'listing' },
    { url: 'https://proceedings.mlr.press/v235', kind: 'listing' },
    { url: 'https://proceedings.mlr.press/r1/', kind: 'listing' },
    { url: 'https://proceedings.mlr.press/v202/aamand23a.html', kind: 'paper' },
    { url: 'https://proceedings.mlr.press/v37/ioffe15.html', kind: 'paper' },
  ],
};
