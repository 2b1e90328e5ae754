// temporary: CPU profile of the content script on the 2,000-row feed (deleted afterwards)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoListingHtml } from './src/cli/demoPage.ts';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, serveAt } from './tests/e2e/chromium.ts';
const DIST = process.env.DIST ?? resolve('dist/chrome');
async function launchWithExtension() {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ps-prof-')), { executablePath: chromiumPath(), headless: true,
    viewport: { width: 1200, height: 900 }, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`] });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, close: () => context.close() };
}
const ROWS = 2000;
const URL_ = `https://arxiv.org/list/cs.LG/pastweek?skip=0&show=${ROWS}`;
const DATA = resolve('../shared/data/arxiv-before-2026.jsonl.gz');
const text = execFileSync('bash', ['-c', `zcat '${DATA}' | head -n ${ROWS}`], { maxBuffer: 1 << 28 }).toString();
const entries = text.split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r: any) => ({
  arxivId: r.id, title: r.title.replace(/\s+/g, ' ').trim(), authors: r.authors ?? [],
  categories: r.categories?.length ? r.categories : ['cs.LG'], abstract: (r.abstract ?? '').replace(/\s+/g, ' ').trim() }));
const html = demoListingHtml(entries);
const init = `(() => { const b = (window.__bench = { longTasks: [], done: undefined, first: undefined });
 new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
 const badges = document.getElementsByTagName('paperscope-badge'); let c = 0;
 const o = new MutationObserver(() => { if (b.done !== undefined || !badges.length) return; b.first ??= performance.now(); if (badges.length < ${ROWS}) return;
  for (; c < badges.length; c++) if (!badges[c].shadowRoot?.querySelector('[part=tag]')) return; b.done = performance.now(); o.disconnect(); });
 o.observe(document, { childList: true, subtree: true }); })();`;
const browser = await launchWithExtension();
await serveAt(browser.context, URL_, html);
const runs = Number(process.env.RUNS ?? 3);
try {
  for (let r = 0; r <= runs; r++) {
    const page = await browser.context.newPage();
    await page.addInitScript(init);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(URL_, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as any).__bench.done !== undefined, undefined, { timeout: 60000, polling: 100 });
    await page.waitForTimeout(300);
    const { profile } = await cdp.send('Profiler.stop');
    const info = await page.evaluate(() => { const b = (window as any).__bench; const dcl = (performance.getEntriesByType('navigation')[0] as any).domContentLoadedEventStart;
      return { done: Math.round(b.done - dcl), first: Math.round(b.first - dcl), tasks: b.longTasks.map(([s, d]: number[]) => `+${Math.round(s - dcl)}(${d})`).join(' ') }; });
    await page.close();
    if (r === 0) continue; // warm-up
    console.log(`run ${r}: done ${info.done} first ${info.first} long: ${info.tasks}`);
    if (r === runs) {
      writeFileSync('/tmp/paperscope-page.cpuprofile', JSON.stringify(profile));
      const byId = new Map<number, any>(); const parent = new Map<number, number>();
      for (const n of profile.nodes) { byId.set(n.id, n); for (const c of n.children ?? []) parent.set(c, n.id); }
      const self = new Map<string, number>(); const incl = new Map<string, number>();
      const nameOf = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
      profile.samples.forEach((id: number, i: number) => {
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const n = byId.get(id); self.set(nameOf(n), (self.get(nameOf(n)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) { const k = nameOf(byId.get(cur)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
      });
      const top = (m: Map<string, number>, k: number) => [...m].filter(([n]) => !/^\((idle|root|program)\)/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1).padStart(8)}  ${n}`).join('\n');
      console.log('--- self ms'); console.log(top(self, 25));
      console.log('--- inclusive ms'); console.log(top(incl, 35));
    }
  }
} finally { await browser.close(); }
