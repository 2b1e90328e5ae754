// Right-to-left overrides and zero-width characters in titles, in Chromium: the popup shows titles without them (read
// from a page, or saved before the adapters cleaned them), each title isolated with dir="auto", an Arabic title right to
// left; badges are isolated from the page's text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { launchWithExtension, serveAt, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const LISTING = 'https://arxiv.org/list/cs.LG/new';
const ARABIC = 'نماذج اللغة الكبيرة للترجمة';

interface ShownTitle {
  text: string;
  dir: string | null;
  rtl: boolean;
  unicodeBidi: string;
}

function shownTitles(popup: Page, section: string): Promise<ShownTitle[]> {
  return popup.$$eval(`#section-${section} li.paper .paper-title`, (titles) =>
    titles.map((title) => ({
      text: title.textContent ?? '',
      dir: title.getAttribute('dir'),
      rtl: title.matches(':dir(rtl)'),
      unicodeBidi: getComputedStyle(title).unicodeBidi,
    })),
  );
}

describe('titles with bidi controls and zero-width characters', () => {
  let browser: ExtensionBrowser;
  let feed: Page;
  let tabId: number | undefined;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(
      browser.context,
      LISTING,
      demoListingHtml([
        { arxivId: '2401.00001', title: 'Safe title \u202Edesrever\u202C and \u200Bhid\u2066den\u2069', authors: ['Ada Lovelace'], categories: ['cs.LG'], abstract: '' },
        { arxivId: '2401.00002', title: ARABIC, authors: ['سارة أحمد'], categories: ['cs.CL'], abstract: '' },
      ]),
    );
    const tabIds = () => browser.worker.evaluate(async () => ((await (globalThis as any).chrome.tabs.query({})) as Array<{ id: number }>).map((t) => t.id));
    const before = new Set(await tabIds());
    feed = await browser.context.newPage();
    await feed.goto(LISTING);
    await waitForBadges(feed, 2);
    tabId = (await tabIds()).find((id) => !before.has(id));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows page titles without the controls, each isolated, an Arabic one right to left; badges are isolated', async () => {
    expect(await feed.$$eval('paperscope-badge', (badges) => badges.map((b) => getComputedStyle(b).unicodeBidi))).toEqual(['isolate', 'isolate']);

    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    await popup.locator('#section-page li.paper').nth(1).waitFor({ timeout: 15_000 });
    expect(await shownTitles(popup, 'page')).toEqual([
      { text: 'Safe title desrever and hidden', dir: 'auto', rtl: false, unicodeBidi: 'isolate' },
      { text: ARABIC, dir: 'auto', rtl: true, unicodeBidi: 'isolate' },
    ]);

    // A title saved with an override (an older library, a restored backup) is shown without it too.
    await popup.evaluate((paper) => (globalThis as any).chrome.runtime.sendMessage({ type: 'setSaved', request: { paper, saved: true } }), {
      key: 'doi:10.5555/rlo',
      title: 'Old \u202Eeltit\u202C saved',
    });
    await popup.reload();
    await popup.click('[role=tab][data-tab=library]');
    await popup.locator('#section-saved li.paper').first().waitFor({ timeout: 15_000 });
    expect((await shownTitles(popup, 'saved')).map((t) => [t.text, t.dir])).toEqual([['Old eltit saved', 'auto']]);
    await popup.close();
  });
});
