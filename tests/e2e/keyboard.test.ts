// End to end in Chromium with the keyboard only: after each navigation, nothing but Tab, Shift+Tab, Enter, Space, arrow
// keys and typing. Saves a paper from the popup, tags and annotates it, searches, saves a related paper from the side
// panel, exports the library and switches a site off and on in options. Every control reached shows a focus ring.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagesToWorker, RequestOf, ResponseOf, Result } from '../../src/messaging/protocol.ts';
import { fixture, launchWithExtension, serveAt, waitForBadgeSaved, waitForBadges, type ExtensionBrowser } from './chromium.ts';

interface ExpectedRows {
  url: string;
  rows: Array<{ key: string; title: string }>;
}
const LISTING = JSON.parse(fixture('arxiv/list-new.json')) as ExpectedRows;

/** Reads state through the extension's messages (never to act: acting is the keyboard's job). */
async function ask<K extends keyof PagesToWorker & string>(page: Page, type: K, request: RequestOf<PagesToWorker, K>): Promise<ResponseOf<PagesToWorker, K>> {
  const result = (await page.evaluate(([type, request]) => (globalThis as any).chrome.runtime.sendMessage({ type, request }), [type, request] as const)) as Result<
    ResponseOf<PagesToWorker, K>
  >;
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.value;
}

const focusedMatches = (page: Page, selector: string) => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);

/** What the focused element looks like: a focus ring is an outline or a box shadow. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: false, what: 'nothing' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return { visible: outline || style.boxShadow !== 'none', what: el.outerHTML.slice(0, 120) };
  });

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails if it never comes, so a control
 * that cannot be reached fails the test. The control reached must show a focus ring.
 */
async function tabTo(page: Page, selector: string, { back = false, max = 150 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await focusedMatches(page, selector)) {
      const ring = await focusRing(page);
      expect(ring.visible, `no visible focus ring on ${ring.what}`).toBe(true);
      return;
    }
  }
  throw new Error(`${selector} was not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

describe('keyboard only (Chromium)', () => {
  let browser: ExtensionBrowser;
  let listing: Page;
  let tabId: number;
  const first = LISTING.rows[0]!;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, LISTING.url, fixture('arxiv/list-new.html'));
    listing = await browser.context.newPage();
    await listing.goto(LISTING.url);
    await waitForBadges(listing, LISTING.rows.length);
    tabId = (await browser.worker.evaluate(async (url) => {
      const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id;
    }, LISTING.url))!;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves, tags, annotates and finds a paper in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    await popup.waitForSelector(`section[data-section=page] li[data-paper-key="${first.key}"]`);
    // The search box comes first, above the tabs "This page" (open) and "Library".
    await popup.waitForSelector('input[data-control=search-saved]');
    expect(await popup.getAttribute('[role=tab][data-tab=page]', 'aria-selected')).toBe('true');

    // Save the first paper on the page: Tab to its Save button, press Space.
    await tabTo(popup, `section[data-section=page] li[data-paper-key="${first.key}"] button[data-action=save]`);
    await popup.keyboard.press('Space');
    await popup.waitForSelector(`section[data-section=page] li[data-paper-key="${first.key}"] button[data-action=save][aria-pressed=true]`);
    await waitForBadgeSaved(listing, first.key, true);

    // To the library: Shift+Tab back to the open tab, Right arrow to "Library" (it opens), Tab into its panel.
    await tabTo(popup, '[role=tab][data-tab=page]', { back: true });
    await popup.keyboard.press('ArrowRight');
    expect(await focusedMatches(popup, '[role=tab][data-tab=library][aria-selected=true]')).toBe(true);
    expect((await focusRing(popup)).visible).toBe(true);
    const saved = `section[data-section=saved] li[data-paper-key="${first.key}"]`;
    await popup.waitForSelector(saved);

    // Tag it: Tab to its tag box, type, Enter.
    await tabTo(popup, `${saved} input[data-control=add-tag]`);
    await popup.keyboard.type('pipelines');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector(`${saved} [data-user-tag="pipelines"]`);

    // A note: the disclosure opens with Enter, the box saves with Ctrl+Enter.
    await tabTo(popup, `${saved} details.paper-note summary`);
    await popup.keyboard.press('Enter');
    await tabTo(popup, `${saved} textarea[data-control=note]`);
    await popup.keyboard.type('Compare with GPipe.');
    await popup.keyboard.press('Control+Enter');
    await popup.waitForSelector(`${saved} details[data-has-note=true]`);
    expect((await ask(popup, 'listSaved', {})).find((p) => p.key === first.key)).toMatchObject({ userTags: ['pipelines'], note: 'Compare with GPipe.' });

    // Mark it read with Space.
    await tabTo(popup, `${saved} button[data-action=toggle-read]`);
    await popup.keyboard.press('Space');
    await popup.waitForSelector(`${saved} button[data-action=toggle-read][aria-pressed=true]`);

    // Search (back up with Shift+Tab): a typo finds it; Down arrow goes to the first result, and on through the
    // catalogue's results.
    await tabTo(popup, 'input[data-control=search-saved]', { back: true });
    await popup.keyboard.type('adaptve pipeline');
    await popup.waitForFunction(() => document.querySelectorAll('section[data-section=saved] li[data-paper-key]').length === 1);
    await popup.waitForSelector('section[data-section=catalogue] [data-catalogue-shown]');
    await popup.keyboard.press('ArrowDown');
    expect(await popup.evaluate(() => document.activeElement?.closest('li[data-paper-key]')?.getAttribute('data-paper-key'))).toBe(first.key);
    expect((await focusRing(popup)).visible).toBe(true);
    await popup.keyboard.press('ArrowUp');
    expect(await focusedMatches(popup, 'input[data-control=search-saved]')).toBe(true);

    // A catalogue search: select all, type over it; Down arrow reaches the catalogue result; Space saves it.
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('zero ofload');
    const offload = 'section[data-section=catalogue] li[data-paper-key="title:zero offload democratizing billion scale model training"]';
    await popup.waitForSelector(offload);
    await popup.keyboard.press('ArrowDown');
    expect(await popup.evaluate(() => document.activeElement?.closest('section')?.getAttribute('data-section'))).toBe('catalogue');
    await tabTo(popup, `${offload} button[data-action=save]`);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector(`${offload} button[data-action=save][aria-pressed=true]`);
    await popup.waitForSelector('section[data-section=saved] li[data-paper-key="title:zero offload democratizing billion scale model training"]');

    // Related: picks the paper for the side panel (the panel itself is opened by the browser, not a page).
    await tabTo(popup, `${offload} button[data-action=related]`);
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(async () => {
      const r = await (globalThis as any).chrome.runtime.sendMessage({ type: 'getPickedPaper', request: {} });
      return r.ok && r.value.paper?.key === 'title:zero offload democratizing billion scale model training';
    });
    await popup.close();
  });

  it('sorts and saves a related paper in the side panel', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(browser.pageUrl('src/ui/sidepanel/index.html'));
    await panel.waitForSelector('ol li[data-paper-key]');
    // Sort by date with the arrow keys on the focused select.
    await tabTo(panel, 'select[data-control=sort]');
    const before = await panel.$eval('select[data-control=sort]', (s) => (s as HTMLSelectElement).value);
    await panel.keyboard.press('ArrowDown');
    await panel.waitForFunction((was) => (document.querySelector('select[data-control=sort]') as HTMLSelectElement).value !== was, before);
    // Save the first related paper that is not saved yet.
    const target = await panel.$eval('ol li[data-paper-key][data-saved=false]', (li) => li.getAttribute('data-paper-key')!);
    await tabTo(panel, `ol li[data-paper-key="${target}"] button[data-action=save]`);
    await panel.keyboard.press('Space');
    await panel.waitForSelector(`ol li[data-paper-key="${target}"] button[data-action=save][aria-pressed=true]`);
    expect((await ask(panel, 'listSaved', {})).map((p) => p.key)).toContain(target);
    await panel.close();
  });

  it('exports the library and switches a site off and on in options', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForSelector('input[type=checkbox][data-site-id=arxiv]');

    // The library is under the topic list (a Tab stop per topic): the link to it at the top of the page jumps there,
    // and Tab goes on from the section.
    await tabTo(options, 'nav a[data-nav=library]', { max: 10 });
    await options.keyboard.press('Enter');
    await tabTo(options, 'button[data-action=export-bibtex]', { max: 10 });
    const download = options.waitForEvent('download', { timeout: 15_000 });
    await options.keyboard.press('Enter');
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const bibtex = readFileSync(file, 'utf8');
    expect(bibtex).toMatch(/^@\w+\{Okafor2026/m); // the paper saved from the popup
    expect(bibtex).toMatch(/Offload/); // the catalogue result saved from the search

    // The site list is at the top: a reload starts the focus there again, then Tab; Space switches arXiv off, and on.
    await options.reload();
    await options.waitForSelector('input[type=checkbox][data-site-id=arxiv]');
    await tabTo(options, 'input[type=checkbox][data-site-id=arxiv]', { max: 30 });
    await options.keyboard.press('Space');
    await options.waitForFunction(async () => {
      const r = await (globalThis as any).chrome.runtime.sendMessage({ type: 'listSites', request: {} });
      return r.ok && r.value.find((s: { id: string }) => s.id === 'arxiv')?.enabled === false;
    });
    await listing.waitForFunction(() => document.querySelectorAll('paperscope-badge').length === 0, undefined, { timeout: 15_000 });
    await options.keyboard.press('Space');
    await waitForBadges(listing, LISTING.rows.length);
    expect((await ask(options, 'listSites', {})).find((s) => s.id === 'arxiv')?.enabled).toBe(true);
    await options.close();
  });
});
