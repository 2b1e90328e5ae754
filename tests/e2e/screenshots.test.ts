// Checked by eye, kept by test: the popup, the side panel, the options page and a badged listing in Chromium, at the
// sizes browsers give them, light and dark, compared with the committed pictures in docs/screenshots (the README shows
// the same files). A layout regression fails here; a change on purpose is taken with `npm run screenshots:update`
// (UPDATE_SCREENSHOTS=1), and the new pictures are looked at before they are committed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchWithExtension, openListingTab, waitForBadges, type ExtensionBrowser } from './chromium.ts';
import { compareImages, decodePng, encodePng } from './png.ts';

const REFERENCES = resolve(process.cwd(), 'docs/screenshots');
const UPDATE = Boolean(process.env.UPDATE_SCREENSHOTS);
/** The share of pixels that may differ (a caret, a shade of text smoothing); a moved or restyled element is far more. */
const MAX_CHANGED_SHARE = 0.002;
const SCHEMES = ['light', 'dark'] as const;
const ZERO = 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning';

/** Compares the page as it looks now with its reference picture, or writes the reference when asked to. */
async function expectLooksLike(page: Page, name: string): Promise<void> {
  // What changes from run to run is covered: dates, when a paper was seen ("seen on arXiv, 2 minutes ago"), a site's last find.
  const shot = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    mask: [page.locator('time, .seen-note, [data-site-health], [data-volatile]')],
    maskColor: '#808080',
  });
  const file = join(REFERENCES, `${name}.png`);
  if (UPDATE) {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(file, shot);
    return;
  }
  expect(existsSync(file), `no reference picture ${file}: run with UPDATE_SCREENSHOTS=1 and look at it`).toBe(true);
  const difference = compareImages(decodePng(new Uint8Array(readFileSync(file))), decodePng(new Uint8Array(shot)));
  if (difference.sizeChanged || difference.share > MAX_CHANGED_SHARE) {
    const out = mkdtempSync(join(tmpdir(), `paperscope-screenshot-${name}-`));
    writeFileSync(join(out, 'actual.png'), shot);
    if (difference.picture) writeFileSync(join(out, 'changed.png'), encodePng(difference.picture));
    expect.fail(
      `${name} looks different from docs/screenshots/${name}.png: ${difference.sizeChanged ? 'its size changed' : `${(difference.share * 100).toFixed(2)} % of pixels changed`} (the new picture and the changes in red: ${out})`,
    );
  }
}

describe('screenshots in Chromium, compared with the committed pictures', () => {
  let browser: ExtensionBrowser;
  let tabId: number | undefined;
  const listing = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: unknown[] };

  beforeAll(async () => {
    browser = await launchWithExtension();
    ({ tabId } = await openListingTab(browser, 'arxiv/list-new'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function look(path: string, viewport: { width: number; height: number }, name: string, ready: string): Promise<void> {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize(viewport);
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await page.goto(path.startsWith('http') ? path : browser.pageUrl(path));
        await page.waitForSelector(ready);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(300);
        await expectLooksLike(page, `${name}-${colorScheme}`);
      }
    } finally {
      await page.close();
    }
  }

  it('the popup over a listing of 22 papers, 600 px high', async () => {
    expect(tabId).toBeDefined();
    await look(`src/ui/popup/index.html?tabId=${tabId}`, { width: 380, height: 600 }, 'popup', 'main, [role=main], h1');
  });

  for (const width of [320, 420, 500]) {
    it(`the side panel at ${width} px`, async () => {
      await look(
        `src/ui/sidepanel/index.html?key=${encodeURIComponent('arxiv:2104.07857')}&title=${encodeURIComponent(ZERO)}`,
        { width, height: 800 },
        `sidepanel-${width}`,
        'ol li[data-paper-key]',
      );
    });
  }

  it('the options page', async () => {
    await look('src/ui/options/index.html', { width: 900, height: 1100 }, 'options', '[data-field=paperCount]');
  });

  for (const width of [1280, 800]) {
    it(`an arXiv listing with its badges, ${width} px wide (the page is white whatever the system theme)`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize({ width, height: 900 });
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
          await page.goto(listing.url);
          await waitForBadges(page, listing.rows.length);
          await page.waitForTimeout(500);
          await expectLooksLike(page, `listing-${width}-${colorScheme}`);
        }
      } finally {
        await page.close();
      }
    });
  }
});
