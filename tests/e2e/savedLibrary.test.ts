// End to end in Chromium: the popup's saved library — user tags with autocomplete, a note, read mark, typo-tolerant search and tag filter, all kept across a reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagesToWorker, RequestOf, ResponseOf, Result } from '../../src/messaging/protocol.ts';
import { launchWithExtension, type ExtensionBrowser } from './chromium.ts';

const ATTENTION = { key: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'] };
const ZERO = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning', authors: ['Samyam Rajbhandari'] };

async function send<K extends keyof PagesToWorker & string>(page: Page, type: K, request: RequestOf<PagesToWorker, K>): Promise<ResponseOf<PagesToWorker, K>> {
  const result = (await page.evaluate(([type, request]) => (globalThis as any).chrome.runtime.sendMessage({ type, request }), [type, request] as const)) as Result<
    ResponseOf<PagesToWorker, K>
  >;
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.value;
}

const item = (key: string) => `section[data-section=saved] li[data-paper-key="${key}"]`;
const shownKeys = (page: Page) => page.$$eval('section[data-section=saved] li[data-paper-key]', (lis) => lis.map((li) => li.getAttribute('data-paper-key')));

describe('saved library in the popup (Chromium)', () => {
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl('src/ui/popup/index.html'));
    for (const paper of [ATTENTION, ZERO]) await send(popup, 'setSaved', { paper, saved: true });
    await popup.reload();
    // The library is the popup's second tab; the choice is kept for the next popup (and the reload below).
    await popup.click('[role=tab][data-tab=library]');
    await popup.waitForSelector(item(ZERO.key));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('tags, notes, marks read, searches with a typo, filters by tag, and keeps it all after a reload', async () => {
    // Date saved is shown.
    expect(await popup.locator(`${item(ATTENTION.key)} time`).getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);

    // A tag, typed and added with Enter (keyboard only). An untouched row shows its tag box when pointed at.
    await popup.hover(item(ATTENTION.key));
    const tagInput = popup.locator(`${item(ATTENTION.key)} input[data-control=add-tag]`);
    await tagInput.fill('transformers');
    await tagInput.press('Enter');
    await popup.waitForSelector(`${item(ATTENTION.key)} [data-user-tag="transformers"]`);
    // The other paper's tag input now suggests it.
    const listId = await popup.locator(`${item(ZERO.key)} input[data-control=add-tag]`).getAttribute('list');
    expect(await popup.$$eval(`datalist[id="${listId}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['transformers']);

    // A note, saved with Ctrl+Enter.
    await popup.click(`${item(ATTENTION.key)} details.paper-note summary`);
    const note = popup.locator(`${item(ATTENTION.key)} textarea[data-control=note]`);
    await note.fill('Read section 3.2 again');
    await note.press('Control+Enter');
    await popup.waitForSelector(`${item(ATTENTION.key)} details[data-has-note=true]`);

    // Read mark.
    await popup.click(`${item(ZERO.key)} button[data-action=toggle-read]`);
    await popup.waitForSelector(`${item(ZERO.key)} button[data-action=toggle-read][aria-pressed=true]`);

    // Search with a typo.
    await popup.fill('input[type=search][data-control=search-saved]', 'atention');
    await popup.waitForFunction(() => document.querySelectorAll('section[data-section=saved] li[data-paper-key]').length === 1);
    expect(await shownKeys(popup)).toEqual([ATTENTION.key]);
    await popup.fill('input[data-control=search-saved]', '');
    await popup.waitForFunction(() => document.querySelectorAll('section[data-section=saved] li[data-paper-key]').length === 2);

    // Filter by the user tag, then unread only.
    await popup.selectOption('select[data-control=filter-tag]', 'transformers');
    await popup.waitForFunction(() => document.querySelectorAll('section[data-section=saved] li[data-paper-key]').length === 1);
    expect(await shownKeys(popup)).toEqual([ATTENTION.key]);
    await popup.selectOption('select[data-control=filter-tag]', '');
    await popup.check('input[data-control=unread-only]');
    await popup.waitForFunction(() => document.querySelectorAll('section[data-section=saved] li[data-paper-key]').length === 1);
    expect(await shownKeys(popup)).toEqual([ATTENTION.key]);

    // Reload: everything was stored (and the library's tab is the one open again).
    await popup.reload();
    await popup.waitForSelector(item(ZERO.key));
    expect(await popup.locator('[role=tab][data-tab=library]').getAttribute('aria-selected')).toBe('true');
    expect(await popup.locator(`${item(ATTENTION.key)} [data-user-tag="transformers"]`).count()).toBe(1);
    expect(await popup.locator(`${item(ATTENTION.key)} textarea[data-control=note]`).inputValue()).toBe('Read section 3.2 again');
    expect(await popup.locator(`${item(ZERO.key)} button[data-action=toggle-read]`).getAttribute('aria-pressed')).toBe('true');
    expect(await popup.locator(`${item(ATTENTION.key)} button[data-action=toggle-read]`).getAttribute('aria-pressed')).toBe('false');
    const listed = await send(popup, 'listSaved', {});
    expect(listed.find((p) => p.key === ATTENTION.key)).toMatchObject({ userTags: ['transformers'], note: 'Read section 3.2 again' });
    expect(listed.find((p) => p.key === ZERO.key)).toMatchObject({ read: true });
  });
});
