// Benchmark: a monthly update merged into an installed large catalogue in the extension's real worker (issue 17: time
// in proportion to the update, not the catalogue). Each catalogue is installed from the options page of a fresh headless
// Chromium ("Replace": what installing the whole catalogue costs, for scale), then the update file is merged into it,
// which goes on top as a layer; each run installs the catalogue again first. After the last run: a woken worker's first
// match of a paper of the update, a warm one, and the worker's memory. BENCH_BASELINE_DIST=<an older build's
// dist/chrome> runs the same steps with that build first, in the same run (before layers, a merge rebuilt the whole
// catalogue with the new papers in the browser, and refused one past 300,000 papers).
// BENCH_UPDATE_CATALOGUES=100k=/tmp/c100k/catalogue.psc,1m=/tmp/c1m/catalogue.psc BENCH_UPDATE_FILE=/tmp/update.json \
//   npx tsx tests/bench/run.ts update
// The update: `npm run make:snapshot -- --papers 1010000 --from 1000000 --out /tmp/update.json` (the 10,000 papers after
// the 1M catalogue's, with new ids; against the 100k catalogue they are new too).
import { readFileSync, statSync } from 'node:fs';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { launchWithExtension, startCatalogueImport, type ExtensionBrowser } from '../e2e/chromium.ts';
import { timeMatch, workerMemoryMb } from './install.ts';
import { median, table } from './machine.ts';

/**
 * Times an import from the options page, from the click to its done line (which waits for the worker's reload); NaN
 * with the page's words when it is refused.
 */
async function timeImport(browser: ExtensionBrowser, path: string, mode: 'replace' | 'merge'): Promise<{ ms: number; text: string }> {
  const started = Date.now();
  const options = await startCatalogueImport(browser, path, mode);
  const done = await options.waitForSelector('[data-import-status=done], [data-import-status=failed]', { timeout: 900_000 });
  const ms = Date.now() - started;
  const text = (await done.textContent()) ?? '';
  const failed = (await done.getAttribute('data-import-status')) === 'failed';
  await options.close();
  if (failed && mode === 'replace') throw new Error(`${path}: ${text}`);
  return { ms: failed ? Number.NaN : ms, text };
}

/** A catalogue's last paper, to probe matching with (as a page would name it). */
function lastPaperOf(psc: string): { key: string; title: string; arxivId: string } {
  const data = readCatalogue(new Uint8Array(readFileSync(psc)));
  const key = data.lineOf('keys', data.paperCount - 1);
  return { key, title: data.titleOf(data.paperCount - 1), arxivId: key.replace(/^arxiv:/, '') };
}

export async function benchUpdate(runs: number): Promise<string> {
  const spec = process.env.BENCH_UPDATE_CATALOGUES;
  const update = process.env.BENCH_UPDATE_FILE;
  if (!spec || !update) return 'update: set BENCH_UPDATE_CATALOGUES (label=catalogue.psc,...) and BENCH_UPDATE_FILE (snapshot lines) to run it';
  const lines = readFileSync(update, 'utf8').trimEnd().split('\n');
  const last = JSON.parse(lines[lines.length - 1]!) as { id: string; title: string };
  const probe = { key: `arxiv:${last.id}`, title: last.title.replace(/\s+/g, ' ').trim(), arxivId: last.id };
  const baselineDist = process.env.BENCH_BASELINE_DIST;
  const builds: Array<{ name: string; dist?: string }> = [...(baselineDist ? [{ name: 'baseline build', dist: baselineDist }] : []), { name: 'this tree' }];
  const seconds = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : 'n/a');
  const rows = [];
  for (const entry of spec.split(',')) {
    const [label, psc] = entry.split('=') as [string, string];
    for (const build of builds) {
      const browser = await launchWithExtension(undefined, { dist: build.dist });
      try {
        const whole: number[] = [];
        const added: number[] = [];
        const coldBefore: number[] = [];
        let said = '';
        const baseProbe = { label, probe: lastPaperOf(psc) };
        for (let r = 0; r < runs; r++) {
          whole.push((await timeImport(browser, psc, 'replace')).ms);
          // The woken worker's first match with the catalogue alone: what the update adds to it shows beside.
          coldBefore.push(await timeMatch(browser, baseProbe, true));
          const result = await timeImport(browser, update, 'merge');
          added.push(result.ms);
          said = result.text;
          if (!Number.isFinite(result.ms)) break; // refused once, refused every time
        }
        const merged = added.every(Number.isFinite);
        const warm: number[] = [];
        const cold: number[] = [];
        for (let r = 0; r < runs && merged; r++) {
          warm.push(await timeMatch(browser, { label, probe }, false));
          cold.push(await timeMatch(browser, { label, probe }, true));
        }
        const memory = merged ? await workerMemoryMb(browser) : Number.NaN;
        rows.push({
          catalogue: label,
          ...(baselineDist ? { build: build.name } : {}),
          'catalogue MB': (statSync(psc).size / 2 ** 20).toFixed(1),
          'install whole s': seconds(median(whole)),
          [`merge ${lines.length.toLocaleString('en-US')} papers s`]: merged ? seconds(median(added)) : 'refused',
          'cold start to first match, catalogue alone ms': median(coldBefore).toFixed(0),
          'cold start to first match of an added paper ms': merged ? median(cold).toFixed(0) : 'n/a',
          'warm match ms': merged ? median(warm).toFixed(1) : 'n/a',
          'worker MB (heap + buffers)': Number.isFinite(memory) ? memory.toFixed(0) : 'n/a',
          'the page said': said.replace(/\s+/g, ' ').slice(0, 110),
        });
      } finally {
        await browser.close();
      }
    }
  }
  return [
    `Merging an update of ${lines.length.toLocaleString('en-US')} papers into an installed catalogue (${runs} runs each, medians; each run installs the catalogue first)${baselineDist ? `; baseline build: ${baselineDist}` : ''}`,
    table(rows),
  ].join('\n');
}
