// End to end in firefox-esr: importing into the library and the catalogue from the options page, the popup's search
// over the catalogue, saving from a link's context menu, and the save shortcut. Headless Firefox will not let Playwright open moz-extension:// pages or press
// browser-level shortcuts, so the test speaks Firefox's remote debugging protocol (tests/e2e/firefoxRdp.ts) to the
// browser's own window, as a person's clicks would reach it:
// - extension pages are opened as a person opens a link, in a tab of the browser window (then driven by Playwright);
// - the context menu is opened by a real right-click on the page, and its item activated in the open menu;
// - Alt+Shift+S is pressed in the browser window (address bar focused) with trusted key events from Firefox's text
//   input processor: Playwright's key presses go to the page, and a page never sees the browser's shortcuts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagesToWorker, RequestOf, ResponseOf, Result } from '../../src/messaging/protocol.ts';
import { fixture, readBadges, serveAt, waitForBadgeSaved, waitForBadges } from './chromium.ts';
import {
  BROWSER_WINDOW,
  FIREFOX_SETUP_TIMEOUT_MS,
  type FirefoxWithExtension,
  launchFirefoxWithOptions,
  openExtensionPage as openExtensionPageIn,
  OPEN_EXTENSION_PAGE_MS,
} from './firefox.ts';
import type { FirefoxDebugger } from './firefoxRdp.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

interface ExpectedRows {
  url: string;
  rows: Array<{ key: string; title: string }>;
}
const LISTING = JSON.parse(fixture('arxiv/list-new.json')) as ExpectedRows;
const ABS = JSON.parse(fixture('arxiv/abs-page.json')) as ExpectedRows;

/** Asks the background from an extension page, as the extension's own pages do. */
async function ask<K extends keyof PagesToWorker & string>(page: Page, type: K, request: RequestOf<PagesToWorker, K>): Promise<ResponseOf<PagesToWorker, K>> {
  const result = (await page.evaluate(([type, request]) => (globalThis as any).browser.runtime.sendMessage({ type, request }), [type, request] as const)) as Result<
    ResponseOf<PagesToWorker, K>
  >;
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.value;
}

describe.skipIf(FIREFOX_TOO_OLD)('Paperscope in Firefox: imports, the link context menu and the save shortcut', () => {
  let browser: FirefoxWithExtension;
  let firefox: FirefoxDebugger;
  let chrome: string;
  let options: Page;
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-ff-library-'));

  const openExtensionPage = (path: string) => openExtensionPageIn(browser, chrome, path);

  beforeAll(async () => {
    ({ browser, browserConsole: chrome, options } = await launchFirefoxWithOptions()); // the first wake installs the bundled catalogue
    firefox = browser.rdp;
  }, FIREFOX_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a Zotero BibTeX file into the library from options', async () => {
    await options.setInputFiles('input[data-control=library-import]', resolve(process.cwd(), 'tests/fixtures/formats/zotero.bib'));
    await options.waitForSelector('[data-library-status=done]', { timeout: 30_000 });
    expect(await options.textContent('[data-library-status=done]')).toMatch(/Added 4 papers from zotero\.bib to your library; 2 entries skipped/);
    const keys = (await ask(options, 'listSaved', {})).map((p) => p.key).sort();
    expect(keys).toEqual(expect.arrayContaining(['arxiv:1706.03762', 'arxiv:2104.07857', 'arxiv:2006.11239', 'arxiv:1810.04805']));
    expect(keys).toHaveLength(4);

    // A broken file is refused with a message, and changes nothing.
    const bad = join(dir, 'bad.bib');
    writeFileSync(bad, '@article{broken,\n  title = {never closes,\n  year = {2020}\n');
    await options.setInputFiles('input[data-control=library-import]', bad);
    await options.waitForSelector('[data-library-status=failed]', { timeout: 30_000 });
    expect(await options.textContent('[data-library-status=failed]')).toMatch(/No papers could be read from this BibTeX file.*Nothing was imported/);
    expect((await ask(options, 'listSaved', {})).map((p) => p.key).sort()).toEqual(keys);
  });

  it('imports a catalogue (JSON lines) from options, merged into the bundled one, and listings match it', async () => {
    const file = join(dir, 'papers.jsonl');
    const row = LISTING.rows[1]!;
    const paper = {
      id: row.key.slice('arxiv:'.length),
      title: row.title,
      abstract: 'Where to place KV cache blocks across disaggregated prefill and decode.',
      authors: ['Wei Li'],
      categories: ['cs.DC'],
      date: '2026-07-20',
    };
    writeFileSync(file, `${JSON.stringify(paper)}\n`);
    const before = (await ask(options, 'catalogueInfo', {})).paperCount;
    await options.setInputFiles('input[data-control=catalogue-file]', file);
    await options.check('input[name=import-mode][value=merge]');
    await options.click('button[data-action=import]');
    await options.waitForSelector('[data-import-status=done]', { timeout: 60_000 });
    expect(await options.textContent('[data-field=paperCount]')).toBe(String(before + 1));
    expect((await ask(options, 'catalogueInfo', {})).paperCount).toBe(before + 1);

    await serveAt(browser.context, LISTING.url, fixture('arxiv/list-new.html'));
    const listing = await browser.context.newPage();
    await listing.goto(LISTING.url);
    await waitForBadges(listing, LISTING.rows.length);
    expect((await readBadges(listing)).find((b) => b.key === row.key)?.inCatalogue).toBe('true');
    await listing.close();
  });

  it(
    'finds the imported paper with a typo in the popup search, and saves it from the catalogue results',
    async () => {
      const row = LISTING.rows[1]!;
      const popup = await openExtensionPage('src/ui/popup/index.html');
      await popup.waitForSelector('input[data-control=search-saved]', { timeout: 20_000 });
      await popup.fill('input[data-control=search-saved]', 'shardcahce kv');
      const result = `section[data-section=catalogue] li[data-paper-key="${row.key}"]`;
      await popup.waitForSelector(result, { timeout: 20_000 });
      await popup.click(`${result} button[data-action=save]`);
      await popup.waitForSelector(`section[data-section=saved] li[data-paper-key="${row.key}"]`, { timeout: 15_000 });
      expect((await ask(popup, 'listSaved', {})).find((p) => p.key === row.key)).toMatchObject({ url: `https://arxiv.org/abs/${row.key.slice(6)}`, year: 2026 });
      await ask(popup, 'setSaved', { paper: { key: row.key, title: row.title }, saved: false });
      // Not closed here: closing an extension tab through Playwright waits about 90 s in firefox-esr; the browser closes it.
    },
    OPEN_EXTENSION_PAGE_MS + 90_000,
  );

  it('saves the paper of a link from its context menu', async () => {
    const listing = await browser.context.newPage();
    await listing.goto(LISTING.url);
    await waitForBadges(listing, LISTING.rows.length);
    const row = LISTING.rows[2]!;
    const id = row.key.slice('arxiv:'.length);
    expect((await readBadges(listing)).find((b) => b.key === row.key)?.saved).toBe('false');

    // A real right-click on the paper's abstract link opens the browser's context menu with our item in it.
    await listing.click(`a[href$="/abs/${id}"]`, { button: 'right' });
    const item = 'paperscope_paperscope_dev-menuitem-_paperscope-save-link';
    const shown = (await firefox.evaluate(
      chrome,
      `${BROWSER_WINDOW} const menu = w.document.getElementById('contentAreaContextMenu');
       for (let i = 0; i < 100 && menu.state !== 'open'; i++) await new Promise((r) => w.setTimeout(r, 50));
       const entry = w.document.getElementById(${JSON.stringify(item)});
       return { state: menu.state, label: entry?.label, hidden: entry?.hidden };`,
    )) as { state: string; label?: string; hidden?: boolean };
    expect(shown).toEqual({ state: 'open', label: 'Save paper to Paperscope', hidden: false });
    // Choosing it: what a click on the item does (the menu activates it and closes).
    await firefox.evaluate(
      chrome,
      `${BROWSER_WINDOW} const menu = w.document.getElementById('contentAreaContextMenu'); menu.activateItem(w.document.getElementById(${JSON.stringify(item)})); return true;`,
    );

    // The badge on the page follows, and the library has the paper under its arXiv key with a title.
    await waitForBadgeSaved(listing, row.key, true);
    const saved = (await ask(options, 'listSaved', {})).find((p) => p.key === row.key);
    expect(saved?.url).toBe(`https://arxiv.org/abs/${id}`);
    expect(saved?.title.length).toBeGreaterThan(0);
    await listing.close();
  });

  it('saves the paper of the active tab with the save shortcut (Alt+Shift+S)', async () => {
    // The shortcut is registered as the manifest asks.
    const commands = (await options.evaluate(() => (globalThis as any).browser.commands.getAll())) as Array<{ name: string; shortcut: string }>;
    expect(commands.find((c) => c.name === 'save-current-paper')?.shortcut).toBe('Alt+Shift+S');

    await serveAt(browser.context, ABS.url, fixture('arxiv/abs-page.html'));
    const page = await browser.context.newPage();
    await page.goto(ABS.url);
    await waitForBadges(page, ABS.rows.length);
    await page.bringToFront();
    const key = ABS.rows[0]!.key;
    await ask(options, 'setSaved', { paper: { key, title: ABS.rows[0]!.title }, saved: false });
    await waitForBadgeSaved(page, key, false);

    // Playwright's key presses go to the page, and a page never sees the browser's shortcuts. So the keys are pressed
    // in the browser window itself, with its address bar focused, through the text input processor (trusted key events,
    // as the browser's own tests make them); Firefox's shortcut handling then runs the command.
    const pressed = await firefox.evaluate(
      chrome,
      `${BROWSER_WINDOW}
       // Firefox keeps an extension's shortcuts as <key> elements in a keyset of its own, one per command.
       const keys = [...w.document.querySelectorAll('keyset[id^="ext-keyset-id-paperscope"] > key')].filter((k) => k.getAttribute('key')?.toUpperCase() === 'S');
       if (keys.length !== 1) return { found: keys.length };
       const active = w.gBrowser.selectedBrowser.currentURI.spec;
       if (active !== ${JSON.stringify(ABS.url)}) return { found: 1, active };
       w.gURLBar.focus();
       const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
       if (!tip.beginInputTransactionForTests(w)) return { found: 1, transaction: false };
       const key = (k, code, keyCode) => new w.KeyboardEvent('', { key: k, code, keyCode });
       tip.keydown(key('Alt', 'AltLeft', 18));
       tip.keydown(key('Shift', 'ShiftLeft', 16));
       tip.keydown(key('S', 'KeyS', 83));
       tip.keyup(key('S', 'KeyS', 83));
       tip.keyup(key('Shift', 'ShiftLeft', 16));
       tip.keyup(key('Alt', 'AltLeft', 18));
       return { found: 1, key: keys[0].getAttribute('key'), modifiers: keys[0].getAttribute('modifiers'), active };`,
    );
    expect(pressed).toMatchObject({ found: 1, key: 'S', modifiers: expect.stringMatching(/alt.*shift|shift.*alt/), active: ABS.url });
    await waitForBadgeSaved(page, key, true);
    expect((await ask(options, 'listSaved', {})).some((p) => p.key === key)).toBe(true);
    await page.close();
  });
});
