// Backups in parts: cutting a text into bounded parts and putting it back, the worker's transfers (unknown, expired,
// out of order, oversized, over the limit), and a restore in parts through the real handlers that changes nothing
// until every part has come.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupTransfers, TRANSFER_EXPIRY_MS } from '../../src/background/backupTransfers.ts';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { partEnds, PartsError, TextAssembly, textParts } from '../../src/core/textParts.ts';
import { CatalogueDatabase, UserDatabase } from '../../src/db/database.ts';
import type { SavedPaper } from '../../src/messaging/shapes.ts';
import { PAGES_TO_WORKER } from '../../src/messaging/protocol.ts';
import { LIMITS } from '../../src/messaging/shapes.ts';

vi.mock('webextension-polyfill', async () => ({
  default: { tabs: { query: async () => [], sendMessage: async () => undefined }, i18n: (await import('./i18nStub.ts')).i18nStub },
}));
const { createHandlers } = await import('../../src/background/router.ts');
const { createServices } = await import('../../src/background/services.ts');

describe('cutting a text into parts', () => {
  it('gives parts of at most the bound that join back to the text', () => {
    const text = 'abcdefghij'.repeat(101);
    const parts = textParts(text, 64);
    expect(parts.length).toBe(Math.ceil(text.length / 64));
    expect(parts.every((p) => p.length <= 64)).toBe(true);
    expect(parts.join('')).toBe(text);
    expect(textParts('', 64)).toEqual(['']);
  });

  it('never cuts a character outside the basic plane in two', () => {
    const text = `a${'😀'.repeat(50)}`;
    const parts = textParts(text, 4);
    expect(parts.join('')).toBe(text);
    // No part starts with the low half or ends with the high half of a pair.
    for (const part of parts) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(part), JSON.stringify(part)).toBe(false);
    expect(partEnds('😀😀', 3)).toEqual([2, 4]);
  });
});

describe('putting parts together', () => {
  const whole = 'x'.repeat(25);
  const parts = textParts(whole, 10);

  it('gives the text back once every part has come, in order', () => {
    const assembly = new TextAssembly(whole.length, parts.length, 10);
    for (const [i, part] of parts.entries()) assembly.add(i, part);
    expect(assembly.text()).toBe(whole);
  });

  it('refuses a part out of order, a part twice, a part past the end, and a missing part at the end', () => {
    const skipped = new TextAssembly(whole.length, 3, 10);
    skipped.add(0, parts[0]!);
    expect(() => skipped.add(2, parts[2]!)).toThrow('part 2 of 3 is missing');
    expect(() => skipped.add(0, parts[0]!)).toThrow('part 1 came twice');
    expect(() => skipped.add(3, 'x')).toThrow('part 4 of 3 does not exist');

    const short = new TextAssembly(whole.length, 3, 10);
    short.add(0, parts[0]!);
    short.add(1, parts[1]!);
    expect(() => short.text()).toThrow(PartsError);
    expect(() => short.text()).toThrow('The backup did not arrive whole (part 3 of 3 is missing). Nothing was restored.');
  });

  it('refuses an oversized part, and parts that add up to more or less than announced', () => {
    expect(() => new TextAssembly(100, 10, 10).add(0, 'y'.repeat(11))).toThrow('part 1 holds 11 characters, more than 10');
    const longer = new TextAssembly(15, 2, 10);
    longer.add(0, 'y'.repeat(10));
    expect(() => longer.add(1, 'y'.repeat(6))).toThrow('longer than the 15 characters announced');
    const shorter = new TextAssembly(15, 2, 10);
    shorter.add(0, 'y'.repeat(10));
    shorter.add(1, 'y'.repeat(4));
    expect(() => shorter.text()).toThrow('14 of 15 characters arrived');
  });
});

describe("the worker's transfers", () => {
  let clock = 0;
  let ids = 0;
  const transfers = () =>
    new BackupTransfers(
      10,
      100,
      () => clock,
      () => `id-${++ids}`,
    );

  it('hands an offered backup out part by part, and forgets it after the last part', () => {
    const held = transfers();
    const text = 'z'.repeat(25);
    const offer = held.offer(text);
    expect(offer).toMatchObject({ parts: 3, chars: 25 });
    const parts = [0, 1, 2].map((i) => held.part(offer.id, i));
    expect(parts.join('')).toBe(text);
    expect(() => held.part(offer.id, 0)).toThrow(/unknown or has expired/);
    expect(() => held.part(held.offer(text).id, 3)).toThrow('The backup has 3 parts, not 4.');
  });

  it('refuses an unknown or expired upload id, and a backup over the limit with its figures', () => {
    const held = transfers();
    expect(() => held.addPart('made-up', 0, 'x')).toThrow(/This upload is unknown or has expired/);
    expect(() => held.finishUpload('made-up')).toThrow(/unknown or has expired/);
    const id = held.beginUpload(5, 1);
    clock += TRANSFER_EXPIRY_MS + 1;
    expect(() => held.addPart(id, 0, 'abcde')).toThrow(/unknown or has expired/);
    expect(() => held.beginUpload(101, 11)).toThrow('The backup is too large (0.0 MB; at most 0 MB). Nothing was restored.');
    expect(() => held.beginUpload(50, 1)).toThrow('cannot come in 1 parts');
    expect(() => held.beginUpload(50, 51)).toThrow('cannot come in 51 parts');
  });

  it('ends an upload at its first refused part: nothing of it can be finished later', () => {
    const held = transfers();
    const id = held.beginUpload(25, 3);
    held.addPart(id, 0, 'x'.repeat(10));
    expect(() => held.addPart(id, 2, 'x'.repeat(5))).toThrow('part 2 of 3 is missing');
    expect(() => held.addPart(id, 1, 'x'.repeat(10))).toThrow(/unknown or has expired/);
    expect(() => held.finishUpload(id)).toThrow(/unknown or has expired/);
  });

  it('holds two uploads at most: a third drops the oldest', () => {
    const held = transfers();
    const [a, b, c] = [held.beginUpload(1, 1), held.beginUpload(1, 1), held.beginUpload(1, 1)];
    expect(() => held.addPart(a, 0, 'a')).toThrow(/unknown/);
    held.addPart(b, 0, 'b');
    held.addPart(c, 0, 'c');
    expect([held.finishUpload(b), held.finishUpload(c)]).toEqual(['b', 'c']);
  });
});

describe('backup and restore in parts through the handlers', () => {
  const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')))));
  const opened: (UserDatabase | CatalogueDatabase)[] = [];
  let counter = 0;
  function setup() {
    const db = new UserDatabase(`backup-parts-test-${++counter}`);
    const catalogueDb = new CatalogueDatabase(`backup-parts-catalogue-${counter}`);
    opened.push(db, catalogueDb);
    return { db, handlers: createHandlers(createServices(db, catalogueDb, { index: async () => index } as never)).pages };
  }
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  const paper = (i: number) => ({ key: `doi:10.1/${i}`, title: `Paper ${i}`, authors: ['A. Author'] });

  /** What the options page does: every message checked as the router checks it. */
  async function backupText(handlers: ReturnType<typeof setup>['handlers']): Promise<string> {
    const { id, parts } = await handlers.backup({}, {});
    const texts: string[] = [];
    for (let index = 0; index < parts; index++) texts.push((await handlers.backupPart(PAGES_TO_WORKER.backupPart.check({ id, index }, ''), {})).text);
    return texts.join('');
  }

  it('a backup bigger than one part crosses in parts and restores whole elsewhere', async () => {
    const from = setup();
    for (let i = 0; i < 300; i++) await from.handlers.setSaved({ paper: paper(i), saved: true }, {});
    await from.db.savedPapers.toCollection().modify((record) => {
      record.note = 'n'.repeat(19_000);
    });
    const text = await backupText(from.handlers);
    expect(text.length).toBeGreaterThan(LIMITS.backupPart);

    const to = setup();
    const parts = textParts(text, LIMITS.backupPart);
    const { uploadId } = await to.handlers.restoreBegin({ chars: text.length, parts: parts.length }, {});
    for (const [index, part] of parts.entries()) await to.handlers.restorePart(PAGES_TO_WORKER.restorePart.check({ uploadId, index, text: part }, ''), {});
    expect(await to.handlers.restore({ uploadId }, {})).toEqual({ savedPapers: 300, settings: 0, seenPapers: 0 });
    expect(await to.db.savedPapers.orderBy('key').toArray()).toEqual(await from.db.savedPapers.orderBy('key').toArray());
  }, 30_000); // 300 papers through fake-indexeddb: about 3 s alone, more beside other test files

  it('a restore missing a part, or with an oversized part, changes nothing', async () => {
    const from = setup();
    for (let i = 0; i < 3; i++) await from.handlers.setSaved({ paper: paper(i), saved: true }, {});
    const text = await backupText(from.handlers);
    const to = setup();
    await to.handlers.setSaved({ paper: paper(99), saved: true }, {});
    const before = await to.db.savedPapers.toArray();

    const half = Math.floor(text.length / 2);
    const { uploadId } = await to.handlers.restoreBegin({ chars: text.length, parts: 2 }, {});
    await to.handlers.restorePart({ uploadId, index: 0, text: text.slice(0, half) }, {});
    await expect(to.handlers.restore({ uploadId }, {})).rejects.toThrow('part 2 of 2 is missing');
    expect(await to.db.savedPapers.toArray()).toEqual(before);

    // The router's check refuses a part over the bound before any handler sees it.
    expect(() => PAGES_TO_WORKER.restorePart.check({ uploadId, index: 0, text: 'x'.repeat(LIMITS.backupPart + 1) }, '')).toThrow(
      `text should be a string of at most ${LIMITS.backupPart} characters`,
    );
    await expect(to.handlers.restorePart({ uploadId, index: 0, text: text.slice(0, half) }, {})).rejects.toThrow(/unknown or has expired/);
    expect(await to.db.savedPapers.toArray()).toEqual(before);
  });

  it('the saved list crosses in parts too: each under the part bound, all of them once, newest first', async () => {
    const { db, handlers } = setup();
    for (let i = 0; i < 300; i++) await handlers.setSaved({ paper: paper(i), saved: true }, {});
    await db.savedPapers.toCollection().modify((record) => {
      record.note = 'n'.repeat(19_000);
    });
    const pages: SavedPaper[][] = [];
    for (let from = 0; ; ) {
      const page = await handlers.listSaved(PAGES_TO_WORKER.listSaved.check({ from }, ''), {});
      if (page.length === 0) break;
      pages.push(page);
      from += page.length;
    }
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(JSON.stringify(page).length).toBeLessThanOrEqual(LIMITS.backupPart + 1000);
    const listed = pages.flat();
    const newestFirst = (await db.savedPapers.orderBy('savedAt').reverse().toArray()).map((record) => record.key);
    expect(listed.map((p) => p.key)).toEqual(newestFirst);
    expect(new Set(newestFirst).size).toBe(300);
  });
});
