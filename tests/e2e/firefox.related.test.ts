// Related in firefox-esr: Firefox opens its sidebar only inside the user's click on an extension page. The popup's
// Related opens it in the click itself; a badge's Related (a page cannot open it, nor the worker for it) shows a notice
// saying how to open it, rather than nothing. Extension pages are opened through the remote debugging protocol
// (tests/e2e/firefoxRdp.ts), as a person opens a link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickBadgeButton, fixture, serveAt, waitForBadges } from './chromium.ts';
import {
  BROWSER_WINDOW,
  FIREFOX_SETUP_TIMEOUT_MS,
  type FirefoxWithExtension,
  launchFirefoxWithOptions,
  OPEN_EXTENSION_PAGE_MS,
  openExtensionPage as openExtensionPageIn,
} from './firefox.ts';
import type { FirefoxDebugger } from './firefoxRdp.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

const LISTING = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: Array<{ key: string; title: string }> };
/** The browser window's sidebar: SidebarController in current Firefox, SidebarUI before. */
const SIDEBAR_OPEN = `${BROWSER_WINDOW} const sidebar = w.SidebarController ?? w.SidebarUI; return { open: sidebar.isOpen, panel: sidebar.currentID ?? null };`;

describe.skipIf(FIREFOX_TOO_OLD)('Related in Firefox', () => {
  let browser: FirefoxWithExtension;
  let firefox: FirefoxDebugger;
  let chrome: string;

  const openExtensionPage = (path: string) => openExtensionPageIn(browser, chrome, path);
  const sidebar = () => firefox.evaluate(chrome, SIDEBAR_OPEN) as Promise<{ open: boolean; panel: string | null }>;

  beforeAll(async () => {
    // As tests/e2e/firefox.library.test.ts: the first extension page opened is the options page, once it shows.
    ({ browser, browserConsole: chrome } = await launchFirefoxWithOptions());
    firefox = browser.rdp;
  }, FIREFOX_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  it(
    "the popup's Related opens the sidebar in the click itself",
    async () => {
      const popup = await openExtensionPage('src/ui/popup/index.html');
      await popup.locator('input[data-control=search-saved]').waitFor({ state: 'attached', timeout: 20_000 });
      await popup.fill('input[data-control=search-saved]', 'attention', { timeout: 20_000 });
      const related = popup.locator('section[data-section=catalogue] li[data-paper-key] button[data-action=related]').first();
      await related.waitFor({ timeout: 20_000 });
      await related.click({ timeout: 20_000 });
      await expect.poll(async () => (await sidebar()).open, { timeout: 10_000 }).toBe(true);
      expect(await popup.locator('[role=alert]').count()).toBe(0);
      // The page's own waits, a slow open of the popup under CI load included (a 90 s budget was once too short for it).
    },
    OPEN_EXTENSION_PAGE_MS + 90_000,
  );

  it("a badge's Related, which cannot open the sidebar, says how to open it", async () => {
    await firefox.evaluate(chrome, `${BROWSER_WINDOW} (w.SidebarController ?? w.SidebarUI).hide(); return true;`);
    expect((await sidebar()).open).toBe(false);
    await serveAt(browser.context, LISTING.url, fixture('arxiv/list-new.html'));
    const listing = await browser.context.newPage();
    await listing.goto(LISTING.url);
    await waitForBadges(listing, LISTING.rows.length);
    await clickBadgeButton(listing, LISTING.rows[0]!.key, 'related');
    const notice = listing.locator('paperscope-notice[role=status]');
    await notice.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await notice.evaluate((host) => host.shadowRoot?.textContent ?? '')).toMatch(/To see related papers, open Paperscope's sidebar/);
    expect((await sidebar()).open).toBe(false);
    await listing.close();
  });
});
