// Where the time of a 2,000-row listing goes: one traced load (CDP Tracing), split into phases by the content script's and the
// worker's console.timeStamp marks, with the page's main-thread tasks by kind. `npx tsx tests/bench/profile.ts [cold]`.
import { writeFileSync } from 'node:fs';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { launchWithExtension, serveAt, stopServiceWorker } from '../e2e/chromium.ts';
import { FEED_URL, firstEntries, measureScript, ROWS } from './feed.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

// Light categories: the detailed ones (disabled-by-default-devtools.timeline, blink, v8) slow the page down threefold.
const CATEGORIES = (process.env.TRACE_CATEGORIES ?? 'devtools.timeline,v8.execute,blink.user_timing,toplevel,loading').split(',');

async function traced(context: BrowserContext, url: string, frames: boolean): Promise<{ events: TraceEvent[]; done: number; first?: number }> {
  const page = await context.newPage();
  await page.addInitScript(measureScript(frames));
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected' as never, ((e: { value: TraceEvent[] }) => events.push(...e.value)) as never);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete' as never, (() => resolve()) as never));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => (window as any).__bench?.done !== undefined, undefined, { timeout: 120_000, polling: 100 });
  const result = await page.evaluate(() => {
    const bench = (window as any).__bench;
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
    return { done: bench.done - dcl, first: bench.firstBadge === undefined ? undefined : bench.firstBadge - dcl };
  });
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return { events, ...result };
}

/** Exclusive time per event name within [from, to] on one thread (nested complete events subtract from their parent). */
function selfTimes(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts <= to).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: Array<{ e: TraceEvent; end: number; child: number }> = [];
  const pop = () => {
    const top = stack.pop()!;
    const name = top.e.name === 'FunctionCall' || top.e.name === 'EvaluateScript' || top.e.name === 'v8.callFunction' ? 'script' : top.e.name;
    self.set(name, (self.get(name) ?? 0) + (top.e.dur! - top.child));
  };
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) pop();
    if (stack.length) stack[stack.length - 1]!.child += e.dur!;
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  while (stack.length) pop();
  return self;
}

async function main(): Promise<void> {
  const cold = process.argv.includes('cold');
  const frames = !process.argv.includes('noframes');
  const html = demoListingHtml(firstEntries(ROWS));
  const browser = await launchWithExtension();
  try {
    await serveAt(browser.context, FEED_URL, html);
    // One untraced load warms the worker (and builds its index) and Chromium's caches.
    const warm = await browser.context.newPage();
    await warm.addInitScript(measureScript(false));
    await warm.goto(FEED_URL);
    await warm.waitForFunction(() => (window as any).__bench?.done !== undefined, undefined, { timeout: 120_000 });
    if (cold) await stopServiceWorker(browser, warm);
    await warm.close();
    const { events, done, first } = await traced(browser.context, FEED_URL, frames);
    if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
    // Content script: console.timeStamp; worker: performance.mark (user timing), told apart by their process.
    const stamps = events
      .filter(
        (e) => (e.name === 'TimeStamp' && String(e.args?.data?.message ?? '').startsWith('paperscope:')) || (e.cat.includes('user_timing') && e.name.startsWith('paperscope:')),
      )
      .map((e) => (e.name === 'TimeStamp' ? e : { ...e, args: { data: { message: e.name } } }));
    // The page's main thread: where the content script's marks are, else (a build without them) where the listing was parsed.
    const pageStamp =
      stamps.find((e) => e.args!.data!.message === 'paperscope:start') ??
      stamps.find((e) => String(e.args!.data!.message).startsWith('paperscope:rows')) ??
      events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes('/list/'));
    if (!pageStamp) throw new Error('neither paperscope marks nor the listing in the trace');
    const main = events.filter((e) => e.pid === pageStamp.pid && e.tid === pageStamp.tid);
    const dclEvent = main.find((e) => e.name === 'MarkDOMContent') ?? main.find((e) => e.name === 'domContentLoadedEventStart');
    const t0 = dclEvent?.ts ?? pageStamp.ts;
    const rel = (ts: number) => ((ts - t0) / 1000).toFixed(1);
    console.log(
      `${cold ? 'cold' : 'warm'} worker, ${frames ? 'frames every rAF' : 'no forced frames'}: done +${done.toFixed(0)} ms, first badge +${first?.toFixed(0)} ms (page clock)`,
    );
    console.log('marks (ms after DOMContentLoaded, trace clock):');
    for (const s of stamps.sort((a, b) => a.ts - b.ts)) console.log(`  +${rel(s.ts)}  ${s.args!.data!.message}${s.pid === pageStamp.pid ? '' : '  (worker)'}`);
    const navStart = main.find((e) => e.name === 'ParseHTML');
    const end = t0 + done * 1000;
    // Tasks on the page's main thread from the first parse to done.
    const tasks = main.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts + e.dur! >= (navStart?.ts ?? t0) && e.ts <= end);
    console.log(`page main-thread tasks over 20 ms (${tasks.length} tasks in all, ${(tasks.reduce((n, t) => n + t.dur!, 0) / 1000).toFixed(0)} ms busy):`);
    for (const t of tasks.filter((t) => t.dur! > 20_000)) {
      const self = [...selfTimes(main, t.ts, t.ts + t.dur!)]
        .filter(([n]) => n !== t.name)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6);
      console.log(`  +${rel(t.ts)} ${(t.dur! / 1000).toFixed(1)} ms: ${self.map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', ')}`);
    }
    // CPU time (thread clock) is what a busy machine distorts least: the page's main thread from DOMContentLoaded to done.
    const cpu = (from: number, to: number, pick: (e: TraceEvent) => boolean) =>
      main.filter((e) => e.ph === 'X' && pick(e) && e.ts >= from && e.ts <= to).reduce((n, e) => n + ((e as { tdur?: number }).tdur ?? 0), 0) / 1000;
    const kinds = ['Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint', 'IntersectionObserverController::computeIntersections'];
    console.log(
      `page main thread CPU, DOMContentLoaded → done: ${cpu(t0, end, (e) => e.name === 'ThreadControllerImpl::RunTask').toFixed(0)} ms in tasks; ` +
        kinds
          .map((k) => `${k.replace('IntersectionObserverController::computeIntersections', 'IntersectionObservers')} ${cpu(t0, end, (e) => e.name === k).toFixed(0)}`)
          .join(', ') +
        `; frames drawn: ${main.filter((e) => e.name === 'PrePaint' && e.ts >= t0 && e.ts <= end).length}`,
    );
    const all = [...selfTimes(main, t0, end)]
      .filter(([n]) => n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14);
    console.log(`page main thread, DOMContentLoaded → done, self time by kind: ${all.map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', ')}`);
    const workerStamp = stamps.find((e) => e.pid !== pageStamp.pid);
    if (workerStamp) {
      const worker = events.filter((e) => e.pid === workerStamp.pid && e.tid === workerStamp.tid);
      const wt = worker.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts >= t0 - 200_000 && e.ts <= end && e.dur! > 2000);
      console.log(`worker tasks over 2 ms: ${wt.map((t) => `+${rel(t.ts)} ${(t.dur! / 1000).toFixed(1)}`).join(', ')}`);
      const ws = [...selfTimes(worker, t0 - 200_000, end)]
        .filter(([n]) => n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8);
      console.log(`worker self time by kind: ${ws.map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', ')}`);
    } else console.log('worker: not in the trace');
  } finally {
    await browser.close();
  }
}

await main();
