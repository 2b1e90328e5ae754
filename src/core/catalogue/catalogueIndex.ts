// The in-memory index over one catalogue: identity matching, tags and related papers for page papers.
import { NONE16, SectionNotLoaded, type CatalogueView } from './artifact.ts';
import { sectionGroupOf } from './sectionGroups.ts';
import { CategoryPredictor, type LearnedModelSource, type PredictedCategory } from '../categories/prediction.ts';
import type { CategoryLinear } from '../categories/categoryModel.ts';
import { NeighbourVote } from '../categories/neighbourVote.ts';
import { predictedCategoryTag } from '../categories/predictedTag.ts';
import type { PaperText } from '../categories/tfidf.ts';
import { CatalogueMatcher } from '../identity/matcher.ts';
import type { CataloguePaper, PaperRef, TopicTag } from '../paper.ts';
import { RelatedIndex, type RelatedMatch, type SparseVector } from '../related/relatedIndex.ts';
import type { TaxonomyTags } from '../topics/overlay.ts';
import type { TopicDefinition } from '../topics/taxonomy.ts';
import { tagPaper } from '../topics/tagger.ts';

export interface RelatedOptions {
  /** Nearest papers by tf-idf cosine that are re-ranked. */
  pool: number;
  /** Weight of the category agreement against the cosine; 0 gives plain tf-idf order. */
  categoryWeight: number;
  /** Weight of a candidate's secondary categories' probability relative to its primary one's. */
  secondaryWeight: number;
  /**
   * categoryWeight when the probabilities come from the learned category model's blend (the query's text is given and
   * the model is loaded): its distribution is sharper than the vote's, so the same weight would sort by field.
   */
  learnedWeight: number;
}

/**
 * Related papers are the `pool` nearest by cosine, re-ranked by cosine + categoryWeight × (the category model's
 * probability of the candidate's primary category + secondaryWeight × that of its other ones). Chosen on a validation
 * split inside the catalogue's own dates (src/eval/tuneValidation.ts), never on the evaluation's queries.
 * learnedWeight by the same rule as categoryWeight: the smallest weight whose gain over the tf-idf baseline is at least
 * 5 points on the primary measure (0.15: 0.585 / 0.847 against the baseline's 0.517 / 0.784 there).
 */
export const RELATED_OPTIONS: RelatedOptions = { pool: 60, categoryWeight: 0.6, secondaryWeight: 0.5, learnedWeight: 0.15 };

export interface RelatedResult extends RelatedMatch {
  paper: CataloguePaper;
  sharedTopics: string[];
}

/** Rows per scan whose arXiv category the worker predicts when the page names none (the top of the page). */
export const PREDICT_CATEGORY_ROWS = 100;

export class CatalogueIndex {
  private readonly matcher: CatalogueMatcher;
  private readonly related: RelatedIndex;
  private builtVote: NeighbourVote | undefined;
  /** The learned category model blended with the vote (src/core/categories/prediction.ts). */
  private readonly predictor: CategoryPredictor;
  /** The user's edited taxonomy and the catalogue's topics under it; undefined: the built-in taxonomy. */
  private taxonomy: TaxonomyTags | undefined;
  readonly relatedOptions: RelatedOptions;

  constructor(
    readonly data: CatalogueView,
    relatedOptions: Partial<RelatedOptions> = {},
  ) {
    this.matcher = new CatalogueMatcher(data);
    this.related = new RelatedIndex(data);
    this.predictor = new CategoryPredictor(data, () => this.vote);
    this.relatedOptions = { ...RELATED_OPTIONS, ...relatedOptions };
  }

  /**
   * Loads these sections of a stored catalogue when they are not yet (src/core/catalogue/sectionGroups.ts): await it
   * before reading them. A woken worker holds only what matching needs.
   */
  ensureSections(names: readonly string[]): Promise<void> {
    return this.data.ensureSections(names);
  }

  /**
   * `compute`'s answer, the sections it reads loaded first: run, and when it reads a section not loaded yet, that
   * section's group is loaded and it runs again. For work whose sections depend on its input (matching by a cut title
   * reads titles and authors; a paper the catalogue lacks needs the vectors to predict its category). `compute` must
   * have no effects before its reads (it may run more than once).
   */
  async withSections<T>(compute: () => T): Promise<T> {
    for (;;) {
      try {
        return compute();
      } catch (error) {
        if (!(error instanceof SectionNotLoaded)) throw error;
        await this.data.ensureSections(sectionGroupOf(error.section));
      }
    }
  }

  /** The neighbour vote over this catalogue, built on first use (its centroid matrix is large: not at start). */
  private get vote(): NeighbourVote {
    this.builtVote ??= new NeighbourVote(this.data, this.related);
    return this.builtVote;
  }

  /** The learned category model to use, or where to load it from on the first prediction (not at worker start). */
  useCategoryModel(source: LearnedModelSource | CategoryLinear | undefined): void {
    this.predictor.use(source);
  }

  /** Loads the learned category model if it is not yet: await it before predicting (a no-op once loaded). */
  loadCategoryModel(): Promise<void> {
    return this.predictor.load();
  }

  /**
   * The k likeliest arXiv categories of a paper from its text: the learned model blended with the neighbour vote (the
   * vote alone until the learned model is loaded; the learned model alone for a small catalogue). `exclude` (a
   * catalogue paper) does not vote.
   */
  predictCategories(text: PaperText, k = 3, exclude = -1): PredictedCategory[] {
    if (!this.predictor.ready) return [];
    const query = exclude >= 0 ? this.related.vectorOf(exclude) : this.related.vectorize(text.title, text.abstract);
    return this.predictor.predict(text, query, k, exclude);
  }

  /** The `limit` related catalogue papers of a vector, best first, re-ranked by category agreement (RELATED_OPTIONS). */
  relatedOf(query: SparseVector, limit: number, exclude = -1, text?: PaperText): RelatedMatch[] {
    const { pool, secondaryWeight } = this.relatedOptions;
    const learned = text !== undefined && this.predictor.learned !== undefined;
    const categoryWeight = learned ? this.relatedOptions.learnedWeight : this.relatedOptions.categoryWeight;
    if (categoryWeight <= 0) return this.related.nearest(query, limit, exclude);
    const size = Math.max(pool, limit);
    // One search serves both: the neighbour vote's voters and the candidates to re-rank.
    const near = this.related.nearestScores(query, Math.max(size, this.vote.options.neighbours), exclude);
    // With the query's text, the learned model's blend (once loaded); else the vote. Catalogue categories come first.
    const p = learned ? this.predictor.distribution(text, query, exclude, near) : this.vote.distribution(query, exclude, near);
    const per = this.data.header.categoriesPerPaper;
    const ranked = near.slice(0, size).map(({ index, score }) => {
      let agreement = 0;
      for (let j = index * per; j < (index + 1) * per; j++) {
        const c = this.data.categoryIds[j]!;
        if (c === NONE16) break;
        agreement += j === index * per ? p[c]! : secondaryWeight * p[c]!;
      }
      // In 0..1 (agreement <= 1 since p sums to 1), and in the same order as cosine + weight × agreement.
      return { index, similarity: score, score: (score + categoryWeight * Math.min(1, agreement)) / (1 + categoryWeight) };
    });
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    return ranked.slice(0, limit).map((m) => ({ ...m, sharedTerms: this.related.sharedTermsWith(query, m.index) }));
  }

  /** Catalogue paper i's stored tf-idf vector. */
  vectorOf(index: number): SparseVector {
    return this.related.vectorOf(index);
  }

  /** A page paper's tf-idf vector: the stored one when the catalogue knows it, else its text's under the catalogue's vocabulary. */
  vectorFor(ref: PaperRef, known = this.matcher.match(ref)): SparseVector {
    return known >= 0 ? this.related.vectorOf(known) : this.related.vectorize(ref.title, ref.abstract);
  }

  /** The vector of a text the catalogue does not hold, in the catalogue's vocabulary (a seen paper's). */
  vectorize(title: string, abstract?: string): SparseVector {
    return this.related.vectorize(title, abstract);
  }

  /** The terms two vectors share that weigh most: why they are related. */
  sharedTerms(a: SparseVector, b: SparseVector): string[] {
    return this.related.sharedTerms(a, b);
  }

  /** Paper numbers in use (the index space), replaced ones included. */
  get paperCount(): number {
    return this.data.paperCount;
  }

  /** The papers the catalogue holds, as the user counts them: one replaced by an update layer is not counted twice. */
  get heldPaperCount(): number {
    return this.data.paperCount - this.data.hiddenCount;
  }

  /** Index of the catalogue paper this page paper is, or -1 (cheap: no per-paper strings are decoded). */
  matchIndex(ref: PaperRef): number {
    return this.matcher.match(ref);
  }

  /** The catalogue paper this page paper is, if any. */
  match(ref: PaperRef): CataloguePaper | undefined {
    const i = this.matcher.match(ref);
    return i >= 0 ? this.paperAt(i) : undefined;
  }

  /** Tags with the user's taxonomy from now on (undefined: the built-in one). */
  useTaxonomy(taxonomy: TaxonomyTags | undefined): void {
    this.taxonomy = taxonomy;
  }

  /** The user's edited topics when they have edited the taxonomy, else undefined (the catalogue's own topics hold). */
  get editedTopics(): readonly TopicDefinition[] | undefined {
    return this.taxonomy?.topics;
  }

  /** Catalogue paper i's tags under the taxonomy in use. */
  catalogueTags(i: number): TopicTag[] {
    const built = this.data.tagsOf(i);
    return this.taxonomy ? this.taxonomy.tagsOf(i, built) : built;
  }

  /** Catalogue paper i, its tags under the taxonomy in use. */
  paperAt(i: number): CataloguePaper {
    const paper = this.data.paper(i);
    if (this.taxonomy) paper.tags = this.catalogueTags(i);
    return paper;
  }

  keyOf(index: number): string {
    return this.data.lineOf('keys', index);
  }

  /**
   * Tags for a page paper: the catalogue's topic tags when it knows the paper, else computed from what the
   * page shows; the category facet comes from the page when the catalogue has none.
   */
  tagsFor(ref: PaperRef, known = this.matcher.match(ref), predictCategory = false): TopicTag[] {
    if (known < 0) {
      const tags = tagPaper({ title: ref.title, abstract: ref.abstract, categories: ref.categories }, this.taxonomy?.topics);
      const predicted = predictCategory && !ref.categories?.length ? this.predictedCategory(ref) : undefined;
      return predicted ? [...tags, predicted] : tags;
    }
    const tags = this.catalogueTags(known);
    // The page's categories win over none, and over one the builder only predicted.
    const named = this.data.categoryIds[known * this.data.header.categoriesPerPaper] !== NONE16 && this.data.predictedShare(known) === 0;
    if (named || !ref.categories?.length) return tags;
    const withCategory = tagPaper({ title: '', categories: ref.categories }).filter((t) => t.facet === 'category');
    return [...tags.filter((t) => t.facet === 'topic').slice(0, 3), ...withCategory];
  }

  /**
   * The likeliest arXiv category of a paper the catalogue does not know and whose page names none, from its text
   * (predictCategories); only when the prediction is clear enough to show.
   */
  predictedCategory(ref: PaperRef): TopicTag | undefined {
    return predictedCategoryTag(this.predictCategories(ref, 3));
  }

  relatedTo(ref: PaperRef, limit: number): RelatedResult[] {
    const known = this.matcher.match(ref);
    const query = known >= 0 ? this.related.vectorOf(known) : this.related.vectorize(ref.title, ref.abstract);
    const queryTopics = new Set(
      this.tagsFor(ref, known)
        .filter((t) => t.facet === 'topic')
        .map((t) => t.label),
    );
    return this.relatedOf(query, limit, known, ref).map((m) => {
      const paper = this.paperAt(m.index);
      const sharedTopics = paper.tags.filter((t) => t.facet === 'topic' && queryTopics.has(t.label)).map((t) => t.label);
      return { ...m, paper, sharedTopics };
    });
  }
}
