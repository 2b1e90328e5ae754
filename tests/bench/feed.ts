// Benchmark: badging a 2,000-row arXiv listing in headless Chromium against a page inserting 2,000 spans, and the content script's size.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { demoListingHtml, type DemoEntry } from '../../src/cli/demoPage.ts';
import { CHROME_DIST, launchWithExtension, serveAt } from '../e2e/chromium.ts';
import { machineLine, median, table } from './machine.ts';

const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
const ROWS = 2000;
const FEED_URL = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${ROWS}`;
// The baseline page is served on a host no content script matches, so the extension leaves it alone.
const BASELINE_URL = `https://baseline.paperscope.invalid/list/cs.LG/pastweek?skip=0&show=${ROWS}`;
const RUN_TIMEOUT_MS = 120_000;

interface DataRecord {
  id: string;
  title: string;
  abstract?: string;
  authors?: string[];
  categories?: string[];
}

/** The first `n` papers of the data set as demo listing entries (real ids, titles, authors, categories, abstracts). */
function firstEntries(n: number): DemoEntry[] {
  const text = execFileSync('bash', ['-c', `zcat '${DATA}' | head -n ${n}`], { maxBuffer: 1 << 28 }).toString();
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DataRecord)
    .map((r) => ({
      arxivId: r.id,
      title: r.title.replace(/\s+/g, ' ').trim(),
      authors: r.authors ?? [],
      categories: r.categories?.length ? r.categories : ['cs.LG'],
      abstract: (r.abstract ?? '').replace(/\s+/g, ' ').trim(),
    }));
}

/**
 * Installed before any page script (both pages): records long tasks, and the moment the page shows `ROWS` badges
 * that each have a [part=tag] chip. Badges get their chips in the same task that inserts them, so the check runs
 * from a MutationObserver (a microtask after each inserting task) and walks only badges not yet confirmed.
 */
const measureScript = (frames: boolean) => `(() => {
  const target = ${ROWS};
  const bench = (window.__bench = { longTasks: [], done: undefined, firstBadge: undefined, insertMs: undefined });
  // With frames on, a requestAnimationFrame loop makes the page render every frame as a tab on screen does; headless
  // Chromium otherwise renders lazily, and style and layout of new badges can escape the task measurements.
  if (${frames}) {
    const tick = () => { if (bench.done === undefined) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const badges = document.getElementsByTagName('paperscope-badge');
  let confirmed = 0;
  const observer = new MutationObserver(() => {
    if (bench.done !== undefined || badges.length === 0) return;
    if (bench.firstBadge === undefined) bench.firstBadge = performance.now();
    if (badges.length < target) return;
    for (; confirmed < badges.length; confirmed++) if (!badges[confirmed].shadowRoot?.querySelector('[part=tag]')) return;
    bench.done = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** The baseline's own work: at DOMContentLoaded, one empty span at the end of each title, as the badges go. */
const BASELINE_SCRIPT = `<script>
document.addEventListener('DOMContentLoaded', () => {
  const start = performance.now();
  for (const title of document.querySelectorAll('#articles .list-title')) title.append(document.createElement('span'));
  window.__bench.insertMs = performance.now() - start;
  window.__bench.done = performance.now();
});
</script>`;

interface Sample {
  /** DOMContentLoaded (event start) to done, ms. */
  doneMs: number;
  /** DOMContentLoaded to the first badge, ms (extension only). */
  firstMs?: number;
  /**
   * Tasks over 50 ms that started at or after DOMContentLoaded and no later than the observed span, as
   * [start after DOMContentLoaded, duration] ms. (The parser task that fires DOMContentLoaded starts before it and
   * is the page's own.)
   */
  tasks: Array<[number, number]>;
  insertMs?: number;
}

/** Longest task starting within `spanMs` of DOMContentLoaded, 0 when none went over 50 ms; and how many did. */
function longTasksWithin(sample: Sample, spanMs: number): { longest: number; count: number } {
  const inSpan = sample.tasks.filter(([start]) => start <= spanMs);
  return { longest: Math.max(0, ...inSpan.map(([, duration]) => duration)), count: inSpan.length };
}

/** Loads `url` in a fresh tab and measures it; long tasks are watched for at least `spanMs` after DOMContentLoaded. */
async function measure(context: BrowserContext, url: string, frames: boolean, spanMs = 0): Promise<Sample> {
  const page = await context.newPage();
  try {
    await page.addInitScript(measureScript(frames));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: RUN_TIMEOUT_MS });
    await page.waitForFunction(() => (window as any).__bench?.done !== undefined, undefined, { timeout: RUN_TIMEOUT_MS, polling: 100 });
    const dclToNow = await page.evaluate(
      () => performance.now() - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    );
    // Cover the span, then give long-task entries (they reach observers a little after the task) time to arrive.
    await page.waitForTimeout(Math.max(0, spanMs - dclToNow) + 1000);
    return await page.evaluate((span) => {
      const bench = (window as any).__bench as { longTasks: Array<[number, number]>; done: number; firstBadge?: number; insertMs?: number };
      const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
      const last = Math.max(bench.done - dcl, span);
      return {
        doneMs: bench.done - dcl,
        ...(bench.firstBadge !== undefined ? { firstMs: bench.firstBadge - dcl } : {}),
        tasks: bench.longTasks
          .map(([start, duration]) => [Math.round(start - dcl), Math.round(duration)] as [number, number])
          .filter(([start]) => start >= 0 && start <= last),
        ...(bench.insertMs !== undefined ? { insertMs: bench.insertMs } : {}),
      };
    }, spanMs);
  } finally {
    await page.close();
  }
}

/** The files the content script loads on an arXiv page, following the built loader's imports. */
function contentScriptFiles(): Array<{ role: string; file: string; bytes: number; gzip: number }> {
  const manifest = JSON.parse(readFileSync(join(CHROME_DIST, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ matches: string[]; js?: string[] }>;
  };
  const entries = (manifest.content_scripts ?? []).filter((c) => c.matches.includes('https://arxiv.org/*')).flatMap((c) => c.js ?? []);
  const read = (file: string) => readFileSync(join(CHROME_DIST, file));
  const seen = new Map<string, string>(); // file → role
  const roleOf = (file: string) => {
    const base = file.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
    const roles: Record<string, string> = {
      'src-content-index.ts': 'content script (src/content/index.ts)',
      'browser-polyfill': 'webextension-polyfill',
      client: 'messaging client',
      dom: 'adapter DOM helpers (adapters/dom.ts)',
      arxiv: 'arXiv adapter',
      'rolldown-runtime': 'bundler runtime',
    };
    return roles[base] ?? base;
  };
  const visit = (file: string, role?: string) => {
    if (seen.has(file)) return;
    seen.set(file, role ?? roleOf(file));
    const code = read(file).toString();
    const dir = file.replace(/[^/]*$/, '');
    // The loader imports the real entry through chrome.runtime.getURL; chunks import each other statically.
    for (const m of code.matchAll(/getURL\(\s*"([^"]+)"\s*\)/g)) visit(m[1]!);
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g)) visit(`${dir}${m[1]!.slice(2)}`);
    // Adapters are dynamic imports, one chunk per site: on arXiv only the arXiv adapter loads.
    const adapter = /"(assets\/arxiv-[\w-]+\.js)"/.exec(code);
    if (adapter) visit(adapter[1]!);
  };
  for (const entry of entries) visit(entry, 'loader (manifest content_scripts)');
  return [...seen].map(([file, role]) => {
    const bytes = read(file);
    return { role, file, bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
}

const ms = (v: number) => v.toFixed(0);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : '—');
const taskMs = (v: number) => (v > 0 ? v.toFixed(0) : 'none > 50');

export async function benchFeed(runs: number): Promise<string> {
  if (!existsSync(DATA)) return 'feed: skipped (../shared/data/arxiv-before-2026.jsonl.gz is absent)';
  const entries = firstEntries(ROWS);
  if (entries.length < ROWS) return `feed: skipped (the data set has only ${entries.length} papers, ${ROWS} needed)`;
  const html = demoListingHtml(entries);
  const baselineHtml = html.replace('</body>', `${BASELINE_SCRIPT}\n</body>`);

  const browser = await launchWithExtension();
  const modes = [
    { frames: true, label: 'frames every rAF' },
    { frames: false, label: 'no forced frames' },
  ];
  const results: Array<{ label: string; ours: Sample[]; base: Sample[]; warmup: Sample }> = [];
  try {
    await serveAt(browser.context, FEED_URL, html);
    await serveAt(browser.context, BASELINE_URL, baselineHtml);
    for (const { frames, label } of modes) {
      // The first load of a mode is shown, not counted (the very first also wakes the worker and builds its index).
      const warmup = await measure(browser.context, FEED_URL, frames);
      const ours: Sample[] = [];
      const base: Sample[] = [];
      for (let r = 0; r < runs; r++) {
        const sample = await measure(browser.context, FEED_URL, frames);
        ours.push(sample);
        // The baseline page is watched over the same span, so the page's own work (its first layout) shows in both.
        base.push(await measure(browser.context, BASELINE_URL, frames, sample.doneMs));
      }
      results.push({ label, ours, base, warmup });
    }
  } finally {
    await browser.close();
  }

  const med = (samples: Sample[], pick: (s: Sample) => number) => median(samples.map(pick));
  const rows: Array<Record<string, string>> = [];
  const notes: string[] = [];
  for (const { label, ours, base, warmup } of results) {
    const oursDone = med(ours, (s) => s.doneMs);
    const baseDone = med(base, (s) => s.doneMs);
    // Run r of the baseline is read over run r's Paperscope span.
    const oursLong = med(ours, (s) => longTasksWithin(s, s.doneMs).longest);
    const baseOwnLong = med(base, (s) => longTasksWithin(s, s.doneMs).longest);
    const baseSpanLong = median(base.map((s, r) => longTasksWithin(s, ours[r]!.doneMs).longest));
    rows.push(
      { mode: label, measure: 'DOMContentLoaded → done (ms)', Paperscope: ms(oursDone), baseline: baseDone.toFixed(1), ratio: ratio(oursDone, baseDone) },
      { mode: '', measure: 'longest task, DOMContentLoaded → own done (ms)', Paperscope: taskMs(oursLong), baseline: taskMs(baseOwnLong), ratio: oursLong > 0 && baseOwnLong > 0 ? ratio(oursLong, baseOwnLong) : '—' },
      { mode: '', measure: "longest task over Paperscope's span (ms)", Paperscope: taskMs(oursLong), baseline: taskMs(baseSpanLong), ratio: oursLong > 0 && baseSpanLong > 0 ? ratio(oursLong, baseSpanLong) : '—' },
      {
        mode: '',
        measure: "tasks over 50 ms over Paperscope's span",
        Paperscope: String(med(ours, (s) => longTasksWithin(s, s.doneMs).count)),
        baseline: String(median(base.map((s, r) => longTasksWithin(s, ours[r]!.doneMs).count))),
        ratio: '—',
      },
      { mode: '', measure: 'DOMContentLoaded → first badge (ms)', Paperscope: ms(med(ours, (s) => s.firstMs ?? NaN)), baseline: '—', ratio: '—' },
      { mode: '', measure: "baseline's insert loop alone (ms)", Paperscope: '—', baseline: med(base, (s) => s.insertMs ?? NaN).toFixed(1), ratio: '—' },
    );
    const mid = [...ours.keys()].sort((a, b) => ours[a]!.doneMs - ours[b]!.doneMs)[Math.floor(ours.length / 2)]!;
    const list = (tasks: Array<[number, number]>) => tasks.map(([start, duration]) => `+${start}(${duration})`).join(' ') || 'none';
    notes.push(
      `${label}: Paperscope done per run ${ours.map((s) => ms(s.doneMs)).join(', ')} ms; baseline ${base.map((s) => s.doneMs.toFixed(1)).join(', ')} ms; ` +
        `warm-up load (not counted) ${ms(warmup.doneMs)} ms, longest task ${taskMs(longTasksWithin(warmup, warmup.doneMs).longest)}`,
      `${label}: long tasks, +start(duration) ms after DOMContentLoaded, median Paperscope run (first badge at +${ms(ours[mid]!.firstMs ?? NaN)}): ` +
        list(ours[mid]!.tasks),
      `${label}: long tasks of the baseline run beside it, over the same span: ${list(base[mid]!.tasks)}`,
    );
  }
  const timing = table(rows);
  const perRun = notes.join('\n');

  const files = contentScriptFiles();
  const sizes = table([
    ...files.map((f) => ({ file: f.file, role: f.role, bytes: f.bytes, gzip: f.gzip })),
    { file: 'total', role: `${files.length} files`, bytes: files.reduce((n, f) => n + f.bytes, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) },
  ]);

  return [
    `Feed: a ${ROWS.toLocaleString('en')}-row arXiv listing (${new URL(FEED_URL).pathname}${new URL(FEED_URL).search}) from the first ${ROWS.toLocaleString('en')} papers of ` +
      `arxiv-before-2026.jsonl.gz, headless Chromium with the extension; medians of ${runs} runs each, interleaved.`,
    machineLine(),
    `done = every one of the ${ROWS.toLocaleString('en')} badges shows a [part=tag] chip; baseline = the same page in the same browser on a host the ` +
      `extension does not match, whose own script inserts ${ROWS.toLocaleString('en')} empty <span>s into the titles at DOMContentLoaded. ` +
      'Long tasks: PerformanceObserver("longtask"), only tasks starting at or after DOMContentLoaded (the parser task that fires it is the page\'s).',
    'Modes: "frames every rAF" = a requestAnimationFrame loop makes headless Chromium render every frame as a tab on screen does, so style and ' +
      'layout of new badges land in the measured tasks; "no forced frames" = headless renders lazily (closer to a tab in the background).',
    timing,
    perRun,
    '',
    `Content script injected on arXiv (dist/chrome, from manifest.json and the chunks' imports; gzip = node:zlib gzipSync, level 6):`,
    sizes,
  ].join('\n');
}
