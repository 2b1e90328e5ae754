// The feed bar in Chromium: counts on an arXiv listing, a topic filter dims exactly the other rows, the new filter, next
// relevant in order, closing it restores the page and keeps it closed on the site (the options show it again), and it
// follows a Hugging Face in-app navigation with the page still working.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { type DemoEntry, demoEntries, demoListingHtml } from '../../src/cli/demoPage.ts';
import type { PageScan } from '../../src/messaging/shapes.ts';
import { askWorker, type ExtensionBrowser, launchWithExtension, serveAt, waitForBadgesTo } from './chromium.ts';
import { chromiumBar as bar, clickInBar, dimmedKeys, focusedBadgeKey, pageWithoutPaperscope, readBar, waitForBarTo } from './feedBarPages.ts';
import { HF_FIRST_CARDS, HF_NEXT_CARDS, HF_NEXT_PATH, hfSpaHtml, serveExact, settledBadgeKeys, waitForScan } from './sitesPages.ts';

const entries = demoEntries(bundledPapers(), 24);
const keyOf = (e: DemoEntry) => `arxiv:${e.arxivId}`;
const FIRST = { url: 'https://arxiv.org/list/cs.LG/new', entries: entries.slice(0, 10) };
/** Shares its first six papers with FIRST: its last ten are new. */
const SECOND = { url: 'https://arxiv.org/list/cs.AI/new', entries: entries.slice(4, 20) };

/** Waits until `count` badges all have their answer (tags and the new mark's place). */
function answered(page: Page, count: number) {
  return waitForBadgesTo(page, (badges) => badges.length === count && badges.every((b) => b.isNew === 'true' || b.isNew === 'false'), `${count} answered badges`);
}

/** Each paper of the scan with its topic ids (the taxonomy's, not arXiv categories). */
const topicsOf = (scan: PageScan) => scan.papers.map((p) => ({ key: p.key, topics: p.tags.filter((t) => t.facet === 'topic').map((t) => t.id) }));

describe('the feed bar on listings (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    for (const listing of [FIRST, SECOND]) await serveAt(browser.context, listing.url, demoListingHtml(listing.entries));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts an arXiv listing, filters by topic and new, walks next relevant, and closing it restores the page and keeps it closed', async () => {
    const first = await browser.context.newPage();
    await first.goto(FIRST.url);
    await answered(first, FIRST.entries.length);
    await first.close();

    const page = await browser.context.newPage();
    await page.goto(SECOND.url);
    const badges = await answered(page, SECOND.entries.length);
    const newKeys = SECOND.entries.slice(6).map(keyOf);
    expect(badges.filter((b) => b.isNew === 'true').map((b) => b.key)).toEqual(newKeys);
    const scan = await waitForScan(browser.worker, page);
    const rows = topicsOf(scan);

    // Counts: every row, the new ones, and each topic as many times as rows carry it. No row is ranked yet: no "for you".
    const state = (await waitForBarTo(bar, page, (s) => s?.total === rows.length, 'the bar with every row'))!;
    expect(state).toMatchObject({ shown: rows.length, newCount: newKeys.length, newPressed: false, forYouHidden: true });
    const expectedTopics = new Map<string, number>();
    for (const row of rows) for (const topic of new Set(row.topics)) expectedTopics.set(topic, (expectedTopics.get(topic) ?? 0) + 1);
    expect(new Map(state.topics.map((t) => [t.id, t.count]))).toEqual(expectedTopics);
    expect(state.topics.map((t) => t.count)).toEqual([...state.topics.map((t) => t.count)].sort((a, b) => b - a));
    const before = await pageWithoutPaperscope(page);
    expect(await dimmedKeys(page)).toEqual([]);
    // The bar is the page's first Tab stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('paperscope-feed-bar');

    // A topic that some rows have and others not: exactly the others are dimmed.
    const topic = state.topics.find((t) => t.count < rows.length && t.count > 1)!;
    expect(topic, 'a topic shared by some rows only').toBeDefined();
    await clickInBar(bar, page, `[part=topic][data-topic-id="${topic.id}"]`);
    const withoutTopic = rows.filter((r) => !r.topics.includes(topic.id)).map((r) => r.key);
    await expect.poll(() => dimmedKeys(page)).toEqual(withoutTopic);
    expect(await readBar(bar, page)).toMatchObject({ shown: topic.count, total: rows.length, status: `${topic.count} of ${rows.length} papers` });
    // The page's own rows are still all there, in their place.
    expect(await page.$$eval('dl#articles > dd', (dds) => dds.length)).toBe(rows.length);
    // The page learns nothing from the bar: no root, words not found by find(), a size that does not follow the counts.
    const shownWords = `${topic.count} of ${rows.length} papers`;
    expect(
      await page.evaluate((words) => {
        const host = document.querySelector('paperscope-feed-bar') as HTMLElement;
        const box = host.getBoundingClientRect();
        return { root: host.shadowRoot, attributes: host.getAttributeNames(), found: [words, 'Next relevant'].map((w) => (window as any).find(w)), height: box.height };
      }, shownWords),
    ).toEqual({ root: null, attributes: [], found: [false, false], height: 36 });

    // The same topic again clears it; "New" dims exactly the papers seen before.
    await clickInBar(bar, page, `[part=topic][data-topic-id="${topic.id}"]`);
    await expect.poll(() => dimmedKeys(page)).toEqual([]);
    await clickInBar(bar, page, '[part=new]');
    await expect.poll(() => dimmedKeys(page)).toEqual(SECOND.entries.slice(0, 6).map(keyOf));
    expect(await readBar(bar, page)).toMatchObject({ newPressed: true, shown: newKeys.length });

    // Next relevant: N in the bar (the New button has the focus), then on each badge it focused, goes through the new
    // rows in order; the button goes on, around to the first; Shift+N goes back.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('paperscope-feed-bar');
    const visited: Array<string | null> = [];
    for (let i = 0; i < newKeys.length; i++) {
      await page.keyboard.press('n');
      visited.push(await focusedBadgeKey(page));
    }
    await clickInBar(bar, page, '[part=next]');
    visited.push(await focusedBadgeKey(page));
    expect(visited).toEqual([...newKeys, newKeys[0]]);
    await page.keyboard.press('Shift+N');
    expect(await focusedBadgeKey(page)).toBe(newKeys.at(-1));

    // Closing it: the bar goes, every row is as the page had it, and the site keeps it closed after a reload.
    await clickInBar(bar, page, '[part=close]');
    await expect.poll(() => page.evaluate(() => document.querySelector('paperscope-feed-bar') === null)).toBe(true);
    expect(await pageWithoutPaperscope(page)).toBe(before);
    await page.reload();
    await answered(page, SECOND.entries.length);
    await page.waitForTimeout(500);
    expect(await readBar(bar, page)).toBeNull();

    // The options page's Sites section shows it again, on the open tab too.
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    const box = options.locator('input[data-feed-bar-site-id="arxiv"]');
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.check();
    await waitForBarTo(bar, page, (s) => s?.total === rows.length, 'the bar shown again');

    // Switching the site off takes the bar away with the badges, filter and all: the page is as it came.
    const reloaded = await pageWithoutPaperscope(page);
    await clickInBar(bar, page, '[part=new]');
    await expect.poll(async () => (await dimmedKeys(page)).length).toBeGreaterThan(0);
    await options.locator('input[data-site-id="arxiv"]').uncheck();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('paperscope-feed-bar, paperscope-badge').length)).toBe(0);
    expect(await pageWithoutPaperscope(page)).toBe(reloaded);
    await options.locator('input[data-site-id="arxiv"]').check();
    await waitForBarTo(bar, page, (s) => s?.total === rows.length, 'the bar with the site back on');
    await options.close();
    await page.close();
  });

  it("filters by the reader's own tags: a tag given in the popup shows on the open listing's bar, and dims the rows without it", async () => {
    const page = await browser.context.newPage();
    await page.goto(FIRST.url);
    await answered(page, FIRST.entries.length);
    await waitForBarTo(bar, page, (s) => s?.total === FIRST.entries.length, 'the bar');
    expect((await readBar(bar, page))!.userTags).toEqual([]);
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    const tagged = FIRST.entries.slice(2, 4);
    for (const entry of tagged) {
      await askWorker(options, 'setSaved', { paper: { key: keyOf(entry), title: entry.title, arxivId: entry.arxivId }, saved: true });
      await askWorker(options, 'updateSaved', { key: keyOf(entry), userTags: ['reading group'] });
    }
    // The open tab hears of it and asks again: no reload.
    const state = await waitForBarTo(bar, page, (s) => (s?.userTags.length ?? 0) > 0, "the reader's tag in the bar");
    expect(state!.userTags).toEqual([{ id: 'reading group', label: 'reading group', count: 2, pressed: false }]);
    await clickInBar(bar, page, '[part=user-tag][data-filter-id="reading group"]');
    const others = FIRST.entries.filter((e) => !tagged.includes(e)).map(keyOf);
    await expect.poll(() => dimmedKeys(page)).toEqual(others);
    await options.close();
    await page.close();
  });

  it('follows a Hugging Face in-app navigation, and the page goes on working', async () => {
    const url = 'https://huggingface.co/papers';
    const page = await browser.context.newPage();
    try {
      await serveExact(page, url, hfSpaHtml());
      await page.goto(url);
      const firstKeys = HF_FIRST_CARDS.map((c) => `arxiv:${c.arxivId}`);
      const nextKeys = HF_NEXT_CARDS.map((c) => `arxiv:${c.arxivId}`);
      expect(await settledBadgeKeys(page, firstKeys)).toEqual(firstKeys);
      const state = (await waitForBarTo(bar, page, (s) => s?.total === firstKeys.length, 'the bar of the first day'))!;
      expect(state.newCount).toBe(firstKeys.length);
      // A filter on, then the page's own navigation: the bar starts over with the next day's cards, nothing dimmed.
      await clickInBar(bar, page, `[part=topic][data-topic-id="${state.topics[0]!.id}"]`);
      await page.click('#next');
      expect(new URL(page.url()).pathname).toBe(HF_NEXT_PATH);
      expect(await settledBadgeKeys(page, nextKeys)).toEqual(nextKeys);
      const next = await waitForBarTo(bar, page, (s) => s?.total === nextKeys.length && s.shown === nextKeys.length, 'the bar of the next day');
      expect(next?.topics.every((t) => !t.pressed)).toBe(true);
      expect(await dimmedKeys(page)).toEqual([]);
      expect(await page.$$eval('#cards article', (cards) => cards.length)).toBe(nextKeys.length);
      // Back (the page's popstate handler) shows the first day again, with its bar.
      await page.goBack();
      expect(await settledBadgeKeys(page, firstKeys)).toEqual(firstKeys);
      await waitForBarTo(bar, page, (s) => s?.total === firstKeys.length, 'the bar after Back');
      expect(await page.evaluate(() => document.querySelectorAll('paperscope-feed-bar').length)).toBe(1);
    } finally {
      await page.close();
    }
  });
});
