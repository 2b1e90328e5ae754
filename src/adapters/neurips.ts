// NeurIPS proceedings adapter: finds the papers on proceedings.neurips.cc (and papers.nips.cc) year listings and abstract pages.
//
// Keys: the proceedings link neither arXiv nor DOIs, so papers key by title (`title:…`), as ACL Anthology and DBLP
// rows without ids do; an arXiv or DOI link in a row, should one appear, is used first.
import type { PaperRef } from '../core/paper.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import { normalizeTitle } from '../core/identity/titles.ts';
import {
  absoluteUrl,
  allOf,
  attr,
  first,
  idsFromLinks,
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
export const site = defineSite('neurips', 'NeurIPS Proceedings', ['proceedings.neurips.cc', 'papers.nips.cc']);

const ORIGIN = 'https://proceedings.neurips.cc';

// Selectors: alternatives in order of preference, each with why it is there. No capture exists: these follow the
// proceedings site as we know it (a plain list per year, a plain page per paper with citation_* metas).
const SELECTORS = {
  listTitleLinks: [
    'ul.paper-list > li a[href*="-Abstract"]', // one li per paper: the title links to …/hash/<md5>-Abstract[-<track>].html
    'li a[href*="-Abstract"]', // the list lost its class
  ],
  listAuthors: [
    'i', // the li's authors after the link: <i>Ashish Vaswani, Noam Shazeer, …</i>
    '.paper-authors', // authors in a span of their own
  ],
  pageColumn: [
    '.container-fluid .col', // the paper page's one column: h4 title, "Authors", "Abstract" sections
    'body', // no column
  ],
  pageHeadings: 'h4, h2', // the title and the section headings ("Authors", "Abstract") are h4s
  sectionHeading: /^(?:authors?|abstract|bibtex|metadata|reviews?|supplemental|paper)$/i,
} as const;

// A paper's abstract page: /paper_files/paper/2023/hash/<32 hex>-Abstract-Conference.html, /paper/2017/hash/<hex>-Abstract.html.
const PAPER_PATH = /^\/(?:paper_files\/)?paper\/\d{4}\/hash\/[0-9a-f]{32}-Abstract(?:-[A-Za-z0-9_]+)?\.html$/;
// A year's listing: /paper_files/paper/2023, /paper/2017 (older addresses, still served).
const LISTING_PATH = /^\/(?:paper_files\/)?paper\/\d{4}\/?$/;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  if (PAPER_PATH.test(url.pathname)) return 'paper';
  if (LISTING_PATH.test(url.pathname)) return 'listing';
  return null;
}

/** The abstract page a title link points at, absolute; undefined for links that are not one. */
function paperUrlOf(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  if (!url) return undefined;
  const parsed = new URL(url);
  return site.hosts.includes(parsed.hostname) && PAPER_PATH.test(parsed.pathname) ? url : undefined;
}

/** The abstract page of a proceedings PDF: …/file/<md5>-Paper[-<Track>].pdf → …/hash/<md5>-Abstract[-<Track>].html. */
function paperUrlOfPdf(pdf: string): string | undefined {
  const m = /^(.*)\/file\/([0-9a-f]{32})-Paper((?:-[A-Za-z0-9_]+)?)\.pdf$/.exec(pdf);
  return m ? paperUrlOf(`${m[1]}/hash/${m[2]}-Abstract${m[3]}.html`) : undefined;
}

function refFrom(parts: { title: string; url?: string; arxivId?: string; doi?: string; authors: string[]; abstract?: string }): PaperRef {
  const { title, url, arxivId, doi, authors, abstract } = parts;
  const ref: PaperRef = { key: paperKey({ arxivId, doi, title }), title };
  if (arxivId) ref.arxivId = arxivId;
  if (doi) ref.doi = doi;
  if (url) ref.url = url;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

function rowFromLink(link: Element): PaperRow | undefined {
  const url = paperUrlOf(attr(link, 'href'));
  const title = textAsWritten(link, '');
  const row = link.closest('li');
  if (!url || !title || !row) return undefined;
  const authors = namesFromLine(text(first(row, SELECTORS.listAuthors)));
  return { ref: refFrom({ title, url, ...idsFromLinks(row), authors }), titleEl: link, rowEl: row };
}

/** A link's row, read only from the first title link of its item: a second abstract link in the same item (a track badge) is not another paper. */
function rowFromFirstLink(link: Element): PaperRow | undefined {
  const item = link.closest('li');
  return item && allOf(item, SELECTORS.listTitleLinks)[0] === link ? rowFromLink(link) : undefined;
}

/** The text after a section heading ("Abstract", "Authors") up to the next heading. */
function sectionAfter(column: Element, name: RegExp): Element[] {
  const out: Element[] = [];
  const heading = Array.from(column.querySelectorAll(SELECTORS.pageHeadings)).find((h) => name.test(text(h)));
  for (let el = heading?.nextElementSibling; el && !el.matches(SELECTORS.pageHeadings); el = el.nextElementSibling) out.push(el);
  return out;
}

function rowFromPaperPage(root: ParentNode): PaperRow | undefined {
  const metaTitle = metaText(root, 'citation_title');
  const column = first(root, SELECTORS.pageColumn);
  if (!column) return undefined;
  const headings = Array.from(column.querySelectorAll(SELECTORS.pageHeadings)).filter((h) => !SELECTORS.sectionHeading.test(text(h)));
  const wanted = normalizeTitle(metaTitle);
  const titleEl = headings.find((h) => wanted && normalizeTitle(textAsWritten(h, '')) === wanted) ?? headings[0];
  const title = textAsWritten(titleEl, '') || metaTitle;
  if (!titleEl || !title) return undefined;
  let authors = metaTextAll(root, 'citation_author').map(nameFromCitation);
  if (authors.length === 0)
    authors = namesFromLine(
      sectionAfter(column, /^authors?$/i)
        .map((el) => text(el))
        .join(', '),
    );
  const abstract = sectionAfter(column, /^abstract$/i)
    .map((el) => textOfBlocks(el, ''))
    .filter(Boolean)
    .join(' ');
  const pageUrl = (root as Partial<Document>).URL ?? '';
  const url = paperUrlOf(pageUrl) ?? paperUrlOf(attr(root.querySelector('link[rel="canonical"]'), 'href')) ?? paperUrlOfPdf(metaText(root, 'citation_pdf_url'));
  const rowEl = column.localName === 'body' ? titleEl : column;
  return { ref: refFrom({ title, url, ...idsFromLinks(column), authors, abstract }), titleEl, rowEl };
}

/** A year's listing holds thousands of papers (2023: about 3,500): read in slices, one reader per title link. */
function rowReaders(root: ParentNode): Array<() => PaperRow | undefined> {
  try {
    const links = allOf(root, SELECTORS.listTitleLinks);
    if (links.length > 0) return readersOf(links, rowFromFirstLink);
    return readersOf([root], (page) => (metaText(page, 'citation_title') ? rowFromPaperPage(page) : undefined));
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

function rows(root: ParentNode): PaperRow[] {
  return rowsFromReaders(rowReaders(root));
}

export const neurips: SiteAdapter = {
  ...site,
  detect,
  rows,
  rowReaders,
  testUrls: [
    { url: 'https://proceedings.neurips.cc/paper_files/paper/2023', kind: 'listing' },
    { url: 'https://papers.nips.cc/paper_files/paper/2017/', kind: 'listing' },
    { url: 'https://proceedings.neurips.cc/paper/2020', kind: 'listing' },
    { url: 'https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html', kind: 'paper' },
    { url: 'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0001ca33ba34ce0351e4612b744b3936-Abstract-Conference.html', kind: 'paper' },
    { url: 'https://papers.nips.cc/paper/2021/hash/0a09c8844ba8f0936c20bd791130d6b6-Abstract-round1.html', kind: 'paper' },
  ],
};
