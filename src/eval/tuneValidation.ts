// Choosing the category model's and the related re-ranking's settings on a validation split inside the catalogue's own
// dates (papers from `from` to `cutoff` against the earlier ones), never on the evaluation's query papers. Each query's
// neighbours and centroid cosines are computed once; every setting in the grids is scored from them.
import { NONE16, readCatalogue, type CatalogueData } from '../core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../core/catalogue/builder.ts';
import { RELATED_OPTIONS } from '../core/catalogue/catalogueIndex.ts';
import { AUTHOR_VOTE_OPTIONS, AuthorVote, type AuthorVoteOptions } from './authorVote.ts';
import { NeighbourVote, type NeighbourVoteOptions } from '../core/categories/neighbourVote.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import { RelatedIndex } from '../core/related/relatedIndex.ts';
import { RelatedPrecision, TopKAccuracy } from './metrics.ts';
import { dedupe, sample, type EvalPaper } from './runEval.ts';
import { CATEGORY_TRAINING, pruneToInt8, trainCategoryLinear, type CategoryTrainingOptions } from '../training/categoryModelTraining.ts';
import { trainLinear, type LinearModel } from '../training/linearClassifier.ts';
import { NETWORK_TRAINING, networkProbabilities, quantizeNetwork, trainNetwork, type NetworkOptions } from '../training/networkClassifier.ts';
import { fitTfidf } from '../training/tfidfFitting.ts';
import { ARXIV_SANITY_OPTIONS, TfidfNeighbours } from './tfidfBaseline.ts';

export interface TuneOptions {
  /** Validation queries are dated from `from` (inclusive) to `cutoff` (exclusive); the catalogue is dated before `from`. */
  from: string;
  cutoff: string;
  limit?: number;
  seed?: number;
  log?: (line: string) => void;
  /** Also score the tf-idf baseline's related papers on the validation queries (about 30 s more). */
  baseline?: boolean;
}

export interface TuneRow {
  setting: string;
  [metric: string]: string | number;
}

const POOL = 120;

/**
 * The validation split both tuners use: the catalogue is the papers before `from`, the queries a seeded sample of the
 * categorised papers from `from` to `cutoff` that the catalogue does not hold; the catalogue packed as the CLI packs it.
 */
export function validationSplit(
  papers: readonly EvalPaper[],
  options: { from: string; cutoff: string; limit?: number },
  seed: number,
  log: (line: string) => void,
): { catalogue: EvalPaper[]; queries: EvalPaper[]; data: CatalogueData } {
  const all = dedupe(papers.filter((p) => p.title && p.date && p.date < options.cutoff));
  const catalogue = all.filter((p) => p.date! < options.from);
  const keys = new Set(catalogue.map((p) => paperKey({ arxivId: p.arxivId, doi: p.doi, title: p.title })));
  const queries = sample(
    all.filter((p) => p.date! >= options.from && p.categories?.length && !keys.has(paperKey({ arxivId: p.arxivId, doi: p.doi, title: p.title }))),
    options.limit ?? 2000,
    seed,
  );
  log(`validation: catalogue ${catalogue.length} papers before ${options.from}, ${queries.length} queries from ${options.from} to ${options.cutoff}`);
  const builder = new CatalogueBuilder({ source: 'validation', withAbstracts: false });
  for (const p of catalogue) builder.add(p);
  const data = readCatalogue(builder.build());
  return { catalogue, queries, data };
}

export function tuneOnValidation(papers: readonly EvalPaper[], options: TuneOptions): TuneRow[] {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1;
  const { catalogue, queries, data } = validationSplit(papers, options, seed, log);
  const related = new RelatedIndex(data);
  const C = data.header.categories.length;
  const per = data.header.categoriesPerPaper;
  // Centroid cosines alone (weight 1, no vote).
  const centroidOnly = new NeighbourVote(data, related, { neighbours: 0, centroidWeight: 1 });
  const catIndex = new Map(data.header.categories.map((c, i) => [c, i]));
  const rows: TuneRow[] = [];
  log(`catalogue years known: ${data.years.filter((y) => y > 0).length} of ${data.paperCount}`);

  const prepared = queries.map((q) => {
    const v = related.vectorize(q.title, q.abstract);
    return { truth: q.categories!, near: related.nearestScores(v, POOL), cc: centroidOnly.scores(v) };
  });
  log('neighbours and centroid cosines computed');

  const categoryScores = (q: (typeof prepared)[number], o: NeighbourVoteOptions): Float64Array => {
    const votes = new Float64Array(C);
    let total = 0;
    for (const m of q.near.slice(0, o.neighbours)) {
      const w = m.score ** o.power;
      for (let j = m.index * per; j < (m.index + 1) * per; j++) {
        const c = data.categoryIds[j]!;
        if (c === NONE16) break;
        const x = j === m.index * per ? w : w * o.secondaryWeight;
        votes[c]! += x;
        total += x;
      }
    }
    for (let c = 0; c < C; c++) votes[c] = (total > 0 ? votes[c]! / total : 0) + o.centroidWeight * q.cc[c]!;
    return votes;
  };
  const top = (s: Float64Array, k: number) =>
    [...s.keys()]
      .filter((c) => s[c]! > 0)
      .sort((a, b) => s[b]! - s[a]! || (data.header.categories[a]! < data.header.categories[b]! ? -1 : 1))
      .slice(0, k)
      .map((c) => data.header.categories[c]!);

  // Category model grid.
  for (const neighbours of [30, 45, 60, 90])
    for (const power of [1, 2, 3])
      for (const secondaryWeight of [0.25, 0.5])
        for (const centroidWeight of [0, 1, 2, 3, 4, 6]) {
          const o = { neighbours, power, secondaryWeight, centroidWeight };
          const acc = new TopKAccuracy();
          for (const q of prepared) acc.add(top(categoryScores(q, o), 3), q.truth[0]!);
          const r = acc.result();
          rows.push({ setting: `category ${JSON.stringify(o)}`, top1: r.top1!, top3: r.top3! });
        }
  log('category grid done');

  // Related re-ranking grid, with the category model's distribution (optionally sharpened) as the category signal.
  const categoriesOf = (i: number) => data.categoriesOf(i);
  const plain = new RelatedPrecision(10);
  for (const q of prepared)
    plain.add(
      q.truth,
      q.near.slice(0, 10).map((m) => categoriesOf(m.index)),
    );
  rows.push({ setting: 'related plain (packed tf-idf)', ...plain.result() });
  const models: NeighbourVoteOptions[] = [
    { neighbours: 45, power: 2, secondaryWeight: 0.5, centroidWeight: 3 },
    ...rows
      .filter((r) => r.setting.startsWith('category '))
      .sort((a, b) => (b.top1 as number) - (a.top1 as number))
      .slice(0, 2)
      .map((r) => JSON.parse(r.setting.slice(9)) as NeighbourVoteOptions),
  ];
  for (const model of models) {
    const dists = prepared.map((q) => categoryScores(q, model));
    for (const sharpness of [1, 2, 4])
      for (const pool of [30, 60, 120])
        for (const secondaryWeight of [0, 0.5, 1])
          for (const weight of [0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1.2]) {
            const rel = new RelatedPrecision(10);
            prepared.forEach((q, n) => {
              const s = dists[n]!;
              let total = 0;
              const p = new Float64Array(C);
              for (let c = 0; c < C; c++) total += p[c] = s[c]! > 0 ? s[c]! ** sharpness : 0;
              const ranked = q.near.slice(0, pool).map(({ index, score }) => {
                let a = 0;
                for (let j = index * per; j < (index + 1) * per; j++) {
                  const c = data.categoryIds[j]!;
                  if (c === NONE16) break;
                  a += (j === index * per ? 1 : secondaryWeight) * (total > 0 ? p[c]! / total : 0);
                }
                return { index, s: score + weight * Math.min(1, a) };
              });
              ranked.sort((x, y) => y.s - x.s || x.index - y.index);
              rel.add(
                q.truth,
                ranked.slice(0, 10).map((m) => categoriesOf(m.index)),
              );
            });
            rows.push({ setting: `related ${JSON.stringify({ model, sharpness, pool, secondaryWeight, weight })}`, ...rel.result() });
          }
  }
  log('related grid done');
  void catIndex;

  if (options.baseline) {
    const { vectorizer, matrix } = fitTfidf(catalogue, ARXIV_SANITY_OPTIONS);
    const neighbours = new TfidfNeighbours(matrix, vectorizer.terms.length);
    const rel = new RelatedPrecision(10);
    for (const q of queries) {
      rel.add(
        q.categories!,
        neighbours.nearest(vectorizer.vector(q), 10).map((r) => catalogue[r.index]!.categories ?? []),
      );
    }
    rows.push({ setting: 'related tf-idf baseline', ...rel.result() });
  }
  return rows;
}

export interface CategoryTuneOptions extends TuneOptions {
  /** Training settings to compare (each overrides CATEGORY_TRAINING). */
  variants: Array<Partial<CategoryTrainingOptions>>;
  /** Weights kept by the pruned, quantized model. */
  entries: number[];
  /** Weights of the linear model's probabilities against the neighbour vote's (1 = linear only). */
  blends: number[];
  /** Also score the related re-ranking (RELATED_OPTIONS' pool and secondary weight) with each blend at these weights. */
  relatedWeights?: number[];
}

/**
 * The learned category model on the validation split: each variant trained on the validation catalogue, scored float
 * and pruned/quantized at each size, and blended with the neighbour vote (NeighbourVote.distribution) at each weight.
 */
export function tuneCategoryLinear(papers: readonly EvalPaper[], options: CategoryTuneOptions): TuneRow[] {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1;
  const { catalogue, queries, data } = validationSplit(papers, options, seed, log);
  const related = new RelatedIndex(data);
  const vote = new NeighbourVote(data, related);
  const categories = data.header.categories;
  const near = queries.map((q) => related.nearestScores(related.vectorize(q.title, q.abstract), Math.max(RELATED_OPTIONS.pool, vote.options.neighbours)));
  const votes = queries.map((q, n) => vote.distribution(related.vectorize(q.title, q.abstract), -1, near[n]));
  log('neighbour votes computed');
  const rows: TuneRow[] = [];
  const score = (setting: string, dists: Float64Array[], names: readonly string[]) => {
    const acc = new TopKAccuracy();
    dists.forEach((p, n) => {
      const top = [...p.keys()]
        .filter((c) => p[c]! > 0)
        .sort((a, b) => p[b]! - p[a]! || a - b)
        .slice(0, 3)
        .map((c) => names[c]!);
      acc.add(top, queries[n]!.categories![0]!);
    });
    const r = acc.result();
    rows.push({ setting, top1: r.top1!, top3: r.top3! });
    log(`  ${setting}: top-1 ${r.top1} top-3 ${r.top3}`);
  };
  // Related P@10 of the pool re-ranked by cosine + weight × agreement with a distribution over the catalogue's categories.
  const per = data.header.categoriesPerPaper;
  const relatedRows = (setting: string, dists: Float64Array[]) => {
    for (const weight of options.relatedWeights ?? []) {
      const rel = new RelatedPrecision(10);
      dists.forEach((p, n) => {
        const ranked = near[n]!.slice(0, RELATED_OPTIONS.pool).map(({ index, score }) => {
          let a = 0;
          for (let j = index * per; j < (index + 1) * per; j++) {
            const c = data.categoryIds[j]!;
            if (c === NONE16) break;
            a += (j === index * per ? 1 : RELATED_OPTIONS.secondaryWeight) * p[c]!;
          }
          return { index, s: score + weight * Math.min(1, a) };
        });
        ranked.sort((x, y) => y.s - x.s || x.index - y.index);
        rel.add(
          queries[n]!.categories!,
          ranked.slice(0, 10).map((m) => data.categoriesOf(m.index)),
        );
      });
      const r = rel.result();
      rows.push({ setting: `related weight ${weight} with ${setting}`, ...r });
      log(`  related weight ${weight} with ${setting}: primary ${r.primary} any ${r.any}`);
    }
  };
  score('neighbour vote + centroids (NeighbourVote)', votes, categories);
  relatedRows('neighbour vote + centroids (NeighbourVote)', votes);
  const catIndex = new Map(categories.map((c, i) => [c, i]));
  for (const variant of options.variants) {
    const o = { ...CATEGORY_TRAINING, ...variant };
    const name = JSON.stringify({ vectorizer: o.vectorizer, linear: o.linear });
    log(`training ${name}`);
    const started = performance.now();
    const { float } = trainCategoryLinear(catalogue, o);
    const trainSeconds = Math.round((performance.now() - started) / 100) / 10;
    const linear = float.model as LinearModel;
    const rowsOf = queries.map((q) => float.vectorizer.vector(q));
    score(
      `linear float ${name} (${trainSeconds} s)`,
      rowsOf.map((r) => (r.ids.length ? linear.probabilities(r) : new Float64Array(linear.classes.length))),
      linear.classes,
    );
    for (const entries of options.entries) {
      const sparse = pruneToInt8(linear, entries);
      const dists = rowsOf.map((r) => (r.ids.length ? sparse.probabilities(r) : new Float64Array(sparse.classes.length)));
      score(`linear int8 ${entries} weights ${name}`, dists, sparse.classes);
      // Blends over the catalogue's categories (a class the catalogue lacks cannot be blended: it is dropped).
      for (const blend of options.blends) {
        const mixed = dists.map((p, n) => {
          const out = votes[n]!.map((v) => (1 - blend) * v);
          p.forEach((x, c) => {
            const at = catIndex.get(sparse.classes[c]!);
            if (at !== undefined) out[at]! += blend * x;
          });
          return out;
        });
        score(`blend ${blend} linear int8 ${entries} + vote ${name}`, mixed, categories);
        relatedRows(`blend ${blend} linear int8 ${entries} + vote`, mixed);
      }
    }
  }
  return rows;
}

export interface NetworkTuneOptions extends TuneOptions {
  /** Network settings to compare (each overrides NETWORK_TRAINING). */
  networks: Array<Partial<NetworkOptions>>;
  /** Weights of the learned probabilities against the neighbour vote's. */
  blends: number[];
  /** Shares of the network within the learned probabilities (the rest: the shipped linear model, int8). */
  mixes: number[];
  /** Author vote settings to try on top of the shipped blend (linear + vote), each at every weight of authorWeights. */
  authorVotes?: Array<Partial<AuthorVoteOptions>>;
  authorWeights?: number[];
  /** Powers γ of a shift to recent category shares, p(c) × (recent share / overall share)^γ, on the shipped blend. */
  priorPowers?: number[];
}

/**
 * The hidden-layer network (src/training/networkClassifier.ts) on the validation split: each setting trained on the
 * validation catalogue's tf-idf rows (the shipped vectorizer), scored alone, mixed with the linear model and blended
 * with the neighbour vote at each weight.
 */
export function tuneCategoryNetwork(papers: readonly EvalPaper[], options: NetworkTuneOptions): TuneRow[] {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 1;
  const { catalogue, queries, data } = validationSplit(papers, options, seed, log);
  const related = new RelatedIndex(data);
  const vote = new NeighbourVote(data, related);
  const categories = data.header.categories;
  const catIndex = new Map(categories.map((c, i) => [c, i]));
  const votes = queries.map((q) => vote.distribution(related.vectorize(q.title, q.abstract)));
  log('neighbour votes computed');
  const rows: TuneRow[] = [];
  const score = (setting: string, dists: Float64Array[]) => {
    const acc = new TopKAccuracy();
    dists.forEach((p, n) => {
      const top = [...p.keys()]
        .filter((c) => p[c]! > 0)
        .sort((a, b) => p[b]! - p[a]! || a - b)
        .slice(0, 3)
        .map((c) => categories[c]!);
      acc.add(top, queries[n]!.categories![0]!);
    });
    const r = acc.result();
    rows.push({ setting, top1: r.top1!, top3: r.top3! });
    log(`  ${setting}: top-1 ${r.top1} top-3 ${r.top3}`);
  };
  // A model's probabilities over the catalogue's categories (a class the catalogue lacks is dropped).
  const onCatalogue = (p: Float64Array, classes: readonly string[]) => {
    const out = new Float64Array(categories.length);
    p.forEach((x, c) => {
      const at = catIndex.get(classes[c]!);
      if (at !== undefined) out[at] = x;
    });
    return out;
  };
  const labelled = catalogue.filter((p) => p.title && p.categories?.[0]);
  const { vectorizer, matrix } = fitTfidf(labelled, CATEGORY_TRAINING.vectorizer);
  const queryRows = queries.map((q) => vectorizer.vector(q));
  log(`tf-idf fitted: ${vectorizer.terms.length} terms`);
  const linear = pruneToInt8(
    trainLinear(
      matrix,
      vectorizer.terms.length,
      labelled.map((p) => p.categories![0]),
      CATEGORY_TRAINING.linear,
    ),
    CATEGORY_TRAINING.entries,
  );
  const linearDists = queryRows.map((r) => onCatalogue(r.ids.length ? linear.probabilities(r) : new Float64Array(linear.classes.length), linear.classes));
  score('linear int8 (shipped settings)', linearDists);
  const blendWithVote = (name: string, dists: Float64Array[]) => {
    for (const blend of options.blends)
      score(
        `blend ${blend} ${name} + vote`,
        dists.map((p, n) => votes[n]!.map((v, c) => (1 - blend) * v + blend * p[c]!)),
      );
  };
  blendWithVote('linear', linearDists);
  const shippedBlend = linearDists.map((p, n) => votes[n]!.map((v, c) => 0.75 * v + 0.25 * p[c]!));
  if (options.priorPowers?.length) {
    // Category shares over the whole catalogue and over its last 60 days.
    const recentFrom = new Date(Date.parse(options.from) - 60 * 86_400_000).toISOString().slice(0, 10);
    const all = new Float64Array(categories.length).fill(1);
    const recent = new Float64Array(categories.length).fill(1);
    for (const p of catalogue) {
      const c = catIndex.get(p.categories?.[0] ?? '');
      if (c === undefined) continue;
      all[c]!++;
      if (p.date && p.date >= recentFrom) recent[c]!++;
    }
    const sumAll = all.reduce((a, b) => a + b, 0);
    const sumRecent = recent.reduce((a, b) => a + b, 0);
    for (const gamma of options.priorPowers) {
      const factor = all.map((a, c) => (recent[c]! / sumRecent / (a / sumAll)) ** gamma);
      score(
        `shipped blend x recent prior shift ^${gamma}`,
        shippedBlend.map((p) => p.map((x, c) => x * factor[c]!)),
      );
    }
  }
  for (const variant of options.authorVotes ?? []) {
    const authorVote = new AuthorVote(categories.length, { ...AUTHOR_VOTE_OPTIONS, ...variant });
    for (const p of catalogue)
      authorVote.add(
        p.authors ?? [],
        (p.categories ?? []).map((c) => catIndex.get(c)!).filter((c) => c !== undefined),
      );
    const byAuthors = queries.map((q) => authorVote.distribution(q.authors ?? []));
    const known = byAuthors.filter((d) => d.some((x) => x > 0)).length;
    score(`author vote alone ${JSON.stringify(variant)} (${known} queries with a known author)`, byAuthors);
    for (const weight of options.authorWeights ?? [])
      score(
        `shipped blend + ${weight} x author vote ${JSON.stringify(variant)}`,
        shippedBlend.map((p, n) => p.map((x, c) => x + weight * byAuthors[n]![c]!)),
      );
  }
  const trained: Float64Array[][] = [];
  for (const variant of options.networks) {
    const o = { ...NETWORK_TRAINING, ...variant };
    const name = JSON.stringify(variant);
    log(`training network ${name}`);
    const started = performance.now();
    const net = trainNetwork(
      matrix,
      vectorizer.terms.length,
      labelled.map((p) => p.categories),
      o,
    );
    const trainSeconds = Math.round((performance.now() - started) / 100) / 10;
    const netDists = queryRows.map((r) => onCatalogue(networkProbabilities(net, r), net.classes));
    trained.push(netDists);
    score(`network float ${name} (${trainSeconds} s)`, netDists);
    const int8 = quantizeNetwork(net);
    const int8Dists = queryRows.map((r) => onCatalogue(int8.probabilities(r), net.classes));
    score(`network int8 ${name}`, int8Dists);
    blendWithVote(`network int8 ${name}`, int8Dists);
    const int4 = quantizeNetwork(net, 4);
    const int4Dists = queryRows.map((r) => onCatalogue(int4.probabilities(r), net.classes));
    score(`network int4 ${name}`, int4Dists);
    blendWithVote(`network int4 ${name}`, int4Dists);
    for (const mix of options.mixes) {
      const mixed = int4Dists.map((p, n) => p.map((x, c) => mix * x + (1 - mix) * linearDists[n]![c]!));
      blendWithVote(`mix ${mix} network int4 + linear ${name}`, mixed);
    }
    blendWithVote(`network ${name}`, netDists);
    for (const mix of options.mixes) {
      const mixed = netDists.map((p, n) => p.map((x, c) => mix * x + (1 - mix) * linearDists[n]![c]!));
      score(`mix ${mix} network + linear ${name}`, mixed);
      blendWithVote(`mix ${mix} network + linear ${name}`, mixed);
    }
  }
  if (trained.length > 1) {
    const mean = queries.map((_q, n) => trained[0]![n]!.map((_x, c) => trained.reduce((s, d) => s + d[n]![c]!, 0) / trained.length));
    score(`mean of ${trained.length} networks`, mean);
    blendWithVote(`mean of ${trained.length} networks`, mean);
    for (const mix of options.mixes) {
      const mixed = mean.map((p, n) => p.map((x, c) => mix * x + (1 - mix) * linearDists[n]![c]!));
      score(`mix ${mix} mean of networks + linear`, mixed);
      blendWithVote(`mix ${mix} mean of networks + linear`, mixed);
    }
  }
  return rows;
}
