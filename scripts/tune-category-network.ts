// Compares hidden-layer networks for the category model on the validation split (papers from 2025-08-15 to
// 2025-10-01 against the earlier ones), never on the evaluation's queries. Each setting overrides NETWORK_TRAINING
// (src/training/networkClassifier.ts). Prints one row a setting.
//   npx tsx scripts/tune-category-network.ts [--data FILE] [--limit N] [--networks JSON] [--blends 0.25,0.5] [--mixes 0.5,1]
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { tuneCategoryNetwork } from '../src/eval/tuneValidation.ts';
import { elapsedLog, option } from './option.ts';

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const numbers = (s: string) => s.split(',').filter(Boolean).map(Number);
const log = elapsedLog();
const { papers } = await readPapers(DATA);
const rows = tuneCategoryNetwork(papers, {
  from: option('--from', '2025-08-15'),
  cutoff: option('--cutoff', '2025-10-01'),
  limit: Number(option('--limit', '2000')),
  networks: JSON.parse(option('--networks', '[{}]')),
  blends: numbers(option('--blends', '0.25,0.4,0.6')),
  mixes: numbers(option('--mixes', '0.5')),
  authorVotes: JSON.parse(option('--author-votes', '[]')),
  authorWeights: numbers(option('--author-weights', '0.1,0.2,0.4')),
  priorPowers: numbers(option('--prior-powers', '')),
  log,
});
for (const r of rows) console.log(`${String(r.top1).padEnd(6)} ${String(r.top3).padEnd(6)} ${r.setting}`);
