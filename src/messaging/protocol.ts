// The messages between contexts, one map per direction. Each message is its run-time request check (the source of the
// request's type) and its response type, so a sender, a handler and a check cannot disagree and compile.
import type { LinksSite } from '../core/identity/paperLinks.ts';
import type { PaperKey, PaperRef } from '../core/paper.ts';
import {
  importedPaperCheck,
  LIMITS,
  paperRefCheck,
  savablePaperCheck,
  taxonomyEditCheck,
  type CatalogueInfo,
  type CatalogueSearchResponse,
  type Enrichment,
  type InterestStatus,
  type PageScan,
  type RelatedWork,
  type RetagStatus,
  type SavedPaper,
  type SeenStatus,
  type SiteSetting,
  type TaxonomyState,
} from './shapes.ts';
import { array, bool, int, object, oneOf, optional, str, type Check } from './validate.ts';

/** One message: the check of its request and, as a type only, what it answers. */
export interface Message<Request, Response> {
  readonly check: Check<Request>;
  /** Never set: carries the response type. */
  readonly response?: Response;
}

/** A response type as a value: the type checker reads it, the bundle drops it. */
const returns = /* @__NO_SIDE_EFFECTS__ */ <Response>(): Response => undefined as Response;

/**
 * `message(check, returns<Response>())`: a message whose request is what `check` gives. One plain call, marked free of
 * side effects, so a bundle drops the messages it never uses (a content script carries its own maps only).
 */
const message = /* @__NO_SIDE_EFFECTS__ */ <Request, Response>(check: Check<Request>, _response: Response): Message<Request, Response> => ({ check });

// biome-ignore lint/suspicious/noExplicitAny: the widest message, to constrain maps
export type MessageMap = Record<string, Message<any, any>>;
export type RequestOf<M extends MessageMap, K extends keyof M> = M[K] extends Message<infer Q, unknown> ? Q : never;
export type ResponseOf<M extends MessageMap, K extends keyof M> = M[K] extends Message<unknown, infer R> ? R : never;
/** A handler for every message of a map: a message without one does not compile. */
export type HandlersOf<M extends MessageMap, Context> = { [K in keyof M]: (request: RequestOf<M, K>, context: Context) => Promise<ResponseOf<M, K>> };
/** What crosses: the message's name and its request. */
export type Envelope<M extends MessageMap> = { [K in keyof M]: { type: K; request: RequestOf<M, K> } }[keyof M];

/** Errors cross as values, never as silence or a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const empty = object({});
const pageKind = oneOf('listing', 'paper');

const setSaved = message(object({ paper: savablePaperCheck, saved: bool }), returns<{ key: PaperKey; saved: boolean }>());
/** With `openPanel`, the answer says whether the panel opened (Firefox opens its sidebar only on a click in an extension page). */
const pickPaper = message(object({ paper: paperRefCheck, openPanel: bool }), returns<{ key: PaperKey; panelOpened?: boolean }>());

/**
 * Content scripts → worker. They carry page-derived data, so they may only ask about papers, act on one (save, pick)
 * and report what their page shows.
 */
export const CONTENT_TO_WORKER = {
  /**
   * Matches rows `firstRow`… of a page (a long page asks in parts, each row once); `enabled: false` means the user
   * switched this site off. `feedBar`: whether a listing shows the feed bar (the reader did not close it on this site).
   */
  matchRows: message(
    object({ adapterId: str(40), pageKind, refs: array(paperRefCheck, LIMITS.rows), firstRow: int(0, LIMITS.rows) }),
    returns<{ enabled: boolean; papers: Enrichment[]; feedBar?: boolean }>(),
  ),
  /**
   * The page's scan is done: how many papers it shows (the site's health figures; side panels following the tab look
   * again). `fallback`: the site's own selectors failed on this listing and the structural reader found its papers.
   */
  pageScanned: message(object({ adapterId: str(40), pageKind, rowCount: int(0, LIMITS.rows), fallback: optional(bool) }), returns<{ recorded: boolean }>()),
  setSaved,
  pickPaper,
  /** The reader closed the feed bar: it stays hidden on this site until the options page shows it again. */
  hideFeedBar: message(object({ adapterId: str(40) }), returns<{ hidden: boolean }>()),
};

/** The extension's own pages (popup, side panel, options) → worker. */
export const PAGES_TO_WORKER = {
  setSaved,
  pickPaper,
  getPickedPaper: message(empty, returns<{ paper?: PaperRef }>()),
  /**
   * The saved papers, newest first, from the `from`-th on, as many as fit one message (`LIMITS.backupPart` characters):
   * a library with long notes can pass the browser's 64 MiB message limit. An empty answer means there are no more.
   */
  listSaved: message(object({ from: optional(int(0, 1_000_000_000)) }), returns<SavedPaper[]>()),
  /** Sets the user's tags, note or read mark of a saved paper; answers the paper as it now is. */
  updateSaved: message(
    object({
      key: str(LIMITS.key),
      userTags: optional(array(str(LIMITS.userTag), LIMITS.userTags)),
      note: optional(str(LIMITS.note)),
      read: optional(bool),
    }),
    returns<SavedPaper>(),
  ),
  related: message(object({ paper: paperRefCheck, limit: int(1, 100) }), returns<RelatedWork>()),
  catalogueInfo: message(empty, returns<CatalogueInfo>()),
  listSites: message(empty, returns<SiteSetting[]>()),
  setSiteEnabled: message(object({ siteId: str(40), enabled: bool }), returns<SiteSetting[]>()),
  /** The sites the reader turned "Show badges on this site" on for (links anywhere). */
  listLinksSites: message(empty, returns<LinksSite[]>()),
  /**
   * Turns links anywhere on for a site (by origin, "https://news.ycombinator.com") whose host permission the page has
   * just been granted in the reader's click, or off (the permission is given back); answers the sites it is on for.
   */
  setLinksSite: message(object({ origin: str(300), on: bool }), returns<LinksSite[]>()),
  /** Shows the feed bar on a site again (or hides it). */
  setFeedBarShown: message(object({ siteId: str(40), shown: bool }), returns<SiteSetting[]>()),
  /** Another context (the options page's importer) switched the catalogue: rebuild the index from IndexedDB. */
  catalogueChanged: message(empty, returns<{ version: string; paperCount: number }>()),
  restoreBundledCatalogue: message(empty, returns<{ version: string; paperCount: number }>()),
  /** Opens one of the extension's own pages in a tab (the popup's "open in tab", and Firefox tests). */
  openPage: message(object({ page: oneOf('popup', 'sidepanel', 'options'), query: optional(str(500)) }), returns<{ opened: boolean }>()),
  /**
   * The saved library (or the listed keys) as a citation file; with `papers`, those papers instead (saved or not: a
   * saved paper's record is used where there is one), in the order given.
   */
  exportLibrary: message(
    object({
      format: oneOf('bibtex', 'ris', 'csl-json'),
      keys: optional(array(str(LIMITS.key), 100_000)),
      papers: optional(array(paperRefCheck, LIMITS.exportPapers)),
    }),
    returns<{ filename: string; mime: string; text: string; count: number }>(),
  ),
  /**
   * Saves the papers of a reference file in one transaction (papers already saved keep what they have and gain the
   * rest). The page parses the file: BibTeX's parser is too large to load on every wake of the worker.
   */
  importLibrary: message(object({ papers: array(importedPaperCheck, LIMITS.importedPapers) }), returns<{ added: number; merged: number }>()),
  /**
   * Starts a backup: every user table as one JSON file (catalogues are not included), read at one moment and held by the
   * worker for the page to fetch in parts (`backupPart`).
   */
  backup: message(empty, returns<{ id: string; filename: string; parts: number; chars: number }>()),
  /** Part `index` of a backup started with `backup`; the last one frees it. */
  backupPart: message(object({ id: str(100), index: int(0, LIMITS.backupFile) }), returns<{ text: string }>()),
  /** Starts a restore: a backup file of `chars` characters will come in `parts` parts (`restorePart`), then `restore`. */
  restoreBegin: message(object({ chars: int(0, LIMITS.backupFile), parts: int(1, LIMITS.backupFile) }), returns<{ uploadId: string }>()),
  /** One part of a restore, in order; a part refused ends the upload. */
  restorePart: message(object({ uploadId: str(100), index: int(0, LIMITS.backupFile), text: str(LIMITS.backupPart) }), returns<{ received: number }>()),
  /** Replaces the user tables with the uploaded backup's, all or nothing, once every part has come. */
  restore: message(object({ uploadId: str(100) }), returns<{ savedPapers: number; settings: number; seenPapers?: number }>()),
  /** The catalogue's titles and authors (typos allowed) within the filters; nothing but filters lists the newest. */
  searchCatalogue: message(
    object({
      query: str(500),
      /** A topic or arXiv category label. */
      tag: optional(str(200)),
      year: optional(int(1000, 3000)),
      site: optional(str(40)),
      limit: int(0, 100),
      /** Build the search index now (the user is about to type) even though there is nothing to search yet. */
      prepare: optional(bool),
      /** Also answer what the filters can offer. */
      withOptions: optional(bool),
    }),
    returns<CatalogueSearchResponse>(),
  ),
  /** The taxonomy in use (built-in topics with the user's edits) and how re-tagging is going. */
  getTaxonomy: message(empty, returns<TaxonomyState>()),
  /** Applies one edit (refused with a reason, changing nothing, when not valid), then re-tags papers in the background. */
  editTaxonomy: message(object({ edit: taxonomyEditCheck }), returns<TaxonomyState>()),
  /** Back to the built-in taxonomy. */
  resetTaxonomy: message(empty, returns<TaxonomyState>()),
  taxonomyStatus: message(empty, returns<RetagStatus>()),
  /** Stops the running re-tag, keeping the papers it re-tagged; answers once it has stopped. */
  stopRetagging: message(empty, returns<RetagStatus>()),
  /** Goes on with a stopped re-tag from where it stopped. */
  resumeRetagging: message(empty, returns<RetagStatus>()),
  /** The papers remembered as seen: the switches, how many and what they cost on disk, the most recent. */
  seenStatus: message(object({ recent: optional(int(0, 500)) }), returns<SeenStatus>()),
  /** Pauses or resumes remembering, or sets how many papers are kept. */
  setSeenSettings: message(object({ paused: optional(bool), cap: optional(int(0, 10_000_000)) }), returns<SeenStatus>()),
  /** Forgets one paper (`key`), what one site showed (`site`), or everything (`all`). */
  forgetSeen: message(object({ key: optional(str(LIMITS.key)), site: optional(str(40)), all: optional(bool) }), returns<SeenStatus>()),
  /** Whether listings are ranked for the reader, or how many more papers to save first (waits for a retrain that is due). */
  interestStatus: message(empty, returns<InterestStatus>()),
};

/** The worker or an extension page → one tab's content script. */
export const TO_TAB = {
  /** A paper was saved or removed anywhere: its badges follow. */
  savedChanged: message(object({ key: str(LIMITS.key), saved: bool }), returns<void>()),
  /** Site switches, saved papers or the taxonomy changed: the page asks about its papers again. */
  settingsChanged: message(empty, returns<void>()),
  /** What the page shows: its papers with what the worker answered about them (none when nothing was scanned). */
  describePage: message(empty, returns<{ scan?: PageScan }>()),
};

/** The worker → the extension's own pages. */
export const WORKER_TO_PAGES = {
  /** A paper was picked for the side panel (a badge's Related button, the popup). */
  paperPicked: message(object({ paper: paperRefCheck }), returns<void>()),
  /** A tab finished a scan of its page: a side panel following that tab asks it again. */
  tabScanned: message(object({ tabId: int(0) }), returns<void>()),
};

export type ContentToWorker = typeof CONTENT_TO_WORKER;
export type PagesToWorker = typeof PAGES_TO_WORKER;
export type ToTab = typeof TO_TAB;
export type WorkerToPages = typeof WORKER_TO_PAGES;
