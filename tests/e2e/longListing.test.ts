// A long arXiv listing in Chromium: its top goes to the background first, the rest in parts, each row once; the page gets
// one badge per row, and the tab's scan (what the popup lists) is the whole page, not its top. A listing big enough to be
// parsed in several chunks gets badges while it is parsed, each row read only once the parser is done with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import type { Page } from 'playwright-core';
import { launchWithExtension, readBadges, serveAt, waitForBadges, type ExtensionBrowser } from './chromium.ts';
import { scrollEntries, settledBadgeKeys, waitForScan } from './sitesPages.ts';

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

  const storedScan = (page: Page) => waitForScan(browser.worker, page);

  it('asks about every row once, badges every row once, in order, and keeps the whole page as the tab scan', async () => {
    // A second listener in the worker sees every message the content script sends (and answers none).
    await browser.worker.evaluate(() => {
      const asked: string[] = [];
      (globalThis as any).askedRows = asked;
      (globalThis as any).chrome.runtime.onMessage.addListener((message: any) => {
        if (message?.type === 'matchRows') asked.push(...message.request.refs.map((r: { key: string }) => r.key));
      });
    });
    const page = await browser.context.newPage();
    await page.goto(URL_);
    await waitForBadges(page, ROWS);
    const keys = entries.map((e) => `arxiv:${e.arxivId}`);
    expect(await settledBadgeKeys(page, keys)).toEqual(keys);
    const badges = await readBadges(page);
    expect(badges.every((b) => b.tags.length > 0)).toBe(true);

    // The page keeps the whole page, in order; each row crossed to the worker once, in more than one part.
    await expect.poll(async () => (await storedScan(page))?.papers.length, { timeout: 15_000 }).toBe(ROWS);
    await page.waitForTimeout(500);
    const scan = await storedScan(page);
    expect(scan?.url).toBe(URL_);
    expect(scan?.papers.map((p) => p.key)).toEqual(keys);
    expect(await browser.worker.evaluate(() => (globalThis as any).askedRows)).toEqual(keys);
    // A change to the page rescans it: rows it has answers for are not asked again.
    await page.evaluate(() => document.body.append(document.createElement('div')));
    await expect.poll(async () => (await storedScan(page))?.scannedAt, { timeout: 15_000 }).toBeGreaterThan(scan!.scannedAt);
    expect(await browser.worker.evaluate(() => (globalThis as any).askedRows)).toEqual(keys);
    expect(await page.$$eval('paperscope-badge', (b) => b.length)).toBe(ROWS);
    await page.close();
  });

  it('badges a listing while it is parsed, reading each row whole', async () => {
    // About 2.6 MB, as a 2,000-row listing with abstracts is: Chromium parses it in many chunks, drawing between them.
    const rows = 2000;
    const filler = ' We describe the setting, the method and its analysis, then report experiments on standard benchmarks.'.repeat(10);
    const big = scrollEntries(
      Array.from({ length: rows }, (_, i) => `${TOPICS[i % TOPICS.length]}, Volume ${i + 1}`),
      5000,
    ).map((e) => ({
      ...e,
      authors: [`Author ${e.arxivId}`, 'B. Second'],
      abstract: `${e.abstract}${filler} Entry ${e.arxivId} ends here.`,
    }));
    const url = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${rows}`;
    // The parser stops a quarter of the way down at a script that is answered once the page has a badge (or after 30 s):
    // how early the first answer comes then depends on nothing but the extension, not on how busy the machine is.
    const holdUrl = 'https://arxiv.org/static/paperscope-test-hold.js';
    const html = demoListingHtml(big);
    const quarter = nthIndexOf(html, '</dd>', rows / 4) + '</dd>'.length;
    await serveAt(browser.context, url, `${html.slice(0, quarter)}<script src="${holdUrl}"></script>${html.slice(quarter)}`);
    const page = await browser.context.newPage();
    await browser.context.route(holdUrl, async (route) => {
      const badged = () => page.evaluate(() => document.getElementsByTagName('paperscope-badge').length).catch(() => 0);
      for (let waited = 0; waited < 30_000 && (await badged()) === 0; waited += 100) await new Promise((r) => setTimeout(r, 100));
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    });
    await page.addInitScript(() => {
      // A badge goes in filled (the page cannot see inside it): one in the page is one that was answered.
      document.addEventListener('DOMContentLoaded', () => {
        (window as any).badgedAtLoaded = document.getElementsByTagName('paperscope-badge').length;
      });
    });
    await page.goto(url, { timeout: 60_000 });
    await waitForBadges(page, rows);
    const keys = big.map((e) => `arxiv:${e.arxivId}`);
    expect(await settledBadgeKeys(page, keys)).toEqual(keys);
    expect(await page.evaluate(() => (window as any).badgedAtLoaded)).toBeGreaterThan(0);

    // Every row as the page has it, complete: rows read while the page was parsed are in the page's scan too.
    await expect.poll(async () => (await storedScan(page))?.papers.length, { timeout: 15_000 }).toBe(rows);
    const scan = (await storedScan(page))!;
    expect(scan.papers.map((p) => [p.ref.title, p.ref.authors, p.ref.abstract])).toEqual(big.map((e) => [e.title, e.authors, e.abstract]));
    await page.close();
  }, 90_000);
});

function nthIndexOf(text: string, part: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(part, at + 1);
    if (at < 0) throw new Error(`fewer than ${n} ${part} in the page`);
  }
  return at;
}
