// The measurement baseline: arxiv-sanity-lite's tf-idf (scikit-learn TfidfVectorizer settings), exact cosine
// neighbours over it, and a one-vs-rest logistic regression on it for categories. The vectorizer and the SGD trainer
// are shared with Paperscope's own category model (src/core/categories/tfidf.ts, src/training/tfidfFitting.ts and
// src/training/linearClassifier.ts); the settings here are the baseline's own.
//
// Vectorizer, as arxiv-sanity-lite's compute.py configures scikit-learn: text = title + abstract + author names;
// 1- and 2-grams, 20k features, min_df 5, max_df 0.1, smooth idf, sublinear tf, L2 rows.
import type { LinearOptions } from '../core/categories/categoryModel.ts';
import { documentText, tfidfTokens, type PaperText, type TfidfRow, type TfidfOptions } from '../core/categories/tfidf.ts';
import { LinearModel, trainLinear } from '../training/linearClassifier.ts';
import type { CsrMatrix } from '../training/tfidfFitting.ts';

export const ARXIV_SANITY_OPTIONS: TfidfOptions = { maxFeatures: 20_000, minDf: 5, maxDf: 0.1, authors: true };

/** arxiv-sanity-lite's document text: title, abstract, then author names. */
export function baselineText(doc: PaperText): string {
  return documentText(doc, true);
}

/** scikit-learn's preprocessing and tokenization with stop words removed. */
export function baselineTokens(text: string): string[] {
  return tfidfTokens(text);
}

export interface Neighbour {
  index: number;
  score: number;
}

/** Exact cosine neighbours over L2-normalised rows (all features, no pruning), via a feature → rows index. */
export class TfidfNeighbours {
  private readonly starts: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly weights: Float32Array;
  private readonly scores: Float32Array;

  constructor(matrix: CsrMatrix, features: number) {
    const starts = new Uint32Array(features + 1);
    for (let j = 0; j < matrix.indices.length; j++) starts[matrix.indices[j]! + 1]!++;
    for (let f = 0; f < features; f++) starts[f + 1]! += starts[f]!;
    const fill = starts.slice(0, features);
    const docs = new Uint32Array(matrix.indices.length);
    const weights = new Float32Array(matrix.indices.length);
    for (let i = 0; i < matrix.rows; i++) {
      for (let j = matrix.indptr[i]!; j < matrix.indptr[i + 1]!; j++) {
        const at = fill[matrix.indices[j]!]!++;
        docs[at] = i;
        weights[at] = matrix.values[j]!;
      }
    }
    this.starts = starts;
    this.docs = docs;
    this.weights = weights;
    this.scores = new Float32Array(matrix.rows);
  }

  /** The `k` rows most similar to `query` (cosine), best first; ties by row index; `exclude` skipped. */
  nearest(query: TfidfRow, k: number, exclude = -1): Neighbour[] {
    const { starts, docs, weights, scores } = this;
    const touched: number[] = [];
    for (let q = 0; q < query.ids.length; q++) {
      const f = query.ids[q]!;
      const qv = query.values[q]!;
      for (let p = starts[f]!; p < starts[f + 1]!; p++) {
        const d = docs[p]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += qv * weights[p]!;
      }
    }
    return topK(touched, scores, k, exclude);
  }
}

/** The k best of `candidates` by score (and resets their scores to 0). */
function topK(candidates: number[], scores: Float32Array, k: number, exclude: number): Neighbour[] {
  const best: Neighbour[] = [];
  let floor = -Infinity;
  for (const d of candidates) {
    const score = scores[d]!;
    scores[d] = 0;
    if (d === exclude || score <= 0) continue;
    if (best.length < k || score > floor || (score === floor && d < best[best.length - 1]!.index)) {
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.index > d))) at--;
      best.splice(at, 0, { index: d, score });
      if (best.length > k) best.pop();
      floor = best.length === k ? best[k - 1]!.score : -Infinity;
    }
  }
  return best;
}

export const LINEAR_OPTIONS: LinearOptions = { alpha: 5e-6, epochs: 6, seed: 1, loss: 'ovr' };

/** The baseline's one-vs-rest logistic regression (SGD, LINEAR_OPTIONS unless told), trained on construction. */
export class LinearClassifier extends LinearModel {
  constructor(matrix: CsrMatrix, features: number, labels: readonly (string | undefined)[], options: LinearOptions = LINEAR_OPTIONS) {
    const m = trainLinear(matrix, features, labels, options);
    super(m.classes, m.features, m.weights, m.bias, m.loss);
  }
}

/** A k-nearest-neighbour vote: each neighbour votes its label with its similarity; the top classes, best first. */
export function knnVote(neighbours: readonly Neighbour[], labelOf: (index: number) => string | undefined, k: number): string[] {
  const votes = new Map<string, number>();
  for (const n of neighbours) {
    const l = labelOf(n.index);
    if (l) votes.set(l, (votes.get(l) ?? 0) + n.score);
  }
  return [...votes]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([l]) => l);
}
