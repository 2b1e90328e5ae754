// The worker's side of the seen store: records what pages showed (batched, one write per page request, in order), says
// when each paper was first seen, and keeps the small index of seen papers that related work and search draw on.
import type { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import type { PaperKey } from '../core/paper.ts';
import { SEEN_INDEX_MAX, SeenIndex } from '../core/seen/seenIndex.ts';
import { hasTextForRelated, type SeenObservation, type SeenRecord } from '../core/seen/seenRecord.ts';
import type { UserDatabase } from '../db/database.ts';
import { firstSeenOf, newestSeen, recordSeen, type SeenSettings, seenSettings, setSeenSettings } from '../db/seenStore.ts';
import type { SavedKeys } from './services.ts';

const RECORD_MEASURE = 'paperscope:recordSeen';
const MEASURES_KEPT = 500;

export class SeenService {
  private settingsRead: Promise<SeenSettings> | undefined;
  /** How many papers are stored, as far as this worker's writes tell (undefined: count again). */
  private count: number | undefined;
  /** Writes go one after another: a page's parts merge in order, and a read after a write sees it. */
  private writing: Promise<unknown> = Promise.resolve();
  /** The related-work index, for one catalogue (its vocabulary); built on first use. */
  private built: { index: CatalogueIndex; seen: Promise<SeenIndex> } | undefined;

  constructor(
    private readonly db: UserDatabase,
    private readonly savedKeys: SavedKeys,
  ) {}

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
   * The answer does not wait for the write, which follows in the background.
   */
  async observe(observations: readonly SeenObservation[], privateWindow: boolean): Promise<Array<number | undefined> | undefined> {
    if (privateWindow || observations.length === 0) return undefined;
    const { paused, cap } = await this.settings();
    if (paused) return undefined;
    await this.writing.catch(() => undefined);
    const now = Date.now();
    const firstSeen = (
      await firstSeenOf(
        this.db,
        observations.map((o) => o.keys),
      )
    ).map((first) => first ?? now);
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        const saved = await this.savedKeys.get();
        const isSaved = (keys: readonly PaperKey[]) => keys.some((k) => saved.has(k));
        const started = performance.now();
        // Counting a large store is not cheap (Chromium walks it): counted once per wake, then followed batch by batch.
        this.count ??= await this.db.seenPapers.count();
        const adding = observations.length;
        const { stored, removed } = await recordSeen(this.db, observations, now, this.count + adding > cap ? { cap, isSaved } : {});
        this.count = this.count + stored.filter((r) => r.timesSeen === 1).length - removed.length;
        if (this.count > cap) this.count = undefined;
        // Each write's time, for the seen benchmark (user-timing measures; the newest few hundred kept).
        if (performance.getEntriesByName(RECORD_MEASURE).length >= MEASURES_KEPT) performance.clearMeasures(RECORD_MEASURE);
        performance.measure(RECORD_MEASURE, { start: started });
        this.indexChanged(stored, removed);
      })
      .catch((error) => console.warn('paperscope: remembering seen papers failed', error));
    return firstSeen;
  }

  /** Waits for the writes asked so far (tests, and forgetting after them). */
  async settled(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  /** After forgetting: the index is built again on next use. */
  forgetIndex(): void {
    this.built = undefined;
    this.count = undefined;
  }

  /** After a restore: the settings are read again, the index built again. */
  reloaded(): void {
    this.settingsRead = undefined;
    this.built = undefined;
    this.count = undefined;
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
      await this.settled();
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
