// End to end in Chromium: the popup's layout in the browser's 600 px popup frame. The search box comes first, the tabs
// "This page" and "Library" each scroll on their own, a listing of 22 papers shows at least 8 dense rows at once, no two
// chips overlap and nothing overflows sideways; the tabs follow the arrow keys and the choice is kept; light and dark
// themes; axe finds nothing serious on either tab in either theme.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { demoEntries, demoListingHtml } from '../../src/cli/demoPage.ts';
import { askWorker, launchWithExtension, serveAt, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const POPUP = { width: 380, height: 600 }; // the width the popup has; Chrome's popup is at most 800 × 600
const LISTING_URL = 'https://arxiv.org/list/cs.LG/new';
const AXE = readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
}

/** Rows of "This page" wholly on screen: inside the panel's visible box and the 600 px frame. */
const visibleRows = (popup: Page) =>
  popup.evaluate((frameHeight) => {
    const panel = document.querySelector('[role=tabpanel][data-panel=page]')!.getBoundingClientRect();
    const bottom = Math.min(panel.bottom, frameHeight);
    return [...document.querySelectorAll('section[data-section=page] li[data-paper-key]')].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.height > 0 && r.top >= panel.top - 0.5 && r.bottom <= bottom + 0.5;
    }).length;
  }, POPUP.height);

/** Per row: its height, its title's height, and the chips drawn (inside the clipped chip line) with those clipped. */
const chipLayout = (popup: Page) =>
  popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('section[data-section=page] li[data-paper-key]')].map((li) => {
      const line = li.querySelector('.paper-chips')!.getBoundingClientRect();
      const chips = [...li.querySelectorAll('.paper-chips .tag, .paper-chips .marker')].map((chip) => {
        const r = chip.getBoundingClientRect();
        return { text: chip.textContent ?? '', x: r.left, y: r.top, right: r.right, bottom: r.bottom };
      });
      const inside = (b: Box) => b.y >= line.top - 0.5 && b.bottom <= line.bottom + 0.5;
      const outside = (b: Box) => b.y >= line.bottom - 0.5 || b.bottom <= line.top + 0.5;
      return {
        key: li.dataset.paperKey!,
        rowHeight: li.getBoundingClientRect().height,
        titleHeight: li.querySelector('.paper-title')!.getBoundingClientRect().height,
        lineRight: line.right,
        shown: chips.filter(inside),
        cut: chips.filter((b) => !inside(b) && !outside(b)).map((b) => b.text),
        markers: li.querySelectorAll('.paper-chips [data-marker]').length,
      };
    }),
  );

/** Elements wider than the popup, or sticking out of it (within clipping boxes only their box counts). */
const sidewaysOverflow = (popup: Page) =>
  popup.evaluate(() => {
    const main = document.querySelector('main')!.getBoundingClientRect();
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(`document ${document.documentElement.scrollWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (el.closest('[hidden]') || el.closest('.visually-hidden')) continue;
      const clipped = el.parentElement?.closest('.paper-title, .paper-chips');
      if (clipped) continue; // drawn inside a box that clips it: that box is checked
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < main.left - 0.5 || r.right > main.right + 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className} ${r.left}–${r.right}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('.tab-panel:not([hidden]), .paper-line, .tabs')) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return out;
  });

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => (await (globalThis as any).axe.run(document, { resultTypes: ['violations'] })).violations)) as Array<{
    id: string;
    impact: string | null;
    nodes: Array<{ target: unknown[] }>;
  }>;
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

const overlaps = (a: Box, b: Box) => a.x < b.right - 0.5 && b.x < a.right - 0.5 && a.y < b.bottom - 0.5 && b.y < a.bottom - 0.5;

describe('popup layout (Chromium)', () => {
  let browser: ExtensionBrowser;
  let tabId: number;
  const entries = demoEntries(bundledPapers(), 22);
  const openPopup = async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize(POPUP);
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    await popup
      .locator('section[data-section=page] li[data-paper-key]')
      .nth(entries.length - 1)
      .waitFor({ state: 'attached', timeout: 15_000 });
    return popup;
  };

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, LISTING_URL, demoListingHtml(entries));
    const listing = await browser.context.newPage();
    await listing.goto(LISTING_URL);
    await waitForBadges(listing, entries.length);
    // Two of the page's papers saved: their rows show the pressed save toggle, the library has rows.
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    for (const entry of entries.slice(1, 3)) {
      await askWorker(options, 'setSaved', { paper: { key: `arxiv:${entry.arxivId}`, title: entry.title, authors: entry.authors }, saved: true });
    }
    await options.close();
    tabId = (await browser.worker.evaluate(async (url) => {
      const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id;
    }, LISTING_URL))!;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('puts the search box first, shows 8 or more dense rows of the page in 600 px, with no chip overlapping and nothing sideways', async () => {
    const popup = await openPopup();
    const search = (await popup.locator('input[type=search][data-control=search-saved]').boundingBox())!;
    expect(search.y + search.height).toBeLessThanOrEqual(120);
    expect(await popup.locator('[role=tab][data-tab=page]').getAttribute('aria-selected')).toBe('true');
    expect(await popup.locator('main').evaluate((main) => main.getBoundingClientRect().height)).toBeLessThanOrEqual(POPUP.height);
    // A logo in the header, beside the name.
    expect((await popup.locator('header .popup-logo').boundingBox())!.width).toBeGreaterThan(0);

    expect(await visibleRows(popup)).toBeGreaterThanOrEqual(8);
    // The panel scrolls on its own: the last row is reached by scrolling it, the search box stays where it was.
    const panel = popup.locator('[role=tabpanel][data-panel=page]');
    expect(await panel.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect((await popup.locator('input[data-control=search-saved]').boundingBox())!.y).toBe(search.y);

    const rows = await chipLayout(popup);
    expect(rows).toHaveLength(entries.length);
    for (const row of rows) {
      expect(row.titleHeight, `${row.key}: one line of title`).toBeLessThan(22);
      expect(row.rowHeight, `${row.key}: a dense row`).toBeLessThan(56);
      expect(row.cut, `${row.key}: chips cut by the line`).toEqual([]);
      expect(row.shown.length, `${row.key}: chips shown`).toBeGreaterThan(0);
      for (const [i, a] of row.shown.entries()) {
        expect(a.right, `${row.key}: ${a.text} inside its line`).toBeLessThanOrEqual(row.lineRight + 0.5);
        for (const b of row.shown.slice(i + 1)) expect(overlaps(a, b), `${row.key}: "${a.text}" overlaps "${b.text}"`).toBe(false);
      }
    }
    // Every paper is new on a first visit: each row has its mark, and the tab counts them.
    expect(rows.every((row) => row.markers > 0)).toBe(true);
    expect(await popup.locator('[role=tab][data-tab=page] [data-tab-new]').getAttribute('data-tab-new')).toBe(String(entries.length));
    expect(await popup.locator('[data-page-new]').getAttribute('data-page-new')).toBe(String(entries.length));
    // A long title is cut with an ellipsis; the whole of it is its tooltip and its text (its accessible name).
    const cut = await popup.$$eval('section[data-section=page] li[data-paper-key] .paper-title', (titles) =>
      titles
        .filter((h) => h.scrollWidth > h.clientWidth)
        .map((h) => ({ key: h.closest('li')!.getAttribute('data-paper-key'), tooltip: h.getAttribute('title'), text: h.textContent, ellipsis: getComputedStyle(h).textOverflow })),
    );
    expect(cut.length).toBeGreaterThan(0);
    for (const title of cut) {
      const entry = entries.find((e) => `arxiv:${e.arxivId}` === title.key)!;
      expect(title).toEqual({ key: title.key, tooltip: entry.title, text: entry.title, ellipsis: 'ellipsis' });
    }

    expect(await sidewaysOverflow(popup)).toEqual([]);
    await popup.close();
  });

  it('switches tabs with the arrow keys, keeps the choice for the next popup, and goes to the library when a search is typed', async () => {
    const popup = await openPopup();
    const pageTab = popup.locator('[role=tab][data-tab=page]');
    const libraryTab = popup.locator('[role=tab][data-tab=library]');
    await pageTab.focus();
    await popup.keyboard.press('ArrowRight');
    expect(await libraryTab.getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('library');
    expect(await popup.locator('[role=tabpanel][data-panel=page]').isHidden()).toBe(true);
    await popup.locator('section[data-section=saved] li[data-paper-key]').first().waitFor();
    const savedRows = popup.locator('section[data-section=saved] li[data-paper-key]');
    expect(await savedRows.count()).toBe(2);
    // Saved rows without tags or a note keep to two lines; the tag box shows when the row is pointed at or focused.
    for (const height of await savedRows.evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().height))) expect(height).toBeLessThan(56);
    expect(await savedRows.first().locator('input[data-control=add-tag]').isVisible()).toBe(false);
    await savedRows.first().hover();
    expect(await savedRows.first().locator('input[data-control=add-tag]').isVisible()).toBe(true);
    await popup.mouse.move(0, 0);
    await savedRows.nth(1).locator('button[data-action=remove]').focus();
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.matches('input[data-control=add-tag]'))).toBe(true);
    expect(await sidewaysOverflow(popup)).toEqual([]);
    await popup.close();

    const again = await openPopup();
    expect(await again.locator('[role=tab][data-tab=library]').getAttribute('aria-selected')).toBe('true');
    await again.locator('[role=tab][data-tab=library]').focus();
    await again.keyboard.press('Home');
    expect(await again.locator('[role=tab][data-tab=page]').getAttribute('aria-selected')).toBe('true');
    expect(await visibleRows(again)).toBeGreaterThanOrEqual(8);
    // Typing a search shows the library's tab, where its results are.
    await again.fill('input[data-control=search-saved]', entries[2]!.title.split(' ').slice(0, 3).join(' '));
    expect(await again.locator('[role=tab][data-tab=library]').getAttribute('aria-selected')).toBe('true');
    await again.locator(`section[data-section=saved] li[data-paper-key="arxiv:${entries[2]!.arxivId}"]`).waitFor();
    await again.close();
  });

  it('follows the system theme, and axe finds nothing serious on either tab in light or dark', async () => {
    const popup = await openPopup();
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      const { background, text } = await popup.evaluate(() => {
        const luminance = (color: string) => {
          const [r, g, b] = color.match(/\d+/g)!.map(Number);
          return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
        };
        const body = getComputedStyle(document.body);
        return { background: luminance(body.backgroundColor), text: luminance(body.color) };
      });
      if (colorScheme === 'dark') expect(background).toBeLessThan(0.2);
      else expect(background).toBeGreaterThan(0.9);
      expect(Math.abs(background - text)).toBeGreaterThan(0.6);
      for (const tab of ['page', 'library'] as const) {
        await popup.locator(`[role=tab][data-tab=${tab}]`).click();
        await popup.waitForTimeout(300);
        const violations = await seriousViolations(popup);
        expect(violations, `${tab} tab, ${colorScheme}`).toEqual([]);
      }
    }
    await popup.close();
  });
});
