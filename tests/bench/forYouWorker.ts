// Benchmark: ranking for you in the extension's worker (headless Chromium), on the personal bench's setup: its 100k
// catalogue installed from the options page, its 50-paper library (two tags) saved, and its 2,000-row listing of papers
// the catalogue does not hold. Read from the worker's own user-timing measures: learning the model
// (`paperscope:learnInterests`) and scoring each matchRows request's rows (`paperscope:scoreRows`, summed over a page's
// requests), for a woken worker (model learned, rows vectorised) and a warm one (a reload: the rows' vectors kept).
import type { Page } from 'playwright-core';
import type { DemoEntry } from '../../src/cli/demoPage.ts';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { clampRef } from '../../src/messaging/shapes.ts';
import { askWorker, type ExtensionBrowser, launchWithExtension, readBadges, serveAt, stopServiceWorker } from '../e2e/chromium.ts';
import { machineLine, median, table } from './machine.ts';
import { LIBRARY, personalSetup, ROWS } from './personal.ts';

const LISTING_URL = 'https://arxiv.org/list/cs.CV/pastweek?show=2000';

interface WorkerSample {
  learnMs: number[];
  scoreMs: number;
  requests: number;
}

/** Loads the listing in a fresh tab, waits until every row has its badge and the worker is quiet, and reads its measures. */
async function measureListing(browser: ExtensionBrowser, options: Page, cold: boolean): Promise<WorkerSample> {
  const names = ['paperscope:learnInterests', 'paperscope:scoreRows'];
  if (cold) await stopServiceWorker(browser, options);
  else await (browser.context.serviceWorkers().at(-1) ?? browser.worker).evaluate((n) => n.forEach((name) => performance.clearMeasures(name)), names);
  const page = await browser.context.newPage();
  try {
    await page.goto(LISTING_URL, { waitUntil: 'domcontentloaded', timeout: 300_000 });
    await page.waitForFunction((rows) => document.querySelectorAll('paperscope-badge').length >= rows, ROWS, { timeout: 300_000, polling: 200 });
    // The last part's answer may still be on its way: wait for the worker's measures to stop growing.
    const worker = () => browser.context.serviceWorkers().at(-1) ?? browser.worker;
    let last = -1;
    for (;;) {
      const count = await worker().evaluate(() => performance.getEntriesByName('paperscope:scoreRows').length);
      if (count === last) break;
      last = count;
      await page.waitForTimeout(1000);
    }
    const [learn, score] = await worker().evaluate((n) => n.map((name) => performance.getEntriesByName(name).map((m) => m.duration)), names);
    return { learnMs: learn!, scoreMs: score!.reduce((a, b) => a + b, 0), requests: score!.length };
  } finally {
    await page.close();
  }
}

/** The worker's scoreRows measures, once they have stopped growing for a second. */
async function settledScores(browser: ExtensionBrowser, page: Page): Promise<number[]> {
  const worker = () => browser.context.serviceWorkers().at(-1) ?? browser.worker;
  let last = -1;
  for (;;) {
    const count = await worker().evaluate(() => performance.getEntriesByName('paperscope:scoreRows').length);
    if (count === last) break;
    last = count;
    await page.waitForTimeout(1000);
  }
  return worker().evaluate(() => performance.getEntriesByName('paperscope:scoreRows').map((m) => m.duration));
}

/**
 * A retrain's rescan: with the listing loaded and quiet, one paper is saved; the worker learns again and tells the tab,
 * which asks about every row again (the page already read, so nothing competes but the badges being redrawn). The paper
 * is unsaved after, and that second rescan waited for, so each run starts from the same library.
 */
async function measureRetrainRescan(browser: ExtensionBrowser, options: Page, extra: ReturnType<typeof clampRef>): Promise<WorkerSample> {
  const names = ['paperscope:learnInterests', 'paperscope:scoreRows'];
  const page = await browser.context.newPage();
  try {
    await page.goto(LISTING_URL, { waitUntil: 'domcontentloaded', timeout: 300_000 });
    await page.waitForFunction((rows) => document.querySelectorAll('paperscope-badge').length >= rows, ROWS, { timeout: 300_000, polling: 200 });
    await settledScores(browser, page);
    const worker = browser.context.serviceWorkers().at(-1) ?? browser.worker;
    await worker.evaluate((n) => n.forEach((name) => performance.clearMeasures(name)), names);
    await askWorker(options, 'setSaved', { paper: extra, saved: true });
    await worker.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    const score = await settledScores(browser, page);
    const learn = await worker.evaluate(() => performance.getEntriesByName('paperscope:learnInterests').map((m) => m.duration));
    await askWorker(options, 'setSaved', { paper: extra, saved: false });
    await worker.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    await settledScores(browser, page);
    return { learnMs: learn, scoreMs: score.reduce((a, b) => a + b, 0), requests: score.length };
  } finally {
    await page.close();
  }
}

export async function benchForYouWorker(runs: number): Promise<string> {
  const setup = personalSetup();
  if (!setup) return 'for you (worker): skipped (../shared/data/arxiv-before-2026.jsonl.gz is absent)';
  const entries: DemoEntry[] = setup.listing.map((p) => ({
    arxivId: p.id,
    title: p.title.replace(/\s+/g, ' ').trim(),
    authors: p.authors ?? [],
    categories: p.categories?.length ? p.categories : ['cs.CV'],
    abstract: (p.abstract ?? '').replace(/\s+/g, ' ').trim(),
  }));
  const browser = await launchWithExtension();
  const cold: WorkerSample[] = [];
  const warm: WorkerSample[] = [];
  const retrained: WorkerSample[] = [];
  let marked = 0;
  try {
    await serveAt(browser.context, LISTING_URL, demoListingHtml(entries));
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.setInputFiles('input[data-control=catalogue-file]', setup.psc);
    await options.click('button[data-action=import]');
    await options.waitForSelector('[data-import-status=done]', { timeout: 600_000 });
    for (const { tags, ...paper } of setup.library) {
      await askWorker(options, 'setSaved', { paper: clampRef(paper), saved: true });
      if (tags?.length) await askWorker(options, 'updateSaved', { key: paper.key, userTags: tags });
    }
    const status = await askWorker(options, 'interestStatus', {});
    if (!status.ranking || status.papers !== LIBRARY) throw new Error(`the worker should rank for ${LIBRARY} papers: ${JSON.stringify(status)}`);
    await measureListing(browser, options, false); // the first load: not counted
    for (let r = 0; r < runs; r++) {
      cold.push(await measureListing(browser, options, true));
      warm.push(await measureListing(browser, options, false));
    }
    for (let r = 0; r < runs; r++) retrained.push(await measureRetrainRescan(browser, options, clampRef(setup.spare)));
    // The rows the last load marked for you, read inside the badges (a check that ranking ran on every row).
    const page = await browser.context.newPage();
    await page.goto(LISTING_URL, { waitUntil: 'domcontentloaded', timeout: 300_000 });
    await page.waitForFunction((rows) => document.querySelectorAll('paperscope-badge').length >= rows, ROWS, { timeout: 300_000, polling: 200 });
    await page.waitForTimeout(2000);
    const badges = await readBadges(page);
    if (!badges.every((b) => b.forYou)) throw new Error(`${badges.filter((b) => !b.forYou).length} of ${badges.length} badges have no relevance`);
    marked = badges.filter((b) => b.forYou?.level).length;
  } finally {
    await browser.close();
  }
  const ms = (values: number[]) => `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)} to ${Math.max(...values).toFixed(1)})`;
  return [
    `For you, in the worker (headless Chromium): the personal bench's catalogue (${ROWS.toLocaleString('en')} latest papers left out) installed, ` +
      `its ${LIBRARY}-paper library saved (two tags of 10), its ${ROWS.toLocaleString('en')}-row listing loaded; medians of ${runs} runs (min to max).`,
    machineLine(),
    table([
      { measure: 'woken worker: learn the model (read the library, learn), ms', worker: ms(cold.map((s) => s.learnMs[0] ?? Number.NaN)), aim: '<= 300' },
      { measure: `woken worker: score the ${ROWS} rows (vectorise and score), ms summed`, worker: ms(cold.map((s) => s.scoreMs)), aim: '' },
      { measure: `warm worker (a reload): score the ${ROWS} rows (vectors kept), ms summed`, worker: ms(warm.map((s) => s.scoreMs)), aim: '<= 30' },
      {
        measure: `a retrain's rescan (one paper saved, the tab asks again; the page read): score the ${ROWS} rows, ms summed`,
        worker: ms(retrained.map((s) => s.scoreMs)),
        aim: '<= 30',
      },
      { measure: "matchRows requests per load (the page's parts)", worker: String(median(warm.map((s) => s.requests))), aim: '' },
      { measure: "matchRows requests per retrain's rescan", worker: String(median(retrained.map((s) => s.requests))), aim: '' },
      { measure: 'rows marked for you (level high or medium)', worker: String(marked), aim: '' },
    ]),
  ].join('\n');
}
