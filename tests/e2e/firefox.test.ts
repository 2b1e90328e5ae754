// End to end in firefox-esr: the Firefox build shows badges on an arXiv listing served at its real URL, and the page's
// own scripts can neither see inside them nor press their buttons.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickBadgeButton, fixture, readBadges, serveAt, waitForBadgeSaved, waitForBadges } from './chromium.ts';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from './firefox.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

const want = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: Array<{ key: string }> };

describe.skipIf(FIREFOX_TOO_OLD)('Paperscope in Firefox', () => {
  let browser: FirefoxWithExtension;
  let page: Page;
  beforeAll(async () => {
    browser = await launchFirefoxWithExtension();
    await serveAt(browser.context, want.url, fixture('arxiv/list-new.html'));
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('badges every row of an arXiv listing', async () => {
    await page.goto(want.url);
    await waitForBadges(page, want.rows.length);
    const badges = await readBadges(page);
    expect(badges.map((b) => b.key)).toEqual(want.rows.map((r) => r.key));
    expect(badges.every((b) => b.tags.length > 0)).toBe(true);
  });

  it("a page script sees no root and cannot save with synthetic clicks; the user's click saves", async () => {
    await page.goto(want.url);
    await waitForBadges(page, want.rows.length);
    const seen = await page.evaluate(async () => {
      const hosts = [...document.querySelectorAll<HTMLElement>('paperscope-badge')];
      const seen = hosts.map((host) => ({ root: host.shadowRoot !== null, attributes: host.getAttributeNames() }));
      for (const host of hosts) {
        // The host, and with an open root (the old badge) its buttons: clicks, Enter and Space.
        for (const target of [host, ...(host.shadowRoot?.querySelectorAll<HTMLElement>('button') ?? [])]) {
          target.click();
          target.focus();
          for (const key of ['Enter', ' ']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
      return seen;
    });
    expect(seen).toEqual(want.rows.map(() => ({ root: false, attributes: ['data-paper-key'] })));
    // Shown again from the library: nothing was saved.
    await page.reload();
    await waitForBadges(page, want.rows.length);
    expect((await readBadges(page)).map((b) => b.saved)).toEqual(want.rows.map(() => 'false'));

    const key = want.rows[0]!.key;
    await clickBadgeButton(page, key, 'save');
    await waitForBadgeSaved(page, key, true);
    await page.reload();
    await waitForBadges(page, want.rows.length);
    expect((await readBadges(page)).filter((b) => b.saved === 'true').map((b) => b.key)).toEqual([key]);
  });
});
