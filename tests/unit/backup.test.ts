// Backup and restore of the user's tables: a round trip loses nothing, a bad file changes nothing, catalogues are never touched.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, DERIVED_TABLES, exportBackup, parseBackup, restoreBackup, USER_TABLES } from '../../src/db/backup.ts';
import { installCatalogue, loadInstalledCatalogue } from '../../src/db/catalogueStore.ts';
import { CatalogueDatabase, UserDatabase, type SavedRecord } from '../../src/db/database.ts';
import { setSiteSwitch, siteSwitches } from '../../src/db/settings.ts';
import { recordScan } from '../../src/db/siteStats.ts';
import { firstSeenOf, recordSeen } from '../../src/db/seenStore.ts';

const seed = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
let counter = 0;
const opened: (UserDatabase | CatalogueDatabase)[] = [];
const freshDb = () => {
  const db = new UserDatabase(`backup-test-${++counter}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const SAVED: SavedRecord[] = [
  {
    key: 'arxiv:2104.07857',
    title: 'ZeRO-Infinity: Breaking the GPU Memory Wall',
    authors: ['Samyam Rajbhandari', 'Olatunji Ruwase'],
    url: 'https://arxiv.org/abs/2104.07857',
    ref: {
      key: 'arxiv:2104.07857',
      title: 'ZeRO-Infinity: Breaking the GPU Memory Wall',
      arxivId: '2104.07857',
      authors: ['Samyam Rajbhandari', 'Olatunji Ruwase'],
      categories: ['cs.DC'],
      abstract: 'Memory…',
    },
    tags: [
      { id: 'distributed-training', label: 'Distributed training', confidence: 0.82, terms: ['memory', 'gpu'], facet: 'topic' },
      { id: 'cs.DC', label: 'Distributed computing', confidence: 0.71, terms: [], facet: 'category', predicted: true, alsoLikely: ['Machine Learning'] },
    ],
    savedAt: 1_700_000_000_123,
    userTags: ['to read', 'systems'],
    note: 'Compare with FSDP.\nSee section 4.',
    read: true,
  },
  {
    key: 'doi:10.1038/s41586-021-03819-2',
    title: 'Highly accurate protein structure prediction with AlphaFold',
    authors: [],
    ref: { key: 'doi:10.1038/s41586-021-03819-2', title: 'Highly accurate protein structure prediction with AlphaFold', doi: '10.1038/s41586-021-03819-2' },
    tags: [],
    savedAt: 1_700_000_000_456,
    year: 2021,
    venue: 'Nature',
  },
];

async function fill(db: UserDatabase): Promise<void> {
  await db.savedPapers.bulkPut(SAVED);
  await setSiteSwitch(db, 'arxiv', false);
  await recordScan(db, 'huggingface', 'listing', 12, 1_700_000_000_000);
  await db.settings.put({ key: 'someFutureSetting', value: { nested: [1, 'two', null, { three: true }] } });
  await recordSeen(
    db,
    [
      {
        keys: ['arxiv:2401.00001', 'title:a paper seen on a listing page'],
        title: 'A paper seen on a listing page',
        site: 'arxiv',
        url: 'https://arxiv.org/list/cs/new',
        pageKind: 'listing',
      },
      {
        keys: ['doi:10.1000/seen'],
        title: 'Seen on Scholar',
        authors: ['A. B'],
        abstract: 'Shown there.',
        site: 'googlescholar',
        url: 'https://scholar.google.com/scholar?q=x',
        pageKind: 'listing',
      },
    ],
    1_700_000_000_999,
  );
}

async function userTables(db: UserDatabase) {
  return {
    savedPapers: await db.savedPapers.orderBy('key').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
    seenPapers: await db.seenPapers.toArray(),
  };
}

describe('backup', () => {
  it('holds every user table with a format marker and versions, and survives JSON', async () => {
    const db = freshDb();
    await fill(db);
    const backup = await exportBackup(db, 42);
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: db.verno, exportedAt: 42 });
    expect(Object.keys(backup.tables).sort()).toEqual([...USER_TABLES].sort());
    expect(backup.tables.savedPapers).toHaveLength(2);
    expect(backup.tables.settings.map((s) => s.key).sort()).toEqual(['siteStats', 'sitesEnabled', 'someFutureSetting']);
  });

  it('covers every table of the user database but its upgrade bookkeeping and derived tables (a new user table must be added to the backup)', () => {
    const db = freshDb();
    const derived: readonly string[] = DERIVED_TABLES;
    const tables = db.tables.map((t) => t.name).filter((name) => name !== 'upgrades' && !derived.includes(name));
    expect(tables.sort()).toEqual([...USER_TABLES].sort());
  });

  it('round trip: back up, wipe, restore into another database, and nothing is lost', async () => {
    const source = freshDb();
    await fill(source);
    const before = await userTables(source);
    const text = JSON.stringify(await exportBackup(source));

    const target = freshDb();
    await target.savedPapers.put({ ...SAVED[0]!, key: 'title:something else', ref: { key: 'title:something else', title: 'Something else' } });
    await setSiteSwitch(target, 'dblp', false);
    await recordSeen(target, [{ keys: ['arxiv:2501.99999'], title: 'Only in the target', site: 'arxiv', url: 'https://arxiv.org/abs/2501.99999', pageKind: 'paper' }], 5);
    expect(await restoreBackup(target, text)).toEqual({ savedPapers: 2, settings: 3, seenPapers: 2 });
    expect(await userTables(target)).toEqual(before);
    expect(await siteSwitches(target)).toEqual({ arxiv: false });
    // The key table is rebuilt from the seen papers: the backup's keys find them, the replaced paper's key is gone.
    expect(await target.seenKeys.orderBy('key').toArray()).toEqual(await source.seenKeys.orderBy('key').toArray());
    expect(await firstSeenOf(target, [['doi:10.1000/seen'], ['arxiv:2501.99999']])).toEqual([1_700_000_000_999, undefined]);

    // And again from the restored copy: still identical.
    const again = JSON.stringify(await exportBackup(target));
    const third = freshDb();
    await restoreBackup(third, again);
    expect(await userTables(third)).toEqual(before);
  });

  it('restoring never touches the catalogue database', async () => {
    const db = freshDb();
    const catalogueDb = new CatalogueDatabase(`backup-test-catalogue-${counter}`);
    opened.push(catalogueDb);
    await installCatalogue(catalogueDb, seed, 'bundled', 1000);
    const catalogueBefore = {
      sections: await catalogueDb.catalogueSections.toCollection().primaryKeys(),
      meta: await catalogueDb.catalogueMeta.toArray(),
    };
    const other = freshDb();
    await fill(other);
    await restoreBackup(db, JSON.stringify(await exportBackup(other)));
    expect(await catalogueDb.catalogueSections.toCollection().primaryKeys()).toEqual(catalogueBefore.sections);
    expect(await catalogueDb.catalogueMeta.toArray()).toEqual(catalogueBefore.meta);
    expect(await db.seenPapers.count()).toBe(2);
    expect((await loadInstalledCatalogue(catalogueDb))?.paperCount).toBe(63);
    expect(await db.savedPapers.count()).toBe(2);
  });
});

describe('a backup from before the seen store', () => {
  it('restores, and leaves the papers remembered as they are', async () => {
    const source = freshDb();
    await fill(source);
    const old = await exportBackup(source);
    delete old.tables.seenPapers;
    const target = freshDb();
    await recordSeen(target, [{ keys: ['arxiv:2501.99999'], title: 'Only in the target', site: 'arxiv', url: 'https://arxiv.org/abs/2501.99999', pageKind: 'paper' }], 5);
    expect(await restoreBackup(target, JSON.stringify(old))).toEqual({ savedPapers: 2, settings: 3 });
    expect((await target.seenPapers.toArray()).map((r) => r.key)).toEqual(['arxiv:2501.99999']);
  });

  it('refuses seen records that repeat an id', async () => {
    const source = freshDb();
    await fill(source);
    const backup = await exportBackup(source);
    backup.tables.seenPapers![1]!.id = backup.tables.seenPapers![0]!.id;
    await expect(restoreBackup(freshDb(), JSON.stringify(backup))).rejects.toThrow(/repeats the id/);
  });
});

describe('a bad backup', () => {
  async function expectRefused(input: unknown, message: RegExp) {
    const db = freshDb();
    await fill(db);
    const before = await userTables(db);
    const error = await restoreBackup(db, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/Nothing was restored/);
    expect(await userTables(db)).toEqual(before);
  }

  const good = () => ({ format: BACKUP_FORMAT, version: 1, schemaVersion: 3, exportedAt: 1, tables: { savedPapers: structuredClone(SAVED), settings: [] } });

  it('is refused with a clear message, and changes nothing', async () => {
    await expectRefused('{"format": "paperscope-backup", "tables": ', /not valid JSON/);
    await expectRefused('[]', /not a Paperscope backup/);
    await expectRefused(JSON.stringify({ ...good(), format: 'something-else' }), /not a Paperscope backup/);
    await expectRefused(JSON.stringify({ ...good(), version: 99 }), /newer Paperscope \(backup version 99/);
    await expectRefused(JSON.stringify({ ...good(), schemaVersion: 99 }), /newer Paperscope database/);
    await expectRefused(JSON.stringify({ ...good(), version: 'one' }), /no valid version/);
  });

  it('names the record and field that is wrong', async () => {
    const noTitle = good();
    delete (noTitle.tables.savedPapers[1] as Partial<SavedRecord>).title;
    await expectRefused(JSON.stringify(noTitle), /damaged: tables\.savedPapers\[1\]\.title should be a string/);

    const badTag = good();
    (badTag.tables.savedPapers[0]!.tags[0] as { facet: string }).facet = 'colour';
    await expectRefused(JSON.stringify(badTag), /tables\.savedPapers\[0\]\.tags\[0\]\.facet should be one of topic, category/);

    const unknownField = good();
    (unknownField.tables.savedPapers[0] as unknown as Record<string, unknown>).notes = 'mine';
    await expectRefused(JSON.stringify(unknownField), /savedPapers\[0\] has a field this version of Paperscope does not know: "notes"/);

    const badRead = good();
    (badRead.tables.savedPapers[0] as unknown as Record<string, unknown>).read = 'yes';
    await expectRefused(JSON.stringify(badRead), /tables\.savedPapers\[0\]\.read should be true or false/);

    const badRunnerUp = good();
    (badRunnerUp.tables.savedPapers[0]!.tags[1] as unknown as Record<string, unknown>).alsoLikely = [3];
    await expectRefused(JSON.stringify(badRunnerUp), /tables\.savedPapers\[0\]\.tags\[1\]\.alsoLikely\[0\] should be a string/);

    const badUserTag = good();
    (badUserTag.tables.savedPapers[0] as unknown as Record<string, unknown>).userTags = ['ok', 7];
    await expectRefused(JSON.stringify(badUserTag), /tables\.savedPapers\[0\]\.userTags\[1\] should be a string/);

    const repeated = good();
    repeated.tables.savedPapers.push(structuredClone(SAVED[0]!));
    await expectRefused(JSON.stringify(repeated), /savedPapers\[2\] repeats the key/);

    const noTables = { ...good(), tables: undefined };
    await expectRefused(JSON.stringify(noTables), /tables should be an object/);

    const badSetting = good();
    (badSetting.tables.settings as unknown[]).push({ key: 7, value: 1 });
    await expectRefused(JSON.stringify(badSetting), /tables\.settings\[0\]\.key should be a string/);
    // A time no Date can hold would leave the popup's Saved list unsortable.
    const farFuture = good();
    farFuture.tables.savedPapers[0]!.savedAt = 1e308;
    await expectRefused(JSON.stringify(farFuture), /tables\.savedPapers\[0\]\.savedAt should be a number in 0\.\.8640000000000000/);
  });

  it('a failure while writing rolls the whole restore back', async () => {
    const db = freshDb();
    await fill(db);
    const before = await userTables(db);
    const put = db.settings.bulkPut.bind(db.settings);
    db.settings.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.settings.bulkPut;
    await expect(restoreBackup(db, JSON.stringify(good()))).rejects.toThrow(/disk full/);
    db.settings.bulkPut = put;
    expect(await userTables(db)).toEqual(before);
  });

  it('parseBackup reads an object as well as text', () => {
    expect(parseBackup(good(), 3).tables.savedPapers).toHaveLength(2);
  });
});
