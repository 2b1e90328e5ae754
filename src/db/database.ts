// The two Dexie databases: the catalogue's (replaceable, rebuilt from a file at any time) and the user's own (saved
// papers, notes, settings, taxonomy edits, site figures), apart so that a catalogue's failure cannot take the user's data.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { PaperKey, PaperRef, TopicTag } from '../core/paper.ts';
import type { SeenRecord } from '../core/seen/seenRecord.ts';
import { dropJsonCatalogue } from './upgrades/2026-11-26-packed-catalogue.ts';
import { splitCatalogueBlobs } from './upgrades/2026-12-05-catalogue-sections.ts';
import { forgetPaperRows } from './upgrades/2026-12-03-drop-catalogue-papers.ts';
import { moveUserData, type UpgradeRecord } from './upgrades/2026-12-03-user-database.ts';
import type { CatalogueSectionRecord } from './catalogueRecords.ts';

export type { CatalogueBlob, CatalogueSectionRecord } from './catalogueRecords.ts';

/** An install writing its sections (not switched yet): their version is no leftover to remove while it is fresh. */
export interface CatalogueInstallRecord {
  version: string;
  startedAt: number;
}

export interface CatalogueMeta {
  id: 'current';
  version: string;
  paperCount: number;
  source: string;
  /** 'bundled' for the catalogue that ships with the extension. */
  origin: 'bundled' | 'imported';
  installedAt: number;
  /**
   * Update layers on top of `version` (src/core/catalogue/layered.ts), oldest first: each a version whose sections are
   * stored beside the base's. Left out when there are none.
   */
  layers?: string[];
}

export interface SavedRecord {
  key: PaperKey;
  title: string;
  authors: string[];
  url?: string;
  ref: PaperRef;
  tags: TopicTag[];
  savedAt: number;
  /** Publication year and venue, when an imported reference file gave them (pages rarely show them). */
  year?: number;
  venue?: string;
  /** The user's own tags, notes and read mark (not indexed: the popup searches them in memory). */
  userTags?: string[];
  note?: string;
  read?: boolean;
}

/** Catalogue papers' topics re-tagged under the user's taxonomy (src/core/topics/overlay.ts), for one catalogue version. */
export interface TopicOverlayRecord {
  /** `<catalogue version>|<taxonomy revision>`. */
  key: string;
  catalogueVersion: string;
  revision: string;
  topicIds: string[];
  perPaper: number;
  ids: ArrayBuffer;
  confidence: ArrayBuffer;
  changed: number;
  /** Papers re-tagged when the user stopped the re-tag before the end (see TopicOverlay.done); absent when finished. */
  done?: number;
  createdAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** One identity key of a seen paper: the record holding it and when that paper was first seen (derived from seenPapers). */
export interface SeenKeyRecord {
  key: PaperKey;
  id: number;
  firstSeenAt: number;
}

/** The Bloom filter of every seen key (core/seen/keyFilter.ts), one row: derived from `seenKeys`, built again when missing. */
export interface SeenFilterRecord {
  id: 'keys';
  bits: Uint32Array;
}

export const CATALOGUE_DB_NAME = 'paperscope';
export const USER_DB_NAME = 'paperscope-user';

/** Errors after which a connection may be unusable (the browser closed it, or opening it failed): open afresh next time. */
const CLOSING_ERRORS = new Set(['QuotaExceededError', 'UnknownError', 'DatabaseClosedError', 'InvalidStateError']);

export function storageErrorName(error: unknown): string | undefined {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  // Dexie wraps the browser's error (OpenFailedError, AbortError); the inner one says why.
  return e?.inner?.name ?? e?.name;
}

/**
 * A Dexie database that commits every write to disk before answering (`durability: 'strict'`: a write that answered
 * survives a crash or power loss) and that opens again after a failure instead of failing for the rest of its life.
 */
class ReopeningDexie extends Dexie {
  constructor(name: string, options: DexieOptions = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    // A request or transaction that failed in a way that may close the connection (a full disk, a broken backing
    // store): the next operation opens afresh.
    const watch = <T>(result: Promise<T>): Promise<T> =>
      result.catch((error: unknown) => {
        if (CLOSING_ERRORS.has(storageErrorName(error) ?? '')) this.reopenLater(this.isOpen() ? this.backendDB() : undefined);
        throw error;
      });
    this.use({
      stack: 'dbcore',
      name: 'reopenAfterFailure',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) => {
          const tx = down.transaction(stores, mode, options) as unknown as IDBTransaction;
          tx.addEventListener?.('abort', () => {
            if (CLOSING_ERRORS.has(storageErrorName(tx.error) ?? '')) this.reopenLater(tx.db);
          });
          return tx as never;
        },
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request) => watch(table.mutate(request)),
            get: (request) => watch(table.get(request)),
            getMany: (request) => watch(table.getMany(request)),
            query: (request) => watch(table.query(request)),
            openCursor: (request) => watch(table.openCursor(request)),
            count: (request) => watch(table.count(request)),
          };
        },
      }),
    });
  }

  override open() {
    return super.open().catch((error) => {
      // Dexie keeps a failed open's error and refuses every later operation with it; let the next one try again.
      this.reopenLater();
      throw error;
    });
  }

  /**
   * Closes after the current operations have had their answer (they are told of the failure, not retried in a loop), so
   * the next one opens afresh: a failed open, or the connection that failed (never a newer one opened since).
   */
  reopenLater(failed?: IDBDatabase): void {
    setTimeout(() => {
      if (this.hasFailed() || (failed !== undefined && this.isOpen() && this.backendDB() === failed)) this.close({ disableAutoOpen: false });
    }, 0);
  }
}

/** The catalogue's database: each installed version's sections, the switch record, and overlays derived from them. */
export class CatalogueDatabase extends ReopeningDexie {
  catalogueSections!: Table<CatalogueSectionRecord, [string, string, number]>;
  catalogueMeta!: Table<CatalogueMeta, string>;
  catalogueInstalls!: Table<CatalogueInstallRecord, string>;
  catalogueTopics!: Table<TopicOverlayRecord, string>;

  constructor(name = CATALOGUE_DB_NAME, options: DexieOptions = {}) {
    super(name, options);
    // v1 (2026-11-26): first schema; catalogue tables are replaced wholesale, user tables never by an install.
    // savedPapers and settings are v1's user tables: since 2026-12-03 only the move to the user database reads them
    // (src/db/upgrades/2026-12-03-user-database.ts), which empties them once the copy is safe.
    this.version(1).stores({
      catalogueBlobs: 'name',
      catalogueMeta: 'id',
      cataloguePapers: 'key, arxivId, doi',
      savedPapers: 'key, savedAt',
      settings: 'key',
    });
    // v2 (2026-11-26): drop v1's catalogue tables, whose primary keys change (Dexie cannot change one in place).
    this.version(2).stores({ catalogueBlobs: null, cataloguePapers: null });
    // v3 (2026-11-26): catalogues are packed blobs keyed by version, so a new one lands beside the old one.
    this.version(3)
      .stores({
        catalogueBlobs: 'version',
        cataloguePapers: 'key, year',
      })
      .upgrade(dropJsonCatalogue);
    // v4 (2026-11-26): catalogue papers re-tagged under the user's taxonomy, kept so a waking worker need not redo it.
    this.version(4).stores({ catalogueTopics: 'key' });
    // v5 (2026-12-03): drop the per-paper catalogue table, written on every install and never read (the packed blob serves all).
    this.version(5).stores({ cataloguePapers: null }).upgrade(forgetPaperRows);
    // v6 (2026-12-05): a catalogue is one record per section (or chunk of one) under [version, section, chunk], so a
    // waking worker reads what matching needs and not the whole catalogue; indexed by version to drop a replaced one.
    // The packed blobs are split into sections on upgrade, every version kept (the switch record is unchanged). An
    // install under way is noted in catalogueInstalls, so a worker waking meanwhile leaves its sections alone.
    this.version(6).stores({ catalogueSections: '[version+section+chunk], version', catalogueInstalls: 'version', catalogueBlobs: null }).upgrade(splitCatalogueBlobs);
  }
}

/** The part of IndexedDB's factory Dexie uses. */
type IndexedDBFactory = Pick<IDBFactory, 'open' | 'deleteDatabase' | 'cmp'> & Partial<Pick<IDBFactory, 'databases'>>;

/** Chromium's Storage Buckets (not in TypeScript's DOM types yet): each bucket has IndexedDB storage of its own. */
interface StorageBuckets {
  open(name: string, options?: { durability?: 'strict' | 'relaxed'; persisted?: boolean }): Promise<{ indexedDB: IDBFactory }>;
}

export const USER_BUCKET = 'user';

/**
 * Where the user's database lives. In Chromium, a storage bucket of its own: Chromium keeps one store per bucket, and
 * a write torn by a full disk in one store makes Chromium delete that whole store at the next start, so the catalogue's
 * store must not be the user's. Elsewhere (Firefox, Node) the usual indexedDB.
 */
async function userIndexedDB(): Promise<IndexedDBFactory> {
  const buckets = (globalThis.navigator as { storageBuckets?: StorageBuckets } | undefined)?.storageBuckets;
  if (!buckets) return globalThis.indexedDB;
  return (await buckets.open(USER_BUCKET, { durability: 'strict', persisted: true })).indexedDB;
}

export interface UserDatabaseOptions extends DexieOptions {
  /** The combined database of v1 to v5 that the user's data moves from (in the usual indexedDB). */
  combinedName?: string;
}

/** The user's own data: everything a backup holds and a restore replaces, and nothing a catalogue install touches. */
export class UserDatabase extends ReopeningDexie {
  savedPapers!: Table<SavedRecord, string>;
  settings!: Table<SettingRecord, string>;
  /** Data moves that are done (the move from the combined database), so they are never run twice. */
  upgrades!: Table<UpgradeRecord, string>;
  /** Every paper the reader's pages showed (src/db/seenStore.ts), under an id of its own. */
  seenPapers!: Table<SeenRecord, number>;
  /** Each key of a seen paper, to its record: a page's papers are found with one batch of primary-key reads. */
  seenKeys!: Table<SeenKeyRecord, string>;
  /** Which keys were surely never seen, so a page of new papers reads nothing (src/db/seenStore.ts, loadKeyFilter). */
  seenFilter!: Table<SeenFilterRecord, string>;
  /** The factory Dexie opens with: the bucket's once it is known (see open). */
  private factory: IndexedDBFactory;
  private readonly located: Promise<void>;

  constructor(name = USER_DB_NAME, options: UserDatabaseOptions = {}) {
    const { combinedName = CATALOGUE_DB_NAME, ...dexieOptions } = options;
    const given = dexieOptions.indexedDB as IndexedDBFactory | undefined;
    // Dexie takes its factory now; the bucket is opened asynchronously, so Dexie is given one that forwards to it.
    const forward: IndexedDBFactory = {
      open: (...args: Parameters<IDBFactory['open']>) => this.factory.open(...args),
      deleteDatabase: (dbName: string) => this.factory.deleteDatabase(dbName),
      cmp: (a: unknown, b: unknown) => this.factory.cmp(a, b),
      databases: () => this.factory.databases?.() ?? Promise.resolve([]),
    };
    super(name, { ...dexieOptions, indexedDB: forward });
    this.factory = given ?? globalThis.indexedDB;
    this.located = given ? Promise.resolve() : userIndexedDB().then((factory) => void (this.factory = factory));
    // v6 (2026-12-03): the user's tables in their own database. Numbered on from the combined database's v5, so the
    // schema version a backup records keeps one meaning.
    this.version(6).stores({ savedPapers: 'key, savedAt', settings: 'key', upgrades: 'id' });
    // v7 (2027-01-04): the papers the reader has seen, one record per paper under an id of its own (its keys can grow),
    // indexed by last seen (the oldest go first over the cap); and each of their keys to the record's id and first
    // sighting (primary-key reads answer a page far faster than a multi-entry index). New tables: nothing moves.
    this.version(7).stores({ seenPapers: '++id, lastSeenAt', seenKeys: 'key' });
    // v8 (2027-01-05): a filter of the seen keys, so a page's never-seen papers skip the key table (a new table, built
    // from seenKeys on first use); saved papers indexed by the user's tags, so the worker reads which papers carry which
    // tag from the index alone, not the records with their notes (the index is built from the records on upgrade).
    this.version(8).stores({ seenFilter: 'id', savedPapers: 'key, savedAt, *userTags' });
    // Before anything else reads or writes, on every open: bring the user's data over from the combined database once.
    this.on('ready', (vip) => moveUserData(vip as Dexie, combinedName), true);
  }

  /** Opens in the user's bucket: every open, the first and any reopen, waits until the bucket is known. */
  override open() {
    return Dexie.Promise.resolve(this.located).then(() => super.open());
  }
}
