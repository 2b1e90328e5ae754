// Bulk selection in Chromium: pick papers of a feed page in the popup, save them (the page's badges flip), export them.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchWithExtension, readBadges, serveAt, waitForBadges, waitForBadgesTo, type ExtensionBrowser } from './chromium.ts';

describe('bulk selection in the popup', () => {
  let browser: ExtensionBrowser;
  let feed: Page;
  let tabId: number | undefined;
  const want = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: Array<{ key: string; title: string; arxivId?: string }> };

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, want.url, fixture('arxiv/list-new.html'));
    const tabIds = () => browser.worker.evaluate(async () => ((await (globalThis as any).chrome.tabs.query({})) as Array<{ id: number }>).map((t) => t.id));
    const before = new Set(await tabIds());
    feed = await browser.context.newPage();
    await feed.goto(want.url);
    await waitForBadges(feed, want.rows.length);
    tabId = (await tabIds()).find((id) => !before.has(id));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('selects two papers, saves them (their badges flip) and exports them as BibTeX', async () => {
    expect(tabId).toBeDefined();
    const [first, second] = [want.rows[0]!, want.rows[2]!];
    expect((await readBadges(feed)).filter((b) => b.saved === 'true')).toEqual([]);

    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    const box = (key: string) => popup.locator(`li[data-paper-key="${key}"] input[type=checkbox][data-control=select-paper]`);
    await box(first.key).waitFor({ timeout: 15_000 });
    expect(await popup.locator('input[data-control=select-paper]').count()).toBe(want.rows.length);
    // Named by the paper's title.
    await expect(popup.getByRole('checkbox', { name: first.title, exact: true }).count()).resolves.toBe(1);

    // Keyboard: focus the first checkbox and toggle it with Space; the second by click.
    await box(first.key).focus();
    await popup.keyboard.press('Space');
    await box(second.key).check();
    const count = popup.locator('[data-selection-count]');
    await popup.waitForFunction(() => document.querySelector('[data-selection-count]')?.getAttribute('data-selection-count') === '2');
    expect(await count.textContent()).toBe(`2 of ${want.rows.length} selected`);
    expect(await count.getAttribute('aria-live')).toBe('polite');

    await popup.click('button[data-action=save-selected]');
    await waitForBadgesTo(feed, (badges) => [first.key, second.key].every((k) => badges.find((b) => b.key === k)?.saved === 'true'), 'both shown saved');
    const badges = await readBadges(feed);
    expect(
      badges
        .filter((b) => b.saved === 'true')
        .map((b) => b.key)
        .sort(),
    ).toEqual([first.key, second.key].sort());
    await popup.waitForSelector(`li[data-paper-key="${first.key}"][data-saved=true]`);

    await popup.waitForSelector('button[data-action=export-selected]:not([disabled])');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('button[data-action=export-selected]')]);
    expect(download.suggestedFilename()).toBe('paperscope-selection.bib');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.match(/^@\w+\{/gm)).toHaveLength(2);
    for (const row of [first, second]) if (row.arxivId) expect(text).toContain(`eprint = {${row.arxivId}}`);
    await popup.close();
  });

  it('exports papers that are not saved, with Select all', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    const selectAll = popup.locator('input[type=checkbox][data-control=select-all]');
    await selectAll.waitFor({ timeout: 15_000 });
    await selectAll.check();
    await popup.waitForFunction((n) => document.querySelector('[data-selection-count]')?.getAttribute('data-selection-count') === String(n), want.rows.length);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('button[data-action=export-selected]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.match(/^@\w+\{/gm)).toHaveLength(want.rows.length);
    await popup.close();
  });
});
