// End to end in firefox-esr: links anywhere. Nothing is granted for other sites at install; the popup's "Show badges on
// this site", clicked by a person (Playwright's trusted click), asks Firefox for the one site's permission, which the
// test profile grants without its prompt (extensions.webextOptionalPermissionPrompts=false, tests/e2e/firefox.ts);
// badges appear beside the paper links of a served Hacker News thread, and go with the permission when turned off.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../vite.config.ts';
import { fixture, readBadges, serveAt } from './chromium.ts';
import { BROWSER_WINDOW, FIREFOX_SETUP_TIMEOUT_MS, type FirefoxWithExtension, launchFirefoxWithExtension, openExtensionPage, OPEN_EXTENSION_PAGE_MS } from './firefox.ts';
import { badgeKeys, settledBadgeKeys } from './sitesPages.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

const HN_URL = 'https://news.ycombinator.com/item?id=37820000';
const HN_PATTERN = 'https://news.ycombinator.com/*';
const want = (JSON.parse(fixture('links/hn-thread.json')) as { papers: Array<{ key: string }> }).papers.map((p) => p.key);

describe.skipIf(FIREFOX_TOO_OLD)('Links anywhere, in Firefox', () => {
  let browser: FirefoxWithExtension;
  let browserConsole: string;
  let options: Page;
  const granted = async () => ((await options.evaluate(() => (globalThis as any).browser.permissions.getAll())) as { origins: string[] }).origins;

  beforeAll(async () => {
    browser = await launchFirefoxWithExtension();
    browserConsole = await browser.rdp.browserConsole();
    await serveAt(browser.context, HN_URL, fixture('links/hn-thread.html'));
    options = await openExtensionPage(browser, browserConsole, 'src/ui/options/index.html');
  }, FIREFOX_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  it(
    'asks for the one site in the click, badges its paper links, and gives the permission back when turned off',
    async () => {
      // Installed with no site beyond its own: no wildcard granted, nothing for this site.
      const before = await granted();
      for (const wide of ['https://*/*', 'http://*/*', '<all_urls>', '*://*/*']) expect(before).not.toContain(wide);
      expect(before).not.toContain(HN_PATTERN);

      const page = await browser.context.newPage();
      await page.goto(HN_URL);
      await page.waitForTimeout(800);
      expect(await badgeKeys(page)).toEqual([]);
      // The toolbar button's click grants activeTab on the tab (the popup then knows its address): done as Firefox does it.
      await page.bringToFront();
      const tabId = (await browser.rdp.evaluate(
        browserConsole,
        `${BROWSER_WINDOW} const tab = w.gBrowser.selectedTab; const ext = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
       ext.tabManager.addActiveTabPermission(tab); return ext.tabManager.getWrapper(tab).id;`,
      )) as number;
      expect(Number.isInteger(tabId)).toBe(true);

      const popup = await openExtensionPage(browser, browserConsole, `src/ui/popup/index.html?tabId=${tabId}`);
      const toggle = popup.locator('input[data-control="links-site"]');
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(false);
      await toggle.click();
      await popup.waitForFunction(() => (document.querySelector('input[data-control="links-site"]') as HTMLInputElement | null)?.checked === true);
      expect(await granted()).toContain(HN_PATTERN);

      await page.bringToFront();
      expect(await settledBadgeKeys(page, want, 30_000)).toEqual(want);
      const badges = await readBadges(page);
      expect(badges.every((b) => b.savePressed === 'false' && !b.hasRelated)).toBe(true);
      // The registered script badges the site on a new load too.
      await page.reload();
      expect(await settledBadgeKeys(page, want, 30_000)).toEqual(want);

      await popup.bringToFront();
      await toggle.click();
      await popup.waitForFunction(() => (document.querySelector('input[data-control="links-site"]') as HTMLInputElement | null)?.checked === false);
      await page.bringToFront();
      expect(await settledBadgeKeys(page, [], 30_000)).toEqual([]);
      expect(await granted()).not.toContain(HN_PATTERN);

      // On again, in the same tab without a reload (its script stays until the tab reloads): the badges come back.
      await popup.bringToFront();
      await toggle.click();
      await popup.waitForFunction(() => (document.querySelector('input[data-control="links-site"]') as HTMLInputElement | null)?.checked === true);
      await page.bringToFront();
      expect(await settledBadgeKeys(page, want, 30_000)).toEqual(want);
      // The pages close with the browser (closing a moz-extension:// tab from Playwright can stall for a minute).
    },
    OPEN_EXTENSION_PAGE_MS + 90_000,
  );
});
