// The user's tables move from the combined database (v1 to v5, 'paperscope') to their own ('paperscope-user'): copied,
// read back and compared, then marked done; only then are the old tables emptied. A worker stopped at any point starts
// the move again from the copy, which the old tables still hold.
import Dexie from 'dexie';
import type { SavedRecord, SettingRecord, UserDatabase } from '../database.ts';

export const MOVED_FROM_COMBINED = '2026-12-03-user-database';

export interface UpgradeRecord {
  id: string;
  doneAt: number;
  savedPapers: number;
  settings: number;
}

interface UserRows {
  savedPapers: SavedRecord[];
  settings: SettingRecord[];
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
    savedPapers: await db.table<SavedRecord>('savedPapers').orderBy(':id').toArray(),
    settings: await db.table<SettingRecord>('settings').orderBy(':id').toArray(),
  }));
}

export async function moveUserData(user: UserDatabase, combinedName: string, now = Date.now()): Promise<void> {
  const done = await user.upgrades.get(MOVED_FROM_COMBINED);
  const combined = await openCombined(combinedName);
  if (!combined) {
    if (!done) await user.upgrades.put({ id: MOVED_FROM_COMBINED, doneAt: now, savedPapers: 0, settings: 0 });
    return;
  }
  try {
    if (!done) {
      const original = await readRows(combined);
      // One durable transaction: the copy is all there or not at all.
      await user.transaction('rw', [user.savedPapers, user.settings], async () => {
        await user.savedPapers.bulkPut(original.savedPapers);
        await user.settings.bulkPut(original.settings);
      });
      const copied = await readRows(user);
      if (!sameRows(original, copied)) throw new MoveNotVerified('The saved library could not be copied to its own database intact; it stays where it was.');
      await user.upgrades.put({ id: MOVED_FROM_COMBINED, doneAt: now, savedPapers: copied.savedPapers.length, settings: copied.settings.length });
    }
    // Only once the copy is durable and marked: the old rows go (a failure here leaves them for the next open).
    await combined
      .transaction('rw', ['savedPapers', 'settings'], async () => {
        await combined.table('savedPapers').clear();
        await combined.table('settings').clear();
      })
      .catch((error) => console.error('paperscope: the old copy of the library could not be emptied yet', error));
  } finally {
    combined.close();
  }
}
