// CVF open access adapter: finds the papers on openaccess.thecvf.com conference listings (CVPR, ICCV, WACV, …) and paper pages.
//
// Keys: an arXiv id when the paper links arXiv (many listings have an [arXiv] link), else a DOI, else the title.
// A listing has no element per paper: each paper is a dt.ptitle followed by dd elements (authors, then links) up to the
// next dt, so the dt (which holds the title) is the row, and its dds are read as its details.
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
export const site = defineSite('cvf', 'CVF Open Access', ['openaccess.thecvf.com']);

const ORIGIN = 'https://openaccess.thecvf.com';

// Selectors: alternatives in order of preference, each with why it is there. No capture exists: these follow the open
// access pages as we know them (a dl of dt.ptitle / dd pairs per listing, div#papertitle on a paper page).
const SELECTORS = {
  titles: [
    'dt.ptitle', // one per paper: <dt class="ptitle"><br><a href="/content/CVPR2024/html/…_paper.html">Title</a></dt>
  ],
  titleLink: 'a[href]', // the link to the paper page inside the dt
  authorInputs: 'input[name="query_author"]', // dd of authors: one form.authsearch per author, its name in a hidden input
  authorLinks: 'a', // the visible author names when the inputs are gone
  pageTitle: [
    '#papertitle', // paper page: div#papertitle
    '#content dd > div:first-child', // the id is gone: the first block of the paper's dd
  ],
  pageAuthors: [
    '#authors i', // "<b><i>Yun Li, Ana Souza</i></b>; Proceedings of …"
    '#authors b', // without the italics
  ],
  pageAbstract: [
    '#abstract', // div#abstract
  ],
  pageBlock: [
    '#content dl', // the paper's title, authors, abstract and links
    '#content', // without the dl
  ],
} as const;

// A paper page: /content/CVPR2024/html/<name>_paper.html, /content_cvpr_2018/html/…, workshops /content/CVPR2023W/<ws>/html/….
const PAPER_PATH = /^\/content[A-Za-z0-9_]*\/(?:[A-Za-z0-9_-]+\/)*html\/[^/]+_paper\.html$/;
// A conference's page: /CVPR2024 (?day=all or a day), /WACV2024, /CVPR2018.py; a workshop's page: /CVPR2023_workshops/<name>.
const CONFERENCE_PATH = /^\/([A-Z]{3,6})(\d{4})(?:\.py)?\/?$/;
const WORKSHOP_PATH = /^\/[A-Z]{3,6}\d{4}_workshops\/(?!menu\b)[A-Za-z0-9_-]+(?:\.py)?\/?$/;
// Conferences whose page, from that year on, splits the papers by day: without `?day=` it is a menu of days (and
// "All Papers"), which lists no paper and must not read as a listing that lost its papers.
const SPLIT_BY_DAY_SINCE: Readonly<Record<string, number>> = { CVPR: 2019, ICCV: 2019 };

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  if (PAPER_PATH.test(url.pathname)) return 'paper';
  if (WORKSHOP_PATH.test(url.pathname)) return 'listing';
  const conference = CONFERENCE_PATH.exec(url.pathname);
  if (!conference) return null;
  const since = SPLIT_BY_DAY_SINCE[conference[1]!];
  const dayMenu = since !== undefined && Number(conference[2]) >= since && !url.searchParams.get('day');
  return dayMenu ? null : 'listing';
}

/** A paper page's absolute address from a link; undefined for anything else (PDFs, supplements, other sites). */
function paperUrlOf(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  if (!url) return undefined;
  const parsed = new URL(url);
  return site.hosts.includes(parsed.hostname) && PAPER_PATH.test(parsed.pathname) ? `${ORIGIN}${parsed.pathname}` : undefined;
}

/** The paper page of its PDF: /content/CVPR2024/papers/<name>_paper.pdf → /content/CVPR2024/html/<name>_paper.html. */
function paperUrlOfPdf(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  const m = url ? /^(https?:\/\/[^/]+\/content[^?#]*)\/papers\/([^/?#]+_paper)\.pdf$/.exec(url) : null;
  return m ? paperUrlOf(`${m[1]}/html/${m[2]}.html`) : undefined;
}

function refFrom(parts: { title: string; url?: string; hrefs: string[]; authors: string[]; abstract?: string }): PaperRef {
  const { title, url, hrefs, authors, abstract } = parts;
  const { arxivId, doi } = idsFromHrefs(hrefs);
  const ref: PaperRef = { key: paperKey({ arxivId, doi, title }), title };
  if (arxivId) ref.arxivId = arxivId;
  if (doi) ref.doi = doi;
  if (url) ref.url = url;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

/** The dd elements after a dt, up to the next dt: the paper's authors and links. */
function detailsOf(dt: Element): Element[] {
  const out: Element[] = [];
  for (let el = dt.nextElementSibling; el && el.localName !== 'dt'; el = el.nextElementSibling) if (el.localName === 'dd') out.push(el);
  return out;
}

/** Author names of a listing entry: the hidden author-search inputs, else the names shown in its first dd. */
function authorsOf(details: Element[]): string[] {
  for (const dd of details) {
    const inputs = Array.from(dd.querySelectorAll(SELECTORS.authorInputs))
      .map((input) => attr(input, 'value'))
      .filter(Boolean);
    if (inputs.length > 0) return inputs;
  }
  const firstDd = details[0];
  // An authors dd has no links to files; a links dd ([pdf] [supp] [arXiv]) is not one.
  if (!firstDd || firstDd.querySelector('a[href$=".pdf"], a[href*="arxiv.org"]')) return [];
  const shown = Array.from(firstDd.querySelectorAll(SELECTORS.authorLinks)).map(text).filter(Boolean);
  return shown.length > 0 ? [...new Set(shown)] : namesFromLine(text(firstDd));
}

function rowFromTitle(dt: Element): PaperRow | undefined {
  const link = dt.querySelector(SELECTORS.titleLink);
  const url = paperUrlOf(attr(link, 'href'));
  const title = textAsWritten(link, '');
  if (!link || !url || !title) return undefined;
  const details = detailsOf(dt);
  const hrefs = details.flatMap((dd) => Array.from(dd.querySelectorAll('a[href]'), (a) => attr(a, 'href')));
  return { ref: refFrom({ title, url, hrefs, authors: authorsOf(details) }), titleEl: dt, rowEl: dt };
}

function rowFromPaperPage(root: ParentNode): PaperRow | undefined {
  const titleEl = first(root, SELECTORS.pageTitle);
  const title = textAsWritten(titleEl, '') || metaText(root, 'citation_title');
  if (!titleEl || !title) return undefined;
  let authors = metaTextAll(root, 'citation_author').map(nameFromCitation);
  if (authors.length === 0) authors = namesFromLine(text(first(root, SELECTORS.pageAuthors)));
  const abstract = textOfBlocks(first(root, SELECTORS.pageAbstract), '');
  const block = first(root, SELECTORS.pageBlock);
  const rowEl = block?.contains(titleEl) ? block : titleEl;
  // The paper's own links ([pdf] [supp] [arXiv]) sit in its block after the abstract; links inside the abstract are not its ids.
  const abstractEl = first(root, SELECTORS.pageAbstract);
  const hrefs = Array.from(rowEl.querySelectorAll('a[href]'))
    .filter((a) => !abstractEl?.contains(a))
    .map((a) => attr(a, 'href'));
  const pageUrl = (root as Partial<Document>).URL ?? '';
  const url = paperUrlOf(pageUrl) ?? paperUrlOf(attr(root.querySelector('link[rel="canonical"]'), 'href')) ?? paperUrlOfPdf(metaText(root, 'citation_pdf_url'));
  return { ref: refFrom({ title, url, hrefs, authors, abstract }), titleEl, rowEl };
}

/** A conference's "all papers" page holds thousands (CVPR 2024: 2,716): read in slices, one reader per title. */
function rowReaders(root: ParentNode): Array<() => PaperRow | undefined> {
  try {
    const titles = allOf(root, SELECTORS.titles);
    if (titles.length > 0) return readersOf(titles, rowFromTitle);
    return readersOf([root], (page) => (metaText(page, 'citation_title') ? rowFromPaperPage(page) : undefined));
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

function rows(root: ParentNode): PaperRow[] {
  return rowsFromReaders(rowReaders(root));
}

export const cvf: SiteAdapter = {
  ...site,
  detect,
  rows,
  rowReaders,
  testUrls: [
    { url: 'https://openaccess.thecvf.com/CVPR2024?day=all', kind: 'listing' },
    { url: 'https://openaccess.thecvf.com/ICCV2023?day=all', kind: 'listing' },
    { url: 'https://openaccess.thecvf.com/WACV2024', kind: 'listing' },
    { url: 'https://openaccess.thecvf.com/CVPR2018.py', kind: 'listing' },
    { url: 'https://openaccess.thecvf.com/CVPR2023_workshops/CVFAD', kind: 'listing' },
    { url: 'https://openaccess.thecvf.com/content/CVPR2024/html/Li_Generative_Image_Dynamics_CVPR_2024_paper.html', kind: 'paper' },
    { url: 'https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html', kind: 'paper' },
    { url: 'https://openaccess.thecvf.com/content/CVPR2023W/CVFAD/html/Smith_A_Workshop_Paper_CVPRW_2023_paper.html', kind: 'paper' },
  ],
};
