// DBLP adapter: finds the papers on dblp person pages, venue/journal table-of-contents pages, search results and record pages.
import type { PaperRef } from '../core/paper.ts';
import { normalizeArxivId, paperKey } from '../core/identity/paperKey.ts';
import { absoluteUrl, allOf, attr, idsFromLinks, text, textAsWritten, readersOf, rowsFromReaders } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('dblp', 'DBLP', ['dblp.org', 'dblp.uni-trier.de']);

const ORIGIN = 'https://dblp.org';

// Selectors: alternatives in order of preference, each with why it is there. No capture exists: these are modelled
// on dblp's public pages as we know them (schema.org microdata on every entry), not checked against a saved page.
const SELECTORS = {
  entries: [
    'ul.publ-list > li.entry', // person pages (under li.year headers), db toc pages (under header.h2), /rec/ pages
    'li.entry', // search results (#completesearch-publs ul.result-list) and any other wrapper
  ],
  title: [
    'cite span.title[itemprop="name"]', // "Attention is All you Need." (dblp ends titles with a period)
    'span.title', // microdata dropped
  ],
  authors: [
    'cite span[itemprop="author"] span[itemprop="name"]', // each author; span.this-person on their own page
    'span[itemprop="author"]', // inner name span dropped
  ],
  idLinks: [
    'nav.publ a[href]', // .drop-down .head a (first "ee") and .body li.ee a: doi.org, arxiv.org/abs, openreview.net
    '.drop-down .head a[href]', // nav lost its class
  ],
  openreviewLink: 'a[href*="openreview.net/forum?id="]', // ICLR/TMLR "ee" links: the paper's OpenReview forum
  // Not read: year (span[itemprop=datePublished] or the li.year header) has no field in PaperRef.
} as const;

// Entry kinds that are papers: conference, journal, CoRR/informal, book chapter (not editor = whole proceedings).
const PAPER_KINDS = ['inproceedings', 'article', 'informal', 'incollection'];
// CoRR record keys carry the arXiv id: journals/corr/abs-2401-12345 → 2401.12345.
const CORR_KEY = /^journals\/corr\/abs-(\d{4})-(\d{4,5})$/;
const FORUM_ID = /^[A-Za-z0-9_-]{4,}$/;
// dblp disambiguates namesakes with a number the page keeps in the title attribute; strip it if shown.
const HOMONYM = /\s+\d{4}$/;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (/^\/pid\/[^/]+\/[^/]+\.html$/.test(path)) return 'listing';
  if (/^\/db\/(?:conf|journals|series|books)\/[^/]+\/(?!index\.html$)[^/]+\.html$/.test(path)) return 'listing';
  if (/^\/search(?:\/publ)?\/?$/.test(path) && url.searchParams.get('q')?.trim()) return 'listing';
  if (/^\/rec\/(?:[^/]+\/)+[^/]+\.html$/.test(path)) return 'paper';
  return null;
}

function isPaperEntry(entry: Element): boolean {
  return PAPER_KINDS.some((kind) => entry.classList.contains(kind));
}

/** The OpenReview forum an entry links, e.g. ICLR papers' electronic edition. */
function openreviewIdOf(entry: Element): string | undefined {
  for (const link of Array.from(entry.querySelectorAll(SELECTORS.openreviewLink))) {
    const href = absoluteUrl(attr(link, 'href'));
    if (!href) continue;
    const url = new URL(href);
    const id = url.searchParams.get('id') ?? '';
    if (url.hostname === 'openreview.net' && FORUM_ID.test(id)) return id;
  }
  return undefined;
}

function rowFromEntry(entry: Element): PaperRow | undefined {
  if (!isPaperEntry(entry)) return undefined;
  const titleEl = allOf(entry, SELECTORS.title)[0];
  // dblp ends every title with a period (not after "?" or "!"): it is punctuation, not part of the title.
  const title = textAsWritten(titleEl, '').replace(/(?<!\.)\.$/, '');
  if (!titleEl || !title) return undefined;
  const recordKey = attr(entry, 'id');
  const linked = idsFromLinks(entry, SELECTORS.idLinks[0]);
  const ids = Object.keys(linked).length > 0 ? linked : idsFromLinks(entry, SELECTORS.idLinks[1]);
  const corr = CORR_KEY.exec(recordKey);
  const arxivId = ids.arxivId ?? (corr ? normalizeArxivId(`${corr[1]}.${corr[2]}`) : undefined);
  const doi = ids.doi;
  const openreviewId = openreviewIdOf(entry);
  const ref: PaperRef = { key: paperKey({ arxivId, doi, openreviewId, title }), title };
  if (arxivId) ref.arxivId = arxivId;
  if (doi) ref.doi = doi;
  if (recordKey) ref.url = `${ORIGIN}/rec/${recordKey}.html`;
  ref.authors = allOf(entry, SELECTORS.authors)
    .map((el) => text(el).replace(HOMONYM, ''))
    .filter(Boolean);
  return { ref, titleEl, rowEl: entry };
}

/** A table of contents or a prolific author's page holds thousands of entries: read in slices, one reader each. */
function rowReaders(root: ParentNode): Array<() => PaperRow | undefined> {
  try {
    return readersOf(allOf(root, SELECTORS.entries), rowFromEntry);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

function rows(root: ParentNode): PaperRow[] {
  return rowsFromReaders(rowReaders(root));
}

export const dblp: SiteAdapter = {
  ...site,
  detect,
  rows,
  rowReaders,
  testUrls: [
    { url: 'https://dblp.org/pid/10/3248.html', kind: 'listing' },
    { url: 'https://dblp.uni-trier.de/pid/h/GeoffreyEHinton.html', kind: 'listing' },
    { url: 'https://dblp.org/db/conf/nips/nips2017.html', kind: 'listing' },
    { url: 'https://dblp.org/db/journals/jmlr/jmlr21.html', kind: 'listing' },
    { url: 'https://dblp.org/search?q=attention%20is%20all%20you%20need', kind: 'listing' },
    { url: 'https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.html', kind: 'paper' },
  ],
};
