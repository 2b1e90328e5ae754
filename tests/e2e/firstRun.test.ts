// The first-run page in Chromium: opened once by a fresh install, listing every supported site and the shortcuts the
// browser has, linking to the catalogue import; not opened again when the worker wakes or the browser starts again.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../../src/adapters/sites.ts';
import { askWorker, CHROME_DIST, FIRST_RUN_PAGE, firstRunPageOf, launchWithExtension, stopServiceWorker, type ExtensionBrowser } from './chromium.ts';

const manifest = JSON.parse(readFileSync(resolve(process.cwd(), 'manifest.json'), 'utf8')) as {
  commands: Record<string, { suggested_key: { default: string } }>;
};

/**
 * The tabs showing the first-run page: as the worker sees them, or as the browser lists its pages when the worker's
 * tabs.query gives no URLs (Chromium 150 leaves them out for an extension without the "tabs" permission).
 */
async function firstRunTabs(browser: ExtensionBrowser): Promise<number> {
  const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`)) ?? browser.worker;
  const url = browser.pageUrl(FIRST_RUN_PAGE);
  const seen = await worker.evaluate(async (url) => {
    const tabs = (await (globalThis as any).chrome.tabs.query({})) as Array<{ url?: string }>;
    return tabs.some((t) => t.url !== undefined) ? tabs.filter((t) => t.url?.startsWith(url)).length : undefined;
  }, url);
  return seen ?? browser.context.pages().filter((page) => page.url().startsWith(url)).length;
}

describe('the first-run page', () => {
  let browser: ExtensionBrowser;
  let welcome: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(undefined, { keepFirstRunPage: true });
    welcome = await firstRunPageOf(browser.context, browser.extensionId);
    await welcome.waitForSelector('[data-shortcuts]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens by itself after a fresh install, once, and says what Paperscope does', async () => {
    expect(await firstRunTabs(browser)).toBe(1);
    expect(await welcome.title()).toBe('Welcome to Paperscope');
    expect(await welcome.textContent('h1')).toBe('Welcome to Paperscope');
    expect(await welcome.textContent('main')).toMatch(/sends nothing anywhere/);
  });

  it('lists every supported site, from the adapters, in their order', async () => {
    const listed = await welcome.$$eval('[data-welcome-sites] li', (items) =>
      items.map((li) => ({ id: li.getAttribute('data-site-id'), name: li.querySelector('.welcome-site-name')?.textContent })),
    );
    expect(listed).toEqual(SITES.map((site) => ({ id: site.id, name: site.name })));
    // Every site the built extension runs on, no more, no fewer.
    const built = JSON.parse(readFileSync(resolve(CHROME_DIST, 'manifest.json'), 'utf8')) as { content_scripts: unknown[] };
    expect(listed.length).toBe(built.content_scripts.length);
  });

  it("shows each of the manifest's commands with the shortcut the browser has for it", async () => {
    const shown = await welcome.$$eval('[data-command]', (rows) =>
      rows.map((row) => ({
        name: row.getAttribute('data-command'),
        keys: row.querySelector('kbd')?.textContent ?? null,
        dt: row.querySelector('dt')?.textContent,
        words: row.querySelector('dd')?.textContent,
      })),
    );
    const browserHas = (await browser.worker.evaluate(() => (globalThis as any).chrome.commands.getAll())) as Array<{ name: string; shortcut: string }>;
    expect(shown.map((s) => s.name).sort()).toEqual(Object.keys(manifest.commands).sort());
    for (const name of Object.keys(manifest.commands)) {
      const row = shown.find((s) => s.name === name)!;
      const shortcut = browserHas.find((c) => c.name === name)!.shortcut;
      // The browser's own word is the truth: this Chromium leaves the popup's suggested key unassigned.
      if (shortcut) expect(row.keys, name).toBe(shortcut);
      else expect([row.keys, row.dt], name).toEqual([null, 'not set']);
      expect(row.words?.trim().length, name).toBeGreaterThan(10);
    }
    // The manifest's suggestion for saving, as the browser assigned it.
    expect(shown.find((s) => s.name === 'save-current-paper')!.keys).toBe(manifest.commands['save-current-paper']!.suggested_key.default);
    expect(shown.find((s) => s.name === 'save-current-paper')!.words).toBe("Save this tab's paper (or the picked paper) to Paperscope");
    expect(shown.find((s) => s.name === '_execute_action')!.words).toBe('Open the Paperscope popup');
  });

  it('links to the options page where a larger catalogue is imported', async () => {
    await welcome.click('a[data-link=catalogue-import]');
    await welcome.waitForURL(`${browser.pageUrl('src/ui/options/index.html')}#catalogue-import`);
    const heading = await welcome.waitForSelector('#catalogue-import h3');
    expect(await heading.textContent()).toBe('Import a catalogue');
    await welcome.close();
  });

  it('does not open again when the worker wakes, nor when the browser starts again with the same profile', async () => {
    expect(await firstRunTabs(browser)).toBe(0);
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('src/ui/options/index.html'));
    await stopServiceWorker(browser, page);
    // Woken by a message, as a page wakes it.
    expect((await askWorker(page, 'catalogueInfo', {})).paperCount).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    expect(browser.context.pages().filter((p) => p.url().includes(FIRST_RUN_PAGE))).toEqual([]);
    expect(await firstRunTabs(browser)).toBe(0);

    const profileDir = browser.profileDir;
    await browser.close();
    browser = await launchWithExtension(profileDir);
    const again = await browser.context.newPage();
    await again.goto(browser.pageUrl('src/ui/options/index.html'));
    expect((await askWorker(again, 'catalogueInfo', {})).paperCount).toBeGreaterThan(0);
    await again.waitForTimeout(1500);
    expect(browser.context.pages().filter((p) => p.url().includes(FIRST_RUN_PAGE))).toEqual([]);
    expect(await firstRunTabs(browser)).toBe(0);
  });
});
