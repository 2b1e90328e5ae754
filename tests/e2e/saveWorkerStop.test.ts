// The worker stopped between storing a Save and answering it (Chrome stops service workers at any time): the badges must
// show what the library holds once a worker runs again, not what the user last asked for or what the page showed before.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { demoEntries, demoListingHtml } from '../../src/cli/demoPage.ts';
import { clickBadgeButton, launchWithExtension, savedKeysOf, serveAt, stopServiceWorker, waitForBadgesTo, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const URL = 'https://arxiv.org/list/cs.DC/new';
const entries = demoEntries(bundledPapers(), 20);
const keys = entries.map((e) => `arxiv:${e.arxivId}`);

/**
 * Holds the running worker after it stores a change and before it answers: the last step before its answer, telling
 * the tabs, waits on a tab query that never returns. Only this worker: the next one starts clean.
 */
async function holdWorkerBeforeAnswering(browser: ExtensionBrowser): Promise<void> {
  const worker = browser.context.serviceWorkers().at(-1) ?? browser.worker;
  await worker.evaluate(() => {
    for (const api of [(globalThis as any).chrome, (globalThis as any).browser]) if (api?.tabs) api.tabs.query = () => new Promise(() => undefined);
  });
}

/** Waits until every badge shows what the library holds. */
async function badgesShowLibrary(page: Page, options: Page): Promise<void> {
  const library = new Set(await savedKeysOf(options));
  await waitForBadgesTo(
    page,
    (badges) => badges.length === keys.length && badges.every((b) => b.saved === String(library.has(b.key!))),
    `badges as the library holds them (${[...library]})`,
  );
}

describe('a Save the worker stopped before answering (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, URL, demoListingHtml(entries));
    options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    page = await browser.context.newPage();
    await page.goto(URL);
    await waitForBadges(page, keys.length);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const saved of [true, false]) {
    it(`${saved ? 'saving' : 'unsaving'}: every badge shows what the library holds`, async () => {
      const key = keys[7]!;
      await holdWorkerBeforeAnswering(browser);
      await clickBadgeButton(page, key, 'save');
      // Stored, but not answered.
      await expect.poll(async () => (await savedKeysOf(options)).includes(key), { timeout: 10_000 }).toBe(saved);
      await stopServiceWorker(browser, page);
      await badgesShowLibrary(page, options);
      expect((await savedKeysOf(options)).includes(key)).toBe(saved);
    });
  }
});
