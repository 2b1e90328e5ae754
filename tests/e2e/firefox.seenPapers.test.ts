// The reader's memory in firefox-esr (an event page, not a service worker): a first listing is all new, a second one
// marks only the papers the first did not show, and a reload marks none; the options page counts what is remembered.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { type DemoEntry, demoEntries, demoListingHtml } from '../../src/cli/demoPage.ts';
import { askWorker, type BadgeInfo, serveAt, waitForBadgesTo } from './chromium.ts';
import { FIREFOX_SETUP_TIMEOUT_MS, type FirefoxWithExtension, launchFirefoxWithOptions } from './firefox.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

const entries = demoEntries(bundledPapers(), 15);
const keyOf = (e: DemoEntry) => `arxiv:${e.arxivId}`;
const FIRST = { url: 'https://arxiv.org/list/cs.LG/new', entries: entries.slice(0, 10) };
const SECOND = { url: 'https://arxiv.org/list/cs.AI/new', entries: entries.slice(5, 15) };

/** Waits until the page's `count` badges all have their answer (tags and a new mark's place), and answers them. */
function marked(page: Page, count: number): Promise<BadgeInfo[]> {
  return waitForBadgesTo(
    page,
    (badges) => badges.length === count && badges.every((b) => b.tags.length > 0 && (b.isNew === 'true' || b.isNew === 'false')),
    `${count} badges with their new marks`,
    20_000,
  );
}
const newKeys = (badges: BadgeInfo[]) => badges.filter((b) => b.isNew === 'true').map((b) => b.key);

describe.skipIf(FIREFOX_TOO_OLD)('papers seen before, and new ones (Firefox)', () => {
  let browser: FirefoxWithExtension;
  let options: Page;

  beforeAll(async () => {
    // The first wake installs the bundled catalogue; the options page shows its controls once it is done.
    ({ browser, options } = await launchFirefoxWithOptions());
    for (const listing of [FIRST, SECOND]) await serveAt(browser.context, listing.url, demoListingHtml(listing.entries));
  }, FIREFOX_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  it('a first listing is all new, a second marks only its unseen papers, a reload marks none', async () => {
    const first = await browser.context.newPage();
    await first.goto(FIRST.url);
    expect(newKeys(await marked(first, 10))).toEqual(FIRST.entries.map(keyOf));
    // The status waits for the background's writes.
    expect((await askWorker(options, 'seenStatus', {})).count).toBe(10);

    const second = await browser.context.newPage();
    await second.goto(SECOND.url);
    expect(newKeys(await marked(second, 10))).toEqual(entries.slice(10, 15).map(keyOf));
    expect((await askWorker(options, 'seenStatus', {})).count).toBe(15);

    await second.reload();
    expect(newKeys(await marked(second, 10))).toEqual([]);
  });
});
