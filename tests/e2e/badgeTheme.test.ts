// Badges that match the page they sit on (issue 15), in Chromium: a light badge on a white page with the system in dark
// mode, a dark badge on a dark page with the system in light mode, following the page when it switches (the feed bar
// likewise); chips apart;
// Save and Related on one line at 800 px; the same word for the saved state in the badge and the popup.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickBadgeButton, fixture, launchWithExtension, serveAt, waitForBadgeSaved, waitForBadges, type ExtensionBrowser } from './chromium.ts';

interface ExpectedRows {
  url: string;
  rows: Array<{ key: string; title: string }>;
}
const LISTING = JSON.parse(fixture('arxiv/list-new.json')) as ExpectedRows;
const WHITE_HTML = fixture('arxiv/list-new.html');
/** The same listing made dark by the page's own style, as a site with a dark theme is. */
const DARK_URL = 'https://arxiv.org/list/cs.LG/new';
const DARK_HTML = WHITE_HTML.replace('</head>', '<style>html { background: #0d1117; color: #e6edf3; } a { color: #58a6ff; }</style></head>');
/** The same listing with a dark theme the page switches on and off by a class on <html>, as many sites do. */
const SWITCHING_URL = 'https://arxiv.org/list/cs.AI/new';
const SWITCHING_HTML = WHITE_HTML.replace('</head>', '<style>html.dark, html.dark body { background: #111; color: #eee; }</style></head>');
/**
 * The first row's title made long, and of many topics: at 800 px its badge (four chips: three topics and the category)
 * is wider than the line, so it has to wrap.
 */
const LONG_TITLE = 'Graph Neural Networks and Diffusion Models for Protein Structure Prediction on Heterogeneous GPU Clusters with Pipeline Parallelism';
const LONG_URL = 'https://arxiv.org/list/cs.DC/recent';
const LONG_HTML = WHITE_HTML.replace('$\\alpha$-Pipe: Adaptive Pipeline Parallelism for Heterogeneous GPU Clusters', LONG_TITLE);

interface PartBox {
  part: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  background: string;
  visible: boolean;
}

interface BadgeLook {
  key: string | null;
  parts: PartBox[];
  /** The word the save button shows (its visible generated label). */
  saveWord: string;
  /** The save button's accessible name. */
  saveName: string | null;
}

/**
 * Every badge's parts as laid out and painted, read inside the closed roots: CDP finds each root (DOM.getDocument with
 * pierce) and runs a function on it, which page scripts cannot do.
 */
async function badgeLooks(page: Page): Promise<BadgeLook[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { localName?: string; backendNodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: Node };
    const hosts: Node[] = [];
    const walk = (node: Node) => {
      if (node.localName === 'paperscope-badge') hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const looks: BadgeLook[] = [];
    for (const host of hosts) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        returnByValue: true,
        functionDeclaration: `function () {
          const parts = [...this.querySelectorAll('[part]')].map((el) => {
            const r = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            return { part: el.getAttribute('part'), left: r.left, top: r.top, right: r.right, bottom: r.bottom, background: style.backgroundColor,
              visible: style.visibility === 'visible' && r.width > 0 };
          });
          const save = this.querySelector('[part=save]');
          // The save button's word is generated content: the one of its two labels that is visible.
          const shown = ['::before', '::after'].map((p) => getComputedStyle(save, p)).find((s) => s.visibility === 'visible');
          const attr = (content) => content.replace(/attr\\(([\\w-]+)\\)/g, (_, name) => JSON.stringify(save.getAttribute(name) ?? ''));
          const saveWord = shown ? attr(shown.content).match(/"[^"]*"/g).map((s) => JSON.parse(s)).join('') : '';
          return { parts, saveWord, saveName: save.getAttribute('aria-label') };
        }`,
      });
      looks.push({ key: host.attributes?.[host.attributes.indexOf('data-paper-key') + 1] ?? null, ...(result.value as Omit<BadgeLook, 'key'>) });
    }
    return looks;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** WCAG relative luminance of a computed `rgb(…)`/`rgba(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The backgrounds of a badge's chips (topic and category tags) and of its Related button, as luminances. */
const chipLuminances = (look: BadgeLook) => look.parts.filter((p) => p.part === 'tag' || p.part === 'related').map((p) => luminance(p.background));

/** The feed bar's background (its host's, which the page sees anyway), as a luminance; it follows the page as badges do. */
async function feedBarLuminance(page: Page): Promise<number> {
  await page.waitForSelector('paperscope-feed-bar');
  return luminance(await page.$eval('paperscope-feed-bar', (bar) => getComputedStyle(bar).backgroundColor));
}

async function openListing(browser: ExtensionBrowser, url: string, colorScheme: 'light' | 'dark', width = 1200): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme });
  await page.goto(url);
  await waitForBadges(page, LISTING.rows.length);
  return page;
}

describe('badges that match the page they sit on (Chromium)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, LISTING.url, WHITE_HTML);
    await serveAt(browser.context, DARK_URL, DARK_HTML);
    await serveAt(browser.context, SWITCHING_URL, SWITCHING_HTML);
    await serveAt(browser.context, LONG_URL, LONG_HTML);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('are light on a white page while the system is dark, and their chips never touch', async () => {
    const page = await openListing(browser, LISTING.url, 'dark');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const looks = await badgeLooks(page);
    expect(looks).toHaveLength(LISTING.rows.length);
    for (const look of looks) {
      const chips = chipLuminances(look);
      expect(chips.length).toBeGreaterThan(1);
      for (const l of chips) expect(l, `${look.key}: a chip's background`).toBeGreaterThan(0.5);
      // Every two visible parts (tags, marks, buttons) stand apart: at least 2 px between them across or down.
      const shown = look.parts.filter((p) => p.visible);
      for (const [i, a] of shown.entries()) {
        for (const b of shown.slice(i + 1)) {
          const apart = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
          expect(apart, `${look.key}: ${a.part} and ${b.part}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
    expect(await feedBarLuminance(page)).toBeGreaterThan(0.5);
    await page.close();
  });

  it('are dark on a dark page while the system is light', async () => {
    const page = await openListing(browser, DARK_URL, 'light');
    for (const look of await badgeLooks(page)) for (const l of chipLuminances(look)) expect(l, `${look.key}: a chip's background`).toBeLessThan(0.1);
    expect(await feedBarLuminance(page)).toBeLessThan(0.1);
    await page.close();
  });

  it('follow the page when it switches its theme by a class on <html>', async () => {
    const page = await openListing(browser, SWITCHING_URL, 'light');
    const allChips = async () => (await badgeLooks(page)).flatMap(chipLuminances);
    expect(Math.min(...(await allChips()))).toBeGreaterThan(0.5);
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(async () => Math.max(...(await allChips())), { timeout: 5000 }).toBeLessThan(0.1);
    expect(await feedBarLuminance(page)).toBeLessThan(0.1);
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(async () => Math.min(...(await allChips())), { timeout: 5000 }).toBeGreaterThan(0.5);
    expect(await feedBarLuminance(page)).toBeGreaterThan(0.5);
    await page.close();
  });

  it('keep Save and Related on one line at 800 px, on a long title too', async () => {
    const page = await openListing(browser, LONG_URL, 'light', 800);
    const looks = await badgeLooks(page);
    expect(looks).toHaveLength(LISTING.rows.length);
    // The long title's badge is wider than a line: it wraps, and stays within the page's width.
    const first = looks.find((l) => l.key === LISTING.rows[0]!.key)!;
    expect(first.parts.filter((p) => p.part === 'tag')).toHaveLength(4);
    const tops = first.parts.filter((p) => p.visible).map((p) => p.top);
    expect(Math.max(...tops) - Math.min(...tops), 'the long title badge wraps').toBeGreaterThan(10);
    const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
    for (const look of looks) {
      for (const part of look.parts) expect(part.right, `${look.key}: ${part.part} within the page`).toBeLessThanOrEqual(pageWidth);
      const save = look.parts.find((p) => p.part === 'save')!;
      const related = look.parts.find((p) => p.part === 'related')!;
      expect(related.top, `${look.key}: Related on the line of Save`).toBeCloseTo(save.top, 0);
      expect(related.left, `${look.key}: Related after Save`).toBeGreaterThan(save.right);
    }
    await page.close();
  });

  it('say the same word for each state as the popup: Save, and Saved once saved', async () => {
    const page = await openListing(browser, LISTING.url, 'light');
    const [savedRow, otherRow] = LISTING.rows as [ExpectedRows['rows'][number], ExpectedRows['rows'][number]];
    await clickBadgeButton(page, savedRow.key, 'save');
    await waitForBadgeSaved(page, savedRow.key, true);
    const looks = await badgeLooks(page);
    const badgeWord = (key: string) => looks.find((l) => l.key === key)!;
    expect(badgeWord(savedRow.key).saveWord).toMatch(/Saved$/);
    expect(badgeWord(otherRow.key).saveWord).toMatch(/Save$/);
    // What a screen reader hears is what is shown.
    expect(badgeWord(savedRow.key).saveWord).toContain(badgeWord(savedRow.key).saveName);
    expect(badgeWord(otherRow.key).saveWord).toContain(badgeWord(otherRow.key).saveName);

    const tabId = await browser.worker.evaluate(async (url) => {
      const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id;
    }, LISTING.url);
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
    const toggle = (key: string) => popup.locator(`li[data-paper-key="${key}"] button[data-action=save]`).first();
    await toggle(otherRow.key).waitFor();
    expect(await toggle(savedRow.key).getAttribute('aria-pressed')).toBe('true');
    expect(await toggle(otherRow.key).getAttribute('aria-pressed')).toBe('false');
    // The same word and the same star (the popup's star is a span of its own, the badge's part of its label).
    const popupWord = async (key: string) => ((await toggle(key).textContent()) ?? '').replace(/\s+/g, '');
    expect(await popupWord(savedRow.key)).toBe(badgeWord(savedRow.key).saveWord.replace(/\s+/g, ''));
    expect(await popupWord(otherRow.key)).toBe(badgeWord(otherRow.key).saveWord.replace(/\s+/g, ''));
    await popup.close();
    await page.close();
  });
});
