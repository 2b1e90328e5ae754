// Journal article pages of major publishers (Nature, Springer, Science, PNAS, PLOS, Cell, Wiley, OUP, Frontiers, MDPI,
// IOP, APS, eLife, JMLR), read from the citation_* (Highwire) tags they all carry; and the search and listing pages of
// Nature and Springer.
//
// Keys: an article's DOI (citation_doi, else dc.Identifier), else its title. A listing row's DOI comes from its link:
// Springer's /article/<DOI> and /chapter/<DOI>, Nature's /articles/<id> (Nature's DOIs are 10.1038/<id>).
import type { PaperRef } from '../core/paper.ts';
import { normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { rowFromCitationMeta } from './citationMeta.ts';
import { absoluteUrl, allOf, attr, first, text, textAsWritten, textOfBlocks, rowsOncePerPaper } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

// A DOI in a path, to the end of the path ("10.1007/s10994-023-06413-4", "10.1002/anie.202300001").
const DOI = '10\\.\\d{4,9}\\/[^?#]+';

/** Each host, and the paths of its article pages: cheap to test on every URL, so the content script stays idle elsewhere. */
const ARTICLE_PATHS: Readonly<Record<string, RegExp>> = {
  'www.nature.com': /^\/articles\/(?![^/]*\.pdf$)[a-z0-9][a-z0-9.-]*\/?$/i, // /articles/s41586-019-1666-5, /articles/nature14539 (not its .pdf)
  'link.springer.com': new RegExp(`^/(?:article|chapter)/${DOI}$`), // /article/10.1007/…, /chapter/10.1007/978-…_12
  'www.science.org': new RegExp(`^/doi/(?:(?:abs|full|reader)/)?${DOI}$`), // /doi/10.1126/science.aax2342
  'www.pnas.org': new RegExp(`^/doi/(?:(?:abs|full|reader)/)?${DOI}$`), // /doi/10.1073/pnas.1611835114
  'journals.plos.org': /^\/[a-z]+\/article\/?$/, // /plosone/article?id=10.1371/journal.pone.0185809 (the id is checked below)
  'www.cell.com': /^\/(?:[a-z-]+\/)?(?:fulltext|abstract)\/S?[0-9X(),-]+$/i, // /cell/fulltext/S0092-8674(23)00001-1
  'onlinelibrary.wiley.com': new RegExp(`^/doi/(?:(?:abs|full)/)?${DOI}$`), // /doi/10.1002/…, /doi/full/10.1111/…
  'academic.oup.com': /^\/[a-z0-9-]+\/article(?:-abstract)?\/(?:\d+\/[\w-]+\/[\w.-]+\/\d+|doi\/10\.\d{4,9}\/[^?#]+)\/?$/, // /bioinformatics/article/36/4/1234/5566508
  'www.frontiersin.org': /^\/(?:journals\/[a-z-]+\/)?articles\/10\.3389\/[^/?#]+(?:\/(?:full|abstract))?\/?$/, // /articles/10.3389/fnins.2020.00001/full
  'www.mdpi.com': /^\/\d{4}-\d{3}[\dX]\/\d+\/\d+\/\d+(?:\/htm)?\/?$/, // /2072-4292/13/4/567
  'iopscience.iop.org': /^\/article\/10\.\d{4,9}\/(?!.*\/pdf\/?$)[^?#]+$/, // /article/10.1088/1742-6596/1234/1/012001 (and /meta; not /pdf)
  'journals.aps.org': new RegExp(`^/[a-z]+/abstract/${DOI}$`), // /prl/abstract/10.1103/PhysRevLett.116.061102
  'elifesciences.org': /^\/articles\/\d+\/?$/, // /articles/65902
  'www.jmlr.org': /^\/papers\/v\d+\/[\w.-]+\.html$/, // /papers/v21/20-074.html
  'jmlr.org': /^\/papers\/v\d+\/[\w.-]+\.html$/,
};

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('journals', 'Journal articles (Nature, Springer, Science, PNAS, …)', Object.keys(ARTICLE_PATHS));

// Selectors: alternatives in order of preference, each with why it is there. Written from the publishers' templates
// as we know them (no capture): Nature's "c-card" article lists (search, a journal's research articles), Springer's
// 2023- search ("app-card-open" results).
const SELECTORS = {
  items: [
    'li.app-article-list-row__item', // Nature: search results and article lists, one card per article
    'li[data-test="search-result-item"]', // Springer search (2023-): li.app-card-open
  ],
  itemTitle: [
    'h3.c-card__title a[href]', // Nature: h3.c-card__title > a.c-card__link href="/articles/…"
    '.app-card-open__heading a[href]', // Springer: h3.app-card-open__heading > a.app-card-open__link href="/article/10.1007/…"
    'h3 a[href], h2 a[href]', // either lost its heading's class
  ],
  itemAuthors: [
    'ul[data-test="author-list"] [itemprop="name"]', // Nature: ul.c-author-list > li[itemprop=creator] > span[itemprop=name]
    '.c-author-list li', // Nature, without microdata
    '[data-test="authors"]', // Springer: "Mei Chen, Kofi Mensah, … Ana Souza" in one span
  ],
  itemSummary: [
    '.c-card__summary', // Nature: the card's standfirst
    '.app-card-open__description', // Springer: the snippet
  ],
} as const;

// Listing pages: Nature's search and a journal's research articles; Springer's search.
const LISTINGS: Readonly<Record<string, (url: URL) => boolean>> = {
  'www.nature.com': (url) => (url.pathname === '/search' && Boolean(url.searchParams.get('q')?.trim())) || /^\/[a-z]+\/research-articles\/?$/.test(url.pathname),
  'link.springer.com': (url) => url.pathname === '/search' && Boolean(url.searchParams.get('query')?.trim()),
};

function detect(url: URL): PageKind {
  const host = url.hostname.toLowerCase();
  const paths = ARTICLE_PATHS[host];
  if (!paths) return null;
  if (LISTINGS[host]?.(url)) return 'listing';
  if (!paths.test(url.pathname)) return null;
  // PLOS names the article in its query: ?id=10.1371/journal.pone.0185809.
  if (host === 'journals.plos.org') return /^10\.1371\/\S+$/.test(url.searchParams.get('id') ?? '') ? 'paper' : null;
  return 'paper';
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The DOI a listing row's link names: Springer's /article/<DOI> or /chapter/<DOI>, Nature's /articles/<id>. */
function doiOfLink(href: string, origin: string): { doi: string; url: string } | undefined {
  const absolute = absoluteUrl(href, origin);
  if (!absolute) return undefined;
  const url = new URL(absolute);
  const host = url.hostname.toLowerCase();
  const path = decoded(url.pathname);
  if (host === 'link.springer.com') {
    const doi = normalizeDoi(/^\/(?:article|chapter)\/(10\.\d{4,9}\/[^?#]+)$/.exec(path)?.[1] ?? '');
    return doi ? { doi, url: `https://link.springer.com${url.pathname}` } : undefined;
  }
  if (host === 'www.nature.com') {
    const id = ARTICLE_PATHS['www.nature.com']!.test(path) ? /^\/articles\/([^/]+)/.exec(path)?.[1] : undefined;
    const doi = id ? normalizeDoi(`10.1038/${id}`) : undefined;
    return doi ? { doi, url: `https://www.nature.com/articles/${id}` } : undefined;
  }
  return undefined;
}

/** Where a row's relative links point: Springer's cards are Springer's, the others Nature's. */
function originOf(item: Element): string {
  return item.matches(SELECTORS.items[1]) ? 'https://link.springer.com' : 'https://www.nature.com';
}

/** "Mei Chen, Kofi Mensah … Ana Souza" or "Mei Chen & Ana Souza" (Springer's one line) or one element per name (Nature's list). */
function authorsOf(item: Element): string[] {
  const els = allOf(item, SELECTORS.itemAuthors);
  const names = els.length === 1 ? text(els[0]).split(/\s*,\s*|\s+&\s+|\s*…\s*/) : els.map(text);
  return names.map((name) => name.replace(/,$/, '').trim()).filter((name) => name && name !== '…');
}

function rowFromItem(item: Element, origin: string): PaperRow | undefined {
  const link = first(item, SELECTORS.itemTitle);
  const found = link ? doiOfLink(attr(link, 'href'), origin) : undefined;
  const title = textAsWritten(link, '');
  if (!link || !found || !title) return undefined;
  const ref: PaperRef = { key: paperKey({ doi: found.doi, title }), title, doi: found.doi, url: found.url, authors: authorsOf(item) };
  const abstract = textOfBlocks(first(item, SELECTORS.itemSummary), '');
  if (abstract) ref.abstract = abstract;
  // The badge goes in the heading around the link (a click on it must not follow the link).
  const heading = link.parentElement?.closest('h2, h3');
  return { ref, titleEl: heading && item.contains(heading) ? heading : link, rowEl: item };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    const items = allOf(root, SELECTORS.items);
    if (items.length === 0) {
      // An article page: its citation tags (many publishers put the abstract in a plain description tag only).
      const paper = rowFromCitationMeta(root, { abstractMetas: ['description'] });
      return paper ? [paper] : [];
    }
    return rowsOncePerPaper(undefined, items, (item) => rowFromItem(item, originOf(item)));
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const journals: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://www.nature.com/articles/s41586-019-1666-5', kind: 'paper' },
    { url: 'https://www.nature.com/search?q=protein+folding&order=relevance', kind: 'listing' },
    { url: 'https://link.springer.com/article/10.1007/s10994-021-05946-3', kind: 'paper' },
    { url: 'https://link.springer.com/search?query=reinforcement+learning', kind: 'listing' },
    { url: 'https://www.science.org/doi/10.1126/science.aar6404', kind: 'paper' },
    { url: 'https://www.pnas.org/doi/full/10.1073/pnas.1611835114', kind: 'paper' },
    { url: 'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0185809', kind: 'paper' },
    { url: 'https://www.cell.com/cell/fulltext/S0092-8674(18)30394-7', kind: 'paper' },
    { url: 'https://onlinelibrary.wiley.com/doi/10.1002/anie.201506223', kind: 'paper' },
    { url: 'https://academic.oup.com/bioinformatics/article/36/4/1234/5566508', kind: 'paper' },
    { url: 'https://www.frontiersin.org/articles/10.3389/fnins.2018.00774/full', kind: 'paper' },
    { url: 'https://www.mdpi.com/2072-4292/13/4/567', kind: 'paper' },
    { url: 'https://iopscience.iop.org/article/10.1088/1742-6596/1234/1/012001', kind: 'paper' },
    { url: 'https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.116.061102', kind: 'paper' },
    { url: 'https://elifesciences.org/articles/65902', kind: 'paper' },
    { url: 'https://jmlr.org/papers/v21/20-074.html', kind: 'paper' },
  ],
};
