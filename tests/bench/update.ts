// Benchmark: a monthly update added to an installed large catalogue in the extension's real worker (issue 17: time in
// proportion to the update, not the catalogue). Each catalogue is installed from the options page of a fresh headless
// Chromium ("Replace": the baseline, what a whole catalogue costs, in the same run), then the update file is added
// ("Add to the current catalogue"), which goes on top as a layer; each run installs the catalogue again first. After the
// last run: a woken worker's first match of a paper of the update, a warm one, and the worker's memory.
// BENCH_UPDATE_CATALOGUES=100k=/tmp/c100k/catalogue.psc,1m=/tmp/c1m/catalogue.psc BENCH_UPDATE_FILE=/tmp/update.json \
//   npx tsx tests/bench/run.ts update
// The update: `npm run make:snapshot -- --papers 1010000 --from 1000000 --out /tmp/update.json` (the 10,000 papers after
// the 1M catalogue's, with new ids; against the 100k catalogue they are new too).
import { readFileSync, statSync } from 'node:fs';
import { launchWithExtension, startCatalogueImport, type ExtensionBrowser } from '../e2e/chromium.ts';
import { timeMatch, workerMemoryMb } from './install.ts';
import { median, table } from './machine.ts';

/** Times an import from the options page, from the click to its done line (which waits for the worker's reload). */
async function timeImport(browser: ExtensionBrowser, path: string, mode: 'replace' | 'merge'): Promise<{ ms: number; text: string }> {
  const started = Date.now();
  const options = await startCatalogueImport(browser, path, mode);
  const done = await options.waitForSelector('[data-import-status=done], [data-import-status=failed]', { timeout: 600_000 });
  const ms = Date.now() - started;
  const text = (await done.textContent()) ?? '';
  if ((await done.getAttribute('data-import-status')) === 'failed') throw new Error(`${path}: ${text}`);
  await options.close();
  return { ms, text };
}

export async function benchUpdate(runs: number): Promise<string> {
  const spec = process.env.BENCH_UPDATE_CATALOGUES;
  const update = process.env.BENCH_UPDATE_FILE;
  if (!spec || !update) return 'update: set BENCH_UPDATE_CATALOGUES (label=catalogue.psc,...) and BENCH_UPDATE_FILE (snapshot lines) to run it';
  const lines = readFileSync(update, 'utf8').trimEnd().split('\n');
  const last = JSON.parse(lines[lines.length - 1]!) as { id: string; title: string };
  const probe = { key: `arxiv:${last.id}`, title: last.title.replace(/\s+/g, ' ').trim(), arxivId: last.id };
  const rows = [];
  for (const entry of spec.split(',')) {
    const [label, psc] = entry.split('=') as [string, string];
    const browser = await launchWithExtension();
    try {
      const whole: number[] = [];
      const added: number[] = [];
      let said = '';
      for (let r = 0; r < runs; r++) {
        whole.push((await timeImport(browser, psc, 'replace')).ms);
        const result = await timeImport(browser, update, 'merge');
        added.push(result.ms);
        said = result.text;
      }
      const warm: number[] = [];
      const cold: number[] = [];
      for (let r = 0; r < runs; r++) {
        warm.push(await timeMatch(browser, { label, probe }, false));
        cold.push(await timeMatch(browser, { label, probe }, true));
      }
      const memory = await workerMemoryMb(browser);
      rows.push({
        catalogue: label,
        'catalogue MB': (statSync(psc).size / 2 ** 20).toFixed(1),
        'baseline: install whole s': (median(whole) / 1000).toFixed(2),
        [`add ${lines.length.toLocaleString('en-US')} papers s`]: (median(added) / 1000).toFixed(2),
        'add / whole': (median(added) / median(whole)).toFixed(2),
        'cold start to first match of an added paper ms': median(cold).toFixed(0),
        'warm match ms': median(warm).toFixed(1),
        'worker MB (heap + buffers)': Number.isFinite(memory) ? memory.toFixed(0) : 'n/a',
        'the page said': said.replace(/\s+/g, ' ').slice(0, 90),
      });
    } finally {
      await browser.close();
    }
  }
  return [
    `Adding an update of ${lines.length.toLocaleString('en-US')} papers to an installed catalogue (${runs} runs each, medians; baseline = installing the whole catalogue, same browser, same run)`,
    table(rows),
  ].join('\n');
}
