// `npm run train:categories`: learns the arXiv category model Paperscope ships (assets/models/categories.bin) from
// catalogue files (our JSON lines by default, any format build-catalogue reads), on every paper's primary category.
// Only the learned vocabulary, idf and pruned int8 weights are written, never the papers. Same input, same bytes.
//   npm run train:categories -- [--in FILE]... [--out FILE] [--entries N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { encodeCategoryLinear } from '../src/training/categoryModelFile.ts';
import { CATEGORY_TRAINING, trainCategoryLinear } from '../src/training/categoryModelTraining.ts';
import { dedupe, type EvalPaper } from '../src/eval/runEval.ts';
import { elapsedLog } from './option.ts';

function options(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === name && process.argv[i + 1]) out.push(process.argv[i + 1]!);
  });
  return out;
}

const inputs = options('--in');
const IN = (inputs.length ? inputs : ['../shared/data/arxiv-before-2026.jsonl.gz']).map((p) => resolve(process.cwd(), p));
const OUT = resolve(process.cwd(), options('--out')[0] ?? 'assets/models/categories.bin');
const ENTRIES = Number(options('--entries')[0] ?? CATEGORY_TRAINING.entries);
const log = elapsedLog();

const papers: EvalPaper[] = [];
for (const file of IN) {
  const read = await readPapers(file);
  log(`read ${read.papers.length} papers from ${file} (${read.rejected} rejected)`);
  papers.push(...read.papers);
}
const unique = dedupe(papers.filter((p) => p.title));
log(`training on ${unique.filter((p) => p.categories?.length).length} papers with a category (${unique.length} unique)`);
const trainStarted = performance.now();
const { float, shipped } = trainCategoryLinear(unique, { entries: ENTRIES }, { source: IN.map((p) => basename(p)).join(', '), log });
log(`trained in ${((performance.now() - trainStarted) / 1000).toFixed(0)} s${shipped.info.network ? ` (with a ${shipped.info.network.hidden}-unit network)` : ''}`);
const bytes = encodeCategoryLinear(shipped);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);

// A sanity check of the quantization on a seeded sample of the training papers: how often int8 and float agree.
let agree = 0;
let checked = 0;
for (let i = 0; i < unique.length && checked < 2000; i += Math.max(1, Math.floor(unique.length / 2000))) {
  const p = unique[i]!;
  if (!p.categories?.length) continue;
  checked++;
  if (shipped.top(p, 1)[0]?.category === float.top(p, 1)[0]?.category) agree++;
}
// What a prediction costs (vectorizing included), as the worker pays it: the median over the checked papers.
const times: number[] = [];
for (let i = 0; i < unique.length && times.length < 2000; i += Math.max(1, Math.floor(unique.length / 2000))) {
  const t = performance.now();
  shipped.distribution(unique[i]!);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
log(`a prediction takes p50 ${times[times.length >> 1]!.toFixed(3)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(3)} ms`);
log(`${shipped.classes.length} categories, ${shipped.vectorizer.terms.length} terms, ${shipped.info.entries} int8 weights of ${float.info.entries}`);
log(`top-1 of int8 and float agree on ${agree} of ${checked} training papers`);
console.log(`wrote ${OUT}: ${bytes.length} bytes (${(bytes.length / 2 ** 20).toFixed(2)} MiB)`);
