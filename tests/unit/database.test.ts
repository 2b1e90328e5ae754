import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueDatabase, type SavedRecord, UserDatabase } from '../../src/db/database.ts';
import { CatalogueInstallError, installCatalogue, installedCatalogueMeta, loadInstalledCatalogue } from '../../src/db/catalogueStore.ts';
import { setSiteSwitch, siteSwitches } from '../../src/db/settings.ts';
import { MOVED_FROM_COMBINED } from '../../src/db/upgrades/2026-12-03-user-database.ts';
import { closeFromBrowser, fullDiskIndexedDB, injectFaults, nextTask } from './storageFaults.ts';
import { smallCatalogue, storedVersions } from './smallCatalogue.ts';

const seed = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
let counter = 0;
const names: string[] = [];
const opened: Dexie[] = [];
const dbName = () => {
  const name = `test-${++counter}`;
  names.push(name, `${name}-user`);
  return name;
};
const catalogueDb = (name = dbName(), options = {}) => {
  const db = new CatalogueDatabase(name, options);
  opened.push(db);
  return db;
};
/** The user's database beside the combined (catalogue) database `combinedName`, as the worker opens it. */
const userDb = (combinedName = dbName(), options = {}) => {
  const db = new UserDatabase(`${combinedName}-user`, { combinedName, ...options });
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
  vi.restoreAllMocks();
});

const savedRecord: SavedRecord = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity', authors: [], ref: { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity' }, tags: [], savedAt: 1 };
const noted: SavedRecord = { ...savedRecord, key: 'doi:10.1/x', ref: { key: 'doi:10.1/x', title: 'X' }, userTags: ['mine'], note: 'read later', read: true };
const MB = 1024 * 1024;

describe('catalogue store', () => {
  it('installs the seed and reads it back from its section records; the catalogue database holds catalogue tables only', async () => {
    const db = catalogueDb();
    await installCatalogue(db, seed, 'bundled', 1000);
    expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
    const loaded = await loadInstalledCatalogue(db);
    await loaded?.ensureSections(loaded.sectionNames);
    expect(loaded?.lines('keys')).toEqual(seed.lines('keys'));
    expect(await storedVersions(db)).toEqual([seed.version]);
    expect(await db.catalogueSections.count()).toBe(seed.sectionNames.length + 1); // one record a section, and the header
    const user = userDb(db.name);
    await user.open();
    expect(user.tables.map((t) => t.name).sort()).toEqual(['savedPapers', 'seenFilter', 'seenKeys', 'seenPapers', 'settings', 'upgrades']);
  });

  it('replacing the catalogue replaces catalogue tables only: saved papers and settings stay', async () => {
    const db = catalogueDb();
    const user = userDb(db.name);
    await installCatalogue(db, seed, 'bundled');
    await user.savedPapers.put(savedRecord);
    await setSiteSwitch(user, 'arxiv', false);
    await installCatalogue(db, smallCatalogue(), 'imported');
    const small = await loadInstalledCatalogue(db);
    expect(small?.paperCount).toBe(3);
    expect(await storedVersions(db)).toEqual([small?.version]);
    expect((await installedCatalogueMeta(db))?.origin).toBe('imported');
    expect(await user.savedPapers.get(savedRecord.key)).toEqual(savedRecord);
    expect(await siteSwitches(user)).toEqual({ arxiv: false });
  });

  it('losing the whole catalogue database loses no saved paper, note or setting', async () => {
    const db = catalogueDb();
    const user = userDb(db.name);
    await installCatalogue(db, seed, 'bundled');
    await user.savedPapers.bulkPut([savedRecord, noted]);
    await setSiteSwitch(user, 'arxiv', false);
    db.close();
    await Dexie.delete(db.name);
    expect(await user.savedPapers.toArray()).toEqual([savedRecord, noted]);
    expect(await siteSwitches(user)).toEqual({ arxiv: false });
  });

  it('a full disk at any step before the switch leaves the previous catalogue in use and says so; nothing is left behind', async () => {
    for (const step of ['sections', 'switch'] as const) {
      const db = catalogueDb();
      const faults = injectFaults(db);
      await installCatalogue(db, seed, 'bundled');
      faults.failWrites = (table) => (step === 'sections' ? table === 'catalogueSections' : table === 'catalogueMeta');
      const error = await installCatalogue(db, smallCatalogue(), 'imported').catch((e: unknown) => e);
      expect(error, step).toBeInstanceOf(CatalogueInstallError);
      expect((error as Error).message).toMatch(/not enough free disk space.*your current catalogue and saved papers are unchanged/);
      faults.failWrites = undefined;
      await nextTask();
      expect((await installedCatalogueMeta(db))?.version, step).toBe(seed.version);
      expect((await loadInstalledCatalogue(db))?.paperCount, step).toBe(63);
      expect(await storedVersions(db), step).toEqual([seed.version]);
      expect(await db.catalogueInstalls.count(), step).toBe(0);
    }
  });

  it('a failure after the switch (removing the old catalogue) is no failure: the new catalogue is in use and said to be', async () => {
    const db = catalogueDb();
    const faults = injectFaults(db);
    await installCatalogue(db, seed, 'bundled');
    faults.failWrites = (table, type) => table === 'catalogueSections' && type !== 'put';
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const small = smallCatalogue();
    const meta = await installCatalogue(db, small, 'imported');
    expect(meta.version).toBe(small.version);
    expect((await installedCatalogueMeta(db))?.version).toBe(small.version);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(3);
  });

  it('refuses a catalogue that would not fit, with the figures, before writing anything', async () => {
    const db = catalogueDb();
    const faults = injectFaults(db);
    await installCatalogue(db, seed, 'bundled');
    const writes = { ...faults.writes };
    const tight = async () => ({ usage: 100 * MB, quota: 100 * MB + seed.bytes.byteLength });
    const error = await installCatalogue(db, seed, 'imported', 1, tight).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueInstallError);
    expect((error as CatalogueInstallError).failure).toMatchObject({ code: 'noSpace', free: seed.bytes.byteLength });
    expect((error as Error).message).toMatch(/needs about [\d.]+ MB of disk space and only [\d.]+ MB is free.*unchanged/);
    expect(faults.writes).toEqual(writes);
    expect((await installedCatalogueMeta(db))?.origin).toBe('bundled');
    // With room, the same install goes through.
    const roomy = async () => ({ usage: 0, quota: 1000 * MB });
    expect((await installCatalogue(db, smallCatalogue(), 'imported', 1, roomy)).paperCount).toBe(3);
  });

  it('keeps every site on until the user switches it off', async () => {
    const db = userDb();
    expect(await siteSwitches(db)).toEqual({});
    expect(await setSiteSwitch(db, 'arxiv', false)).toEqual({ arxiv: false });
    expect(await setSiteSwitch(db, 'arxiv', true)).toEqual({ arxiv: true });
  });
});

describe('durable writes and reopening', () => {
  it('writes the user database and the catalogue switch with strict durability: a write that answered is on disk', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const user = userDb();
    await setSiteSwitch(user, 'arxiv', false);
    await user.savedPapers.put(savedRecord);
    const db = catalogueDb();
    await installCatalogue(db, seed, 'bundled');
    const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const [, , options] of writes) expect(options).toMatchObject({ durability: 'strict' });
  });

  it('after the browser closed the database and could not open it again (a full disk), the next operation opens it once space is back', async () => {
    const disk = fullDiskIndexedDB();
    const name = dbName();
    const user = userDb(name, { indexedDB: disk.indexedDB });
    await user.savedPapers.put(savedRecord);
    disk.state.full = true;
    closeFromBrowser(user);
    await expect(user.savedPapers.put(noted)).rejects.toThrow();
    await nextTask();
    await expect(user.savedPapers.count()).rejects.toThrow();
    await nextTask();
    disk.state.full = false;
    await user.savedPapers.put(noted);
    expect(await user.savedPapers.toArray()).toEqual([savedRecord, noted]);
  });

  it('a write refused for space does not leave the database refusing everything after', async () => {
    const user = userDb();
    const faults = injectFaults(user);
    await user.savedPapers.put(savedRecord);
    faults.failWrites = () => true;
    await expect(user.savedPapers.put(noted)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    faults.failWrites = undefined;
    await nextTask();
    await user.savedPapers.put(noted);
    expect(await user.savedPapers.count()).toBe(2);
  });
});

/** A combined database as an older Paperscope left it, with a saved library in it. */
async function olderDatabase(version: 1 | 3 | 4 | 5): Promise<string> {
  const name = dbName();
  const old = new Dexie(name);
  const stores: Record<string, string> = { catalogueMeta: 'id', savedPapers: 'key, savedAt', settings: 'key' };
  if (version === 1) Object.assign(stores, { catalogueBlobs: 'name', cataloguePapers: 'key, arxivId, doi' });
  else stores.catalogueBlobs = 'version';
  if (version === 3 || version === 4) stores.cataloguePapers = 'key, year';
  if (version >= 4) stores.catalogueTopics = 'key';
  old.version(version).stores(stores);
  await old.open();
  if (version === 1) {
    await old.table('catalogueBlobs').put({ name: 'artifact', version: 'old', json: '{}' });
    await old.table('catalogueMeta').put({ id: 'current', version: 'old', paperCount: 1, source: 'x', origin: 'bundled', installedAt: 1 });
  } else {
    await old.table('catalogueBlobs').put({ version: seed.version, bytes: seed.bytes.slice().buffer });
    await old.table('catalogueMeta').put({ id: 'current', version: seed.version, paperCount: 63, source: 'seed', origin: 'bundled', installedAt: 1 });
  }
  await old.table('savedPapers').bulkPut([savedRecord, noted]);
  await old.table('settings').bulkPut([
    { key: 'sitesEnabled', value: { arxiv: false } },
    { key: 'taxonomyEdits', value: { edits: [], revision: 2, updatedAt: 5 } },
  ]);
  old.close();
  return name;
}

const oldRows = async (name: string) => {
  const old = new Dexie(name);
  await old.open();
  const rows = { savedPapers: await old.table('savedPapers').count(), settings: await old.table('settings').count() };
  old.close();
  return rows;
};

describe('schema upgrades: the user data moves to its own database', () => {
  for (const version of [1, 3, 4, 5] as const) {
    it(`from a v${version} combined database: saved papers, notes and settings move; the catalogue stays; the old rows go after`, async () => {
      const name = await olderDatabase(version);
      const user = userDb(name);
      await user.open();
      expect(user.verno).toBe(8);
      expect(await user.savedPapers.toArray()).toEqual([savedRecord, noted]);
      expect(await siteSwitches(user)).toEqual({ arxiv: false });
      expect((await user.settings.get('taxonomyEdits'))?.value).toEqual({ edits: [], revision: 2, updatedAt: 5 });
      expect(await user.upgrades.get(MOVED_FROM_COMBINED)).toMatchObject({ savedPapers: 2, settings: 2, emptiedAt: expect.any(Number) });
      expect(await oldRows(name)).toEqual({ savedPapers: 0, settings: 0 });

      const db = catalogueDb(name);
      await db.open();
      expect(db.verno).toBe(6);
      expect(db.backendDB().objectStoreNames.contains('cataloguePapers')).toBe(false);
      if (version === 1) {
        expect(await installedCatalogueMeta(db)).toBeUndefined(); // so the worker installs the packed seed
        await installCatalogue(db, seed, 'bundled');
      }
      expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
      // Opened again (a new worker): the move is not redone, the library is as the user left it.
      await user.savedPapers.delete(noted.key);
      user.close();
      const again = userDb(name);
      expect(await again.savedPapers.toArray()).toEqual([savedRecord]);
    });
  }

  it('once the move is over, opening the user database (every wake of the worker) does not touch the combined one', async () => {
    const name = await olderDatabase(5);
    const first = userDb(name);
    await first.open();
    first.close();
    const exists = vi.spyOn(Dexie, 'exists');
    const again = userDb(name);
    expect(await again.savedPapers.toArray()).toEqual([savedRecord, noted]);
    expect(exists).not.toHaveBeenCalled();
    exists.mockRestore();
  });

  it('the catalogue database upgraded first (the options page’s import worker) loses no user data', async () => {
    const name = await olderDatabase(3);
    const db = catalogueDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    db.close();
    const user = userDb(name);
    expect(await user.savedPapers.toArray()).toEqual([savedRecord, noted]);
  });

  it('a full disk during the copy moves nothing and deletes nothing; the next open, with space, moves it all', async () => {
    const name = await olderDatabase(4);
    const user = userDb(name);
    const faults = injectFaults(user);
    faults.failWrites = (table) => table === 'settings';
    await expect(user.open()).rejects.toThrow();
    expect(await oldRows(name)).toEqual({ savedPapers: 2, settings: 2 });
    faults.failWrites = undefined;
    await nextTask();
    expect(await user.savedPapers.toArray()).toEqual([savedRecord, noted]);
    expect(await oldRows(name)).toEqual({ savedPapers: 0, settings: 0 });
  });

  it('stopped after the copy and before it was marked done (a killed worker): the old rows stay, and the next open finishes', async () => {
    const name = await olderDatabase(5);
    const user = userDb(name);
    const faults = injectFaults(user);
    faults.failWrites = (table) => table === 'upgrades';
    await expect(user.open()).rejects.toThrow();
    expect(await oldRows(name)).toEqual({ savedPapers: 2, settings: 2 });
    user.close();
    const next = userDb(name);
    expect(await next.savedPapers.toArray()).toEqual([savedRecord, noted]);
    expect(await next.upgrades.get(MOVED_FROM_COMBINED)).toBeDefined();
    expect(await oldRows(name)).toEqual({ savedPapers: 0, settings: 0 });
  });

  it('a copy that does not read back the same is not marked done, and the old rows are kept', async () => {
    const name = await olderDatabase(5);
    const user = userDb(name);
    const faults = injectFaults(user);
    // A copy that silently loses a row.
    faults.alterWrite = (table, request) =>
      table === 'savedPapers' && request.type === 'put' ? { ...request, values: request.values.slice(1), keys: request.keys?.slice(1) } : request;
    await expect(user.open()).rejects.toThrow(/could not be copied/);
    expect(await oldRows(name)).toEqual({ savedPapers: 2, settings: 2 });
  });
});
