// Benchmark: related papers over the data set (101,573 papers less the queries) in the extension's real worker: the catalogue is
// built with the CLI, imported from the options page, then asked for the top 10 of real papers (title, abstract,
// authors, categories, as a page gives them). Beside it, in the same page and run, the round trip of a message the
// worker answers without work (getPickedPaper): what messaging alone costs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latencySummary } from '../../src/eval/metrics.ts';
import { mulberry32, shuffle } from '../../src/training/random.ts';
import { clampRef } from '../../src/messaging/shapes.ts';
import { launchWithExtension } from '../e2e/chromium.ts';
import { DATA } from './build.ts';
import type { DataRecord } from './feed.ts';
import { machineLine, median, table } from './machine.ts';

const QUERIES = 300;

export async function benchRelated(runs: number): Promise<string> {
  if (!existsSync(DATA)) return 'related: skipped (../shared/data/arxiv-before-2026.jsonl.gz is absent)';
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bench-related-'));
  const lines = execFileSync('bash', ['-c', `zcat '${DATA}'`], { maxBuffer: 1 << 30 })
    .toString('utf8')
    .trim()
    .split('\n');
  const papers = lines.map((line) => JSON.parse(line) as DataRecord);
  // The queries are left out of the catalogue, as a page's paper that the catalogue does not hold (its text is read).
  const picked = new Set(
    shuffle(
      papers.flatMap((p, i) => (p.abstract ? [i] : [])),
      mulberry32(7),
    ).slice(0, QUERIES),
  );
  const queries = [...picked]
    .map((i) => papers[i]!)
    .map((p) =>
      // Clamped as the content script clamps what it sends.
      clampRef({ key: `arxiv:${p.id}`, title: p.title, arxivId: p.id, abstract: p.abstract, authors: p.authors ?? [], categories: p.categories ?? [] }),
    );
  const input = join(dir, 'catalogue.jsonl');
  writeFileSync(input, `${lines.filter((_, i) => !picked.has(i)).join('\n')}\n`);
  const out = join(dir, 'catalogue');
  execFileSync('node', ['bin/paperscope.js', 'build-catalogue', '--in', input, '--out', out, '--no-abstracts'], { stdio: 'ignore' });

  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('src/ui/options/index.html'));
    await page.setInputFiles('input[data-control=catalogue-file]', join(out, 'catalogue.psc'));
    await page.click('button[data-action=import]');
    await page.waitForSelector('[data-import-status=done]', { timeout: 600_000 });
    const count = await page.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ type: 'catalogueInfo', request: {} })).value.paperCount);

    const times = (kind: 'related' | 'baseline', list: typeof queries) =>
      page.evaluate(
        async ({ kind, list }) => {
          const send = (globalThis as any).chrome.runtime.sendMessage;
          const ms: number[] = [];
          for (const paper of list) {
            const start = performance.now();
            const reply = await send(kind === 'related' ? { type: 'related', request: { paper, limit: 10 } } : { type: 'getPickedPaper', request: {} });
            ms.push(performance.now() - start);
            if (!reply?.ok || (kind === 'related' && reply.value.related.length !== 10)) throw new Error(`${kind}: ${JSON.stringify(reply).slice(0, 200)}`);
          }
          return ms;
        },
        { kind, list },
      );
    // The first related query builds the inverted index and loads the category model: shown on its own.
    const [first] = await times('related', queries.slice(0, 1));
    const perRun: Array<{ p50: number; p95: number; baseP50: number; baseP95: number }> = [];
    for (let r = 0; r < runs; r++) {
      const related = latencySummary(await times('related', queries));
      const base = latencySummary(await times('baseline', queries));
      perRun.push({ p50: related.p50Ms, p95: related.p95Ms, baseP50: base.p50Ms, baseP95: base.p95Ms });
    }
    const med = (pick: (r: (typeof perRun)[number]) => number) => median(perRun.map(pick)).toFixed(2);
    return [
      `Related papers in the worker: ${count.toLocaleString('en')} papers (the data set but the queries, built --no-abstracts and imported from the options page); ` +
        `${QUERIES} real papers left out of it as queries (title, abstract, authors, categories, as a page gives them), top 10 each; round trips from an extension page; medians of ${runs} passes.`,
      machineLine(),
      table([
        { measure: 'first related query (builds the inverted index, loads the category model), ms', related: first!.toFixed(0), 'baseline (message only)': '—' },
        { measure: 'round trip p50, ms', related: med((r) => r.p50), 'baseline (message only)': med((r) => r.baseP50) },
        { measure: 'round trip p95, ms', related: med((r) => r.p95), 'baseline (message only)': med((r) => r.baseP95) },
      ]),
      `per pass (p50/p95 ms): ${perRun.map((r) => `${r.p50.toFixed(1)}/${r.p95.toFixed(1)}`).join(', ')}`,
    ].join('\n');
  } finally {
    await browser.close();
  }
}
