// `npm run train:topics`: learns the topic model from a catalogue file (any input the catalogue builder reads; by
// default ../shared/data/arxiv-before-2026.jsonl.gz) and writes assets/models/topics.json: term weights and their
// vocabulary only, never papers. Rerun it after changing the taxonomy's seed terms.
//   npm run train:topics -- [--in FILE] [--out FILE] [--before YYYY-MM-DD] [--terms-per-topic N] [--epochs N]
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { learnTopicModel } from '../src/training/topicModelTraining.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const IN = resolve(process.cwd(), option('--in', '../shared/data/arxiv-before-2026.jsonl.gz'));
const OUT = resolve(process.cwd(), option('--out', 'assets/models/topics.json'));
const BEFORE = option('--before', '');

async function main(): Promise<void> {
  const started = Date.now();
  const { papers, rejected } = await readPapers(IN);
  const used = BEFORE ? papers.filter((p) => p.date !== undefined && p.date < BEFORE) : papers;
  console.log(`read ${papers.length} papers from ${IN} (${rejected} rejected)${BEFORE ? `, ${used.length} before ${BEFORE}` : ''}`);
  if (used.length < 20) throw new Error('too few papers to learn topics from');
  const { data, report } = learnTopicModel(used, {
    trainedOn: `${basename(IN)}${BEFORE ? ` before ${BEFORE}` : ''}`,
    termsPerTopic: Number(option('--terms-per-topic', '400')),
    epochs: Number(option('--epochs', '4')),
    onProgress: (line) => console.log(`  ${line}`),
  });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(data)}\n`);
  console.log(JSON.stringify(report, null, 2));
  console.log(`wrote ${OUT}: ${(statSync(OUT).size / 1024).toFixed(1)} KB, ${report.vocabulary} terms, ${report.weights} weights`);
  console.log(`run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
