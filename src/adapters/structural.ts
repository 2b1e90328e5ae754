// Structural fallback reader: the papers of a listing whose site markup is not the one its adapter knows, read from
// repeated sibling items that each link one paper. Pure DOM reads; it never throws and never badges page chrome.
import type { PaperRef } from '../core/paper.ts';
import { arxivIdFromUrl, normalizeArxivId, normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { textAsWritten } from './dom.ts';
import type { PaperRow } from './types.ts';

/** Siblings of one shape under one parent, each linking another paper, that make a listing (fewer: a lone link or a pair). */
export const MIN_GROUP = 3;
/** Different papers one item may link (its arXiv page, its DOI, its proceedings page): more, and it is a list, not an item. */
const MAX_PAPERS_PER_ITEM = 3;
/** Ancestors climbed from a link looking for its item: rows sit a few levels above their links. */
const MAX_DEPTH = 12;
/** Text longer than this is a paragraph or a whole reference, not a title. */
const MAX_TITLE = 400;

// Selectors: each with why it is there.
const SELECTORS = {
  // Page chrome: the site's menus, banners, sidebars and page footer link to papers without listing them.
  chrome: 'nav, menu, [role="navigation"], [role="menu"], [role="menubar"], [role="banner"], [role="contentinfo"], [role="complementary"], aside',
  // header/footer are the page's banner/footer only outside sectioning content (HTML's role mapping); a card's own header is not.
  headerFooter: 'header, footer',
  sectioning: 'article, aside, main, nav, section',
  // Cited works inside a paper's text: LaTeXML (arXiv HTML), common templates, DPUB-ARIA roles.
  references: '.ltx_bibliography, .references, #references, .bibliography, #bibliography, [role="doc-bibliography"], [role="doc-endnotes"]',
  headings: 'h1, h2, h3, h4, h5, h6',
  // An item's most prominent text, in order: a heading, an element named as a title, bold text.
  prominent: ['h1, h2, h3, h4, h5, h6', '[class*="title"], [class*="Title"], [itemprop="name"], [itemprop="headline"]', 'strong, b'],
  // Authors plainly marked as such: by class name or schema.org microdata.
  authors: '[class*="author"], [class*="Author"], [itemprop="author"]',
  badge: 'paperscope-badge',
} as const;

// A heading that opens a list of cited works ("References", "7 Bibliography", "Works Cited").
const REFERENCES_HEADING = /^(?:[\dIVX]+\.?\s+)?(?:references|bibliography|works cited|literature cited|cited works|reference list)\b/i;
// Texts made only of words that name a file, a format or an action ("PDF", "Download PDF", "[bib]", "Other formats").
const ONLY_LINK_WORDS =
  /^(?:[[(]?(?:pdf|html|abs|abstract|ps|bib|bibtex|other|formats?|download|view|get|read|full|text|code|slides|video|poster|doi|arxiv|forum|paper|link|supplementary|supplemental|material|reviews?|cite|citation|export|more|less|show|hide)[\])]?[\s,.:;|/-]*)+$/i;
// Texts that are an identifier, a URL or a bare host ("arXiv:1812.06401", "10.1145/…", "hep-th/9901001", "arxiv.org").
const AN_IDENTIFIER = /^(?:arxiv:.*|doi:.*|10\.\d{4,9}\/.*|https?:.*|www\..*|\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?|[\w-]+(?:\.[\w-]+)+)$/i;
// A leading file marker ("[PDF] arxiv.org", "[HTML]").
const FILE_MARKER = /^\[[^\]]{1,12}\]\s*/;
// Leading labels of old listing templates ("Title:", "Authors:").
const LABEL = /^(?:title|authors?)\s*:\s*/i;
const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org']);
// A DOI in a publisher's path: /doi/…, /doi/abs|full|pdf|epdf/…, Springer's /article/… and /chapter/….
const DOI_IN_PATH = /\/(?:doi(?:\/(?:abs|full|pdf|epdf|book))?|article|chapter)\/(10\.\d{4,9}\/[^?#]+)$/i;
// A page named by a new-style arXiv id on any host (Hugging Face, alphaXiv, arXiv mirrors): "/papers/2501.12948".
const ARXIV_ID_PATH = /\/((?:0[7-9]|[12]\d)(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?$/;
const FORUM_ID = /^[A-Za-z0-9_-]{4,}$/;

/** A paper's page whose path holds its DOI: each host's path, the capture the DOI (a version suffix left out). */
const DOI_PAGES: ReadonlyArray<{ hosts: readonly string[]; path: RegExp }> = [
  // bioRxiv and medRxiv: /content/10.1101/2024.03.01.582900v1 (and .full, .abstract…), older /content/10.1101/696633v1.
  { hosts: ['biorxiv.org', 'medrxiv.org'], path: /^\/content\/(10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,})(?:v\d+)?(?:\.[a-z-]+)?\/?$/ },
];

/**
 * Proceedings pages with no identifier a key can hold (their rows are keyed by title): each host's paper path, the
 * capture naming one paper whatever the file (abstract page, PDF, supplement).
 */
const PROCEEDINGS: ReadonlyArray<{ hosts: readonly string[]; path: RegExp; notPaper?: RegExp }> = [
  // ACL Anthology, today (/2023.acl-long.1/, /P19-1001.pdf) and in its old aclweb.org folders (/anthology/P/P17/P17-1001.pdf);
  // a volume's front matter (2023.acl-long.0, P17-1000, W19-5300) is no paper.
  {
    hosts: ['aclanthology.org', 'aclweb.org'],
    path: /\/(\d{4}\.[a-z0-9-]+\.\d+|[A-Z]\d{2}-\d{4})(?:\/|\.pdf)?$/,
    notPaper: /\.0$|^[A-VX-Z]\d{2}-\d000$|^W\d{2}-\d{2}00$/,
  },
  // NeurIPS: /paper/2017/hash/<md5>-Abstract.html and /paper/2017/file/<md5>-Paper.pdf; older /paper/7181-attention-is-…
  { hosts: ['proceedings.neurips.cc', 'papers.nips.cc'], path: /^\/paper(?:_files\/paper)?\/(?:\d{4}\/(?:hash|file)\/([0-9a-f]{32})|(\d+)-)/ },
  // PMLR (ICML, AISTATS, COLT…): /v80/smith18a.html and /v80/smith18a/smith18a.pdf.
  { hosts: ['proceedings.mlr.press'], path: /^\/(v\d+\/[A-Za-z0-9_-]+?)(?:\.html|\/[^/]+\.pdf)$/ },
  // CVF open access (CVPR, ICCV, WACV): …/html/<name>_paper.html and …/papers/<name>_paper.pdf.
  { hosts: ['openaccess.thecvf.com'], path: /\/(?:html|papers)\/([^/]+?)_paper\.(?:html|pdf)$/ },
  // IJCAI proceedings: /proceedings/2019/123.
  { hosts: ['ijcai.org'], path: /^\/proceedings\/(\d{4}\/\d+)/ },
  // IEEE Xplore document pages: /document/8237584 (a tab of it: /document/8237584/authors), older /abstract/document/….
  { hosts: ['ieeexplore.ieee.org'], path: /^\/(?:abstract\/)?document\/(\d+)(?:\/[a-z-]*)?\/?$/ },
  // Semantic Scholar paper pages: /paper/<slug>/<40-hex corpus id>, the id alone naming the paper.
  { hosts: ['semanticscholar.org'], path: /^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i },
];

/** The identifiers one link gives a paper, and a name for that paper that every link to it shares. */
interface PaperLink {
  link: Element;
  /** Its place among the page's paper links (document order). */
  at: number;
  /** "arxiv:1801.01234", "doi:10.1/x", "openreview:AbC", "page:aclanthology.org P18-1001". */
  id: string;
  arxivId?: string;
  doi?: string;
  openreviewId?: string;
  /** The paper's own page, for papers known by title only. */
  pageUrl?: string;
}

type LinkIds = Omit<PaperLink, 'link' | 'at'>;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function fromDoi(raw: string): LinkIds | undefined {
  const doi = normalizeDoi(raw);
  if (!doi) return undefined;
  const arxivId = arxivIdFromUrl(doi);
  return arxivId ? { id: `arxiv:${arxivId}`, arxivId } : { id: `doi:${doi}`, doi };
}

/** What paper a URL names, if any (see the tables above). */
/** What paperOfUrl reads of a URL: a URL object's, or a link element's own (HTMLAnchorElement has the same fields). */
type UrlParts = Pick<URL, 'hostname' | 'pathname' | 'search' | 'origin'>;

export function paperOfUrl(url: UrlParts): LinkIds | undefined {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname;
  if (host === 'arxiv.org' || host.endsWith('.arxiv.org')) {
    const arxivId = arxivIdFromUrl(`arxiv.org${path}`);
    return arxivId ? { id: `arxiv:${arxivId}`, arxivId } : undefined;
  }
  if (DOI_HOSTS.has(host)) return fromDoi(decoded(path.slice(1)));
  if (host === 'openreview.net') {
    const id = new URLSearchParams(url.search).get('id') ?? '';
    return /^\/(?:forum|pdf)\/?$/.test(path) && FORUM_ID.test(id) ? { id: `openreview:${id}`, openreviewId: id } : undefined;
  }
  for (const { hosts, path: doiPath } of DOI_PAGES) {
    const doi = hosts.includes(host) ? doiPath.exec(path)?.[1] : undefined;
    if (doi) return fromDoi(doi);
  }
  for (const { hosts, path: paperPath, notPaper } of PROCEEDINGS) {
    if (!hosts.includes(host)) continue;
    const name = paperPath.exec(path)?.slice(1).find(Boolean);
    return name && !notPaper?.test(name) ? { id: `page:${host} ${name}`, pageUrl: `${url.origin}${path}` } : undefined;
  }
  const doi = DOI_IN_PATH.exec(path);
  if (doi?.[1]) return fromDoi(decoded(doi[1]));
  const bare = ARXIV_ID_PATH.exec(path);
  const arxivId = bare?.[1] && normalizeArxivId(bare[1]);
  return arxivId ? { id: `arxiv:${arxivId}`, arxivId } : undefined;
}

/** Whether an element is in the page's chrome (menus, banner, page footer, sidebars), where paper links are no listing. */
type ChromeTest = (el: Element | null) => boolean;

/** A chrome test for one reading of a page: each ancestor is matched once, however many links sit under it. */
function chromeTest(): ChromeTest {
  const chrome = new Map<Element, boolean>();
  const sectioned = new Map<Element, boolean>();
  const inSectioning = (el: Element | null): boolean => {
    if (!el) return false;
    let known = sectioned.get(el);
    if (known === undefined) sectioned.set(el, (known = el.matches(SELECTORS.sectioning) || inSectioning(el.parentElement)));
    return known;
  };
  const inChrome: ChromeTest = (el) => {
    if (!el) return false;
    let known = chrome.get(el);
    if (known === undefined) {
      known = el.matches(SELECTORS.chrome) || (el.matches(SELECTORS.headerFooter) && !inSectioning(el.parentElement)) || inChrome(el.parentElement);
      chrome.set(el, known);
    }
    return known;
  };
  return inChrome;
}

/** The first heading of an element, or the heading just before it: what a section or a list is titled. */
function headingOf(el: Element): string {
  let before = el.previousElementSibling;
  while (before && before.localName === 'a' && !before.textContent?.trim()) before = before.previousElementSibling; // an anchor target
  if (before?.matches(SELECTORS.headings)) return before.textContent ?? '';
  const own = el.firstElementChild;
  if (own?.matches(SELECTORS.headings)) return own.textContent ?? '';
  return '';
}

/** Whether an element sits in a list of cited works (a paper's references), whose links are citations, not rows. */
function inReferences(el: Element): boolean {
  if (el.closest(SELECTORS.references)) return true;
  for (let at: Element | null = el; at && at.localName !== 'body'; at = at.parentElement) {
    if (REFERENCES_HEADING.test(headingOf(at).trim())) return true;
  }
  return false;
}

/**
 * A link's URL: with `own`, the browser's own reading of it (the page has a real address; about twice as fast as
 * parsing, and it follows the page's <base>), else `href` parsed against `base`.
 */
function urlOf(link: Element, href: string, base: string | undefined, own: boolean): UrlParts | undefined {
  const anchor = link as Partial<HTMLAnchorElement>;
  if (own && typeof anchor.pathname === 'string' && anchor.hostname) return anchor as UrlParts;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** Every link under `root` that names a paper, outside page chrome and badges, in document order. */
function paperLinksIn(root: ParentNode, base: string | undefined, own: boolean, inChrome: ChromeTest): PaperLink[] {
  const found: PaperLink[] = [];
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    if (!href || /^(?:#|javascript:|mailto:|data:)/i.test(href)) continue;
    const url = urlOf(link, href, base, own);
    const ids = url && paperOfUrl(url);
    if (!ids || link.closest(SELECTORS.badge) || inChrome(link)) continue;
    found.push({ link, at: found.length, ...ids });
  }
  return found;
}

/** A sibling group's shape: its parent's tag, the items' tag and first class (state classes like "active" come later). */
function groupShape(parent: Element, item: Element): string {
  return `${parent.localName}>${item.localName}.${item.classList[0] ?? ''}`;
}

/** An item (a candidate row) and the papers its links name. */
interface Item {
  el: Element;
  links: PaperLink[];
  ids: Set<string>;
}

/** Text of an element as written, a leading "Title:" label dropped. */
function textOf(el: Element): string {
  return textAsWritten(el, '').replace(LABEL, '');
}

/** A title has two words or more, letters, no more than MAX_TITLE characters, and is no file, format or identifier. */
function readsAsTitle(text: string): boolean {
  const bare = text.replace(FILE_MARKER, '');
  return text.length <= MAX_TITLE && /\S\s+\S/.test(bare) && /\p{L}{2}/u.test(bare) && !ONLY_LINK_WORDS.test(bare) && !AN_IDENTIFIER.test(bare);
}

/** Where the badge goes for a title link: its heading or title element when that shows only the title, else the link. */
function badgePlaceFor(link: Element, item: Element, title: string): Element {
  for (let at = link.parentElement; at && item.contains(at) && at !== item; at = at.parentElement) {
    if (textOf(at) !== title) break;
    if (at.matches(`${SELECTORS.prominent[0]}, ${SELECTORS.prominent[1]}`)) return at;
  }
  return link;
}

/**
 * The title of an item, the element showing it, and the link naming its paper: its first link whose text reads as a
 * title, else its most prominent text with its first paper link (a later link may be a citation in its abstract).
 */
function titleOf(parts: readonly Element[], links: readonly PaperLink[], inChrome: ChromeTest): { title: string; titleEl: Element; paper: PaperLink } | undefined {
  const item = parts[0]!;
  for (const paper of links) {
    const title = textOf(paper.link);
    if (readsAsTitle(title)) return { title, titleEl: badgePlaceFor(paper.link, item, title), paper };
  }
  const paper = links[0];
  if (!paper) return undefined;
  for (const selector of SELECTORS.prominent) {
    for (const part of parts) {
      for (const el of [part, ...Array.from(part.querySelectorAll(selector))]) {
        if (!el.matches(selector) || inChrome(el) || el.closest(SELECTORS.authors)) continue;
        const title = textOf(el);
        if (readsAsTitle(title)) return { title, titleEl: el, paper };
      }
    }
  }
  return undefined;
}

/** Authors where the item marks them plainly: an author-classed element's links, else its comma-separated text. */
function authorsOf(parts: readonly Element[], titleEl: Element): string[] | undefined {
  for (const part of parts) {
    const marked = part.matches(SELECTORS.authors) ? part : part.querySelector(SELECTORS.authors);
    if (!marked || marked.contains(titleEl) || titleEl.contains(marked)) continue;
    const linked = Array.from(marked.querySelectorAll('a')).map((a) => textAsWritten(a, ''));
    const names = (linked.length > 0 ? linked : textOf(marked).split(/\s*(?:,|;|\band\b|&)\s*/))
      .map((name) => name.replace(/\s+/g, ' ').trim())
      .filter((name) => name && !/^(?:et al\.?|anonymous(?: authors?)?|authors?:?)$/i.test(name));
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}

/** The element after a description-list term that describes it: a term and its description are one item. */
function describedBy(term: Element): Element | undefined {
  const next = term.nextElementSibling;
  return term.localName === 'dt' && next?.localName === 'dd' ? next : undefined;
}

function rowOf(item: Item, inChrome: ChromeTest): PaperRow | undefined {
  const dd = describedBy(item.el);
  const parts = dd ? [item.el, dd] : [item.el];
  const found = titleOf(parts, item.links, inChrome);
  if (!found) return undefined;
  const { title, titleEl, paper } = found;
  const { arxivId, doi, openreviewId, pageUrl } = paper;
  const ref: PaperRef = { key: paperKey({ arxivId, doi, openreviewId, title }), title };
  if (arxivId) ref.arxivId = arxivId;
  if (doi) ref.doi = doi;
  ref.url = arxivId ? `https://arxiv.org/abs/${arxivId}` : doi ? `https://doi.org/${doi}` : openreviewId ? `https://openreview.net/forum?id=${openreviewId}` : pageUrl;
  const authors = authorsOf(parts, titleEl);
  if (authors) ref.authors = authors;
  // The badge's row holds its title: a term's row is its description when the title is there.
  const rowEl = dd?.contains(titleEl) ? dd : item.el;
  return { ref, titleEl, rowEl };
}

/**
 * Candidate items: every ancestor (up to MAX_DEPTH) of each paper link, with the papers linked under it, grouped by
 * parent and tag. A group is a listing when MIN_GROUP or more of its items link a few papers each, other papers from
 * item to item; a smaller group of the same shape (a day with two papers) belongs to that listing too.
 */
function listingItems(links: readonly PaperLink[]): Item[] {
  const items = new Map<Element, Item>();
  const groups = new Map<Element, Map<string, Item[]>>();
  for (const paper of links) {
    let child: Element = paper.link;
    for (let depth = 0, parent = child.parentElement; parent && depth < MAX_DEPTH && parent.localName !== 'html'; depth++, child = parent, parent = parent.parentElement) {
      let item = items.get(child);
      if (!item) {
        item = { el: child, links: [], ids: new Set() };
        items.set(child, item);
        let byTag = groups.get(parent);
        if (!byTag) groups.set(parent, (byTag = new Map()));
        const siblings = byTag.get(child.localName);
        if (siblings) siblings.push(item);
        else byTag.set(child.localName, [item]);
      }
      item.links.push(paper);
      item.ids.add(paper.id);
      if (parent.localName === 'body') break;
    }
  }
  const listingShapes = new Set<string>();
  const candidates: Array<{ parent: Element; shape: string; items: Item[] }> = [];
  for (const [parent, byTag] of groups) {
    for (const [, siblings] of byTag) {
      const rows = siblings.filter((item) => item.ids.size <= MAX_PAPERS_PER_ITEM);
      if (rows.length === 0) continue;
      const shape = groupShape(parent, rows[0]!.el);
      candidates.push({ parent, shape, items: rows });
      const papers = new Set(rows.map((item) => item.links[0]!.id));
      if (rows.length >= MIN_GROUP && papers.size >= MIN_GROUP && !inReferences(parent)) listingShapes.add(shape);
    }
  }
  return candidates.filter((group) => listingShapes.has(group.shape) && !inReferences(group.parent)).flatMap((group) => group.items);
}

/**
 * The papers of a listing page read from its structure alone: one row per item of a repeated group of siblings that
 * link papers, the innermost such item where groups nest, each paper once (its first row), in page order. `base`:
 * the address relative links are resolved against, for a page read away from it (a saved file, a test); without it, a
 * live page's links are read as the browser resolved them. `moreThan`: answers [] at once when the page cannot hold
 * more papers than that (the site's own reader did well enough), so a working listing costs one pass over its links.
 */
export function structuralRows(root: ParentNode, options: { base?: string; moreThan?: number } = {}): PaperRow[] {
  try {
    const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
    const base = options.base ?? (doc?.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : undefined);
    // Without a base of its own, a page with a real address reads its links' URLs as the browser resolved them.
    const own = options.base === undefined && /^https?:/i.test(doc?.URL ?? '');
    const inChrome = chromeTest();
    const links = paperLinksIn(root, base, own, inChrome);
    if (new Set(links.map((l) => l.id)).size <= (options.moreThan ?? 0)) return [];
    const rows: Array<{ row: PaperRow; item: Item }> = [];
    for (const item of listingItems(links)) {
      const row = rowOf(item, inChrome);
      if (row) rows.push({ row, item });
    }
    // Where groups nest (a page of days, each a list of papers), the innermost item is the row: drop any that holds another.
    const rowItems = new Set(rows.map(({ item }) => item.el));
    const holders = new Set<Element>();
    for (const { item } of rows) for (let at = item.el.parentElement; at; at = at.parentElement) if (rowItems.has(at)) holders.add(at);
    const kept = rows.filter(({ item }) => !holders.has(item.el));
    // Items hold disjoint runs of links once nesting is gone: their first link gives the page order.
    kept.sort((a, b) => a.item.links[0]!.at - b.item.links[0]!.at);
    const seen = new Set<string>();
    const out: PaperRow[] = [];
    for (const { row } of kept) {
      if (seen.has(row.ref.key)) continue;
      seen.add(row.ref.key);
      out.push(row);
    }
    return out.length >= MIN_GROUP ? out : [];
  } catch {
    // A page we cannot read gives no rows, never a broken page.
    return [];
  }
}

/**
 * Whether a listing's own reading failed and the structural rows should be used instead: the site's reader found fewer
 * than half as many papers (none at all, or a part of a page whose layout moved on).
 */
export function siteReadingFailed(siteRows: number, structural: number): boolean {
  return structural >= MIN_GROUP && siteRows * 2 < structural;
}

/**
 * On a listing whose site reading gave `siteRows` rows: the structural rows to use instead, or undefined when the
 * site's own reading stands (see siteReadingFailed). The content scripts of sites take this as their fallback.
 */
export function fallbackRows(root: ParentNode, siteRows: number, base?: string): PaperRow[] | undefined {
  const found = structuralRows(root, { base, moreThan: 2 * siteRows });
  return siteReadingFailed(siteRows, found.length) ? found : undefined;
}
