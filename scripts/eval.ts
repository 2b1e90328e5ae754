// `npm run eval`: Paperscope against an arxiv-sanity-style tf-idf baseline on ../shared/data, with a time split
// (papers from 2025-10-01 on are the queries, earlier ones the catalogue). Prints the machine, a side-by-side table
// and the run time; `--json FILE` also writes the full report. Then personal ranking: simulated readers made from the
// same split (src/eval/personalReaders.ts, as scripts/make-readers.ts makes them), the test readers' feeds ranked by
// Paperscope's interest model beside arxiv-sanity-lite's SVM (`--personal-only` runs only that part).
//   npm run eval -- [--data FILE] [--cutoff YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json FILE] [--personal-only]
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { personalTable, readPapers } from '../src/cli/eval.ts';
import { runPersonalEval } from '../src/eval/personalEval.ts';
import { makeReaders, VALIDATION_READERS } from '../src/eval/personalReaders.ts';
import { runEval, timeSplit, type EvalReport } from '../src/eval/runEval.ts';
import { MIN_SHOWN_CONFIDENCE } from '../src/core/categories/predictedTag.ts';
import { machineLine, table } from '../tests/bench/machine.ts';
import { option } from './option.ts';
import { useShippedTopicModel } from '../src/cli/topicModel.ts';

useShippedTopicModel();

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const CUTOFF = option('--cutoff', '2025-10-01');
// The validation split: only papers dated before UNTIL, so `--until 2025-10-01 --cutoff 2025-08-15` never reads the test queries.
const UNTIL = option('--until', '');
const LIMIT = Number(option('--limit', '2000'));
const JSON_OUT = option('--json', '');

const f3 = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

export function reportTable(r: EvalReport): string {
  const c = r.category;
  const rows: Array<Record<string, string>> = [];
  const row = (metric: string, ours: number, theirs: number, aim: string, fmt = f3, delta = true) =>
    rows.push({ metric, paperscope: fmt(ours), 'tf-idf baseline': fmt(theirs), delta: delta ? signed(ours - theirs) : '', aim });
  row('category top-1 (vs linear)', c.paperscope.top1!, c.tfidfLinear.top1!, '>= baseline');
  row('category top-3 (vs linear)', c.paperscope.top3!, c.tfidfLinear.top3!, '>= baseline');
  row('category top-1 (vs 20-NN vote)', c.paperscope.top1!, c.tfidfKnn20.top1!, '');
  row('category top-3 (vs 20-NN vote)', c.paperscope.top3!, c.tfidfKnn20.top3!, '');
  row('  learned model alone (int8): top-1', c.paperscopeLinear.top1!, c.tfidfLinear.top1!, '');
  row('  learned model alone (int8): top-3', c.paperscopeLinear.top3!, c.tfidfLinear.top3!, '');
  row('  learned model alone (float): top-1', c.paperscopeLinearFloat.top1!, c.tfidfLinear.top1!, '');
  row('  learned model alone (float): top-3', c.paperscopeLinearFloat.top3!, c.tfidfLinear.top3!, '');
  row('  vote + centroids alone: top-1', c.paperscopeVote.top1!, c.tfidfLinear.top1!, '');
  row('  vote + centroids alone: top-3', c.paperscopeVote.top3!, c.tfidfLinear.top3!, '');
  row('  Paperscope vote only: top-1 (vs linear)', c.paperscopeVoteOnly.top1!, c.tfidfLinear.top1!, '');
  row('  Paperscope vote only: top-3 (vs linear)', c.paperscopeVoteOnly.top3!, c.tfidfLinear.top3!, '');
  row(`related P@${r.related.k}, same primary`, r.related.paperscope.primary, r.related.tfidf.primary, '>= +0.030');
  row(`related P@${r.related.k}, any shared category`, r.related.paperscope.any, r.related.tfidf.any, '>= +0.030');
  row('matching precision (vs exact lowercase)', r.matching.paperscope.precision, r.matching.exactLowercase.precision, '1.000');
  row('matching recall (vs exact lowercase)', r.matching.paperscope.recall, r.matching.exactLowercase.recall, '>= 0.990');
  const ms = (x: number) => x.toFixed(2);
  row('related query p50 ms', r.latency.paperscope.p50Ms, r.latency.tfidf.p50Ms, '', ms, false);
  row('related query p95 ms', r.latency.paperscope.p95Ms, r.latency.tfidf.p95Ms, '', ms, false);
  return table(rows);
}

/** Each predictor's first category by its raw probability: papers, how often right, and the calibration points. */
export function reliabilityTable(r: EvalReport): string {
  const rows = Object.entries(r.category.predicted).flatMap(([source, p]) =>
    p.bins.map((b) => ({
      predictor: source,
      'probability from': b.from.toFixed(2),
      papers: b.papers,
      'mean probability': f3(b.meanProbability),
      'first is the primary': f3(b.primary),
      'first is listed': f3(b.listed),
    })),
  );
  return table(rows);
}

/** What a badge shows of each predictor's first category at each calibrated-confidence threshold. */
export function shownTable(r: EvalReport): string {
  const rows = Object.entries(r.category.predicted).flatMap(([source, p]) =>
    p.shown.map((s) => ({
      predictor: source,
      'shown at confidence >=': `${s.minConfidence}${s.minConfidence === MIN_SHOWN_CONFIDENCE ? ' (shipped)' : ''}`,
      'papers shown': `${(100 * s.shown).toFixed(1)}%`,
      'shown is the primary': f3(s.shownPrimary),
      'shown is listed': f3(s.shownListed),
      ...Object.fromEntries(s.runnersUp.map((u) => [`runner-up at ${u.ratio}x: named / primary named`, `${(100 * u.withRunnerUp).toFixed(1)}% / ${f3(u.primaryNamed)}`])),
    })),
  );
  return table(rows);
}

export function kindTable(r: EvalReport): string {
  return table(
    Object.entries(r.matching.byKind).map(([kind, k]) => ({
      'title form': kind,
      positives: k.positives,
      'paperscope recall': f3(k.paperscopeRecall),
      'exact-lowercase recall': f3(k.baselineRecall),
      negatives: k.negatives,
      'paperscope wrong matches': k.paperscopeFp,
      'exact-lowercase wrong matches': k.baselineFp,
    })),
  );
}

/** Personal ranking on the test readers of the same split (the validation readers are where weights were chosen). */
function personal(papers: Parameters<typeof makeReaders>[0], catalogue: Parameters<typeof runPersonalEval>[0], log: (line: string) => void): void {
  const started = performance.now();
  const readers = makeReaders(papers, { cutoff: CUTOFF });
  const test = readers.slice(VALIDATION_READERS);
  log(`personal ranking: ${readers.length} readers, ${test.length} test readers`);
  const report = runPersonalEval(catalogue, test, { log });
  console.log(`personal ranking: ${test.length} test readers (of ${readers.length}; the first ${VALIDATION_READERS} are validation), time split at ${CUTOFF}`);
  for (const line of personalTable(report)) console.log(line);
  console.log(`personal ranking: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`eval: ${DATA} not found; skipping (the evaluation needs the shared arXiv data set)`);
    return;
  }
  const started = performance.now();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  const log = (line: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
  try {
    const read = await readPapers(DATA);
    const { rejected } = read;
    const papers = UNTIL ? read.papers.filter((p) => p.date && p.date < UNTIL) : read.papers;
    const { catalogue, queries, undated } = timeSplit(papers, CUTOFF);
    log(`read ${papers.length} papers (${rejected} rejected, ${undated} undated): ${catalogue.length} before ${CUTOFF}, ${queries.length} from it on`);
    if (process.argv.includes('--personal-only')) {
      personal(papers, catalogue, log);
      return;
    }
    const report = runEval(catalogue, queries, { queryLimit: LIMIT, log });
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const total = (performance.now() - started) / 1000;
    console.log(machineLine());
    console.log(
      `data: ${DATA}; time split at ${CUTOFF}: catalogue ${report.papers.catalogue} papers (${report.papers.categories} categories), ` +
        `queries ${report.papers.queriesWithCategories} of ${report.papers.queries} (seeded sample; ${report.papers.queriesSkippedInCatalogue} already in the catalogue)`,
    );
    console.log(
      `matching: ${report.matching.paperscope.positives} noisy titles of ${Math.round(report.matching.byKind.exact?.positives ?? 0)} catalogue papers; ` +
        `${report.matching.paperscope.negatives} titles of ${report.matching.closeNegatives} close and ${report.matching.plainNegatives} plain held-out papers ` +
        `(${report.matching.indistinguishableNegatives} cut forms left out: the page would show them exactly as a catalogue paper, same cut title, authors and year; ` +
        `Paperscope matches ${report.matching.indistinguishableMatched} of them)`,
    );
    console.log('');
    console.log(reportTable(report));
    console.log('');
    console.log('Predicted categories: how often the first is right, by its raw probability (bins of 0.05)');
    console.log(reliabilityTable(report));
    console.log('Calibration points (raw probability, share right), for src/core/categories/calibration.ts:');
    for (const [source, p] of Object.entries(report.category.predicted)) console.log(`  ${source}: ${JSON.stringify(p.calibration)}`);
    console.log('');
    console.log('Predicted categories as a badge shows them, by calibrated confidence');
    console.log(shownTable(report));
    console.log('');
    console.log(kindTable(report));
    console.log('');
    for (const w of report.matching.wrongMatches) {
      const who = (a?: string[]) => (a?.length ? `; ${a.join(', ')}` : '');
      const paper = (p: typeof w.shown) => `"${p.title}"${who(p.authors)}${p.year ? `; ${p.year}` : ''}`;
      console.log(`wrong match (${w.truth ? 'positive' : 'negative'}, ${w.kind}): page showed ${paper(w.shown)}`);
      console.log(`  taken for ${paper(w.matched)}`);
      if (w.truth) console.log(`  which is ${paper(w.truth)}`);
    }
    if (report.matching.wrongMatches.length) console.log('');
    const s = report.seconds;
    console.log(
      `seconds: Paperscope build ${s.paperscopeBuild}, category model training ${s.categoryTrain}, tf-idf fit ${s.tfidfFit}, linear training ${s.linearTrain}, queries ${s.queries}, matching ${s.matching}`,
    );
    console.log(`run time ${total.toFixed(1)} s (reading included), peak memory ${Math.round(peak / 2 ** 20)} MB`);
    if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
    console.log('');
    personal(papers, catalogue, log);
  } finally {
    clearInterval(sampler);
  }
}

await main();
