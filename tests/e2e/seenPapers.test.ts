// The reader's memory in Chromium: listings mark only papers never seen before (across listings, sites and a worker
// restart); a reload marks nothing; the popup counts them; forgetting a site from the options page makes its papers new
// again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { type DemoEntry, demoEntries, demoListingHtml } from '../../src/cli/demoPage.ts';
import { askWorker, type BadgeInfo, type ExtensionBrowser, fixture, launchWithExtension, serveAt, stopServiceWorker, waitForBadgesTo } from './chromium.ts';

const entries = demoEntries(bundledPapers(), 20);
const keyOf = (e: DemoEntry) => `arxiv:${e.arxivId}`;
const hf = JSON.parse(fixture('huggingface/daily.json')) as { url: string; rows: Array<{ key: string; title: string }> };
/** An arXiv listing that shows two of the Hugging Face day's papers (same arXiv ids) and one paper of the first listing. */
const sharedWithHf: DemoEntry[] = [
  ...hf.rows.slice(0, 2).map((r) => ({ arxivId: r.key.slice('arxiv:'.length), title: r.title, authors: ['A. Author'], categories: ['cs.CL'], abstract: '' })),
  entries[0]!,
];

const LISTINGS = {
  first: { url: 'https://arxiv.org/list/cs.LG/new', entries: entries.slice(0, 10) },
  second: { url: 'https://arxiv.org/list/cs.AI/new', entries: entries.slice(5, 15) },
  third: { url: 'https://arxiv.org/list/cs.CL/new', entries: entries.slice(8, 20) },
  withHf: { url: 'https://arxiv.org/list/cs.CV/new', entries: sharedWithHf },
};

/** Waits until the page's `count` badges all have their answer (tags and a new mark's place), and answers them. */
function marked(page: Page, count: number): Promise<BadgeInfo[]> {
  return waitForBadgesTo(
    page,
    (badges) => badges.length === count && badges.every((b) => b.tags.length > 0 && (b.isNew === 'true' || b.isNew === 'false')),
    `${count} badges with their new marks`,
  );
}
const newKeys = (badges: BadgeInfo[]) => badges.filter((b) => b.isNew === 'true').map((b) => b.key);

describe('papers seen before, and new ones (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  const visit = async (url: string, count: number) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return { page, badges: await marked(page, count) };
  };
  /** Waits until the worker has stored `count` papers (its writes follow its answers). */
  const remembered = (count: number) => expect.poll(async () => (await askWorker(options, 'seenStatus', {})).count, { timeout: 10_000 }).toBe(count);

  beforeAll(async () => {
    browser = await launchWithExtension();
    for (const listing of Object.values(LISTINGS)) await serveAt(browser.context, listing.url, demoListingHtml(listing.entries));
    await serveAt(browser.context, hf.url, fixture('huggingface/daily.html'));
    options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a first listing is all new; a second one marks only the papers the first did not show, and keeps its marks through a rescan', async () => {
    const first = await visit(LISTINGS.first.url, 10);
    expect(newKeys(first.badges)).toEqual(LISTINGS.first.entries.map(keyOf));
    await remembered(10);
    const second = await visit(LISTINGS.second.url, 10);
    const expected = entries.slice(10, 15).map(keyOf);
    expect(newKeys(second.badges)).toEqual(expected);
    await remembered(15);
    // The worker answers the page again (a settings change rescans every row): papers first seen in this view stay new.
    await askWorker(options, 'setSiteEnabled', { siteId: 'dblp', enabled: false });
    await second.page.waitForTimeout(500);
    expect(newKeys(await marked(second.page, 10))).toEqual(expected);
    await askWorker(options, 'setSiteEnabled', { siteId: 'dblp', enabled: true });
  });

  it('after a worker restart, a third listing marks exactly its unseen rows, the popup counts them, and a reload marks none', async () => {
    await stopServiceWorker(browser, options);
    const third = await visit(LISTINGS.third.url, 12);
    expect(newKeys(third.badges)).toEqual(entries.slice(15, 20).map(keyOf));
    await remembered(20);

    const [tab] = (await options.evaluate((url) => (globalThis as any).chrome.tabs.query({ url }), LISTINGS.third.url)) as Array<{ id: number }>;
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tab!.id}`));
    const line = popup.locator('[data-page-new]');
    await line.waitFor({ timeout: 15_000 });
    expect(await line.getAttribute('data-page-new')).toBe('5');
    expect(await line.textContent()).toBe('5 new of 12 on this page');
    expect(await popup.locator('[data-marker=new]').count()).toBe(5);
    await popup.close();

    await third.page.reload();
    expect(newKeys(await marked(third.page, 12))).toEqual([]);
  });

  it('one paper on Hugging Face and arXiv is one memory; forgetting Hugging Face in the options makes only its own papers new again', async () => {
    const day = await visit(hf.url, hf.rows.length);
    expect(newKeys(day.badges)).toEqual(hf.rows.map((r) => r.key));
    await remembered(24);
    const arxiv = await visit(LISTINGS.withHf.url, 3);
    expect(newKeys(arxiv.badges)).toEqual([]);
    await remembered(24);

    await options.reload();
    await options.locator('[data-control=seen-site]').selectOption('huggingface');
    await options.locator('[data-action=forget-seen-site]').click();
    await expect.poll(() => options.locator('[data-seen-count]').getAttribute('data-seen-count')).toBe('22');
    await stopServiceWorker(browser, options);

    await day.page.reload();
    expect(newKeys(await marked(day.page, hf.rows.length))).toEqual(hf.rows.slice(2).map((r) => r.key));
  });
});
