// The feed bar in firefox-esr on an arXiv listing: its counts, a topic filter dimming exactly the other rows, and closing
// it restoring the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, serveAt, waitForBadges } from './chromium.ts';
import { clickInBar, dimmedKeys, firefoxBar, pageWithoutPaperscope, readBar, waitForBarTo } from './feedBarPages.ts';
import { evaluateInFirefoxTab, type FirefoxWithExtension, launchFirefoxWithExtension } from './firefox.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

const want = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: Array<{ key: string }> };

describe.skipIf(FIREFOX_TOO_OLD)('the feed bar in Firefox', () => {
  let browser: FirefoxWithExtension;
  beforeAll(async () => {
    browser = await launchFirefoxWithExtension();
    await serveAt(browser.context, want.url, fixture('arxiv/list-new.html'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('counts an arXiv listing, dims exactly the rows without the chosen topic, and closing it restores the page', async () => {
    const bar = firefoxBar(browser.rdp);
    const page = await browser.context.newPage();
    await page.goto(want.url);
    await waitForBadges(page, want.rows.length, 20_000);
    // Each badge's topic chips (not its arXiv category chips: the bar counts topics).
    const badges = await evaluateInFirefoxTab<Array<{ key: string; topics: string[] }>>(
      browser.rdp,
      page,
      `return [...win.document.querySelectorAll('paperscope-badge')].map((host) => ({
         key: host.getAttribute('data-paper-key'),
         topics: [...host.openOrClosedShadowRoot.querySelectorAll('[part=tag][data-facet=topic]')].map((chip) => chip.textContent),
       }));`,
    );
    const state = (await waitForBarTo(bar, page, (s) => s?.total === want.rows.length, 'the bar with every row', 20_000))!;
    // A first visit: every row is new. Each topic counts the badges that show it.
    expect(state).toMatchObject({ shown: want.rows.length, newCount: want.rows.length, forYouHidden: true });
    expect(state.topics.length).toBeGreaterThan(0);
    for (const topic of state.topics) expect(topic.count, topic.label).toBe(badges.filter((b) => b.topics.includes(topic.label)).length);
    const before = await pageWithoutPaperscope(page);

    const topic = state.topics.find((t) => t.count < want.rows.length)!;
    await clickInBar(bar, page, `[part=topic][data-topic-id="${topic.id}"]`);
    const others = badges.filter((b) => !b.topics.includes(topic.label)).map((b) => b.key);
    await expect.poll(() => dimmedKeys(page)).toEqual(others);
    expect(await readBar(bar, page)).toMatchObject({ shown: topic.count });

    await clickInBar(bar, page, '[part=close]');
    await expect.poll(() => page.evaluate(() => document.querySelector('paperscope-feed-bar') === null)).toBe(true);
    expect(await pageWithoutPaperscope(page)).toBe(before);
    await page.close();
  });
});
