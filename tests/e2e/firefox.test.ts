// End to end in firefox-esr: the Firefox build shows badges on an arXiv listing served at its real URL.
import { describe, expect, it } from 'vitest';
import { fixture, readBadges, serveAt, waitForBadges } from './chromium.ts';
import { launchFirefoxWithExtension } from './firefox.ts';

describe('Paperscope in Firefox', () => {
  it('badges every row of an arXiv listing', async () => {
    const want = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: Array<{ key: string }> };
    const browser = await launchFirefoxWithExtension();
    try {
      await serveAt(browser.context, want.url, fixture('arxiv/list-new.html'));
      const page = await browser.context.newPage();
      await page.goto(want.url);
      await waitForBadges(page, want.rows.length);
      const badges = await readBadges(page);
      expect(badges.map((b) => b.key)).toEqual(want.rows.map((r) => r.key));
      expect(badges.every((b) => b.tags.length > 0)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
