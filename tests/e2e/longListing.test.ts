// A long arXiv listing in Chromium: its top goes to the background first, the whole page next; the page still gets one
// badge per row, and the tab's scan (what the popup lists) is the whole page, not its top. A listing big enough to be
// parsed in several chunks gets badges while it is parsed, each row read only once the parser is done with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import type { PageScan } from '../../src/messaging/shapes.ts';
import type { Page } from 'playwright-core';
import { launchWithExtension, readBadges, serveAt, waitForBadges, type ExtensionBrowser } from './chromium.ts';
import { scrollEntries, settledBadgeKeys, tabIdOf } from './sitesPages.ts';

const ROWS = 450;
const TOPICS = [
  'Graph Neural Networks for Molecular Property Prediction',
  'Diffusion Models for High-Resolution Image Synthesis',
  'Federated Learning with Differential Privacy',
  'Speech Recognition with Self-Supervised Transformers',
  'Retrieval-Augmented Generation for Question Answering',
];
const entries = scrollEntries(Array.from({ length: ROWS }, (_, i) => `${TOPICS[i % TOPICS.length]}, Part ${i + 1}`));
const URL_ = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${ROWS}`;

describe('a long listing in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, URL_, demoListingHtml(entries));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const storedScan = (page: Page) =>
    tabIdOf(browser.worker, page).then(
      (tabId) =>
        browser.worker.evaluate(async (id) => {
          const key = `scan:${id}`;
          return (await (globalThis as any).chrome.storage.session.get(key))[key];
        }, tabId) as Promise<PageScan | undefined>,
    );

  it('badges every row once, in order, and keeps the whole page as the tab scan', async () => {
    const page = await browser.context.newPage();
    await page.goto(URL_);
    await waitForBadges(page, ROWS);
    const keys = entries.map((e) => `arxiv:${e.arxivId}`);
    expect(await settledBadgeKeys(page, keys)).toEqual(keys);
    const badges = await readBadges(page);
    expect(badges.every((b) => b.tags.length > 0)).toBe(true);

    // Only the whole page's answer is stored (parts asked ahead are not), and it stays.
    await expect.poll(async () => (await storedScan(page))?.papers.length, { timeout: 15_000 }).toBe(ROWS);
    await page.waitForTimeout(500);
    const scan = await storedScan(page);
    expect(scan?.url).toBe(URL_);
    expect(scan?.papers.map((p) => p.key)).toEqual(keys);
    await page.close();
  });

  it('badges a listing while it is parsed, reading each row whole', async () => {
    // About 2.6 MB, as a 2,000-row listing with abstracts is: Chromium parses it in many chunks, drawing between them.
    const rows = 2000;
    const filler = ' We describe the setting, the method and its analysis, then report experiments on standard benchmarks.'.repeat(10);
    const big = scrollEntries(Array.from({ length: rows }, (_, i) => `${TOPICS[i % TOPICS.length]}, Volume ${i + 1}`), 5000).map((e) => ({
      ...e,
      authors: [`Author ${e.arxivId}`, 'B. Second'],
      abstract: `${e.abstract}${filler} Entry ${e.arxivId} ends here.`,
    }));
    const url = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${rows}`;
    await serveAt(browser.context, url, demoListingHtml(big));
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as any).badgedAtLoaded = [...document.getElementsByTagName('paperscope-badge')].filter((b) => b.shadowRoot?.querySelector('[part=tag]')).length;
      });
    });
    await page.goto(url, { timeout: 60_000 });
    await waitForBadges(page, rows);
    const keys = big.map((e) => `arxiv:${e.arxivId}`);
    expect(await settledBadgeKeys(page, keys)).toEqual(keys);
    expect(await page.evaluate(() => (window as any).badgedAtLoaded)).toBeGreaterThan(0);

    // Every row as the page has it, complete: rows read while the page was parsed are in the whole page's request too.
    await expect.poll(async () => (await storedScan(page))?.papers.length, { timeout: 15_000 }).toBe(rows);
    const scan = (await storedScan(page))!;
    expect(scan.papers.map((p) => [p.ref.title, p.ref.authors, p.ref.abstract])).toEqual(big.map((e) => [e.title, e.authors, e.abstract]));
    await page.close();
  }, 90_000);
});
