// The evaluation: Paperscope's methods and an arxiv-sanity-style tf-idf baseline, side by side, on one catalogue and
// one set of query papers (a time split): categories, related papers, title matching and query latency.
import { readCatalogue } from '../core/catalogue/artifact.ts';
import type { ParsedPaper } from '../core/catalogue/formats/types.ts';
import { CatalogueBuilder } from '../core/catalogue/builder.ts';
import { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { LINEAR_BLEND } from '../core/categories/prediction.ts';
import { calibratedConfidence, type CategorySource } from '../core/categories/calibration.ts';
import { MIN_SHOWN_CONFIDENCE } from '../core/categories/predictedTag.ts';
import { NeighbourVote, VOTE_ONLY_OPTIONS } from '../core/categories/neighbourVote.ts';
import { ELLIPSIS, mainTitleOf } from '../core/identity/matcher.ts';
import type { PaperRef } from '../core/paper.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import { RelatedIndex } from '../core/related/relatedIndex.ts';
import { normalizeTitle } from '../core/identity/titles.ts';
import { latencySummary, MatchCounts, RelatedPrecision, Reliability, round, ShownCategory, TopKAccuracy } from './metrics.ts';
import { closeNegatives, NOISE_KINDS, noisyVariants } from './noisyTitles.ts';
import { CATEGORY_TRAINING, trainCategoryLinear, type CategoryTrainingOptions } from '../training/categoryModelTraining.ts';
import { mulberry32 } from '../training/random.ts';
import { fitTfidf } from '../training/tfidfFitting.ts';
import { ARXIV_SANITY_OPTIONS, knnVote, LinearClassifier, TfidfNeighbours } from './tfidfBaseline.ts';

/** A paper as the evaluation reads it: what the parsers give, plus an optional ISO date for time splits. */
export interface EvalPaper extends ParsedPaper {
  date?: string;
}

export interface EvalOptions {
  /** At most this many query papers (a seeded sample, kept in input order); all when undefined. */
  queryLimit?: number;
  /** Catalogue papers whose titles are made noisy for matching. */
  matchPositives?: number;
  /** At most this many close-title negatives, plus half as many plain held-out titles. */
  matchNegatives?: number;
  /** Related neighbours per query (precision@k). */
  k?: number;
  seed?: number;
  log?: (line: string) => void;
  /** Settings of the learned category model trained on the catalogue papers (CATEGORY_TRAINING when left out). */
  categoryTraining?: Partial<CategoryTrainingOptions>;
}

type MatchResult = ReturnType<MatchCounts['result']>;

export interface EvalReport {
  papers: { catalogue: number; queries: number; queriesWithCategories: number; queriesSkippedInCatalogue: number; categories: number };
  category: {
    /** Paperscope's categories as the extension predicts them (CatalogueIndex.predictCategories): the learned linear
     *  model, trained here on the catalogue papers only and pruned/quantized as shipped, blended with the vote. */
    paperscope: Record<string, number>;
    /** The learned model alone, as shipped (pruned, int8), and with all its float weights. */
    paperscopeLinear: Record<string, number>;
    paperscopeLinearFloat: Record<string, number>;
    /** The neighbour vote blended with category centroids (NeighbourVote), the part the learned model is blended with. */
    paperscopeVote: Record<string, number>;
    /** The neighbour vote alone (20 neighbours, primary categories), for comparison. */
    paperscopeVoteOnly: Record<string, number>;
    tfidfLinear: Record<string, number>;
    tfidfKnn20: Record<string, number>;
    /**
     * Each predictor's first category (the blend with the vote, as for a catalogue of 500 papers or more; the learned
     * model alone, as for smaller catalogues and the command line; the vote alone, before the model is loaded): how
     * often right by its raw probability (bins, and the monotone calibration points CATEGORY_CALIBRATION takes), and
     * what a badge shows at each calibrated-confidence threshold (SHOWN_CONFIDENCES).
     */
    predicted: Record<CategorySource, PredictorReport>;
    queries: number;
  };
  related: { k: number; paperscope: { primary: number; any: number }; tfidf: { primary: number; any: number }; queries: number };
  matching: {
    paperscope: MatchResult;
    exactLowercase: MatchResult;
    /** Recall by kind of noise (positives) and wrong matches by kind (negatives), Paperscope then baseline. */
    byKind: Record<string, { positives: number; paperscopeRecall: number; baselineRecall: number; negatives: number; paperscopeFp: number; baselineFp: number }>;
    closeNegatives: number;
    plainNegatives: number;
    /**
     * Cut forms of negatives left out because the page would show them exactly as it shows a catalogue paper: the cut
     * title fits that paper's title, and the authors (and year) shown are that paper's.
     */
    indistinguishableNegatives: number;
    /** Of those, how many Paperscope matches to that catalogue paper anyway (what precision would count if they stayed). */
    indistinguishableMatched: number;
    /**
     * Every wrong match: the form the page showed, the catalogue paper it was taken for, and for a positive the paper
     * it is (a negative is in no catalogue).
     */
    wrongMatches: Array<{ kind: string; shown: ShownPaper; matched: ShownPaper; truth?: ShownPaper }>;
  };
  latency: { paperscope: ReturnType<typeof latencySummary>; tfidf: ReturnType<typeof latencySummary> };
  seconds: { paperscopeBuild: number; categoryTrain: number; tfidfFit: number; linearTrain: number; queries: number; matching: number; total: number };
  settings: { k: number; seed: number; tfidf: string; linear: string; related: string; categoryModel: string; categoryLinear: string };
}

/** A paper as the harness shows it to the matcher, or as the catalogue holds it. */
interface ShownPaper {
  title: string;
  authors?: string[];
  year?: number;
}

/** Papers in input order, one per key; a later record of the same paper replaces the earlier one. */
export function dedupe<T extends ParsedPaper>(papers: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const p of papers) {
    const key = paperKey({ arxivId: p.arxivId, doi: p.doi, title: p.title });
    byKey.delete(key);
    byKey.set(key, p);
  }
  return [...byKey.values()];
}

/** Papers dated before `cutoff` (ISO date) form the catalogue, those on or after it the queries; undated ones are dropped. */
export function timeSplit<T extends EvalPaper>(papers: readonly T[], cutoff: string): { catalogue: T[]; queries: T[]; undated: number } {
  const catalogue: T[] = [];
  const queries: T[] = [];
  let undated = 0;
  for (const p of papers) {
    if (!p.date) undated++;
    else if (p.date >= cutoff) queries.push(p);
    else catalogue.push(p);
  }
  return { catalogue, queries, undated };
}

/** A seeded sample of `n` items, kept in their original order. */
export function sample<T>(items: readonly T[], n: number | undefined, seed: number): T[] {
  if (n === undefined || n >= items.length) return [...items];
  const random = mulberry32(seed);
  const idx = items.map((_x, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, Math.max(0, n))
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

const now = () => performance.now();

/** Calibrated confidences the evaluation reports the shown predicted category at (beside MIN_SHOWN_CONFIDENCE). */
const SHOWN_CONFIDENCES = [0, 0.3, 0.4, 0.5, 0.6, 0.7];
/** Runner-up ratios it reports: a runner-up is named at this share of the first's confidence or more. */
const RUNNER_UP_RATIOS = [0.5, 0.7];

export interface PredictorReport {
  bins: ReturnType<Reliability['bins']>;
  calibration: Array<[number, number]>;
  shown: Array<{ minConfidence: number } & ReturnType<ShownCategory['result']>>;
}

/** A predictor's first categories: reliability by raw probability, and what is shown by calibrated confidence. */
class PredictorMeasures {
  private readonly reliability = new Reliability();
  private readonly shown = [...new Set([...SHOWN_CONFIDENCES, MIN_SHOWN_CONFIDENCE])].sort((a, b) => a - b).map((t) => new ShownCategory(t, RUNNER_UP_RATIOS));

  constructor(private readonly source: CategorySource) {}

  add(predicted: ReadonlyArray<{ category: string; probability: number }>, categories: readonly string[]): void {
    this.reliability.add(predicted[0], categories);
    const calibrated = predicted.map((p) => ({ category: p.category, probability: calibratedConfidence(this.source, p.probability) }));
    for (const s of this.shown) s.add(calibrated, categories);
  }

  result(): PredictorReport {
    return {
      bins: this.reliability.bins(),
      calibration: this.reliability.calibration(),
      shown: this.shown.map((s) => ({ minConfidence: s.threshold, ...s.result() })),
    };
  }
}

/** A paper's year: its own, else the year of its date. */
export function yearOf(p: EvalPaper): number | undefined {
  if (p.year) return p.year;
  const y = p.date ? Number(p.date.slice(0, 4)) : NaN;
  return Number.isFinite(y) && y > 0 ? y : undefined;
}
const seconds = (since: number) => round((now() - since) / 1000, 2);

export function runEval(cataloguePapers: readonly EvalPaper[], queryPapers: readonly EvalPaper[], options: EvalOptions = {}): EvalReport {
  const started = now();
  const k = options.k ?? 10;
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => undefined);
  const catalogue = dedupe(cataloguePapers.filter((p) => p.title));
  if (!catalogue.length) throw new Error('the catalogue has no papers');
  const catalogueKeys = new Set(catalogue.map((p) => paperKey({ arxivId: p.arxivId, doi: p.doi, title: p.title })));
  const heldOut = dedupe(queryPapers.filter((p) => p.title));
  const unseen = heldOut.filter((p) => !catalogueKeys.has(paperKey({ arxivId: p.arxivId, doi: p.doi, title: p.title })));
  const queries = sample(
    unseen.filter((p) => p.categories?.length),
    options.queryLimit,
    seed,
  );

  // Paperscope: the packed catalogue, its index (matching, related) and the category model over it.
  let t = now();
  log(`building the Paperscope catalogue of ${catalogue.length} papers`);
  const builder = new CatalogueBuilder({ source: 'eval', withAbstracts: false });
  for (const p of catalogue) builder.add(p);
  const data = readCatalogue(builder.build());
  const index = new CatalogueIndex(data);
  const relatedIndex = new RelatedIndex(data);
  const neighbourVote = new NeighbourVote(data, relatedIndex);
  const voteModel = new NeighbourVote(data, relatedIndex, VOTE_ONLY_OPTIONS);
  const paperscopeBuild = seconds(t);

  // Paperscope's learned category model, trained on the catalogue papers only (never the queries), as the training
  // script trains the shipped one; the index uses its pruned, quantized form, as the extension does.
  t = now();
  const training = { ...CATEGORY_TRAINING, ...options.categoryTraining };
  log(`training Paperscope's category model on ${catalogue.length} papers`);
  const learned = trainCategoryLinear(catalogue, training, { log });
  index.useCategoryModel(learned.shipped);
  const categoryTrain = seconds(t);

  // Baseline: tf-idf over the catalogue, exact neighbours, a linear classifier on primary categories.
  t = now();
  log('fitting the tf-idf baseline');
  const { vectorizer, matrix } = fitTfidf(catalogue, ARXIV_SANITY_OPTIONS);
  const neighbours = new TfidfNeighbours(matrix, vectorizer.terms.length);
  const tfidfFit = seconds(t);
  t = now();
  log(`training the linear classifier (${matrix.rows} papers, ${vectorizer.terms.length} features)`);
  const classifier = new LinearClassifier(
    matrix,
    vectorizer.terms.length,
    catalogue.map((p) => p.categories?.[0]),
  );
  const linearTrain = seconds(t);

  // Queries: related papers (timed), then categories.
  t = now();
  log(`running ${queries.length} queries`);
  const categoriesOf = (i: number) => catalogue[i]!.categories ?? [];
  const primaryOf = (i: number) => catalogue[i]!.categories?.[0];
  const acc = {
    paperscope: new TopKAccuracy(),
    learned: new TopKAccuracy(),
    learnedFloat: new TopKAccuracy(),
    model: new TopKAccuracy(),
    vote: new TopKAccuracy(),
    linear: new TopKAccuracy(),
    knn: new TopKAccuracy(),
  };
  const categoryCodes = data.header.categories;
  const predictors = { blend: new PredictorMeasures('blend'), learned: new PredictorMeasures('learned'), vote: new PredictorMeasures('vote') };
  const rel = { paperscope: new RelatedPrecision(k), tfidf: new RelatedPrecision(k) };
  const ms = { paperscope: [] as number[], tfidf: [] as number[] };
  const refOf = (p: EvalPaper): PaperRef => ({
    key: paperKey({ arxivId: p.arxivId, doi: p.doi, title: p.title }),
    title: p.title,
    ...(p.arxivId ? { arxivId: p.arxivId } : {}),
    ...(p.abstract ? { abstract: p.abstract } : {}),
  });
  // Warm both up (first queries build lazy indexes and decode sections), untimed.
  for (const q of queries.slice(0, 5)) {
    index.relatedTo(refOf(q), k);
    neighbours.nearest(vectorizer.vector(q), k);
  }
  queries.forEach((q, n) => {
    const truth = q.categories!;
    const ref = refOf(q);
    let s = now();
    const ours = index.relatedTo(ref, k);
    ms.paperscope.push(now() - s);
    s = now();
    const theirs = neighbours.nearest(vectorizer.vector(q), k);
    ms.tfidf.push(now() - s);
    // Indexes in the packed catalogue are those of `catalogue` (the builder keeps input order, keys are unique).
    rel.paperscope.add(
      truth,
      ours.map((r) => categoriesOf(r.index)),
    );
    rel.tfidf.add(
      truth,
      theirs.map((r) => categoriesOf(r.index)),
    );

    const known = index.matchIndex(ref);
    const vector = known >= 0 ? relatedIndex.vectorOf(known) : relatedIndex.vectorize(q.title, q.abstract);
    // What a listing shows of a paper: title, abstract and authors (the baseline reads the same three).
    const text = { title: q.title, abstract: q.abstract, authors: q.authors };
    const predicted = index.predictCategories(text, 3, known);
    acc.paperscope.add(
      predicted.map((c) => c.category),
      truth[0]!,
    );
    predictors.blend.add(predicted, truth);
    const learnedTop = learned.shipped.top(text, 3);
    predictors.learned.add(learnedTop, truth);
    // The vote's distribution once: its three best (as NeighbourVote.predict orders them) for both measures.
    const voted = neighbourVote.distribution(vector, known);
    const votedTop = [...voted.keys()]
      .filter((c) => voted[c]! > 0)
      .sort((a, b) => voted[b]! - voted[a]! || (categoryCodes[a]! < categoryCodes[b]! ? -1 : 1))
      .slice(0, 3)
      .map((c) => ({ category: categoryCodes[c]!, probability: voted[c]! }));
    predictors.vote.add(votedTop, truth);
    acc.learned.add(
      learnedTop.map((c) => c.category),
      truth[0]!,
    );
    acc.learnedFloat.add(
      learned.float.top(text, 3).map((c) => c.category),
      truth[0]!,
    );
    acc.model.add(
      votedTop.map((c) => c.category),
      truth[0]!,
    );
    acc.vote.add(
      voteModel.predict(vector, 3, known).map((c) => c.category),
      truth[0]!,
    );
    const row = vectorizer.vector(q);
    acc.linear.add(classifier.top(row, 3), truth[0]!);
    acc.knn.add(knnVote(neighbours.nearest(row, 20), primaryOf, 3), truth[0]!);
    if ((n + 1) % 500 === 0) log(`  ${n + 1} / ${queries.length} queries`);
  });
  const querySeconds = seconds(t);

  // Matching: noisy forms of catalogue titles (positives) against close and plain titles of held-out papers.
  t = now();
  log('matching noisy titles');
  const titles = data.lines('titles');
  const normCount = new Map<string, number>();
  for (const title of titles) {
    const norm = normalizeTitle(title);
    normCount.set(norm, (normCount.get(norm) ?? 0) + 1);
  }
  const lowerIndex = new Map<string, number>();
  titles.forEach((title, i) => {
    const lower = title.toLowerCase();
    lowerIndex.set(lower, lowerIndex.has(lower) ? -1 : i);
  });
  const baselineMatch = (title: string) => lowerIndex.get(title.toLowerCase()) ?? -1;
  // Papers whose title is not unique in the catalogue cannot be matched by title alone: they are not positives.
  const matchable = titles.map((_title, i) => i).filter((i) => normCount.get(normalizeTitle(titles[i]!)) === 1 && normalizeTitle(titles[i]!).length > 0);
  const positives = sample(matchable, options.matchPositives ?? 2000, seed + 1);
  const ours = new MatchCounts();
  const base = new MatchCounts();
  const byKind: EvalReport['matching']['byKind'] = {};
  const kindRow = (kind: string) => (byKind[kind] ??= { positives: 0, paperscopeRecall: 0, baselineRecall: 0, negatives: 0, paperscopeFp: 0, baselineFp: 0 });
  // What a page shows beside a title: Google Scholar rows show the authors and the year, a listing that cuts the
  // subtitle (arXiv-style) shows the authors; the other forms are matched on the title alone.
  const titleRef = (title: string, kind: string, authors: string[], year: number | undefined): PaperRef => {
    const ref: PaperRef = { key: paperKey({ title }), title };
    if ((kind === 'scholar-truncated' || kind === 'subtitle-cut') && authors.length) ref.authors = authors;
    if (kind === 'scholar-truncated' && year) ref.year = year;
    return ref;
  };
  const catalogueAuthors = data.lines('authors');
  const wrongMatches: EvalReport['matching']['wrongMatches'] = [];
  const shownOf = (ref: PaperRef): ShownPaper => ({ title: ref.title, ...(ref.authors ? { authors: ref.authors } : {}), ...(ref.year ? { year: ref.year } : {}) });
  const cataloguePaper = (i: number): ShownPaper => ({
    title: titles[i]!,
    authors: catalogueAuthors[i] ? catalogueAuthors[i]!.split('; ') : [],
    ...(data.years[i] ? { year: data.years[i] } : {}),
  });
  for (const i of positives) {
    const authors = catalogueAuthors[i] ? catalogueAuthors[i]!.split('; ') : [];
    const year = data.years[i] || undefined;
    for (const v of [{ kind: 'exact', title: titles[i]! }, ...noisyVariants(titles[i]!, seed)]) {
      const shown = titleRef(v.title, v.kind, authors, year);
      const got = index.matchIndex(shown);
      const gotBase = baselineMatch(v.title);
      if (got >= 0 && got !== i) wrongMatches.push({ kind: v.kind, shown: shownOf(shown), matched: cataloguePaper(got), truth: cataloguePaper(i) });
      ours.addPositive(i, got);
      base.addPositive(i, gotBase);
      const row = kindRow(v.kind);
      row.positives++;
      if (got === i) row.paperscopeRecall++;
      if (gotBase === i) row.baselineRecall++;
    }
  }
  const heldOutTitles = unseen.map((p) => p.title);
  const close = closeNegatives(titles, heldOutTitles, options.matchNegatives ?? 2000);
  const closeSet = new Set(close.map((c) => c.heldOut));
  const plain = sample(
    heldOutTitles.map((_t, h) => h).filter((h) => !closeSet.has(h) && !normCount.has(normalizeTitle(heldOutTitles[h]!))),
    Math.floor((options.matchNegatives ?? 2000) / 2),
    seed + 2,
  );
  const negatives = [...close.map((c) => c.heldOut), ...plain];
  const authorList = (authors: readonly string[]) => authors.map(normalizeTitle).join('|');
  const byAuthorList = new Map<string, number[]>();
  const normTitles = data.lines('normTitles');
  catalogueAuthors.forEach((line, i) => {
    if (!line) return;
    const key = authorList(line.split('; '));
    const papers = byAuthorList.get(key);
    if (papers) papers.push(i);
    else byAuthorList.set(key, [i]);
  });
  /**
   * Whether a cut form of a negative shows on the page exactly as a catalogue paper would: the same authors (and year,
   * where the form shows one), and a cut title that fits the paper's title as the matcher reads it. Nothing on the
   * page tells the two apart, so, like a cut form that equals a catalogue title, it is not a negative.
   */
  const shownAsCatalogue = (ref: PaperRef, kind: string): boolean => {
    if ((kind !== 'scholar-truncated' && kind !== 'subtitle-cut') || !ref.authors?.length) return false;
    const norm = normalizeTitle(ref.title.replace(ELLIPSIS, ''));
    return (byAuthorList.get(authorList(ref.authors)) ?? []).some((i) => {
      if (ref.year && data.years[i] && ref.year !== data.years[i]) return false;
      return kind === 'scholar-truncated' ? normTitles[i]!.startsWith(`${norm} `) : mainTitleOf(titles[i]!) === norm;
    });
  };
  let indistinguishable = 0;
  let indistinguishableMatched = 0;
  for (const h of negatives) {
    const title = heldOutTitles[h]!;
    const paper = unseen[h]!;
    for (const v of [{ kind: 'exact', title }, ...noisyVariants(title, seed)]) {
      // A cut-down form of a negative that equals a catalogue title is not a negative any more: skip it.
      if (normCount.has(normalizeTitle(v.title))) continue;
      const shown = titleRef(v.title, v.kind, paper.authors ?? [], yearOf(paper));
      if (shownAsCatalogue(shown, v.kind)) {
        indistinguishable++;
        if (index.matchIndex(shown) >= 0) indistinguishableMatched++;
        continue;
      }
      const got = index.matchIndex(shown);
      const gotBase = baselineMatch(v.title);
      ours.addNegative(got);
      base.addNegative(gotBase);
      const row = kindRow(v.kind);
      row.negatives++;
      if (got >= 0) {
        row.paperscopeFp++;
        wrongMatches.push({ kind: v.kind, shown: shownOf(shown), matched: cataloguePaper(got) });
      }
      if (gotBase >= 0) row.baselineFp++;
    }
  }
  for (const row of Object.values(byKind)) {
    row.paperscopeRecall = row.positives ? round(row.paperscopeRecall / row.positives) : 0;
    row.baselineRecall = row.positives ? round(row.baselineRecall / row.positives) : 0;
  }
  const matchingSeconds = seconds(t);

  return {
    papers: {
      catalogue: catalogue.length,
      queries: heldOut.length,
      queriesWithCategories: queries.length,
      queriesSkippedInCatalogue: heldOut.length - unseen.length,
      categories: data.header.categories.length,
    },
    category: {
      paperscope: acc.paperscope.result(),
      paperscopeLinear: acc.learned.result(),
      paperscopeLinearFloat: acc.learnedFloat.result(),
      paperscopeVote: acc.model.result(),
      paperscopeVoteOnly: acc.vote.result(),
      tfidfLinear: acc.linear.result(),
      tfidfKnn20: acc.knn.result(),
      predicted: { blend: predictors.blend.result(), learned: predictors.learned.result(), vote: predictors.vote.result() },
      queries: acc.paperscope.count,
    },
    related: { k, paperscope: rel.paperscope.result(), tfidf: rel.tfidf.result(), queries: rel.paperscope.count },
    matching: {
      paperscope: ours.result(),
      exactLowercase: base.result(),
      byKind: Object.fromEntries(['exact', ...NOISE_KINDS].filter((kind) => byKind[kind]).map((kind) => [kind, byKind[kind]!])),
      closeNegatives: close.length,
      plainNegatives: plain.length,
      indistinguishableNegatives: indistinguishable,
      indistinguishableMatched,
      wrongMatches,
    },
    latency: { paperscope: latencySummary(ms.paperscope), tfidf: latencySummary(ms.tfidf) },
    seconds: { paperscopeBuild, categoryTrain, tfidfFit, linearTrain, queries: querySeconds, matching: matchingSeconds, total: seconds(started) },
    settings: {
      k,
      seed,
      tfidf: 'arxiv-sanity-lite: title+abstract+authors, 1-2 grams, 20k features, min_df 5, max_df 0.1, sublinear tf, l2',
      linear: 'one-vs-rest logistic regression, SGD, alpha 5e-6, 6 epochs, on the same tf-idf, primary category labels',
      related: `CatalogueIndex.relatedTo: ${index.relatedOptions.pool} nearest by packed tf-idf cosine, re-ranked by cosine + ${index.relatedOptions.learnedWeight} x the predicted probability (learned model blended with the vote) of the candidate's primary category (+ ${index.relatedOptions.secondaryWeight} x its other ones)`,
      categoryLinear: `${LINEAR_BLEND} x learned ${training.linear.loss} regression (tf-idf ${JSON.stringify(training.vectorizer)}, alpha ${training.linear.alpha}, ${training.linear.epochs} epochs; ${learned.shipped.info.entries} int8 weights of ${learned.float.info.entries})${training.network ? ` mixed with a network (${JSON.stringify(training.network)})` : ''} + ${Math.round((1 - LINEAR_BLEND) * 100) / 100} x the category model below`,
      categoryModel: `related-index neighbour vote (${neighbourVote.options.neighbours} neighbours, similarity^${neighbourVote.options.power}, secondary categories x${neighbourVote.options.secondaryWeight}) + ${neighbourVote.options.centroidWeight} x category-centroid cosine`,
    },
  };
}
