// Related papers: tf-idf vectors over the catalogue (words and word pairs), cosine similarity, and why.
import type { CataloguePaper } from './paper.ts';
import { termCounts } from './text.ts';

/** Terms kept by the catalogue with their inverse document frequency, sorted by term. */
export interface Vocabulary {
  terms: string[];
  idf: number[];
}

/** A term must occur in this many papers to be a reason for relatedness (typos and one-offs are noise). */
const MIN_DOCUMENT_FREQUENCY = 2;
/** Terms in more than this share of papers say nothing about a topic. */
const MAX_DOCUMENT_SHARE = 0.5;

export function buildVocabulary(papers: readonly CataloguePaper[]): Vocabulary {
  const df = new Map<string, number>();
  for (const p of papers) {
    for (const term of termCounts(`${p.title} ${p.abstract}`).keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = papers.length;
  const minDf = n < 20 ? 1 : MIN_DOCUMENT_FREQUENCY;
  const terms = [...df.entries()]
    .filter(([, count]) => count >= minDf && count <= Math.max(1, MAX_DOCUMENT_SHARE * n))
    .map(([term]) => term)
    .sort();
  const idf = terms.map((t) => round4(Math.log((1 + n) / (1 + df.get(t)!)) + 1));
  return { terms, idf };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** A sparse unit vector: term ids ascending with their weights. */
export interface SparseVector {
  ids: Uint32Array;
  weights: Float32Array;
}

export interface RelatedMatch {
  index: number;
  score: number;
  sharedTerms: string[];
}

export class RelatedIndex {
  private readonly termId = new Map<string, number>();
  private readonly vectors: SparseVector[];

  constructor(
    private readonly vocabulary: Vocabulary,
    papers: readonly CataloguePaper[],
  ) {
    vocabulary.terms.forEach((t, i) => this.termId.set(t, i));
    this.vectors = papers.map((p) => this.vectorize(p.title, p.abstract));
  }

  /** Title words count twice: a title is the paper's own summary of what matters. */
  vectorize(title: string, abstract = ''): SparseVector {
    const counts = termCounts(`${title} ${title} ${abstract}`);
    const entries: Array<[number, number]> = [];
    for (const [term, count] of counts) {
      const id = this.termId.get(term);
      if (id === undefined) continue;
      entries.push([id, (1 + Math.log(count)) * this.vocabulary.idf[id]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.hypot(...entries.map(([, w]) => w)) || 1;
    return {
      ids: Uint32Array.from(entries.map(([id]) => id)),
      weights: Float32Array.from(entries.map(([, w]) => w / norm)),
    };
  }

  vectorOf(index: number): SparseVector | undefined {
    return this.vectors[index];
  }

  /** The `limit` most similar catalogue papers, skipping `exclude` (the query paper itself). */
  nearest(query: SparseVector, limit: number, exclude = -1): RelatedMatch[] {
    const scored: Array<{ index: number; score: number }> = [];
    this.vectors.forEach((v, index) => {
      if (index === exclude) return;
      const score = dot(query, v);
      if (score > 0) scored.push({ index, score });
    });
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    return scored.slice(0, limit).map(({ index, score }) => ({
      index,
      score,
      sharedTerms: this.sharedTerms(query, this.vectors[index]!),
    }));
  }

  /** The terms that contribute most to the similarity, best first. */
  private sharedTerms(a: SparseVector, b: SparseVector, max = 5): string[] {
    const shared: Array<[string, number]> = [];
    let i = 0;
    let j = 0;
    while (i < a.ids.length && j < b.ids.length) {
      const x = a.ids[i]!;
      const y = b.ids[j]!;
      if (x === y) {
        shared.push([this.vocabulary.terms[x]!, a.weights[i]! * b.weights[j]!]);
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    shared.sort((p, q) => q[1] - p[1]);
    // A pair ("memory wall") already says what its words say.
    const picked: string[] = [];
    for (const [term] of shared) {
      if (picked.some((p) => p.includes(term) || term.includes(p))) continue;
      picked.push(term);
      if (picked.length === max) break;
    }
    return picked;
  }
}

function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
