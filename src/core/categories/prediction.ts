// arXiv category predictions for one catalogue: the learned model (categoryModel.ts, shipped as
// assets/models/categories.bin and loaded on the first prediction) blended with the catalogue's own neighbour vote
// (neighbourVote.ts) when the catalogue is large enough.
import { categoryName } from './arxivCategories.ts';
import { calibratedConfidence, type CategorySource } from './calibration.ts';
import type { CatalogueView } from '../catalogue/artifact.ts';
import { decodeCategoryLinear, type CategoryLinear } from './categoryModel.ts';
import type { NeighbourVote } from './neighbourVote.ts';
import type { PaperText } from './tfidf.ts';
import type { SparseVector } from '../related/relatedIndex.ts';

/** Where the learned model comes from: a shipped file's bytes, or a model already in memory (the evaluation's). */
export type LearnedModelSource = () => Promise<Uint8Array | CategoryLinear>;

/**
 * Weight of the learned model's probabilities against the neighbour vote's (NeighbourVote.distribution) when both
 * are there. Chosen on the validation split (src/eval/tuneValidation.ts tuneCategoryLinear; docs/QUALITY.md):
 * top-1 is flat from 0.15 to 0.3 (0.7065–0.708; the vote alone 0.685, the learned model alone 0.6975), 0.25 gives
 * 0.708 top-1 and 0.9265 top-3. The vote's distribution is flatter than the softmax's, hence its larger share.
 */
export const LINEAR_BLEND = 0.25;

/** Below this, a catalogue is too small for its neighbours to vote on a category (the learned model alone decides). */
export const MIN_PAPERS_TO_VOTE = 500;

export interface PredictedCategory {
  category: string;
  label: string;
  /** The predictor's own probability (its scale depends on the predictor). */
  probability: number;
  /** How often a prediction like it was right (calibration.ts), comparable across predictors. */
  confidence: number;
}

export class CategoryPredictor {
  private source: LearnedModelSource | undefined;
  private model: CategoryLinear | undefined;
  private loading: Promise<void> | undefined;
  /** Category codes of the distributions: the catalogue's, then the learned model's others. */
  private codes: string[];
  /** Learned class → index in `codes`. */
  private fromLinear = new Int32Array(0);

  constructor(
    private readonly data: CatalogueView,
    private readonly vote: () => NeighbourVote,
    readonly blend = LINEAR_BLEND,
  ) {
    this.codes = [...data.header.categories];
  }

  /** Where to load the learned model from on the first prediction (or the model itself). */
  use(source: LearnedModelSource | CategoryLinear | undefined): void {
    this.loading = undefined;
    this.model = undefined;
    this.source = undefined;
    if (typeof source === 'function') this.source = source;
    else if (source) this.attach(source);
  }

  /** Loads the learned model once; a model that cannot be read is reported and left out (the vote still works). */
  load(): Promise<void> {
    if (this.model || !this.source) return Promise.resolve();
    const source = this.source;
    this.loading ??= source()
      .then((got) => {
        if (this.source === source) this.attach(got instanceof Uint8Array ? decodeCategoryLinear(got) : got);
      })
      .catch((error: unknown) => {
        console.warn('paperscope: the category model could not be read', error);
        if (this.source === source) this.source = undefined;
      });
    return this.loading;
  }

  /** The learned model, once loaded. */
  get learned(): CategoryLinear | undefined {
    return this.model;
  }

  private attach(model: CategoryLinear): void {
    this.model = model;
    this.codes = [...this.data.header.categories];
    const at = new Map(this.codes.map((c, i) => [c, i]));
    this.fromLinear = Int32Array.from(model.classes, (c) => {
      let i = at.get(c);
      if (i === undefined) {
        i = this.codes.length;
        this.codes.push(c);
        at.set(c, i);
      }
      return i;
    });
  }

  /** Whether the catalogue's neighbours vote (large enough, with categories, and a query with known terms). */
  private votes(query: SparseVector): boolean {
    return this.data.paperCount >= MIN_PAPERS_TO_VOTE && this.data.header.categories.length > 0 && query.ids.length > 0;
  }

  /** Whether anything can predict: the learned model is loaded, or the catalogue can vote. */
  get ready(): boolean {
    return this.model !== undefined || (this.data.paperCount >= MIN_PAPERS_TO_VOTE && this.data.header.categories.length > 0);
  }

  /**
   * A distribution over `categoryCodes` (the catalogue's categories first, so catalogue category c is index c):
   * blend × the learned model's probabilities + (1 − blend) × the neighbour vote, either alone when the other has
   * nothing to say; all zero when neither does. `near` may pass the query's nearest papers to save a search.
   */
  distribution(text: PaperText, query: SparseVector, exclude = -1, near?: ReadonlyArray<{ index: number; score: number }>): Float64Array {
    return this.mix(text, query, exclude, near).p;
  }

  /** The k likeliest categories of a paper, best first, with their names and calibrated confidences. */
  predict(text: PaperText, query: SparseVector, k: number, exclude = -1): PredictedCategory[] {
    const { p, source } = this.mix(text, query, exclude);
    return source ? this.top(p, k, source) : [];
  }

  /** The distribution and which predictor made it (none when neither had anything to say). */
  private mix(
    text: PaperText,
    query: SparseVector,
    exclude: number,
    near?: ReadonlyArray<{ index: number; score: number }>,
  ): { p: Float64Array; source: CategorySource | undefined } {
    const out = new Float64Array(this.codes.length);
    const learned = this.model?.distribution(text);
    // biome-ignore lint/complexity/useOptionalChain: the explicit check lets TypeScript narrow `learned` where hasLearned is tested
    const hasLearned = learned !== undefined && learned.some((x) => x > 0);
    const voted = this.votes(query) ? this.vote().distribution(query, exclude, near) : undefined;
    // biome-ignore lint/complexity/useOptionalChain: the explicit check lets TypeScript narrow `voted` where hasVote is tested
    const hasVote = voted !== undefined && voted.some((x) => x > 0);
    const w = !hasLearned ? 0 : hasVote ? this.blend : 1;
    if (hasVote) voted.forEach((x, c) => (out[c] = (1 - w) * x));
    if (hasLearned) learned.forEach((x, c) => (out[this.fromLinear[c]!]! += w * x));
    const source: CategorySource | undefined = hasLearned && hasVote ? 'blend' : hasLearned ? 'learned' : hasVote ? 'vote' : undefined;
    return { p: out, source };
  }

  get categoryCodes(): readonly string[] {
    return this.codes;
  }

  /** The k likeliest categories of a distribution from `source`, best first, with their names and calibrated confidences. */
  private top(p: Float64Array, k: number, source: CategorySource): PredictedCategory[] {
    const { categories, categoryLabels } = this.data.header;
    return [...p.keys()]
      .filter((c) => p[c]! > 0)
      .sort((a, b) => p[b]! - p[a]! || (this.codes[a]! < this.codes[b]! ? -1 : 1))
      .slice(0, k)
      .map((c) => ({
        category: this.codes[c]!,
        label: (c < categories.length ? categoryLabels[c] : undefined) ?? categoryName(this.codes[c]!) ?? this.codes[c]!,
        probability: p[c]!,
        confidence: calibratedConfidence(source, p[c]!),
      }));
  }
}
