// A long arXiv listing in Chromium: its top goes to the background first, the whole page next; the page still gets one
// badge per row, and the tab's scan (what the popup lists) is the whole page, not its top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import type { TabScan } from '../../src/messaging/protocol.ts';
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

  it('badges every row once, in order, and keeps the whole page as the tab scan', async () => {
    const page = await browser.context.newPage();
    await page.goto(URL_);
    await waitForBadges(page, ROWS);
    const keys = entries.map((e) => `arxiv:${e.arxivId}`);
    expect(await settledBadgeKeys(page, keys)).toEqual(keys);
    const badges = await readBadges(page);
    expect(badges.every((b) => b.tags.length > 0)).toBe(true);

    const tabId = await tabIdOf(browser.worker, page);
    const storedScan = () =>
      browser.worker.evaluate(async (id) => {
        const key = `scan:${id}`;
        return (await (globalThis as any).chrome.storage.session.get(key))[key];
      }, tabId) as Promise<TabScan | undefined>;
    // The top's answer may be stored for a moment; the whole page's replaces it and stays.
    await expect.poll(async () => (await storedScan())?.papers.length, { timeout: 15_000 }).toBe(ROWS);
    await page.waitForTimeout(500);
    const scan = await storedScan();
    expect(scan?.url).toBe(URL_);
    expect(scan?.papers.map((p) => p.key)).toEqual(keys);
    await page.close();
  });
});
