// `npm run eval:topics`: how far learned topic tags generalise beyond the seed terms, on a time split of
// ../shared/data (learn from papers before 2025-10-01, test on later ones). Prints the figures and a sample of tags
// with the terms that earned them; `--json FILE` also writes the full report.
//   npm run eval:topics -- [--data FILE] [--cutoff YYYY-MM-DD] [--limit N] [--sample N] [--terms-per-topic N] [--json FILE]
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { runTopicEval, type TopicEvalReport } from '../src/eval/topicEval.ts';
import { machineLine, table } from '../tests/bench/machine.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const CUTOFF = option('--cutoff', '2025-10-01');
const LIMIT = option('--limit', '');
const JSON_OUT = option('--json', '');
const f3 = (x: number) => x.toFixed(3);

export function topicTable(r: TopicEvalReport): string {
  return table([
    { measure: '(a) masked recall@3: seed topic among learned tags, seed terms hidden', 'seed terms only': f3(r.masked.seedOnlyRecallAt3), 'with learned': f3(r.masked.recallAt3) },
    { measure: '    same, 3 best-scoring topics (threshold ignored)', 'seed terms only': '', 'with learned': f3(r.masked.rankedRecallAt3) },
    { measure: '    seed-tagged papers with >= 1 seed topic found', 'seed terms only': '0.000', 'with learned': f3(r.masked.paperHitRate) },
    { measure: '    learned tags on masked text that are seed topics', 'seed terms only': '', 'with learned': f3(r.masked.precision) },
    { measure: '(b) agreement with seed tags, full text: precision', 'seed terms only': '1.000', 'with learned': f3(r.agreement.precision) },
    { measure: '    recall', 'seed terms only': '1.000', 'with learned': f3(r.agreement.recall) },
    { measure: '    learned part alone: precision', 'seed terms only': '', 'with learned': f3(r.learnedOnlyAgreement.precision) },
    { measure: '    learned part alone: recall', 'seed terms only': '', 'with learned': f3(r.learnedOnlyAgreement.recall) },
    { measure: '(c) coverage: papers with >= 1 topic', 'seed terms only': f3(r.coverage.seedOnly), 'with learned': f3(r.coverage.withLearned) },
    { measure: '    of papers without seed tags, now tagged', 'seed terms only': '0.000', 'with learned': f3(r.coverage.ofSeedUntagged) },
    { measure: '    topic tags per paper', 'seed terms only': r.tagsPerPaper.seedOnly.toFixed(2), 'with learned': r.tagsPerPaper.withLearned.toFixed(2) },
  ]);
}

export function sampleText(r: TopicEvalReport): string {
  return r.sample
    .map((s, i) => {
      const tags = s.tags.length ? s.tags.map((t) => `    ${t.label} (${t.confidence.toFixed(2)}): ${t.terms.join(', ')}`).join('\n') : '    (no topic)';
      return `${i + 1}. [${s.text}] ${s.shown}\n    seed tagger: ${s.seedTopics.join(', ') || '(none)'}\n${tags}`;
    })
    .join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`eval:topics: ${DATA} not found; nothing to evaluate`);
    return;
  }
  const started = Date.now();
  console.log(machineLine());
  const { papers } = await readPapers(DATA);
  const report = runTopicEval(
    papers,
    {
      cutoff: CUTOFF,
      testLimit: LIMIT ? Number(LIMIT) : undefined,
      sampleSize: Number(option('--sample', '12')),
      train: {
        termsPerTopic: Number(option('--terms-per-topic', '400')),
        epochs: Number(option('--epochs', '4')),
      },
    },
    (line) => console.log(line),
  );
  const t = report.training;
  console.log(
    `data: ${DATA}; time split at ${CUTOFF}: trained on ${report.trainPapers} papers (${t.trainPapers} fit, ${t.heldOutPapers} held out to calibrate), tested on ${report.testPapers} (${report.seedTagged} with seed tags)`,
  );
  console.log(
    `model: ${t.vocabulary} terms, ${t.weights} weights, threshold ${t.threshold} (held-out precision ${f3(t.heldOut.precision)}, recall ${f3(t.heldOut.recall)} against seed tags)\n`,
  );
  console.log(`held-out trade-off (learned part alone vs seed tags): ${t.curve.map((c) => `${c.threshold.toFixed(1)}: P ${f3(c.precision)} R ${f3(c.recall)}`).join('; ')}\n`);
  console.log(topicTable(report));
  console.log(`\nsample (terms that earned each tag; ▪ marks a hidden seed term):\n${sampleText(report)}`);
  console.log(`\nseconds: training ${report.seconds.training.toFixed(1)}, testing ${report.seconds.testing.toFixed(1)}; run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
