// ACL Anthology adapter: finds the papers on aclanthology.org event pages, volume pages and paper pages.
//
// Keys: a paper's DOI when the page states it (paper pages: citation_doi / the DOI link, 10.18653/v1/<id>), else its
// title. Listings never show DOIs, and not every Anthology paper has one (older and non-ACL volumes), so a DOI is
// never made up from the Anthology id: the same paper keys by title on a listing and by DOI on its own page, and the
// catalogue matcher joins the two by title.
import type { PaperRef } from '../core/paper.ts';
import { normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { normalizeTitle } from '../core/identity/titles.ts';
import { allOf, attr, first, idsFromLinks, metaText, metaTextAll, nameFromCitation, text, textAsWritten, textOfBlocks, readersOf, rowsFromReaders } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('aclanthology', 'ACL Anthology', ['aclanthology.org']);

const ORIGIN = 'https://aclanthology.org';

// Selectors: alternatives in order of preference, each with why it is there. No capture exists: these follow the
// Anthology's public Hugo templates (and Zotero's `//section[@id="main"]//strong/a`) as described in SOURCES.md.
const SELECTORS = {
  listRows: [
    'section#main p.d-sm-flex.align-items-stretch', // one p per paper: buttons span, then span.d-block with title and authors
    'p.d-sm-flex.align-items-stretch', // outside section#main
  ],
  rowTitleBox: [
    'strong', // strong > a.align-middle: the badge goes after the link, inside the strong
  ],
  rowTitleLink: [
    'strong > a.align-middle', // title + link to /<anthology-id>/
    'strong > a[href]', // the link lost its class
  ],
  rowAuthors: [
    'a[href*="/people/"]', // one link per author (/people/a/anna-rogers/ or /people/anna-rogers/), " | " between
  ],
  rowAbstractCard: 'div.abstract-collapse', // collapsed card right after the row (id="abstract-2023--acl-long--1")
  rowAbstractBody: '.card-body', // the abstract text inside that card
  volumeTitles: [
    'section#main h2#title', // a volume page's own title
    'section#main h4 a.align-middle', // each volume's heading on an event page
    'h4 a[href^="/volumes/"]', // volume headings outside section#main
  ],
  paperTitle: [
    'section#main h2#title', // paper page: h2#title > a (PDF link) with the title
    'h2#title', // outside section#main
  ],
  paperAuthors: [
    'section#main p.lead a[href*="/people/"]', // authors under the title
    'p.lead a', // outside section#main or people links renamed
  ],
  paperAbstract: [
    '.acl-abstract', // div.card-body.acl-abstract: h5 "Abstract", then the text in a span
    '.card-body.p-3', // older template
  ],
  abstractHeading: 'h5, .card-title', // the "Abstract" heading inside the card
  paperDetails: [
    'section#main dl', // "Anthology ID:", "Volume:", "DOI:" … as dt/dd pairs
    'dl', // outside section#main
  ],
} as const;

// New-style ids (2023.acl-long.1, 2024.findings-emnlp.12) and old-style ids (P19-1001, W19-5301, J90-1001).
const NEW_ID = /^(\d{4})\.([a-z0-9]+(?:-[a-z0-9]+)*)\.(\d+)$/i;
const OLD_ID = /^([A-Z])(\d{2})-(\d{4})$/;
const VOLUME_ID = /^(?:\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*|[A-Z]\d{2}-\d{1,2})$/i;

/** Whether an Anthology id names a real paper, not a volume's front matter (2023.acl-long.0, P19-1000, W19-5300). */
function isPaperId(id: string): boolean {
  const fresh = NEW_ID.exec(id);
  if (fresh) return Number(fresh[3]) > 0;
  const old = OLD_ID.exec(id);
  if (!old?.[1] || !old[3]) return false;
  // Workshop (W) volumes number papers with two digits, the others with three.
  return old[1] === 'W' ? !old[3].endsWith('00') : !old[3].endsWith('000');
}

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 2 && parts[0] === 'events' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(parts[1] ?? '')) return 'listing';
  if (parts.length === 2 && parts[0] === 'volumes' && VOLUME_ID.test(parts[1] ?? '')) return 'listing';
  if (parts.length === 1 && parts[0] && isPaperId(parts[0])) return 'paper';
  return null;
}

/** The Anthology id of a paper link ("/2023.acl-long.1/", "https://aclanthology.org/P19-1001.pdf"). */
function idFromHref(href: string): string | undefined {
  let path: string;
  try {
    path = new URL(href, ORIGIN).pathname;
  } catch {
    return undefined;
  }
  const id = path.replace(/^\/+|\/+$/g, '').replace(/\.pdf$/i, '');
  return NEW_ID.test(id) || OLD_ID.test(id) ? id : undefined;
}

function refFrom(parts: { id: string; title: string; doi?: string; arxivId?: string; authors: string[]; abstract: string }): PaperRef {
  const { id, title, doi, arxivId, authors, abstract } = parts;
  const ref: PaperRef = { key: paperKey({ arxivId, doi, title }), title };
  if (arxivId) ref.arxivId = arxivId;
  if (doi) ref.doi = doi;
  ref.url = `${ORIGIN}/${id}/`;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

/** The abstract card that follows a row, when the page has one. */
function abstractAfter(row: Element): string {
  const card = row.nextElementSibling;
  if (!card?.matches(SELECTORS.rowAbstractCard)) return '';
  return textOfBlocks(card.querySelector(SELECTORS.rowAbstractBody) ?? card, '');
}

function rowFromEntry(row: Element, volumeTitles: ReadonlySet<string>): PaperRow | undefined {
  const link = first(row, SELECTORS.rowTitleLink);
  const id = idFromHref(attr(link, 'href'));
  const title = textAsWritten(link, '');
  if (!link || !id || !title || !isPaperId(id)) return undefined;
  // The front matter row carries the volume's title (and its editors, not authors).
  if (volumeTitles.has(normalizeTitle(title))) return undefined;
  const box = first(row, SELECTORS.rowTitleBox);
  const titleEl = box?.contains(link) ? box : link;
  const authors = allOf(row, SELECTORS.rowAuthors).map(text).filter(Boolean);
  const ids = idsFromLinks(row);
  return { ref: refFrom({ id, title, ...ids, authors, abstract: abstractAfter(row) }), titleEl, rowEl: row };
}

function readersOfListing(root: ParentNode, entries: Element[]): Array<() => PaperRow | undefined> {
  const volumeTitles = new Set<string>();
  for (const selector of SELECTORS.volumeTitles) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const title = normalizeTitle(textAsWritten(el, ''));
      if (title) volumeTitles.add(title);
    }
  }
  return readersOf(entries, (entry) => rowFromEntry(entry, volumeTitles));
}

/** The value next to a dt label ("Anthology ID:", "DOI:") in the paper's details list. */
function detail(root: ParentNode, label: RegExp): Element | undefined {
  const dl = first(root, SELECTORS.paperDetails);
  for (const dt of Array.from(dl?.querySelectorAll('dt') ?? [])) {
    if (!label.test(text(dt))) continue;
    const dd = dt.nextElementSibling;
    return dd?.localName === 'dd' ? dd : undefined;
  }
  return undefined;
}

function rowFromPaperPage(root: ParentNode): PaperRow | undefined {
  const h2 = first(root, SELECTORS.paperTitle);
  if (!h2) return undefined;
  const title = textAsWritten(h2, '') || metaText(root, 'citation_title');
  const id = idFromHref(metaText(root, 'citation_pdf_url')) ?? idFromHref(text(detail(root, /^Anthology ID/i))) ?? idFromHref(attr(h2.querySelector('a[href]'), 'href'));
  if (!title || !id) return undefined;
  const doiEl = detail(root, /^DOI/i);
  const doi = normalizeDoi(metaText(root, 'citation_doi')) ?? (doiEl ? (idsFromLinks(doiEl).doi ?? normalizeDoi(text(doiEl))) : undefined);
  let authors = allOf(root, SELECTORS.paperAuthors).map(text).filter(Boolean);
  if (authors.length === 0) authors = metaTextAll(root, 'citation_author').map(nameFromCitation);
  const abstract = textOfBlocks(first(root, SELECTORS.paperAbstract), SELECTORS.abstractHeading);
  const rowEl = h2.parentElement && h2.parentElement.localName !== 'body' ? h2.parentElement : h2;
  return { ref: refFrom({ id, title, doi, authors, abstract }), titleEl: h2, rowEl };
}

/** An event's page holds thousands of papers (ACL 2023: over 1,000 in its main volumes): read in slices. */
function rowReaders(root: ParentNode): Array<() => PaperRow | undefined> {
  try {
    const entries = allOf(root, SELECTORS.listRows);
    if (entries.length > 0) return readersOfListing(root, entries);
    return readersOf([root], rowFromPaperPage);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

function rows(root: ParentNode): PaperRow[] {
  return rowsFromReaders(rowReaders(root));
}

export const aclanthology: SiteAdapter = {
  ...site,
  detect,
  rows,
  rowReaders,
  testUrls: [
    { url: 'https://aclanthology.org/events/acl-2023/', kind: 'listing' },
    { url: 'https://aclanthology.org/events/emnlp-2019', kind: 'listing' },
    { url: 'https://aclanthology.org/volumes/2023.acl-long/', kind: 'listing' },
    { url: 'https://aclanthology.org/volumes/W19-53/', kind: 'listing' },
    { url: 'https://aclanthology.org/2023.acl-long.1/', kind: 'paper' },
    { url: 'https://aclanthology.org/2024.findings-emnlp.112', kind: 'paper' },
    { url: 'https://aclanthology.org/P19-1001/', kind: 'paper' },
  ],
};
