// How the category mix moves under the category model (src/eval/categoryDrift.ts): month shares of the commonest
// primaries, the shipped linear settings trained up to two dates and scored on the same later papers, and prior
// corrections from the weeks before and (a ceiling) from the queries' own labels. Two trainings: 4 to 6 minutes.
//   npx tsx scripts/category-drift.ts [--data FILE] [--earlier 2025-07-01] [--from 2025-08-15] [--cutoff 2025-10-01] [--limit 4000]
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { categoryDrift } from '../src/eval/categoryDrift.ts';
import { elapsedLog, option } from './option.ts';

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const log = elapsedLog();
const { papers } = await readPapers(DATA);
const report = categoryDrift(papers, {
  earlier: option('--earlier', '2025-07-01'),
  from: option('--from', '2025-08-15'),
  cutoff: option('--cutoff', '2025-10-01'),
  limit: Number(option('--limit', '4000')),
  log,
});
console.log(`| month | papers | ${report.categories.join(' | ')} |`);
console.log(`| --- | ---: | ${report.categories.map(() => '---:').join(' | ')} |`);
for (const m of report.months) console.log(`| ${m.month} | ${m.papers} | ${m.shares.map((s) => `${(100 * s).toFixed(1)}%`).join(' | ')} |`);
console.log('');
console.log('| setting | queries | top-1 | top-3 | first category one the authors listed |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of report.rows) console.log(`| ${r.setting} | ${r.queries} | ${r.top1} | ${r.top3} | ${r.firstListed} |`);
