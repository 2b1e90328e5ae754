// The user's saved keys and tags, cached for the worker's life.
import type { UserDatabase } from '../db/database.ts';

/** Keys the user saved, cached for the worker's life so matching never reads the database per row. */
export class SavedKeys {
  private keys: Promise<Set<string>> | undefined;
  constructor(private readonly db: UserDatabase) {}
  get(): Promise<Set<string>> {
    if (this.keys) return this.keys;
    const reading = this.db.savedPapers
      .toCollection()
      .primaryKeys()
      .then((k) => new Set(k));
    this.keys = reading;
    // A failed read (a full disk) is tried again next time, not kept for the worker's life.
    reading.catch(() => {
      if (this.keys === reading) this.keys = undefined;
    });
    return reading;
  }
  /** After a restore replaced the whole table. */
  forget(): void {
    this.keys = undefined;
    this.tags = undefined;
  }

  private tags: Promise<Map<string, string[]>> | undefined;
  /** Each saved paper's own tags (papers without any are absent), read from the tag index only: notes stay on disk. */
  userTags(): Promise<Map<string, string[]>> {
    if (this.tags) return this.tags;
    const reading = (async () => {
      const byKey = new Map<string, string[]>();
      await this.db.savedPapers.orderBy('userTags').eachKey((tag, cursor) => {
        const key = cursor.primaryKey as string;
        const tags = byKey.get(key);
        if (tags) tags.push(tag as string);
        else byKey.set(key, [tag as string]);
      });
      return byKey;
    })();
    this.tags = reading;
    reading.catch(() => {
      if (this.tags === reading) this.tags = undefined;
    });
    return reading;
  }

  /** A paper's tags changed, or papers were added or removed with theirs: read again on next use. */
  tagsChanged(): void {
    this.tags = undefined;
  }
}
