// A hostile page on a supported site, in Chromium: its own scripts (the page's main world) inject rows for candidate
// papers and try to learn from their badges which ones the user saved, and to save or unsave papers with synthetic
// clicks and keys. The page must learn nothing and change nothing; the user's own clicks and keys still work.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { askWorker, clickBadgeButton, launchWithExtension, readBadges, savedKeysOf, serveAt, waitForBadgeSaved, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const URL = 'https://arxiv.org/list/cs.LG/new';
/** One title for every candidate: same tags, so the badges could differ by saved state only. */
const TITLE = 'Sparse Attention Kernels for Long Document Summarization';
const CANDIDATES = ['2503.01001', '2503.01002', '2503.01003', '2503.01004', '2503.01005', '2503.01006'];
const SAVED = CANDIDATES[3]!;
const keyOf = (id: string) => `arxiv:${id}`;

/** What the page's own script learns of each candidate's badge. */
interface Probe {
  key: string;
  hasShadowRoot: boolean;
  attributes: Array<[string, string | null]>;
  width: number;
  height: number;
  rowText: string;
}

/**
 * Run in the page's main world: adds a row (arXiv listing markup, as the adapter reads it) for each candidate at the top
 * of the page, invisible to the user but laid out, waits for their badges, and reads all it can of them.
 */
async function probeFromPage(page: Page): Promise<{ probes: Probe[]; findSaved: boolean }> {
  return page.evaluate(
    async ([ids, title]) => {
      const list = document.querySelector('#articles')!;
      const box = document.createElement('div');
      box.innerHTML = ids
        .map(
          (id) => `<dt style="opacity: 0"><a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a></dt>
            <dd style="opacity: 0"><div class="meta"><div class="list-title mathjax">${title}</div><div class="list-authors">A. Author</div>
            <div class="list-subjects">Machine Learning (cs.LG)</div></div></dd>`,
        )
        .join('');
      list.prepend(...box.childNodes);
      // Wait for every badge, then a little longer: state is all the page would want to read.
      const badgeOf = (id: string) => document.querySelector(`paperscope-badge[data-paper-key="arxiv:${id}"]`) as HTMLElement | null;
      for (let i = 0; i < 200 && !ids.every(badgeOf); i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      const probes = ids.map((id) => {
        const host = badgeOf(id)!;
        const rect = host.getBoundingClientRect();
        return {
          key: `arxiv:${id}`,
          hasShadowRoot: host.shadowRoot !== null,
          attributes: host.getAttributeNames().map((name) => [name, host.getAttribute(name)] as [string, string | null]),
          width: rect.width,
          height: rect.height,
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a page could read
          rowText: (host.closest('dd') as HTMLElement).innerText,
        };
      });
      // The browser's find-in-page searches shadow roots, closed ones too: the label "Saved" must not be text there.
      const findSaved = (window as unknown as { find(text: string): boolean }).find('Saved');
      getSelection()?.removeAllRanges();
      return { probes, findSaved };
    },
    [CANDIDATES, TITLE] as const,
  );
}

/** Run in the page's main world: every synthetic way to press a badge's buttons, on every badge. */
async function pressFromPage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let tried = 0;
    const keys = (target: EventTarget) => {
      for (const key of ['Enter', ' ']) {
        for (const type of ['keydown', 'keypress', 'keyup'])
          target.dispatchEvent(new KeyboardEvent(type, { key, code: key === ' ' ? 'Space' : key, bubbles: true, composed: true }));
      }
    };
    for (const host of document.querySelectorAll<HTMLElement>('paperscope-badge')) {
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      host.focus();
      keys(host);
      tried++;
      // With an open root (the old badge), its buttons themselves.
      for (const button of host.shadowRoot?.querySelectorAll<HTMLElement>('button') ?? []) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        button.focus();
        keys(button);
        tried++;
      }
    }
    // Anything the clicks set off would reach the worker within this (a real click's save takes milliseconds).
    await new Promise((r) => setTimeout(r, 1000));
    return tried;
  });
}

describe('a hostile page on a supported site (Chromium)', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(
      browser.context,
      URL,
      demoListingHtml([{ arxivId: '2503.00001', title: 'A Visible Paper on Gradient Compression', authors: ['B. Author'], categories: ['cs.LG'], abstract: '' }]),
    );
    options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    // The user saved one of the candidates earlier.
    await askWorker(options, 'setSaved', { paper: { key: keyOf(SAVED), title: TITLE }, saved: true });
    page = await browser.context.newPage();
    await page.goto(URL);
    await waitForBadges(page, 1);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('learns nothing of what the user saved from the badges', async () => {
    const { probes, findSaved } = await probeFromPage(page);
    // The page sees no root and only the key it gave, and every badge has the same size.
    expect(probes.map((p) => p.hasShadowRoot)).toEqual(CANDIDATES.map(() => false));
    for (const probe of probes) expect(probe.attributes).toEqual([['data-paper-key', probe.key]]);
    const sizes = new Set(probes.map((p) => `${p.width}x${p.height}`));
    expect([...sizes], 'badge sizes').toHaveLength(1);
    expect(probes[0]!.width).toBeGreaterThan(0);
    // Nor from the text of the rows, or a search of the page.
    expect(new Set(probes.map((p) => p.rowText)).size).toBe(1);
    expect(findSaved).toBe(false);

    // Yet the badges do know: the saved candidate is shown saved (read inside the closed roots, as the user sees it).
    await waitForBadges(page, 1 + CANDIDATES.length);
    const shown = await readBadges(page);
    expect(CANDIDATES.map((id) => shown.find((b) => b.key === keyOf(id))?.saved)).toEqual(CANDIDATES.map((id) => String(id === SAVED)));
  });

  it('cannot save or unsave with synthetic clicks and keys', async () => {
    await waitForBadges(page, 1 + CANDIDATES.length);
    const before = await savedKeysOf(options);
    expect(before).toEqual([keyOf(SAVED)]);
    expect(await pressFromPage(page)).toBeGreaterThanOrEqual(1 + CANDIDATES.length);
    expect(await savedKeysOf(options)).toEqual(before);
    expect((await readBadges(page)).filter((b) => b.saved === 'true').map((b) => b.key)).toEqual([keyOf(SAVED)]);
  });

  it("saves and unsaves with the user's own click and key", async () => {
    const key = keyOf(CANDIDATES[0]!);
    // The hostile rows are see-through but there: the user clicks what is on screen, the visible paper.
    const visible = 'arxiv:2503.00001';
    await clickBadgeButton(page, visible, 'save');
    await waitForBadgeSaved(page, visible, true);
    expect(await savedKeysOf(options)).toEqual([visible, keyOf(SAVED)].sort());
    // The focused Save button, pressed with Space: a real key press activates it.
    await page.keyboard.press('Space');
    await waitForBadgeSaved(page, visible, false);
    expect(await savedKeysOf(options)).toEqual([keyOf(SAVED)]);
    expect((await readBadges(page)).find((b) => b.key === key)?.saved).toBe('false');
  });
});
