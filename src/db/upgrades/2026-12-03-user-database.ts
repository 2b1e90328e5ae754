// The user's tables move from the combined database (v1 to v5, 'paperscope') to their own ('paperscope-user'): copied,
// read back and compared, then marked done; only then are the old tables emptied. A worker stopped at any point starts
// the move again from the copy, which the old tables still hold. Once the old tables are empty too, an open does
// nothing more here (the worker's wake does not touch the combined database again).
import Dexie from 'dexie';

export const MOVED_FROM_COMBINED = '2026-12-03-user-database';

export interface UpgradeRecord {
  id: string;
  doneAt: number;
  savedPapers: number;
  settings: number;
  /** When the old tables were emptied: from then on the move is over. */
  emptiedAt?: number;
}

/** Rows are copied as they are: this move needs nothing of their shape. */
interface UserRows {
  savedPapers: unknown[];
  settings: unknown[];
}

/** Thrown when the copy read back differs from the original: nothing is marked done and nothing is emptied. */
export class MoveNotVerified extends Error {}

const sameRows = (a: UserRows, b: UserRows) =>
  (['savedPapers', 'settings'] as const).every((table) => a[table].length === b[table].length && a[table].every((row, i) => JSON.stringify(row) === JSON.stringify(b[table][i])));

/** The combined database opened as it is (any version, no upgrade), or undefined when it has no user tables. */
async function openCombined(name: string): Promise<Dexie | undefined> {
  if (!(await Dexie.exists(name))) return undefined;
  const combined = new Dexie(name, { chromeTransactionDurability: 'strict' });
  await combined.open();
  const names = combined.tables.map((t) => t.name);
  if (names.includes('savedPapers') && names.includes('settings')) return combined;
  combined.close();
  return undefined;
}

async function readRows(db: Dexie): Promise<UserRows> {
  return db.transaction('r', ['savedPapers', 'settings'], async () => ({
    savedPapers: await db.table('savedPapers').orderBy(':id').toArray(),
    settings: await db.table('settings').orderBy(':id').toArray(),
  }));
}

/** `user` is the user's database (its savedPapers, settings and upgrades tables), opening. */
export async function moveUserData(user: Dexie, combinedName: string, now = Date.now()): Promise<void> {
  const upgrades = user.table<UpgradeRecord, string>('upgrades');
  const done = await upgrades.get(MOVED_FROM_COMBINED);
  if (done?.emptiedAt !== undefined) return;
  const combined = await openCombined(combinedName);
  if (!combined) {
    if (!done) await upgrades.put({ id: MOVED_FROM_COMBINED, doneAt: now, savedPapers: 0, settings: 0, emptiedAt: now });
    return;
  }
  try {
    if (!done) {
      const original = await readRows(combined);
      // One durable transaction: the copy is all there or not at all.
      await user.transaction('rw', ['savedPapers', 'settings'], async () => {
        await user.table('savedPapers').bulkPut(original.savedPapers);
        await user.table('settings').bulkPut(original.settings);
      });
      const copied = await readRows(user);
      if (!sameRows(original, copied)) throw new MoveNotVerified('The saved library could not be copied to its own database intact; it stays where it was.');
      await upgrades.put({ id: MOVED_FROM_COMBINED, doneAt: now, savedPapers: copied.savedPapers.length, settings: copied.settings.length });
    }
    // Only once the copy is durable and marked: the old rows go (a failure here leaves them for the next open).
    await combined
      .transaction('rw', ['savedPapers', 'settings'], async () => {
        await combined.table('savedPapers').clear();
        await combined.table('settings').clear();
      })
      .then(() => upgrades.update(MOVED_FROM_COMBINED, { emptiedAt: now }))
      .catch((error) => console.error('paperscope: the old copy of the library could not be emptied yet', error));
  } finally {
    combined.close();
  }
}
