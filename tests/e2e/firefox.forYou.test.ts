// Ranked for you in firefox-esr (an event page, not a service worker): with five papers on one subject saved, a listing
// marks exactly its rows on that subject "for you" with the reason, and the others not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoEntry, demoListingHtml } from '../../src/cli/demoPage.ts';
import { askWorker, type BadgeInfo, serveAt, waitForBadgesTo } from './chromium.ts';
import { type FirefoxWithExtension, launchFirefoxWithExtension, openExtensionPage } from './firefox.ts';
import { RELATED, SAVED, UNRELATED } from './forYouPapers.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

const keyOf = (e: DemoEntry) => `arxiv:${e.arxivId}`;
const LISTING = 'https://arxiv.org/list/cs.DC/pastweek';
const rows = [UNRELATED[0]!, RELATED[0]!, UNRELATED[1]!, RELATED[1]!, UNRELATED[2]!, RELATED[2]!];

describe.skipIf(FIREFOX_TOO_OLD)('ranked for you (Firefox)', () => {
  let browser: FirefoxWithExtension;

  beforeAll(async () => {
    browser = await launchFirefoxWithExtension();
    await serveAt(browser.context, LISTING, demoListingHtml(rows));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('five saved papers on one subject mark a listing’s rows on it for you, with why, and no others', async () => {
    const options = await openExtensionPage(browser, await browser.rdp.browserConsole(), 'src/ui/options/index.html');
    await options.waitForSelector('input[data-control=library-import]', { timeout: 60_000 });
    for (const entry of SAVED) {
      const paper = { key: keyOf(entry), title: entry.title, authors: entry.authors, arxivId: entry.arxivId, abstract: entry.abstract, categories: entry.categories };
      await askWorker(options, 'setSaved', { paper, saved: true });
    }
    expect(await askWorker(options, 'interestStatus', {})).toMatchObject({ ranking: true, papers: 5 });

    const page = await browser.context.newPage();
    await page.goto(LISTING);
    // Every row answered and ranked (a loaded machine can take a while to start Firefox's worker and learn).
    const badges = await waitForBadgesTo(page, (found: BadgeInfo[]) => found.length === rows.length && found.every((b) => b.forYou != null), 'every row ranked', 60_000);
    const forYou = badges.filter((b) => b.forYou?.level).map((b) => b.key);
    expect(forYou).toEqual(RELATED.map(keyOf));
    for (const badge of badges.filter((b) => b.forYou?.level)) expect(badge.forYou!.label).toMatch(/^For you: like 5 of your saved papers: /);
    for (const badge of badges.filter((b) => !b.forYou?.level)) expect(badge.forYou!.label).toBeNull();
  });
});
