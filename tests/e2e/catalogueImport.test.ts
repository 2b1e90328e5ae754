// End to end in Chromium: importing catalogues from the options page, and what a failed import leaves behind.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListingHtml, type DemoEntry } from '../../src/cli/demoPage.ts';
import { packSections, unpackSections } from '../../src/core/catalogue/packed.ts';
import { hashBytes } from '../../src/core/hash.ts';
import {
  clickBadgeButton,
  launchWithExtension,
  readBadges,
  serveAt,
  startCatalogueImport,
  stopServiceWorker,
  waitForBadgeSaved,
  waitForBadges,
  type ExtensionBrowser,
} from './chromium.ts';

const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
const hasData = existsSync(DATA);
if (!hasData) console.log('notice: ../shared/data is absent; the 10k catalogue import run is skipped');

interface JsonPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
}

function firstPapers(count: number): { lines: string[]; papers: JsonPaper[] } {
  const text = execFileSync('bash', ['-c', `zcat '${DATA}' | head -n ${count}`], { maxBuffer: 1 << 30 }).toString('utf8');
  const lines = text.trim().split('\n');
  return { lines, papers: lines.map((l) => JSON.parse(l) as JsonPaper) };
}

const LISTING_URL = 'https://arxiv.org/list/cs.LG/new';

describe('catalogue import in Chromium', () => {
  let browser: ExtensionBrowser;
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-import-'));

  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a corrupt file fails with a clear message, and the old catalogue and saved papers are still there', async () => {
    const listing = await browser.context.newPage();
    const entries: DemoEntry[] = [
      { arxivId: '2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning', authors: [], categories: ['cs.DC'], abstract: '' },
    ];
    await serveAt(browser.context, 'https://arxiv.org/list/cs.DC/new', demoListingHtml(entries));
    await listing.goto('https://arxiv.org/list/cs.DC/new');
    await waitForBadges(listing, 1);
    await clickBadgeButton(listing, 'arxiv:2104.07857', 'save');
    await waitForBadgeSaved(listing, 'arxiv:2104.07857', true);

    const corrupt = join(dir, 'broken.psc');
    writeFileSync(corrupt, 'PAPERSCOPE-CATALOGUE\n\u0005\u0000\u0000\u0000{"fo');
    const options = await startCatalogueImport(browser, corrupt);
    const error = await options.waitForSelector('[data-import-status=failed]');
    expect(await error.textContent()).toMatch(/not a Paperscope catalogue|not a format Paperscope reads|damaged/);
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');

    const garbage = join(dir, 'notes.txt');
    writeFileSync(garbage, 'just some notes\nnothing like papers\n');
    await options.setInputFiles('input[data-control=catalogue-file]', garbage);
    await options.click('button[data-action=import]');
    await options.waitForSelector('[data-import-status=failed]');
    expect(await options.textContent('[data-import-status=failed]')).toMatch(/not a format Paperscope reads/);

    await listing.reload();
    await waitForBadges(listing, 1);
    expect((await readBadges(listing))[0]).toMatchObject({ inCatalogue: 'true', saved: 'true' });
    await options.close();
    await listing.close();
  });

  it('a crafted catalogue with a right content hash is refused, naming the section, and the old catalogue still matches', async () => {
    // The bundled seed with an empty keys table and an out-of-range topic id, repacked with its hash recomputed.
    const seed = new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')));
    const { header, section } = unpackSections<{ sections: Array<{ name: string }>; topics: unknown[] }>(seed);
    const sections: Array<[string, Uint8Array]> = header.sections.map((s) => [s.name, section(s.name).slice()]);
    for (const entry of sections) {
      if (entry[0] === 'keysTable') entry[1] = new Uint8Array(0);
      if (entry[0] === 'topicIds') new DataView(entry[1].buffer).setUint16(0, header.topics.length + 3, true);
    }
    const unversioned = unpackSections(packSections({ ...header, version: '' }, sections));
    const crafted = join(dir, 'crafted.psc');
    writeFileSync(crafted, packSections({ ...header, version: hashBytes(unversioned.data) }, sections));

    const options = await startCatalogueImport(browser, crafted);
    const error = await options.waitForSelector('[data-import-status=failed]');
    expect(await error.textContent()).toMatch(/damaged.*keysTable/);
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');

    const listing = await browser.context.newPage();
    const entries: DemoEntry[] = [
      { arxivId: '2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning', authors: [], categories: ['cs.DC'], abstract: '' },
    ];
    await serveAt(browser.context, 'https://arxiv.org/list/cs.DC/recent', demoListingHtml(entries));
    await listing.goto('https://arxiv.org/list/cs.DC/recent');
    await waitForBadges(listing, 1);
    expect((await readBadges(listing))[0]).toMatchObject({ inCatalogue: 'true' });
    await options.close();
    await listing.close();
  });

  it('merges a Zotero BibTeX export into the installed catalogue, reporting the entries it skipped', async () => {
    const options = await startCatalogueImport(browser, resolve(process.cwd(), 'tests/fixtures/formats/zotero.bib'), 'merge');
    const done = await options.waitForSelector('[data-import-status=done]', { timeout: 60_000 });
    expect(await done.textContent()).toMatch(/Installed 67 papers.*2 records skipped/);
    expect(await options.textContent('[data-field=paperCount]')).toBe('67');
    await options.click('button[data-action=restore-bundled]');
    await options.waitForFunction(() => document.querySelector('[data-field=paperCount]')?.textContent === '63');
    await options.close();
  });

  it('cancelling an import leaves the catalogue as it was', async () => {
    // A large synthetic JSON-lines file, so the import is still reading when cancel arrives.
    const lines = Array.from({ length: 60_000 }, (_, i) =>
      JSON.stringify({
        id: `2501.${String(i).padStart(5, '0')}`,
        title: `Synthetic paper number ${i} on sparse attention`,
        abstract: 'A long enough abstract about attention kernels and memory. '.repeat(8),
        authors: ['A. Author'],
        categories: ['cs.LG'],
        date: '2025-01-01',
      }),
    );
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const options = await startCatalogueImport(browser, file);
    await options.waitForSelector('[data-import-status=running]');
    await options.click('button[data-action=cancel-import]');
    const failed = await options.waitForSelector('[data-import-status=failed]', { timeout: 60_000 });
    expect(await failed.textContent()).toMatch(/cancelled; your catalogue is unchanged/);
    await options.reload();
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    await options.close();
  });

  it('cancel in the middle of parsing a big BibTeX file stops it: the catalogue stays as it was', async () => {
    // 8,000 entries: parsed whole once read, a step of several seconds that never looks at its messages.
    const entries = Array.from(
      { length: 8_000 },
      (_, i) =>
        `@article{paper${i},\n  title = {A study of sparse attention, part ${i}},\n  author = {Author, Ann and Writer, Will},\n  journal = {Journal of Tests},\n  year = {2024}\n}\n`,
    );
    const file = join(dir, 'big.bib');
    writeFileSync(file, entries.join('\n'));
    const options = await startCatalogueImport(browser, file);
    // The whole file is read (100%): the parse has begun.
    await options.waitForFunction(() => /Reading 0 papers \(100% of the file\)/.test(document.querySelector('[data-field=import-counts]')?.textContent ?? ''));
    await options.click('button[data-action=cancel-import]');
    const failed = await options.waitForSelector('[data-import-status=failed]', { timeout: 60_000 });
    expect(await failed.textContent()).toMatch(/Import cancelled; your catalogue is unchanged/);
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    await options.reload();
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    await options.close();
  });

  it('cancel while the index is being built stops it: the catalogue stays as it was', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({
        id: `2502.${String(i).padStart(5, '0')}`,
        title: `Synthetic paper ${i} on kernels for sparse attention`,
        abstract: 'An abstract about attention kernels, memory and the speed of training. '.repeat(4),
        authors: ['A. Author', 'B. Writer'],
        categories: ['cs.LG'],
      }),
    );
    const file = join(dir, 'build.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const options = await startCatalogueImport(browser, file);
    await options.waitForFunction(() => /Building the index/.test(document.querySelector('[data-field=import-counts]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await options.click('button[data-action=cancel-import]');
    const failed = await options.waitForSelector('[data-import-status=failed]', { timeout: 60_000 });
    expect(await failed.textContent()).toMatch(/Import cancelled; your catalogue is unchanged/);
    await options.reload();
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    await options.close();
  });

  it('a gzip bomb (.psc.gz of 601 MB of zeros) is refused with the bound in its message; the old catalogue still matches', async () => {
    const bomb = join(dir, 'bomb.psc.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(601_000_000), { level: 9 }));
    const options = await startCatalogueImport(browser, bomb);
    const failed = await options.waitForSelector('[data-import-status=failed]', { timeout: 60_000 });
    expect(await failed.textContent()).toBe(
      'bomb.psc.gz holds more than 600 MB (decompressed), more than the biggest catalogue Paperscope supports (1,000,000 papers) can hold. Nothing was imported; your catalogue is unchanged.',
    );
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    const listing = await browser.context.newPage();
    const entries: DemoEntry[] = [
      { arxivId: '2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning', authors: [], categories: ['cs.DC'], abstract: '' },
    ];
    await serveAt(browser.context, 'https://arxiv.org/list/cs.DC/pastweek', demoListingHtml(entries));
    await listing.goto('https://arxiv.org/list/cs.DC/pastweek');
    await waitForBadges(listing, 1);
    expect((await readBadges(listing))[0]).toMatchObject({ inCatalogue: 'true' });
    await Promise.all([options.close(), listing.close()]);
  });

  it('imports a 10k catalogue from the options page with progress; listings then match against it; saved papers survive', async (ctx) => {
    if (!hasData) ctx.skip();
    const { lines, papers } = firstPapers(10_000);
    // Save a paper first: it must survive the catalogue replacement.
    const seedPage = await browser.context.newPage();
    const seedEntry: DemoEntry = {
      arxivId: '2104.07857',
      title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning',
      authors: [],
      categories: ['cs.DC'],
      abstract: '',
    };
    await serveAt(browser.context, 'https://arxiv.org/list/cs.DC/recent', demoListingHtml([seedEntry]));
    await seedPage.goto('https://arxiv.org/list/cs.DC/recent');
    await waitForBadges(seedPage, 1);
    if ((await readBadges(seedPage))[0]!.saved !== 'true') {
      await clickBadgeButton(seedPage, 'arxiv:2104.07857', 'save');
      await waitForBadgeSaved(seedPage, 'arxiv:2104.07857', true);
    }
    await seedPage.close();
    const file = join(dir, 'arxiv-10k.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const options = await startCatalogueImport(browser, file);
    // Progress shows counts while it runs (the first update may already be past "reading").
    await options.waitForSelector('[data-import-status=running] [data-field=import-counts]');
    const done = await options.waitForSelector('[data-import-status=done]', { timeout: 60_000 });
    expect(await done.textContent()).toMatch(/Installed 10,000 papers/);
    expect(await options.textContent('[data-field=paperCount]')).toBe('10,000');
    expect(await options.textContent('[data-field=origin]')).toMatch(/Imported/);

    const picked = [papers[5]!, papers[500]!, papers[9_999]!];
    const entries: DemoEntry[] = [
      ...picked.map((p) => ({ arxivId: p.id, title: p.title, authors: p.authors, categories: p.categories, abstract: p.abstract })),
      { arxivId: '2611.99999', title: 'A paper that is in no catalogue at all', authors: [], categories: ['cs.LG'], abstract: '' },
    ];
    await serveAt(browser.context, LISTING_URL, demoListingHtml(entries));
    const page = await browser.context.newPage();
    await page.goto(LISTING_URL);
    await page.waitForFunction(() => document.querySelectorAll('paperscope-badge').length === 4);
    const badges = await readBadges(page);
    expect(badges.map((b) => b.inCatalogue)).toEqual(['true', 'true', 'true', 'false']);

    // The paper saved before the replacement is still saved.
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl('src/ui/popup/index.html'));
    await popup.click('[role=tab][data-tab=library]');
    await popup.waitForSelector('section[data-section=saved] li[data-paper-key="arxiv:2104.07857"]');

    // The bundled seed can always come back.
    await options.click('button[data-action=restore-bundled]');
    await options.waitForSelector('[data-import-status=done]');
    await options.waitForFunction(() => document.querySelector('[data-field=paperCount]')?.textContent === '63');
    await Promise.all([page.close(), popup.close(), options.close()]);
  });
  it('an install stopped before its switch (its page closed, the worker stopped): the woken worker matches with the old catalogue, the leftovers wait', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForFunction(() => document.querySelector('[data-field=paperCount]')?.textContent === '63');
    // What an install leaves when it stops mid-way: its note and some of its section records, and no switch.
    const left = await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('paperscope');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction(['catalogueInstalls', 'catalogueSections'], 'readwrite');
      tx.objectStore('catalogueInstalls').put({ version: 'stopped-install', startedAt: Date.now() });
      const header = new TextEncoder().encode(JSON.stringify({ format: 'paperscope-catalogue', version: 'stopped-install', sections: [] }));
      tx.objectStore('catalogueSections').put({ version: 'stopped-install', section: '#header', chunk: 0, bytes: header.buffer });
      tx.objectStore('catalogueSections').put({ version: 'stopped-install', section: 'keys', chunk: 0, bytes: new Uint8Array(1000).buffer });
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      const count = await new Promise<number>((ok) => {
        const request = db.transaction('catalogueSections').objectStore('catalogueSections').index('version').count('stopped-install');
        request.onsuccess = () => ok(request.result);
      });
      db.close();
      return count;
    });
    expect(left).toBe(2);
    await stopServiceWorker(browser, options);
    // The woken worker reads the catalogue the switch record names: the old one matches.
    const entries: DemoEntry[] = [
      { arxivId: '2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning', authors: [], categories: ['cs.DC'], abstract: '' },
    ];
    await serveAt(browser.context, 'https://arxiv.org/list/cs.DC/new', demoListingHtml(entries));
    const listing = await browser.context.newPage();
    await listing.goto('https://arxiv.org/list/cs.DC/new');
    await waitForBadges(listing, 1);
    expect((await readBadges(listing))[0]).toMatchObject({ inCatalogue: 'true' });
    await options.reload();
    expect(await options.textContent('[data-field=paperCount]')).toBe('63');
    // A later import goes through; it leaves an install that may still be under way alone (removed once stale).
    const file = join(dir, 'after-stop.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: '2501.00001', title: 'After a stopped install', authors: ['A. Author'], categories: ['cs.LG'], date: '2025-01-01' })}\n`);
    const again = await startCatalogueImport(browser, file);
    await again.waitForSelector('[data-import-status=done]', { timeout: 60_000 });
    expect(await again.textContent('[data-field=paperCount]')).toBe('1');
    await again.click('button[data-action=restore-bundled]');
    await again.waitForFunction(() => document.querySelector('[data-field=paperCount]')?.textContent === '63');
    await Promise.all([options.close(), listing.close(), again.close()]);
  });
});
