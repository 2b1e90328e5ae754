// Links anywhere: on a site the user turned it on for (X, Bluesky, Reddit, Hacker News, GitHub, a personal page…), one
// compact badge beside each link to a paper (arXiv, DOI, OpenReview, ACL Anthology, PubMed), once per paper in a post.
import type { PaperRef } from '../core/paper.ts';
import { paperFromUrl } from '../core/identity/paperLinks.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import { cleanText } from '../core/identity/titles.ts';
import { attr, textAsWritten, textOfBlocks } from './dom.ts';
import { LINKS_ID, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

// Selectors: alternatives in order of preference, each with why it is there.
const SELECTORS = {
  // A cheap first cut by href; paperFromUrl then reads the link's own host and path.
  paperLinks: [
    'a[href*="arxiv.org/"]', // abs, pdf and html pages (www. and export. too)
    'a[href*="doi.org/"]', // doi.org, dx.doi.org resolver links (an arXiv DOI counts as arXiv)
    'a[href*="openreview.net/"]', // forum?id= and pdf?id=
    'a[href*="aclanthology.org/"]', // a paper's page or PDF by its Anthology id
    'a[href*="ncbi.nlm.nih.gov/"]', // PubMed records, and the older www.ncbi.nlm.nih.gov/pubmed/ form
    'a[href^="https://t.co/"]', // X wraps every link in t.co: the address is the link's text (hidden parts included)
  ].join(', '),
  // A reference-list entry: its [pdf] [arXiv] [DOI] links are one paper's, so it gets one badge (ENTRY_LINKS).
  entry: 'li, dd, tr',
  // Navigation chrome: menus, site headers and footers, hidden copies. A paper link there is no one sharing a paper.
  chrome: [
    'nav', // navigation landmarks
    '[role="navigation"], [role="banner"], [role="contentinfo"], [role="menu"], [role="menubar"], [role="tablist"]', // the same as ARIA roles (X, Bluesky)
    '[hidden], [aria-hidden="true"], template', // not shown to people
    'paperscope-badge', // our own
  ].join(', '),
  // A page's header and footer are chrome unless they belong to a post (an article's byline and footnotes are not).
  pageHeaderFooter: [
    'header, footer', // the elements
    '#header, #footer, .footer', // pages built of divs (old Reddit, many personal and lab pages)
  ].join(', '),
  // A post or row: a paper gets one badge in each, however often it is linked there. The nearest one around a link
  // counts (a nested reply is its own post); without any, the nearest block (`blocks`).
  posts: [
    'article', // X posts, GitHub READMEs, blog posts
    '[data-testid^="postThreadItem-"], [data-testid^="feedItem-"]', // Bluesky posts ("postThreadItem-by-<handle>")
    'shreddit-comment, shreddit-post', // new Reddit: a comment (nested ones are their own) and the post
    '.thing', // old Reddit: a post or a comment
    'tr.athing', // Hacker News: a story row or a comment row
    '.comment-body, .js-comment-body', // GitHub issue and pull-request comments (the classic view)
    '.markdown-body', // GitHub's rendered Markdown: an issue's body or comment (the React view), a discussion, a README
  ].join(', '),
  // Without site markup: the nearest block a link sits in.
  blocks: 'li, dd, dt, td, p, blockquote, h1, h2, h3, h4, h5, h6, figcaption',
  // Where a link's own text is no title ("arXiv", "PDF", "https://arxiv.org/abs/…"), a title is read from around it.
  titleContext: 'li, dd, dt, td, p, blockquote, h1, h2, h3, h4, h5, h6',
} as const;

/** A title from a link's or item's text is cut here: a post can be long. */
const MAX_TITLE = 300;
// Link texts that name a file, an identifier or a site, not a paper.
const NOT_A_TITLE = /^(?:arxiv\b|doi\b|pdf\b|html\b|paper\b|abs(?:tract)?\b|openreview\b|pubmed\b|https?:|www\.|\S+\.(?:org|net|gov)\/|10\.\d{4,9}\/)/i;

// A link labelled by what it leads to, not by the paper: "[pdf]", "arXiv", "DOI" (or an image, as a README's shields).
const LABEL = /^\[?\s*(?:pdf|arxiv|doi|paper|abs|abstract|html|openreview|pubmed|acl anthology|anthology|preprint|journal|publisher|full text|link)?\s*\]?$/i;
/**
 * An entry with more paper links than this is no one paper's entry ([arXiv] [pdf] [DOI] [OpenReview] [PubMed] [code]
 * is about the most one shows), but a page laid out in a table or one long list item: each label link is its own paper.
 */
const ENTRY_LINKS = 6;
// Shortener hosts whose links carry the real address as their text.
const SHORTENERS = new Set(['t.co']);

function detect(url: URL): PageKind {
  return url.protocol === 'https:' || url.protocol === 'http:' ? 'listing' : null;
}

function isChrome(link: Element): boolean {
  if (link.closest(SELECTORS.chrome)) return true;
  const edge = link.closest(SELECTORS.pageHeaderFooter);
  return !!edge && !edge.closest(SELECTORS.posts);
}

function cut(text: string): string {
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).trimEnd()}…` : text;
}

/** Elements that end the text a link follows: a line break, a block, another paper link. */
const TEXT_BREAKS = `br, ${SELECTORS.blocks}, div, ${SELECTORS.paperLinks}`;

/** The text right before a link in its parent ("Paper title. <a>[pdf]</a>"), back to a line break, block or paper link. */
function textBefore(link: Element): string {
  let out = '';
  for (let node = link.previousSibling; node && out.length < MAX_TITLE * 2; node = node.previousSibling) {
    if (node.nodeType === 3) out = (node as Text).data + out;
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.localName === 'paperscope-badge') continue;
      if (el.matches(TEXT_BREAKS)) break;
      out = `${textAsWritten(el, '')} ${out}`;
    }
  }
  const text = cleanText(out).replace(/[\s:;,([-]+$/, '');
  return text.length > MAX_TITLE ? text.slice(-MAX_TITLE).replace(/^\S*\s/, '') : text;
}

/**
 * The link's text when it reads like a title, else the text right before it, else the text of the block around it (read once per block: a page laid
 * out in one big table cell must not be read again for each of its links), else the link's text or URL.
 */
function titleForLink(link: Element, fallback: string, contexts: Map<Element, string>): string {
  const own = textAsWritten(link, '');
  if (own.split(/\s+/).length > 3 && !NOT_A_TITLE.test(own)) return cut(own);
  const before = textBefore(link);
  if (before.split(/\s+/).length > 3) return cut(before);
  const around = link.parentElement?.closest(SELECTORS.titleContext);
  let context = '';
  if (around) {
    context = contexts.get(around) ?? textOfBlocks(around, '');
    contexts.set(around, context);
  }
  // What comes right before the link ("Prefix-Tuning: … Generation. [ACL] [pdf]"), when there is any.
  const at = own ? context.indexOf(own) : -1;
  if (at > 0) context = context.slice(Math.max(0, at - MAX_TITLE), at).replace(/[\s:;,([-]+$/, '');
  return cut(context || own || cleanText(attr(link, 'title')) || fallback);
}

/** The post or row a link belongs to: the unit a paper is badged once in. */
function postOf(link: Element): Element {
  return link.closest(SELECTORS.posts) ?? link.parentElement?.closest(SELECTORS.blocks) ?? link.parentElement ?? link;
}

/** The address a link leads to: its href, or for a shortener's link the address it shows (X: "https://" and the rest hidden). */
function addressOf(link: Element): string {
  const href = attr(link, 'href');
  let host = '';
  try {
    host = new URL(href).hostname;
  } catch {
    return href;
  }
  if (!SHORTENERS.has(host)) return href;
  const shown = (link.textContent ?? '').replace(/\s+/g, '').replace(/…$/, '');
  return /^https?:\/\//i.test(shown) ? shown : `https://${shown}`;
}

/**
 * Whether a link shows only an image (a thumbnail, a shields badge) and its post links the same address with words too:
 * the badge then goes beside the words (old Reddit's thumbnail and title of a link post).
 */
function isPictureOfTextLink(link: Element, post: Element): boolean {
  if ((link.textContent ?? '').trim() !== '' || !link.querySelector('img, svg, picture')) return false;
  const href = attr(link, 'href');
  for (const other of post.querySelectorAll('a[href]')) {
    if (other !== link && attr(other, 'href') === href && (other.textContent ?? '').trim() !== '') return true;
  }
  return false;
}

/** The paper a link points at, as a row whose badge goes right after the link; undefined for any other link. */
function rowFromLink(link: Element, contexts: Map<Element, string>): PaperRow | undefined {
  const paper = paperFromUrl(addressOf(link), link.ownerDocument?.baseURI);
  if (!paper || isChrome(link)) return undefined;
  const title = titleForLink(link, paper.url, contexts);
  const key = paperKey({ ...paper, title });
  const ref: PaperRef = { key, title, url: paper.url };
  if (paper.arxivId) ref.arxivId = paper.arxivId;
  if (paper.doi) ref.doi = paper.doi;
  if (paper.pmid) ref.pmid = paper.pmid;
  return { ref, titleEl: link, rowEl: link, badgeAfter: true };
}

/** One reader per paper-like link in page order; a paper linked again in the same post gives no second row. */
function rowReaders(root: ParentNode): Array<() => PaperRow | undefined> {
  let links: Element[];
  try {
    links = Array.from(root.querySelectorAll(SELECTORS.paperLinks));
  } catch {
    return [];
  }
  const badged = new Map<Element, Set<string>>();
  const badgedEntries = new Set<Element>();
  const contexts = new Map<Element, string>();
  const entryLinks = new Map<Element, number>();
  return links.map((link) => () => {
    try {
      const row = rowFromLink(link, contexts);
      if (!row) return undefined;
      const post = postOf(link);
      if (isPictureOfTextLink(link, post)) return undefined;
      let keys = badged.get(post);
      if (!keys) badged.set(post, (keys = new Set()));
      if (keys.has(row.ref.key)) return undefined;
      // In a reference entry that has its badge, a label link ("[pdf]", "DOI", "OpenReview") is the same paper by
      // another id: no second badge. A link with a title of its own is another paper.
      let entry = link.parentElement?.closest(SELECTORS.entry) ?? undefined;
      if (entry) {
        let count = entryLinks.get(entry);
        if (count === undefined) entryLinks.set(entry, (count = entry.querySelectorAll(SELECTORS.paperLinks).length));
        if (count > ENTRY_LINKS) entry = undefined;
      }
      if (entry && badgedEntries.has(entry) && LABEL.test(textAsWritten(link, ''))) return undefined;
      if (entry) badgedEntries.add(entry);
      keys.add(row.ref.key);
      return row;
    } catch {
      // A link we do not understand gives no row, never a broken page.
      return undefined;
    }
  });
}

function rows(root: ParentNode): PaperRow[] {
  return rowReaders(root).flatMap((read) => read() ?? []);
}

export const links: SiteAdapter = {
  id: LINKS_ID,
  name: 'Links anywhere',
  // No site of its own: the worker registers it for the sites the user turned it on for.
  hosts: [],
  matches: [],
  detect,
  rows,
  rowReaders,
  compactBadges: true,
  testUrls: [
    { url: 'https://news.ycombinator.com/item?id=1', kind: 'listing' },
    { url: 'https://github.com/owner/repo', kind: 'listing' },
  ],
};
