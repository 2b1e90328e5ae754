// Ranked for you, in Chromium: with two saved papers nothing is ranked and the popup says why; once five papers on one
// subject are saved (from a listing's badges), another listing marks the rows on that subject "for you" with the reason
// and not the others, the popup counts them, and all of it holds after the worker is stopped and woken again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoEntry, demoListingHtml } from '../../src/cli/demoPage.ts';
import {
  askWorker,
  type BadgeInfo,
  clickBadgeButton,
  type ExtensionBrowser,
  launchWithExtension,
  serveAt,
  stopServiceWorker,
  waitForBadgeSaved,
  waitForBadgesTo,
} from './chromium.ts';
import { RELATED, SAVED, UNRELATED } from './forYouPapers.ts';

const keyOf = (e: DemoEntry) => `arxiv:${e.arxivId}`;
const DAY_ONE = 'https://arxiv.org/list/cs.DC/new';
const DAY_TWO = 'https://arxiv.org/list/cs.DC/pastweek';
/** The second day mixes the subjects, so the marks cannot follow the order. */
const dayTwo = [UNRELATED[0]!, RELATED[0]!, UNRELATED[1]!, RELATED[1]!, UNRELATED[2]!, RELATED[2]!, UNRELATED[3]!];
const relatedKeys = RELATED.map(keyOf);

/** Waits until the page's `count` badges have their answers and `done` holds of them. */
const answered = (page: Page, count: number, done: (badges: BadgeInfo[]) => boolean, what: string) =>
  waitForBadgesTo(page, (badges) => badges.length === count && badges.every((b) => b.saved !== null) && done(badges), what, 20_000);

/** The rows marked for you, with their levels, in page order. */
const forYouOf = (badges: BadgeInfo[]) => badges.filter((b) => b.forYou?.level).map((b) => [b.key, b.forYou!.level]);

describe('ranked for you (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let dayOne: Page;
  let dayTwoPage: Page;

  const tabIdOf = async (url: string) => {
    const [tab] = (await options.evaluate((u) => (globalThis as any).chrome.tabs.query({ url: u }), url)) as Array<{ id: number }>;
    return tab!.id;
  };
  const openPopup = async (url: string) => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${await tabIdOf(url)}`));
    return popup;
  };

  /** The second day's listing shows exactly the three rows on the reader's subject for you, each with why. */
  const expectRanked = (badges: BadgeInfo[]) => {
    expect(forYouOf(badges)).toEqual(relatedKeys.map((key) => [key, 'high']));
    for (const badge of badges) {
      // Every row keeps the mark's place (a page cannot tell ranked rows by size); only the related are shown.
      expect(badge.forYou).not.toBeNull();
      if (!relatedKeys.includes(badge.key!)) expect(badge.forYou!.label).toBeNull();
    }
    const labels = badges.filter((b) => relatedKeys.includes(b.key!)).map((b) => b.forYou!.label!);
    for (const label of labels) expect(label).toMatch(/^For you: like 5 of your saved papers: /);
    // The one author of the library's every paper is named where a row shares her.
    expect(labels[0]).toContain('by authors you saved: Grace Hopperton');
  };

  const expectPopupCounts = async () => {
    const popup = await openPopup(DAY_TWO);
    const line = popup.locator('[data-page-for-you]');
    await line.waitFor({ timeout: 15_000 });
    expect(await line.getAttribute('data-page-for-you')).toBe('3');
    expect(await line.textContent()).toBe('3 for you');
    const marked = popup.locator('li[data-paper-key]:has([data-marker=for-you])');
    expect(await marked.evaluateAll((items) => items.map((li) => li.getAttribute('data-paper-key')))).toEqual(relatedKeys);
    for (const reason of await popup.locator('[data-for-you-reason]').allTextContents()) expect(reason).toMatch(/^like 5 of your saved papers: /);
    await popup.close();
  };

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, DAY_ONE, demoListingHtml(SAVED));
    await serveAt(browser.context, DAY_TWO, demoListingHtml(dayTwo));
    options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('ranks nothing with two saved papers, and the popup says how many to save', async () => {
    dayOne = await browser.context.newPage();
    await dayOne.goto(DAY_ONE);
    await answered(dayOne, SAVED.length, () => true, 'the first day’s badges');
    for (const entry of SAVED.slice(0, 2)) {
      await clickBadgeButton(dayOne, keyOf(entry), 'save');
      await waitForBadgeSaved(dayOne, keyOf(entry), true);
    }
    expect(await askWorker(options, 'interestStatus', {})).toEqual({ ranking: false, papers: 2, needed: 3, tags: [] });

    dayTwoPage = await browser.context.newPage();
    await dayTwoPage.goto(DAY_TWO);
    const badges = await answered(dayTwoPage, dayTwo.length, () => true, 'the second day’s badges');
    expect(badges.map((b) => b.forYou)).toEqual(dayTwo.map(() => null));

    const popup = await openPopup(DAY_TWO);
    const needs = popup.locator('[data-page-for-you-needs]');
    await needs.waitFor({ timeout: 15_000 });
    expect(await needs.textContent()).toBe('Save 3 papers and Paperscope ranks listings for you (2 saved so far)');
    expect(await popup.locator('[data-page-for-you], [data-marker=for-you]').count()).toBe(0);
    await popup.close();
  });

  it('once five papers on one subject are saved, the open listing marks its rows on that subject for you, with why, and the popup counts them', async () => {
    for (const entry of SAVED.slice(2)) {
      await clickBadgeButton(dayOne, keyOf(entry), 'save');
      await waitForBadgeSaved(dayOne, keyOf(entry), true);
    }
    // The worker learns again in the background and tells the open tabs, which ask again: no reload.
    const badges = await answered(dayTwoPage, dayTwo.length, (b) => forYouOf(b).length > 0, 'rows for you');
    expectRanked(badges);
    expect(await askWorker(options, 'interestStatus', {})).toEqual({ ranking: true, papers: 5, needed: 3, tags: [] });
    await expectPopupCounts();
  });

  it('after the worker is stopped and woken, a reload ranks the same rows for the same reasons', async () => {
    await stopServiceWorker(browser, options);
    await dayTwoPage.reload();
    expectRanked(await answered(dayTwoPage, dayTwo.length, (b) => b.every((badge) => badge.forYou !== null), 'rows ranked after the restart'));
    await expectPopupCounts();
  });
});
