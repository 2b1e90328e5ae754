// Benchmark: related work and catalogue search in the extension's real worker with large built catalogues, side by
// side in one run (issue 17: the same answers as fast at 1M as at 100k). Each catalogue is imported from the options
// page of a fresh headless Chromium; then, from an extension page:
// - related top 10 for 100 real papers of the data set (title, abstract, authors, categories, as a page gives them);
// - catalogue search for 100 of the catalogue's own titles, three words with a typo in the middle one (as
//   tests/bench/searchProbe.ts makes them), and whether the paper is in the first 20;
// - beside both, the round trip of a message the worker answers without work (getPickedPaper);
// - a 2,000-row arXiv listing of the catalogue's own papers (tests/bench/feed.ts's measure), warm: DOMContentLoaded to
//   every row badged with its tags, the same at every catalogue size if matching does not grow with the catalogue.
// BENCH_SCALE_CATALOGUES=100k=/tmp/c100k/catalogue.psc,1m=/tmp/c1m/catalogue.psc npx tsx tests/bench/run.ts scale
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { contentWords } from '../../src/core/text/terms.ts';
import { latencySummary } from '../../src/eval/metrics.ts';
import { clampRef } from '../../src/messaging/shapes.ts';
import { mulberry32, shuffle } from '../../src/training/random.ts';
import { launchWithExtension, startCatalogueImport } from '../e2e/chromium.ts';
import { DATA } from './build.ts';
import { demoListingHtml, type DemoEntry } from '../../src/cli/demoPage.ts';
import { serveAt } from '../e2e/chromium.ts';
import { type DataRecord, FEED_URL, measure as measureListing, ROWS } from './feed.ts';
import { machineLine, median, table } from './machine.ts';

const QUERIES = 100;

/** Real papers of the data set as a page sends them (the same seeded pick every run). */
function relatedQueries(): ReturnType<typeof clampRef>[] {
  const lines = execFileSync('bash', ['-c', `zcat '${DATA}' | head -n 20000`], { maxBuffer: 1 << 28 })
    .toString('utf8')
    .trim()
    .split('\n');
  const papers = lines.map((line) => JSON.parse(line) as DataRecord).filter((p) => p.abstract);
  return shuffle(papers, mulberry32(11))
    .slice(0, QUERIES)
    .map((p) => clampRef({ key: `arxiv:${p.id}`, title: p.title, arxivId: p.id, abstract: p.abstract, authors: p.authors ?? [], categories: p.categories ?? [] }));
}

/** Three title words of catalogue papers, the middle one with a typo, and the key of the paper they come from. */
function searchQueries(psc: string): Array<{ text: string; key: string }> {
  const data = readCatalogue(new Uint8Array(readFileSync(psc)));
  const random = mulberry32(5);
  const out: Array<{ text: string; key: string }> = [];
  while (out.length < QUERIES) {
    const i = Math.floor(random() * data.paperCount);
    const words = [...new Set(contentWords(data.lineAt('titles', i)).filter((w) => w.length >= 5 && !/\d/.test(w)))];
    if (words.length < 3) continue;
    const picked = words.slice(0, 3);
    const word = picked[1]!;
    const at = 1 + Math.floor(random() * (word.length - 2));
    picked[1] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // two letters swapped
    out.push({ text: picked.join(' '), key: data.lineOf('keys', i) });
  }
  return out;
}

/** ROWS papers of the catalogue spread over it (arXiv ids only, so the listing's links name them), as listing entries. */
function listingEntries(psc: string): DemoEntry[] {
  const data = readCatalogue(new Uint8Array(readFileSync(psc)));
  const random = mulberry32(7);
  const out: DemoEntry[] = [];
  const taken = new Set<number>();
  while (out.length < ROWS && taken.size < data.paperCount) {
    const i = Math.floor(random() * data.paperCount);
    if (taken.has(i)) continue;
    taken.add(i);
    const key = data.lineOf('keys', i);
    if (!key.startsWith('arxiv:')) continue;
    out.push({
      arxivId: key.slice('arxiv:'.length),
      title: data.lineAt('titles', i),
      authors: data.lineAt('authors', i).split('; ').filter(Boolean),
      categories: data.categoriesOf(i),
      abstract: '',
    });
  }
  return out;
}

interface Pass {
  related: number[];
  search: number[];
  baseline: number[];
  found: number;
  /** DOMContentLoaded to all ROWS rows badged, ms. */
  listing: number;
}

async function measure(psc: string, runs: number, dist?: string): Promise<{ paperCount: number; firstRelated: number; firstSearch: number; passes: Pass[] }> {
  const related = relatedQueries();
  const searches = searchQueries(psc);
  const listing = listingEntries(psc);
  if (listing.length < ROWS) throw new Error(`${psc}: only ${listing.length} papers with arXiv ids, ${ROWS} needed for the listing`);
  const browser = await launchWithExtension(undefined, { dist });
  try {
    const page = await startCatalogueImport(browser, psc);
    await page.waitForSelector('[data-import-status=done]', { timeout: 600_000 });
    const paperCount = (await page.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ type: 'catalogueInfo', request: {} })).value.paperCount)) as number;
    // Each request is timed from the page; a reply that is not an answer stops the benchmark.
    const time = (requests: Array<{ type: string; request: unknown }>) =>
      page.evaluate(async (list) => {
        const send = (globalThis as any).chrome.runtime.sendMessage;
        const out: Array<{ ms: number; keys: string[] }> = [];
        for (const message of list) {
          const start = performance.now();
          const reply = await send(message);
          const ms = performance.now() - start;
          if (!reply?.ok) throw new Error(`${message.type}: ${JSON.stringify(reply).slice(0, 200)}`);
          const value = reply.value ?? {};
          out.push({ ms, keys: (value.related ?? value.results ?? []).map((r: { key: string }) => r.key) });
        }
        return out;
      }, requests);
    const relatedRequests = related.map((paper) => ({ type: 'related', request: { paper, limit: 10 } }));
    const searchRequests = searches.map((q) => ({ type: 'searchCatalogue', request: { query: q.text, limit: 20 } }));
    // The first of each loads what it needs (vectors and vocabulary; titles, authors and the search index): shown alone.
    const [firstRelated] = await time(relatedRequests.slice(0, 1));
    const [firstSearch] = await time(searchRequests.slice(0, 1));
    await serveAt(browser.context, FEED_URL, demoListingHtml(listing));
    // The first load is not counted (its rows' tags and the worker's match tables warm up), as in the feed benchmark.
    await measureListing(browser, FEED_URL, true);
    const passes: Pass[] = [];
    for (let r = 0; r < runs; r++) {
      const relatedAnswers = await time(relatedRequests);
      if (relatedAnswers.some((a) => a.keys.length !== 10)) throw new Error('related: a query got fewer than 10 papers');
      const searchAnswers = await time(searchRequests);
      const baseline = await time(related.map(() => ({ type: 'getPickedPaper', request: {} })));
      const listed = await measureListing(browser, FEED_URL, true);
      passes.push({
        listing: listed.doneMs,
        related: relatedAnswers.map((a) => a.ms),
        search: searchAnswers.map((a) => a.ms),
        baseline: baseline.map((a) => a.ms),
        found: searchAnswers.filter((a, i) => a.keys.includes(searches[i]!.key)).length,
      });
    }
    return { paperCount, firstRelated: firstRelated!.ms, firstSearch: firstSearch!.ms, passes };
  } finally {
    await browser.close();
  }
}

export async function benchScale(runs: number): Promise<string> {
  const spec = process.env.BENCH_SCALE_CATALOGUES;
  if (!spec) return 'scale: skipped (set BENCH_SCALE_CATALOGUES=100k=PATH,1m=PATH to built catalogues, e.g. from npm run make:snapshot and build-catalogue)';
  // BENCH_BASELINE_DIST: another build's dist/chrome, measured first on the same catalogues in the same run.
  const baselineDist = process.env.BENCH_BASELINE_DIST;
  const builds: Array<{ name: string; dist?: string }> = [...(baselineDist ? [{ name: 'baseline build', dist: baselineDist }] : []), { name: 'this tree' }];
  const rows: Array<Record<string, string>> = [];
  const perRun: string[] = [];
  for (const entry of spec.split(',').flatMap((e) => builds.map((build) => ({ e, build })))) {
    const [label, psc] = entry.e.split('=') as [string, string];
    const { paperCount, firstRelated, firstSearch, passes } = await measure(psc, runs, entry.build.dist);
    const med = (pick: (p: Pass) => number) => median(passes.map(pick)).toFixed(1);
    rows.push({
      catalogue: `${label} (${paperCount.toLocaleString('en')} papers)`,
      ...(baselineDist ? { build: entry.build.name } : {}),
      'first related ms': firstRelated.toFixed(0),
      'related p50 / p95 ms': `${med((p) => latencySummary(p.related).p50Ms)} / ${med((p) => latencySummary(p.related).p95Ms)}`,
      'first search ms': firstSearch.toFixed(0),
      'search p50 / p95 ms': `${med((p) => latencySummary(p.search).p50Ms)} / ${med((p) => latencySummary(p.search).p95Ms)}`,
      'search: paper in first 20': `${median(passes.map((p) => p.found))} of ${QUERIES}`,
      'baseline (message only) p50 ms': med((p) => latencySummary(p.baseline).p50Ms),
      [`${ROWS}-row listing done ms`]: med((p) => p.listing),
    });
    perRun.push(
      `${label}: ${passes.map((p) => `related ${latencySummary(p.related).p50Ms.toFixed(1)}/${latencySummary(p.related).p95Ms.toFixed(1)}, search ${latencySummary(p.search).p50Ms.toFixed(1)}/${latencySummary(p.search).p95Ms.toFixed(1)}`).join('; ')}`,
    );
  }
  return [
    `Related work and catalogue search in the worker at scale: each catalogue imported from the options page of a fresh headless Chromium; ${QUERIES} related queries (real papers of the data set, top 10) and ${QUERIES} searches (catalogue titles, three words, one typo) per pass; round trips from an extension page; a ${ROWS}-row arXiv listing of the catalogue's own papers, DOMContentLoaded to every row badged (warm); medians of ${runs} passes${baselineDist ? `; baseline build: ${baselineDist}` : ''}.`,
    machineLine(),
    table(rows),
    `per pass (p50/p95 ms): ${perRun.join(' | ')}`,
  ].join('\n');
}
