// The seen store: every paper the reader's pages showed, one record per paper (merged by any shared key), with the
// reader's switches for it (pause, cap), and each of its keys to its record (seenKeys, derived: rebuilt on restore).
// Writes come in batches (page requests gathered by the worker), never one per row.
import type { PaperKey } from '../core/paper.ts';
import { KEY_FILTER_BITS, KeyFilter } from '../core/seen/keyFilter.ts';
import { mergeSeen, type SeenObservation, type SeenRecord, withoutSite } from '../core/seen/seenRecord.ts';
import type { SeenKeyRecord, UserDatabase } from './database.ts';
import { wordedWrite } from './storageErrors.ts';

const SETTINGS_KEY = 'seenSettings';

export interface SeenSettings {
  /** Nothing is remembered (and nothing is marked new) while paused. */
  paused: boolean;
  /** The most papers kept; the longest unseen unsaved ones go first. */
  cap: number;
}

export const DEFAULT_SEEN_SETTINGS: SeenSettings = { paused: false, cap: 50_000 };
export const SEEN_CAP_LIMITS = { min: 100, max: 500_000 } as const;

export async function seenSettings(db: UserDatabase): Promise<SeenSettings> {
  const stored = (await db.settings.get(SETTINGS_KEY))?.value as Partial<SeenSettings> | undefined;
  return { ...DEFAULT_SEEN_SETTINGS, ...stored };
}

export async function setSeenSettings(db: UserDatabase, change: Partial<SeenSettings>): Promise<SeenSettings> {
  return wordedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const next = { ...(await seenSettings(db)), ...change };
      next.cap = Math.round(Math.min(SEEN_CAP_LIMITS.max, Math.max(SEEN_CAP_LIMITS.min, next.cap)));
      await db.settings.put({ key: SETTINGS_KEY, value: next });
      return next;
    }),
  );
}

/** A seen record as stored (with its id). */
type StoredSeen = SeenRecord & { id: number };

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/** The key rows of stored records: each key to its record and when the paper was first seen. */
export function keyRowsOf(records: readonly SeenRecord[]): SeenKeyRecord[] {
  return records.flatMap((record) => record.keys.map((key) => ({ key, id: record.id!, firstSeenAt: record.firstSeenAt })));
}

/** Drops the key rows that point at these records (a key another record holds now stays). */
async function dropKeysOf(db: UserDatabase, records: readonly SeenRecord[]): Promise<void> {
  const ids = new Set(records.map((r) => r.id));
  const rows = await db.seenKeys.bulkGet([...new Set(records.flatMap((r) => r.keys))]);
  await db.seenKeys.bulkDelete(rows.filter((row) => row !== undefined && ids.has(row.id)).map((row) => row!.key));
}

/** The stored records that share a key with any of `keys`, each once: one batch of key reads, one of records. */
async function recordsWithKeys(db: UserDatabase, keys: readonly PaperKey[]): Promise<StoredSeen[]> {
  if (keys.length === 0) return [];
  const rows = await db.seenKeys.bulkGet([...new Set(keys)]);
  const ids = [...new Set(rows.filter(isDefined).map((row) => row.id))];
  return (await db.seenPapers.bulkGet(ids)).filter(isDefined) as StoredSeen[];
}

/**
 * The filter of every stored key, as stored; built from the key table (and stored) when there is none: the first time
 * after an upgrade, after a restore. Keys written later must be added (and the filter stored) before they are.
 */
export async function loadKeyFilter(db: UserDatabase): Promise<KeyFilter> {
  const stored = await db.seenFilter.get('keys');
  if (stored && stored.bits.length === KEY_FILTER_BITS / 32) return new KeyFilter(stored.bits);
  const filter = new KeyFilter();
  await db.transaction('rw', db.seenKeys, db.seenFilter, async () => {
    for (const key of await db.seenKeys.toCollection().primaryKeys()) filter.add(key);
    await db.seenFilter.put({ id: 'keys', bits: filter.bits });
  });
  return filter;
}

/**
 * When each paper (given by its keys) was first seen, or undefined for a paper never seen: one batch of primary-key
 * reads of the key table (a multi-entry index read per key cost milliseconds a paper at 200,000 papers).
 */
export async function firstSeenOf(db: UserDatabase, papers: readonly PaperKey[][], filter?: KeyFilter): Promise<Array<number | undefined>> {
  // Keys the filter has surely never seen are not read.
  const keys = [...new Set(papers.flat())].filter((key) => !filter || filter.mayHave(key));
  const firstByKey = new Map<string, number>();
  if (keys.length > 0) for (const row of await db.seenKeys.bulkGet(keys)) if (row) firstByKey.set(row.key, row.firstSeenAt);
  return papers.map((paperKeys) => {
    const first = Math.min(...paperKeys.map((k) => firstByKey.get(k) ?? Infinity));
    return Number.isFinite(first) ? first : undefined;
  });
}

export interface RecordedSeen {
  /** The records as stored now (new or merged). */
  stored: SeenRecord[];
  /** Ids of records merged into others, or evicted over the cap. */
  removed: number[];
  /** How many of the stored records are new (the store grew by added − removed). */
  added: number;
}

/** One page request's papers and when it showed them. */
export interface SeenBatch {
  observations: readonly SeenObservation[];
  now: number;
}

export interface RecordOptions {
  /** Over this many papers, the papers seen longest ago go. */
  cap?: number;
  isSaved?: (keys: readonly PaperKey[]) => boolean;
  /** The key filter as loaded (loadKeyFilter): the new keys join it, stored with them. Without it, the stored filter is dropped (built again on next load). */
  filter?: KeyFilter;
}

/**
 * Records one page request's papers, seen at `now`, in one transaction: each joins every stored record it shares a key
 * with (several become one), or is new. Then, over `cap`, the papers seen longest ago go, never a saved one.
 */
export function recordSeen(db: UserDatabase, observations: readonly SeenObservation[], now: number, options: RecordOptions = {}): Promise<RecordedSeen> {
  return recordSeenBatches(db, [{ observations, now }], options);
}

/** Records several page requests' papers in one transaction, in order (as `recordSeen` does one). */
export async function recordSeenBatches(db: UserDatabase, batches: readonly SeenBatch[], options: RecordOptions = {}): Promise<RecordedSeen> {
  if (batches.every((b) => b.observations.length === 0)) return { stored: [], removed: [], added: 0 };
  const recorded = await wordedWrite(() =>
    db.transaction('rw', db.seenPapers, db.seenKeys, db.seenFilter, async () => {
      const byKey = new Map<string, SeenRecord>();
      for (const record of await recordsWithKeys(
        db,
        batches.flatMap((b) => b.observations.flatMap((o) => o.keys)),
      ))
        for (const key of record.keys) byKey.set(key, record);
      const changed = new Set<SeenRecord>();
      const removed = new Set<number>();
      // Keys of the records merged: those no record keeps (a merge keeps at most MAX_KEYS) lose their rows.
      const keysBefore = new Set<string>();
      for (const { observations, now } of batches) {
        for (const observation of observations) {
          if (observation.keys.length === 0) continue;
          const sharing = [...new Set(observation.keys.map((k) => byKey.get(k)).filter(isDefined))];
          const merged = mergeSeen(sharing, observation, now);
          for (const old of sharing) {
            changed.delete(old);
            for (const key of old.keys) keysBefore.add(key);
            if (old.id !== undefined && old.id !== merged.id) removed.add(old.id);
          }
          for (const key of merged.keys) byKey.set(key, merged);
          changed.add(merged);
        }
      }
      const stored = [...changed];
      const added = stored.filter((r) => r.id === undefined).length;
      const ids = await db.seenPapers.bulkPut(stored, { allKeys: true });
      stored.forEach((record, i) => (record.id = ids[i] as number));
      if (removed.size > 0) await db.seenPapers.bulkDelete([...removed]);
      const kept = new Set(stored.flatMap((r) => r.keys));
      const dropped = [...keysBefore].filter((key) => !kept.has(key));
      const keyRows = keyRowsOf(stored);
      await db.seenKeys.bulkPut(keyRows);
      if (dropped.length > 0) await db.seenKeys.bulkDelete(dropped);
      // The filter never misses a stored key: it commits with them, or is dropped and built again from them.
      if (options.filter) {
        for (const row of keyRows) options.filter.add(row.key);
        await db.seenFilter.put({ id: 'keys', bits: options.filter.bits });
      } else {
        await db.seenFilter.delete('keys');
      }
      return { stored, removed: [...removed], added };
    }),
  );
  if (options.cap !== undefined) recorded.removed.push(...(await evictOverCap(db, options.cap, options.isSaved)));
  return recorded;
}

/** Above the cap, the papers seen longest ago go (down to 99% of it, so a full store does not evict on every page), saved ones never. */
export async function evictOverCap(db: UserDatabase, cap: number, isSaved: (keys: readonly PaperKey[]) => boolean = () => false): Promise<number[]> {
  if ((await db.seenPapers.count()) <= cap) return [];
  return wordedWrite(() =>
    db.transaction('rw', db.seenPapers, db.seenKeys, async () => {
      const excess = (await db.seenPapers.count()) - Math.floor(cap * 0.99);
      if (excess <= 0) return [];
      const evicted: SeenRecord[] = [];
      await db.seenPapers
        .orderBy('lastSeenAt')
        .until(() => evicted.length >= excess)
        .each((record) => {
          if (!isSaved(record.keys)) evicted.push(record);
        });
      await db.seenPapers.bulkDelete(evicted.map((r) => r.id!));
      await dropKeysOf(db, evicted);
      return evicted.map((r) => r.id!);
    }),
  );
}

/** Forgets the paper with this key; how many records went (0 or 1). */
export async function forgetSeenPaper(db: UserDatabase, key: PaperKey): Promise<number> {
  return wordedWrite(() =>
    db.transaction('rw', db.seenPapers, db.seenKeys, async () => {
      const row = await db.seenKeys.get(key);
      if (!row) return 0;
      const record = await db.seenPapers.get(row.id);
      await db.seenKeys.delete(key);
      if (!record) return 0;
      await db.seenPapers.delete(row.id);
      await dropKeysOf(db, [record]);
      return 1;
    }),
  );
}

/** Forgets what `site` showed: papers only it showed go, others keep the other sites' sightings. */
export async function forgetSeenSite(db: UserDatabase, site: string): Promise<{ forgotten: number; kept: number }> {
  return wordedWrite(() =>
    db.transaction('rw', db.seenPapers, db.seenKeys, async () => {
      const forgotten: SeenRecord[] = [];
      const kept: SeenRecord[] = [];
      await db.seenPapers.toCollection().modify((record, ref) => {
        if (!record.sightings.some((s) => s.site === site)) return;
        const left = withoutSite(record, site);
        if (left) {
          kept.push(left);
          ref.value = left;
        } else {
          forgotten.push(record);
          delete (ref as { value?: SeenRecord }).value;
        }
      });
      await dropKeysOf(db, forgotten);
      // First seen may be later now (the site's sightings were the earliest).
      await db.seenKeys.bulkPut(keyRowsOf(kept));
      return { forgotten: forgotten.length, kept: kept.length };
    }),
  );
}

export async function forgetAllSeen(db: UserDatabase): Promise<void> {
  await wordedWrite(() => db.transaction('rw', db.seenPapers, db.seenKeys, db.seenFilter, () => Promise.all([db.seenPapers.clear(), db.seenKeys.clear(), db.seenFilter.clear()])));
}

/** How many papers are remembered, and about how much disk they take (JSON size of a sample of the newest, scaled). */
export async function seenSummary(db: UserDatabase): Promise<{ count: number; bytes: number }> {
  const count = await db.seenPapers.count();
  if (count === 0) return { count, bytes: 0 };
  const sample = await db.seenPapers.orderBy('lastSeenAt').reverse().limit(200).toArray();
  const sampleBytes = sample.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
  // Key rows: one per key, about the key's length, an id and a time.
  const indexBytes = sample.reduce((sum, r) => sum + r.keys.reduce((s, k) => s + 2 * k.length + 24, 0), 0);
  return { count, bytes: Math.round(((sampleBytes + indexBytes) / sample.length) * count) };
}

/** The papers seen most recently, newest first (the options page lists them to forget one). */
export async function recentSeen(db: UserDatabase, limit: number): Promise<SeenRecord[]> {
  return db.seenPapers.orderBy('lastSeenAt').reverse().limit(limit).toArray();
}

/** The newest `limit` records that pass `keep`, newest first, read in one pass (the related-work index is built from them). */
export async function newestSeen(db: UserDatabase, limit: number, keep: (record: SeenRecord) => boolean): Promise<SeenRecord[]> {
  return db.seenPapers.orderBy('lastSeenAt').reverse().filter(keep).limit(limit).toArray();
}
