// bioRxiv and medRxiv adapter: finds the papers on paper pages (/content/10.1101/…) and on listing pages (home, collections, search, recent).
//
// Keys: `doi:10.1101/<id>` without the version suffix (v1, v2 are versions of one DOI). On a paper page the paper
// itself comes first; other papers cited in HighWire blocks on the page (related-article lists) follow, while the
// page's own paper repeated in its share and citation dialogs (the 2019 capture has it three times) is not repeated.
import type { PaperRef } from '../core/paper.ts';
import { normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { cleanText } from '../core/identity/titles.ts';
import { absoluteUrl, allOf, attr, first, metaText, metaTextAll, nameFromCitation, text, textAsWritten, textOfBlocks, textOfMarkup } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('biorxiv', 'bioRxiv and medRxiv', ['www.biorxiv.org', 'www.medrxiv.org', 'biorxiv.org', 'medrxiv.org']);

// Selectors: alternatives in order of preference, each with why it is there. The paper page follows the real 2019
// capture (Drupal/HighWire, many unquoted attributes); listings follow third-party scrapers (no listing captured).
const SELECTORS = {
  citations: [
    'div.highwire-article-citation', // one block per paper: listings, the paper page's own header, related lists
  ],
  citationTitle: [
    'a.highwire-cite-linked-title', // listings: the title is a link to /content/10.1101/<id>v<n>
    '.highwire-cite-title', // page header (h1#page-title.highwire-cite-title) and "pap-list" blocks without a link
  ],
  citationTitleBox: '.highwire-cite-title', // the title's wrapper around the link: the badge goes there, outside the link
  citationAuthors: [
    '.highwire-citation-authors .highwire-citation-author', // span per author: .nlm-given-names + .nlm-surname
    '.highwire-citation-author', // outside the authors wrapper
  ],
  givenNames: '.nlm-given-names', // "Havell"
  surname: '.nlm-surname', // "Markus"
  collab: '.nlm-collab', // a consortium as author
  hiddenText: '.element-invisible, .hw-icon-orcid', // "View ORCID Profile" inside an author span
  citationDoi: [
    '.highwire-cite-metadata-doi', // "doi: https://doi.org/10.1101/696633"
  ],
  pageTitle: [
    'h1#page-title', // paper page: h1#page-title.highwire-cite-title inside the page's own citation block
    'h1.highwire-cite-title', // the id was dropped
  ],
  pageAbstract: [
    'div.section.abstract', // body abstract: h2 "Abstract" then paragraphs
    '#abstract-1', // same section by id
  ],
  abstractHeading: 'h2, .section-title', // the "Abstract" heading inside that section
  canonical: 'link[rel="canonical"]', // https://www.biorxiv.org/content/10.1101/696633v1
} as const;

// bioRxiv/medRxiv DOIs: 10.1101/696633 (to 2019) and 10.1101/2023.05.04.539396 (dated, since Dec 2019).
const BIORXIV_DOI = /10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}/i;
const PAPER_PATH = /^\/content\/10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}(?:v\d+)?(?:\.(?:full|abstract|article-info|article-metrics|supplementary-material|full-text))?\/?$/;
const LISTING_PATH = /^\/(?:collection\/[A-Za-z0-9_-]+|search\/.+|content\/early\/recent)?\/?$/;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (PAPER_PATH.test(path)) return 'paper';
  if (LISTING_PATH.test(path)) return 'listing';
  return null;
}

/** The DOI without its version: "https://doi.org/10.1101/696633", "/content/10.1101/696633v1.full" → "10.1101/696633". */
function doiFrom(raw: string): string | undefined {
  const bio = BIORXIV_DOI.exec(raw);
  if (bio) return bio[0].toLowerCase();
  return normalizeDoi(raw);
}

/** The DOI in a block's HighWire ids: data-pisa-master="biorxiv;696633" (the unversioned article). */
function doiFromPisa(block: Element): string | undefined {
  const pisa = attr(block, 'data-pisa-master') || attr(block, 'data-pisa');
  const id = /;((?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,})/.exec(pisa)?.[1];
  return id ? `10.1101/${id}` : undefined;
}

function authorName(author: Element): string {
  const given = text(author.querySelector(SELECTORS.givenNames));
  const surname = text(author.querySelector(SELECTORS.surname));
  if (surname) return cleanText(`${given} ${surname}`);
  return text(author.querySelector(SELECTORS.collab)) || textAsWritten(author, SELECTORS.hiddenText);
}

/** A citation block's DOI: its "doi:" line, else its title link, else its HighWire ids. */
function citationDoi(block: Element): string | undefined {
  const href = attr(block.querySelector(SELECTORS.citationTitle[0]), 'href');
  return doiFrom(text(first(block, SELECTORS.citationDoi))) ?? (href ? doiFrom(href) : undefined) ?? doiFromPisa(block);
}

function citationAuthors(block: Element): string[] {
  return allOf(block, SELECTORS.citationAuthors).map(authorName).filter(Boolean);
}

/** The document's own address when it is a bioRxiv/medRxiv page, to resolve relative links (else doi.org is used). */
function pageBase(root: ParentNode): string | undefined {
  const url = absoluteUrl((root as Partial<Document>).URL ?? (root as Partial<Element>).ownerDocument?.URL ?? '');
  return url && site.hosts.includes(new URL(url).hostname.toLowerCase()) ? url : undefined;
}

function refFrom(parts: { title: string; doi?: string; url?: string; authors: string[]; abstract?: string }): PaperRef {
  const { title, doi, url, authors, abstract } = parts;
  const ref: PaperRef = { key: paperKey({ doi, title }), title };
  if (doi) ref.doi = doi;
  const where = url ?? (doi ? `https://doi.org/${doi}` : undefined);
  if (where) ref.url = where;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

function rowFromCitation(block: Element, base: string | undefined): PaperRow | undefined {
  const heading = first(block, SELECTORS.citationTitle);
  const title = textAsWritten(heading, '');
  if (!heading || !title) return undefined;
  const box = heading.parentElement?.closest(SELECTORS.citationTitleBox);
  const titleEl = box && block.contains(box) ? box : heading;
  const href = attr(block.querySelector(SELECTORS.citationTitle[0]), 'href');
  const url = href ? absoluteUrl(href, base) : undefined;
  return { ref: refFrom({ title, doi: citationDoi(block), url, authors: citationAuthors(block) }), titleEl, rowEl: block };
}

/** The paper of a paper page, from its citation metas and its header block; undefined on listings. */
function ownPaper(root: ParentNode, base: string | undefined): PaperRow | undefined {
  const metaDoi = doiFrom(metaText(root, 'citation_doi'));
  const h1 = first(root, SELECTORS.pageTitle);
  // Collection pages have an h1#page-title too: only a citation block around it, or a DOI meta, makes a paper page.
  let block = h1?.closest(SELECTORS.citations[0]) ?? undefined;
  if (!metaDoi && !block) return undefined;
  // No page title: the paper's own citation block is the one with the page's DOI.
  if (!h1) block = allOf(root, SELECTORS.citations).find((b) => citationDoi(b) === metaDoi);
  const titleEl = h1 ?? (block ? first(block, SELECTORS.citationTitle) : undefined);
  // Without the header block the title alone is the row: a wider element could hold other papers' rows.
  const rowEl = block ?? titleEl;
  const title = textAsWritten(titleEl, '') || metaText(root, 'citation_title') || metaText(root, 'DC.Title');
  if (!titleEl || !rowEl || !title) return undefined;
  const doi = metaDoi ?? (block ? citationDoi(block) : undefined);
  let authors = block ? citationAuthors(block) : [];
  if (authors.length === 0) authors = metaTextAll(root, 'citation_author').map(nameFromCitation);
  if (authors.length === 0) authors = metaTextAll(root, 'DC.Contributor');
  const abstract =
    textOfMarkup(metaText(root, 'citation_abstract')) || metaText(root, 'DC.Description') || textOfBlocks(first(root, SELECTORS.pageAbstract), SELECTORS.abstractHeading);
  const url = absoluteUrl(attr(root.querySelector(SELECTORS.canonical), 'href'), base) ?? absoluteUrl(metaText(root, 'citation_public_url'));
  return { ref: refFrom({ title, doi, url, authors, abstract }), titleEl, rowEl };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    const base = pageBase(root);
    const own = ownPaper(root, base);
    const found: PaperRow[] = own ? [own] : [];
    for (const block of allOf(root, SELECTORS.citations)) {
      if (own && (block === own.rowEl || block.contains(own.rowEl) || own.rowEl.contains(block))) continue;
      const row = rowFromCitation(block, base);
      // The page's own paper again (share and cite dialogs): one badge is enough.
      if (row && row.ref.key !== own?.ref.key) found.push(row);
    }
    return found;
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const biorxiv: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://www.biorxiv.org/', kind: 'listing' },
    { url: 'https://www.biorxiv.org/collection/neuroscience', kind: 'listing' },
    { url: 'https://www.biorxiv.org/content/early/recent', kind: 'listing' },
    { url: 'https://www.biorxiv.org/search/crispr%20numresults%3A10%20sort%3Arelevance-rank', kind: 'listing' },
    { url: 'https://www.medrxiv.org/collection/epidemiology?page=2', kind: 'listing' },
    { url: 'https://www.biorxiv.org/content/10.1101/696633v1', kind: 'paper' },
    { url: 'https://www.biorxiv.org/content/10.1101/2023.05.04.539396v2.full', kind: 'paper' },
    { url: 'https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v1', kind: 'paper' },
    { url: 'https://biorxiv.org/content/10.1101/283929v2.abstract', kind: 'paper' },
  ],
};
