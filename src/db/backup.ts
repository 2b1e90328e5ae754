// Backup and restore of the user's own tables (saved papers, settings, seen papers) as one versioned JSON file; catalogues
// are never in it.
import type { PaperRef, TopicTag } from '../core/paper.ts';
import type { SeenRecord, SeenSighting } from '../core/seen/seenRecord.ts';
import { array, bool, InvalidRequest, num, object, oneOf, onlyTrue, optional, str, type Check } from '../messaging/validate.ts';
import type { ErrorWords } from '../messaging/wordedError.ts';
import type { SavedRecord, SettingRecord, UserDatabase } from './database.ts';
import { keyRowsOf } from './seenStore.ts';
import { browserEstimate, type EstimateStorage, wordedWrite } from './storageErrors.ts';

export const BACKUP_FORMAT = 'paperscope-backup';
/** The layout of the backup file itself; the database schema version it was taken from is recorded beside it. */
export const BACKUP_VERSION = 1;

/** The user's tables: the only ones a backup holds and a restore replaces. */
export const USER_TABLES = ['savedPapers', 'settings', 'seenPapers'] as const;
/** User tables derived from others: not in a backup, rebuilt by a restore. */
export const DERIVED_TABLES = ['seenKeys', 'seenFilter'] as const;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: number;
  /** `seenPapers` is missing from backups made before the seen store (2027-01): their restore leaves it as it is. */
  tables: { savedPapers: SavedRecord[]; settings: SettingRecord[]; seenPapers?: SeenRecord[] };
}

/** A file that cannot be restored, in words for the user; nothing was changed. (A bad request, not a failure of ours.) */
/** What is wrong with a backup file: plain English in `message`, the user's words named in `words`. */
export class BackupError extends InvalidRequest {
  constructor(
    message: string,
    readonly words: ErrorWords,
  ) {
    super(message);
  }
}

/** Every user table, read in one transaction so the backup is one consistent moment. */
export async function exportBackup(db: UserDatabase, now = Date.now()): Promise<Backup> {
  return db.transaction('r', db.savedPapers, db.settings, db.seenPapers, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: db.verno,
    exportedAt: now,
    tables: { savedPapers: await db.savedPapers.toArray(), settings: await db.settings.toArray(), seenPapers: await db.seenPapers.toArray() },
  }));
}

export function backupFileName(now = Date.now()): string {
  return `paperscope-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

// ---- checks: a backup is the user's own data, so limits are generous; unknown fields fail rather than vanish ----

type Shape = Record<string, Check<unknown>>;

/** Like `object`, but a field the shape does not name is an error: restoring must never drop data silently. */
function exact<S extends Shape>(shape: S): ReturnType<typeof object<S>> {
  const check = object(shape);
  return (value, path) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const unknown = Object.keys(value).find((name) => !Object.hasOwn(shape, name));
      if (unknown !== undefined) throw new InvalidRequest(`${path} has a field this version of Paperscope does not know: ${JSON.stringify(unknown).slice(0, 80)}`);
    }
    return check(value, path);
  };
}

const text = str(1_000_000);
const words = array(str(100_000), 1_000_000);

const paperRef = exact({
  key: str(10_000),
  title: text,
  arxivId: optional(str(1000)),
  doi: optional(str(10_000)),
  pmid: optional(str(1000)),
  url: optional(text),
  authors: optional(words),
  categories: optional(words),
  abstract: optional(text),
  year: optional(num(0, 9999)),
});

const topicTag = exact({
  id: str(10_000),
  label: str(10_000),
  confidence: num(),
  terms: words,
  facet: oneOf('topic', 'category'),
  predicted: optional(onlyTrue),
  alsoLikely: optional(words),
});

const savedRecord = exact({
  key: str(10_000),
  title: text,
  authors: words,
  url: optional(text),
  ref: paperRef,
  tags: array(topicTag, 10_000),
  // A time a Date can hold: 1e308 would leave the popup's Saved list unsortable.
  savedAt: num(0, 8.64e15),
  year: optional(num(0, 9999)),
  venue: optional(text),
  userTags: optional(words),
  note: optional(text),
  read: optional(bool),
});

/** Any JSON value (what JSON.parse gives): settings other code stores are kept as they are. */
const jsonValue: Check<unknown> = (value, path) => {
  if (value === undefined) throw new InvalidRequest(`${path} is missing`);
  return value;
};

const settingRecord = exact({ key: str(10_000), value: jsonValue });

const seenSighting = exact({
  site: str(100),
  url: text,
  pageKind: oneOf('listing', 'paper'),
  firstSeenAt: num(0, 8.64e15),
  lastSeenAt: num(0, 8.64e15),
  count: num(0, 1e12),
});

const seenRecord = exact({
  id: optional(num(1, Number.MAX_SAFE_INTEGER)),
  key: str(10_000),
  keys: array(str(10_000), 100),
  title: text,
  authors: words,
  abstract: optional(text),
  categories: words,
  firstSeenAt: num(0, 8.64e15),
  lastSeenAt: num(0, 8.64e15),
  timesSeen: num(0, 1e12),
  sightings: array(seenSighting, 1000),
});

// A change to these types must change the checks above (or a restore would drop or refuse the new fields).
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const checksMatchTypes: [
  SameKeys<ReturnType<typeof savedRecord>, SavedRecord>,
  SameKeys<ReturnType<typeof paperRef>, PaperRef>,
  SameKeys<ReturnType<typeof topicTag>, TopicTag>,
  SameKeys<ReturnType<typeof settingRecord>, SettingRecord>,
  SameKeys<ReturnType<typeof seenRecord>, SeenRecord>,
  SameKeys<ReturnType<typeof seenSighting>, SeenSighting>,
] = [true, true, true, true, true, true];
void checksMatchTypes;

const MAX_RECORDS = 1_000_000;

const tables = exact({
  savedPapers: array(savedRecord, MAX_RECORDS),
  settings: array(settingRecord, MAX_RECORDS),
  seenPapers: optional(array(seenRecord, MAX_RECORDS)),
});

function uniqueKeys(records: readonly { key: string }[], table: string): void {
  const seen = new Set<string>();
  for (const [i, record] of records.entries()) {
    if (seen.has(record.key)) throw new InvalidRequest(`tables.${table}[${i}] repeats the key ${JSON.stringify(record.key).slice(0, 200)}`);
    seen.add(record.key);
  }
}

/** Seen records restore under their own ids: two with one id would silently become one. */
function uniqueIds(records: readonly { id?: number }[]): void {
  const seen = new Set<number>();
  for (const [i, record] of records.entries()) {
    if (record.id === undefined) continue;
    if (seen.has(record.id)) throw new InvalidRequest(`tables.seenPapers[${i}] repeats the id ${record.id}`);
    seen.add(record.id);
  }
}

/** Reads and checks a whole backup file, or throws a BackupError saying what is wrong with it. */
export function parseBackup(input: string | unknown, currentSchemaVersion: number): Backup {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      const detail = (error as Error).message;
      throw new BackupError(`This file is not a Paperscope backup: it is not valid JSON (${detail}). Nothing was restored.`, {
        name: 'optionsBackupNotJson',
        substitutions: [detail],
      });
    }
  }
  const head = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (head.format !== BACKUP_FORMAT) {
    throw new BackupError(`This file is not a Paperscope backup (it has no "format": "${BACKUP_FORMAT}" marker). Nothing was restored.`, {
      name: 'optionsBackupNoMarker',
      substitutions: [BACKUP_FORMAT],
    });
  }
  if (!Number.isInteger(head.version) || (head.version as number) < 1) {
    throw new BackupError('This backup has no valid version number, so it cannot be read safely. Nothing was restored.', { name: 'optionsBackupNoVersion' });
  }
  if ((head.version as number) > BACKUP_VERSION) {
    throw new BackupError(
      `This backup was made by a newer Paperscope (backup version ${String(head.version)}; this one reads version ${BACKUP_VERSION}). Update Paperscope, then restore. Nothing was restored.`,
      { name: 'optionsBackupNewerVersion', substitutions: [String(head.version), String(BACKUP_VERSION)] },
    );
  }
  if (!Number.isInteger(head.schemaVersion) || (head.schemaVersion as number) < 1) {
    throw new BackupError('This backup does not say which database version it was taken from. Nothing was restored.', { name: 'optionsBackupNoSchema' });
  }
  if ((head.schemaVersion as number) > currentSchemaVersion) {
    throw new BackupError(
      `This backup was taken from a newer Paperscope database (version ${String(head.schemaVersion)}; this one has version ${currentSchemaVersion}). Update Paperscope, then restore. Nothing was restored.`,
      { name: 'optionsBackupNewerSchema', substitutions: [String(head.schemaVersion), String(currentSchemaVersion)] },
    );
  }
  try {
    const checked = tables(head.tables, 'tables');
    uniqueKeys(checked.savedPapers, 'savedPapers');
    uniqueKeys(checked.settings, 'settings');
    uniqueIds(checked.seenPapers ?? []);
    return {
      format: BACKUP_FORMAT,
      version: head.version as number,
      schemaVersion: head.schemaVersion as number,
      exportedAt: typeof head.exportedAt === 'number' ? head.exportedAt : 0,
      tables: checked as Backup['tables'],
    };
  } catch (error) {
    if (!(error instanceof InvalidRequest)) throw error;
    throw new BackupError(`This backup is damaged: ${error.message}. Nothing was restored.`, { name: 'optionsBackupDamaged', substitutions: [error.message] });
  }
}

/**
 * Checks the whole backup first, then whether it fits on the disk, then replaces the user's tables in one durable
 * transaction: a bad file, a file too large for the free space, or a failure half-way changes nothing. The catalogue's
 * database is not touched.
 */
export async function restoreBackup(
  db: UserDatabase,
  input: string | unknown,
  estimate: EstimateStorage = browserEstimate,
): Promise<{ savedPapers: number; settings: number; seenPapers?: number }> {
  if (!db.isOpen()) await db.open();
  const backup = parseBackup(input, db.verno);
  const { savedPapers, settings, seenPapers } = backup.tables;
  // The old rows stay until the new ones commit, so the new ones need their whole size free (JSON is a fair measure).
  const bytes = typeof input === 'string' ? input.length : JSON.stringify(backup.tables).length;
  await wordedWrite(
    () =>
      db.transaction('rw', db.savedPapers, db.settings, db.seenPapers, db.seenKeys, db.seenFilter, async () => {
        await Promise.all([db.savedPapers.clear(), db.settings.clear()]);
        await db.savedPapers.bulkPut(savedPapers);
        await db.settings.bulkPut(settings);
        // A backup from before the seen store has none: what is remembered stays.
        if (seenPapers) {
          // The filter goes with the keys: it is built again from them on first use.
          await Promise.all([db.seenPapers.clear(), db.seenKeys.clear(), db.seenFilter.clear()]);
          const ids = await db.seenPapers.bulkPut(seenPapers, { allKeys: true });
          await db.seenKeys.bulkPut(keyRowsOf(seenPapers.map((record, i) => ({ ...record, id: ids[i] as number }))));
        }
      }),
    bytes,
    estimate,
  );
  return { savedPapers: savedPapers.length, settings: settings.length, ...(seenPapers ? { seenPapers: seenPapers.length } : {}) };
}
