import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { PaperscopeDatabase } from '../../src/db/database.ts';
import { CatalogueInstallError, installCatalogue, installedCatalogueMeta, loadInstalledCatalogue } from '../../src/db/catalogueStore.ts';
import { setSiteSwitch, siteSwitches } from '../../src/db/settings.ts';

const seed = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
let counter = 0;
const names: string[] = [];
const dbName = () => {
  const name = `test-${++counter}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function smallCatalogue() {
  const builder = new CatalogueBuilder({ source: 'small', withAbstracts: false });
  builder.add({ title: 'One', arxivId: '2101.00001' });
  builder.add({ title: 'Two', arxivId: '2101.00002' });
  builder.add({ title: 'Three', arxivId: '2101.00003' });
  return readCatalogue(builder.build());
}

const savedRecord = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity', authors: [], ref: { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity' }, tags: [], savedAt: 1 };

describe('catalogue store', () => {
  it('installs the seed and reads it back from its one packed record', async () => {
    const db = new PaperscopeDatabase(dbName());
    await installCatalogue(db, seed, 'bundled', 1000);
    expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
    const loaded = await loadInstalledCatalogue(db);
    expect(loaded?.lines('keys')).toEqual(seed.lines('keys'));
    expect(db.tables.map((t) => t.name).sort()).toEqual(['catalogueBlobs', 'catalogueMeta', 'catalogueTopics', 'savedPapers', 'settings']);
  });

  it('replacing the catalogue replaces catalogue tables only: saved papers and settings stay', async () => {
    const db = new PaperscopeDatabase(dbName());
    await installCatalogue(db, seed, 'bundled');
    await db.savedPapers.put(savedRecord);
    await setSiteSwitch(db, 'arxiv', false);
    const small = smallCatalogue();
    await installCatalogue(db, small, 'imported');
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(3);
    expect(await db.catalogueBlobs.count()).toBe(1);
    expect((await installedCatalogueMeta(db))?.origin).toBe('imported');
    expect(await db.savedPapers.get('arxiv:2104.07857')).toBeDefined();
    expect(await siteSwitches(db)).toEqual({ arxiv: false });
  });

  it('a failed install (a full disk) leaves the previous catalogue and the saved papers as they were, and says why', async () => {
    const db = new PaperscopeDatabase(dbName());
    await installCatalogue(db, seed, 'bundled');
    await db.savedPapers.put(savedRecord);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const put = db.catalogueBlobs.put.bind(db.catalogueBlobs);
    db.catalogueBlobs.put = (() => Promise.reject(quota)) as unknown as typeof db.catalogueBlobs.put;
    await expect(installCatalogue(db, smallCatalogue(), 'imported')).rejects.toThrow(/not enough free disk space/);
    await expect(installCatalogue(db, smallCatalogue(), 'imported')).rejects.toBeInstanceOf(CatalogueInstallError);
    db.catalogueBlobs.put = put;
    expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
    expect(await db.savedPapers.count()).toBe(1);
  });

  it('keeps every site on until the user switches it off', async () => {
    const db = new PaperscopeDatabase(dbName());
    expect(await siteSwitches(db)).toEqual({});
    expect(await setSiteSwitch(db, 'arxiv', false)).toEqual({ arxiv: false });
    expect(await setSiteSwitch(db, 'arxiv', true)).toEqual({ arxiv: true });
  });
});

describe('schema upgrades', () => {
  it('upgrades a v1 database (JSON catalogue) to the current one, keeping saved papers and settings', async () => {
    const name = dbName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ catalogueBlobs: 'name', catalogueMeta: 'id', cataloguePapers: 'key, arxivId, doi', savedPapers: 'key, savedAt', settings: 'key' });
    await v1.open();
    await v1.table('catalogueBlobs').put({ name: 'artifact', version: 'old', json: '{}' });
    await v1.table('catalogueMeta').put({ id: 'current', version: 'old', paperCount: 1, source: 'x', origin: 'bundled', installedAt: 1 });
    await v1.table('cataloguePapers').put({ key: 'title:x', title: 'X' });
    await v1.table('savedPapers').put(savedRecord);
    await v1.table('settings').put({ key: 'sitesEnabled', value: { arxiv: false } });
    v1.close();

    const db = new PaperscopeDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await installedCatalogueMeta(db)).toBeUndefined(); // so the worker installs the packed seed
    expect(db.backendDB().objectStoreNames.contains('cataloguePapers')).toBe(false);
    expect(await db.catalogueBlobs.count()).toBe(0);
    expect(await db.savedPapers.get(savedRecord.key)).toEqual(savedRecord);
    expect(await siteSwitches(db)).toEqual({ arxiv: false });
    await installCatalogue(db, seed, 'bundled');
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
    db.close();
  });

  it('upgrades a v3 database to the current one (taxonomy overlays, no per-paper table), keeping the catalogue, saved papers and settings', async () => {
    const name = dbName();
    const v3 = new Dexie(name);
    v3.version(3).stores({ catalogueMeta: 'id', catalogueBlobs: 'version', cataloguePapers: 'key, year', savedPapers: 'key, savedAt', settings: 'key' });
    await v3.open();
    await v3.table('catalogueBlobs').put({ version: seed.version, bytes: seed.bytes.slice().buffer });
    await v3.table('catalogueMeta').put({ id: 'current', version: seed.version, paperCount: 63, source: 'seed', origin: 'bundled', installedAt: 1 });
    await v3.table('savedPapers').put(savedRecord);
    await v3.table('settings').put({ key: 'sitesEnabled', value: { arxiv: false } });
    v3.close();

    const db = new PaperscopeDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.catalogueTopics.count()).toBe(0);
    expect(db.backendDB().objectStoreNames.contains('cataloguePapers')).toBe(false);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
    expect(await db.savedPapers.get(savedRecord.key)).toEqual(savedRecord);
    expect(await siteSwitches(db)).toEqual({ arxiv: false });
    db.close();
  });

  it('upgrades a v4 database to v5: the per-paper catalogue table goes; the catalogue, overlays, saved papers and settings stay', async () => {
    const name = dbName();
    const v4 = new Dexie(name);
    v4.version(4).stores({ catalogueMeta: 'id', catalogueBlobs: 'version', cataloguePapers: 'key, year', catalogueTopics: 'key', savedPapers: 'key, savedAt', settings: 'key' });
    await v4.open();
    await v4.table('catalogueBlobs').put({ version: seed.version, bytes: seed.bytes.slice().buffer });
    const meta = { id: 'current', version: seed.version, paperCount: 63, source: 'seed', origin: 'bundled', installedAt: 1 } as const;
    await v4.table('catalogueMeta').put({ ...meta, papersVersion: seed.version });
    const titles = seed.lines('titles');
    await v4.table('cataloguePapers').bulkAdd(seed.lines('keys').map((key, i) => ({ key, title: titles[i], authors: [], categories: seed.categoriesOf(i) })));
    expect(await v4.table('cataloguePapers').count()).toBe(63);
    const overlay = {
      key: `${seed.version}|r1`,
      catalogueVersion: seed.version,
      revision: 'r1',
      topicIds: ['ml'],
      perPaper: 1,
      ids: new ArrayBuffer(63),
      confidence: new ArrayBuffer(63),
      changed: 2,
      createdAt: 1,
    };
    await v4.table('catalogueTopics').put(overlay);
    const notes = { ...savedRecord, key: 'doi:10.1/x', ref: { key: 'doi:10.1/x', title: 'X' }, userTags: ['mine'], note: 'read later', read: true };
    await v4.table('savedPapers').bulkPut([savedRecord, notes]);
    await v4.table('settings').put({ key: 'sitesEnabled', value: { arxiv: false } });
    v4.close();

    const db = new PaperscopeDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.backendDB().objectStoreNames.contains('cataloguePapers')).toBe(false);
    expect(await installedCatalogueMeta(db)).toEqual(meta);
    expect((await loadInstalledCatalogue(db))?.lines('keys')).toEqual(seed.lines('keys'));
    expect(await db.catalogueTopics.get(overlay.key)).toEqual(overlay);
    expect(await db.savedPapers.toArray()).toEqual([savedRecord, notes]);
    expect(await siteSwitches(db)).toEqual({ arxiv: false });
    db.close();
  });
});
