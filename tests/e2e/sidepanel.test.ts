// End to end in Chromium: the side panel sorts related work by date, filters it by topic, links each paper, follows
// the active tab; holds back matches under the similarity floor until asked; fits 320 to 500 px at any text size
// without scrolling sideways; and the keyboard shortcuts are registered.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATED_FLOOR } from '../../src/core/related/relatedFloor.ts';
import { fixture, launchWithExtension, serveAt, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const ZERO = 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning';
const memory =
  'We train large deep learning models with GPU memory offloading to CPU and NVMe, data parallelism and pipeline parallelism across many GPUs for distributed training at scale.';
const graphs = 'Graph neural networks learn node embeddings with message passing over large graphs, and we train them with GPU memory offloading.';
const language = 'A large language model is pretrained on text with transformers and attention; we fine-tune the language model with GPU memory offloading.';
const PAPERS = [
  { id: '2104.07857', title: ZERO, abstract: memory, date: '2021-04-16' },
  { id: '1910.02054', title: 'ZeRO: Memory Optimizations Toward Training Trillion Parameter Models', abstract: memory, date: '2019-10-04' },
  { id: '2101.06840', title: 'ZeRO-Offload: Democratizing Billion-Scale Model Training', abstract: memory, date: '2021-01-18' },
  { id: '2304.01234', title: 'Offloaded training of graph neural networks on one GPU', abstract: graphs, date: '2023-04-03' },
  { id: '2207.04321', title: 'Memory-efficient fine-tuning of a large language model', abstract: language, date: '2022-07-08' },
  { id: '1811.06965', title: 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism', abstract: memory, date: '2018-11-16' },
  { id: '2406.05555', title: 'Graph transformers with attention for language and graphs', abstract: `${graphs} ${language}`, date: '2024-06-10' },
  // Unrelated papers, so the shared terms above are rare enough in the catalogue to count.
  // Weak matches: one line about training at scale in another field (a cosine under the floor).
  ...['coral reef', 'bird song', 'soil nitrogen'].map((field, i) => ({
    id: `2002.0000${i}`,
    title: `Field notes on ${field} surveys`,
    abstract: `We survey ${field} sites over many years with careful field measurements of ${field}; one section describes training the volunteers at scale.`,
    date: `20${12 + i}-06-01`,
  })),
  ...[
    'protein folding in yeast cells',
    'coral reef ecology under warming oceans',
    'medieval trade routes of the Baltic sea',
    'galaxy cluster lensing surveys',
    'soil microbiome nitrogen cycles',
    'quantum error correction with surface codes',
    'volcanic ash dispersion forecasts',
    'bird song learning in finches',
  ].map((topic, i) => ({
    id: `2001.0000${i}`,
    title: `A study of ${topic}`,
    abstract: `We study ${topic} with field measurements and careful statistics about ${topic}.`,
    date: `20${10 + i}-01-01`,
  })),
];

const AXE = readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page, as tests/e2e/accessibility.test.ts counts them. */
async function seriousViolations(page: Page): Promise<Array<{ id: string; impact: string | null }>> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => (await (globalThis as any).axe.run(document, { resultTypes: ['violations'] })).violations)) as Array<{
    id: string;
    impact: string | null;
  }>;
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Tab until `selector` has the focus (keyboard only). */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached in ${max} presses of Tab`);
}

describe('side panel in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    // A small catalogue with years (the bundled one has none), imported through the options page.
    const file = join(mkdtempSync(join(tmpdir(), 'paperscope-panel-')), 'dated.jsonl');
    writeFileSync(file, `${PAPERS.map((p) => JSON.stringify({ ...p, authors: ['A. Author'], categories: ['cs.LG'] })).join('\n')}\n`);
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.setInputFiles('input[data-control=catalogue-file]', file);
    await options.check('input[name=import-mode][value=replace]');
    await options.click('button[data-action=import]');
    await options.waitForSelector('[data-import-status=done]', { timeout: 60_000 });
    await options.waitForFunction((n) => document.querySelector('[data-field=paperCount]')?.textContent === String(n), PAPERS.length);
    await options.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const keys = (page: Page) => page.$$eval('ol li[data-paper-key]', (lis) => lis.map((li) => li.getAttribute('data-paper-key')!));
  const similarities = (page: Page, selector = 'ol li[data-paper-key]') => page.$$eval(selector, (lis) => lis.map((li) => Number(li.getAttribute('data-similarity'))));
  const ZERO_PANEL = `src/ui/sidepanel/index.html?key=${encodeURIComponent('arxiv:2104.07857')}&title=${encodeURIComponent(ZERO)}`;

  it('sorts related work by date, filters it by topic, and links each paper', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl(ZERO_PANEL));
    await page.waitForSelector('ol li[data-paper-key]');
    // All the matches, the weaker ones too (the floor has its own test below).
    await page.click('button[data-action=show-weak][aria-expanded=false]');
    await page.waitForSelector('button[data-action=show-weak][aria-expanded=true]');
    const all = await keys(page);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all).not.toContain('arxiv:2104.07857');

    await page.selectOption('select[data-control=sort]', 'date');
    await page.waitForSelector('ol[data-sort=date]');
    const years = await page.$$eval('ol li[data-paper-key]', (lis) => lis.map((li) => Number(li.querySelector('[data-year]')?.getAttribute('data-year'))));
    expect(years.every((y) => Number.isInteger(y) && y >= 2010)).toBe(true);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(new Set(await keys(page))).toEqual(new Set(all));

    const link = page.locator('ol li[data-paper-key="arxiv:1910.02054"] a[data-action=open]');
    if ((await link.count()) > 0) {
      expect(await link.getAttribute('href')).toBe('https://arxiv.org/abs/1910.02054');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('target')).toBe('_blank');
    }
    expect(await page.locator('ol li[data-paper-key] a[data-action=open][href^="https://arxiv.org/abs/"]').count()).toBe(all.length);

    const topics = await page.$$eval('select[data-control=topic] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(topics.length).toBeGreaterThan(0);
    // The least common topic, so the filter visibly removes papers when it can.
    const itemTopics = await page.$$eval('ol li[data-paper-key]', (lis) => lis.map((li) => (li.getAttribute('data-topics') ?? '').split('|')));
    const topic = [...topics].sort((a, b) => itemTopics.filter((t) => t.includes(a)).length - itemTopics.filter((t) => t.includes(b)).length)[0]!;
    await page.selectOption('select[data-control=topic]', topic);
    await page.waitForSelector(`ol[data-topic="${topic}"]`);
    const filtered = await page.$$eval('ol li[data-paper-key]', (lis) => lis.map((li) => (li.getAttribute('data-topics') ?? '').split('|')));
    expect(filtered.length).toBe(itemTopics.filter((t) => t.includes(topic)).length);
    expect(filtered.every((t) => t.includes(topic))).toBe(true);
    // Still in date order within the filter.
    expect(await page.$eval('ol', (ol) => ol.getAttribute('data-sort'))).toBe('date');
    await page.selectOption('select[data-control=topic]', '');
    await page.waitForFunction((n) => document.querySelectorAll('ol li[data-paper-key]').length === n, all.length);
    await page.close();
  });

  it("follows the active tab to a paper page's paper", async () => {
    const want = JSON.parse(fixture('arxiv/abs-page.json')) as { url: string };
    await serveAt(browser.context, want.url, fixture('arxiv/abs-page.html'));
    const panel = await browser.context.newPage();
    // Opened for another paper first: an explicit pick.
    await panel.goto(browser.pageUrl(`src/ui/sidepanel/index.html?key=${encodeURIComponent('arxiv:1910.02054')}&title=ZeRO`));
    await panel.waitForSelector('h1[data-picked-key="arxiv:1910.02054"][data-source=pick]');
    const paper = await browser.context.newPage();
    await paper.goto(want.url);
    await waitForBadges(paper, 1);
    await paper.bringToFront();
    const followed = 'h1[data-picked-key="arxiv:2104.07857"][data-source=tab]';
    const first = await panel.waitForSelector(followed, { timeout: 5_000 }).catch(() => undefined);
    if (!first) {
      // The switch can land before the page's scan is stored; switching to the tab again (as a user would) must show it.
      await panel.bringToFront();
      await paper.bringToFront();
      await panel.waitForSelector(followed, { timeout: 10_000 });
    }
    await panel.waitForSelector('ol li[data-paper-key]');
    await paper.close();
    await panel.close();
  });

  it('holds back matches under the similarity floor, says how many, and shows them on Show more by keyboard', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl(ZERO_PANEL));
    await page.waitForSelector('ol li[data-paper-key]');
    const strong = await similarities(page);
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((s) => s >= RELATED_FLOOR)).toBe(true);
    expect(await page.locator('ol li[data-weak]').count()).toBe(0);
    const note = page.locator('[data-weak-count]');
    const hidden = Number(await note.getAttribute('data-weak-count'));
    expect(hidden).toBeGreaterThan(0);
    expect(await note.textContent()).toContain(hidden === 1 ? '1 weaker match hidden' : `${hidden} weaker matches hidden`);
    expect(await page.textContent('section[data-section=related] h2')).toBe(`Related papers (${strong.length})`);

    await tabTo(page, 'button[data-action=show-weak]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('button[data-action=show-weak][aria-expanded=true]');
    await page.waitForFunction((n) => document.querySelectorAll('ol li[data-paper-key]').length === n, strong.length + hidden);
    const weak = await similarities(page, 'ol li[data-paper-key][data-weak]');
    expect(weak.length).toBe(hidden);
    expect(weak.every((s) => s < RELATED_FLOOR)).toBe(true);
    // The fixture's weak papers (one line about training at scale) are among them, and say they are weak.
    const weakKeys = await page.$$eval('ol li[data-weak]', (lis) => lis.map((li) => li.getAttribute('data-paper-key')));
    expect(weakKeys).toEqual(expect.arrayContaining(['arxiv:2002.00000', 'arxiv:2002.00001', 'arxiv:2002.00002']));
    expect(await page.textContent('ol li[data-weak]')).toContain('weak match');
    expect(await note.textContent()).toContain(hidden === 1 ? 'Showing 1 weaker match' : `Showing ${hidden} weaker matches`);
    // The weak markers and the note read well in both themes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await seriousViolations(page);
      expect(violations, `${colorScheme}: ${JSON.stringify(violations)}`).toEqual([]);
    }

    // The same button, still focused, hides them again.
    await page.keyboard.press('Enter');
    await page.waitForSelector('button[data-action=show-weak][aria-expanded=false]');
    expect(await similarities(page)).toEqual(strong);
    await page.close();
  });

  // 320 px at 200% zoom lays out as 160 CSS px; twice the text size: the root font size doubled.
  for (const [name, width, rootFontSize] of [
    ['320 px', 320, ''],
    ['500 px', 500, ''],
    ['320 px at twice the text size', 320, '26px'],
    ['500 px at twice the text size', 500, '26px'],
    ['320 px at 200% zoom', 160, ''],
  ] as const) {
    it(`fits ${name} wide: nothing overflows sideways, the toolbar wraps inside the panel`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 700 });
      await page.goto(browser.pageUrl(ZERO_PANEL));
      await page.waitForSelector('ol li[data-paper-key]');
      await page.click('button[data-action=show-weak]');
      await page.waitForSelector('ol li[data-weak]');
      if (rootFontSize) await page.evaluate((size) => void (document.documentElement.style.fontSize = size), rootFontSize);
      const layout = await page.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        const outside = (el: Element) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.left < -0.5 || r.right > viewport + 0.5);
        };
        const describe = (el: Element) => {
          const r = el.getBoundingClientRect();
          return `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''} ${Math.round(r.left)}..${Math.round(r.right)}`;
        };
        const heading = document.querySelector('section[data-section=related] h2')!;
        const controls = [...document.querySelectorAll('.toolbar label, .toolbar select')];
        return {
          viewport,
          scrollWidth: document.documentElement.scrollWidth,
          bodyScrollWidth: document.body.scrollWidth,
          controls: controls.length,
          controlsOutside: controls.filter(outside).map(describe),
          outside: [...document.querySelectorAll('body *')].filter(outside).map(describe),
          scrolledSideways: [...document.querySelectorAll('body *')]
            .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
            .map(describe),
          headingLines: Math.round(heading.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(heading).lineHeight)),
        };
      });
      expect(layout.viewport).toBe(width);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.bodyScrollWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.controls).toBe(4);
      expect(layout.controlsOutside).toEqual([]);
      expect(layout.outside).toEqual([]);
      expect(layout.scrolledSideways).toEqual([]);
      // "Related papers (N)" keeps to one line in a panel of 320 px or more.
      if (width >= 320) expect(layout.headingLines).toBe(1);
      await page.close();
    });
  }

  it('registers the save shortcut and the popup shortcut', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('src/ui/options/index.html'));
    const commands = await page.evaluate(async () => {
      const all: Array<{ name?: string; description?: string }> = await (globalThis as any).chrome.commands.getAll();
      return all.map((c) => c.name);
    });
    expect(commands).toEqual(expect.arrayContaining(['save-current-paper', '_execute_action']));
    await page.close();
  });
});
