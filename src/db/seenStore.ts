// The seen store: every paper the reader's pages showed, one record per paper (merged by any shared key), with the
// reader's switches for it (pause, cap). Writes come in batches, one per page request, never one per row.
import type { PaperKey } from '../core/paper.ts';
import { mergeSeen, type SeenObservation, type SeenRecord, withoutSite } from '../core/seen/seenRecord.ts';
import type { UserDatabase } from './database.ts';
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

/** The stored records that share a key with any of `keys`, each once. */
async function recordsWithKeys(db: UserDatabase, keys: readonly PaperKey[]): Promise<SeenRecord[]> {
  if (keys.length === 0) return [];
  // One request per key, all in flight at once: anyOf walks one cursor key by key, a round trip each (it cost 1.8 ms a
  // paper on a 2,000-row listing in Chromium).
  const found = await Promise.all([...new Set(keys)].map((key) => db.seenPapers.where('keys').equals(key).toArray()));
  const byId = new Map<number, SeenRecord>();
  for (const record of found.flat()) byId.set(record.id!, record);
  return [...byId.values()];
}

/** When each paper (given by its keys) was first seen, or undefined for a paper never seen: one indexed read. */
export async function firstSeenOf(db: UserDatabase, papers: readonly PaperKey[][]): Promise<Array<number | undefined>> {
  const records = await recordsWithKeys(db, papers.flat());
  const firstByKey = new Map<string, number>();
  for (const record of records) for (const key of record.keys) firstByKey.set(key, Math.min(firstByKey.get(key) ?? Infinity, record.firstSeenAt));
  return papers.map((keys) => {
    const first = Math.min(...keys.map((k) => firstByKey.get(k) ?? Infinity));
    return Number.isFinite(first) ? first : undefined;
  });
}

export interface RecordedSeen {
  /** The records as stored now (new or merged). */
  stored: SeenRecord[];
  /** Ids of records merged into others, or evicted over the cap. */
  removed: number[];
}

/**
 * Records one page request's papers, seen at `now`, in one transaction: each joins every stored record it shares a key
 * with (several become one), or is new. Then, over `cap`, the papers seen longest ago go, never a saved one.
 */
export async function recordSeen(
  db: UserDatabase,
  observations: readonly SeenObservation[],
  now: number,
  options: { cap?: number; isSaved?: (keys: readonly PaperKey[]) => boolean } = {},
): Promise<RecordedSeen> {
  if (observations.length === 0) return { stored: [], removed: [] };
  const recorded = await wordedWrite(() =>
    db.transaction('rw', db.seenPapers, async () => {
      const byKey = new Map<string, SeenRecord>();
      for (const record of await recordsWithKeys(
        db,
        observations.flatMap((o) => o.keys),
      ))
        for (const key of record.keys) byKey.set(key, record);
      const changed = new Set<SeenRecord>();
      const removed = new Set<number>();
      for (const observation of observations) {
        if (observation.keys.length === 0) continue;
        const sharing = [...new Set(observation.keys.map((k) => byKey.get(k)).filter((r): r is SeenRecord => r !== undefined))];
        const merged = mergeSeen(sharing, observation, now);
        for (const old of sharing) {
          changed.delete(old);
          if (old.id !== undefined && old.id !== merged.id) removed.add(old.id);
        }
        for (const key of merged.keys) byKey.set(key, merged);
        changed.add(merged);
      }
      const stored = [...changed];
      const ids = await db.seenPapers.bulkPut(stored, { allKeys: true });
      stored.forEach((record, i) => (record.id = ids[i] as number));
      if (removed.size > 0) await db.seenPapers.bulkDelete([...removed]);
      return { stored, removed: [...removed] };
    }),
  );
  if (options.cap !== undefined) recorded.removed.push(...(await evictOverCap(db, options.cap, options.isSaved)));
  return recorded;
}

/** Above the cap, the papers seen longest ago go (down to 99% of it, so a full store does not evict on every page), saved ones never. */
export async function evictOverCap(db: UserDatabase, cap: number, isSaved: (keys: readonly PaperKey[]) => boolean = () => false): Promise<number[]> {
  if ((await db.seenPapers.count()) <= cap) return [];
  return wordedWrite(() =>
    db.transaction('rw', db.seenPapers, async () => {
      const excess = (await db.seenPapers.count()) - Math.floor(cap * 0.99);
      if (excess <= 0) return [];
      const evicted: number[] = [];
      await db.seenPapers
        .orderBy('lastSeenAt')
        .until(() => evicted.length >= excess)
        .each((record) => {
          if (!isSaved(record.keys)) evicted.push(record.id!);
        });
      await db.seenPapers.bulkDelete(evicted);
      return evicted;
    }),
  );
}

/** Forgets the paper with this key (every record holding it); how many records went. */
export async function forgetSeenPaper(db: UserDatabase, key: PaperKey): Promise<number> {
  return wordedWrite(() => db.seenPapers.where('keys').equals(key).delete());
}

/** Forgets what `site` showed: papers only it showed go, others keep the other sites' sightings. */
export async function forgetSeenSite(db: UserDatabase, site: string): Promise<{ forgotten: number; kept: number }> {
  return wordedWrite(() =>
    db.transaction('rw', db.seenPapers, async () => {
      let forgotten = 0;
      let kept = 0;
      await db.seenPapers.toCollection().modify((record, ref) => {
        if (!record.sightings.some((s) => s.site === site)) return;
        const left = withoutSite(record, site);
        if (left) {
          kept++;
          ref.value = left;
        } else {
          forgotten++;
          delete (ref as { value?: SeenRecord }).value;
        }
      });
      return { forgotten, kept };
    }),
  );
}

export async function forgetAllSeen(db: UserDatabase): Promise<void> {
  await wordedWrite(() => db.seenPapers.clear());
}

/** How many papers are remembered, and about how much disk they take (JSON size of a sample of the newest, scaled). */
export async function seenSummary(db: UserDatabase): Promise<{ count: number; bytes: number }> {
  const count = await db.seenPapers.count();
  if (count === 0) return { count, bytes: 0 };
  const sample = await db.seenPapers.orderBy('lastSeenAt').reverse().limit(200).toArray();
  const sampleBytes = sample.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
  // Index entries: one per key, about the key's length and an id.
  const indexBytes = sample.reduce((sum, r) => sum + r.keys.reduce((s, k) => s + k.length + 16, 0), 0);
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
