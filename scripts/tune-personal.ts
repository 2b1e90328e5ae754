// `npx tsx scripts/tune-personal.ts`: chooses the interest model's settings on the validation readers only (made by
// scripts/make-readers.ts), never on the test readers: every signal alone, a grid of weights over the four signals,
// then one setting at a time (C, sampled negatives, neighbours averaged), and the anchor beside them.
//   npx tsx scripts/tune-personal.ts [--dir build/personal] [--split validation|test] [--readers N] [--no-anchor] [--no-variants] [--tolerance-check]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { useShippedTopicModel } from '../src/cli/topicModel.ts';
import { readCatalogue, type CatalogueData } from '../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../src/core/catalogue/catalogueIndex.ts';
import { RANKER_OPTIONS, type RankerOptions, type RankerWeights } from '../src/core/personal/interestModel.ts';
import { paperscopeSignals, personalCatalogue, rankingFigures, reweighted, type RankingFigures, type ScoredFeed } from '../src/eval/personalEval.ts';
import type { Reader } from '../src/eval/personalReaders.ts';
import { dedupe } from '../src/eval/runEval.ts';
import { ANCHOR_SVM, SvmAnchor } from '../src/eval/svmAnchor.ts';
import { table } from '../tests/bench/machine.ts';
import { elapsedLog, option } from './option.ts';

useShippedTopicModel();
const DIR = resolve(process.cwd(), option('--dir', 'build/personal'));
const LIMIT = Number(option('--readers', '100'));
// `--split test` ranks the test readers with the shipped settings only (beside the anchor): no choosing there.
const SPLIT = option('--split', 'validation');
const TESTING = SPLIT === 'test';
if (!existsSync(join(DIR, `${SPLIT}.jsonl`))) {
  console.log(`tune-personal: ${DIR}/${SPLIT}.jsonl not found; run scripts/make-readers.ts first`);
  process.exit(0);
}
const log = elapsedLog();
const readers: Reader[] = readFileSync(join(DIR, `${SPLIT}.jsonl`), 'utf8')
  .trim()
  .split('\n')
  .slice(0, LIMIT)
  .map((l) => JSON.parse(l));
const { papers } = await readPapers(join(DIR, 'catalogue.jsonl'));
// The built catalogue is kept beside the readers: building it takes minutes.
const packed = join(DIR, 'catalogue.psc');
let index: CatalogueIndex;
if (existsSync(packed)) index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(packed))));
else {
  log(`building the catalogue of ${papers.length} papers`);
  index = personalCatalogue(papers);
  writeFileSync(packed, (index.data as CatalogueData).bytes); // built here: one catalogue, no layers
}

const rows: Array<Record<string, string>> = [];
const row = (variant: string, f: RankingFigures) => {
  rows.push({ variant, MRR: f.mrr.toFixed(3), 'recall@20': f.recallAt20.toFixed(3), AUC: f.auc.toFixed(3) });
  log(`${variant}: MRR ${f.mrr.toFixed(3)}, recall@20 ${f.recallAt20.toFixed(3)}, AUC ${f.auc.toFixed(3)}`);
};
const describe = (w: RankerWeights) => `linear ${w.linear}, neighbours ${w.neighbours}, authors ${w.authors}, categories ${w.categories}`;
// Ties broken by the primary measure's sum, then fewer moving parts.
const merit = (f: RankingFigures) => f.mrr + f.recallAt20 + f.auc;

log(`learning ${readers.length} ${SPLIT} readers' models`);
const base = paperscopeSignals(index, readers);
const zero: RankerWeights = { linear: 0, neighbours: 0, authors: 0, categories: 0 };
for (const k of TESTING ? [] : (Object.keys(zero) as Array<keyof RankerWeights>)) row(`${k} alone`, rankingFigures(reweighted(base, { ...zero, [k]: 1 })));
const grid: Array<{ w: RankerWeights; f: RankingFigures }> = [];
for (const linear of TESTING ? [] : [0, 0.5, 1, 2])
  for (const neighbours of [0, 1, 2, 4])
    for (const authors of [0, 0.25, 0.5, 1, 2])
      for (const categories of [0, 0.25, 0.5, 1]) {
        const w = { linear, neighbours, authors, categories };
        grid.push({ w, f: rankingFigures(reweighted(base, w)) });
      }
grid.sort((a, b) => merit(b.f) - merit(a.f));
for (const { w, f } of grid.slice(0, 5)) row(`grid: ${describe(w)}`, f);
row(`shipped: ${describe(RANKER_OPTIONS.weights)}`, rankingFigures(base));

const variants: Array<[string, Partial<RankerOptions>]> = [
  ['C 0.1', { c: 0.1 }],
  ['500 negatives', { negatives: 500 }],
  ['nearest 1', { neighbours: 1 }],
];
for (const [name, options] of TESTING || process.argv.includes('--no-variants') ? [] : variants) {
  log(`variant ${name}`);
  row(`shipped weights, ${name}`, rankingFigures(paperscopeSignals(index, readers, options)));
}

if (!process.argv.includes('--no-anchor')) {
  log('fitting the anchor');
  const anchor = new SvmAnchor(dedupe(papers.filter((p) => p.title)));
  for (const tolerance of process.argv.includes('--tolerance-check') ? [ANCHOR_SVM.tolerance!, 0.01] : [ANCHOR_SVM.tolerance!]) {
    log(`anchor, tolerance ${tolerance}`);
    const feeds: ScoredFeed[] = [];
    for (const r of readers) {
      const at = feeds.length;
      if (at > 0 && at % 50 === 0)
        log(`anchor so far (${at} readers): ${JSON.stringify(rankingFigures(feeds))}; Paperscope on them: ${JSON.stringify(rankingFigures(base.slice(0, at)))}`);
      const positives = new Set(r.positives);
      feeds.push({ scores: anchor.score(r.library, r.feed, { ...ANCHOR_SVM, tolerance }), positive: r.feed.map((p) => positives.has(p.id)) });
    }
    row(`anchor (arxiv-sanity-lite SVM), tolerance ${tolerance}`, rankingFigures(feeds));
  }
}
console.log(`${SPLIT} readers: ${readers.length} of ${DIR}/${SPLIT}.jsonl; catalogue ${index.paperCount} papers`);
console.log(table(rows));
