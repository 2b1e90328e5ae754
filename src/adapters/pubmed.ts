// PubMed adapter: finds the papers on pubmed.ncbi.nlm.nih.gov search results, trending lists and article pages.
//
// Keys: a record's DOI when the page shows one (a search row's citation line "doi: 10.…", an article page's
// citation_doi meta or DOI identifier), else `pmid:<PubMed id>`. The PubMed id is always kept on the ref (`pmid`), so a
// paper keyed by DOI here can still be joined with the same record seen by its PubMed id. On an article page the
// record itself comes first; the short lists on it (similar articles, cited by) use the search rows' markup and follow.
// Result rows write authors "Doudna JA"; they are sent as "JA Doudna", so the surname is where matching looks for it.
import type { PaperRef } from '../core/paper.ts';
import { normalizeDoi, normalizePmid, paperKey, pmidFromUrl } from '../core/identity/paperKey.ts';
import { cleanText } from '../core/identity/titles.ts';
import { absoluteUrl, allOf, attr, first, idsFromLinks, metaText, metaTextAll, text, textAsWritten, textOfBlocks, rowsOncePerPaper } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('pubmed', 'PubMed', ['pubmed.ncbi.nlm.nih.gov']);

const ORIGIN = 'https://pubmed.ncbi.nlm.nih.gov';

// Selectors: alternatives in order of preference, each with why it is there. Written from PubMed's markup since its
// 2020 redesign as we know it (no capture in ../shared/pages): "docsum" blocks for result rows, a header for a record.
const SELECTORS = {
  docsums: [
    '.full-docsum', // article.full-docsum per search result; li.full-docsum in an article page's similar / cited-by lists
  ],
  docsumTitle: [
    'a.docsum-title', // href="/31645734/", the title (search terms wrapped in <b>)
    '.docsum-content a[href]', // the link lost its class: the content block's first link is the title
  ],
  docsumAuthors: [
    '.docsum-authors.full-authors', // "Arute F, Arya K, Babbush R, et al." (full view)
    '.docsum-authors', // only the short list ("Arute F, et al.") is left
  ],
  docsumCitation: [
    '.docsum-journal-citation.full-journal-citation', // "Nature. 2019 Oct;574(7779):505-510. doi: 10.1038/… Epub 2019 Oct 23."
    '.docsum-journal-citation', // only the short citation is left (no DOI in it)
  ],
  docsumPmid: [
    '.docsum-pmid', // span.docsum-pmid inside "PMID: …"
  ],
  docsumSelector: 'input.search-result-selector', // the row's checkbox, value = PMID
  pageTitle: [
    '#full-view-heading h1.heading-title', // the record's title in the full view header
    'h1.heading-title', // the header lost its id (or only the short view is rendered)
  ],
  pageHeading: [
    '#full-view-heading', // the record's citation, title, authors and identifiers: the row of the record
    'header#heading', // the whole header
  ],
  pageAuthors: [
    '#full-view-heading .authors-list a.full-name', // "Frank Arute", one link per author (affiliation numbers outside)
    '.authors-list .authors-list-item .full-name', // outside the full view header
  ],
  pageIdentifiers: [
    '#full-view-heading ul.identifiers', // PMID, PMCID and DOI of the record
    'ul.identifiers', // outside the header
  ],
  currentPmid: 'strong.current-id', // the record's PMID in the identifiers list
  abstract: [
    '#abstract .abstract-content.selected', // the abstract shown (English first when there are translations)
    '#abstract .abstract-content', // no language selected
    '#abstract', // the abstract section as a whole (its "Abstract" heading skipped below)
  ],
  abstractSkip: 'h2, .keywords, .abstract-keywords, .copyright', // the heading, keywords and copyright line are not the abstract
} as const;

// "doi: 10.1038/s41586-019-1666-5." in a citation line (the DOI ends at whitespace; a final period is punctuation).
const CITATION_DOI = /\bdoi:\s*(10\.\d{4,9}\/\S+)/i;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname;
  if (/^\/\d{1,9}\/?$/.test(path)) return normalizePmid(path.replace(/\//g, '')) ? 'paper' : null;
  if (path === '/' && (url.searchParams.get('term')?.trim() || url.searchParams.get('linkname')?.trim())) return 'listing';
  if (/^\/trending\/?$/.test(path)) return 'listing';
  return null;
}

/** A title as PubMed writes it, without the record's closing period and the brackets of a translated title. */
function cleanPubmedTitle(raw: string): string {
  let title = cleanText(raw);
  // MEDLINE ends titles with a period (not an ellipsis or an abbreviation's dots: "..." stays).
  if (/[^.]\.$/.test(title)) title = title.slice(0, -1);
  // A title translated into English is bracketed: "[Treatment of …]".
  const bracketed = /^\[(.+)\]$/.exec(title);
  if (bracketed?.[1] && !bracketed[1].includes(']')) title = bracketed[1].trim();
  return title;
}

// A result row's author as PubMed writes it: surname, then initials ("Doudna JA", "van der Berg J", "Smith J Jr").
const SURNAME_INITIALS = /^(.+?)\s+([A-Z]{1,4})(\s+(?:Jr|Sr|II|III|IV)\.?)?$/u;

/** "Doudna JA" → "JA Doudna": initials first, as names read elsewhere, so the surname is the last word; a group's name is kept. */
function initialsFirst(name: string): string {
  const m = SURNAME_INITIALS.exec(name);
  return m ? `${m[2]} ${m[1]}${m[3] ?? ''}` : name;
}

/** "Arute F, Arya K, et al." or "Wagner L; Study Group." → the names (initials first), without "et al." and the closing period. */
function authorsFromLine(line: string): string[] {
  return cleanText(line)
    .replace(/\.$/, '')
    .split(/\s*[,;]\s*/)
    .map((name) => name.trim())
    .filter((name) => name && !/^et al\.?$/i.test(name))
    .map(initialsFirst);
}

function refFrom(parts: { title: string; pmid: string; doi?: string; authors: string[]; abstract?: string }): PaperRef {
  const { title, pmid, doi, authors, abstract } = parts;
  const ref: PaperRef = { key: paperKey({ doi, pmid, title }), title };
  if (doi) ref.doi = doi;
  ref.pmid = pmid;
  ref.url = `${ORIGIN}/${pmid}/`;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

/** A result row's PubMed id: its PMID line, else its title link, else its checkbox. */
function docsumPmid(row: Element, link: Element): string | undefined {
  return (
    normalizePmid(text(first(row, SELECTORS.docsumPmid))) ??
    pmidFromUrl(absoluteUrl(attr(link, 'href'), ORIGIN) ?? '') ??
    normalizePmid(attr(link, 'data-article-id')) ??
    normalizePmid(attr(row.querySelector(SELECTORS.docsumSelector), 'value'))
  );
}

function rowFromDocsum(row: Element): PaperRow | undefined {
  const link = first(row, SELECTORS.docsumTitle);
  if (!link) return undefined;
  const title = cleanPubmedTitle(textAsWritten(link, ''));
  const pmid = docsumPmid(row, link);
  if (!title || !pmid) return undefined;
  const citation = text(first(row, SELECTORS.docsumCitation));
  const doi = normalizeDoi(CITATION_DOI.exec(citation)?.[1] ?? '');
  const authors = authorsFromLine(text(first(row, SELECTORS.docsumAuthors)));
  return { ref: refFrom({ title, pmid, doi, authors }), titleEl: link, rowEl: row };
}

/** The document's own PubMed id from its address, when the root is a PubMed record page. */
function pmidOfDocument(root: ParentNode): string | undefined {
  const url = (root as Partial<Document>).URL ?? (root as Partial<Element>).ownerDocument?.URL ?? '';
  return pmidFromUrl(url);
}

/** "Arute F" or "Frank Arute" from citation_authors ("Frank Arute;Kunal Arya;…"), in page order. */
function authorsFromMeta(root: ParentNode): string[] {
  const joined = metaTextAll(root, 'citation_authors').join(';');
  const names = joined ? joined.split(';') : metaTextAll(root, 'citation_author');
  return names.map((name) => cleanText(name)).filter(Boolean);
}

/** The record of an article page, from its header and metas; undefined on other pages. */
function ownRecord(root: ParentNode): PaperRow | undefined {
  const h1 = first(root, SELECTORS.pageTitle);
  if (!h1) return undefined;
  const title = cleanPubmedTitle(textAsWritten(h1, '')) || cleanPubmedTitle(metaText(root, 'citation_title'));
  const identifiers = first(root, SELECTORS.pageIdentifiers);
  const pmid = normalizePmid(metaText(root, 'citation_pmid')) ?? normalizePmid(text(identifiers?.querySelector(SELECTORS.currentPmid))) ?? pmidOfDocument(root);
  if (!title || !pmid) return undefined;
  const doi = normalizeDoi(metaText(root, 'citation_doi')) ?? (identifiers ? idsFromLinks(identifiers).doi : undefined);
  // Each author once: the header can list an author twice (full and expanded lists).
  let authors = [...new Set(allOf(root, SELECTORS.pageAuthors).map(text).filter(Boolean))];
  if (authors.length === 0) authors = authorsFromMeta(root);
  const abstract = textOfBlocks(first(root, SELECTORS.abstract), SELECTORS.abstractSkip);
  const heading = first(root, SELECTORS.pageHeading);
  // The header is the record's row unless it holds result rows (then the title alone is).
  const rowEl = heading?.contains(h1) && !heading.querySelector(SELECTORS.docsums[0]) ? heading : h1;
  return { ref: refFrom({ title, pmid, doi, authors, abstract }), titleEl: h1, rowEl };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    // A record listed twice on one page (similar articles and cited by) gets one badge, where it first shows.
    return rowsOncePerPaper(ownRecord(root), allOf(root, SELECTORS.docsums), rowFromDocsum);
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const pubmed: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://pubmed.ncbi.nlm.nih.gov/?term=crispr+off-target', kind: 'listing' },
    { url: 'https://pubmed.ncbi.nlm.nih.gov/?term=Arute+F&cauthor_id=31645734', kind: 'listing' },
    { url: 'https://pubmed.ncbi.nlm.nih.gov/?linkname=pubmed_pubmed&from_uid=31645734', kind: 'listing' },
    { url: 'https://pubmed.ncbi.nlm.nih.gov/trending/', kind: 'listing' },
    { url: 'https://pubmed.ncbi.nlm.nih.gov/31645734/', kind: 'paper' },
    { url: 'https://pubmed.ncbi.nlm.nih.gov/7', kind: 'paper' },
  ],
};
