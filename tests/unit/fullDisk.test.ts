// A full disk, as the worker answers it: a save, an edit, a restore or a library import that cannot be written is
// answered in words (never `ok`), changes nothing, and works again once space is back; large writes that would not fit
// are refused first, with the browser's figures.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { CatalogueDatabase, UserDatabase } from '../../src/db/database.ts';
import { closeFromBrowser, fullDiskIndexedDB, injectFaults, nextTask } from './storageFaults.ts';

const EXTENSION = 'chrome-extension://paperscope-test/';
vi.mock('webextension-polyfill', async () => ({
  default: {
    runtime: { id: 'paperscope-test', getURL: (path: string) => EXTENSION + path },
    tabs: { query: async () => [], sendMessage: async () => undefined },
    i18n: (await import('./i18nStub.ts')).i18nStub,
  },
}));
const { createHandlers, createRouter } = await import('../../src/background/router.ts');
const { createServices } = await import('../../src/background/services.ts');

const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')))));
const popup = { id: 'paperscope-test', url: `${EXTENSION}src/ui/popup/index.html` } as never;
const MB = 1024 * 1024;
const NO_SPACE = 'There is not enough free disk space to save this. Free some space and try again; nothing was changed.';

let counter = 0;
const opened: Dexie[] = [];
function worker(options = {}) {
  const user = new UserDatabase(`full-disk-${++counter}`, { combinedName: `full-disk-combined-${counter}`, ...options });
  const catalogueDb = new CatalogueDatabase(`full-disk-catalogue-${counter}`);
  opened.push(user, catalogueDb);
  const faults = injectFaults(user);
  const route = createRouter(createHandlers(createServices(user, catalogueDb, { index: async () => index } as never)));
  const ask = (type: string, request: unknown) => route({ type, request }, popup) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
  /** A backup's whole text, fetched in parts as the options page does. */
  const backupText = async () => {
    const { id, parts } = (await ask('backup', {})).value as { id: string; parts: number };
    let text = '';
    for (let index = 0; index < parts; index++) text += ((await ask('backupPart', { id, index })).value as { text: string }).text;
    return text;
  };
  /** A restore sent in parts as the options page sends it (one part: these backups are small). */
  const restore = async (text: string) => {
    const begun = await ask('restoreBegin', { chars: text.length, parts: 1 });
    if (!begun.ok) return begun;
    const { uploadId } = begun.value as { uploadId: string };
    const sent = await ask('restorePart', { uploadId, index: 0, text });
    return sent.ok ? ask('restore', { uploadId }) : sent;
  };
  return { user, faults, ask, backupText, restore };
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const paper = (n: number) => ({ key: `arxiv:2101.0000${n}`, title: `Paper ${n}`, authors: ['A. Author'] });
const savedKeys = async (ask: ReturnType<typeof worker>['ask']) => ((await ask('listSaved', {})).value as { key: string }[]).map((p) => p.key).sort();
/** The browser's figures for this extension: `free` bytes left. */
const diskWithFree = (free: number) => vi.stubGlobal('navigator', { ...globalThis.navigator, storage: { estimate: async () => ({ usage: 50 * MB, quota: 50 * MB + free }) } });

describe('a full disk', () => {
  it('a save that cannot be written answers an error in words, not ok; nothing is half saved; saving works again once space is back', async () => {
    const { faults, ask } = worker();
    expect((await ask('setSaved', { paper: paper(1), saved: true })).ok).toBe(true);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    faults.failWrites = () => true;
    expect(await ask('setSaved', { paper: paper(2), saved: true })).toEqual({ ok: false, error: NO_SPACE });
    expect(await ask('setSaved', { paper: paper(1), saved: false })).toEqual({ ok: false, error: NO_SPACE });
    expect(await ask('updateSaved', { key: paper(1).key, note: 'mine' })).toEqual({ ok: false, error: NO_SPACE });
    expect(await ask('setSiteEnabled', { siteId: 'arxiv', enabled: false })).toEqual({ ok: false, error: NO_SPACE });
    faults.failWrites = undefined;
    await nextTask();
    expect(await savedKeys(ask)).toEqual([paper(1).key]);
    expect((await ask('setSaved', { paper: paper(2), saved: true })).ok).toBe(true);
    expect(await savedKeys(ask)).toEqual([paper(1).key, paper(2).key]);
  });

  it('after the browser closed the database and could not open it again, the worker answers errors, then works once space is freed', async () => {
    const disk = fullDiskIndexedDB();
    const { user, ask } = worker({ indexedDB: disk.indexedDB });
    expect((await ask('setSaved', { paper: paper(1), saved: true })).ok).toBe(true);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    disk.state.full = true;
    closeFromBrowser(user);
    expect((await ask('setSaved', { paper: paper(2), saved: true })).ok).toBe(false);
    await nextTask();
    expect((await ask('listSaved', {})).ok).toBe(false);
    await nextTask();
    disk.state.full = false;
    expect((await ask('setSaved', { paper: paper(2), saved: true })).ok).toBe(true);
    expect(await savedKeys(ask)).toEqual([paper(1).key, paper(2).key]);
  });

  it('a restore that runs out of space half-way answers in words and leaves the library as it was', async () => {
    const { faults, ask, backupText, restore } = worker();
    await ask('setSaved', { paper: paper(1), saved: true });
    const backup = { text: await backupText() };
    await ask('setSaved', { paper: paper(2), saved: true });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The clear goes through; the new rows do not fit.
    faults.failWrites = (table, type) => table === 'savedPapers' && type === 'put';
    expect(await restore(backup.text)).toEqual({ ok: false, error: NO_SPACE });
    faults.failWrites = undefined;
    await nextTask();
    expect(await savedKeys(ask)).toEqual([paper(1).key, paper(2).key]);
    expect(await restore(backup.text)).toEqual({ ok: true, value: { savedPapers: 1, settings: 0, seenPapers: 0 } });
    expect(await savedKeys(ask)).toEqual([paper(1).key]);
  });

  it('refuses a restore, a library import and a save on a nearly full disk, with the figures, before writing anything', async () => {
    const { faults, ask, backupText, restore } = worker();
    await ask('setSaved', { paper: paper(1), saved: true });
    const backup = { text: await backupText() };
    const writes = { ...faults.writes };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    diskWithFree(1 * MB);
    const nearlyFull =
      'The disk is nearly full (only 1 MB free). Paperscope writes nothing while less than 8 MB is free, so that a full disk cannot damage your library. Free some space and try again; nothing was changed.';
    expect(await restore(backup.text)).toEqual({ ok: false, error: nearlyFull });
    const papers = Array.from({ length: 3 }, (_, i) => ({ ref: paper(i + 5) }));
    expect(await ask('importLibrary', { papers })).toEqual({ ok: false, error: nearlyFull });
    expect(await ask('setSaved', { paper: paper(4), saved: true })).toEqual({ ok: false, error: nearlyFull });
    // A large file is refused with what it needs.
    diskWithFree(20 * MB);
    const many = Array.from({ length: 3000 }, (_, i) => ({ ref: { ...paper(i + 10), abstract: 'word '.repeat(1000) } }));
    expect(await ask('importLibrary', { papers: many })).toEqual({
      ok: false,
      error: expect.stringMatching(/^This needs about \d+ MB of disk space and only 20 MB is free\. Free some space and try again; nothing was changed\.$/),
    });
    expect(faults.writes).toEqual(writes);
    expect(await savedKeys(ask)).toEqual([paper(1).key]);
    // With room, both go through.
    diskWithFree(500 * MB);
    expect((await ask('importLibrary', { papers })).ok).toBe(true);
    expect((await restore(backup.text)).ok).toBe(true);
  });
});
