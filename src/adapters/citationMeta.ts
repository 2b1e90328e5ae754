// The paper a page names in its head: Highwire citation_* tags (Google Scholar's and Zotero's), else Dublin Core dc.*
// tags (Atypon's journals: ACM, Science, PNAS), badged at the heading that shows its title. Shared by the on-request
// generic reader and the site adapters whose paper pages carry these tags, so they read them one way.
import type { PaperRef } from '../core/paper.ts';
import { normalizeArxivId, paperKey } from '../core/identity/paperKey.ts';
import { cleanText, normalizeTitle } from '../core/identity/titles.ts';
import { attr, metaText, metaTextAll, nameFromCitation, textAsWritten, textOfMarkup } from './dom.ts';
import type { PaperRow } from './types.ts';

// Selectors: alternatives in order of preference, each with why it is there.
const SELECTORS = {
  title: ['citation_title', 'dc.Title', 'DC.title'], // Highwire first; Atypon pages write dc.Title, others DC.title
  author: ['citation_author', 'dc.Creator', 'DC.creator'], // one meta per author, "Last, First" or "First Last"
  doi: ['citation_doi'], // "10.1038/…", sometimes "doi:10.1038/…"
  dcIdentifier: 'meta[name="dc.Identifier"], meta[name="DC.identifier"]', // Atypon's DOI (scheme="doi"); others a URL
  arxivId: 'citation_arxiv_id', // repositories that know the preprint
  abstract: ['citation_abstract', 'dc.Description', 'DC.description'], // often escaped markup ("<p>…</p>")
  heading: 'h1', // the paper's visible title on its own page
} as const;

/** Extra places a site's pages keep a paper's abstract when the citation tags do not (e.g. a plain description meta). */
export interface CitationMetaOptions {
  abstractMetas?: readonly string[];
  /** The heading to badge, when the site's page marks it better than "the h1 that shows the title". */
  titleEl?: Element;
}

function firstMeta(root: ParentNode, names: readonly string[]): string {
  for (const name of names) {
    const value = metaText(root, name);
    if (value) return value;
  }
  return '';
}

function allMetas(root: ParentNode, names: readonly string[]): string[] {
  for (const name of names) {
    const values = metaTextAll(root, name);
    if (values.length > 0) return values;
  }
  return [];
}

/** The DOI a page's tags name: citation_doi, else a dc.Identifier that holds one. */
export function doiFromMetas(root: ParentNode): string {
  const doi = firstMeta(root, SELECTORS.doi);
  if (doi) return doi;
  for (const el of Array.from(root.querySelectorAll(SELECTORS.dcIdentifier))) {
    const value = cleanText(attr(el, 'content'));
    if (/10\.\d{4,9}\//.test(value)) return value;
  }
  return '';
}

/** The title a page's tags name ('' for none). */
export function titleFromMetas(root: ParentNode): string {
  return firstMeta(root, SELECTORS.title);
}

function isShown(el: Element): boolean {
  return !el.closest('[hidden], [aria-hidden="true"]');
}

/** The paper whose page this is, from its meta tags, badged at the h1 that shows its title (else the first shown h1). */
export function rowFromCitationMeta(root: ParentNode, options: CitationMetaOptions = {}): PaperRow | undefined {
  const title = titleFromMetas(root);
  if (!title) return undefined;
  let titleEl = options.titleEl;
  if (!titleEl) {
    const headings = Array.from(root.querySelectorAll(SELECTORS.heading)).filter(isShown);
    const wanted = normalizeTitle(title);
    titleEl = headings.find((h) => normalizeTitle(textAsWritten(h, '')) === wanted) ?? headings[0];
  }
  if (!titleEl) return undefined;
  const arxivId = normalizeArxivId(metaText(root, SELECTORS.arxivId));
  const doi = doiFromMetas(root);
  const ref: PaperRef = { key: paperKey({ arxivId, doi, title }), title };
  if (arxivId) {
    ref.arxivId = arxivId;
    ref.url = `https://arxiv.org/abs/${arxivId}`;
  }
  if (ref.key.startsWith('doi:')) {
    ref.doi = ref.key.slice('doi:'.length);
    ref.url = `https://doi.org/${ref.doi}`;
  }
  const authors = allMetas(root, SELECTORS.author).map(nameFromCitation);
  if (authors.length > 0) ref.authors = authors;
  const abstract = textOfMarkup(firstMeta(root, [...SELECTORS.abstract, ...(options.abstractMetas ?? [])]));
  if (abstract) ref.abstract = abstract;
  return { ref, titleEl, rowEl: titleEl };
}
