// alphaXiv adapter: finds the paper on alphaxiv.org paper pages (/abs, /overview) and the papers on its feeds.
import type { PaperRef } from '../core/paper.ts';
import { normalizeArxivId, paperKey } from '../core/identity/paperKey.ts';
import { normalizeTitle } from '../core/identity/titles.ts';
import { absoluteUrl, attr, jsonLdObjects, longestTextLink, meta, nearestOthers, paperLinks, textAsWritten, widestAncestorWithout } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('alphaxiv', 'alphaXiv', ['www.alphaxiv.org', 'alphaxiv.org']);

// Selectors: alternatives in order of preference, each with why it is there. Only a paper page's head was captured
// (SOURCES.md); body and feed selectors are deliberately generic and checked against our own fixtures.
const SELECTORS = {
  pageTitle: [
    'h1', // the paper's title when the app has rendered its body
    'h2, h3, [role="heading"]', // layouts without an h1 (overview tabs): one of these holds the title
  ],
  pageRow: 'main, article', // the paper's own block around its title
  pageUrl: [
    'link[rel="canonical"]', // /abs/<arxivid> (or /abs/<uuid>, which carries no arXiv id)
    'meta[property="og:url"]', // same, from the share tags
  ],
  // og:image of the captured page: https://paper-assets.alphaxiv.org/image/2301.12345v1.png
  ogImage: 'meta[property="og:image"]',
  // The inline PDF prefetch of the captured page: fetcher.alphaxiv.org/v2/pdf/2301.12345v1.pdf
  inlineScripts: 'script:not([src]):not([type="application/ld+json"])',
  // Feed cards link each paper by arXiv id, to its abstract or its overview.
  paperLinks: 'a[href*="/abs/"], a[href*="/overview/"]',
  cardTitle: 'h1, h2, h3, h4, [role="heading"]', // a card's heading, around or inside its link
} as const;

const SITE = 'https://www.alphaxiv.org/';
// /abs/<arxivid>, /overview/<arxivid> (versions allowed; old-style ids keep their slash).
const PAPER_PATH = /^\/(?:abs|overview)\/(.+?)\/?$/;
// alphaXiv's own paper UUIDs, as in the JSON-LD url: /abs/0185fbae-2888-7197-8590-e777925799e8.
const UUID_PATH = /^\/abs\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?$/i;
const FEED_PATH = /^\/(?:explore|trending)?\/?$/;
const PDF_PREFETCH = /fetcher\.alphaxiv\.org\/v\d+\/pdf\/([^"'\s?#]+?)\.pdf/;
const SITE_SUFFIX = /\s*\|\s*alphaXiv\s*$/i;
// The message protocol's limits on one row (src/messaging/protocol.ts): an oversized row would void the whole scan.
const MAX_TITLE = 1000;
const MAX_AUTHORS = 200;
const MAX_AUTHOR = 300;
const MAX_ABSTRACT = 10000;

function isHost(host: string): boolean {
  return site.hosts.includes(host);
}

function decodedPath(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The arXiv id of an /abs/<id> or /overview/<id> path, or undefined. */
function idFromPath(path: string): string | undefined {
  const m = PAPER_PATH.exec(path);
  return m?.[1] ? normalizeArxivId(decodedPath(m[1])) : undefined;
}

function detect(url: URL): PageKind {
  if (!isHost(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (FEED_PATH.test(path)) return 'listing';
  if (idFromPath(path) || UUID_PATH.test(path)) return 'paper';
  return null;
}

/** The arXiv id an alphaXiv link points at (relative or absolute), or undefined. */
function idFromHref(href: string): string | undefined {
  const abs = absoluteUrl(href, SITE);
  if (!abs) return undefined;
  const url = new URL(abs);
  return isHost(url.hostname.toLowerCase()) ? idFromPath(url.pathname) : undefined;
}

function clip(s: string, max: number): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, max);
}

// ---- paper pages ----

interface Head {
  title: string;
  authors: string[];
  abstract: string;
}

/** Title, authors and abstract from the page's JSON-LD ScholarlyArticle, when there is one. */
function articleHead(root: ParentNode): Head | undefined {
  const article = jsonLdObjects(root).find((obj) => {
    const type = obj['@type'];
    return type === 'ScholarlyArticle' || (Array.isArray(type) && type.includes('ScholarlyArticle'));
  });
  if (!article) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? clip(v, Number.MAX_SAFE_INTEGER) : '');
  const rawAuthors = Array.isArray(article['author']) ? article['author'] : [article['author']];
  const authors = rawAuthors
    .map((a) => (typeof a === 'string' ? a : str((a as { name?: unknown } | null)?.name)))
    .map((name) => clip(name, MAX_AUTHOR))
    .filter(Boolean)
    .slice(0, MAX_AUTHORS);
  return { title: str(article['headline']) || str(article['name']), authors, abstract: str(article['abstract']) };
}

/** The document's own URL, when it is a live alphaXiv page (not a parsed file or about:blank). */
function pageUrlOf(root: ParentNode): URL | undefined {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  try {
    const url = new URL(doc?.URL ?? '');
    return isHost(url.hostname.toLowerCase()) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The arXiv id of the page's paper: live URL, canonical/og:url, og:image file name, then the PDF prefetch. */
function paperIdOf(root: ParentNode): string | undefined {
  const live = pageUrlOf(root);
  const fromLive = live && idFromPath(live.pathname);
  if (fromLive) return fromLive;
  for (const selector of SELECTORS.pageUrl) {
    const el = root.querySelector(selector);
    const id = idFromHref(attr(el, 'href') || attr(el, 'content'));
    if (id) return id;
  }
  const image = absoluteUrl(attr(root.querySelector(SELECTORS.ogImage), 'content'));
  const file = image ? (new URL(image).pathname.split('/').pop() ?? '') : '';
  const fromImage = normalizeArxivId(file.replace(/\.[a-z]+$/i, ''));
  if (fromImage) return fromImage;
  for (const script of Array.from(root.querySelectorAll(SELECTORS.inlineScripts))) {
    const m = PDF_PREFETCH.exec(script.textContent ?? '');
    const id = m?.[1] ? normalizeArxivId(m[1]) : undefined;
    if (id) return id;
  }
  return undefined;
}

/** The element to badge: a heading showing the title (an h1 first), else the first h1, else the first heading-like one. */
function titleAnchor(root: ParentNode, title: string): Element | undefined {
  const scope: ParentNode = (root as Node).nodeType === 9 ? ((root as Document).body ?? root) : root;
  const wanted = normalizeTitle(title);
  const shows = (el: Element) => {
    const shown = normalizeTitle(textAsWritten(el, ''));
    return Boolean(wanted && shown?.includes(wanted));
  };
  let fallback: Element | undefined;
  for (const selector of SELECTORS.pageTitle) {
    const headings = Array.from(scope.querySelectorAll(selector)).filter((el) => textAsWritten(el, ''));
    const match = headings.find(shows);
    if (match) return match;
    fallback ??= headings[0];
  }
  return fallback;
}

function rowsFromPaperPage(root: ParentNode, head: Head | undefined): PaperRow[] {
  const arxivId = paperIdOf(root);
  if (!arxivId) return [];
  const ogTitle = attr(root.querySelector('meta[property="og:title"]'), 'content').replace(SITE_SUFFIX, '');
  const hint = head?.title || meta(root, 'citation_title') || clip(ogTitle, MAX_TITLE);
  const titleEl = titleAnchor(root, hint);
  if (!titleEl) return [];
  const title = hint || textAsWritten(titleEl, '');
  if (!title) return [];
  const ref: PaperRef = {
    key: paperKey({ arxivId }),
    title: title.slice(0, MAX_TITLE),
    arxivId,
    url: `${SITE}abs/${arxivId}`,
  };
  if (head?.authors.length) ref.authors = head.authors;
  if (head?.abstract) ref.abstract = head.abstract.slice(0, MAX_ABSTRACT);
  const rowEl = titleEl.closest(SELECTORS.pageRow) ?? titleEl.parentElement ?? titleEl;
  return [{ ref, titleEl, rowEl }];
}

// ---- feeds ----

/** A card's title element: a heading around or inside one of its links, else its link with the longest text. */
function titleIn(card: Element, links: Element[]): Element | undefined {
  for (const link of links) {
    const heading = link.closest(SELECTORS.cardTitle) ?? link.querySelector(SELECTORS.cardTitle);
    if (heading && card.contains(heading) && textAsWritten(heading, '')) return heading;
  }
  return longestTextLink(links);
}

function rowsFromFeed(root: ParentNode): PaperRow[] {
  const { links, ids, byId } = paperLinks(root, SELECTORS.paperLinks, idFromHref);
  const rows: PaperRow[] = [];
  for (const [arxivId, at] of byId) {
    // The card: the widest block around the paper's first link that links no other paper.
    const firstAt = at[0]!;
    const rowEl = widestAncestorWithout(links[firstAt]!, nearestOthers(links, ids, firstAt));
    const titleEl = titleIn(
      rowEl,
      at.map((i) => links[i]!).filter((link) => rowEl.contains(link)),
    );
    const title = textAsWritten(titleEl, '');
    if (!titleEl || !title) continue;
    const ref: PaperRef = { key: paperKey({ arxivId }), title: title.slice(0, MAX_TITLE), arxivId, url: `${SITE}abs/${arxivId}` };
    rows.push({ ref, titleEl, rowEl });
  }
  return rows;
}

function rows(root: ParentNode): PaperRow[] {
  try {
    // A paper page says so in its JSON-LD (or its live URL); anything else is read as a feed of cards.
    const head = articleHead(root);
    const live = pageUrlOf(root);
    if (head || (live && detect(live) === 'paper')) return rowsFromPaperPage(root, head);
    return rowsFromFeed(root);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const alphaxiv: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://www.alphaxiv.org/', kind: 'listing' },
    { url: 'https://www.alphaxiv.org/explore', kind: 'listing' },
    { url: 'https://www.alphaxiv.org/explore?sort=Hot', kind: 'listing' },
    { url: 'https://alphaxiv.org/trending', kind: 'listing' },
    { url: 'https://www.alphaxiv.org/abs/2301.12345', kind: 'paper' },
    { url: 'https://www.alphaxiv.org/abs/2501.12948v2', kind: 'paper' },
    { url: 'https://alphaxiv.org/overview/1706.03762', kind: 'paper' },
    { url: 'https://www.alphaxiv.org/abs/0185fbae-2888-7197-8590-e777925799e8', kind: 'paper' },
  ],
};
