// The reader's interest model: learned from the saved library over the catalogue's packed tf-idf vectors, it scores a
// feed's papers with a relevance and the reasons for it. Four signals, weighted (RANKER_WEIGHTS, chosen on validation
// readers, scripts/tune-personal.ts): a linear SVM (the library against sampled catalogue papers), the similarity to
// the nearest saved papers, co-authors shared with the library and category affinity. Per user tag with enough papers
// one more linear model (arxiv-sanity-lite's idea), which names the tag as a reason. Pure: runs in the worker.
import type { CatalogueIndex } from '../catalogue/catalogueIndex.ts';
import type { PaperRef } from '../paper.ts';
import { mulberry32 } from '../random.ts';
import type { SparseVector } from '../related/relatedIndex.ts';
import { authorKey, authorKeyOf } from './authors.ts';
import { decisionValue, trainLinearSvm, type SparseRows } from './linearSvm.ts';

/** Nothing is ranked below this many saved papers (or tagged papers, for a tag's model). */
export const MIN_LIBRARY_PAPERS = 3;

/** A saved paper as the model learns from it: a page paper with the user's tags. */
export interface LibraryPaper extends PaperRef {
  tags?: string[];
}

export interface RankerWeights {
  /** The linear model's decision value. */
  linear: number;
  /** The mean cosine of the nearest saved papers. */
  neighbours: number;
  /** Shared authors: Σ ln(1 + times the author is in the library). */
  authors: number;
  /** The share of saved papers in the paper's categories (primary full, others half). */
  categories: number;
}

export interface RankerOptions {
  weights: RankerWeights;
  /** Catalogue papers sampled as the linear model's negatives. */
  negatives: number;
  /** Catalogue papers (others) whose scores place a feed paper's relevance. */
  calibration: number;
  /** The SVM's C (class-balanced). */
  c: number;
  /** Nearest saved papers averaged for the neighbour signal. */
  neighbours: number;
  /** The cosine at which a saved paper counts as "like" a feed paper in a reason. */
  likeSimilarity: number;
  seed: number;
}

/** Chosen on the validation readers (docs/QUALITY.md, "Personal ranking"); never on the test readers. */
// On them the co-author and linear signals carry the ranking; the nearest saved papers and the categories added nothing
// at any weight tried (docs/QUALITY.md), so they weigh 0 and serve the reasons only ("like 3 of your saved papers").
export const RANKER_WEIGHTS: RankerWeights = { linear: 1, neighbours: 0, authors: 1, categories: 0 };

/** Author weights remembered per model: more than a few listings' names. */
const AUTHOR_WEIGHTS_KEPT = 20_000;

export const RANKER_OPTIONS: RankerOptions = {
  weights: RANKER_WEIGHTS,
  negatives: 2000,
  calibration: 1000,
  c: 1,
  neighbours: 3,
  likeSimilarity: 0.2,
  seed: 1,
};

/**
 * What `score` works out beyond each row's relevance. `all`: every signal, reason and tag of every row (evaluation and
 * tuning). `forYou`: reasons and tags only for the rows shown as for you (high or medium), and the signals that weigh 0
 * only there too (the worker: a low row's reasons are never shown, and a listing has thousands of rows).
 */
export type ScoreDetail = 'all' | 'forYou';

/** Why a paper is relevant, strongest first; `reasonText` words it. */
export type RelevanceReason = { kind: 'tag'; tag: string } | { kind: 'similar'; count: number; titles: string[] } | { kind: 'authors'; names: string[] };

export type RelevanceLevel = 'high' | 'medium' | 'low';

/** A row's place in the reader's interests (levelOf below): `high` and `medium` rows are "for you". */
export interface RowRelevance {
  level: RelevanceLevel;
  /** The share of catalogue papers it ranks above, 0..1. */
  relevance: number;
  /** Why, strongest first; worded by the page that shows them. */
  reasons: RelevanceReason[];
}

/** Each signal before weighting. */
type RelevanceSignals = Record<keyof RankerWeights, number>;

/** high: above 99 % of the catalogue; medium: above 95 %. */
function levelOf(relevance: number): RelevanceLevel {
  return relevance >= 0.99 ? 'high' : relevance >= 0.95 ? 'medium' : 'low';
}

export interface PaperRelevance {
  key: string;
  /** The weighted sum of the signals: what the feed is ordered by. */
  score: number;
  /** The share of sampled catalogue papers this paper scores above, 0..1. */
  relevance: number;
  /** high: above 99 % of the catalogue; medium: above 95 %. */
  level: RelevanceLevel;
  reasons: RelevanceReason[];
  /** The user's tags whose model classes this paper as theirs. */
  tags: string[];
  /** Each signal before weighting, for evaluation and tuning (NaN: not worked out, a low row scored for `forYou`). */
  signals: RelevanceSignals;
}

export type InterestResult =
  | { ok: true; model: InterestModel }
  /** Too few saved papers to learn from: say so instead of guessing. */
  | { ok: false; reason: 'not-enough-papers'; papers: number; needed: number };

/** One linear model's weights over the vocabulary. */
interface LinearScorer {
  weights: Float32Array;
  bias: number;
}

interface TagModel extends LinearScorer {
  tag: string;
}

interface Features {
  vector: SparseVector;
  authors: string[];
  categories: string[];
}

/** English words for a reason (the extension's pages word them through i18n). */
export function reasonText(reason: RelevanceReason): string {
  if (reason.kind === 'tag') return `tag: ${reason.tag}`;
  if (reason.kind === 'authors') return `by authors you saved: ${reason.names.join(', ')}`;
  const papers = reason.count === 1 ? 'paper' : 'papers';
  return `like ${reason.count} of your saved ${papers}: ${reason.titles.join('; ')}`;
}

/** Rows of sparse vectors as the SVM reads them. */
function rowsOf(vectors: readonly SparseVector[]): SparseRows {
  const indptr = new Uint32Array(vectors.length + 1);
  vectors.forEach((v, i) => (indptr[i + 1] = indptr[i]! + v.ids.length));
  const indices = new Uint32Array(indptr[vectors.length]!);
  const values = new Float32Array(indptr[vectors.length]!);
  vectors.forEach((v, i) => {
    indices.set(v.ids, indptr[i]!);
    values.set(v.weights, indptr[i]!);
  });
  return { rows: vectors.length, indptr, indices, values };
}

function trainScorer(positives: readonly SparseVector[], negatives: readonly SparseVector[], features: number, options: RankerOptions): LinearScorer {
  const labels = new Int8Array(positives.length + negatives.length).fill(-1).fill(1, 0, positives.length);
  const svm = trainLinearSvm(rowsOf([...positives, ...negatives]), features, labels, { c: options.c, seed: options.seed, maxEpochs: 200 });
  return { weights: Float32Array.from(svm.weights), bias: svm.bias };
}

/** Catalogue indices sampled without repeats, none of them in `exclude`; seeded. */
function sampleCatalogue(count: number, size: number, exclude: ReadonlySet<number>, random: () => number): number[] {
  const wanted = Math.min(count, size - exclude.size);
  const picked = new Set<number>();
  while (picked.size < wanted) {
    const i = Math.floor(random() * size);
    if (!exclude.has(i)) picked.add(i);
  }
  return [...picked];
}

/** Learns the reader's interests from their saved papers, or says there are too few to learn from. */
export function learnInterests(catalogue: CatalogueIndex, library: readonly LibraryPaper[], options: Partial<RankerOptions> = {}): InterestResult {
  if (library.length < MIN_LIBRARY_PAPERS) return { ok: false, reason: 'not-enough-papers', papers: library.length, needed: MIN_LIBRARY_PAPERS };
  return { ok: true, model: new InterestModel(catalogue, library, { ...RANKER_OPTIONS, ...options }) };
}

export class InterestModel {
  private readonly libraryVectors: SparseVector[];
  private readonly libraryTitles: string[];
  /**
   * Term id → the saved papers holding it, with their weights: the neighbour search's inverted index, in three arrays
   * (term t's papers are postingPapers[postingStarts[t] .. postingStarts[t + 1]), in library order).
   */
  private readonly postingStarts: Uint32Array;
  private readonly postingPapers: Uint32Array;
  private readonly postingWeights: Float32Array;
  /** Author key → times in the library, and a name to show. */
  private readonly authorCounts = new Map<string, { count: number; name: string }>();
  private readonly categoryShare = new Map<string, number>();
  private readonly linear: LinearScorer;
  private readonly tagModels: TagModel[] = [];
  /** The scores of sampled catalogue papers, ascending: where a feed paper's score stands. */
  private readonly calibrationScores: Float64Array;
  private readonly similarities: Float64Array;
  /** Author name → its weight (authorWeightOf). */
  private readonly authorWeights = new Map<string, number>();

  constructor(
    private readonly catalogue: CatalogueIndex,
    library: readonly LibraryPaper[],
    readonly options: RankerOptions,
  ) {
    const known = library.map((p) => catalogue.matchIndex(p));
    this.libraryVectors = library.map((p, i) => catalogue.vectorFor(p, known[i]));
    this.libraryTitles = library.map((p) => p.title);
    this.similarities = new Float64Array(library.length);
    let terms = catalogue.data.header.vocabularySize;
    let entries = 0;
    for (const v of this.libraryVectors) {
      for (const t of v.ids) terms = Math.max(terms, t + 1);
      entries += v.ids.length;
    }
    this.postingStarts = new Uint32Array(terms + 1);
    for (const v of this.libraryVectors) for (const t of v.ids) this.postingStarts[t + 1]!++;
    for (let t = 0; t < terms; t++) this.postingStarts[t + 1]! += this.postingStarts[t]!;
    this.postingPapers = new Uint32Array(entries);
    this.postingWeights = new Float32Array(entries);
    const fill = this.postingStarts.slice(0, terms);
    this.libraryVectors.forEach((v, i) => {
      for (let j = 0; j < v.ids.length; j++) {
        const at = fill[v.ids[j]!]!++;
        this.postingPapers[at] = i;
        this.postingWeights[at] = v.weights[j]!;
      }
    });
    library.forEach((p, at) => {
      for (const name of new Set(p.authors ?? [])) {
        const key = authorKey(name);
        if (!key) continue;
        const entry = this.authorCounts.get(key);
        if (entry) entry.count++;
        else this.authorCounts.set(key, { count: 1, name });
      }
      const categories = p.categories?.length ? p.categories : known[at]! >= 0 ? catalogue.data.categoriesOf(known[at]!) : [];
      for (const c of new Set(categories)) this.categoryShare.set(c, (this.categoryShare.get(c) ?? 0) + 1 / library.length);
    });

    const random = mulberry32(options.seed);
    const saved = new Set(known.filter((i) => i >= 0));
    const negativeIndices = sampleCatalogue(options.negatives, catalogue.paperCount, saved, random);
    const negatives = negativeIndices.map((i) => catalogue.vectorOf(i));
    const features = catalogue.data.header.vocabularySize;
    this.linear = trainScorer(this.libraryVectors, negatives, features, options);

    // Calibration papers apart from the training negatives, unless the catalogue is too small to spare them.
    const spare = catalogue.paperCount - saved.size - negativeIndices.length >= options.calibration;
    const calibration = sampleCatalogue(options.calibration, catalogue.paperCount, spare ? new Set([...saved, ...negativeIndices]) : saved, random).map((i) =>
      this.catalogueFeatures(i),
    );
    this.calibrationScores = Float64Array.from(calibration, (f) => this.scoreOf(f)).sort();

    // One model per user tag with enough papers: its papers against the rest of the library and the sampled catalogue.
    const tags = new Map<string, number[]>();
    library.forEach((p, i) => {
      for (const tag of new Set(p.tags ?? [])) tags.set(tag, [...(tags.get(tag) ?? []), i]);
    });
    for (const [tag, members] of [...tags].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (members.length < MIN_LIBRARY_PAPERS) continue;
      const inTag = new Set(members);
      const others = this.libraryVectors.filter((_, i) => !inTag.has(i));
      const scorer = trainScorer(
        members.map((i) => this.libraryVectors[i]!),
        [...others, ...negatives],
        features,
        options,
      );
      this.tagModels.push({ tag, ...scorer });
    }
  }

  /** The tags that have a model of their own (enough papers carry them). */
  get modelledTags(): string[] {
    return this.tagModels.map((t) => t.tag);
  }

  private catalogueFeatures(i: number): Features {
    const authors = this.catalogue.data.lineAt('authors', i);
    return { vector: this.catalogue.vectorOf(i), authors: authors ? authors.split('; ') : [], categories: this.catalogue.data.categoriesOf(i) };
  }

  /** The weighted score alone, each signal that weighs 0 left out (the same sum: adding 0 changes nothing). */
  private scoreOf(f: Features): number {
    const w = this.options.weights;
    const neighbours = w.neighbours ? w.neighbours * this.neighbours(f.vector).nearest : 0;
    const authors = w.authors ? w.authors * this.authorSignal(f.authors) : 0;
    const categories = w.categories ? w.categories * this.categorySignal(f.categories) : 0;
    return w.linear * decisionValue(this.linear, f.vector.ids, f.vector.weights) + neighbours + authors + categories;
  }

  /** ln(1 + times the name's author is in the library), 0 for none; remembered by name (one lookup a name on a rescan). */
  private authorWeightOf(name: string): number {
    let weight = this.authorWeights.get(name);
    if (weight === undefined) {
      if (this.authorWeights.size >= AUTHOR_WEIGHTS_KEPT) this.authorWeights.clear();
      const entry = this.authorCounts.get(authorKeyOf(name));
      weight = entry ? Math.log1p(entry.count) : 0;
      this.authorWeights.set(name, weight);
    }
    return weight;
  }

  /** Σ ln(1 + times in the library) over the paper's distinct authors; the saved ones it names go into `shared`. */
  private authorSignal(names: readonly string[], shared?: string[]): number {
    let authors = 0;
    // Allocated on the first saved name only: most rows of a listing have none.
    let counted: string[] | undefined;
    for (const name of names) {
      const weight = this.authorWeightOf(name);
      // A name the page repeats counts once.
      if (!weight || counted?.includes(name)) continue;
      authors += weight;
      (counted ??= []).push(name);
    }
    if (shared && counted) shared.push(...counted);
    return authors;
  }

  private categorySignal(categories: readonly string[]): number {
    let share = 0;
    categories.forEach((c, j) => (share += (j === 0 ? 1 : 0.5) * (this.categoryShare.get(c) ?? 0)));
    return share;
  }

  /** The mean cosine of the nearest saved papers, and the saved papers the paper is like, most similar first. */
  private neighbours(vector: SparseVector): { nearest: number; like: number[] } {
    const sims = this.similarities.fill(0);
    const starts = this.postingStarts;
    for (let j = 0; j < vector.ids.length; j++) {
      const t = vector.ids[j]!;
      if (t + 1 >= starts.length) continue;
      const end = starts[t + 1]!;
      const w = vector.weights[j]!;
      for (let k = starts[t]!; k < end; k++) sims[this.postingPapers[k]!]! += w * this.postingWeights[k]!;
    }
    // The k best similarities by insertion (k is small).
    const k = Math.min(this.options.neighbours, sims.length);
    const best: number[] = [];
    const like: number[] = [];
    for (let i = 0; i < sims.length; i++) {
      const s = sims[i]!;
      if (s >= this.options.likeSimilarity) like.push(i);
      if (best.length < k || s > best[best.length - 1]!) {
        let at = best.length;
        while (at > 0 && best[at - 1]! < s) at--;
        best.splice(at, 0, s);
        if (best.length > k) best.pop();
      }
    }
    like.sort((a, b) => sims[b]! - sims[a]! || a - b);
    let nearest = 0;
    for (const s of best) nearest += s;
    return { nearest: k ? nearest / k : 0, like };
  }

  /**
   * Each feed paper's relevance and reasons, in the feed's order. `vectors` (the papers' tf-idf vectors, in the same
   * order) spares vectorising rows the caller already has: reading an abstract is most of the cost; `known` (each
   * paper's catalogue index, -1 for none) spares matching them again; `detail` says which rows get reasons and tags.
   */
  score(feed: readonly PaperRef[], vectors?: readonly SparseVector[], knownRows?: readonly number[], detail: ScoreDetail = 'all'): PaperRelevance[] {
    const out: PaperRelevance[] = new Array(feed.length);
    for (let row = 0; row < feed.length; row++) {
      const paper = feed[row]!;
      const known = knownRows?.[row] ?? this.catalogue.matchIndex(paper);
      const vector = vectors?.[row] ?? this.catalogue.vectorFor(paper, known);
      out[row] = detail === 'all' ? this.scoredInFull(paper, vector, known) : this.scoredForYou(paper, vector, known);
    }
    return out;
  }

  /** A row with every signal, tag and reason worked out (evaluation and tuning). */
  private scoredInFull(paper: PaperRef, vector: SparseVector, known: number): PaperRelevance {
    const sharedAuthors: string[] = [];
    const { nearest, like } = this.neighbours(vector);
    const signals: RelevanceSignals = {
      linear: decisionValue(this.linear, vector.ids, vector.weights),
      neighbours: nearest,
      authors: this.authorSignal(paper.authors ?? [], sharedAuthors),
      categories: this.categorySignal(this.categoriesOf(paper, known)),
    };
    const score = this.weightedScore(signals);
    return this.explained(paper, vector, signals, score, like, sharedAuthors);
  }

  /**
   * A row as the worker needs it: the signals that weigh only, unless the row is for you (high or medium), which is
   * then explained as in full. Rows below for you are most of a listing: nothing more is worked out, little allocated;
   * the rare explained rows run in functions of their own, so their first runs do not throw away this one's code.
   */
  private scoredForYou(paper: PaperRef, vector: SparseVector, known: number): PaperRelevance {
    const w = this.options.weights;
    const signals: RelevanceSignals = {
      linear: decisionValue(this.linear, vector.ids, vector.weights),
      neighbours: w.neighbours ? this.neighbours(vector).nearest : Number.NaN,
      authors: this.authorSignal(paper.authors ?? []),
      categories: w.categories ? this.categorySignal(this.categoriesOf(paper, known)) : Number.NaN,
    };
    const score = this.weightedScore(signals);
    const relevance = this.rankAmongCalibration(score);
    const level = levelOf(relevance);
    if (level === 'low') return { key: paper.key, score, relevance, level, reasons: [], tags: [], signals };
    return this.explainedForYou(paper, vector, known, signals, score);
  }

  private explainedForYou(paper: PaperRef, vector: SparseVector, known: number, signals: RelevanceSignals, score: number): PaperRelevance {
    const sharedAuthors: string[] = [];
    this.authorSignal(paper.authors ?? [], sharedAuthors);
    const { nearest, like } = this.neighbours(vector);
    if (Number.isNaN(signals.neighbours)) signals.neighbours = nearest;
    if (Number.isNaN(signals.categories)) signals.categories = this.categorySignal(this.categoriesOf(paper, known));
    return this.explained(paper, vector, signals, score, like, sharedAuthors);
  }

  /** The weighted sum; a signal that weighs 0 is left out (it may not be worked out: NaN), the order of the sum kept. */
  private weightedScore(signals: RelevanceSignals): number {
    const w = this.options.weights;
    return (
      w.linear * signals.linear + (w.neighbours ? w.neighbours * signals.neighbours : 0) + w.authors * signals.authors + (w.categories ? w.categories * signals.categories : 0)
    );
  }

  /** A row with its tags and reasons: the user's tags whose models class it as theirs, the saved papers it is like, the saved authors it names. */
  private explained(paper: PaperRef, vector: SparseVector, signals: RelevanceSignals, score: number, like: readonly number[], sharedAuthors: readonly string[]): PaperRelevance {
    const relevance = this.rankAmongCalibration(score);
    // A tag is given where its model classes the paper as the tag's (the positive side of its margin).
    const tags = this.tagModels.filter((t) => decisionValue(t, vector.ids, vector.weights) > 0).map((t) => t.tag);
    const reasons: RelevanceReason[] = tags.map((tag) => ({ kind: 'tag', tag }));
    if (like.length) reasons.push({ kind: 'similar', count: like.length, titles: like.slice(0, 3).map((i) => this.libraryTitles[i]!) });
    if (sharedAuthors.length) reasons.push({ kind: 'authors', names: sharedAuthors.slice(0, 3) });
    return { key: paper.key, score, relevance, level: levelOf(relevance), reasons, tags, signals };
  }

  /** The paper's categories as the page names them, else the catalogue's. */
  private categoriesOf(paper: PaperRef, known: number): readonly string[] {
    return paper.categories?.length ? paper.categories : known >= 0 ? this.catalogue.data.categoriesOf(known) : [];
  }

  /** The share of calibration papers scoring below `score`. */
  private rankAmongCalibration(score: number): number {
    const s = this.calibrationScores;
    if (!s.length) return 0;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! < score) lo = mid + 1;
      else hi = mid;
    }
    return lo / s.length;
  }
}
