// The options page in Chromium, as a person reads it: the catalogue by name with its count and date (the hash and file
// only under Details), real headings in order, each site's status line under its name, and text of a readable size.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../../src/adapters/sites.ts';
import { launchWithExtension, type ExtensionBrowser } from './chromium.ts';

const bundled = JSON.parse(readFileSync(resolve(process.cwd(), 'assets/catalogue/version.json'), 'utf8')) as { version: string; paperCount: number };
const SEED_FILE = '000_1385b71a8e51c958.txt';

describe('the options page', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForSelector('[data-catalogue] [data-field=paperCount]');
    await options.waitForSelector('[data-site-health]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the catalogue, with its paper count and a localised date; the hash and the file name only inside Details', async () => {
    expect(await options.textContent('[data-field=name]')).toBe('Bundled catalogue');
    expect(await options.textContent('[data-field=paperCount]')).toBe(bundled.paperCount.toLocaleString('en-US'));
    const date = await options.$eval('[data-field=installedAt] time', (time) => ({ iso: time.getAttribute('datetime')!, text: time.textContent }));
    expect(Date.now() - Date.parse(date.iso)).toBeLessThan(60 * 60_000);
    expect(date.text).toBe(new Date(date.iso).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' }));
    // The bundled catalogue's papers carry no dates: it does not say how recent it is.
    expect(await options.$('[data-field=newestPaperDate]')).toBeNull();

    const seen = await options.$eval('[data-catalogue]', (summary) => {
      const details = summary.querySelector('details')!;
      const outside = summary.cloneNode(true) as HTMLElement;
      outside.querySelector('details')!.remove();
      return {
        open: details.open,
        inside: details.textContent ?? '',
        outside: outside.textContent ?? '',
        summaryVisible: !!details.querySelector('summary')?.getBoundingClientRect().height,
      };
    });
    expect(seen.open).toBe(false);
    expect(seen.summaryVisible).toBe(true);
    expect(seen.inside).toContain(bundled.version);
    expect(seen.inside).toContain(SEED_FILE);
    expect(seen.outside).not.toContain(bundled.version);
    expect(seen.outside).not.toContain(SEED_FILE);
    // Shut, the details take no place on screen; opened, they show the hash.
    expect(await options.isVisible('[data-field=version]')).toBe(false);
    await options.click('[data-field=details] summary');
    expect(await options.isVisible('[data-field=version]')).toBe(true);
    await options.click('[data-field=details] summary');
  });

  it('has real headings in order: one h1, an h2 per section, "Import a catalogue" an h3 of the catalogue, no level skipped', async () => {
    const headings = await options.$$eval('h1, h2, h3, h4, h5, h6', (hs) =>
      // Without a count after the title ("Topics (646)").
      hs.map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').replace(/\s*\([\d,]+\)$/, '').trim() })),
    );
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Paperscope options']);
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(['Sites', 'Catalogue', 'Topics', 'Your library', 'Papers you have seen', 'Privacy']);
    for (let i = 1; i < headings.length; i++) expect(headings[i]!.level, JSON.stringify(headings[i])).toBeLessThanOrEqual(headings[i - 1]!.level + 1);
    const importAt = headings.findIndex((h) => h.text === 'Import a catalogue');
    expect(headings[importAt]!.level).toBe(3);
    const parent = headings
      .slice(0, importAt)
      .filter((h) => h.level === 2)
      .at(-1);
    expect(parent?.text).toBe('Catalogue');
    // Styled as a heading: larger and heavier than the text around it.
    const look = await options.$eval('#catalogue-import', (part) => {
      const style = (el: Element) => getComputedStyle(el);
      const h3 = style(part.querySelector('h3')!);
      const hint = style(part.querySelector('p')!);
      return { h3Size: Number.parseFloat(h3.fontSize), h3Weight: Number(h3.fontWeight), textSize: Number.parseFloat(hint.fontSize) };
    });
    expect(look.h3Size).toBeGreaterThan(look.textSize);
    expect(look.h3Weight).toBeGreaterThanOrEqual(600);
  });

  it("puts each site's status line and feed bar switch at its name's left edge (within 1 px), under it", async () => {
    const rows = await options.$$eval('.site-list > li', (items) =>
      items.map((li) => {
        const box = (selector: string) => li.querySelector(selector)!.getBoundingClientRect();
        const label = box('label[for]');
        const status = box('[data-site-health]');
        const feedBar = box('label:has([data-feed-bar-site-id])');
        return {
          id: li.querySelector('[data-site-id]')!.getAttribute('data-site-id'),
          label: [label.left, label.bottom],
          status: [status.left, status.top],
          feedBar: feedBar.left,
        };
      }),
    );
    expect(rows.map((r) => r.id)).toEqual(SITES.map((s) => s.id));
    for (const row of rows) {
      expect(Math.abs(row.status[0]! - row.label[0]!), `${row.id} status`).toBeLessThanOrEqual(1);
      expect(Math.abs(row.feedBar - row.label[0]!), `${row.id} feed bar`).toBeLessThanOrEqual(1);
      expect(row.status[1]!, `${row.id} status under its name`).toBeGreaterThanOrEqual(row.label[1]! - 1);
    }
    // The name is the switch's label: clicking it switches the site.
    const box = options.locator('input[data-site-id=arxiv]');
    expect(await box.isChecked()).toBe(true);
    await options.click('label[for=site-arxiv]');
    await options.waitForFunction(() => !(document.querySelector('input[data-site-id=arxiv]') as HTMLInputElement).checked);
    await options.click('label[for=site-arxiv]');
    await options.waitForFunction(() => (document.querySelector('input[data-site-id=arxiv]') as HTMLInputElement).checked);
  });

  it('writes its text at 14 px or more (code at 13 px or more), in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      const small = await options.evaluate(() => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement!;
          if (!node.textContent?.trim() || !parent.getClientRects().length) continue;
          const size = Number.parseFloat(getComputedStyle(parent).fontSize);
          if (size < (parent.closest('code, kbd') ? 13 : 14)) found.push(`${size}px: ${node.textContent.trim().slice(0, 40)}`);
        }
        return found;
      });
      expect(small, colorScheme).toEqual([]);
    }
  });

  // Last: it replaces the bundled catalogue the tests above describe.
  it('says how recent an imported catalogue is: "Papers up to" the date of its newest paper', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paperscope-options-')), 'dated.jsonl');
    const papers = [
      { id: '2512.01234', title: 'A newest paper on sparse attention', date: '2025-12-04' },
      { id: '2406.05678', title: 'An older paper on graph sampling', date: '2024-06-30' },
      { id: '2311.09999', title: 'A paper that gives its month only', date: '2025-11' },
    ];
    writeFileSync(file, `${papers.map((p) => JSON.stringify({ ...p, abstract: `About ${p.title}.`, authors: ['A. Author'], categories: ['cs.LG'] })).join('\n')}\n`);
    await options.setInputFiles('input[data-control=catalogue-file]', file);
    await options.check('input[name=import-mode][value=replace]');
    await options.click('button[data-action=import]');
    await options.waitForSelector('[data-import-status=done]', { timeout: 60_000 });
    await options.waitForFunction(() => document.querySelector('[data-field=paperCount]')?.textContent === '3');
    const line = await options.$eval('[data-field=newestPaperDate]', (dd) => ({
      label: dd.previousElementSibling?.textContent,
      iso: dd.querySelector('time')?.getAttribute('datetime'),
      text: dd.textContent,
      visible: dd.getBoundingClientRect().height > 0,
    }));
    expect(line).toEqual({ label: 'Papers up to', iso: '2025-12-04', text: 'Dec 4, 2025', visible: true });
    // It sits with the paper count, outside Details.
    expect(await options.$('details [data-field=newestPaperDate]')).toBeNull();
  });
});
