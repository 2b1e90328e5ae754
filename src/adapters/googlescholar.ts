// Google Scholar adapter: finds the papers on Scholar result pages (search, cited-by, versions) and author profiles.
import type { PaperRef } from '../core/paper.ts';
import { normalizeArxivId, paperKey } from '../core/identity/paperKey.ts';
import { absoluteUrl, allOf, attr, first, idsFromLinks, text, textAsWritten } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('googlescholar', 'Google Scholar', [
  'scholar.google.com',
  'scholar.google.co.uk',
  'scholar.google.ca',
  'scholar.google.com.au',
  'scholar.google.de',
  'scholar.google.fr',
  'scholar.google.es',
  'scholar.google.it',
  'scholar.google.nl',
  'scholar.google.ch',
  'scholar.google.co.jp',
  'scholar.google.co.in',
  'scholar.google.com.br',
]);

// Selectors: alternatives in order of preference, each with why it is there (verified on the 2025 and 2016 captures).
const SELECTORS = {
  blocked: [
    'form#gs_captcha_f', // the "unusual traffic" CAPTCHA page: nothing to read
  ],
  entries: [
    '.gs_r.gs_or[data-cid]', // 2025: div.gs_r.gs_or.gs_scl[data-cid], one per result
    '.gs_r', // 2016: div.gs_r > div.gs_ri without gs_or/data-cid (the 2025 "Create alert" box is a .gs_r too)
  ],
  body: [
    '.gs_ri', // the result's text column; boxes without one (alerts, "User profiles for") are not papers
  ],
  title: [
    '.gs_ri h3.gs_rt', // title, with a link unless it is a [CITATION]; <b> highlights inside
  ],
  // "[PDF]"/"[HTML]"/"[BOOK]" (2025 span.gs_ctc > span.gs_ct1 + span.gs_ct2) and "[CITATION]" (2016 span.gs_ctu).
  markers: '.gs_ctc, .gs_ctu, .gs_ct1, .gs_ct2',
  titleLink: [
    'a[href]', // inside the title: the result's own link (publisher, repository or PDF)
  ],
  arxivLinks: [
    'h3.gs_rt a[href*="arxiv.org/abs/"]', // the title links to the arXiv abstract
    '.gs_ggs a[href*="arxiv.org/"]', // side link to an arXiv PDF (.gs_ggs .gs_or_ggsm a)
    'h3.gs_rt a[href*="arxiv.org/"]', // the title links to an arXiv PDF or HTML page
  ],
  doiLinks: 'a[href*="doi.org/"]', // any doi.org link in the result
  byline: [
    '.gs_ri .gs_a', // "B Michaud, M Begon - Journal of Open Source Software, 2021 - joss.theoj.org"
  ],
  profileRows: [
    'tr.gsc_a_tr', // author profile: one table row per publication
  ],
  profileTitle: [
    'a.gsc_a_at', // the publication's title (opens the citation view)
  ],
  profileGray: 'div.gs_gray', // first: authors; second: venue, volume, pages, year
} as const;

const SITE = 'https://scholar.google.com/';
// scholar.google.com, scholar.google.de, scholar.google.co.uk, scholar.google.com.au: Google's own country domains.
const HOST = /^scholar\.google\.(?:com|[a-z]{2}|com?\.[a-z]{2})$/;
// Markers Scholar puts before titles when they are plain text instead of spans.
const LEADING_MARKERS = /^(?:\[(?:PDF|HTML|DOC|PS|CITATION|BOOK|B|C)\]\s*)+/i;
// arXiv ids written in a byline or venue: "arXiv preprint arXiv:1911.12338", "CoRR, abs/1206.5538".
const ARXIV_IN_TEXT = /\barXiv:\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})/i;
const CORR_IN_TEXT = /\bCoRR,?\s+abs\/(\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})/i;
const YEAR = /\b(19\d{2}|20\d{2})\b/g;
// Scholar cuts long author lists with an ellipsis ("AC Concejil…", "…", "...").
const ELLIPSIS = /…|\.\.\./g;

function detect(url: URL): PageKind {
  if (!HOST.test(url.hostname.toLowerCase())) return null;
  const params = url.searchParams;
  if (url.pathname === '/scholar') {
    return params.get('q') || params.get('as_q') || params.get('cites') || params.get('cluster') ? 'listing' : null;
  }
  if (url.pathname === '/citations') {
    // A profile's publication list; other views (author search, one citation) have no rows of ours.
    const view = params.get('view_op');
    return params.get('user') && (!view || view === 'list_works') ? 'listing' : null;
  }
  return null;
}

/** What a Scholar byline says: the authors shown (ellipses dropped), the source, and the year. */
export function bylineOf(byline: string): { authors: string[]; source: string; year?: number } {
  const parts = byline.split(' - ');
  const hasAuthors = parts.length > 1;
  const authors = hasAuthors ? namesIn(parts[0] ?? '') : [];
  const source = (hasAuthors ? parts.slice(1, parts.length > 2 ? -1 : undefined) : parts).join(' - ').trim();
  const years = Array.from(source.matchAll(YEAR), (m) => Number(m[1]));
  const year = years[years.length - 1];
  return year === undefined ? { authors, source } : { authors, source, year };
}

function namesIn(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.replace(ELLIPSIS, '').trim())
    .filter(Boolean);
}

function arxivIdInText(s: string): string | undefined {
  const m = ARXIV_IN_TEXT.exec(s) ?? CORR_IN_TEXT.exec(s);
  return m?.[1] ? normalizeArxivId(m[1]) : undefined;
}

function refFrom(title: string, ids: { arxivId?: string; doi?: string }, authors: string[], href: string): PaperRef {
  const ref: PaperRef = { key: paperKey({ ...ids, title }), title };
  if (ids.arxivId) ref.arxivId = ids.arxivId;
  if (ids.doi) ref.doi = ids.doi;
  const url = absoluteUrl(href, SITE);
  if (url && /^https?:/.test(url)) ref.url = url;
  if (authors.length > 0) ref.authors = authors;
  return ref;
}

function rowFromResult(entry: Element): PaperRow | undefined {
  if (!first(entry, SELECTORS.body)) return undefined;
  const titleEl = first(entry, SELECTORS.title);
  const title = textAsWritten(titleEl, SELECTORS.markers).replace(LEADING_MARKERS, '').trim();
  if (!titleEl || !title) return undefined;
  const href = attr(first(titleEl, SELECTORS.titleLink), 'href');
  // "User profiles for …" boxes link to the author search, not to a paper.
  if (href.includes('view_op=search_authors')) return undefined;
  const byline = text(first(entry, SELECTORS.byline));
  let arxivId: string | undefined;
  for (const selector of SELECTORS.arxivLinks) arxivId ??= idsFromLinks(entry, selector).arxivId;
  arxivId ??= arxivIdInText(byline);
  const { doi } = idsFromLinks(entry, SELECTORS.doiLinks);
  const ref = refFrom(title, { arxivId, doi }, bylineOf(byline).authors, href);
  return { ref, titleEl, rowEl: entry };
}

function rowFromProfile(tr: Element): PaperRow | undefined {
  const titleEl = first(tr, SELECTORS.profileTitle);
  const title = textAsWritten(titleEl, '');
  if (!titleEl || !title) return undefined;
  const [authorsEl, venueEl] = Array.from(tr.querySelectorAll(SELECTORS.profileGray));
  const arxivId = arxivIdInText(text(venueEl));
  const ref = refFrom(title, { arxivId }, namesIn(text(authorsEl)), attr(titleEl, 'data-href') || attr(titleEl, 'href'));
  return { ref, titleEl, rowEl: tr };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    if (first(root, SELECTORS.blocked)) return [];
    const found: PaperRow[] = [];
    for (const entry of allOf(root, SELECTORS.entries)) {
      const row = rowFromResult(entry);
      if (row) found.push(row);
    }
    if (found.length > 0) return found;
    for (const tr of allOf(root, SELECTORS.profileRows)) {
      const row = rowFromProfile(tr);
      if (row) found.push(row);
    }
    return found;
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const googlescholar: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=python3+C%2B%2B&btnG=', kind: 'listing' },
    { url: 'https://scholar.google.com/scholar?start=10&q=python3+C%2B%2B&hl=en&as_sdt=0,5', kind: 'listing' },
    { url: 'https://scholar.google.com/scholar?cites=5331804836605365413&as_sdt=2005&sciodt=0,5&hl=en', kind: 'listing' },
    { url: 'https://scholar.google.co.uk/scholar?cluster=5362332738201102290&hl=en&as_sdt=0,5', kind: 'listing' },
    { url: 'https://scholar.google.de/scholar?as_q=deep+learning&as_ylo=2015', kind: 'listing' },
    { url: 'https://scholar.google.com/citations?user=kukA0LcAAAAJ&hl=en', kind: 'listing' },
    { url: 'https://scholar.google.com.au/citations?hl=en&user=kukA0LcAAAAJ&view_op=list_works&sortby=pubdate', kind: 'listing' },
  ],
};
