// The saved library's user fields: updateSaved (tags, note, read) on a real Dexie over fake-indexeddb, its request check, and search/filters.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import type { TopicTag } from '../../src/core/paper.ts';
import { CatalogueDatabase, UserDatabase } from '../../src/db/database.ts';
import { PAGES_TO_WORKER } from '../../src/messaging/protocol.ts';
import type { SavedPaper } from '../../src/messaging/shapes.ts';
import { allUserTags, filterOptions, NO_FILTERS, searchSaved } from '../../src/ui/popup/searchSaved.ts';

vi.mock('webextension-polyfill', async () => ({
  default: { tabs: { query: async () => [], sendMessage: async () => undefined }, i18n: (await import('./i18nStub.ts')).i18nStub },
}));
const { createHandlers } = await import('../../src/background/router.ts');
const { createServices } = await import('../../src/background/services.ts');
const { importLibrary, normaliseUserTags } = await import('../../src/background/libraryFiles.ts');

const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')))));

let counter = 0;
const opened: (UserDatabase | CatalogueDatabase)[] = [];
function setup() {
  const db = new UserDatabase(`saved-library-test-${++counter}`);
  const catalogueDb = new CatalogueDatabase(`saved-library-catalogue-${counter}`);
  opened.push(db, catalogueDb);
  const handlers = createHandlers(createServices(db, catalogueDb, { index: async () => index } as never)).pages;
  return { db, handlers };
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const attention = { key: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'] };
const zero = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall', authors: ['Samyam Rajbhandari'] };

describe('updateSaved', () => {
  it('sets tags, note and read mark; listSaved returns them; fields left out stay', async () => {
    const { handlers } = setup();
    await handlers.setSaved({ paper: attention, saved: true }, {});
    const tagged = await handlers.updateSaved({ key: attention.key, userTags: [' to  read ', 'Transformers', 'to read', 'TRANSFORMERS', ''] }, {});
    expect(tagged.userTags).toEqual(['to read', 'Transformers']);
    expect(tagged.read).toBeUndefined();
    const noted = await handlers.updateSaved({ key: attention.key, note: 'Read section 3.2\nagain', read: true }, {});
    expect(noted).toMatchObject({ key: attention.key, title: attention.title, userTags: ['to read', 'Transformers'], note: 'Read section 3.2\nagain', read: true });
    expect(noted.savedAt).toBeGreaterThan(0);
    const [listed] = await handlers.listSaved({}, {});
    expect(listed).toEqual(noted);

    // Clearing: empty tag list, blank note and read=false drop the fields.
    const cleared = await handlers.updateSaved({ key: attention.key, userTags: [], note: '  ', read: false }, {});
    expect(cleared.userTags).toBeUndefined();
    expect(cleared.note).toBeUndefined();
    expect(cleared.read).toBeUndefined();
  });

  it('refuses a paper that is not saved', async () => {
    const { handlers } = setup();
    await expect(handlers.updateSaved({ key: 'arxiv:nope', read: true }, {})).rejects.toThrow(/not in your library/);
  });

  it('keeps the user fields when the paper is saved again or merged by an import', async () => {
    const { db, handlers } = setup();
    await handlers.setSaved({ paper: attention, saved: true }, {});
    await handlers.updateSaved({ key: attention.key, userTags: ['classic'], note: 'mine', read: true }, {});
    await handlers.setSaved({ paper: attention, saved: true }, {});
    expect(await db.savedPapers.get(attention.key)).toMatchObject({ userTags: ['classic'], note: 'mine', read: true });
    await importLibrary(db, index, { papers: [{ ref: { ...attention, doi: '10.5555/3295222.3295349' }, year: 2017 }] });
    expect(await db.savedPapers.get(attention.key)).toMatchObject({ userTags: ['classic'], note: 'mine', read: true, year: 2017 });
    expect((await handlers.listSaved({}, {}))[0]!.year).toBe(2017);
  });

  it('checks requests: at most 50 tags of at most 60 characters, notes of at most 20,000', () => {
    const check = PAGES_TO_WORKER.updateSaved.check;
    expect(check({ key: 'k', userTags: ['a'], note: 'n', read: true, extra: 1 }, '')).toEqual({ key: 'k', userTags: ['a'], note: 'n', read: true });
    expect(check({ key: 'k', userTags: Array.from({ length: 50 }, (_, i) => `t${i}`) }, '').userTags).toHaveLength(50);
    expect(() => check({ key: 'k', userTags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, '')).toThrow(/userTags should be a list of at most 50/);
    expect(() => check({ key: 'k', userTags: ['x'.repeat(61)] }, '')).toThrow(/userTags\[0\] should be a string of at most 60/);
    expect(check({ key: 'k', note: 'x'.repeat(20_000) }, '').note).toHaveLength(20_000);
    expect(() => check({ key: 'k', note: 'x'.repeat(20_001) }, '')).toThrow(/note should be a string of at most 20000/);
    expect(() => check({ key: 'k', read: 'yes' }, '')).toThrow(/read should be true or false/);
    expect(() => check({ userTags: [] }, '')).toThrow(/key should be a string/);
  });

  it('normalises tags', () => {
    expect(normaliseUserTags(['  a\tb ', 'A B', 'c'])).toEqual(['a b', 'c']);
  });
});

describe('searchSaved', () => {
  const topic = (label: string): TopicTag => ({ id: label.toLowerCase(), label, confidence: 0.9, terms: [], facet: 'topic' });
  const papers: SavedPaper[] = [
    { ...attention, savedAt: 3, tags: [topic('Transformers')], userTags: ['classic'], year: 2017 },
    { ...zero, savedAt: 2, tags: [topic('Distributed training')], note: 'Compare with FSDP sharding', read: true, year: 2021 },
    { key: 'doi:10.1/x', title: 'Protein structure prediction', authors: ['John Jumper'], savedAt: 1, tags: [], userTags: ['Biology'] },
  ];
  const keys = (found: SavedPaper[]) => found.map((p) => p.key);

  it('finds by title with a typo, by prefix, by author, topic, user tag and note', () => {
    expect(keys(searchSaved(papers, { ...NO_FILTERS, query: 'atention' }))).toEqual([attention.key]);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, query: 'infin' }))).toEqual([zero.key]);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, query: 'vaswani' }))).toEqual([attention.key]);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, query: 'distributed' }))).toEqual([zero.key]);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, query: 'biology' }))).toEqual(['doi:10.1/x']);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, query: 'fsdp' }))).toEqual([zero.key]);
    expect(searchSaved(papers, { ...NO_FILTERS, query: 'quantum chromodynamics' })).toEqual([]);
  });

  it('keeps the given order without a query, and filters by tag, year and unread', () => {
    expect(keys(searchSaved(papers, NO_FILTERS))).toEqual(papers.map((p) => p.key));
    expect(keys(searchSaved(papers, { ...NO_FILTERS, tag: 'CLASSIC' }))).toEqual([attention.key]);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, tag: 'Distributed training' }))).toEqual([zero.key]);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, year: '2021' }))).toEqual([zero.key]);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, unreadOnly: true }))).toEqual([attention.key, 'doi:10.1/x']);
    expect(keys(searchSaved(papers, { ...NO_FILTERS, query: 'atention', unreadOnly: true, tag: 'Biology' }))).toEqual([]);
  });

  it('offers user tags, topics and years for the filters and autocomplete', () => {
    expect(allUserTags(papers)).toEqual(['Biology', 'classic']);
    expect(filterOptions(papers)).toEqual({ userTags: ['Biology', 'classic'], topics: ['Distributed training', 'Transformers'], years: [2021, 2017] });
  });
});
