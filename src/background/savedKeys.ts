// The user's saved keys and tags, cached for the worker's life.
import type { UserDatabase } from '../db/database.ts';

/** A value read once and kept, unless the read failed (a full disk): then it is read again on the next ask. */
class KeptRead<T> {
  private value: Promise<T> | undefined;
  constructor(private readonly read: () => Promise<T>) {}
  get(): Promise<T> {
    if (this.value) return this.value;
    const reading = this.read();
    this.value = reading;
    reading.catch(() => {
      if (this.value === reading) this.value = undefined;
    });
    return reading;
  }
  forget(): void {
    this.value = undefined;
  }
}

/** Keys the user saved, cached for the worker's life so matching never reads the database per row. */
export class SavedKeys {
  private readonly keys: KeptRead<Set<string>>;
  private readonly tags: KeptRead<Map<string, string[]>>;

  constructor(db: UserDatabase) {
    this.keys = new KeptRead(() =>
      db.savedPapers
        .toCollection()
        .primaryKeys()
        .then((k) => new Set(k)),
    );
    // Read from the tag index only: notes stay on disk.
    this.tags = new KeptRead(async () => {
      const byKey = new Map<string, string[]>();
      await db.savedPapers.orderBy('userTags').eachKey((tag, cursor) => {
        const key = cursor.primaryKey as string;
        const tags = byKey.get(key);
        if (tags) tags.push(tag as string);
        else byKey.set(key, [tag as string]);
      });
      return byKey;
    });
  }

  get(): Promise<Set<string>> {
    return this.keys.get();
  }

  /** After a restore replaced the whole table. */
  forget(): void {
    this.keys.forget();
    this.tags.forget();
  }

  /** Each saved paper's own tags (papers without any are absent). */
  userTags(): Promise<Map<string, string[]>> {
    return this.tags.get();
  }

  /** A paper's tags changed, or papers were added or removed with theirs: read again on next use. */
  tagsChanged(): void {
    this.tags.forget();
  }
}
