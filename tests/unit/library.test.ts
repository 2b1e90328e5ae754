// The library as files: importing BibTeX and CSL-JSON into saved papers (all or nothing), and exporting them again.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLibrary, importLibrary } from '../../src/background/libraryFiles.ts';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { readReferenceFile, ReferenceFileError } from '../../src/core/citations/referenceImport.ts';
import { UserDatabase, type SavedRecord } from '../../src/db/database.ts';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/formats', name), 'utf8');
const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')))));

let counter = 0;
const opened: UserDatabase[] = [];
const freshDb = () => {
  const db = new UserDatabase(`library-test-${++counter}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const zotero = fixture('zotero.bib');

/** What the options page does: read the whole file, then have the worker save its papers. */
async function importFile(db: UserDatabase, format: 'bibtex' | 'csl-json', text: string, now?: number) {
  const file = readReferenceFile(format, text);
  const saved = await importLibrary(db, index, { papers: file.papers }, now);
  return { ...saved, merged: saved.merged + file.repeats, rejected: file.rejected };
}

describe('reading a reference file', () => {
  it('reads every good entry of a Zotero BibTeX file and says which entries it skipped, with their lines', () => {
    const file = readReferenceFile('bibtex', zotero);
    expect(file.papers.map((p) => p.ref.key)).toContain('arxiv:1706.03762');
    expect(file.papers.find((p) => p.ref.key === 'arxiv:1706.03762')?.ref.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    expect(file.rejected.length).toBeGreaterThan(0);
    expect(file.rejected.every((r) => /^line \d+: /.test(r))).toBe(true);
  });

  it('refuses a file of the other kind, or one with no readable paper, saying why', () => {
    expect(() => readReferenceFile('bibtex', fixture('zotero.csl.json'))).toThrow(/looks like CSL-JSON, not BibTeX/);
    expect(() => readReferenceFile('csl-json', zotero)).toThrow(/looks like BibTeX, not CSL-JSON/);
    expect(() => readReferenceFile('bibtex', 'just some words\nand more')).toThrow(ReferenceFileError);
    expect(() => readReferenceFile('bibtex', '@article{broken,\n  title = {never closes,\n')).toThrow(/No papers could be read from this BibTeX file \(line 1: /);
    expect(() => readReferenceFile('csl-json', '[{"title": "x", "type": ')).toThrow(/No papers could be read from this CSL-JSON file.*not valid JSON/);
  });
});

describe('importing into the library', () => {
  it('adds the papers of a file in one go, with tags, years and venues', async () => {
    const db = freshDb();
    const result = await importFile(db, 'bibtex', zotero, 1_000_000);
    const file = readReferenceFile('bibtex', zotero);
    expect(result.added).toBe(file.papers.length);
    expect(result.merged).toBe(0);
    expect(result.rejected).toEqual(file.rejected);
    expect(await db.savedPapers.count()).toBe(file.papers.length);
    const ddpm = (await db.savedPapers.get('arxiv:2006.11239'))!;
    expect(ddpm).toMatchObject({
      title: 'Denoising Diffusion Probabilistic Models',
      year: 2020,
      venue: 'Advances in Neural Information Processing Systems',
      authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
    });
    expect(ddpm.tags.length).toBeGreaterThan(0);
    // The file's first paper shows first in the newest-first lists.
    const newestFirst = await db.savedPapers.orderBy('savedAt').reverse().primaryKeys();
    expect(newestFirst).toEqual(file.papers.map((p) => p.ref.key));
  });

  it('merges papers already saved: what the library says wins, the file fills gaps', async () => {
    const db = freshDb();
    const mine: SavedRecord = {
      key: 'arxiv:1706.03762',
      title: 'Attention (my title)',
      authors: [],
      ref: { key: 'arxiv:1706.03762', title: 'Attention (my title)', arxivId: '1706.03762' },
      tags: [],
      savedAt: 5,
    };
    await db.savedPapers.put(mine);
    const result = await importFile(db, 'bibtex', zotero);
    expect(result.merged).toBe(1);
    const merged = (await db.savedPapers.get('arxiv:1706.03762'))!;
    expect(merged).toMatchObject({ title: 'Attention (my title)', savedAt: 5, authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], year: 2017 });
    expect(merged.ref.abstract).toMatch(/attention/);
  });

  it('a file with no readable paper changes nothing', async () => {
    const db = freshDb();
    await importFile(db, 'csl-json', fixture('zotero.csl.json'));
    const before = await db.savedPapers.toArray();
    await expect(importFile(db, 'bibtex', '@article{x,\n title = {unclosed\n')).rejects.toThrow(/Nothing was imported/);
    await expect(importFile(db, 'csl-json', fixture('invalid.csl.json'))).rejects.toThrow(ReferenceFileError);
    expect(await db.savedPapers.toArray()).toEqual(before);
  });

  it('saves all papers or none: a failure while writing leaves the library as it was', async () => {
    const db = freshDb();
    await importFile(db, 'csl-json', fixture('zotero.csl.json'));
    const before = await db.savedPapers.toArray();
    const put = db.savedPapers.bulkPut.bind(db.savedPapers);
    db.savedPapers.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.savedPapers.bulkPut;
    await expect(importFile(db, 'bibtex', zotero)).rejects.toThrow(/disk full/);
    db.savedPapers.bulkPut = put;
    expect(await db.savedPapers.toArray()).toEqual(before);
  });

  it('merges a paper given twice in one request', async () => {
    const db = freshDb();
    const ref = { key: 'arxiv:1706.03762', title: 'Attention Is All You Need', arxivId: '1706.03762' };
    const result = await importLibrary(db, index, { papers: [{ ref }, { ref: { ...ref, authors: ['Ashish Vaswani'] }, year: 2017 }] });
    expect(result).toMatchObject({ added: 1, merged: 1 });
    expect(await db.savedPapers.get(ref.key)).toMatchObject({ authors: ['Ashish Vaswani'], year: 2017 });
  });
});

describe('exporting the library', () => {
  it('exports all saved papers oldest first, or just the keys asked for, filling years from the catalogue', async () => {
    const db = freshDb();
    await importFile(db, 'bibtex', zotero);
    const all = await exportLibrary(db, index, { format: 'bibtex' });
    expect(all).toMatchObject({ filename: 'paperscope-library.bib', mime: 'application/x-bibtex', count: await db.savedPapers.count() });
    expect(all.text).toContain('eprint = {1706.03762}');
    const one = await exportLibrary(db, index, { format: 'ris', keys: ['arxiv:2006.11239', 'arxiv:0000.00000'] });
    expect(one.count).toBe(1);
    expect(one.text).toMatch(/^TI {2}- Denoising Diffusion Probabilistic Models$/m);
    expect(one.filename).toBe('paperscope-library.ris');
  });

  it('exports given papers, saved or not, in the order given, using the saved record where there is one', async () => {
    const db = freshDb();
    await importFile(db, 'bibtex', zotero);
    const unsaved = { key: 'arxiv:2401.99999', title: 'A Paper Nobody Saved', arxivId: '2401.99999', authors: ['Ada Lovelace'] };
    const file = await exportLibrary(db, index, { format: 'bibtex', papers: [unsaved, { key: 'arxiv:2006.11239', title: 'page title' }, unsaved] });
    expect(file).toMatchObject({ filename: 'paperscope-selection.bib', mime: 'application/x-bibtex', count: 2 });
    expect(file.text).toContain('title = {A {Paper} {Nobody} {Saved}}');
    expect(file.text).toContain('author = {Lovelace, Ada}');
    expect(file.text).toContain('eprint = {2401.99999}');
    expect(file.text).toContain('@inproceedings{Ho2020Denoising,'); // the saved record (with its venue), not the page's title
    expect(file.text).not.toContain('page title');
    expect(file.text.indexOf('2401.99999')).toBeLessThan(file.text.indexOf('Ho2020Denoising'));
    expect(await db.savedPapers.get(unsaved.key)).toBeUndefined();
  });

  it('round trip: export as BibTeX or CSL-JSON, import into an empty library, same papers', async () => {
    const db = freshDb();
    await importFile(db, 'bibtex', zotero);
    const keys = (await db.savedPapers.toCollection().primaryKeys()).sort();
    for (const format of ['bibtex', 'csl-json'] as const) {
      const { text } = await exportLibrary(db, index, { format });
      const other = freshDb();
      const result = await importFile(other, format, text);
      expect(result.rejected).toEqual([]);
      expect((await other.savedPapers.toCollection().primaryKeys()).sort()).toEqual(keys);
      for (const key of keys) {
        const [a, b] = [await db.savedPapers.get(key), await other.savedPapers.get(key)];
        expect(b?.authors, `${format} ${key}`).toEqual(a?.authors);
        expect(b?.ref.doi ?? b?.ref.arxivId, `${format} ${key}`).toBeDefined();
      }
    }
  });
});
