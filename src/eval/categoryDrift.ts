// How much of the category model's error on later papers comes from the category mix moving under it: the primary
// categories' shares month by month, the shipped linear model trained up to two dates and scored on the same later
// papers, and what correcting the category priors would give, from the weeks before (possible) and from the queries'
// own labels (a ceiling no predictor can reach). Run by scripts/category-drift.ts; docs/QUALITY.md reports it.
import { probabilitiesOf } from '../core/categories/categoryModel.ts';
import type { TfidfRow } from '../core/categories/tfidf.ts';
import { CATEGORY_TRAINING, trainCategoryLinear } from '../training/categoryModelTraining.ts';
import type { LinearModel } from '../training/linearClassifier.ts';
import { round, TopKAccuracy } from './metrics.ts';
import { dedupe, sample, type EvalPaper } from './runEval.ts';

export interface DriftOptions {
  /** Queries are dated from `from` (inclusive) to `cutoff` (exclusive). */
  from: string;
  cutoff: string;
  /** The earlier training end: a second model learns only from papers before it. */
  earlier: string;
  limit?: number;
  seed?: number;
  /** Categories shown in the month table (default: the most common primaries of the queries' span and before). */
  categories?: number;
  log?: (line: string) => void;
}

export interface MonthMix {
  month: string;
  papers: number;
  /** Share of the month's papers with each shown category as primary. */
  shares: number[];
}

export interface DriftRow {
  setting: string;
  queries: number;
  top1: number;
  top3: number;
  /** Share whose first category is one the authors listed (primary or cross-list): not the aim, the ambiguity. */
  firstListed: number;
}

export interface DriftReport {
  categories: string[];
  months: MonthMix[];
  rows: DriftRow[];
}

/** Per month (YYYY-MM) from `since` on, the share of categorised papers whose primary is each of `categories`. */
export function categoryMixByMonth(papers: readonly EvalPaper[], since: string, until: string, categories: readonly string[]): MonthMix[] {
  const at = new Map(categories.map((c, i) => [c, i]));
  const byMonth = new Map<string, { papers: number; counts: number[] }>();
  for (const p of papers) {
    const primary = p.categories?.[0];
    if (!p.date || !primary || p.date < since || p.date >= until) continue;
    const month = p.date.slice(0, 7);
    let m = byMonth.get(month);
    if (!m) byMonth.set(month, (m = { papers: 0, counts: categories.map(() => 0) }));
    m.papers++;
    const i = at.get(primary);
    if (i !== undefined) m.counts[i]!++;
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, m]) => ({ month, papers: m.papers, shares: m.counts.map((n) => round(n / m.papers, 3)) }));
}

/**
 * One additive bias per class on log-probabilities, fitted by gradient descent on the cross-entropy of the labelled
 * rows (truth −1: not a class of the model, skipped): the prior correction that best fits those papers.
 */
export function fitClassBiases(logProbabilities: readonly Float64Array[], truth: readonly number[], steps = 400, rate = 0.5): Float64Array {
  const C = logProbabilities[0]?.length ?? 0;
  const bias = new Float64Array(C);
  const labelled = truth.filter((t) => t >= 0).length;
  if (!labelled) return bias;
  const p = new Float64Array(C);
  const gradient = new Float64Array(C);
  // The step grows with the number of classes, as each class's gradient is about 1/C of the total.
  const step = (rate * Math.sqrt(C)) / labelled;
  for (let s = 0; s < steps; s++) {
    gradient.fill(0);
    logProbabilities.forEach((row, n) => {
      const t = truth[n]!;
      if (t < 0) return;
      for (let c = 0; c < C; c++) p[c] = row[c]! + bias[c]!;
      probabilitiesOf(p, 'softmax');
      for (let c = 0; c < C; c++) gradient[c]! += p[c]!;
      gradient[t]! -= 1;
    });
    for (let c = 0; c < C; c++) bias[c]! -= step * gradient[c]!;
  }
  return bias;
}

/** Top-1 / top-3 of class scores against primary categories. */
function accuracy(setting: string, scores: readonly Float64Array[], classes: readonly string[], listed: readonly string[][]): DriftRow {
  const acc = new TopKAccuracy();
  let firstListed = 0;
  scores.forEach((s, n) => {
    const top = [...s.keys()]
      .sort((a, b) => s[b]! - s[a]! || a - b)
      .slice(0, 3)
      .map((c) => classes[c]!);
    acc.add(top, listed[n]![0]!);
    if (listed[n]!.includes(top[0]!)) firstListed++;
  });
  const r = acc.result();
  return { setting, queries: scores.length, top1: r.top1!, top3: r.top3!, firstListed: round(firstListed / Math.max(1, scores.length)) };
}

const FLOOR = Math.log(1e-12);

/** The float linear model's log-probabilities of each paper (papers without known terms: all equal). */
function logProbabilities(model: LinearModel, vector: (p: EvalPaper) => TfidfRow, papers: readonly EvalPaper[]): Float64Array[] {
  return papers.map((p) => {
    const row = vector(p);
    const probabilities = row.ids.length ? model.probabilities(row) : new Float64Array(model.classes.length).fill(1 / model.classes.length);
    return probabilities.map((x) => (x > 0 ? Math.max(FLOOR, Math.log(x)) : FLOOR));
  });
}

/** Adds a bias vector (indexed by `biasClasses`) to scores over `classes`. */
function withBiases(scores: readonly Float64Array[], classes: readonly string[], bias: Float64Array, biasClasses: readonly string[]): Float64Array[] {
  const at = new Map(biasClasses.map((c, i) => [c, i]));
  const b = Float64Array.from(classes, (c) => bias[at.get(c) ?? -1] ?? 0);
  return scores.map((s) => s.map((x, c) => x + b[c]!));
}

export function categoryDrift(papers: readonly EvalPaper[], options: DriftOptions): DriftReport {
  const log = options.log ?? (() => undefined);
  const all = dedupe(papers.filter((p) => p.title && p.date && p.date < options.cutoff && p.categories?.length));
  const before = all.filter((p) => p.date! < options.from);
  const earlier = before.filter((p) => p.date! < options.earlier);
  const recent = before.filter((p) => p.date! >= options.earlier);
  const queries = sample(
    all.filter((p) => p.date! >= options.from),
    options.limit ?? 4000,
    options.seed ?? 1,
  );
  queries.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  const truths = queries.map((q) => q.categories![0]!);
  const listed = queries.map((q) => q.categories!);
  log(`${before.length} papers before ${options.from} (${earlier.length} before ${options.earlier}); ${queries.length} queries to ${options.cutoff}`);

  // Month table: the shown categories are the commonest primaries from six months before `earlier` on.
  const since = new Date(`${options.earlier}T00:00:00Z`);
  since.setUTCMonth(since.getUTCMonth() - 6);
  const sinceDay = since.toISOString().slice(0, 10);
  const counts = new Map<string, number>();
  for (const p of all) if (p.date! >= sinceDay) counts.set(p.categories![0]!, (counts.get(p.categories![0]!) ?? 0) + 1);
  const categories = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.categories ?? 8)
    .map(([c]) => c);
  const months = categoryMixByMonth(all, sinceDay.slice(0, 7), options.cutoff, categories);

  const train = (set: readonly EvalPaper[], name: string) => {
    const started = performance.now();
    const { float } = trainCategoryLinear(set, CATEGORY_TRAINING);
    log(`trained on ${set.length} papers ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const model = float.model as LinearModel;
    return { model, scores: (ps: readonly EvalPaper[]) => logProbabilities(model, (p) => float.vectorizer.vector(p), ps) };
  };
  const rows: DriftRow[] = [];
  const now = train(before, `before ${options.from}`);
  const nowScores = now.scores(queries);
  rows.push(accuracy(`trained on papers before ${options.from}`, nowScores, now.model.classes, listed));
  const old = train(earlier, `before ${options.earlier}`);
  const oldScores = old.scores(queries);
  rows.push(accuracy(`trained on papers before ${options.earlier} (the same queries)`, oldScores, old.model.classes, listed));
  // A prior correction anyone could make: the older model's biases fitted on the labelled papers of the weeks between.
  const classIndex = (classes: readonly string[]) => {
    const at = new Map(classes.map((c, i) => [c, i]));
    return (c: string) => at.get(c) ?? -1;
  };
  const oldClass = classIndex(old.model.classes);
  const recentBias = fitClassBiases(
    old.scores(recent),
    recent.map((p) => oldClass(p.categories![0]!)),
  );
  rows.push(
    accuracy(
      `trained before ${options.earlier}, priors fitted on ${recent.length} papers from ${options.earlier} to ${options.from}`,
      withBiases(oldScores, old.model.classes, recentBias, old.model.classes),
      old.model.classes,
      listed,
    ),
  );
  rows.push(accuracy(`trained before ${options.from}, with those priors`, withBiases(nowScores, now.model.classes, recentBias, old.model.classes), now.model.classes, listed));
  // Priors fitted on some queries' own labels, scored on the others: the queries' earlier half against their later
  // half (does a prior hold for a few weeks?), and every other query against the rest (the same weeks: a ceiling).
  const nowClass = classIndex(now.model.classes);
  const ownPriors = (fittedOn: (n: number) => boolean, label: string, setting: string) => {
    const scoredAt = queries.map((_q, n) => n).filter((n) => !fittedOn(n));
    const fittedAt = queries.map((_q, n) => n).filter(fittedOn);
    const bias = fitClassBiases(
      fittedAt.map((n) => nowScores[n]!),
      fittedAt.map((n) => nowClass(truths[n]!)),
    );
    const scored = scoredAt.map((n) => nowScores[n]!);
    const scoredTruths = scoredAt.map((n) => listed[n]!);
    rows.push(accuracy(`trained before ${options.from}, ${label}`, scored, now.model.classes, scoredTruths));
    rows.push(accuracy(setting, withBiases(scored, now.model.classes, bias, now.model.classes), now.model.classes, scoredTruths));
  };
  const half = Math.floor(queries.length / 2);
  ownPriors((n) => n < half, 'the later half of the queries (by date)', "the same, priors fitted on the earlier half's own labels");
  ownPriors((n) => n % 2 === 0, 'every other query', "the same, priors fitted on the other queries' own labels (the same weeks: a ceiling)");
  return { categories, months, rows };
}
