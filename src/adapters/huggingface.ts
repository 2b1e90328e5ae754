// Hugging Face Papers adapter: finds the papers on huggingface.co/papers feeds (daily, week, month, trending) and paper pages.
import type { PaperRef } from '../core/paper.ts';
import { normalizeArxivId, paperKey } from '../core/identity/paperKey.ts';
import { absoluteUrl, allOf, attr, first, longestTextLink, meta, nearestOthers, paperLinks, textAsWritten, widestAncestorWithout } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('huggingface', 'Hugging Face Papers', ['huggingface.co']);

// Selectors: alternatives in order of preference, each with why it is there. No real capture exists (SOURCES.md):
// these follow independent scrapers of the server-rendered page and are checked only against our own fixtures.
const SELECTORS = {
  hydration: [
    '[data-target="DailyPapers"][data-props]', // SSR blob of /papers, date/week/month feeds: {dailyPapers:[{paper:{…}}]}
    '[data-target][data-props]', // any other Svelte hydrater (trending, paper page): target names not verified
  ],
  // Card title, comment and thumbnail links: "/papers/<arxivid>", "/papers/<arxivid>#community" (absolute after edits).
  paperLinks: 'a[href*="/papers/"]',
  card: [
    'article', // one article per paper card on every feed
  ],
  cardTitle: [
    'h3', // daily/trending cards: h3 > a.line-clamp-3
    'h2', // larger cards (week/month hero)
    '[role="heading"]', // a heading that lost its tag
  ],
  pageTitle: [
    'main h1', // paper page: the title is the page's h1
    'h1', // outside main
  ],
  pageUrl: [
    'link[rel="canonical"]', // https://huggingface.co/papers/<arxivid>
    'meta[property="og:url"]', // same, where the canonical link is missing
  ],
} as const;

const SITE = 'https://huggingface.co/';
// Feed paths: /papers, /papers/date/2025-03-04, /papers/week/2025-W10, /papers/month/2025-03, /papers/trending.
const LISTING_PATH = /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{1,2}|month\/\d{4}-\d{2}|trending))?\/?$/;
const PAPER_PATH = /^\/papers\/([^/]+)\/?$/;
// og:title on paper pages reads "Paper page - <title>".
const OG_TITLE_PREFIX = /^Paper page\s*-\s*/i;
// The message protocol's limits on one row (src/messaging/protocol.ts): an oversized row would void the whole scan.
const MAX_TITLE = 1000;
const MAX_AUTHORS = 200;
const MAX_AUTHOR = 300;
const MAX_ABSTRACT = 10000;
// How far into a hydration blob we look for paper objects, and how many nodes at most.
const MAX_DEPTH = 6;
const MAX_NODES = 50000;

function isHost(host: string): boolean {
  return host === 'huggingface.co' || host === 'www.huggingface.co';
}

/** The arXiv id of a /papers/<id> path, or undefined. */
function idFromPath(path: string): string | undefined {
  const m = PAPER_PATH.exec(path);
  if (!m?.[1]) return undefined;
  try {
    return normalizeArxivId(decodeURIComponent(m[1]));
  } catch {
    return undefined;
  }
}

function detect(url: URL): PageKind {
  if (!isHost(url.hostname.toLowerCase())) return null;
  if (LISTING_PATH.test(url.pathname)) return 'listing';
  return idFromPath(url.pathname) ? 'paper' : null;
}

/** The arXiv id a Hugging Face paper link points at ("/papers/2501.12948#community" counts), or undefined. */
function idFromHref(href: string): string | undefined {
  const abs = absoluteUrl(href, SITE);
  if (!abs) return undefined;
  const url = new URL(abs);
  return isHost(url.hostname.toLowerCase()) ? idFromPath(url.pathname) : undefined;
}

interface Details {
  authors?: string[];
  abstract?: string;
}

function authorNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const author of value) {
    const name = typeof author === 'string' ? author : (author as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && name.trim()) names.push(name.replace(/\s+/g, ' ').trim().slice(0, MAX_AUTHOR));
    if (names.length >= MAX_AUTHORS) break;
  }
  return names;
}

/**
 * Authors and abstracts by arXiv id from the SSR hydration blobs: any object with an arXiv `id` and a `title`
 * (dailyPapers[].paper on feeds, the paper object on paper pages). getAttribute has already unescaped the entities.
 */
function hydrationDetails(root: ParentNode): Map<string, Details> {
  const out = new Map<string, Details>();
  let nodes = 0;
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || ++nodes > MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    const id = typeof obj['id'] === 'string' ? normalizeArxivId(obj['id']) : undefined;
    if (id && typeof obj['title'] === 'string' && !out.has(id)) {
      const details: Details = {};
      const authors = authorNames(obj['authors']);
      if (authors.length > 0) details.authors = authors;
      const summary = typeof obj['summary'] === 'string' ? obj['summary'].replace(/\s+/g, ' ').trim() : '';
      if (summary) details.abstract = summary.slice(0, MAX_ABSTRACT);
      out.set(id, details);
    }
    for (const child of Object.values(obj)) visit(child, depth + 1);
  };
  for (const blob of allOf(root, SELECTORS.hydration)) {
    const json = blob.getAttribute('data-props') ?? '';
    // Most hydraters (header, user menus) hold no papers: skip them before parsing.
    if (!json.includes('"title"')) continue;
    try {
      visit(JSON.parse(json), 0);
    } catch {
      // a blob that is not JSON adds nothing
    }
  }
  return out;
}

function refFrom(arxivId: string, title: string, details: Details | undefined): PaperRef {
  const ref: PaperRef = {
    key: paperKey({ arxivId }),
    title: title.slice(0, MAX_TITLE),
    arxivId,
    url: `${SITE}papers/${arxivId}`,
  };
  if (details?.authors) ref.authors = details.authors;
  if (details?.abstract) ref.abstract = details.abstract;
  return ref;
}

/** The card around a paper's first link: its article when that holds no other paper's link, else the widest such block. */
function cardAround(link: Element, others: readonly Element[]): Element {
  const card = link.closest(SELECTORS.card.join(', '));
  if (card && !others.some((other) => card.contains(other))) return card;
  return widestAncestorWithout(link, others);
}

/** The title element of a card: a heading around or inside one of its links, the card's heading, else its longest link. */
function titleIn(card: Element, links: Element[]): Element | undefined {
  const headings = SELECTORS.cardTitle.join(', ');
  for (const link of links) {
    const heading = link.closest(headings) ?? link.querySelector(headings);
    if (heading && card.contains(heading) && textAsWritten(heading, '')) return heading;
  }
  if (card.matches(SELECTORS.card.join(', '))) {
    const heading = first(card, SELECTORS.cardTitle);
    if (heading && textAsWritten(heading, '')) return heading;
  }
  return longestTextLink(links);
}

function rowsFromListing(root: ParentNode): PaperRow[] {
  const { links, ids, byId } = paperLinks(root, SELECTORS.paperLinks, idFromHref);
  if (links.length === 0) return [];
  const details = hydrationDetails(root);
  const rows: PaperRow[] = [];
  for (const [arxivId, at] of byId) {
    const firstAt = at[0]!;
    const rowEl = cardAround(links[firstAt]!, nearestOthers(links, ids, firstAt));
    const titleEl = titleIn(
      rowEl,
      at.map((i) => links[i]!).filter((link) => rowEl.contains(link)),
    );
    const title = textAsWritten(titleEl, '');
    if (!titleEl || !title) continue;
    rows.push({ ref: refFrom(arxivId, title, details.get(arxivId)), titleEl, rowEl });
  }
  return rows;
}

/** The document's own URL, when it is a real Hugging Face page (not a parsed file or about:blank). */
function pageUrlOf(root: ParentNode): URL | undefined {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const href = doc?.URL;
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return isHost(url.hostname.toLowerCase()) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The arXiv id when the page is a paper page: from the live URL, else its canonical link. */
function paperPageId(root: ParentNode): string | undefined {
  const live = pageUrlOf(root);
  if (live) return idFromPath(live.pathname);
  for (const selector of SELECTORS.pageUrl) {
    const el = root.querySelector(selector);
    const id = idFromHref(attr(el, 'href') || attr(el, 'content'));
    if (id) return id;
  }
  return undefined;
}

function rowsFromPaperPage(root: ParentNode, arxivId: string): PaperRow[] {
  const titleEl = first(root, SELECTORS.pageTitle);
  if (!titleEl) return [];
  const ogTitle = attr(root.querySelector('meta[property="og:title"]'), 'content').replace(OG_TITLE_PREFIX, '');
  const title = textAsWritten(titleEl, '') || meta(root, 'citation_title') || ogTitle;
  if (!title) return [];
  const rowEl = titleEl.closest('section, article, main') ?? titleEl.parentElement ?? titleEl;
  return [{ ref: refFrom(arxivId, title, hydrationDetails(root).get(arxivId)), titleEl, rowEl }];
}

function rows(root: ParentNode): PaperRow[] {
  try {
    const pageId = paperPageId(root);
    return pageId ? rowsFromPaperPage(root, pageId) : rowsFromListing(root);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const huggingface: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://huggingface.co/papers', kind: 'listing' },
    { url: 'https://huggingface.co/papers?q=reasoning', kind: 'listing' },
    { url: 'https://huggingface.co/papers/date/2025-03-04', kind: 'listing' },
    { url: 'https://huggingface.co/papers/week/2025-W10', kind: 'listing' },
    { url: 'https://huggingface.co/papers/month/2025-03', kind: 'listing' },
    { url: 'https://huggingface.co/papers/trending', kind: 'listing' },
    { url: 'https://huggingface.co/papers/2501.12948', kind: 'paper' },
    { url: 'https://huggingface.co/papers/1706.03762#community', kind: 'paper' },
  ],
};
