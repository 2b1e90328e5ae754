// ACM Digital Library adapter: finds the papers on dl.acm.org search results, tables of contents (journal issues and
// proceedings) and a paper's own page.
//
// Keys: the DOI every ACM item carries, read from the item's own links (/doi/10.1145/…, /doi/abs/…, doi.org/…), so a
// row keys as `doi:10.1145/…`; an item with no DOI link is no paper (a section heading, an advertisement). A paper page
// is read from its citation_* / dc.* tags and its address.
import type { PaperRef } from '../core/paper.ts';
import { normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { doiFromMetas, titleFromMetas } from './citationMeta.ts';
import { absoluteUrl, allOf, attr, first, idsFromHrefs, metaTextAll, nameFromCitation, text, textAsWritten, textOfBlocks, rowsOncePerPaper } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('acm', 'ACM Digital Library', ['dl.acm.org']);

const ORIGIN = 'https://dl.acm.org';

// Selectors: alternatives in order of preference, each with why it is there. Written from the Atypon templates the
// ACM DL has used since 2020 as we know them (no capture): one "issue-item" per paper on search results and tables of
// contents, a "core-container" article (older: "citation" header) on a paper's page.
const SELECTORS = {
  items: [
    'li.search__item', // search results: li.search__item.issue-item-container > div.issue-item
    'div.issue-item-container', // tables of contents (issues, proceedings): one container per paper, in toc__section blocks
    '.issue-item', // the container lost its class: the item itself
  ],
  itemTitle: [
    '.issue-item__title a[href]', // h5.issue-item__title > span.hlFld-Title > a href="/doi/10.1145/…" (search terms in <span>)
    '.hlFld-Title a[href]', // the heading lost its class
  ],
  itemAuthors: [
    'ul[aria-label="authors"] li a span', // ul.loa: one link per author, the name in a span (", " separators outside), and as the link's title
    '.loa a[title]', // the list lost its label: each author link carries the name as its title
  ],
  itemLinks: 'a[href]', // the title, "https://doi.org/10.1145/…" under the details, PDF and full-text links
  itemAbstract: [
    '.issue-item__abstract', // a search result's abstract (a toc item's too, shown on "Show abstract")
  ],
  pageTitle: [
    'h1[property="name"]', // 2022- paper page: article.core-container header h1
    'h1.citation__title', // 2020-2022 paper page
    'h1', // any other heading
  ],
  pageRow: 'article, .citation, .core-container', // the paper's header block on its page
  pageAuthors: [
    '.contributors [property="author"] [property="name"]', // 2022-: one span per author
    '.loa__author-name span', // 2020-2022: ul.loa > li.loa__item > a > span.loa__author-name > span
  ],
  pageAbstract: [
    'section#abstract div[role="paragraph"]', // 2022-: the abstract's paragraphs (its "Abstract" heading outside)
    '.abstractSection.abstractInFull', // 2020-2022
    'section#abstract', // only the section is left (its heading skipped below)
  ],
  abstractSkip: 'h2, h3',
} as const;

// A DOI page on the DL: /doi/10.1145/3442188.3445922, /doi/abs/…, /doi/full/…, /doi/fullHtml/… (not /doi/pdf/…: a PDF).
const DOI_PAGE = /^\/doi\/(?:(?:abs|full|fullHtml|epdf)\/)?(10\.\d{4,9}\/[^?#]+?)\/?$/;
const PROCEEDINGS = /^\/doi\/proceedings\/10\.\d{4,9}\/[^/?#]+\/?$/;
const TOC = /^\/toc\/[a-z0-9-]+\/(?:\d{4}(?:\/[\w.-]+){1,2}|current|just-accepted)\/?$/i;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (path === '/action/doSearch') return url.search.length > 1 ? 'listing' : null;
  if (TOC.test(path) || PROCEEDINGS.test(path)) return 'listing';
  if (path.startsWith('/doi/proceedings/') || path.startsWith('/doi/book/')) return null;
  return DOI_PAGE.test(path) ? 'paper' : null;
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The DOI of a link to a paper on the DL (relative or absolute); undefined for anything else. */
function doiOfDlLink(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  if (!url) return undefined;
  const parsed = new URL(url);
  if (!site.hosts.includes(parsed.hostname.toLowerCase())) return undefined;
  const m = DOI_PAGE.exec(parsed.pathname) ?? /^\/doi\/pdf\/(10\.\d{4,9}\/[^?#]+?)\/?$/.exec(parsed.pathname);
  return m?.[1] ? normalizeDoi(decoded(m[1])) : undefined;
}

/** An item's DOI: its title link, else any DL paper link or doi.org link under it. */
function doiOfItem(titleLink: Element, links: Element[]): string | undefined {
  const own = doiOfDlLink(attr(titleLink, 'href'));
  if (own) return own;
  for (const link of links) {
    const doi = doiOfDlLink(attr(link, 'href'));
    if (doi) return doi;
  }
  return idsFromHrefs(links.map((link) => attr(link, 'href'))).doi;
}

function refFrom(parts: { title: string; doi: string; authors: string[]; abstract?: string }): PaperRef {
  const { title, doi, authors, abstract } = parts;
  const ref: PaperRef = { key: paperKey({ doi, title }), title, doi, url: `${ORIGIN}/doi/${doi}` };
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

function rowFromItem(item: Element): PaperRow | undefined {
  const link = first(item, SELECTORS.itemTitle);
  if (!link) return undefined;
  const title = textAsWritten(link, '');
  const doi = doiOfItem(link, Array.from(item.querySelectorAll(SELECTORS.itemLinks)));
  if (!title || !doi) return undefined;
  const authors = [
    ...new Set(
      allOf(item, SELECTORS.itemAuthors)
        .map((el) => text(el) || attr(el.closest('a'), 'title'))
        .filter(Boolean),
    ),
  ];
  const abstract = textOfBlocks(first(item, SELECTORS.itemAbstract), '');
  // The badge goes in the heading around the link (a click on it must not follow the link).
  const titleEl = link.closest('.issue-item__title, h5, h4, h3') ?? link;
  return { ref: refFrom({ title, doi, authors, abstract }), titleEl: item.contains(titleEl) ? titleEl : link, rowEl: item };
}

/** The page's own DOI: its tags, else its address. */
function doiOfPage(root: ParentNode): string | undefined {
  const url = (root as Partial<Document>).URL ?? '';
  return normalizeDoi(doiFromMetas(root)) ?? (url ? doiOfDlLink(url) : undefined);
}

function rowFromPaperPage(root: ParentNode): PaperRow | undefined {
  const titleEl = first(root, SELECTORS.pageTitle);
  const title = textAsWritten(titleEl, '') || titleFromMetas(root);
  const doi = doiOfPage(root);
  if (!titleEl || !title || !doi) return undefined;
  let authors = [...new Set(allOf(root, SELECTORS.pageAuthors).map(text).filter(Boolean))];
  if (authors.length === 0) authors = metaTextAll(root, 'citation_author').map(nameFromCitation);
  if (authors.length === 0) authors = metaTextAll(root, 'dc.Creator').map(nameFromCitation);
  const abstract = allOf(root, SELECTORS.pageAbstract)
    .map((el) => textOfBlocks(el, SELECTORS.abstractSkip))
    .filter(Boolean)
    .join(' ');
  const rowEl = titleEl.closest(SELECTORS.pageRow) ?? titleEl;
  return { ref: refFrom({ title, doi, authors, abstract }), titleEl, rowEl };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    const items = allOf(root, SELECTORS.items);
    // A paper page names its paper in its tags and marks its heading; a listing has items and no such heading.
    const ownPage = (titleFromMetas(root) || doiFromMetas(root)) && (items.length === 0 || first(root, SELECTORS.pageTitle.slice(0, 2)));
    // The paper page's lists (recommendations, cited by) follow its own paper, each paper once.
    return rowsOncePerPaper(ownPage ? rowFromPaperPage(root) : undefined, items, rowFromItem);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const acm: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://dl.acm.org/action/doSearch?AllField=stochastic+parrots', kind: 'listing' },
    { url: 'https://dl.acm.org/toc/cacm/2024/67/1', kind: 'listing' },
    { url: 'https://dl.acm.org/toc/tog/current', kind: 'listing' },
    { url: 'https://dl.acm.org/doi/proceedings/10.1145/3442188', kind: 'listing' },
    { url: 'https://dl.acm.org/doi/10.1145/3442188.3445922', kind: 'paper' },
    { url: 'https://dl.acm.org/doi/abs/10.1145/3292500.3330701', kind: 'paper' },
  ],
};
