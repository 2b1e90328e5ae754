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
    expect(db.verno).toBe(4);
    expect(await installedCatalogueMeta(db)).toBeUndefined(); // so the worker installs the packed seed
    expect(await db.catalogueBlobs.count()).toBe(0);
    expect(await db.savedPapers.get(savedRecord.key)).toEqual(savedRecord);
    expect(await siteSwitches(db)).toEqual({ arxiv: false });
    await installCatalogue(db, seed, 'bundled');
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
    db.close();
  });

  it('upgrades a v3 database to v4 (taxonomy overlays), keeping the catalogue, saved papers and settings', async () => {
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
    expect(db.verno).toBe(4);
    expect(await db.catalogueTopics.count()).toBe(0);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
    expect(await db.savedPapers.get(savedRecord.key)).toEqual(savedRecord);
    expect(await siteSwitches(db)).toEqual({ arxiv: false });
    db.close();
  });
});
