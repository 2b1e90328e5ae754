// The catalogue stored a section a record (src/db/catalogueSections.ts, catalogueStore.ts): read at wake only what
// matching needs, the rest on first use; installs that stop before their switch leave the old catalogue in use.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CatalogueError, readCatalogue, SectionNotLoaded, type CatalogueHeader } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { PAPER_SECTIONS, TEXT_SECTIONS, VECTOR_SECTIONS, wakeSections } from '../../src/core/catalogue/sectionGroups.ts';
import { HEADER_SECTION, joinChunks, recordBytes, SECTION_CHUNK_BYTES, sectionRecords } from '../../src/db/catalogueSections.ts';
import { CatalogueInstallError, INSTALL_STALE_MS, installCatalogue, installedCatalogueMeta, loadInstalledCatalogue, removeUnusedSections } from '../../src/db/catalogueStore.ts';
import { CatalogueDatabase } from '../../src/db/database.ts';
import { smallCatalogue, storedVersions } from './smallCatalogue.ts';

const seed = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
let counter = 0;
const opened: Dexie[] = [];
const names: string[] = [];
const freshDb = () => {
  const name = `sections-test-${++counter}`;
  names.push(name);
  const db = new CatalogueDatabase(name);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
  vi.restoreAllMocks();
});

describe('reading a stored catalogue a section at a time', () => {
  it('loads only the sections matching needs; the others throw until ensureSections, then read as the file does', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled', 1000);
    const loaded = (await loadInstalledCatalogue(db))!;
    const wake = wakeSections(seed.header);
    // Format 3: the key table and the papers' key checks its hits are confirmed by; not the records (65 bytes a paper).
    expect(wake).toEqual(expect.arrayContaining(['keysTable', 'keyChecks', 'topicIds', 'categoryIds', 'years']));
    expect(wake).not.toContain('texts');
    expect(wake).not.toContain('normTitlesTable');
    expect(wake).not.toContain('doisTable');
    expect(wake).not.toContain('vectors');
    for (const name of seed.sectionNames) expect(loaded.isLoaded(name), name).toBe(wake.includes(name));
    // Matching and tags answer from what is loaded.
    const key = seed.lineOf('keys', 5);
    expect(loaded.find('keys', key)).toEqual([5]);
    // The matched paper's key, as a match answer names it, without its record; a key one letter off matches nothing.
    expect(loaded.lineOf('keys', 5)).toBe(key);
    expect(loaded.find('keys', `${key.slice(0, -1)}${key.endsWith('1') ? '2' : '1'}`)).toEqual([]);
    expect(() => loaded.lineOf('keys', 6)).toThrow(SectionNotLoaded);
    expect(loaded.tagsOf(5)).toEqual(seed.tagsOf(5));
    // Whole papers and vectors are not read at wake: reading them is a clear error, not a wrong answer.
    expect(() => loaded.lines('titles')).toThrow(SectionNotLoaded);
    expect(() => loaded.paper(5)).toThrow(/"textOffsets" section is not loaded yet/);
    expect(() => loaded.vectorIds).toThrow(SectionNotLoaded);
    await loaded.ensureSections([...PAPER_SECTIONS, ...VECTOR_SECTIONS]);
    expect(Array.from({ length: seed.paperCount }, (_, i) => loaded.paper(i))).toEqual(Array.from({ length: seed.paperCount }, (_, i) => seed.paper(i)));
    expect(loaded.vectorIds).toEqual(seed.vectorIds);
    expect(loaded.idf).toEqual(seed.idf);
    expect(loaded.lines('terms')).toEqual(seed.lines('terms'));
    // Every section read: the content hash holds, as for the file.
    await loaded.ensureSections(loaded.sectionNames);
    expect(() => loaded.verify()).not.toThrow();
  });

  it('an index over it loads what a computation turns out to read (a cut title reads titles and authors), then answers as over the file', async () => {
    const db = freshDb();
    const builder = new CatalogueBuilder({ source: 'authors', withAbstracts: false });
    builder.add({ title: 'Attention is all you need for sequence transduction with transformers', authors: ['Ashish Vaswani', 'Noam Shazeer'], arxivId: '1706.03762' });
    builder.add({ title: 'Deep residual learning for image recognition', authors: ['Kaiming He'], doi: '10.1109/CVPR.2016.90' });
    builder.add({ title: 'Sequence to sequence learning with neural networks', authors: ['Ilya Sutskever'], arxivId: '1409.3215' });
    const file = readCatalogue(builder.build());
    await installCatalogue(db, file, 'imported', 1000);
    const index = new CatalogueIndex((await loadInstalledCatalogue(db))!);
    const whole = new CatalogueIndex(file);
    // A publisher's page names the DOI: the DOI lookup alone is read, on that first row.
    const byDoi = { key: 'page:2', title: 'Another wording', doi: '10.1109/cvpr.2016.90' };
    const resnet = file.find('dois', '10.1109/cvpr.2016.90')[0]!;
    expect(index.data.isLoaded('doisTable')).toBe(false);
    expect(() => index.matchIndex(byDoi)).toThrow(SectionNotLoaded);
    expect(await index.withSections(() => index.matchIndex(byDoi))).toBe(resnet);
    expect(index.data.isLoaded('words') || index.data.isLoaded('normTitlesTable')).toBe(false);
    // A listing that cuts the title and names the first author: matched by prefix, which reads titles and authors.
    const ref = { key: 'page:1', title: 'Attention is all you need for sequence …', authors: ['Ashish Vaswani'] };
    const expected = file.find('keys', 'arxiv:1706.03762')[0]!;
    expect(whole.matchIndex(ref)).toBe(expected);
    expect(() => index.matchIndex(ref)).toThrow(SectionNotLoaded);
    expect(await index.withSections(() => index.matchIndex(ref))).toBe(expected);
    expect(index.data.isLoaded('words') && index.data.isLoaded('texts')).toBe(true);
    expect(index.data.isLoaded('vectors')).toBe(false);
    // Related work reads the vectors: loaded by their group on first use.
    const query = file.paper(expected);
    const related = await index.withSections(() => index.relatedTo(query, 2).map((r) => r.paper.key));
    expect(related).toEqual(whole.relatedTo(query, 2).map((r) => r.paper.key));
    expect(index.data.isLoaded('vectors')).toBe(true);
  });

  it('a section damaged in the database is refused when it is loaded, naming it', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled', 1000);
    const record = (await db.catalogueSections.get([seed.version, 'vectorScales', 0]))!;
    await db.catalogueSections.put({ ...record, bytes: record.bytes.slice(0, recordBytes(record) - 4) });
    const loaded = (await loadInstalledCatalogue(db))!;
    const error = await loaded.ensureSections(VECTOR_SECTIONS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as Error).message).toMatch(/damaged: section "vectorScales" has \d+ entries, expected \d+/);
    expect(loaded.isLoaded('vectorScales')).toBe(false);
  });

  it('a large section is stored in chunks and joined back byte for byte', async () => {
    const big = new Uint8Array(2 * SECTION_CHUNK_BYTES + 12345).map((_, i) => i % 251);
    const header = { ...seed.header, sections: [{ name: 'big', offset: 0, byteLength: big.byteLength }] } as CatalogueHeader;
    const records = [...sectionRecords(header, () => big)];
    expect(records.map((r) => [r.section, r.chunk])).toEqual([
      [HEADER_SECTION, 0],
      ['big', 0],
      ['big', 1],
      ['big', 2],
    ]);
    // Each record holds its own bytes only, as a Blob.
    expect(records.slice(1).every((r) => r.bytes instanceof Blob)).toBe(true);
    expect(records.slice(1).map(recordBytes)).toEqual([SECTION_CHUNK_BYTES, SECTION_CHUNK_BYTES, 12345]);
    expect(Buffer.compare(await joinChunks(records.slice(1)), big)).toBe(0);
    // Records written before chunks were Blobs (ArrayBuffers) read back the same, alone or mixed with Blobs.
    const buffers = await Promise.all(records.slice(1).map(async (r) => ({ ...r, bytes: await (r.bytes as Blob).arrayBuffer() })));
    expect(Buffer.compare(await joinChunks(buffers), big)).toBe(0);
    expect(Buffer.compare(await joinChunks([buffers[0]!, records[2]!, buffers[2]!]), big)).toBe(0);
  });
});

describe('installing section by section', () => {
  it('writes in batches it reports, then switches; a cancel from the progress callback leaves the old catalogue and nothing of the new', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled', 1000);
    const small = smallCatalogue();
    const told: Array<[number, number]> = [];
    const cancelled = new Error('cancelled by the reader');
    const error = await installCatalogue(db, small, 'imported', 2000, undefined, (written, total) => {
      told.push([written, total]);
      throw cancelled;
    }).catch((e: unknown) => e);
    expect(error).toBe(cancelled);
    const total = small.header.sections.reduce((sum, info) => sum + info.byteLength, 0);
    expect(told).toEqual([[total, total]]);
    expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
    expect(await storedVersions(db)).toEqual([seed.version]);
    expect(await db.catalogueInstalls.count()).toBe(0);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
    // Not cancelled, the same install goes through, telling its progress up to the whole.
    told.length = 0;
    await installCatalogue(db, small, 'imported', 3000, undefined, (written, total) => told.push([written, total]));
    expect(told.at(-1)).toEqual([total, total]);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(3);
    expect(await storedVersions(db)).toEqual([small.version]);
  });

  it('an install whose sections were removed before its switch (by a worker waking meanwhile) fails and keeps the old catalogue', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled', 1000);
    const small = smallCatalogue();
    // Started from the last progress report, so it runs before the switch's own transaction.
    const error = await installCatalogue(db, small, 'imported', 2000, undefined, () => {
      void db.catalogueSections.where('version').equals(small.version).delete();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueInstallError);
    expect((error as Error).message).toMatch(/removed before the switch.*your current catalogue and saved papers are unchanged/);
    expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
  });

  it('an install stopped before its switch (worker or page stopped): the old catalogue is read; its sections stay while it may go on, then go', async () => {
    const db = freshDb();
    await installCatalogue(db, seed, 'bundled', 1000);
    const small = smallCatalogue();
    // What a stopped install leaves: its note and some of its records, no switch.
    const startedAt = Date.now();
    await db.catalogueInstalls.put({ version: small.version, startedAt });
    await db.catalogueSections.bulkPut([...sectionRecords(small.header, (name) => small.sectionBytes(name))].slice(0, 5));
    // A worker waking now reads the old catalogue, whole and matching.
    const loaded = (await loadInstalledCatalogue(db))!;
    expect(loaded.version).toBe(seed.version);
    const index = new CatalogueIndex(loaded);
    expect(index.matchIndex({ key: seed.lineOf('keys', 7), title: '' })).toBe(7);
    await loaded.ensureSections(loaded.sectionNames);
    expect(() => loaded.verify()).not.toThrow();
    // While the install may still be writing, its sections are left alone; once stale, they are removed.
    await removeUnusedSections(db, startedAt + 1000);
    expect(await storedVersions(db)).toEqual([seed.version, small.version].sort());
    await removeUnusedSections(db, startedAt + INSTALL_STALE_MS);
    expect(await storedVersions(db)).toEqual([seed.version]);
    expect(await db.catalogueInstalls.count()).toBe(0);
    expect((await loadInstalledCatalogue(db))?.paperCount).toBe(63);
  });
});

describe('the upgrade from one packed blob per version (v5) to sections (v6)', () => {
  it('splits every stored blob under its version, loses nothing, drops the blob table and an unreadable blob', async () => {
    const name = `sections-test-${++counter}`;
    names.push(name);
    const small = smallCatalogue();
    const old = new Dexie(name);
    old.version(5).stores({ catalogueBlobs: 'version', catalogueMeta: 'id', catalogueTopics: 'key', savedPapers: 'key, savedAt', settings: 'key' });
    await old.open();
    await old.table('catalogueBlobs').bulkPut([
      { version: seed.version, bytes: seed.bytes.slice().buffer },
      // An install that switched, whose replaced blob was not removed yet (a full disk).
      { version: small.version, bytes: small.bytes.slice().buffer },
      { version: 'torn', bytes: new Uint8Array([1, 2, 3]).buffer },
    ]);
    await old.table('catalogueMeta').put({ id: 'current', version: seed.version, paperCount: 63, source: 'seed', origin: 'bundled', installedAt: 1 });
    old.close();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = new CatalogueDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.backendDB().objectStoreNames.contains('catalogueBlobs')).toBe(false);
    expect(await storedVersions(db)).toEqual([seed.version, small.version].sort());
    const loaded = (await loadInstalledCatalogue(db))!;
    await loaded.ensureSections(loaded.sectionNames);
    expect(() => loaded.verify()).not.toThrow();
    expect(loaded.lines('titles')).toEqual(seed.lines('titles'));
    await removeUnusedSections(db);
    expect(await storedVersions(db)).toEqual([seed.version]);
  });
});

describe('section groups', () => {
  it('name sections the catalogue has, and a catalogue without abstracts is not asked for them', async () => {
    const db = freshDb();
    const small = smallCatalogue();
    await installCatalogue(db, small, 'imported', 1000);
    const loaded = (await loadInstalledCatalogue(db))!;
    expect(small.sectionNames).not.toContain('abstracts');
    await loaded.ensureSections([...PAPER_SECTIONS, ...TEXT_SECTIONS]);
    expect(loaded.paper(1).title).toBe('Two');
  });
});

describe('the worker side over a catalogue read from the database', () => {
  it('search loads titles and authors on its first query and answers as over the file', async () => {
    const { searchCatalogue } = await import('../../src/background/catalogueSearch.ts');
    const db = freshDb();
    const builder = new CatalogueBuilder({ source: 'search', withAbstracts: false });
    builder.add({ title: 'Attention is all you need', authors: ['Ashish Vaswani'], arxivId: '1706.03762', year: 2017 });
    builder.add({ title: 'Deep residual learning for image recognition', authors: ['Kaiming He'], arxivId: '1512.03385', year: 2015 });
    const file = readCatalogue(builder.build());
    await installCatalogue(db, file, 'imported', 1000);
    const stored = new CatalogueIndex((await loadInstalledCatalogue(db))!);
    expect(stored.data.isLoaded('titles')).toBe(false);
    const request = { query: 'atention', limit: 5 };
    const found = await searchCatalogue(stored, request, new Set());
    expect(found.results.map((r) => [r.key, r.title, r.authors])).toEqual([['arxiv:1706.03762', 'Attention is all you need', ['Ashish Vaswani']]]);
    expect(found).toMatchObject({ total: 1, paperCount: 2 });
    expect((await searchCatalogue(new CatalogueIndex(file), request, new Set())).results).toEqual(found.results);
  });
});
