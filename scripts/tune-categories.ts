// Chooses the learned category model's settings and its blend with the neighbour vote on the validation split (papers
// from 2025-08-15 to 2025-10-01 against the earlier ones), never on the evaluation's queries. Prints one row a setting.
//   npx tsx scripts/tune-categories.ts [--data FILE] [--variants JSON] [--entries 200000,500000] [--blends 0.5,1] [--related-weights 0.4,0.6]
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { tuneCategoryLinear } from '../src/eval/tuneValidation.ts';
import { useShippedTopicModel } from '../src/cli/topicModel.ts';
import { elapsedLog, option } from './option.ts';

useShippedTopicModel();

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const numbers = (s: string) => s.split(',').filter(Boolean).map(Number);
const log = elapsedLog();
const { papers } = await readPapers(DATA);
const rows = tuneCategoryLinear(papers, {
  from: option('--from', '2025-08-15'),
  cutoff: option('--cutoff', '2025-10-01'),
  limit: Number(option('--limit', '2000')),
  variants: JSON.parse(option('--variants', '[{}]')),
  entries: numbers(option('--entries', '500000')),
  blends: numbers(option('--blends', '0.5,0.7,1')),
  relatedWeights: numbers(option('--related-weights', '')),
  log,
});
for (const r of rows) console.log(`${String(r.top1 ?? r.primary).padEnd(6)} ${String(r.top3 ?? r.any).padEnd(6)} ${r.setting}`);
