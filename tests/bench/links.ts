// Benchmark: links anywhere on pages with 2,000 paper links (a GitHub awesome-list README and a long Reddit thread,
// generated), in headless Chromium: how long until every link has its badge, and the long tasks meanwhile, against the
// same page on a host the extension leaves alone.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoEntry } from '../../src/cli/demoPage.ts';
import { askWorker, grantHostsInProfile, launchWithExtension, readBadges, serveAt, type ExtensionBrowser } from '../e2e/chromium.ts';
import { DATA, firstEntries, measureScript, ROWS } from './feed.ts';
import { machineLine, median, table } from './machine.ts';

const README_URL = 'https://github.com/example/awesome-papers';
const THREAD_URL = 'https://www.reddit.com/r/MachineLearning/comments/zz9999/papers_thread/';
const BASELINE_HOST = 'https://baseline.paperscope.invalid';
const RUN_TIMEOUT_MS = 120_000;

const htmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Papers for the pages: the data set's first ones (real ids and titles), or made-up ones without it. */
function papers(): Array<Pick<DemoEntry, 'arxivId' | 'title'>> {
  if (existsSync(DATA)) return firstEntries(ROWS);
  return Array.from({ length: ROWS }, (_, i) => ({ arxivId: `2301.${String(10000 + i)}`, title: `Sparse attention for long documents, study ${i}` }));
}

/** A README as GitHub renders it: sections of list items, each a paper's title linked to arXiv, a code link beside it. */
export function awesomeListHtml(entries: ReadonlyArray<Pick<DemoEntry, 'arxivId' | 'title'>>): string {
  const sections: string[] = [];
  for (let s = 0; s < entries.length; s += 100) {
    const items = entries
      .slice(s, s + 100)
      .map(
        (e, i) =>
          `<li><a href="https://arxiv.org/abs/${e.arxivId}" rel="nofollow">${htmlText(e.title)}</a> — ${2020 + (i % 6)} · <a href="https://github.com/example/code-${s + i}">code</a></li>`,
      )
      .join('\n');
    sections.push(`<div class="markdown-heading"><h2 class="heading-element">Section ${s / 100 + 1}</h2></div>\n<ul dir="auto">\n${items}\n</ul>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><title>example/awesome-papers</title></head><body>
<header class="AppHeader" role="banner"><nav aria-label="Global"><a href="https://github.com/">GitHub</a></nav></header>
<main><div id="readme"><article class="markdown-body entry-content container-lg"><h1>Awesome papers</h1>
${sections.join('\n')}
</article></div></main><footer role="contentinfo"><a href="https://docs.github.com/">Docs</a></footer></body></html>`;
}

/** A long new-Reddit thread: comments nested up to three deep, each linking two papers (abs and a PDF), as people cite. */
export function longThreadHtml(entries: ReadonlyArray<Pick<DemoEntry, 'arxivId' | 'title'>>): string {
  const comments: string[] = [];
  for (let i = 0; i + 1 < entries.length; i += 2) {
    const a = entries[i]!;
    const b = entries[i + 1]!;
    const depth = (i / 2) % 4;
    const body = `<div slot="comment"><div class="md"><p>On ${htmlText(a.title.slice(0, 60))}: <a href="https://arxiv.org/abs/${a.arxivId}" rel="noopener nofollow ugc">https://arxiv.org/abs/${a.arxivId}</a>; compare <a href="https://arxiv.org/pdf/${b.arxivId}" rel="noopener nofollow ugc">${htmlText(b.title)}</a>.</p></div></div>`;
    // Depth 0 opens a new top-level comment; deeper ones nest in the one before.
    comments.push(
      `${depth === 0 && i > 0 ? '</shreddit-comment></shreddit-comment></shreddit-comment></shreddit-comment>' : ''}<shreddit-comment depth="${depth}" thingid="t1_${i}">${body}`,
    );
  }
  // Reddit's stylesheet makes its elements blocks (unknown elements are inline): a comment is a box of its own.
  return `<!DOCTYPE html><html lang="en"><head><title>papers thread : r/MachineLearning</title>
<style>shreddit-app, shreddit-post, shreddit-comment-tree, shreddit-comment, reddit-header-large { display: block; } shreddit-comment { padding-left: 16px; }</style></head><body><shreddit-app>
<reddit-header-large><header><nav><a href="/">reddit</a></nav></header></reddit-header-large>
<main><shreddit-post post-title="Papers thread"><h1 slot="title">Papers thread</h1></shreddit-post>
<shreddit-comment-tree>${comments.join('\n')}</shreddit-comment></shreddit-comment></shreddit-comment></shreddit-comment></shreddit-comment-tree>
</main></shreddit-app></body></html>`;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> };
}

/** What a long task of the page's main thread held, from a CDP trace: all of it, the extension's script, the browser's rendering. */
interface TaskSplit {
  start: number;
  ms: number;
  /** Script of the extension's content script (its evaluations and calls, with the microtasks they ran). */
  oursMs: number;
  /** Style, layout, pre-paint, paint and commit: the frame the browser draws. */
  renderMs: number;
}

const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit', 'Layerize', 'IntersectionObserverController::computeIntersections', 'HitTest']);

/** The page's main-thread tasks over 50 ms after `t0` (µs, trace clock), each split into our script and rendering. */
function splitTasks(events: TraceEvent[], t0: number): TaskSplit[] {
  const stamp = events.find((e) => e.name === 'TimeStamp' && String(e.args?.data?.message ?? '').startsWith('paperscope:'));
  if (!stamp) return [];
  const main = events.filter((e) => e.pid === stamp.pid && e.tid === stamp.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur! > 50_000 && e.ts >= t0);
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    // Top-level script entries of the content script: an evaluation or call whose script is the extension's.
    const ours = inside.filter(
      (e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.callFunction') && /^chrome-extension:/.test(String(e.args?.data?.url ?? '')),
    );
    const outermost = (list: TraceEvent[]) => list.filter((e) => !list.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
    const render = outermost(inside.filter((e) => RENDER_EVENTS.has(e.name)));
    return {
      start: Math.round((task.ts - t0) / 1000),
      ms: Math.round(task.dur! / 1000),
      oursMs: Math.round(outermost(ours).reduce((n, e) => n + e.dur!, 0) / 1000),
      renderMs: Math.round(render.reduce((n, e) => n + e.dur!, 0) / 1000),
    };
  });
}

interface Sample {
  /** DOMContentLoaded to every link's badge in the page, ms. */
  doneMs: number;
  /** DOMContentLoaded to the frame after that drawn, ms. */
  paintedMs: number;
  /** Long tasks from DOMContentLoaded to `span`: [start after DOMContentLoaded, duration], ms. */
  tasks: Array<[number, number]>;
  /** With a trace: every task over 50 ms after DOMContentLoaded, split. */
  split?: TaskSplit[];
}

async function measure(browser: ExtensionBrowser, url: string, spanMs?: number, trace = false): Promise<Sample> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(measureScript(true));
    const cdp = trace ? await browser.context.newCDPSession(page) : undefined;
    const events: TraceEvent[] = [];
    let traced: Promise<void> | undefined;
    if (cdp) {
      cdp.on('Tracing.dataCollected' as never, ((e: { value: TraceEvent[] }) => events.push(...e.value)) as never);
      traced = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete' as never, (() => resolve()) as never));
      // Light categories: the detailed ones slow the page down several times.
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'toplevel'] }, transferMode: 'ReportEvents' } as never);
    }
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: RUN_TIMEOUT_MS });
    if (spanMs === undefined) {
      await page.waitForFunction(() => (window as any).__bench?.painted !== undefined, undefined, { timeout: RUN_TIMEOUT_MS, polling: 100 });
    } else {
      await page.waitForTimeout(spanMs);
    }
    // Long-task entries reach observers a little after the task.
    await page.waitForTimeout(1000);
    const sample: Sample = await page.evaluate((span) => {
      const bench = (window as any).__bench as { longTasks: Array<[number, number]>; done?: number; painted?: number };
      const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
      const last = span ?? (bench.painted ?? 0) - dcl;
      return {
        doneMs: bench.done === undefined ? Number.NaN : bench.done - dcl,
        paintedMs: bench.painted === undefined ? Number.NaN : bench.painted - dcl,
        tasks: bench.longTasks.map(([start, duration]) => [Math.round(start - dcl), Math.round(duration)] as [number, number]).filter(([start]) => start >= 0 && start <= last),
      };
    }, spanMs ?? null);
    if (cdp && traced) {
      await cdp.send('Tracing.end');
      await traced;
      const dcl = events.find((e) => e.name === 'MarkDOMContent');
      if (dcl) sample.split = splitTasks(events, dcl.ts);
    }
    if (spanMs === undefined) {
      const badges = await readBadges(page);
      if (badges.length !== ROWS || !badges.every((b) => b.savePressed !== null)) throw new Error(`${url}: ${badges.length} of ${ROWS} badges`);
    }
    return sample;
  } finally {
    await page.close();
  }
}

const longest = (s: Sample) => Math.max(0, ...s.tasks.map(([, d]) => d));
const taskMs = (v: number) => (v > 0 ? v.toFixed(0) : 'none > 50');

export async function benchLinks(runs: number): Promise<string> {
  const entries = papers();
  const pages = [
    { name: 'GitHub awesome-list README', url: README_URL, html: awesomeListHtml(entries) },
    { name: 'Reddit thread, 1,000 comments', url: THREAD_URL, html: longThreadHtml(entries) },
  ];
  // Links anywhere on for both sites: their grant written into the profile (as tests/e2e/linksAnywhere.test.ts does),
  // then turned on as the popup does once permitted.
  const first = await launchWithExtension(mkdtempSync(join(tmpdir(), 'paperscope-bench-links-')));
  await first.close();
  grantHostsInProfile(first.profileDir, first.extensionId, ['https://github.com/*', 'https://www.reddit.com/*']);
  const browser = await launchWithExtension(first.profileDir);
  const rows: Array<Record<string, string>> = [];
  const notes: string[] = [];
  try {
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    for (const origin of ['https://github.com', 'https://www.reddit.com']) await askWorker(options, 'setLinksSite', { origin, on: true });
    await options.close();
    for (const { name, url, html } of pages) {
      const baselineUrl = `${BASELINE_HOST}${new URL(url).pathname}`;
      await serveAt(browser.context, url, html);
      await serveAt(browser.context, baselineUrl, html);
      const warmup = await measure(browser, url);
      // One traced load: which long tasks hold our script, and how much of each is the browser drawing the frame.
      const traced = await measure(browser, url, undefined, true);
      const ours: Sample[] = [];
      const base: Sample[] = [];
      for (let r = 0; r < runs; r++) {
        const sample = await measure(browser, url);
        ours.push(sample);
        // The same page where the extension does nothing, watched over the same span: the page's own long tasks.
        base.push(await measure(browser, baselineUrl, sample.paintedMs));
      }
      rows.push(
        { page: name, measure: 'DOMContentLoaded → every link badged (ms)', Paperscope: median(ours.map((s) => s.doneMs)).toFixed(0), baseline: '—' },
        { page: '', measure: 'DOMContentLoaded → frame after that drawn (ms)', Paperscope: median(ours.map((s) => s.paintedMs)).toFixed(0), baseline: '—' },
        { page: '', measure: 'longest task over that span (ms)', Paperscope: taskMs(median(ours.map(longest))), baseline: taskMs(median(base.map(longest))) },
        {
          page: '',
          measure: 'tasks over 50 ms over that span',
          Paperscope: String(median(ours.map((s) => s.tasks.length))),
          baseline: String(median(base.map((s) => s.tasks.length))),
        },
      );
      const split = traced.split ?? [];
      const withOurs = split.filter((t) => t.oursMs > 0);
      rows.push(
        {
          page: '',
          measure: 'traced load: longest stretch of our script in one task (ms)',
          Paperscope: String(Math.max(0, ...split.map((t) => t.oursMs))),
          baseline: '—',
        },
        {
          page: '',
          measure: 'traced load: tasks over 50 ms holding our script / frames only',
          Paperscope: `${withOurs.length} / ${split.length - withOurs.length}`,
          baseline: '—',
        },
      );
      notes.push(
        `${name}, traced load (done +${traced.doneMs.toFixed(0)} ms): tasks over 50 ms as +start total(our script, rendering) ms: ` +
          (split.map((t) => `+${t.start} ${t.ms}(${t.oursMs}, ${t.renderMs})`).join(' ') || 'none'),
      );
      const list = (s: Sample) => s.tasks.map(([start, duration]) => `+${start}(${duration})`).join(' ') || 'none';
      notes.push(
        `${name}: done per run ${ours.map((s) => s.doneMs.toFixed(0)).join(', ')} ms (warm-up, not counted: ${warmup.doneMs.toFixed(0)} ms, longest task ${taskMs(longest(warmup))}); ` +
          `long tasks, +start(duration) ms after DOMContentLoaded, per run: ${ours.map(list).join(' | ')}; baseline: ${base.map(list).join(' | ')}`,
      );
    }
  } finally {
    await browser.close();
  }
  return [
    `Links anywhere: ${ROWS.toLocaleString('en')} paper links on one page (${existsSync(DATA) ? 'the first papers of arxiv-before-2026.jsonl.gz' : 'made-up papers'}), ` +
      `headless Chromium with the extension, links anywhere on for the page's site; medians of ${runs} runs.`,
    machineLine(),
    'The links script is registered (scripting.registerContentScripts) and runs at document_idle; it reads the links in slices ' +
      '(the adapter gives row readers), asks the worker in parts and renders badges frame by frame. Long tasks: ' +
      'PerformanceObserver("longtask") from DOMContentLoaded to the frame after the last badge; baseline = the same page on a host ' +
      'the extension does not touch, watched over the same span (its own layout and parsing).',
    table(rows),
    notes.join('\n'),
  ].join('\n');
}
