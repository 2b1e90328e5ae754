// Benchmark: installing 1k/10k/100k catalogues in headless Chromium (against a plain IndexedDB bulk write of the same
// records), the worker's cold start to its first answered match, and its memory.
// BENCH_INSTALL_CATALOGUES=100k=/tmp/cat100k/catalogue.psc,1m=/tmp/cat1m/catalogue.psc measures built catalogues instead
// (no bulk-write baseline then); BENCH_BASELINE_DIST=<another build's dist/chrome> measures that build beside this one,
// in the same run, on the same catalogues (e.g. main's, for a before/after).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentScriptWorld, launchWithExtension, serveAt, stopServiceWorker, type ExtensionBrowser } from '../e2e/chromium.ts';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { slices } from './build.ts';
import { median, table } from './machine.ts';

interface Slice {
  label: string;
  psc: string;
  paperCount: number;
  /** Plain records for the bulk-write baseline (none for a built catalogue given by path). */
  records: unknown[] | undefined;
  probe: { key: string; title: string; arxivId: string };
}

/** Built catalogues named in BENCH_INSTALL_CATALOGUES (label=path,...), probed with their last paper. */
function builtSlices(spec: string): Slice[] {
  return spec.split(',').map((entry) => {
    const [label, psc] = entry.split('=') as [string, string];
    const data = readCatalogue(new Uint8Array(readFileSync(psc)));
    const last = data.paperCount - 1;
    const key = data.lineOf('keys', last);
    if (!key.startsWith('arxiv:')) throw new Error(`${psc}: its last paper has no arXiv id to probe with`);
    return { label, psc, paperCount: data.paperCount, records: undefined, probe: { key, title: data.lineAt('titles', last), arxivId: key.slice(6) } };
  });
}

function prepare(dir: string): Slice[] {
  return slices(dir).map(({ label, path }) => {
    const out = join(dir, `cat-${label}`);
    execFileSync('node', ['bin/paperscope.js', 'build-catalogue', '--in', path, '--out', out, '--no-abstracts'], { stdio: 'ignore' });
    const lines = execFileSync('bash', ['-c', `zcat '${path}'`], { maxBuffer: 1 << 30 })
      .toString('utf8')
      .trim()
      .split('\n');
    // The baseline writes the same papers as plain records (no abstracts, as in the catalogue).
    const records = lines.map((l) => {
      const p = JSON.parse(l) as { id: string; title: string; authors: string[]; categories: string[]; date: string };
      return { key: `arxiv:${p.id}`, title: p.title, authors: p.authors, categories: p.categories, date: p.date };
    });
    const last = JSON.parse(lines[lines.length - 1]!) as { id: string; title: string };
    return { label, psc: join(out, 'catalogue.psc'), paperCount: records.length, records, probe: { key: `arxiv:${last.id}`, title: last.title, arxivId: last.id } };
  });
}

/** Times from the import click to matching with the new catalogue and to done; NaN with why when the build refuses it. */
async function timeInstall(browser: ExtensionBrowser, slice: Slice): Promise<{ matching: number; done: number; refused?: string }> {
  const options = await browser.context.newPage();
  await options.goto(browser.pageUrl('src/ui/options/index.html'));
  // Start each run from the bundled seed, so the new paper count is news.
  await options.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'restoreBundledCatalogue', request: {} }));
  await options.reload();
  await options.waitForFunction(() => document.querySelector('[data-field=paperCount]')?.textContent === '63');
  await options.setInputFiles('input[data-control=catalogue-file]', slice.psc);
  const count = String(slice.paperCount);
  const started = Date.now();
  await options.click('button[data-action=import]');
  const switched = await options.waitForFunction(
    // The page writes the count with thousands separators.
    (n) => document.querySelector('[data-field=paperCount]')?.textContent?.replace(/\D/g, '') === n || document.querySelector('[data-import-status=failed]')?.textContent,
    count,
    { polling: 10, timeout: 300_000 },
  );
  const refused = await switched.jsonValue();
  if (typeof refused === 'string') {
    await options.close();
    return { matching: NaN, done: NaN, refused };
  }
  const matching = Date.now() - started;
  await options.waitForSelector('[data-import-status=done]', { timeout: 300_000 });
  const done = Date.now() - started;
  await options.close();
  return { matching, done };
}

async function timeBaseline(browser: ExtensionBrowser, slice: Slice, run: number): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(browser.pageUrl('src/ui/options/index.html'));
  await page.evaluate((records) => ((globalThis as any).benchRecords = records), slice.records);
  const ms = await page.evaluate(async (name) => {
    const records = (globalThis as any).benchRecords as Array<{ key: string }>;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('papers', { keyPath: 'key' });
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const start = performance.now();
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('papers', 'readwrite');
      const store = tx.objectStore('papers');
      for (const r of records) store.put(r);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    const elapsed = performance.now() - start;
    db.close();
    indexedDB.deleteDatabase(name);
    return elapsed;
  }, `baseline-${slice.label}-${run}`);
  await page.close();
  return ms;
}

/** A page of a supported site with nothing on it: its content script is where match requests come from. */
const PROBE_PAGE = 'https://arxiv.org/abs/0000.00000';

/** Round trip of one match request from a page's content script; `cold` stops the worker first. */
export async function timeMatch(browser: ExtensionBrowser, slice: Pick<Slice, 'label' | 'probe'>, cold: boolean): Promise<number> {
  await serveAt(browser.context, PROBE_PAGE, '<!doctype html><title>arXiv</title><body></body>');
  const page = await browser.context.newPage();
  await page.goto(PROBE_PAGE);
  const world = await contentScriptWorld(browser, page);
  try {
    // Stopped after the page is in: its own first message (a report of no rows) must not be what wakes the worker.
    if (cold) await stopServiceWorker(browser, page);
    const result = await world.evaluate<{ ms: number; inCatalogue?: boolean }>(`async () => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({
        type: 'matchRows',
        request: { adapterId: 'arxiv', pageKind: 'listing', refs: [${JSON.stringify(slice.probe)}], firstRow: 0 },
      });
      return { ms: performance.now() - start, inCatalogue: reply?.value?.papers?.[0]?.inCatalogue };
    }`);
    if (result.inCatalogue !== true) throw new Error(`the probe paper was not matched in the ${slice.label} catalogue`);
    return result.ms;
  } finally {
    await world.detach();
    await page.close();
  }
}

/** The worker's memory after a collection: V8 heap plus array buffers, asked of the worker target through CDP. */
export async function workerMemoryMb(browser: ExtensionBrowser): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(browser.pageUrl('src/ui/options/index.html'));
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (!worker) return NaN;
    // Playwright has no flat sessions for workers, so talk to the worker through the browser's message relay.
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    let nextId = 0;
    const ask = (method: string) =>
      new Promise<any>((resolve) => {
        const id = ++nextId;
        const listener = (event: { message: string }) => {
          const reply = JSON.parse(event.message);
          if (reply.id === id) {
            cdp.off('Target.receivedMessageFromTarget' as any, listener);
            resolve(reply.result);
          }
        };
        cdp.on('Target.receivedMessageFromTarget' as any, listener);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await ask('HeapProfiler.collectGarbage');
    const usage = await ask('Runtime.getHeapUsage');
    return (usage.usedSize + (usage.backingStorageSize ?? 0)) / 2 ** 20;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

export async function benchInstall(runs: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bench-install-'));
  const given = process.env.BENCH_INSTALL_CATALOGUES;
  const prepared = given ? builtSlices(given) : prepare(dir);
  const baselineDist = process.env.BENCH_BASELINE_DIST;
  const builds: Array<{ name: string; dist?: string }> = baselineDist ? [{ name: 'baseline build', dist: baselineDist }, { name: 'this tree' }] : [{ name: 'this tree' }];
  const rows = [];
  const coldRows = [];
  const seconds = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : 'n/a');
  for (const slice of prepared) {
    for (const build of builds) {
      const browser = await launchWithExtension(undefined, { dist: build.dist });
      try {
        const ours: Array<{ matching: number; done: number; refused?: string }> = [];
        const base: number[] = [];
        for (let r = 0; r < runs; r++) {
          if (slice.records) base.push(await timeBaseline(browser, slice, r));
          ours.push(await timeInstall(browser, slice));
          if (ours.at(-1)?.refused) break; // refused once, refused every time
        }
        const baseMs = slice.records ? median(base) : NaN;
        const refused = ours.find((o) => o.refused)?.refused;
        const matching = median(ours.map((o) => o.matching));
        const done = median(ours.map((o) => o.done));
        rows.push({
          papers: slice.label,
          ...(baselineDist ? { build: build.name } : {}),
          'catalogue MB': (statSync(slice.psc).size / 2 ** 20).toFixed(1),
          'baseline bulk write s': seconds(baseMs),
          'ours: matching works s': refused ? `refused: ${refused.slice(0, 80)}` : seconds(matching),
          'ours: all done s': seconds(done),
          'done / baseline': Number.isFinite(baseMs) ? (done / baseMs).toFixed(2) : 'n/a',
        });
        if (refused) continue;
        const warm: number[] = [];
        const cold: number[] = [];
        for (let r = 0; r < runs; r++) {
          warm.push(await timeMatch(browser, slice, false));
          cold.push(await timeMatch(browser, slice, true));
        }
        // After a cold start and one match: what a woken worker holds for matching.
        const memory = await workerMemoryMb(browser);
        coldRows.push({
          papers: slice.label,
          ...(baselineDist ? { build: build.name } : {}),
          'warm match ms': median(warm).toFixed(1),
          'cold start to first match ms': median(cold).toFixed(0),
          'cold / warm': (median(cold) / median(warm)).toFixed(0),
          'worker memory MB (heap + buffers)': Number.isFinite(memory) ? memory.toFixed(0) : 'n/a',
        });
      } finally {
        await browser.close();
      }
    }
  }
  return [
    `Install from the options page (${runs} runs each, medians; baseline = one IndexedDB transaction putting the same papers as plain records, in the same browser)${baselineDist ? `; baseline build: ${baselineDist}` : ''}`,
    table(rows),
    '',
    `Worker: one match request from an extension page, warm vs after stopping the worker through CDP (${runs} runs each, medians)`,
    table(coldRows),
  ].join('\n');
}
