// The measures of the evaluation: top-k accuracy, precision@k of related papers by category, matching precision and
// recall, latency percentiles. Pure functions over plain values, so the numbers can be checked by hand.

/** Rounds for reports: 4 decimals (0.6912), or NaN as null in JSON. */
export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Accumulates top-1 and top-k accuracy: a prediction list counts at k when the truth is among its first k. */
export class TopKAccuracy {
  count = 0;
  private readonly hits: number[];

  constructor(readonly ks: readonly number[] = [1, 3]) {
    this.hits = ks.map(() => 0);
  }

  add(predicted: readonly string[], truth: string): void {
    this.count++;
    const at = predicted.indexOf(truth);
    this.ks.forEach((k, i) => {
      if (at >= 0 && at < k) this.hits[i]!++;
    });
  }

  /** Accuracy at each k, keyed `top1`, `top3`, …; 0 when nothing was added. */
  result(): Record<string, number> {
    const out: Record<string, number> = {};
    this.ks.forEach((k, i) => (out[`top${k}`] = this.count ? round(this.hits[i]! / this.count) : 0));
    return out;
  }
}

/**
 * What the badge shows of a predicted category: the first category is shown only when its score (a calibrated
 * confidence, against MIN_SHOWN_CONFIDENCE) reaches `threshold`. Counts how often one is shown, how often a shown one is
 * the paper's primary, and how often it is one of the categories the authors listed (primary or cross-list);
 * `firstListed` does the same over all papers. For each ratio r, a shown category also names the runners-up scoring at
 * least r × its score: how often it names any, and how often the primary is the shown one or a named runner-up.
 */
export class ShownCategory {
  private papers = 0;
  private shown = 0;
  private shownPrimary = 0;
  private shownListed = 0;
  private firstListed = 0;
  private readonly withRunnerUp: number[];
  private readonly primaryNamed: number[];

  constructor(
    readonly threshold: number,
    readonly ratios: readonly number[] = [],
  ) {
    this.withRunnerUp = ratios.map(() => 0);
    this.primaryNamed = ratios.map(() => 0);
  }

  /** `predicted`: the likeliest categories, best first. */
  add(predicted: ReadonlyArray<{ category: string; probability: number }>, categories: readonly string[]): void {
    this.papers++;
    const first = predicted[0];
    const listed = first !== undefined && categories.includes(first.category);
    if (listed) this.firstListed++;
    if (!first || first.probability < this.threshold) return;
    this.shown++;
    if (first.category === categories[0]) this.shownPrimary++;
    if (listed) this.shownListed++;
    this.ratios.forEach((r, i) => {
      const runnersUp = predicted.slice(1).filter((p) => p.probability >= r * first.probability);
      if (runnersUp.length) this.withRunnerUp[i]!++;
      if (first.category === categories[0] || runnersUp.some((p) => p.category === categories[0])) this.primaryNamed[i]!++;
    });
  }

  result(): {
    shown: number;
    shownPrimary: number;
    shownListed: number;
    firstListed: number;
    runnersUp: Array<{ ratio: number; withRunnerUp: number; primaryNamed: number }>;
  } {
    const share = (n: number, of: number) => (of ? round(n / of) : 0);
    return {
      shown: share(this.shown, this.papers),
      shownPrimary: share(this.shownPrimary, this.shown),
      shownListed: share(this.shownListed, this.shown),
      firstListed: share(this.firstListed, this.papers),
      runnersUp: this.ratios.map((ratio, i) => ({
        ratio,
        withRunnerUp: share(this.withRunnerUp[i]!, this.shown),
        primaryNamed: share(this.primaryNamed[i]!, this.shown),
      })),
    };
  }
}

/**
 * How often a prediction's first category is right, by its probability: bins of `width` (the last takes 1 too), each
 * with its papers, mean probability and share right (the primary) and listed (any of the paper's categories).
 */
export class Reliability {
  private readonly count: number[];
  private readonly sum: number[];
  private readonly primary: number[];
  private readonly listed: number[];

  constructor(readonly width = 0.05) {
    const bins = Math.ceil(1 / width);
    this.count = new Array(bins).fill(0);
    this.sum = new Array(bins).fill(0);
    this.primary = new Array(bins).fill(0);
    this.listed = new Array(bins).fill(0);
  }

  add(first: { category: string; probability: number } | undefined, categories: readonly string[]): void {
    if (!first) return;
    const b = Math.min(this.count.length - 1, Math.max(0, Math.floor(first.probability / this.width)));
    this.count[b]!++;
    this.sum[b]! += first.probability;
    if (first.category === categories[0]) this.primary[b]!++;
    if (categories.includes(first.category)) this.listed[b]!++;
  }

  /** The non-empty bins, lowest first. */
  bins(): Array<{ from: number; papers: number; meanProbability: number; primary: number; listed: number }> {
    const out: Array<{ from: number; papers: number; meanProbability: number; primary: number; listed: number }> = [];
    this.count.forEach((n, b) => {
      if (n)
        out.push({
          from: round(b * this.width),
          papers: n,
          meanProbability: round(this.sum[b]! / n),
          primary: round(this.primary[b]! / n),
          listed: round(this.listed[b]! / n),
        });
    });
    return out;
  }

  /**
   * (mean probability, share right) points: bins of fewer than `minPapers` joined with their neighbours above (the last
   * ones with the block below), then made non-decreasing by pooling adjacent blocks that break the order, weighted by
   * their papers: a monotone calibration from a model's probability to how often it is right.
   */
  calibration(minPapers = 50): Array<[number, number]> {
    const grouped: Array<{ n: number; p: number; right: number }> = [];
    let open = { n: 0, p: 0, right: 0 };
    this.count.forEach((n, b) => {
      if (!n) return;
      open = { n: open.n + n, p: open.p + this.sum[b]!, right: open.right + this.primary[b]! };
      if (open.n >= minPapers) {
        grouped.push(open);
        open = { n: 0, p: 0, right: 0 };
      }
    });
    if (open.n) {
      const last = grouped.pop();
      grouped.push(last ? { n: last.n + open.n, p: last.p + open.p, right: last.right + open.right } : open);
    }
    const blocks: typeof grouped = [];
    for (const g of grouped) {
      blocks.push(g);
      while (blocks.length > 1) {
        const last = blocks[blocks.length - 1]!;
        const before = blocks[blocks.length - 2]!;
        if (before.right / before.n <= last.right / last.n) break;
        blocks.splice(blocks.length - 2, 2, { n: before.n + last.n, p: before.p + last.p, right: before.right + last.right });
      }
    }
    return blocks.map((k) => [round(k.p / k.n, 3), round(k.right / k.n, 3)]);
  }
}

/**
 * Related precision@k for one query: the share of the first k neighbours that are relevant. Fewer than k neighbours
 * count as misses (a method that returns nothing scores 0, not "undefined").
 */
export function precisionAtK(relevant: readonly boolean[], k: number): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, relevant.length); i++) if (relevant[i]) hits++;
  return hits / k;
}

/** Does the neighbour share the query's primary category (its own primary is the same)? */
export function samePrimary(query: readonly string[], neighbour: readonly string[]): boolean {
  return query.length > 0 && neighbour.length > 0 && query[0] === neighbour[0];
}

/** Do query and neighbour share any category? */
export function shareAny(query: readonly string[], neighbour: readonly string[]): boolean {
  return neighbour.some((c) => query.includes(c));
}

/** Mean precision@k of related lists, by primary category and by any shared category. */
export class RelatedPrecision {
  count = 0;
  private primary = 0;
  private any = 0;

  constructor(readonly k = 10) {}

  add(queryCategories: readonly string[], neighbourCategories: ReadonlyArray<readonly string[]>): void {
    this.count++;
    this.primary += precisionAtK(
      neighbourCategories.map((n) => samePrimary(queryCategories, n)),
      this.k,
    );
    this.any += precisionAtK(
      neighbourCategories.map((n) => shareAny(queryCategories, n)),
      this.k,
    );
  }

  result(): { primary: number; any: number } {
    return { primary: this.count ? round(this.primary / this.count) : 0, any: this.count ? round(this.any / this.count) : 0 };
  }
}

/**
 * Matching outcomes. A positive (a noisy form of a catalogue paper's title) is a true positive when matched to its
 * paper, a false positive when matched to another paper, a false negative when not matched; a negative (a paper
 * that is not in the catalogue) matched to anything is a false positive.
 */
export class MatchCounts {
  tp = 0;
  fp = 0;
  fn = 0;
  negatives = 0;
  positives = 0;

  addPositive(expected: number, got: number): void {
    this.positives++;
    if (got === expected) this.tp++;
    else {
      this.fn++;
      if (got >= 0) this.fp++;
    }
  }

  addNegative(got: number): void {
    this.negatives++;
    if (got >= 0) this.fp++;
  }

  /** Precision is 1 when nothing was matched (no wrong match was made). */
  result(): { precision: number; recall: number; tp: number; fp: number; fn: number; positives: number; negatives: number } {
    const matched = this.tp + this.fp;
    return {
      precision: matched ? round(this.tp / matched) : 1,
      recall: this.positives ? round(this.tp / this.positives) : 0,
      tp: this.tp,
      fp: this.fp,
      fn: this.fn,
      positives: this.positives,
      negatives: this.negatives,
    };
  }
}

/** The q-quantile (0..1) of values, nearest-rank; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function latencySummary(ms: readonly number[]): { p50Ms: number; p95Ms: number; meanMs: number; queries: number } {
  const mean = ms.length ? ms.reduce((a, b) => a + b, 0) / ms.length : NaN;
  return { p50Ms: round(quantile(ms, 0.5), 3), p95Ms: round(quantile(ms, 0.95), 3), meanMs: round(mean, 3), queries: ms.length };
}

/** The reciprocal of the rank (1-based) of the first relevant item in a ranked list; 0 when none is relevant. */
export function reciprocalRank(relevant: readonly boolean[]): number {
  const at = relevant.indexOf(true);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** The share of all relevant items that are in the first k of a ranked list (0 when nothing is relevant). */
export function recallAtK(relevant: readonly boolean[], k: number): number {
  const total = relevant.filter(Boolean).length;
  if (!total) return 0;
  return relevant.slice(0, k).filter(Boolean).length / total;
}

/**
 * ROC AUC: the chance that a random positive scores above a random negative, ties counting half (the Mann-Whitney
 * statistic from average ranks); NaN when either class is empty.
 */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) {
      if (positive[order[j]!]) {
        rankSum += averageRank;
        positives++;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (!positives || !negatives) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** A ranked list's order: indices by score, best first; ties keep the list's own order. */
export function rankedOrder(scores: readonly number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}
