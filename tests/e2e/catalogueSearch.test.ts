// End to end in Chromium: the popup's search over saved papers and the catalogue — typos, filters by tag, year and
// site, saving a catalogue result and opening one in the side panel, all from the popup.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagesToWorker, RequestOf, ResponseOf, Result } from '../../src/messaging/protocol.ts';
import { launchWithExtension, stopServiceWorker, type ExtensionBrowser } from './chromium.ts';

/** A small catalogue of our own in the JSON-lines format (arXiv ids, authors, dates and categories). */
const CATALOGUE = [
  { id: '1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], categories: ['cs.CL', 'cs.LG'], date: '2017-06-12' },
  {
    id: '2104.07857',
    title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning',
    authors: ['Samyam Rajbhandari'],
    categories: ['cs.DC'],
    date: '2021-04-16',
  },
  { id: '2101.06840', title: 'ZeRO-Offload: Democratizing Billion-Scale Model Training', authors: ['Jie Ren', 'Samyam Rajbhandari'], categories: ['cs.DC'], date: '2021-01-18' },
  {
    id: '2309.06180',
    title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention',
    authors: ['Woosuk Kwon'],
    categories: ['cs.LG'],
    date: '2023-09-12',
  },
  { id: '1208.0928', title: 'Surface codes: Towards practical large-scale quantum computation', authors: ['Austin G. Fowler'], categories: ['quant-ph'], date: '2012-08-04' },
  { id: '2401.00001', title: 'Decoding Surface Codes with Attention Networks', authors: ['Ada Lovelace'], categories: ['quant-ph'], date: '2024-01-02' },
].map((p) => ({ ...p, abstract: `${p.title}. We study ${p.title.toLowerCase()} in depth.`, source: 'test' }));

async function send<K extends keyof PagesToWorker & string>(page: Page, type: K, request: RequestOf<PagesToWorker, K>): Promise<ResponseOf<PagesToWorker, K>> {
  const result = (await page.evaluate(([type, request]) => (globalThis as any).chrome.runtime.sendMessage({ type, request }), [type, request] as const)) as Result<
    ResponseOf<PagesToWorker, K>
  >;
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.value;
}

const catalogueKeys = (page: Page) => page.$$eval('section[data-section=catalogue] li[data-paper-key]', (lis) => lis.map((li) => li.getAttribute('data-paper-key')));
const savedKeys = (page: Page) => page.$$eval('section[data-section=saved] li[data-paper-key]', (lis) => lis.map((li) => li.getAttribute('data-paper-key')));

/** Waits until the catalogue results are exactly `keys` (in order) after the last change of the search. */
async function waitForCatalogue(page: Page, keys: string[]): Promise<void> {
  await page
    .waitForFunction(
      (want) =>
        JSON.stringify([...document.querySelectorAll('section[data-section=catalogue] li[data-paper-key]')].map((li) => li.getAttribute('data-paper-key'))) ===
        JSON.stringify(want),
      keys,
      { timeout: 15_000 },
    )
    .catch(async (error: Error) => {
      throw new Error(`${error.message}; shown: ${JSON.stringify(await catalogueKeys(page))}, wanted ${JSON.stringify(keys)}`);
    });
}

describe('search over saved papers and the catalogue (Chromium)', () => {
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-search-'));
    const file = join(dir, 'papers.jsonl');
    writeFileSync(file, `${CATALOGUE.map((p) => JSON.stringify(p)).join('\n')}\n`);
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.setInputFiles('input[data-control=catalogue-file]', file);
    await options.check('input[name=import-mode][value=replace]');
    await options.click('button[data-action=import]');
    await options.waitForFunction(() => document.querySelector('[data-field=paperCount]')?.textContent === '6', undefined, { timeout: 60_000 });
    await options.close();

    popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl('src/ui/popup/index.html'));
    // One saved paper from Hugging Face, one not in the catalogue at all.
    await send(popup, 'setSaved', { paper: { key: 'arxiv:2104.07857', title: CATALOGUE[1]!.title, url: 'https://huggingface.co/papers/2104.07857' }, saved: true });
    await send(popup, 'setSaved', {
      paper: { key: 'title:attention sinks', title: 'Efficient Streaming Language Models with Attention Sinks', url: 'https://openreview.net/forum?id=NG7sS51zVF' },
      saved: true,
    });
    await popup.reload();
    await popup.click('[role=tab][data-tab=library]');
    await popup.waitForSelector('section[data-section=saved] li[data-paper-key="arxiv:2104.07857"]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('answers typo-tolerant searches in the background and checks what it is sent', async () => {
    const found = await send(popup, 'searchCatalogue', { query: 'atention is all you need', limit: 5 });
    expect(found.results[0]).toMatchObject({ key: 'arxiv:1706.03762', year: 2017, site: 'arxiv', url: 'https://arxiv.org/abs/1706.03762', saved: false });
    expect(found.paperCount).toBe(6);
    const byAuthor = await send(popup, 'searchCatalogue', { query: 'rajbandari', limit: 5 });
    expect(byAuthor.results.map((r) => r.key).sort()).toEqual(['arxiv:2101.06840', 'arxiv:2104.07857']);
    expect(byAuthor.results.find((r) => r.key === 'arxiv:2104.07857')?.saved).toBe(true);
    const bad = (await popup.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'searchCatalogue', request: { query: 'x', limit: 1000 } }))) as Result<unknown>;
    expect(bad).toEqual({ ok: false, error: 'limit should be an integer in 0..100' });
  });

  it('shows saved and catalogue results for one search box, with tag, year and site filters', async () => {
    const box = popup.locator('input[data-control=search-saved]');
    await box.fill('zero infinty');
    await waitForCatalogue(popup, ['arxiv:2104.07857']);
    expect(await savedKeys(popup)).toEqual(['arxiv:2104.07857']);
    expect(await popup.getAttribute('section[data-section=catalogue] li[data-paper-key="arxiv:2104.07857"] button[data-action=save]', 'aria-pressed')).toBe('true');

    await box.fill('attention');
    await waitForCatalogue(popup, ['arxiv:1706.03762', 'arxiv:2401.00001']);
    expect(await savedKeys(popup)).toEqual(['title:attention sinks']);

    // Year: only the 2024 paper in the catalogue; the saved paper has no year.
    await popup.selectOption('select[data-control=filter-year]', '2024');
    await waitForCatalogue(popup, ['arxiv:2401.00001']);
    expect(await savedKeys(popup)).toEqual([]);
    await popup.selectOption('select[data-control=filter-year]', '');

    // Tag: an arXiv category label from the catalogue.
    await popup.selectOption('select[data-control=filter-tag]', 'Quantum Physics');
    await waitForCatalogue(popup, ['arxiv:2401.00001']);
    await popup.selectOption('select[data-control=filter-tag]', '');

    // Site: OpenReview keeps the saved paper that came from there; catalogue papers are arXiv's.
    await popup.selectOption('select[data-control=filter-site]', 'openreview');
    await waitForCatalogue(popup, []);
    expect(await savedKeys(popup)).toEqual(['title:attention sinks']);
    await popup.waitForSelector('section[data-section=catalogue] [data-empty=no-catalogue-match]');
    await popup.selectOption('select[data-control=filter-site]', 'arxiv');
    await waitForCatalogue(popup, ['arxiv:1706.03762', 'arxiv:2401.00001']);
    expect(await savedKeys(popup)).toEqual([]);
    await popup.selectOption('select[data-control=filter-site]', '');

    // With both result lists shown, axe finds no serious or critical violation.
    await popup.evaluate(readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = (await popup.evaluate(async () => (await (globalThis as any).axe.run(document, { resultTypes: ['violations'] })).violations)) as Array<{
      id: string;
      impact: string;
    }>;
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Clearing the box and the filters hides the catalogue results.
    await box.fill('');
    await popup.waitForSelector('section[data-section=catalogue]', { state: 'detached' });
  });

  it('searches again after the browser stops the worker (the index is rebuilt on the next search)', async () => {
    await stopServiceWorker(browser, popup);
    const found = await send(popup, 'searchCatalogue', { query: 'pagedatention', limit: 5 });
    expect(found.results.map((r) => r.key)).toEqual(['arxiv:2309.06180']);
  });

  it('saves a catalogue result in one click and opens another in the side panel', async () => {
    const box = popup.locator('input[data-control=search-saved]');
    await box.fill('surface codes');
    // The shorter title that has both words ranks first.
    await waitForCatalogue(popup, ['arxiv:2401.00001', 'arxiv:1208.0928']);
    await popup.click('section[data-section=catalogue] li[data-paper-key="arxiv:1208.0928"] button[data-action=save]');
    await popup.waitForSelector('section[data-section=saved] li[data-paper-key="arxiv:1208.0928"]');
    await popup.waitForSelector('section[data-section=catalogue] li[data-paper-key="arxiv:1208.0928"] button[data-action=save][aria-pressed=true]');
    const saved = await send(popup, 'listSaved', {});
    expect(saved.find((p) => p.key === 'arxiv:1208.0928')).toMatchObject({ title: CATALOGUE[4]!.title, url: 'https://arxiv.org/abs/1208.0928', year: 2012 });

    await popup.click('section[data-section=catalogue] li[data-paper-key="arxiv:2401.00001"] button[data-action=related]');
    await popup.waitForFunction(
      async () => {
        const r = await (globalThis as any).chrome.runtime.sendMessage({ type: 'getPickedPaper', request: {} });
        return r.ok && r.value.paper?.key === 'arxiv:2401.00001';
      },
      undefined,
      { timeout: 10_000 },
    );
    // The side panel shows the picked paper's related work.
    const panel = await browser.context.newPage();
    await panel.goto(browser.pageUrl('src/ui/sidepanel/index.html'));
    await panel.waitForFunction(() => document.body.textContent?.includes('Decoding Surface Codes with Attention Networks'), undefined, { timeout: 15_000 });
    await panel.close();
  });
});
