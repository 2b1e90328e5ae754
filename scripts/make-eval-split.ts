// `npx tsx scripts/make-eval-split.ts`: the inputs of `paperscope eval` from ../shared/data, split in time as `npm run
// eval` splits them (papers before the cutoff are the catalogue, the later ones the queries). Writes, under build/eval/
// (never committed), JSON lines the CLI reads:
//   catalogue.jsonl   the papers before the cutoff (`paperscope eval --catalogue`)
//   queries.jsonl     the papers from the cutoff on (`paperscope eval --queries`)
//   npx tsx scripts/make-eval-split.ts [--data FILE] [--cutoff YYYY-MM-DD] [--out DIR]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { type EvalPaper, timeSplit } from '../src/eval/runEval.ts';
import { option } from './option.ts';

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const CUTOFF = option('--cutoff', '2025-10-01');
const OUT = resolve(process.cwd(), option('--out', 'build/eval'));

if (!existsSync(DATA)) {
  console.log(`make-eval-split: ${DATA} not found; nothing made (the split comes from the shared arXiv data set)`);
  process.exit(0);
}
const { papers } = await readPapers(DATA);
const { catalogue, queries, undated } = timeSplit(papers, CUTOFF);
const lines = (ps: readonly EvalPaper[]) =>
  ps.map((p) => `${JSON.stringify({ id: p.arxivId, title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, date: p.date })}\n`).join('');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'catalogue.jsonl'), lines(catalogue));
writeFileSync(join(OUT, 'queries.jsonl'), lines(queries));
console.log(`${catalogue.length} catalogue papers before ${CUTOFF} and ${queries.length} queries from it on (${undated} undated left out); written to ${OUT}`);
