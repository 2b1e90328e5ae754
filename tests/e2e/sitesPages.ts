// Helpers for the per-site end-to-end runs: fixture discovery from the adapter registry, exact-URL serving, scan waits, SPA pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { ADAPTERS } from '../../src/adapters/registry.ts';
import { readBundledCatalogue } from '../../src/cli/bundled.ts';
import { CatalogueIndex, PREDICT_CATEGORY_ROWS } from '../../src/core/catalogue/catalogueIndex.ts';
import { decodeCategoryLinear } from '../../src/core/categories/categoryModel.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { demoListingHtml, type DemoEntry } from '../../src/cli/demoPage.ts';
import type { PageScan } from '../../src/messaging/shapes.ts';
import { useShippedTopicModel } from '../../src/cli/topicModel.ts';
import { shownTags } from '../../src/core/topics/shownTags.ts';

useShippedTopicModel();

/**
 * What the background should answer, from the same core it runs (src/core) over the bundled seed catalogue it installs,
 * with the shipped category model: catalogue tags for a paper it knows, else topics from the text plus the page's
 * arXiv category, or a predicted one for the first PREDICT_CATEGORY_ROWS rows of a scan whose page names none.
 */
export const oracle = new CatalogueIndex(readBundledCatalogue());
oracle.useCategoryModel(decodeCategoryLinear(new Uint8Array(readFileSync('assets/models/categories.bin'))));

/** The tag labels the badge of the `row`-th row of a scan should show for `ref`. */
export function expectedTagLabels(ref: PaperRef, row: number): string[] {
  // As the badge shows them: a category chip saying what a topic chip says already is left out.
  return shownTags(oracle.tagsFor(ref, undefined, row < PREDICT_CATEGORY_ROWS)).map((t) => t.label);
}

/** The tooltip words the badge of the `row`-th row must show beside each chip: a predicted category's close runners-up. */
export function expectedRunnersUp(ref: PaperRef, row: number): string[][] {
  return shownTags(oracle.tagsFor(ref, undefined, row < PREDICT_CATEGORY_ROWS)).map((t) => t.alsoLikely ?? []);
}

export const FIXTURES_DIR = resolve(process.cwd(), 'tests/fixtures');

export interface ExpectedRow {
  key: string;
  title: string;
  [field: string]: unknown;
}

export interface FixtureCase {
  adapterId: string;
  /** File name without extension, e.g. "list-new". */
  name: string;
  url: string;
  kind: 'listing' | 'paper';
  rows: ExpectedRow[];
  html: string;
  /** A markup-drift case of a site (drift*.html): a listing its own selectors read no rows from. */
  drift: boolean;
  /** On a drift case, the rows the structural fallback reads instead (none: the page warns that the layout changed). */
  fallback: ExpectedRow[];
}

/** Every fixture of every adapter in the registry, read from tests/fixtures/<adapter id>/<name>.{html,json}. */
export function fixtureCases(): Array<{ adapterId: string; folderExists: boolean; cases: FixtureCase[] }> {
  return ADAPTERS.map((adapter) => {
    const dir = resolve(FIXTURES_DIR, adapter.id);
    if (!existsSync(dir)) return { adapterId: adapter.id, folderExists: false, cases: [] };
    const cases = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && existsSync(resolve(dir, f.replace(/\.json$/, '.html'))))
      .sort()
      .map((f) => {
        const name = f.replace(/\.json$/, '');
        const json = JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as { url: string; kind: 'listing' | 'paper'; rows?: ExpectedRow[]; fallback?: ExpectedRow[] };
        return {
          adapterId: adapter.id,
          name,
          url: json.url,
          kind: json.kind,
          rows: json.rows ?? [],
          html: readFileSync(resolve(dir, `${name}.html`), 'utf8'),
          drift: name === 'drift' || name.startsWith('drift-'),
          fallback: json.fallback ?? [],
        };
      });
    return { adapterId: adapter.id, folderExists: true, cases };
  });
}

/** A URL as the browser asks for it: no fragment, normalized by the WHATWG parser. */
function requestKey(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}${u.search}`;
}

/**
 * Serves `html` for exactly `url` (origin, path and query; the fragment is never sent). Unlike serveAt this tells
 * apart fixtures that share a path (Scholar's /scholar?q=… and /scholar?cluster=…). On a page, it beats context routes.
 */
export async function serveExact(target: BrowserContext | Page, url: string, html: string): Promise<void> {
  const want = requestKey(url);
  await target.route(
    (u) => requestKey(u.href) === want,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** The Chrome tab id of a page (found by its current URL). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (want) => {
    const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t) => t.url === want)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** What the tab's content script says its page shows (as the popup asks it), from the worker. */
export async function describeTabFrom(worker: Worker, tabId: number): Promise<PageScan | undefined> {
  return (await worker.evaluate(async (id) => {
    try {
      const answer = await (globalThis as any).chrome.tabs.sendMessage(id, { type: 'describePage', request: {} });
      return answer?.ok ? answer.value.scan : undefined;
    } catch {
      return undefined; // no content script (yet)
    }
  }, tabId)) as PageScan | undefined;
}

/** Waits until the page has read and asked about all its papers at its current URL, and returns what it keeps. */
export async function waitForScan(worker: Worker, page: Page, timeoutMs = 15_000): Promise<PageScan> {
  const tabId = await tabIdOf(worker, page);
  const url = page.url();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scan = await describeTabFrom(worker, tabId);
    if (scan?.complete && scan.url === url) return scan;
    if (Date.now() > deadline) throw new Error(`no scan of ${url} was recorded for tab ${tabId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Badge keys in document order. */
export function badgeKeys(page: Page): Promise<Array<string | null>> {
  return page.$$eval('paperscope-badge', (badges) => badges.map((b) => b.getAttribute('data-paper-key')));
}

/**
 * Polls until the page's badge keys equal `want` (in order), then keeps checking for `settleMs` (longer than the
 * content script's 250 ms rescan debounce) so a late duplicate would show. Returns the last keys seen either way,
 * so the caller's assertion prints a useful diff.
 */
export async function settledBadgeKeys(page: Page, want: readonly string[], timeoutMs = 15_000, settleMs = 700): Promise<Array<string | null>> {
  const same = (keys: Array<string | null>) => keys.length === want.length && keys.every((k, i) => k === want[i]);
  const deadline = Date.now() + timeoutMs;
  let keys = await badgeKeys(page);
  while (!same(keys) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    keys = await badgeKeys(page);
  }
  if (!same(keys)) return keys;
  await page.waitForTimeout(settleMs);
  return badgeKeys(page);
}

/** Waits until exactly `count` badges are on the page (a badge is inserted only once the background has answered). */
export async function waitForBadgeCount(page: Page, count: number, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('paperscope-badge').length === n, count, { timeout: timeoutMs });
}

/** Lower-case letters and digits only: compares a title as shown with the fixture's title. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Share of the title's words (3+ letters or digits) that the shown text contains: a badge's title element shows
 * its row's title, though typeset math (MathJax output next to its TeX source) keeps an exact comparison out.
 */
export function titleWordsShown(title: string, shown: string): number {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  if (words.length === 0) return 1;
  const text = shown.toLowerCase();
  return words.filter((w) => text.includes(w)).length / words.length;
}

// ---------------------------------------------------------------------------------------------------------------
// A Hugging Face-like daily papers page whose own script navigates in-app (pushState) and swaps its card list.

export interface HfCard {
  arxivId: string;
  title: string;
}

export const HF_FIRST_CARDS: HfCard[] = [
  { arxivId: '2501.12948', title: 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning' },
  { arxivId: '2501.19393', title: 's1: Simple test-time scaling for large language model reasoning' },
  { arxivId: '2501.17161', title: 'SFT Memorizes, RL Generalizes: A Comparative Study of Foundation Model Post-training' },
];

export const HF_NEXT_CARDS: HfCard[] = [
  { arxivId: '2511.20101', title: 'Diffusion Transformers for High-Resolution Image Generation' },
  { arxivId: '2511.20202', title: 'Retrieval-Augmented Generation with Large Language Models for Question Answering' },
  { arxivId: '2511.20303', title: 'Graph Neural Networks for Molecular Property Prediction' },
  { arxivId: '2511.20404', title: 'Speech Recognition with Self-Supervised Audio Transformers' },
];

export const HF_NEXT_PATH = '/papers/date/2026-11-25';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function hfCardHtml(card: HfCard): string {
  return `<article class="relative flex flex-col rounded-xl border">
  <a href="/papers/${card.arxivId}" class="block h-56"><img alt="" src="https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${card.arxivId}.png"></a>
  <div class="px-6 pb-6 pt-8"><h3 class="mb-1 text-lg font-semibold"><a href="/papers/${card.arxivId}" class="line-clamp-3">${escapeHtml(card.title)}</a></h3>
  <a href="/papers/${card.arxivId}#community" class="text-sm">3</a></div>
</article>`;
}

/**
 * /papers with three cards and a "Next" link. The page's own script (it runs in the page, like the real Svelte app)
 * handles the click: pushState to HF_NEXT_PATH, then replaces the card list with HF_NEXT_CARDS; Back (popstate)
 * puts the first cards back.
 */
export function hfSpaHtml(): string {
  const cards = (list: HfCard[]) => list.map(hfCardHtml).join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Daily Papers - Hugging Face</title></head>
<body class="PapersPage">
<header><nav aria-label="Main"><a href="/models">Models</a> <a href="/papers">Papers</a> <a href="/papers/trending">Trending papers</a></nav></header>
<main><section class="container">
  <h1>Daily Papers</h1>
  <div class="flex"><a id="prev" href="/papers/date/2026-11-23">Previous</a> <a id="next" href="${HF_NEXT_PATH}">Next</a></div>
  <div id="cards" class="grid">
${cards(HF_FIRST_CARDS)}
  </div>
</section></main>
<script>
  const FIRST = ${JSON.stringify(cards(HF_FIRST_CARDS))};
  const NEXT = ${JSON.stringify(cards(HF_NEXT_CARDS))};
  const show = (html) => { document.getElementById('cards').innerHTML = html; };
  document.getElementById('next').addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState({}, '', '${HF_NEXT_PATH}');
    show(NEXT);
  });
  addEventListener('popstate', () => show(location.pathname === '${HF_NEXT_PATH}' ? NEXT : FIRST));
</script>
</body></html>`;
}

// ---------------------------------------------------------------------------------------------------------------
// An arXiv listing whose own script loads more entries (button or scrolling to the end) and drops entries.

/** Entries with demo ids 2612.0xxxx and the given titles (a topic in every title, so every badge gets tags). */
export function scrollEntries(titles: readonly string[], start = 0): DemoEntry[] {
  return titles.map((title, i) => ({
    arxivId: `2612.${String(start + i + 1).padStart(5, '0')}`,
    title,
    authors: ['A. Author'],
    categories: ['cs.LG'],
    abstract: `${title}. We study this problem and report results.`,
  }));
}

/**
 * demoListingHtml(initial) plus a page script: `#more` (or scrolling to the bottom) appends the next `batch` entries
 * of `later` to dl#articles; `window.dropEntries(ids)` removes those entries (dt and dd). Both run in the page.
 */
export function infiniteListingHtml(initial: readonly DemoEntry[], later: readonly DemoEntry[], batch: number): string {
  const laterHtml = demoListingHtml(later);
  // The dt/dd markup of the later entries, exactly as demoListingHtml writes them, cut out of a listing of their own.
  const items = laterHtml.slice(laterHtml.indexOf('<dt>'), laterHtml.lastIndexOf('</dd>') + '</dd>'.length);
  const script = `
<button id="more" type="button">More</button>
<template id="later"><dl>${items}</dl></template>
<script>
  const later = () => Array.from(document.getElementById('later').content.firstElementChild.children);
  let next = 0;
  function loadMore() {
    const all = later();
    const slice = all.slice(next * 2, (next + ${batch}) * 2); // dt, dd pairs
    next += ${batch};
    const list = document.getElementById('articles');
    for (const el of slice) list.append(document.importNode(el, true));
    document.body.dataset.loaded = String(Math.min(next, all.length / 2));
  }
  window.dropEntries = (ids) => {
    for (const id of ids) {
      const link = document.getElementById(id);
      const dt = link && link.closest('dt');
      if (!dt) continue;
      const dd = dt.nextElementSibling;
      dt.remove();
      if (dd && dd.localName === 'dd') dd.remove();
    }
  };
  document.getElementById('more').addEventListener('click', loadMore);
  addEventListener('scroll', () => {
    if (innerHeight + scrollY >= document.documentElement.scrollHeight - 50) loadMore();
  });
</script>`;
  return demoListingHtml(initial).replace('</body>', `${script}\n</body>`);
}

/** The arXiv ids of the entries on an arXiv listing page, in document order. */
export function listedIds(page: Page): Promise<string[]> {
  return page.$$eval('#articles > dt a[title="Abstract"]', (links) => links.map((a) => a.id));
}
