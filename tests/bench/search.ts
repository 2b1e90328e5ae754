// Benchmark: three ways to search the catalogue's titles and authors with typos, at 10k and 100k papers, each approach
// in its own Node process (tests/bench/searchProbe.ts): build time, memory, query latency, recall on typo'd queries.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/chromium.ts';
import { DATA, slices } from './build.ts';
import { median, table } from './machine.ts';

const APPROACHES = ['minisearch', 'packed-postings', 'vocabulary'] as const;

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
 * slices), matching requests sent every 50 ms meanwhile (a page's badges must not wait), and a second search.
 */
async function workerSearch(page: Page): Promise<Record<string, number>> {
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  return page.evaluate(`(async () => {
    const send = async (type, request) => {
      const r = await chrome.runtime.sendMessage({ type, request });
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const ref = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning' };
    const match = () => send('matchRows', { pageUrl: 'https://arxiv.org/abs/2104.07857', adapterId: 'arxiv', pageKind: 'paper', refs: [ref] });
    await match();
    const started = performance.now();
    let done = false;
    const first = send('searchCatalogue', { query: 'quantum eror correction', limit: 20 }).then(() => (done = true));
    const waits = [];
    while (!done) {
      const t = performance.now();
      await match();
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    await first;
    const firstMs = performance.now() - started;
    const t = performance.now();
    await send('searchCatalogue', { query: 'black hole entropi', limit: 20 });
    const secondMs = performance.now() - t;
    waits.sort((a, b) => a - b);
    return { firstMs, secondMs, matchP50: waits[Math.floor(waits.length / 2)] ?? 0, matchMax: waits.at(-1) ?? 0, matches: waits.length };
  })()`);
}

export async function benchWorkerSearch(catalogues: Array<{ label: string; path: string }>, runs: number): Promise<string> {
  const rows: Array<Record<string, string | number>> = [];
  for (const { label, path } of catalogues) {
    const results: Array<Record<string, number>> = [];
    for (let r = 0; r < runs; r++) {
      const browser = await launchWithExtension();
      try {
        const options = await browser.context.newPage();
        await options.goto(browser.pageUrl('src/ui/options/index.html'));
        await options.setInputFiles('input[data-control=catalogue-file]', path);
        await options.check('input[name=import-mode][value=replace]');
        await options.click('button[data-action=import]');
        await options.waitForSelector('[data-import-status=done]', { timeout: 600_000 });
        const page = await browser.context.newPage();
        await page.goto(browser.pageUrl('src/ui/popup/index.html'));
        results.push(await workerSearch(page));
      } finally {
        await browser.close();
      }
    }
    const m = (field: string) => Math.round(median(results.map((x) => x[field]!)));
    rows.push({ papers: label, 'first search ms (builds the index)': m('firstMs'), 'matches answered meanwhile': m('matches'), 'match p50 ms': m('matchP50'), 'match max ms': m('matchMax'), 'next search ms': m('secondMs') });
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
