// arXiv categories voted by the catalogue itself: a similarity-weighted vote of the nearest catalogue papers (the
// related index), blended with per-category centroids of the packed vectors. prediction.ts blends it with the learned
// model for CatalogueIndex.predictCategories.
import { NONE16, type CatalogueView } from '../catalogue/artifact.ts';
import { RelatedIndex, type SparseVector } from '../related/relatedIndex.ts';

export interface VotedCategory {
  category: string;
  score: number;
}

export interface NeighbourVoteOptions {
  /** Neighbours that vote. */
  neighbours: number;
  /** A neighbour's vote is its similarity to this power (sharper for larger powers). */
  power: number;
  /** Weight of a neighbour's secondary categories relative to its primary one. */
  secondaryWeight: number;
  /** Weight of the centroid similarity against the (normalised) vote; 0 turns centroids off. */
  centroidWeight: number;
}

/**
 * Chosen on a validation split inside the catalogue's own time range (papers from 2025-08-15 to 2025-10-01 against
 * the earlier ones), never on the evaluation's query papers, with src/eval/tuneValidation.ts: docs/QUALITY.md.
 */
export const NEIGHBOUR_VOTE_OPTIONS: NeighbourVoteOptions = { neighbours: 90, power: 2, secondaryWeight: 0.5, centroidWeight: 2 };

/** The plain neighbour vote (20 neighbours, similarity-weighted primary categories), for comparison. */
export const VOTE_ONLY_OPTIONS: NeighbourVoteOptions = { neighbours: 20, power: 1, secondaryWeight: 0, centroidWeight: 0 };

export class NeighbourVote {
  private centroids: Float32Array | undefined;
  readonly options: NeighbourVoteOptions;

  constructor(
    private readonly data: CatalogueView,
    private readonly related = new RelatedIndex(data),
    options: Partial<NeighbourVoteOptions> = {},
  ) {
    this.options = { ...NEIGHBOUR_VOTE_OPTIONS, ...options };
  }

  /** The k likeliest categories of a text, best first. */
  predictText(title: string, abstract: string | undefined, k = 3): VotedCategory[] {
    return this.predict(this.related.vectorize(title, abstract), k);
  }

  /** The k likeliest categories of a vector in the catalogue's space, best first; `exclude` does not vote. */
  predict(query: SparseVector, k = 3, exclude = -1): VotedCategory[] {
    const votes = this.scores(query, exclude);
    const out: VotedCategory[] = [];
    votes.forEach((score, c) => {
      if (score > 0) out.push({ category: this.data.header.categories[c]!, score });
    });
    out.sort((a, b) => b.score - a.score || (a.category < b.category ? -1 : 1));
    return out.slice(0, k);
  }

  /**
   * Category index → score: the normalised neighbour vote plus centroidWeight × the centroid cosine. `near` may pass
   * the query's nearest papers (best first, at least `neighbours` of them when there are) to save a search.
   */
  scores(query: SparseVector, exclude = -1, near?: ReadonlyArray<{ index: number; score: number }>): Float64Array {
    const votes = new Float64Array(this.data.header.categories.length);
    const { neighbours, power, secondaryWeight, centroidWeight } = this.options;
    if (neighbours > 0) {
      const per = this.data.header.categoriesPerPaper;
      // A category the builder predicted would only echo the learned model back: such papers do not vote.
      const predicted = this.data.categoryPredicted;
      let total = 0;
      const voters = near ? near.slice(0, neighbours) : this.related.nearestScores(query, neighbours, exclude);
      for (const m of voters) {
        if (predicted?.[m.index]) continue;
        const w = power === 1 ? m.score : m.score ** power;
        for (let j = m.index * per; j < (m.index + 1) * per; j++) {
          const c = this.data.categoryIds[j]!;
          if (c === NONE16) break;
          const v = j === m.index * per ? w : w * secondaryWeight;
          votes[c]! += v;
          total += v;
        }
      }
      if (total > 0) for (let c = 0; c < votes.length; c++) votes[c]! /= total;
    }
    if (centroidWeight > 0) {
      const centroids = this.centroidMatrix();
      const C = votes.length;
      for (let q = 0; q < query.ids.length; q++) {
        const base = query.ids[q]! * C;
        const w = query.weights[q]! * centroidWeight;
        for (let c = 0; c < C; c++) votes[c]! += w * centroids[base + c]!;
      }
    }
    return votes;
  }

  /** The scores as a distribution: positive scores over their sum (all zero when nothing scores). */
  distribution(query: SparseVector, exclude = -1, near?: ReadonlyArray<{ index: number; score: number }>): Float64Array {
    const p = this.scores(query, exclude, near);
    let total = 0;
    for (let c = 0; c < p.length; c++) total += Math.max(p[c]!, 0);
    for (let c = 0; c < p.length; c++) p[c] = p[c]! > 0 && total > 0 ? p[c]! / total : 0;
    return p;
  }

  /** Term-major matrix of unit-length mean vectors of each primary category's papers. */
  private centroidMatrix(): Float32Array {
    if (this.centroids) return this.centroids;
    const { vectorIds, vectorWeights, vectorScales, categoryIds, categoryPredicted, paperCount } = this.data;
    const K = this.data.header.vectorTerms;
    const per = this.data.header.categoriesPerPaper;
    const C = this.data.header.categories.length;
    const V = this.data.header.vocabularySize;
    // Summed category-major, a category's papers together (its row stays in cache), each cell in paper order as before:
    // the same sums in the same order; then turned term-major as the votes read it, a block at a time.
    const byCategory = new Float32Array(V * C);
    const papers = papersByCategory(categoryIds, per, C, paperCount, categoryPredicted);
    for (let c = 0; c < C; c++) {
      const row = c * V;
      for (let k = papers.starts[c]!; k < papers.starts[c + 1]!; k++) {
        const i = papers.order[k]!;
        const scale = vectorScales[i]! / 255;
        for (let j = i * K; j < (i + 1) * K; j++) {
          const t = vectorIds[j]!;
          if (t === NONE16) break;
          byCategory[row + t]! += vectorWeights[j]! * scale;
        }
      }
    }
    const m = new Float32Array(V * C);
    const BLOCK = 64;
    for (let t0 = 0; t0 < V; t0 += BLOCK) {
      const t1 = Math.min(V, t0 + BLOCK);
      for (let c = 0; c < C; c++) for (let t = t0; t < t1; t++) m[t * C + c] = byCategory[c * V + t]!;
    }
    const norms = new Float64Array(C);
    for (let t = 0, k = 0; t < V; t++) for (let c = 0; c < C; c++, k++) norms[c]! += m[k]! * m[k]!;
    const divisors = Float64Array.from(norms, (norm) => Math.sqrt(norm) || 1);
    for (let t = 0, k = 0; t < V; t++) for (let c = 0; c < C; c++, k++) m[k]! /= divisors[c]!;
    this.centroids = m;
    return m;
  }
}

/** The papers that vote in each primary category (not predicted), by category, each category's in paper order. */
function papersByCategory(
  categoryIds: Uint16Array,
  per: number,
  categories: number,
  paperCount: number,
  predicted: Uint8Array | undefined,
): { starts: Uint32Array; order: Uint32Array } {
  const votes = (i: number) => categoryIds[i * per]! !== NONE16 && categoryIds[i * per]! < categories && !predicted?.[i];
  const starts = new Uint32Array(categories + 1);
  for (let i = 0; i < paperCount; i++) if (votes(i)) starts[categoryIds[i * per]! + 1]!++;
  for (let c = 0; c < categories; c++) starts[c + 1]! += starts[c]!;
  const fill = starts.slice(0, categories);
  const order = new Uint32Array(starts[categories]!);
  for (let i = 0; i < paperCount; i++) if (votes(i)) order[fill[categoryIds[i * per]!]!++] = i;
  return { starts, order };
}
