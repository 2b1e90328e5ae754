// End to end in Chromium: the extension's pages follow the browser's text-size setting. The same pages are measured in
// a browser left at its default font size (16 px) and in one whose profile says 24 px (the preference Chromium's
// Settings > Appearance > Font size writes, webkit.webprefs.default_font_size, set before the browser starts): every
// text measured is 1.5 times as large, and the popup (380 px) and the side panel (320 px) still overflow nowhere sideways.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openListingTab, type ExtensionBrowser } from './chromium.ts';

const LARGER = 24;
const ZERO_PANEL = `src/ui/sidepanel/index.html?key=${encodeURIComponent('arxiv:2104.07857')}&title=${encodeURIComponent('ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning')}`;

/** The computed font size, in px, of the first element matching each selector (NaN when none does). */
const fontSizes = (page: Page, selectors: Record<string, string>) =>
  page.evaluate(
    (wanted) =>
      Object.fromEntries(
        Object.entries(wanted).map(([name, selector]) => {
          const el = document.querySelector(selector);
          return [name, el ? Number.parseFloat(getComputedStyle(el).fontSize) : Number.NaN];
        }),
      ),
    selectors,
  );

/** Elements that stick out of the viewport sideways, or boxes that scroll sideways; text clipped on purpose is skipped. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`the document is ${document.documentElement.scrollWidth} px wide`);
    // Shown to screen readers only: clipped to a pixel on purpose.
    const clippedAway = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) if (getComputedStyle(at).clip !== 'auto') return true;
      return false;
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('[hidden]') || clippedAway(el)) continue;
      // The popup's title and chip lines cut what does not fit by design; their own boxes are checked.
      if (el.parentElement?.closest('.paper-title, .paper-chips')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const style = getComputedStyle(el);
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}`;
      if (r.left < -0.5 || r.right > width + 0.5) out.push(`${name} at ${Math.round(r.left)}..${Math.round(r.right)}`);
      // A line that ends in an ellipsis is cut on purpose; any other box that scrolls sideways hides text.
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible' && style.textOverflow !== 'ellipsis') out.push(`${name} scrolls sideways`);
    }
    return out;
  });

interface Measured {
  rootSize: number;
  popup: Record<string, number>;
  options: Record<string, number>;
  popupOverflow: string[];
  panelOverflow: string[];
}

/** Starts a browser (at the given default font size, or its own), opens the pages and measures them. */
async function measure(defaultFontSize?: number): Promise<Measured> {
  const browser: ExtensionBrowser = await launchWithExtension(undefined, defaultFontSize === undefined ? {} : { defaultFontSize });
  try {
    const { tabId } = await openListingTab(browser);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    await popup.waitForSelector('section[data-section=page] li[data-paper-key] .paper-title');
    const rootSize = await popup.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    const popupSizes = await fontSizes(popup, {
      heading: 'h1',
      rowTitle: 'section[data-section=page] li[data-paper-key] .paper-title',
      chip: 'section[data-section=page] li[data-paper-key] .paper-chips .tag',
      tab: '[role=tab]',
      search: '.popup-search input',
    });
    const popupOverflow = await sidewaysOverflow(popup);

    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForSelector('[data-field=paperCount]');
    const optionsSizes = await fontSizes(options, {
      heading: 'h1',
      sectionTitle: 'section h2',
      hint: '.hint',
      paperCount: '[data-field=paperCount]',
      button: 'button',
    });

    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 320, height: 700 });
    await panel.goto(browser.pageUrl(ZERO_PANEL));
    await panel.waitForSelector('ol li[data-paper-key]');
    const panelOverflow = await sidewaysOverflow(panel);
    return { rootSize, popup: popupSizes, options: optionsSizes, popupOverflow, panelOverflow };
  } finally {
    await browser.close();
  }
}

describe('text size follows the browser setting (Chromium)', () => {
  let normal: Measured;
  let larger: Measured;

  // One browser at a time: the default first, then the larger setting.
  beforeAll(async () => {
    normal = await measure();
    larger = await measure(LARGER);
  }, 120_000);

  it('the preference reached the pages: their root is 13/16 of the browser default', () => {
    expect(normal.rootSize).toBe(13);
    expect(larger.rootSize).toBe((LARGER * 13) / 16);
  });

  it('at the default size the pages draw their text at the px sizes of their design', () => {
    // Tab names and the search box inherit the body's size: the root's, not the 75 % Chromium gives extension pages.
    expect(normal.popup).toEqual({ heading: 16, rowTitle: 13, chip: 11, tab: 13, search: 13 });
    expect(normal.options).toEqual({ heading: 22, sectionTitle: 17, hint: 14, paperCount: 14, button: 14 });
  });

  for (const page of ['popup', 'options'] as const) {
    it(`every text measured on the ${page} page grows in proportion to the setting`, () => {
      const ratio = LARGER / 16;
      for (const [name, size] of Object.entries(normal[page])) {
        expect(size, `${page} ${name} at the default`).toBeGreaterThan(0);
        expect(larger[page][name], `${page} ${name} at ${LARGER} px`).toBeCloseTo(size * ratio, 1);
      }
    });
  }

  it('nothing in the popup (380 px) or the side panel (320 px) overflows sideways at the larger size', () => {
    expect(normal.popupOverflow).toEqual([]);
    expect(normal.panelOverflow).toEqual([]);
    expect(larger.popupOverflow).toEqual([]);
    expect(larger.panelOverflow).toEqual([]);
  });
});
