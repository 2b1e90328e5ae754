// The worker's side of the seen store: records what pages showed (in the background, page requests gathered into a few
// writes, in order), says when each paper was first seen, and keeps the small index of seen papers that related work
// and search draw on.
import type { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { TITLE_LOOKUP_SECTIONS, VECTOR_SECTIONS } from '../core/catalogue/sectionGroups.ts';
import type { PaperKey } from '../core/paper.ts';
import { SEEN_INDEX_MAX, SeenIndex } from '../core/seen/seenIndex.ts';
import { hasTextForRelated, type SeenObservation, type SeenRecord } from '../core/seen/seenRecord.ts';
import type { UserDatabase } from '../db/database.ts';
import type { KeyFilter } from '../core/seen/keyFilter.ts';
import { firstSeenOf, loadKeyFilter, newestSeen, recordSeenBatches, type SeenBatch, type SeenSettings, seenSettings, setSeenSettings } from '../db/seenStore.ts';
import type { SavedKeys } from './savedKeys.ts';

const RECORD_MEASURE = 'paperscope:recordSeen';
const LOOKUP_MEASURE = 'paperscope:seenLookup';
const MEASURES_KEPT = 500;
/**
 * Sightings are written once pages have asked nothing for this long, so a listing's parts go together after it is
 * answered (a write holds up the reads of the pages' next requests: IndexedDB runs them after it). With 1 s, a
 * 2,000-row listing's parts were still coming when one or two writes began (the seen bench); a worker lives 30 s
 * after its last event, so waiting longer loses nothing.
 */
const WRITE_DELAY_MS = 5000;
/** ...unless the oldest has waited this long (a page that never stops asking). */
const WRITE_DELAY_MAX_MS = 30_000;
/** Papers a write transaction takes at most: a page request arriving meanwhile waits for one short write at most. */
const WRITE_CHUNK = 250;

const earliest = (times: ReadonlyArray<number | undefined>) => {
  const first = Math.min(...times.map((t) => t ?? Infinity));
  return Number.isFinite(first) ? first : undefined;
};

export class SeenService {
  private settingsRead: Promise<SeenSettings> | undefined;
  /** How many papers are stored, as far as this worker's writes tell (undefined: count again). */
  private count: number | undefined;
  /** Page requests not written yet, oldest first. */
  private queued: SeenBatch[] = [];
  /** When each key of a queued (or being written) paper was first seen: answered from here until it is stored. */
  private unwritten = new Map<PaperKey, number>();
  private writeTimer: ReturnType<typeof setTimeout> | undefined;
  /** When a page last asked (writes wait for a quiet moment). */
  private askedAt = 0;
  /** Someone waits for the writes (settled): they go now, quiet or not. */
  private urgent = false;
  /** Writes go one after another: a page's parts merge in order. */
  private writing: Promise<unknown> = Promise.resolve();
  /** The filter of stored keys, read once per wake: papers surely never seen cost no read. */
  private filterRead: Promise<KeyFilter | undefined> | undefined;
  /** The related-work index, for one catalogue (its vocabulary); built on first use. */
  private built: { index: CatalogueIndex; seen: Promise<SeenIndex> } | undefined;

  constructor(
    private readonly db: UserDatabase,
    private readonly savedKeys: SavedKeys,
  ) {}

  /** The key filter, or undefined when it cannot be read (then every key is looked up). */
  private keyFilter(): Promise<KeyFilter | undefined> {
    return (this.filterRead ??= loadKeyFilter(this.db).catch((error) => {
      console.warn('paperscope: reading the seen key filter failed', error);
      this.filterRead = undefined;
      return undefined;
    }));
  }

  settings(): Promise<SeenSettings> {
    const reading = (this.settingsRead ??= seenSettings(this.db));
    reading.catch(() => {
      if (this.settingsRead === reading) this.settingsRead = undefined;
    });
    return reading;
  }

  async setSettings(change: Partial<SeenSettings>): Promise<SeenSettings> {
    const next = await setSeenSettings(this.db, change);
    this.settingsRead = Promise.resolve(next);
    return next;
  }

  /**
   * Remembers the papers of one page request (unless paused or private) and answers when each was first seen: before
   * now for a paper seen before, now for one never seen. Undefined when nothing is remembered (no paper is new then).
   * The answer waits for no write: it reads the key table once (papers still waiting to be written answer from memory),
   * and the write follows in the background, gathered with the page's other requests.
   */
  async observe(observations: readonly SeenObservation[], privateWindow: boolean): Promise<Array<number | undefined> | undefined> {
    if (privateWindow || observations.length === 0) return undefined;
    if ((await this.settings()).paused) return undefined;
    const now = Date.now();
    // Read before the store: a write that ends meanwhile is then either still here or already in the store's answer.
    const unwritten = observations.map((o) => earliest(o.keys.map((k) => this.unwritten.get(k))));
    let stored: Array<number | undefined>;
    const started = performance.now();
    try {
      stored = await firstSeenOf(
        this.db,
        observations.map((o) => o.keys),
        await this.keyFilter(),
      );
    } catch (error) {
      console.warn('paperscope: reading seen papers failed', error);
      return undefined;
    }
    // Each lookup's time, for the seen benchmark.
    if (performance.getEntriesByName(LOOKUP_MEASURE).length >= MEASURES_KEPT) performance.clearMeasures(LOOKUP_MEASURE);
    performance.measure(LOOKUP_MEASURE, { start: started });
    const firstSeen = unwritten.map((fromMemory, i) => earliest([fromMemory, stored[i]]) ?? now);
    observations.forEach((o, i) => {
      for (const key of o.keys) this.unwritten.set(key, Math.min(this.unwritten.get(key) ?? Infinity, firstSeen[i]!));
    });
    this.queued.push({ observations, now });
    this.askedAt = Date.now();
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => void this.writeQueued(), WRITE_DELAY_MS);
    return firstSeen;
  }

  /** Waits for the writes asked so far, writing what waits now (tests, the options page, forgetting after them). */
  async settled(): Promise<void> {
    this.urgent = true;
    await this.writeQueued().catch(() => undefined);
  }

  /** How long the next write should wait for pages to stop asking (0: write now). */
  private quietWait(): number {
    const oldest = this.queued[0]?.now ?? Date.now();
    if (this.urgent || Date.now() - oldest >= WRITE_DELAY_MAX_MS) return 0;
    return Math.max(0, this.askedAt + WRITE_DELAY_MS - Date.now());
  }

  /** Writes every queued request, in order, in transactions of at most WRITE_CHUNK papers. */
  private writeQueued(): Promise<unknown> {
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        while (this.queued.length > 0) {
          // A page asked meanwhile: its parts come first (checked before every chunk).
          const wait = this.quietWait();
          if (wait > 0) {
            await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 100)));
            continue;
          }
          const batches: SeenBatch[] = [];
          let papers = 0;
          while (this.queued.length > 0 && papers < WRITE_CHUNK) {
            const batch = this.queued[0]!;
            const room = WRITE_CHUNK - papers;
            if (batch.observations.length <= room) this.queued.shift();
            else this.queued[0] = { observations: batch.observations.slice(room), now: batch.now };
            const taken = batch.observations.slice(0, room);
            batches.push({ observations: taken, now: batch.now });
            papers += taken.length;
          }
          await this.write(batches, papers);
        }
        // Every key answered from memory is in the store now.
        this.unwritten.clear();
        this.urgent = false;
      })
      .catch((error) => console.warn('paperscope: remembering seen papers failed', error));
    return this.writing;
  }

  private async write(batches: readonly SeenBatch[], papers: number): Promise<void> {
    const { cap } = await this.settings();
    const saved = await this.savedKeys.get();
    const isSaved = (keys: readonly PaperKey[]) => keys.some((k) => saved.has(k));
    const started = performance.now();
    // Counting a large store is not cheap (Chromium walks it): counted once per wake, then followed batch by batch.
    this.count ??= await this.db.seenPapers.count();
    const filter = await this.keyFilter();
    const { stored, removed, added } = await recordSeenBatches(this.db, batches, { filter, ...(this.count + papers > cap ? { cap, isSaved } : {}) });
    this.count = this.count + added - removed.length;
    if (this.count > cap) this.count = undefined;
    // Each write's time, for the seen benchmark (user-timing measures; the newest few hundred kept).
    if (performance.getEntriesByName(RECORD_MEASURE).length >= MEASURES_KEPT) performance.clearMeasures(RECORD_MEASURE);
    performance.measure(RECORD_MEASURE, { start: started });
    this.indexChanged(stored, removed);
  }

  /** After forgetting: the index is built again on next use. */
  forgetIndex(): void {
    this.built = undefined;
    this.count = undefined;
    this.filterRead = undefined;
  }

  /** After a restore: the settings are read again, the index built again. */
  reloaded(): void {
    this.unwritten.clear();
    this.settingsRead = undefined;
    this.built = undefined;
    this.count = undefined;
    this.filterRead = undefined;
  }

  private indexChanged(stored: readonly SeenRecord[], removed: readonly number[]): void {
    const built = this.built;
    if (!built) return;
    void built.seen.then((seen) => {
      for (const id of removed) seen.remove(id);
      for (const record of stored) {
        // A paper the catalogue holds is already a candidate; a record that lost its text leaves.
        if (hasTextForRelated(record) && built.index.matchIndex({ key: record.key, title: record.title }) < 0) seen.put(record);
        else if (record.id !== undefined) seen.remove(record.id);
      }
    });
  }

  /**
   * The seen papers related work and search draw on, for this catalogue: the most recently seen with text enough that
   * the catalogue does not hold, built on first use (one indexed read) and kept up to date as pages are seen.
   */
  index(catalogue: CatalogueIndex): Promise<SeenIndex> {
    if (this.built?.index === catalogue) return this.built.seen;
    const seen = (async () => {
      // Seen papers are vectorised, and those the catalogue holds (by key or title) are left out.
      await Promise.all([this.settled(), catalogue.ensureSections([...VECTOR_SECTIONS, ...TITLE_LOOKUP_SECTIONS])]);
      const index = new SeenIndex((title, abstract) => catalogue.vectorize(title, abstract), catalogue.data.header.vocabularySize);
      const keep = (record: Parameters<typeof hasTextForRelated>[0] & { key: string }) =>
        hasTextForRelated(record) && catalogue.matchIndex({ key: record.key, title: record.title }) < 0;
      for (const record of await newestSeen(this.db, SEEN_INDEX_MAX, keep)) index.put(record);
      return index;
    })();
    const built = { index: catalogue, seen };
    this.built = built;
    seen.catch(() => {
      if (this.built === built) this.built = undefined;
    });
    return seen;
  }
}
