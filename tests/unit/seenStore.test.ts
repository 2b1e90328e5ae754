// The seen store over fake-indexeddb: one record per paper across sites, the cap, forgetting, and the v6 → v7 upgrade.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_KEYS, type SeenObservation } from '../../src/core/seen/seenRecord.ts';
import { UserDatabase } from '../../src/db/database.ts';
import { restoreBackup, exportBackup } from '../../src/db/backup.ts';
import {
  evictOverCap,
  firstSeenOf,
  forgetAllSeen,
  forgetSeenPaper,
  forgetSeenSite,
  keyRowsOf,
  loadKeyFilter,
  recordSeen,
  recordSeenBatches,
  seenSettings,
  seenSummary,
  setSeenSettings,
} from '../../src/db/seenStore.ts';

let counter = 0;
const opened: UserDatabase[] = [];
const freshDb = (name = `seen-store-${++counter}`) => {
  const db = new UserDatabase(name, { combinedName: `${name}-combined` });
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const row = (keys: string[], site: string, extra: Partial<SeenObservation> = {}): SeenObservation => ({
  keys,
  title: `Paper ${keys[0]}`,
  site,
  url: `https://${site}.example/list`,
  pageKind: 'listing',
  ...extra,
});

/** The key table holds exactly each stored record's keys, with its id and first sighting. */
async function expectKeyTableInStep(db: UserDatabase): Promise<void> {
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  expect((await db.seenKeys.toArray()).sort(byKey)).toEqual(keyRowsOf(await db.seenPapers.toArray()).sort(byKey));
}

describe('recording', () => {
  it('one paper seen on arXiv, Hugging Face and Scholar is one record, found by any of its keys', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:2401.00001', 'title:attention is all you need again'], 'arxiv')], 1000);
    await recordSeen(db, [row(['arxiv:2401.00001'], 'huggingface', { abstract: 'A long abstract shown by Hugging Face.' })], 2000);
    await recordSeen(db, [row(['doi:10.1/x', 'title:attention is all you need again'], 'googlescholar', { authors: ['A', 'B'] })], 3000);
    const all = await db.seenPapers.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      key: 'arxiv:2401.00001',
      keys: ['arxiv:2401.00001', 'doi:10.1/x', 'title:attention is all you need again'],
      abstract: 'A long abstract shown by Hugging Face.',
      authors: ['A', 'B'],
      firstSeenAt: 1000,
      lastSeenAt: 3000,
      timesSeen: 3,
    });
    expect(all[0]!.sightings.map((s) => s.site)).toEqual(['googlescholar', 'huggingface', 'arxiv']);
    expect(await firstSeenOf(db, [['doi:10.1/x'], ['arxiv:2401.00001'], ['arxiv:2501.00002']])).toEqual([1000, 1000, undefined]);
  });

  it('a page that joins two stored records leaves one', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv'), row(['doi:10.1/y'], 'biorxiv')], 1000);
    expect(await db.seenPapers.count()).toBe(2);
    const { removed } = await recordSeen(db, [row(['arxiv:1', 'doi:10.1/y'], 'huggingface')], 2000);
    expect(removed).toHaveLength(1);
    const all = await db.seenPapers.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]!.keys).toEqual(['arxiv:1', 'doi:10.1/y']);
    expect(all[0]!.timesSeen).toBe(3);
    await expectKeyTableInStep(db);
  });

  it('the same paper twice in one batch is one record', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv'), row(['arxiv:1', 'title:x y z w'], 'arxiv')], 1000);
    expect(await db.seenPapers.count()).toBe(1);
    await expectKeyTableInStep(db);
  });

  it('requests gathered into one write merge in order, each at its own time', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv')], 500);
    const { added } = await recordSeenBatches(db, [
      { observations: [row(['arxiv:1', 'doi:10.1/a'], 'huggingface'), row(['arxiv:2'], 'huggingface')], now: 1000 },
      { observations: [row(['doi:10.1/a'], 'googlescholar'), row(['arxiv:2'], 'arxiv')], now: 2000 },
    ]);
    expect(added).toBe(1);
    const all = await db.seenPapers.orderBy('id').toArray();
    expect(all.map((r) => [r.key, r.firstSeenAt, r.lastSeenAt, r.timesSeen])).toEqual([
      ['arxiv:1', 500, 2000, 3],
      ['arxiv:2', 1000, 2000, 2],
    ]);
    expect(await firstSeenOf(db, [['doi:10.1/a'], ['arxiv:2', 'title:x y z w']])).toEqual([500, 1000]);
    await expectKeyTableInStep(db);
  });

  it('a merge that keeps at most MAX_KEYS keys drops the rows of the keys it let go', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['doi:10.1/a', 'doi:10.1/b', 'doi:10.1/c', 'doi:10.1/d'], 'biorxiv')], 1000);
    await recordSeen(db, [row(['doi:10.1/e', 'doi:10.1/f', 'doi:10.1/g', 'doi:10.1/h'], 'biorxiv')], 1000);
    // One paper joins both (and brings an arXiv id, ranked first): nine keys, one too many.
    await recordSeen(db, [row(['arxiv:1', 'doi:10.1/a', 'doi:10.1/e'], 'arxiv')], 2000);
    expect(await db.seenPapers.count()).toBe(1);
    expect(await db.seenKeys.count()).toBe(MAX_KEYS);
    await expectKeyTableInStep(db);
  });
});

describe('the cap', () => {
  it('over the cap, the papers seen longest ago go first, never a saved one', async () => {
    const db = freshDb();
    for (let i = 0; i < 120; i++) await recordSeen(db, [row([`arxiv:${i}`], 'arxiv')], 1000 + i);
    const saved = new Set(['arxiv:0', 'arxiv:1']);
    const evicted = await evictOverCap(db, 100, (keys) => keys.some((k) => saved.has(k)));
    expect(evicted).toHaveLength(21); // down to 99
    const left = new Set((await db.seenPapers.toArray()).map((r) => r.key));
    expect(left.size).toBe(99);
    expect(left.has('arxiv:0') && left.has('arxiv:1')).toBe(true);
    for (let i = 2; i < 23; i++) expect(left.has(`arxiv:${i}`)).toBe(false);
    expect(left.has('arxiv:23')).toBe(true);
    await expectKeyTableInStep(db);
    expect(await firstSeenOf(db, [['arxiv:2'], ['arxiv:0']])).toEqual([undefined, 1000]);
  });

  it('recording with a cap evicts as it goes', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 150 }, (_, i) => row([`arxiv:${i}`], 'arxiv'));
    await recordSeen(db, rows.slice(0, 100), 1000);
    await recordSeen(db, rows.slice(100), 2000, { cap: 100 });
    expect(await db.seenPapers.count()).toBe(99);
    expect(await db.seenPapers.where('lastSeenAt').equals(2000).count()).toBe(50);
  });
});

describe('forgetting', () => {
  it('one paper, by any of its keys', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1', 'doi:10.1/z'], 'arxiv'), row(['arxiv:2'], 'arxiv')], 1000);
    expect(await forgetSeenPaper(db, 'doi:10.1/z')).toBe(1);
    expect((await db.seenPapers.toArray()).map((r) => r.key)).toEqual(['arxiv:2']);
    expect(await firstSeenOf(db, [['arxiv:1'], ['doi:10.1/z'], ['arxiv:2']])).toEqual([undefined, undefined, 1000]);
    expect(await forgetSeenPaper(db, 'arxiv:1')).toBe(0);
    await expectKeyTableInStep(db);
  });

  it("a site: papers only it showed go, others keep the other sites' sightings", async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv'), row(['arxiv:2'], 'arxiv')], 1000);
    await recordSeen(db, [row(['arxiv:2'], 'huggingface'), row(['arxiv:3'], 'huggingface')], 2000);
    expect(await forgetSeenSite(db, 'arxiv')).toEqual({ forgotten: 1, kept: 1 });
    // Forgetting arXiv's sightings leaves arxiv:2 first seen when Hugging Face showed it.
    expect(await firstSeenOf(db, [['arxiv:1'], ['arxiv:2'], ['arxiv:3']])).toEqual([undefined, 2000, 2000]);
    await expectKeyTableInStep(db);
  });

  it("a site: the papers of another site's", async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv'), row(['arxiv:2'], 'arxiv')], 1000);
    await recordSeen(db, [row(['arxiv:2'], 'huggingface'), row(['arxiv:3'], 'huggingface')], 2000);
    expect(await forgetSeenSite(db, 'huggingface')).toEqual({ forgotten: 1, kept: 1 });
    const all = await db.seenPapers.orderBy('id').toArray();
    expect(all.map((r) => r.key)).toEqual(['arxiv:1', 'arxiv:2']);
    expect(all[1]).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 1000, timesSeen: 1 });
    expect(all.flatMap((r) => r.sightings.map((s) => s.site))).toEqual(['arxiv', 'arxiv']);
  });

  it('everything', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv')], 1000);
    await forgetAllSeen(db);
    expect(await seenSummary(db)).toEqual({ count: 0, bytes: 0 });
    expect(await db.seenKeys.count()).toBe(0);
  });
});

describe('settings and figures', () => {
  it('pause and cap are kept, the cap bounded', async () => {
    const db = freshDb();
    expect(await seenSettings(db)).toEqual({ paused: false, cap: 50_000 });
    expect(await setSeenSettings(db, { paused: true })).toEqual({ paused: true, cap: 50_000 });
    expect(await setSeenSettings(db, { cap: 5 })).toEqual({ paused: true, cap: 100 });
    expect(await seenSettings(db)).toEqual({ paused: true, cap: 100 });
  });

  it('the summary counts papers and estimates their bytes', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv', { abstract: 'x'.repeat(1000) }), row(['arxiv:2'], 'arxiv', { abstract: 'x'.repeat(1000) })], 1000);
    const { count, bytes } = await seenSummary(db);
    expect(count).toBe(2);
    expect(bytes).toBeGreaterThan(2000);
    expect(bytes).toBeLessThan(4000);
  });
});

describe('schema upgrade', () => {
  it('a v7 user database opens as v8 with its saved papers indexed by their own tags', async () => {
    const name = `seen-store-v7-${++counter}`;
    const v7 = new Dexie(name);
    v7.version(7).stores({ savedPapers: 'key, savedAt', settings: 'key', upgrades: 'id', seenPapers: '++id, lastSeenAt', seenKeys: 'key' });
    const saved = (key: string, userTags?: string[]) => ({ key, title: key, authors: [], ref: { key, title: key }, tags: [], savedAt: 1, ...(userTags ? { userTags } : {}) });
    await v7.table('savedPapers').bulkPut([saved('arxiv:1', ['thesis', 'to read']), saved('arxiv:2'), saved('arxiv:3', ['thesis'])]);
    v7.close();
    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect((await db.savedPapers.where('userTags').equals('thesis').primaryKeys()).sort()).toEqual(['arxiv:1', 'arxiv:3']);
    expect(await db.savedPapers.count()).toBe(3);
  });

  it('a v6 user database opens as v8 with its saved papers and settings, and an empty seen store', async () => {
    const name = `seen-store-v6-${++counter}`;
    const v6 = new Dexie(name);
    v6.version(6).stores({ savedPapers: 'key, savedAt', settings: 'key', upgrades: 'id' });
    await v6.table('savedPapers').put({ key: 'arxiv:1', title: 'Kept', authors: [], ref: { key: 'arxiv:1', title: 'Kept' }, tags: [], savedAt: 1 });
    await v6.table('settings').put({ key: 'sitesEnabled', value: { arxiv: false } });
    v6.close();
    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect((await db.savedPapers.toArray()).map((r) => r.title)).toEqual(['Kept']);
    expect((await db.settings.get('sitesEnabled'))?.value).toEqual({ arxiv: false });
    expect(await db.seenPapers.count()).toBe(0);
    expect(await db.seenKeys.count()).toBe(0);
    await recordSeen(db, [row(['arxiv:1'], 'arxiv')], 1000);
    expect(await db.seenPapers.count()).toBe(1);
    expect(await firstSeenOf(db, [['arxiv:1']])).toEqual([1000]);
  });
});

describe('the seen key filter', () => {
  it('a v7 store without a filter gets one built from its keys, and later writes join it in the same transaction', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1', 'doi:10.1/a'], 'arxiv'), row(['arxiv:2'], 'arxiv')], 1000);
    expect(await db.seenFilter.count()).toBe(0); // written without a filter: none stored
    const filter = await loadKeyFilter(db);
    for (const key of ['arxiv:1', 'doi:10.1/a', 'arxiv:2']) expect(filter.mayHave(key)).toBe(true);
    expect(filter.mayHave('arxiv:3')).toBe(false);
    expect(await db.seenFilter.count()).toBe(1);

    await recordSeenBatches(db, [{ observations: [row(['arxiv:3'], 'huggingface')], now: 2000 }], { filter });
    expect(filter.mayHave('arxiv:3')).toBe(true);
    expect((await loadKeyFilter(db)).mayHave('arxiv:3')).toBe(true);
    // A filtered lookup still finds every stored paper, and answers never-seen ones without them.
    expect(await firstSeenOf(db, [['arxiv:1'], ['doi:10.1/a'], ['arxiv:3'], ['arxiv:4']], filter)).toEqual([1000, 1000, 2000, undefined]);

    // A write that does not carry the filter drops it: it is built again, with the new key, on next load.
    await recordSeen(db, [row(['arxiv:5'], 'arxiv')], 3000);
    expect(await db.seenFilter.count()).toBe(0);
    expect((await loadKeyFilter(db)).mayHave('arxiv:5')).toBe(true);
  });

  it('forgetting everything empties it; a restore drops it and it is built from the restored keys', async () => {
    const db = freshDb();
    await recordSeen(db, [row(['arxiv:1'], 'arxiv')], 1000);
    const backup = JSON.stringify(await exportBackup(db));
    await loadKeyFilter(db);
    await forgetAllSeen(db);
    expect(await db.seenFilter.count()).toBe(0);
    expect((await loadKeyFilter(db)).mayHave('arxiv:1')).toBe(false);

    await recordSeenBatches(db, [{ observations: [row(['arxiv:9'], 'arxiv')], now: 5 }], { filter: await loadKeyFilter(db) });
    await restoreBackup(db, backup, async () => ({ quota: 1e12, usage: 0 }));
    expect(await db.seenFilter.count()).toBe(0);
    const rebuilt = await loadKeyFilter(db);
    expect(rebuilt.mayHave('arxiv:1')).toBe(true);
    expect(rebuilt.mayHave('arxiv:9')).toBe(false);
  });
});
