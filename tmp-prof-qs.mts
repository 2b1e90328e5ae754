// temporary: micro-timings of DOM queries on the 2,000-row feed, main world, no extension (deleted afterwards)
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
const b = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
const page = await b.newPage();
await page.setContent(html);
const res = await page.evaluate(`(() => {
  const out = {};
  const t = (name, f) => { const s = performance.now(); f(); out[name] = +(performance.now() - s).toFixed(1); };
  const dds = Array.from(document.querySelectorAll('dd'));
  const dts = Array.from(document.querySelectorAll('dt'));
  t('dd qsa .list-authors a', () => { for (const dd of dds) dd.querySelectorAll('.list-authors a'); });
  t('dd qsa .list-authors a (2)', () => { for (const dd of dds) dd.querySelectorAll('.list-authors a'); });
  t('dd qs .list-title', () => { for (const dd of dds) dd.querySelector('.list-title'); });
  t('dd qs .list-subjects', () => { for (const dd of dds) dd.querySelector('.list-subjects'); });
  t('dd qs p.mathjax', () => { for (const dd of dds) dd.querySelector('p.mathjax'); });
  t('dt qs a[title="Abstract"]', () => { for (const dt of dts) dt.querySelector('a[title="Abstract"]'); });
  t('dd qs .list-authors', () => { for (const dd of dds) dd.querySelector('.list-authors'); });
  t('dd qs .list-authors + qsa a', () => { for (const dd of dds) dd.querySelector('.list-authors')?.querySelectorAll('a'); });
  t('dd qsa :scope .list-authors a', () => { for (const dd of dds) dd.querySelectorAll(':scope .list-authors a'); });
  t('dd getElementsByClassName', () => { for (const dd of dds) dd.getElementsByClassName('list-authors')[0]; });
  t('matches .descriptor x2000', () => { for (const dd of dds) dd.firstElementChild.matches('.descriptor'); });
  t('textContent abstract', () => { for (const dd of dds) dd.querySelector('p.mathjax').textContent; });
  t('.list-authors > a', () => { for (const dd of dds) dd.querySelectorAll('.list-authors > a'); });
  t('div.list-authors a', () => { for (const dd of dds) dd.querySelectorAll('div.list-authors a'); });
  t('dd qsa a', () => { for (const dd of dds) dd.querySelectorAll('a'); });
  t('dd qsa .list-title .descriptor', () => { for (const dd of dds) dd.querySelectorAll('.list-title .descriptor'); });
  t('dd qs .list-authors a', () => { for (const dd of dds) dd.querySelector('.list-authors a'); });
  t('doc qsa .list-authors a', () => { document.querySelectorAll('.list-authors a'); });
  t('dt qs a[href*="/abs/"]', () => { for (const dt of dts) dt.querySelector('a[href*="/abs/"]'); });
  return out;
})()`);
console.log(res);
await b.close();
