// Benchmark: badging a 2,000-row arXiv listing in headless Chromium against a page inserting 2,000 spans, and the content script's size.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { demoListingHtml, type DemoEntry } from '../../src/cli/demoPage.ts';
import { CHROME_DIST, launchWithExtension, readBadges, serveAt, stopServiceWorker, type ExtensionBrowser } from '../e2e/chromium.ts';
import { machineLine, median, table } from './machine.ts';

export const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
export const ROWS = 2000;
export const FEED_URL = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${ROWS}`;
// The baseline page is served on a host no content script matches, so the extension leaves it alone.
export const BASELINE_URL = `https://baseline.paperscope.invalid/list/cs.LG/pastweek?skip=0&show=${ROWS}`;
const RUN_TIMEOUT_MS = 120_000;

/** One line of the data set, as the benchmarks read it. */
export interface DataRecord {
  id: string;
  title: string;
  abstract?: string;
  authors?: string[];
  categories?: string[];
}

/** The first `n` papers of the data set as demo listing entries (real ids, titles, authors, categories, abstracts). */
export function firstEntries(n: number): DemoEntry[] {
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
 * Installed before any page script (both pages): records long tasks; `done`, the moment the page holds `ROWS` badges;
 * `painted`, when the frame after that has been drawn (an animation-frame callback, then the next task); `visibleDone`,
 * when every title on screen at the first layout has its badge. Badges get their chips before they are inserted (and
 * their closed root hides them from the page), so a badge in the page counts as done, checked from a MutationObserver
 * (a microtask after each inserting task); the run then checks every badge's chips through CDP.
 */
export const measureScript = (frames: boolean) => `(() => {
  const target = ${ROWS};
  const bench = (window.__bench = { longTasks: [], done: undefined, painted: undefined, visibleDone: undefined, firstBadge: undefined, insertMs: undefined });
  // With frames on, a requestAnimationFrame loop makes the page render every frame as a tab on screen does; headless
  // Chromium otherwise renders lazily, and style and layout of new badges can escape the task measurements.
  if (${frames}) {
    const tick = () => { if (bench.painted === undefined) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const badges = document.getElementsByTagName('paperscope-badge');
  const tagged = (badge) => !!badge;
  const afterNextFrame = (then) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = then; c.port2.postMessage(0); });
  // Titles on screen at the first layout, learned without forcing one.
  let onScreen;
  const checkVisible = () => {
    if (bench.visibleDone !== undefined || !onScreen) return;
    for (const title of onScreen) if (!tagged(title.getElementsByTagName('paperscope-badge')[0])) return;
    bench.visibleDone = performance.now();
  };
  document.addEventListener('DOMContentLoaded', () => {
    const titles = document.querySelectorAll('#articles .list-title');
    const io = new IntersectionObserver((entries) => {
      io.disconnect();
      onScreen = entries.filter((e) => e.isIntersecting).map((e) => e.target);
      checkVisible();
    });
    titles.forEach((t) => io.observe(t));
  });
  const observer = new MutationObserver(() => {
    if (badges.length === 0) return;
    if (bench.firstBadge === undefined) bench.firstBadge = performance.now();
    checkVisible();
    if (badges.length < target || bench.done !== undefined) return;
    for (let i = 0; i < badges.length; i++) if (!tagged(badges[i])) return;
    bench.done = performance.now();
    afterNextFrame(() => { bench.painted = performance.now(); });
    if (bench.visibleDone !== undefined) observer.disconnect();
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
  window.__bench.visibleDone = window.__bench.done;
  requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { window.__bench.painted = performance.now(); }; c.port2.postMessage(0); });
});
</script>`;

export interface Sample {
  /** DOMContentLoaded (event start) to done (every badge holds its tags), ms. */
  doneMs: number;
  /** DOMContentLoaded to the end of the frame after done, ms. */
  paintedMs: number;
  /** DOMContentLoaded to every title on screen having its tagged badge, ms. */
  visibleMs?: number;
  /** DOMContentLoaded to the first badge, ms (extension only). */
  firstMs?: number;
  /**
   * Tasks over 50 ms that started at or after DOMContentLoaded and no later than the observed span, as
   * [start after DOMContentLoaded, duration] ms. (The parser task that fires DOMContentLoaded starts before it and
   * is the page's own.)
   */
  tasks: Array<[number, number]>;
  insertMs?: number;
  /** The worker's own time for the page's matchRows requests (each part of it, after its run-time check), summed, ms. */
  workerMs?: number;
}

/** Longest task starting within `spanMs` of DOMContentLoaded, 0 when none went over 50 ms; and how many did. */
function longTasksWithin(sample: Sample, spanMs: number): { longest: number; count: number } {
  const inSpan = sample.tasks.filter(([start]) => start <= spanMs);
  return { longest: Math.max(0, ...inSpan.map(([, duration]) => duration)), count: inSpan.length };
}

/**
 * Loads `url` in a fresh tab and measures it; long tasks are watched until the frame after done is drawn, and for
 * at least `spanMs` after DOMContentLoaded.
 */
export async function measure(browser: ExtensionBrowser, url: string, frames: boolean, spanMs = 0, cold = false): Promise<Sample> {
  const page = await browser.context.newPage();
  try {
    // A cold worker: stopped the way Chrome stops an idle one, so the page's first message wakes it (and it rebuilds its index).
    if (cold) await stopServiceWorker(browser, page);
    // The worker keeps a measure per matchRows request: start this page's from none (a cold worker has none).
    if (!cold && isFeedUrl(url))
      await browser.context
        .serviceWorkers()
        .at(-1)
        ?.evaluate(() => performance.clearMeasures('paperscope:matchRows'));
    await page.addInitScript(measureScript(frames));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: RUN_TIMEOUT_MS });
    await page.waitForFunction(() => (window as any).__bench?.painted !== undefined, undefined, { timeout: RUN_TIMEOUT_MS, polling: 100 });
    const dclToNow = await page.evaluate(() => performance.now() - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
    // Cover the span, then give long-task entries (they reach observers a little after the task) time to arrive.
    await page.waitForTimeout(Math.max(0, spanMs - dclToNow) + 1000);
    const sample = await page.evaluate((span) => {
      const bench = (window as any).__bench as {
        longTasks: Array<[number, number]>;
        done: number;
        painted: number;
        visibleDone?: number;
        firstBadge?: number;
        insertMs?: number;
      };
      const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
      const last = Math.max(bench.painted - dcl, span);
      return {
        doneMs: bench.done - dcl,
        paintedMs: bench.painted - dcl,
        ...(bench.visibleDone !== undefined ? { visibleMs: bench.visibleDone - dcl } : {}),
        ...(bench.firstBadge !== undefined ? { firstMs: bench.firstBadge - dcl } : {}),
        tasks: bench.longTasks.map(([start, duration]) => [Math.round(start - dcl), Math.round(duration)] as [number, number]).filter(([start]) => start >= 0 && start <= last),
        ...(bench.insertMs !== undefined ? { insertMs: bench.insertMs } : {}),
      } as Sample;
    }, spanMs);
    if (isFeedUrl(url)) {
      // Done counted badges in the page; each must also hold its chips (read inside the closed roots, after the run).
      const badges = await readBadges(page);
      if (badges.length !== ROWS || !badges.every((b) => b.tags.length > 0)) throw new Error(`${badges.filter((b) => b.tags.length > 0).length} of ${ROWS} badges have chips`);
      // After a cold start the worker is a new one: ask the newest.
      const worker = browser.context.serviceWorkers().at(-1) ?? browser.worker;
      const parts = await worker.evaluate(() => performance.getEntriesByName('paperscope:matchRows').map((m) => m.duration)).catch(() => []);
      if (parts.length > 0) sample.workerMs = parts.reduce((a, b) => a + b, 0);
    }
    return sample;
  } finally {
    await page.close();
  }
}

const isFeedUrl = (url: string) => url === FEED_URL;

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
      'arxiv.iife.js': "arXiv's content script, one classic file from a generated entry (the arXiv adapter and what every site shares)",
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
  for (const entry of entries) {
    // A module content script is a small loader importing the real entry; a classic one (.iife) is the whole script.
    const isLoader = /getURL\(/.test(read(entry).toString());
    visit(entry, isLoader ? 'loader (manifest content_scripts)' : roleOf(entry));
  }
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
    { frames: true, cold: false, label: 'frames every rAF, warm worker' },
    { frames: false, cold: false, label: 'no forced frames, warm worker' },
    { frames: true, cold: true, label: 'frames every rAF, cold worker' },
  ];
  const results: Array<{ label: string; ours: Sample[]; base: Sample[]; warmup: Sample }> = [];
  try {
    await serveAt(browser.context, FEED_URL, html);
    await serveAt(browser.context, BASELINE_URL, baselineHtml);
    for (const { frames, cold, label } of modes) {
      // The first load of a mode is shown, not counted (the very first also wakes the worker and builds its index).
      const warmup = await measure(browser, FEED_URL, frames, 0, cold);
      const ours: Sample[] = [];
      const base: Sample[] = [];
      for (let r = 0; r < runs; r++) {
        const sample = await measure(browser, FEED_URL, frames, 0, cold);
        ours.push(sample);
        // The baseline page is watched over the same span, so the page's own work (its first layout) shows in both.
        base.push(await measure(browser, BASELINE_URL, frames, sample.paintedMs));
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
    const oursPainted = med(ours, (s) => s.paintedMs);
    const basePainted = med(base, (s) => s.paintedMs);
    // Long tasks up to the frame after done; run r of the baseline is read over run r's Paperscope span.
    const oursLong = med(ours, (s) => longTasksWithin(s, s.paintedMs).longest);
    const baseOwnLong = med(base, (s) => longTasksWithin(s, s.paintedMs).longest);
    const baseSpanLong = median(base.map((s, r) => longTasksWithin(s, ours[r]!.paintedMs).longest));
    rows.push(
      { mode: label, measure: 'DOMContentLoaded → done (ms)', Paperscope: ms(oursDone), baseline: baseDone.toFixed(1), ratio: ratio(oursDone, baseDone) },
      { mode: '', measure: 'DOMContentLoaded → frame after done drawn (ms)', Paperscope: ms(oursPainted), baseline: ms(basePainted), ratio: ratio(oursPainted, basePainted) },
      { mode: '', measure: 'DOMContentLoaded → titles on screen badged (ms)', Paperscope: ms(med(ours, (s) => s.visibleMs ?? NaN)), baseline: '—', ratio: '—' },
      { mode: '', measure: 'DOMContentLoaded → first badge (ms)', Paperscope: ms(med(ours, (s) => s.firstMs ?? NaN)), baseline: '—', ratio: '—' },
      {
        mode: '',
        measure: 'longest task, DOMContentLoaded → own frame after done (ms)',
        Paperscope: taskMs(oursLong),
        baseline: taskMs(baseOwnLong),
        ratio: oursLong > 0 && baseOwnLong > 0 ? ratio(oursLong, baseOwnLong) : '—',
      },
      {
        mode: '',
        measure: "longest task over Paperscope's span (ms)",
        Paperscope: taskMs(oursLong),
        baseline: taskMs(baseSpanLong),
        ratio: oursLong > 0 && baseSpanLong > 0 ? ratio(oursLong, baseSpanLong) : '—',
      },
      {
        mode: '',
        measure: "tasks over 50 ms over Paperscope's span",
        Paperscope: String(med(ours, (s) => longTasksWithin(s, s.paintedMs).count)),
        baseline: String(median(base.map((s, r) => longTasksWithin(s, ours[r]!.paintedMs).count))),
        ratio: '—',
      },
      { mode: '', measure: "worker's time for the page's requests, summed (ms)", Paperscope: med(ours, (s) => s.workerMs ?? NaN).toFixed(1), baseline: '—', ratio: '—' },
      { mode: '', measure: "baseline's insert loop alone (ms)", Paperscope: '—', baseline: med(base, (s) => s.insertMs ?? NaN).toFixed(1), ratio: '—' },
    );
    const mid = [...ours.keys()].sort((a, b) => ours[a]!.doneMs - ours[b]!.doneMs)[Math.floor(ours.length / 2)]!;
    const list = (tasks: Array<[number, number]>) => tasks.map(([start, duration]) => `+${start}(${duration})`).join(' ') || 'none';
    notes.push(
      `${label}: Paperscope done per run ${ours.map((s) => ms(s.doneMs)).join(', ')} ms; baseline ${base.map((s) => s.doneMs.toFixed(1)).join(', ')} ms; ` +
        `warm-up load (not counted) ${ms(warmup.doneMs)} ms, longest task ${taskMs(longTasksWithin(warmup, warmup.paintedMs).longest)}`,
      `${label}: long tasks, +start(duration) ms after DOMContentLoaded, median Paperscope run (first badge at +${ms(ours[mid]!.firstMs ?? NaN)}, ` +
        `done at +${ms(ours[mid]!.doneMs)}): ${list(ours[mid]!.tasks)}`,
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
    `done = every one of the ${ROWS.toLocaleString('en')} badges is in the page (each goes in with its [part=tag] chips, checked through CDP after the run); "frame after done" = the ` +
      'next animation frame callback after done, then the task after it (that frame\'s style, layout and paint are over); "titles on screen" = the titles ' +
      'an IntersectionObserver saw in the viewport at the first layout. Baseline = the same page in the same browser on a host the ' +
      `extension does not match, whose own script inserts ${ROWS.toLocaleString('en')} empty <span>s into the titles at DOMContentLoaded. ` +
      'Long tasks: PerformanceObserver("longtask"), tasks starting from DOMContentLoaded to the frame after done (the parser task that fires ' +
      "DOMContentLoaded is the page's). Warm worker: the worker has answered this page before (its tag memo holds these papers); cold: " +
      'the worker was stopped through CDP before the load, as Chrome stops an idle one.',
    'Modes: "frames every rAF" = a requestAnimationFrame loop makes headless Chromium render every frame as a tab on screen does, so style and ' +
      'layout of new badges land in the measured tasks; "no forced frames" = headless renders lazily (closer to a tab in the background).',
    timing,
    perRun,
    '',
    `Content script injected on arXiv (${CHROME_DIST}, from manifest.json and any chunks it imports; gzip = node:zlib gzipSync, level 6):`,
    sizes,
  ].join('\n');
}
