// The one message protocol: every request and response shape, and the run-time check of each request.
import type { ImportedPaper } from '../core/citations/importedPaper.ts';
import type { PaperKey, PaperRef, TopicTag } from '../core/paper.ts';
import { TAXONOMY_LIMITS, type TaxonomyEdit } from '../core/topics/taxonomyEdit.ts';
import { array, bool, int, InvalidRequest, object, oneOf, optional, str, type Check } from './validate.ts';

/** What the background knows about one paper on a page. */
export interface Enrichment {
  key: PaperKey;
  inCatalogue: boolean;
  saved: boolean;
  tags: TopicTag[];
}

export interface TabPaper extends Enrichment {
  ref: PaperRef;
}

export interface TabScan {
  url: string;
  adapterId: string;
  pageKind: 'listing' | 'paper';
  papers: TabPaper[];
  scannedAt: number;
}

export interface SavedPaper {
  key: PaperKey;
  title: string;
  authors: string[];
  url?: string;
  savedAt: number;
  tags: TopicTag[];
  /** Publication year, when the record has one (the popup filters by it). */
  year?: number;
  userTags?: string[];
  note?: string;
  read?: boolean;
}

/** What `updateSaved` may change on a saved paper; fields left out stay as they are. */
export interface SavedPaperUpdate {
  key: PaperKey;
  userTags?: string[];
  note?: string;
  read?: boolean;
}

export interface RelatedPaper {
  key: PaperKey;
  title: string;
  authors: string[];
  /** What the list is ranked by (similarity blended with category agreement), 0..1. */
  score: number;
  /** The text similarity alone (cosine of tf-idf vectors), 0..1: what the panel shows as "% similar". */
  similarity?: number;
  sharedTerms: string[];
  sharedTopics: string[];
  saved: boolean;
  /** Publication year, from the catalogue, when it has one (the side panel sorts by it). */
  year?: number;
  /** The related paper's own topic labels (the side panel filters by them). */
  topics?: string[];
}

export interface RelatedWork {
  paper: { key: PaperKey; title: string };
  related: RelatedPaper[];
}

/** A catalogue paper found by the popup's search. */
export interface CatalogueResult {
  key: PaperKey;
  title: string;
  authors: string[];
  year?: number;
  url?: string;
  arxivId?: string;
  doi?: string;
  tags: TopicTag[];
  /** The site the paper is from (an adapter id), when the catalogue tells: `arxiv` for arXiv papers. */
  site?: string;
  saved: boolean;
}

/** Search the catalogue's titles and authors (typos allowed) within the filters; nothing but filters lists the newest. */
export interface CatalogueSearchRequest {
  query: string;
  /** A topic or arXiv category label. */
  tag?: string;
  year?: number;
  site?: string;
  limit: number;
  /** Build the search index now (the user is about to type) even though there is nothing to search yet. */
  prepare?: boolean;
  /** Also answer what the filters can offer. */
  withOptions?: boolean;
}

export interface CatalogueSearchResponse {
  total: number;
  results: CatalogueResult[];
  paperCount: number;
  tookMs?: number;
  options?: { tags: string[]; years: number[] };
}

export interface CatalogueInfo {
  version: string;
  paperCount: number;
  source: string;
  installedAt: number;
  origin: 'bundled' | 'imported';
}

export interface SiteSetting {
  id: string;
  name: string;
  enabled: boolean;
  lastFoundAt?: number;
  lastFoundCount?: number;
  lastEmptyListingAt?: number;
}

/** One topic of the taxonomy in use, for the options page. */
export interface TaxonomyTopic {
  id: string;
  label: string;
  description: string;
  terms: string[];
  builtIn: boolean;
  /** Renamed, re-described, given other terms or merged into. */
  edited: boolean;
  /** Labels of the topics merged into this one. */
  mergedFrom: string[];
}

/** Re-tagging the catalogue and the saved papers after a taxonomy edit. */
export interface RetagStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  /** Catalogue papers re-tagged so far, of `total`. */
  done: number;
  total: number;
  /** Catalogue papers whose topics changed. */
  changed: number;
  /** Saved papers whose tags changed. */
  saved: number;
  /** How long the last run took, when done. */
  ms?: number;
  error?: string;
  /** Only names or descriptions changed: labels were updated, nothing needed re-tagging. */
  relabelOnly?: boolean;
}

export interface TaxonomyState {
  topics: TaxonomyTopic[];
  /** How many edits separate the taxonomy from the built-in one (0: built-in). */
  editCount: number;
  /** Counts changes, so a page can tell its copy is stale. */
  revision: number;
  status: RetagStatus;
}

/** An edit as the options page sends it: a new topic's id is given by the background when left out. */
export type TaxonomyEditRequest = Exclude<TaxonomyEdit, { op: 'add' }> | (Omit<Extract<TaxonomyEdit, { op: 'add' }>, 'id'> & { id?: string });

/** Every message the background answers: name → (request) => response. */
export interface Protocol {
  /** One per page scan; `enabled: false` means the user switched this site off. */
  /**
   * Matches a page's rows. Without `firstRow` the refs are the whole page, kept as the tab's scan (the popup's list and the
   * site's health figures); with it they are a part asked ahead (rows `firstRow`… of the page), answered only.
   */
  matchRows(request: { pageUrl: string; adapterId: string; pageKind: 'listing' | 'paper'; refs: PaperRef[]; firstRow?: number }): { enabled: boolean; papers: Enrichment[] };
  setSaved(request: { paper: PaperRef; saved: boolean }): { key: PaperKey; saved: boolean };
  pickPaper(request: { paper: PaperRef; openPanel: boolean }): { key: PaperKey };
  getPickedPaper(request: Record<string, never>): { paper?: PaperRef };
  getTabScan(request: { tabId: number }): { scan?: TabScan };
  listSaved(request: Record<string, never>): SavedPaper[];
  /** Sets the user's tags, note or read mark of a saved paper; answers the paper as it now is. */
  updateSaved(request: SavedPaperUpdate): SavedPaper;
  related(request: { paper: PaperRef; limit: number }): RelatedWork;
  catalogueInfo(request: Record<string, never>): CatalogueInfo;
  listSites(request: Record<string, never>): SiteSetting[];
  setSiteEnabled(request: { siteId: string; enabled: boolean }): SiteSetting[];
  /** Another context (the options page's importer) switched the catalogue: rebuild the index from IndexedDB. */
  catalogueChanged(request: Record<string, never>): { version: string; paperCount: number };
  restoreBundledCatalogue(request: Record<string, never>): { version: string; paperCount: number };
  /** Opens one of the extension's own pages in a tab (the popup's "open in tab", and Firefox tests). */
  openPage(request: { page: ExtensionPage; query?: string }): { opened: boolean };
  /**
   * The saved library (or the listed keys) as a citation file; with `papers`, those papers instead (saved or not: a saved
   * paper's record is used where there is one), in the order given.
   */
  exportLibrary(request: { format: 'bibtex' | 'ris' | 'csl-json'; keys?: string[]; papers?: PaperRef[] }): { filename: string; mime: string; text: string; count: number };
  /**
   * Saves the papers of a reference file in one transaction (papers already saved keep what they have and gain the
   * rest). The page parses the file: BibTeX's parser is too large to load on every wake of the worker.
   */
  importLibrary(request: { papers: ImportedPaper[] }): { added: number; merged: number };
  /** Every user table as one JSON file (catalogues are not included). */
  backup(request: Record<string, never>): { filename: string; text: string };
  /** Replaces the user tables with a backup's, all or nothing. */
  restore(request: { text: string }): { savedPapers: number; settings: number };
  searchCatalogue(request: CatalogueSearchRequest): CatalogueSearchResponse;
  /** The taxonomy in use (built-in topics with the user's edits) and how re-tagging is going. */
  getTaxonomy(request: Record<string, never>): TaxonomyState;
  /** Applies one edit (refused with a reason, changing nothing, when not valid), then re-tags papers in the background. */
  editTaxonomy(request: { edit: TaxonomyEditRequest }): TaxonomyState;
  /** Back to the built-in taxonomy. */
  resetTaxonomy(request: Record<string, never>): TaxonomyState;
  taxonomyStatus(request: Record<string, never>): RetagStatus;
}

export type ExtensionPage = 'popup' | 'sidepanel' | 'options';
export const EXTENSION_PAGES: Record<ExtensionPage, string> = {
  popup: 'src/ui/popup/index.html',
  sidepanel: 'src/ui/sidepanel/index.html',
  options: 'src/ui/options/index.html',
};

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = Parameters<Protocol[K]>[0];
export type ResponseOf<K extends MessageName> = ReturnType<Protocol[K]>;

/** Errors cross as values, never as silence or a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  request: RequestOf<K>;
}

/** Messages the background sends to content scripts. */
export interface ContentProtocol {
  savedChanged(request: { key: PaperKey; saved: boolean }): void;
  settingsChanged(request: Record<string, never>): void;
}

/** A page paper cut to the protocol's limits (a 3,000-author collaboration paper must not sink the whole scan). */
export function clampRef(ref: PaperRef): PaperRef {
  const out: PaperRef = { ...ref, key: ref.key.slice(0, LIMITS.key), title: ref.title.slice(0, LIMITS.title) };
  if (ref.authors) out.authors = ref.authors.slice(0, LIMITS.authors).map((a) => a.slice(0, LIMITS.author));
  if (ref.categories) out.categories = ref.categories.slice(0, LIMITS.categories).filter((c) => c.length <= 40);
  if (ref.abstract) out.abstract = ref.abstract.slice(0, LIMITS.abstract);
  if (ref.url && ref.url.length > LIMITS.url) delete out.url;
  if (ref.arxivId && ref.arxivId.length > 40) delete out.arxivId;
  if (ref.doi && ref.doi.length > 300) delete out.doi;
  return out;
}

// ---- run-time checks, one per message ----

/** Size limits of what a page may send; the content script trims rows to these before sending. */
export const LIMITS = { rows: 5000, key: 600, title: 1000, authors: 200, author: 300, categories: 20, abstract: 10000, url: 2000, userTags: 50, userTag: 60, note: 20_000, libraryFile: 20_000_000, importedPapers: 50_000, exportPapers: 5000, backupFile: 60_000_000 } as const;

const paperRef = object({
  key: str(LIMITS.key),
  title: str(LIMITS.title),
  arxivId: optional(str(40)),
  doi: optional(str(300)),
  url: optional(str(LIMITS.url)),
  authors: optional(array(str(LIMITS.author), LIMITS.authors)),
  categories: optional(array(str(40), LIMITS.categories)),
  abstract: optional(str(LIMITS.abstract)),
  year: optional(int(1000, 3000)),
});

const empty = object({});

// Generous raw limits: the taxonomy rules (src/core/topics/editedTaxonomy.ts) give the user's own words for too-long text.
const topicId = str(TAXONOMY_LIMITS.id);
const topicLabel = str(1000);
const topicTerms = array(str(1000), 2 * TAXONOMY_LIMITS.terms);
const EDIT_CHECKS = {
  add: object({ op: oneOf('add'), id: optional(topicId), label: topicLabel, description: str(5000), terms: topicTerms }),
  rename: object({ op: oneOf('rename'), id: topicId, label: topicLabel }),
  update: object({ op: oneOf('update'), id: topicId, description: optional(str(5000)), terms: optional(topicTerms) }),
  merge: object({ op: oneOf('merge'), from: array(topicId, TAXONOMY_LIMITS.topics), into: topicId }),
  remove: object({ op: oneOf('remove'), id: topicId }),
};

export const taxonomyEditCheck: Check<TaxonomyEditRequest> = (value, path) => {
  const op = oneOf(...(Object.keys(EDIT_CHECKS) as Array<keyof typeof EDIT_CHECKS>))((value as { op?: unknown } | null)?.op, `${path || 'edit'}.op`);
  return EDIT_CHECKS[op](value, path) as TaxonomyEditRequest;
};

/** A stored edit: as a request, but a new topic has its id. */
export const storedTaxonomyEditCheck: Check<TaxonomyEdit> = (value, path) => {
  const edit = taxonomyEditCheck(value, path);
  if (edit.op === 'add' && !edit.id) throw new InvalidRequest(`${path}.id is missing`);
  return edit as TaxonomyEdit;
};

export const requestChecks: { [K in MessageName]: Check<RequestOf<K>> } = {
  matchRows: object({
    pageUrl: str(4000),
    adapterId: str(40),
    pageKind: oneOf('listing', 'paper'),
    refs: array(paperRef, LIMITS.rows),
    firstRow: optional(int(0, LIMITS.rows)),
  }),
  setSaved: object({ paper: paperRef, saved: bool }),
  pickPaper: object({ paper: paperRef, openPanel: bool }),
  getPickedPaper: empty,
  getTabScan: object({ tabId: int(0) }),
  listSaved: empty,
  updateSaved: object({
    key: str(LIMITS.key),
    userTags: optional(array(str(LIMITS.userTag), LIMITS.userTags)),
    note: optional(str(LIMITS.note)),
    read: optional(bool),
  }),
  related: object({ paper: paperRef, limit: int(1, 100) }),
  catalogueInfo: empty,
  listSites: empty,
  setSiteEnabled: object({ siteId: str(40), enabled: bool }),
  catalogueChanged: empty,
  restoreBundledCatalogue: empty,
  openPage: object({ page: oneOf('popup', 'sidepanel', 'options'), query: optional(str(500)) }),
  exportLibrary: object({ format: oneOf('bibtex', 'ris', 'csl-json'), keys: optional(array(str(LIMITS.key), 100_000)), papers: optional(array(paperRef, LIMITS.exportPapers)) }),
  importLibrary: object({ papers: array(object({ ref: paperRef, year: optional(int(0, 9999)), venue: optional(str(LIMITS.title)) }), LIMITS.importedPapers) }),
  backup: empty,
  restore: object({ text: str(LIMITS.backupFile) }),
  searchCatalogue: object({
    query: str(500),
    tag: optional(str(200)),
    year: optional(int(1000, 3000)),
    site: optional(str(40)),
    limit: int(0, 100),
    prepare: optional(bool),
    withOptions: optional(bool),
  }),
  getTaxonomy: empty,
  editTaxonomy: object({ edit: taxonomyEditCheck }),
  resetTaxonomy: empty,
  taxonomyStatus: empty,
} as { [K in MessageName]: Check<RequestOf<K>> };
