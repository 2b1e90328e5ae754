// The shapes that cross between contexts (pages, content scripts, the worker), with their size limits and the run-time
// checks they share; the messages that carry them, by direction, are in protocol.ts.
import type { ImportedPaper } from '../core/citations/importedPaper.ts';
import type { RowRelevance } from '../core/personal/interestModel.ts';

export type { RowRelevance };
import type { PaperKey, PaperRef, TopicTag } from '../core/paper.ts';
import { TAXONOMY_LIMITS, type TaxonomyEdit } from '../core/topics/taxonomyEdit.ts';
import { normalizePmid } from '../core/identity/paperKey.ts';
import { array, int, InvalidRequest, object, oneOf, optional, sameShape, str, type Check, type Checked } from './validate.ts';

/** What the background knows about one paper on a page. */
export interface Enrichment {
  key: PaperKey;
  inCatalogue: boolean;
  saved: boolean;
  tags: TopicTag[];
  /**
   * When the reader first saw this paper (now, for a paper never seen before): the page marks it new when that is within
   * its own view. Missing when nothing is remembered (paused, a private window).
   */
  firstSeenAt?: number;
  /** How well the paper fits the reader's interests; missing while the library has too few papers to learn from. */
  relevance?: RowRelevance;
  /** The user's own tags on the paper, when it is saved with some (the feed bar filters by them). */
  userTags?: string[];
}

/** Whether listings are ranked for the reader: not below `needed` saved papers (the popup says so instead of guessing). */
export interface InterestStatus {
  ranking: boolean;
  /** Saved papers learned from. */
  papers: number;
  needed: number;
  /** The user's tags that have a model of their own. */
  tags: string[];
}

/** A paper on a page with what the background answered about it. */
export interface PagePaper extends Enrichment {
  ref: PaperRef;
}

/** What a tab's page shows, as its content script keeps it (and answers `describePage` with). */
export interface PageScan {
  url: string;
  adapterId: string;
  pageKind: 'listing' | 'paper';
  papers: PagePaper[];
  /** False while the page is still being read and asked about: `papers` are those answered so far. */
  complete: boolean;
  scannedAt: number;
  /** When this page view began: its papers first seen since are new (core/seen/seenRecord.ts, isNewInView). */
  viewStartedAt?: number;
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

/** Where and when the reader last saw a paper (a seen paper in related work or search, not from the catalogue). */
export interface SeenNote {
  /** A site id. */
  site: string;
  at: number;
}

/** A paper the reader has seen, as the options page lists it. */
export interface SeenPaper {
  key: PaperKey;
  title: string;
  sites: string[];
  firstSeenAt: number;
  lastSeenAt: number;
  timesSeen: number;
}

/** The reader's memory of seen papers, for the options page. */
export interface SeenStatus {
  paused: boolean;
  cap: number;
  count: number;
  /** About how much disk the seen papers take. */
  bytes: number;
  /** The most recently seen, newest first. */
  recent: SeenPaper[];
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
  /** Set on a paper the reader saw on a page (not in the catalogue): where and when. */
  seen?: SeenNote;
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
  /** Set on a paper the reader saw on a page (not in the catalogue): where and when. */
  seen?: SeenNote;
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
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: when the catalogue's newest paper appeared; absent when it does not say. */
  newestPaperDate?: string;
}

export interface SiteSetting {
  id: string;
  name: string;
  enabled: boolean;
  /** Whether its listings show the feed bar (false once the reader closed it there). */
  feedBar: boolean;
  lastFoundAt?: number;
  lastFoundCount?: number;
  lastEmptyListingAt?: number;
  /** When a listing's papers were last found by the structural fallback, the site's own selectors having failed. */
  lastFallbackAt?: number;
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
  /** 'stopped': the user stopped it; the first `done` papers show the edited taxonomy's topics, and it can resume. */
  state: 'idle' | 'running' | 'done' | 'failed' | 'stopped';
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

export type ExtensionPage = 'popup' | 'sidepanel' | 'options';
export const EXTENSION_PAGES: Record<ExtensionPage, string> = {
  popup: 'src/ui/popup/index.html',
  sidepanel: 'src/ui/sidepanel/index.html',
  options: 'src/ui/options/index.html',
};

/** Size limits of what a page may send; the content script trims rows to these before sending. */
export const LIMITS = {
  rows: 5000,
  key: 600,
  title: 1000,
  authors: 200,
  author: 300,
  categories: 20,
  abstract: 10000,
  url: 2000,
  userTags: 50,
  userTag: 60,
  note: 20_000,
  libraryFile: 20_000_000,
  importedPapers: 50_000,
  exportPapers: 5000,
  /** The largest backup a restore takes (characters of its text; the page checks the file's bytes against it too). */
  backupFile: 200_000_000,
  /**
   * A backup crosses in parts of at most this many characters: at most 3 bytes each in UTF-8, 6 when escaped, so a
   * part's message stays under 25 MB, far from Chrome's 64 MiB message limit, whatever the library's size.
   */
  backupPart: 4_000_000,
} as const;

/** A page paper cut to the protocol's limits (a 3,000-author collaboration paper must not sink the whole scan). */
export function clampRef(ref: PaperRef): PaperRef {
  const out: PaperRef = { ...ref, key: ref.key.slice(0, LIMITS.key), title: ref.title.slice(0, LIMITS.title) };
  if (ref.authors) out.authors = ref.authors.slice(0, LIMITS.authors).map((a) => a.slice(0, LIMITS.author));
  if (ref.categories) out.categories = ref.categories.slice(0, LIMITS.categories).filter((c) => c.length <= 40);
  if (ref.abstract) out.abstract = ref.abstract.slice(0, LIMITS.abstract);
  if (ref.url && ref.url.length > LIMITS.url) delete out.url;
  if (ref.arxivId && ref.arxivId.length > 40) delete out.arxivId;
  if (ref.doi && ref.doi.length > 300) delete out.doi;
  if (ref.pmid !== undefined && normalizePmid(ref.pmid) !== ref.pmid) delete out.pmid;
  return out;
}

/** A PubMed id as adapters give it: 1 to 9 digits, nothing around them. */
const pmidCheck: Check<string> = (value, path) => {
  const pmid = str(9)(value, path);
  if (normalizePmid(pmid) !== pmid) throw new InvalidRequest(`${path} should be a PubMed id (1 to 9 digits)`);
  return pmid;
};

/** A paper as a page or a page of ours sends it: its fields checked, unknown fields dropped. */
export const paperRefCheck = object({
  key: str(LIMITS.key),
  title: str(LIMITS.title),
  arxivId: optional(str(40)),
  doi: optional(str(300)),
  pmid: optional(pmidCheck),
  url: optional(str(LIMITS.url)),
  authors: optional(array(str(LIMITS.author), LIMITS.authors)),
  categories: optional(array(str(40), LIMITS.categories)),
  abstract: optional(str(LIMITS.abstract)),
  year: optional(int(1000, 3000)),
});

/** A paper to keep in the library: as a page sends it, with a key and a title that say something. */
export const savablePaperCheck: Check<Checked<typeof paperRefCheck>> = (value, path) => {
  const paper = paperRefCheck(value, path);
  if (!paper.key.trim() || !paper.title.trim()) throw new InvalidRequest(`${path || 'paper'} should have a key and a title`);
  return paper;
};

/** A reference file's paper as the options page sends it. */
export const importedPaperCheck = object({ ref: paperRefCheck, year: optional(int(0, 9999)), venue: optional(str(LIMITS.title)) });

// The paper shapes belong to core; these lines fail to compile when a check and its shape stop agreeing field by field.
sameShape<Checked<typeof paperRefCheck>, PaperRef>(true);
sameShape<Checked<typeof importedPaperCheck>, ImportedPaper>(true);

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
