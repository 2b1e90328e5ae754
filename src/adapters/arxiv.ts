// arXiv adapter: finds the papers on arxiv.org listing pages (/new, /recent, /pastweek, month, catchup) and abstract pages.
import type { PaperRef } from '../core/paper.ts';
import { arxivIdFromUrl, normalizeArxivId, paperKey } from '../core/identity/paperKey.ts';
import { allOf, attr, first, meta, metaAll, nameFromCitation, rowsFromReaders, text, textAsWritten } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('arxiv', 'arXiv', ['arxiv.org', 'www.arxiv.org']);

// Selectors: alternatives in order of preference, each with why it is there.
const SELECTORS = {
  listingBlocks: [
    '#dlpage dl#articles', // 2026 listings: one dl per day (/recent) or per section (/new), heading h3 inside
    'dl#articles', // same list outside #dlpage (catchup and older templates)
  ],
  entryLink: [
    'a[title="Abstract"]', // 2026 dt: id attribute = bare id, href="/abs/<id>" (emitted as `href ="…"`)
    'a[href*="/abs/"]', // the abstract link lost its title attribute
  ],
  entryTitle: [
    '.list-title', // 2026 dd: div.list-title.mathjax with a leading span.descriptor "Title:"
  ],
  entryAuthors: [
    '.list-authors a', // one link per author (no "Authors:" descriptor in 2026; older pages had one, not a link)
  ],
  entrySubjects: [
    '.list-subjects', // "Subjects:" descriptor, span.primary-subject, then "; Name (code)" text
  ],
  entryAbstract: [
    'p.mathjax', // only /new shows abstracts, as a p after the meta divs
    'p.abstract', // older /new template
  ],
  descriptor: '.descriptor', // the "Title:", "Authors:", "Abstract:", "Subjects:" labels
  primarySubject: '.primary-subject', // first category, wrapped on listings and abstract pages alike
  absContainer: [
    '#abs', // abstract page: the paper's own block
    '#content-inner', // its wrapper, if #abs was renamed
  ],
  absTitle: [
    '#abs h1.title', // h1.title.mathjax with span.descriptor "Title:"
    'h1.title', // outside #abs
  ],
  absAuthors: [
    '#abs .authors a', // one link per author
    '.authors a', // outside #abs
  ],
  absAbstract: [
    '#abs blockquote.abstract', // blockquote.abstract.mathjax with span.descriptor "Abstract:"
    'blockquote.abstract', // outside #abs
  ],
  absSubjects: [
    'td.tablecell.subjects', // metatable row "Subjects:"
    '.subjects', // metatable markup changed
  ],
  absIdLink: [
    '#abs td.arxivid a', // "Cite as: arXiv:<id>" in the metatable
    '#abs .arxivid a', // same, span.arxivid outside a table cell
    'link[rel="canonical"]', // <link rel=canonical href="https://arxiv.org/abs/<id>">
  ],
} as const;

// A category code in parentheses: (cs.CL), (hep-th), (math.GT), (physics.comp-ph), (q-bio.NC).
const CATEGORY_CODE = /\(([a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?)\)/g;
// Listing paths: /list/<cat>/new|recent|pastweek, month /list/<cat>/<yymm> (or <yy>/<yyyy>), and catchup.
const LISTING_PATH = /^\/(?:list\/[A-Za-z][A-Za-z-]*(?:\.[A-Za-z][A-Za-z-]*)?\/(?:new|recent|pastweek|\d{2}|\d{4})|catchup(?:\/[^?#]*)?)\/?$/;
const ABS_PATH = /^\/abs\/(.+?)\/?$/;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (LISTING_PATH.test(path)) return 'listing';
  const abs = ABS_PATH.exec(path);
  if (abs?.[1] && normalizeArxivId(decodedPath(abs[1]))) return 'paper';
  return null;
}

/** Percent-decoded path part; a malformed escape gives it back as is rather than throwing. */
function decodedPath(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The arXiv id in an href that may be relative ("/abs/…") or absolute. */
function idFromHref(href: string): string | undefined {
  if (!href) return undefined;
  try {
    return arxivIdFromUrl(new URL(href, 'https://arxiv.org/').href);
  } catch {
    return undefined;
  }
}

/** Category codes, primary first, each once. */
function categoriesFrom(subjects: Element | undefined): string[] {
  if (!subjects) return [];
  const codes: string[] = [];
  const primary = subjects.querySelector(SELECTORS.primarySubject);
  const texts = [text(primary), textAsWritten(subjects, SELECTORS.descriptor)];
  for (const t of texts) {
    for (const m of t.matchAll(CATEGORY_CODE)) {
      if (m[1] && !codes.includes(m[1])) codes.push(m[1]);
    }
  }
  return codes;
}

function refFrom(arxivId: string, title: string, authors: string[], categories: string[], abstract: string): PaperRef {
  const ref: PaperRef = {
    key: paperKey({ arxivId }),
    title,
    arxivId,
    url: `https://arxiv.org/abs/${arxivId}`,
    authors,
    categories,
  };
  if (abstract) ref.abstract = abstract;
  return ref;
}

/** The dd that belongs to a dt: the next dd before any other dt. */
function ddAfter(dt: Element): Element | undefined {
  for (let el = dt.nextElementSibling; el; el = el.nextElementSibling) {
    if (el.localName === 'dd') return el;
    if (el.localName === 'dt') return undefined;
  }
  return undefined;
}

function rowFromEntry(dt: Element, dd: Element): PaperRow | undefined {
  const link = first(dt, SELECTORS.entryLink);
  const arxivId = normalizeArxivId(attr(link, 'id')) ?? idFromHref(attr(link, 'href')) ?? normalizeArxivId(text(link));
  const titleEl = first(dd, SELECTORS.entryTitle);
  const title = textAsWritten(titleEl, SELECTORS.descriptor);
  if (!arxivId || !titleEl || !title) return undefined;
  const authors = allOf(dd, SELECTORS.entryAuthors).map(text).filter(Boolean);
  const categories = categoriesFrom(first(dd, SELECTORS.entrySubjects));
  const abstract = textAsWritten(first(dd, SELECTORS.entryAbstract), SELECTORS.descriptor);
  return { ref: refFrom(arxivId, title, authors, categories, abstract), titleEl, rowEl: dd };
}

/** One reader per dt/dd entry of the listing blocks, in page order. */
function readersOfListing(blocks: Element[]): Array<() => PaperRow | undefined> {
  const readers: Array<() => PaperRow | undefined> = [];
  for (const dl of blocks) {
    for (let dt = dl.firstElementChild; dt; dt = dt.nextElementSibling) {
      if (dt.localName !== 'dt') continue;
      const entry = dt;
      readers.push(() => {
        try {
          const dd = ddAfter(entry);
          return dd && rowFromEntry(entry, dd);
        } catch {
          return undefined; // one odd entry costs its own row, not the page's
        }
      });
    }
  }
  return readers;
}

function idFromAbsPage(root: ParentNode): string | undefined {
  const fromMeta = normalizeArxivId(meta(root, 'citation_arxiv_id'));
  if (fromMeta) return fromMeta;
  for (const selector of SELECTORS.absIdLink) {
    const el = root.querySelector(selector);
    const id = idFromHref(attr(el, 'href')) ?? normalizeArxivId(text(el));
    if (id) return id;
  }
  return undefined;
}

function rowsFromAbsPage(root: ParentNode): PaperRow[] {
  const rowEl = first(root, SELECTORS.absContainer);
  const h1 = first(root, SELECTORS.absTitle);
  const titleEl = h1 ?? rowEl;
  if (!rowEl || !titleEl) return [];
  const arxivId = idFromAbsPage(root);
  const title = textAsWritten(h1, SELECTORS.descriptor) || meta(root, 'citation_title');
  if (!arxivId || !title) return [];
  const linked = allOf(root, SELECTORS.absAuthors).map(text).filter(Boolean);
  const authors = linked.length > 0 ? linked : metaAll(root, 'citation_author').map(nameFromCitation);
  const abstract = textAsWritten(first(root, SELECTORS.absAbstract), SELECTORS.descriptor) || meta(root, 'citation_abstract');
  const categories = categoriesFrom(first(root, SELECTORS.absSubjects));
  return [{ ref: refFrom(arxivId, title, authors, categories, abstract), titleEl, rowEl }];
}

function rowReaders(root: ParentNode): Array<() => PaperRow | undefined> {
  try {
    const blocks = allOf(root, SELECTORS.listingBlocks);
    if (blocks.length > 0) return readersOfListing(blocks);
    const page = rowsFromAbsPage(root);
    return page.map((row) => () => row);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

function rows(root: ParentNode): PaperRow[] {
  return rowsFromReaders(rowReaders(root));
}

export const arxiv: SiteAdapter = {
  ...site,
  detect,
  rows,
  rowReaders,
  testUrls: [
    { url: 'https://arxiv.org/list/cs.DC/new', kind: 'listing' },
    { url: 'https://arxiv.org/list/cs.CL/recent?skip=0&show=2000', kind: 'listing' },
    { url: 'https://arxiv.org/list/hep-th/pastweek?show=25', kind: 'listing' },
    { url: 'https://arxiv.org/list/math.GT/0309', kind: 'listing' },
    { url: 'https://www.arxiv.org/list/physics.comp-ph/new/', kind: 'listing' },
    { url: 'https://arxiv.org/catchup/cs.CL/2026-07-20', kind: 'listing' },
    { url: 'https://arxiv.org/abs/2104.07857', kind: 'paper' },
    { url: 'https://arxiv.org/abs/2408.12757v3', kind: 'paper' },
    { url: 'https://arxiv.org/abs/hep-th/9901001v2', kind: 'paper' },
    { url: 'https://www.arxiv.org/abs/math.GT/0309136', kind: 'paper' },
  ],
};
