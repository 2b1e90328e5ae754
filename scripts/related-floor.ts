// `npx tsx scripts/related-floor.ts [--catalogue-size N] [--queries N]`: the similarity (tf-idf cosine) of the side
// panel's 20 related papers, for neighbours that share an arXiv category with the query and for those that share none,
// on the bundled catalogue and on a time split of ../shared/data; the data behind RELATED_FLOOR (docs/QUALITY.md).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCatalogue } from '../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../src/core/catalogue/catalogueIndex.ts';
import { RelatedIndex } from '../src/core/related/relatedIndex.ts';
import { readPapers } from '../src/cli/eval.ts';
import { dedupe, sample, timeSplit } from '../src/eval/runEval.ts';
import { option } from './option.ts';
import { useShippedTopicModel } from '../src/cli/topicModel.ts';

useShippedTopicModel();

const LIMIT = 20;
const THRESHOLDS = [0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2];
const CATALOGUE_SIZE = Number(option('--catalogue-size', '30000'));
const QUERIES = Number(option('--queries', '400'));
const shippedModel = async () => new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/models/categories.bin')));

interface Neighbour {
  similarity: number;
  /** Shares an arXiv category with the query (any of them). */
  related: boolean;
  rank: number;
}

/** `mixed`: each list holds both kinds (the arXiv split); list columns then count the related part only. */
function report(name: string, all0: Neighbour[][], mixed = false): void {
  const lists = mixed ? all0.map((l) => l.filter((n) => n.related)) : all0;
  const all = all0.flat();
  const good = all.filter((n) => n.related);
  const bad = all.filter((n) => !n.related);
  const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]?.toFixed(3) ?? '-';
  const sorted = (ns: Neighbour[]) => ns.map((n) => n.similarity).sort((a, b) => a - b);
  console.log(`\n${name}: ${lists.length} queries, ${all.length} neighbours (${good.length} share a category, ${bad.length} share none)`);
  for (const [label, ns] of [
    ['share a category', good],
    ['share none', bad],
  ] as const) {
    const xs = sorted(ns);
    console.log(`  ${label}: similarity p10 ${quantile(xs, 0.1)}  p25 ${quantile(xs, 0.25)}  median ${quantile(xs, 0.5)}  p75 ${quantile(xs, 0.75)}`);
  }
  console.log('  floor | unrelated hidden | related kept | shown per list (mean) | lists all below floor');
  for (const floor of THRESHOLDS) {
    const hiddenBad = bad.filter((n) => n.similarity < floor).length / (bad.length || 1);
    const keptGood = good.filter((n) => n.similarity >= floor).length / (good.length || 1);
    const shown = lists.reduce((sum, l) => sum + l.filter((n) => n.similarity >= floor).length, 0) / (lists.length || 1);
    const empty = lists.filter((l) => l.length > 0 && l.every((n) => n.similarity < floor)).length / (lists.length || 1);
    console.log(`  ${floor.toFixed(2)}  | ${(hiddenBad * 100).toFixed(1)}% | ${(keptGood * 100).toFixed(1)}% | ${shown.toFixed(1)} | ${(empty * 100).toFixed(1)}%`);
  }
}

/** Every bundled paper as the query (it is known, as a badge's Related on a bundled paper is). */
async function bundled(): Promise<void> {
  const data = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
  const index = new CatalogueIndex(data);
  index.useCategoryModel(shippedModel);
  await index.loadCategoryModel();
  const lists: Neighbour[][] = [];
  for (let i = 0; i < data.paperCount; i++) {
    const query = index.paperAt(i);
    const mine = new Set(query.categories);
    lists.push(index.relatedTo(query, LIMIT).map((r, rank) => ({ similarity: r.similarity ?? r.score, related: r.paper.categories.some((c) => mine.has(c)), rank })));
  }
  report(`bundled catalogue (${data.paperCount} papers; categories predicted at build time)`, lists);
}

/** An arXiv category's archive: cs for cs.LG, hep-th for hep-th, math for math.CO. */
const archiveOf = (category: string) => category.split('.')[0]!;

/**
 * Held-out arXiv papers (2025-10-01 on) against a sample of earlier ones, by their real categories: the 10 nearest by
 * cosine of the query's primary category (related, as a well-stocked catalogue shows them) against the 10 nearest that
 * share no category with it, and the 10 nearest from another archive altogether (the filler a small or off-field
 * catalogue pads a list with).
 */
async function arxivSplit(): Promise<void> {
  const { papers } = await readPapers(resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz'));
  const split = timeSplit(dedupe(papers), '2025-10-01');
  const catalogue = sample(split.catalogue, CATALOGUE_SIZE, 1);
  const queries = sample(
    split.queries.filter((p) => p.categories?.length),
    QUERIES,
    2,
  );
  const builder = new CatalogueBuilder({ source: 'floor', withAbstracts: false });
  for (const p of catalogue) builder.add(p);
  const data = readCatalogue(builder.build());
  const related = new RelatedIndex(data);
  const sameVsNone: Neighbour[][] = [];
  const sameVsArchive: Neighbour[][] = [];
  const k = 10;
  for (const q of queries) {
    const mine = new Set(q.categories);
    const archives = new Set(q.categories!.map(archiveOf));
    const near = related.nearestScores(related.vectorize(q.title, q.abstract), 5000);
    const same = near.filter((n) => data.categoriesOf(n.index)[0] === q.categories![0]).slice(0, k);
    const none = near.filter((n) => !data.categoriesOf(n.index).some((c) => mine.has(c))).slice(0, k);
    const elsewhere = near.filter((n) => !data.categoriesOf(n.index).some((c) => archives.has(archiveOf(c)))).slice(0, k);
    const good = same.map((n, rank) => ({ similarity: n.score, related: true, rank }));
    sameVsNone.push([...good, ...none.map((n, rank) => ({ similarity: n.score, related: false, rank }))]);
    sameVsArchive.push([...good, ...elsewhere.map((n, rank) => ({ similarity: n.score, related: false, rank }))]);
  }
  const name = `arXiv time split (${data.paperCount} catalogue papers before 2025-10-01, queries after; ${k} nearest of the query's primary category`;
  report(`${name} against ${k} nearest sharing no category)`, sameVsNone, true);
  report(`${name} against ${k} nearest from other archives)`, sameVsArchive, true);
}

await bundled();
await arxivSplit();
