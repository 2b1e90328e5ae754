import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalogue, type CatalogueArtifact } from '../../src/core/catalogue.ts';
import { PaperscopeDatabase } from '../../src/db/database.ts';
import { installCatalogue, installedCatalogueMeta, loadInstalledCatalogue } from '../../src/db/catalogueStore.ts';
import { setSiteSwitch, siteSwitches } from '../../src/db/settings.ts';

const seed = checkCatalogue(JSON.parse(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.json'), 'utf8')));
let counter = 0;
const dbs: PaperscopeDatabase[] = [];
const freshDb = () => {
  const db = new PaperscopeDatabase(`test-${++counter}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function smallerCatalogue(): CatalogueArtifact {
  const papers = seed.papers.slice(0, 3);
  return { ...seed, version: 'other-version', paperCount: papers.length, papers };
}

describe('catalogue store', () => {
  it('installs the seed and reads it back from its packed record', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled', 1000);
    expect(await db.cataloguePapers.count()).toBe(63);
    expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
    const loaded = await loadInstalledCatalogue(db);
    expect(loaded?.papers.map((p) => p.key)).toEqual(seed.papers.map((p) => p.key));
  });

  it('replacing the catalogue replaces catalogue tables only: saved papers and settings stay', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled');
    await db.savedPapers.put({ key: 'arxiv:2104.07857', title: 'ZeRO-Infinity', authors: [], ref: { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity' }, tags: [], savedAt: 1 });
    await setSiteSwitch(db, 'arxiv', false);
    await installCatalogue(db, smallerCatalogue(), 'imported');
    expect(await db.cataloguePapers.count()).toBe(3);
    expect((await installedCatalogueMeta(db))?.origin).toBe('imported');
    expect(await db.savedPapers.get('arxiv:2104.07857')).toBeDefined();
    expect(await siteSwitches(db)).toEqual({ arxiv: false });
  });

  it('a failed install leaves the previous catalogue as it was', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled');
    const broken = { ...smallerCatalogue(), papers: [{ ...seed.papers[0]!, key: undefined as unknown as string }] };
    await expect(installCatalogue(db, broken, 'imported')).rejects.toThrow();
    expect(await db.cataloguePapers.count()).toBe(63);
    expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
  });

  it('keeps every site on until the user switches it off', async () => {
    const db = freshDb();
    expect(await siteSwitches(db)).toEqual({});
    expect(await setSiteSwitch(db, 'arxiv', false)).toEqual({ arxiv: false });
    expect(await setSiteSwitch(db, 'arxiv', true)).toEqual({ arxiv: true });
  });
});
