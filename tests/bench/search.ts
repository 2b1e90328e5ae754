// Benchmark: three ways to search the catalogue's titles and authors with typos, at 10k and 100k papers, each approach
// in its own Node process (tests/bench/searchProbe.ts): build time, memory, query latency, recall on typo'd queries.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { contentScriptWorld, launchWithExtension, serveAt, startCatalogueImport, type ContentScriptWorld } from '../e2e/chromium.ts';
import { DATA, slices } from './build.ts';
import { median, table } from './machine.ts';

const APPROACHES = ['minisearch', 'packed-postings', 'vocabulary'] as const;
/** A page of a supported site, whose content script sends the matching requests. */
const ARXIV_PAGE = 'https://arxiv.org/abs/2104.07857';

/** Catalogues to search: BENCH_SEARCH_DIR/<10k|100k>/catalogue.psc when given (built before), else built here. */
function catalogues(): Array<{ label: string; path: string }> {
  const given = process.env.BENCH_SEARCH_DIR;
  if (given) return ['10k', '100k'].map((label) => ({ label, path: join(given, label, 'catalogue.psc') })).filter((c) => existsSync(c.path));
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bench-search-'));
  return slices(dir)
    .filter((s) => s.label !== '1k')
    .map(({ label, path }) => {
      execFileSync('node', ['bin/paperscope.js', 'build-catalogue', '--in', path, '--out', join(dir, label), '--no-abstracts'], { stdio: 'ignore' });
      return { label, path: join(dir, label, 'catalogue.psc') };
    });
}

/**
 * In the extension's worker (headless Chromium): the first search of a worker's life (the index is built then, in
 * slices) from the popup, matching requests sent every 50 ms meanwhile from an arXiv page's content script (a page's
 * badges must not wait), and a second search.
 */
async function workerSearch(popup: Page, world: ContentScriptWorld): Promise<Record<string, number>> {
  // Strings, not functions: tsx would wrap named functions in a helper the pages do not have.
  const match = `async () => {
    const ref = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning' };
    const started = performance.now();
    const r = await chrome.runtime.sendMessage({ type: 'matchRows', request: { adapterId: 'arxiv', pageKind: 'paper', refs: [ref], firstRow: 0 } });
    if (!r.ok) throw new Error(r.error);
    return performance.now() - started;
  }`;
  await world.evaluate(match);
  await popup.evaluate(`(() => {
    window.searchIn = async (query) => {
      const started = performance.now();
      const r = await chrome.runtime.sendMessage({ type: 'searchCatalogue', request: { query, limit: 20 } });
      if (!r.ok) throw new Error(r.error);
      return performance.now() - started;
    };
    window.firstSearch = window.searchIn('quantum eror correction').then((ms) => (window.firstMs = ms));
  })()`);
  const waits: number[] = [];
  while ((await popup.evaluate('window.firstMs')) === undefined) {
    waits.push(await world.evaluate<number>(match));
    await new Promise((r) => setTimeout(r, 50));
  }
  const firstMs = (await popup.evaluate('window.firstMs')) as number;
  const secondMs = (await popup.evaluate("window.searchIn('black hole entropi')")) as number;
  waits.sort((a, b) => a - b);
  return { firstMs, secondMs, matchP50: waits[Math.floor(waits.length / 2)] ?? 0, matchMax: waits.at(-1) ?? 0, matches: waits.length };
}

export async function benchWorkerSearch(catalogues: Array<{ label: string; path: string }>, runs: number): Promise<string> {
  const rows: Array<Record<string, string | number>> = [];
  for (const { label, path } of catalogues) {
    const results: Array<Record<string, number>> = [];
    for (let r = 0; r < runs; r++) {
      const browser = await launchWithExtension();
      try {
        const options = await startCatalogueImport(browser, path);
        await options.waitForSelector('[data-import-status=done]', { timeout: 600_000 });
        const popup = await browser.context.newPage();
        await popup.goto(browser.pageUrl('src/ui/popup/index.html'));
        await serveAt(browser.context, ARXIV_PAGE, '<!doctype html><title>arXiv</title><body></body>');
        const arxiv = await browser.context.newPage();
        await arxiv.goto(ARXIV_PAGE);
        const world = await contentScriptWorld(browser, arxiv);
        try {
          results.push(await workerSearch(popup, world));
        } finally {
          await world.detach();
        }
      } finally {
        await browser.close();
      }
    }
    const m = (field: string) => Math.round(median(results.map((x) => x[field]!)));
    rows.push({
      papers: label,
      'first search ms (builds the index)': m('firstMs'),
      'matches answered meanwhile': m('matches'),
      'match p50 ms': m('matchP50'),
      'match max ms': m('matchMax'),
      'next search ms': m('secondMs'),
    });
  }
  return `Catalogue search in the worker (headless Chromium, ${runs} runs each, medians)\n${table(rows)}`;
}

export async function benchSearch(runs: number): Promise<string> {
  if (!existsSync(DATA)) return 'notice: ../shared/data is absent; the search benchmark is skipped';
  const built = catalogues();
  return `${benchSearchApproaches(built, runs)}\n\n${await benchWorkerSearch(built, runs)}`;
}

function benchSearchApproaches(built: Array<{ label: string; path: string }>, runs: number): string {
  const rows: Array<Record<string, string | number>> = [];
  for (const { label, path } of built) {
    for (const approach of APPROACHES) {
      const results: Array<Record<string, number>> = [];
      for (let r = 0; r < runs; r++) {
        const out = spawnSync('node', ['--expose-gc', '--import', 'tsx', 'tests/bench/searchProbe.ts', approach, path], { encoding: 'utf8' });
        if (out.status !== 0) throw new Error(`search probe ${approach} failed: ${out.stderr}`);
        results.push(JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Record<string, number>);
      }
      const m = (field: string) => median(results.map((x) => x[field]!));
      rows.push({
        papers: label,
        approach,
        'build ms': m('buildMs'),
        'build CPU ms': m('buildCpuMs'),
        'memory MB': m('memoryMb'),
        'query p50 ms': m('queryP50Ms'),
        'query p95 ms': m('queryP95Ms'),
        'title recall@20': m('titleRecallAt20'),
        'author recall@20': m('authorRecallAt20'),
      });
    }
  }
  return `Catalogue search (Node; ${runs} runs each, medians; 200 title queries of three title words, the middle one with a typo, and 100 "surname + title word" queries)\n${table(rows)}`;
}
