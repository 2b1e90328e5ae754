// End to end in real Chromium: the toolbar popup's "Scan this page for papers" badges a page of no supported site.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DIST, fixture, launchWithExtension, openActionPopup, readBadges, serveAt, type ExtensionBrowser, until } from './chromium.ts';
import { badgeKeys, settledBadgeKeys } from './sitesPages.ts';

const URL_OF_POST = 'https://blog.example.org/post';
const URL_OF_OTHER_POST = 'https://blog.example.org/other-post';
const SCAN_SCRIPT = 'src/content/scanPage.js';
const want = (JSON.parse(fixture('generic/blog-post.json')) as { rows: Array<{ key: string }> }).rows.map((r) => r.key);

describe('Scan this page for papers, in Chromium', () => {
  let browser: ExtensionBrowser;
  let cdp: CDPSession;

  beforeAll(async () => {
    browser = await launchWithExtension();
    cdp = await browser.context.browser()!.newBrowserCDPSession();
    for (const url of [URL_OF_POST, URL_OF_OTHER_POST]) await serveAt(browser.context, url, fixture('generic/blog-post.html'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A new tab showing `url`, and its id (tabs.query shows no URLs here: the extension has no host permission for them). */
  async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
    const tabIds = (): Promise<number[]> => browser.worker.evaluate(async () => (await (globalThis as any).chrome.tabs.query({})).map((t: { id: number }) => t.id));
    const before = await tabIds();
    const page = await browser.context.newPage();
    await page.goto(url);
    const tabId = (await tabIds()).find((id) => !before.includes(id));
    if (tabId === undefined) throw new Error(`no new tab for ${url}`);
    return { page, tabId };
  }

  it('badges the arXiv and DOI links of a blog post from the real toolbar popup, once however often it is asked', async () => {
    const { page, tabId } = await openTab(URL_OF_POST);
    await page.waitForTimeout(500);
    expect(await badgeKeys(page)).toEqual([]); // no content script runs here by itself

    const popup = await openActionPopup(cdp, browser.extensionId, page);
    await until(() => popup.evaluate(`!!document.querySelector('[data-empty="no-scan"] ~ button[data-action="scan-page"]')`), 'the scan button');
    await popup.evaluate(`document.querySelector('button[data-action="scan-page"]').click()`);

    expect(await settledBadgeKeys(page, want)).toEqual(want);
    expect(want.some((k) => k.startsWith('arxiv:')) && want.some((k) => k.startsWith('doi:'))).toBe(true);
    const badges = await readBadges(page);
    expect(badges.map((b) => b.saved)).toEqual(want.map(() => 'false'));
    // The popup lists what the scan found, in place of the button.
    const listed = await until(async () => {
      const keys = (await popup.evaluate(`[...document.querySelectorAll('li[data-paper-key]')].map((li) => li.getAttribute('data-paper-key'))`)) as string[];
      return keys.length > 0 ? keys : undefined;
    }, 'the popup list');
    expect(listed).toEqual(want);
    expect(await popup.evaluate(`!!document.querySelector('button[data-action="scan-page"]')`)).toBe(false);

    // Injected again (the grant lasts until the tab navigates): the second run replaces the first, no badge is doubled.
    await browser.worker.evaluate(({ tabId, file }) => (globalThis as any).chrome.scripting.executeScript({ target: { tabId }, files: [file] }), { tabId, file: SCAN_SCRIPT });
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('p')));
    expect(await settledBadgeKeys(page, want, 15_000, 1200)).toEqual(want);
    await page.close();
  });

  it('cannot inject without the user having clicked the toolbar button: an error in the popup, no badges', async () => {
    const { page, tabId } = await openTab(URL_OF_OTHER_POST);
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    await popup.click('button[data-action="scan-page"]');
    await popup.waitForSelector('[role="alert"]:has-text("Could not scan this page")');
    expect(await badgeKeys(page)).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
  });

  it('keeps the injected script private: not web-accessible, so no site can probe for it', async () => {
    const manifest = JSON.parse(readFileSync(resolve(CHROME_DIST, 'manifest.json'), 'utf8')) as { web_accessible_resources?: Array<{ resources: string[] }> };
    expect(readFileSync(resolve(CHROME_DIST, SCAN_SCRIPT), 'utf8').length).toBeGreaterThan(0);
    expect((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources)).not.toContain(SCAN_SCRIPT);
    const page = await browser.context.newPage();
    await page.goto(URL_OF_OTHER_POST);
    const fetched = await page.evaluate(
      (url) =>
        fetch(url).then(
          (r) => r.status,
          (e: unknown) => String(e),
        ),
      `chrome-extension://${browser.extensionId}/${SCAN_SCRIPT}`,
    );
    expect(fetched).not.toBe(200);
    await page.close();
  });
});
