// temporary: times arxiv.rows() on the 2,000-row feed in Chromium's main world (deleted afterwards)
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { demoListingHtml } from './src/cli/demoPage.ts';
import { chromiumPath } from './tests/e2e/chromium.ts';
const ROWS = 2000;
const DATA = resolve('../shared/data/arxiv-before-2026.jsonl.gz');
const text = execFileSync('bash', ['-c', `zcat '${DATA}' | head -n ${ROWS}`], { maxBuffer: 1 << 28 }).toString();
const entries = text.split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r: any) => ({
  arxivId: r.id, title: r.title.replace(/\s+/g, ' ').trim(), authors: r.authors ?? [],
  categories: r.categories?.length ? r.categories : ['cs.LG'], abstract: (r.abstract ?? '').replace(/\s+/g, ' ').trim() }));
const html = demoListingHtml(entries);
const bundle = execFileSync('npx', ['esbuild', process.env.SRC ?? 'src/adapters/arxiv.ts', '--bundle', '--format=iife', '--global-name=PS', '--target=es2022', ...(process.env.MIN ? ['--minify'] : [])]).toString();
const b = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
const page = await b.newPage();
await page.setContent(html);
await page.addScriptTag({ content: bundle });
const res = await page.evaluate(`(() => {
  const out = [];
  for (let i = 0; i < 40; i++) { const s = performance.now(); const rows = PS.arxiv.rows(document); out.push(+(performance.now() - s).toFixed(1)); if (rows.length !== ${ROWS}) throw new Error(rows.length); }
  return out;
})()`);
{ const v = [...(res as number[])].sort((a, b) => a - b); console.log(`rows() ms: min ${v[0]} p25 ${v[10]} median ${v[20]}`); }
if (process.env.PROF) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  await page.evaluate(`(() => { for (let i = 0; i < 20; i++) PS.arxiv.rows(document); })()`);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map<number, any>(); const parent = new Map<number, number>();
  for (const n of profile.nodes) { byId.set(n.id, n); for (const c of n.children ?? []) parent.set(c, n.id); }
  const self = new Map<string, number>(); const incl = new Map<string, number>();
  const nameOf = (n: any) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
  profile.samples.forEach((id: number, i: number) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000 / 20;
    const n = byId.get(id); self.set(nameOf(n), (self.get(nameOf(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) { const k = nameOf(byId.get(cur)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
  });
  const top = (m: Map<string, number>, k: number) => [...m].filter(([n]) => !/^\((idle|root|program)\)/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(2).padStart(8)}  ${n}`).join('\n');
  console.log('--- self ms per rows()'); console.log(top(self, 20));
  console.log('--- inclusive ms per rows()'); console.log(top(incl, 25));
}
await b.close();
