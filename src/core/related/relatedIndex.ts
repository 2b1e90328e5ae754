// Related papers: packed tf-idf vectors of the catalogue, searched through an inverted index, with the shared terms as why.
import type { CatalogueView } from '../catalogue/artifact.ts';
import { NONE16 } from '../catalogue/artifact.ts';
import { eachWord, STOPWORDS } from '../text/terms.ts';

/** A sparse unit vector: term ids ascending with their weights. */
export interface SparseVector {
  ids: Uint32Array;
  weights: Float32Array;
}

export interface RelatedMatch {
  index: number;
  /** What the list is ordered by, 0..1 (the cosine, or a blend with category agreement: CatalogueIndex.relatedOf). */
  score: number;
  /** The tf-idf cosine alone, when `score` is a blend. */
  similarity?: number;
  sharedTerms: string[];
}

/** A word of the vocabulary: its term id (-1 when only pairs hold it), the pairs it begins, and whether it is a stopword. */
interface VocabularyWord {
  id: number;
  stop: boolean;
  next?: Map<string, number>;
}

export class RelatedIndex {
  /**
   * Every word of the vocabulary with its id, the pairs it begins and whether it is a stopword: one lookup a word (no
   * pair string is built to look one up).
   */
  private vocabularyCache: Map<string, VocabularyWord> | undefined;
  private termCounts: Uint32Array | undefined;
  private postings: { starts: Uint32Array; docs: Uint32Array; weights: Float32Array } | undefined;
  private scores: Float32Array | undefined;

  constructor(private readonly data: CatalogueView) {}

  private get vocabulary(): Map<string, VocabularyWord> {
    if (this.vocabularyCache) return this.vocabularyCache;
    const vocabulary = new Map<string, VocabularyWord>();
    const entry = (word: string) => {
      let found = vocabulary.get(word);
      if (!found) vocabulary.set(word, (found = { id: -1, stop: false }));
      return found;
    };
    this.data.lines('terms').forEach((term, id) => {
      // A term is a word or two words and a space (termCounts); a later duplicate wins, as in a Map of the terms.
      const space = term.indexOf(' ');
      if (space < 0) entry(term).id = id;
      else (entry(term.slice(0, space)).next ??= new Map()).set(term.slice(space + 1), id);
    });
    // Stopwords are no words of a text's (nor do they part a pair).
    for (const word of STOPWORDS) entry(word).stop = true;
    this.vocabularyCache = vocabulary;
    return vocabulary;
  }

  /**
   * The vector of a text that is not in the catalogue (title counted twice, as at build time): the terms of termCounts
   * that are in the vocabulary, counted as the words pass (tests/unit/vectorize.test.ts holds it to the termCounts way).
   */
  vectorize(title: string, abstract = ''): SparseVector {
    const vocabulary = this.vocabulary;
    // Counts by term id in one array kept for the index's life, with the ids touched (cleared after): no map per text.
    const counts = (this.termCounts ??= new Uint32Array(this.data.lines('terms').length));
    const touched: number[] = [];
    const count = (id: number) => {
      if (counts[id]!++ === 0) touched.push(id);
    };
    // The previous content word's entry (undefined: none, or a word the vocabulary does not hold).
    let previous: VocabularyWord | undefined;
    eachWord(`${title} ${title} ${abstract}`, (word) => {
      const entry = vocabulary.get(word);
      if (entry?.stop) return;
      if (entry && entry.id >= 0) count(entry.id);
      const pair = previous?.next?.get(word);
      if (pair !== undefined) count(pair);
      previous = entry;
    });
    const ids = Uint32Array.from(touched).sort();
    const raw: number[] = new Array(ids.length);
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      raw[j] = (1 + Math.log(counts[id]!)) * this.data.idf[id]!;
      counts[id] = 0;
    }
    const norm = Math.hypot(...raw) || 1;
    const weights = new Float32Array(ids.length);
    for (let j = 0; j < raw.length; j++) weights[j] = raw[j]! / norm;
    return { ids, weights };
  }

  /** A catalogue paper's stored vector, dequantized. */
  vectorOf(index: number): SparseVector {
    const ids: number[] = [];
    const weights: number[] = [];
    const scale = this.data.vectorScales[index]! / 255;
    const V = this.data.header.vocabularySize;
    const stored = this.data.vectorOf(index);
    for (let j = 0; j < stored.ids.length; j++) {
      const id = stored.ids[j]!;
      if (id >= V) continue; // refused at import (CatalogueData.validate); skipped here all the same
      ids.push(id);
      weights.push(stored.weights[j]! * scale);
    }
    return { ids: Uint32Array.from(ids), weights: Float32Array.from(weights) };
  }

  /** Term → (paper, weight) lists, built on the first related query (matching never needs it). */
  private inverted() {
    if (this.postings) return this.postings;
    const { vectorIds, vectorWeights, vectorScales, paperCount: n } = this.data;
    const K = this.data.header.vectorTerms;
    const V = this.data.header.vocabularySize;
    const starts = new Uint32Array(V + 1);
    for (let j = 0; j < vectorIds.length; j++) if (vectorIds[j]! < V) starts[vectorIds[j]! + 1]!++;
    for (let t = 0; t < V; t++) starts[t + 1]! += starts[t]!;
    const fill = starts.slice(0, V);
    const docs = new Uint32Array(starts[V]!);
    const weights = new Float32Array(starts[V]!);
    for (let i = 0; i < n; i++) {
      const scale = vectorScales[i]! / 255;
      for (let j = i * K; j < (i + 1) * K; j++) {
        const t = vectorIds[j]!;
        if (t === NONE16) break;
        if (t >= V) continue;
        const at = fill[t]!++;
        docs[at] = i;
        weights[at] = vectorWeights[j]! * scale;
      }
    }
    this.postings = { starts, docs, weights };
    return this.postings;
  }

  /** The `limit` most similar catalogue papers, skipping `exclude` (the query paper itself). */
  nearest(query: SparseVector, limit: number, exclude = -1): RelatedMatch[] {
    return this.nearestScores(query, limit, exclude).map(({ index, score }) => ({ index, score, sharedTerms: this.sharedTermsWith(query, index) }));
  }

  /** The `limit` most similar catalogue papers with their cosine, best first (ties by index), without the why. */
  nearestScores(query: SparseVector, limit: number, exclude = -1): Array<{ index: number; score: number }> {
    const { starts, docs, weights } = this.inverted();
    const scores = (this.scores ??= new Float32Array(this.data.paperCount));
    const touched: number[] = [];
    for (let q = 0; q < query.ids.length; q++) {
      const t = query.ids[q]!;
      const qw = query.weights[q]!;
      for (let p = starts[t]!; p < starts[t + 1]!; p++) {
        const d = docs[p]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += qw * weights[p]!;
      }
    }
    const best: Array<{ index: number; score: number }> = [];
    const before = (a: { index: number; score: number }, b: { index: number; score: number }) => a.score > b.score || (a.score === b.score && a.index < b.index);
    for (const d of touched) {
      const score = scores[d]!;
      scores[d] = 0;
      if (d === exclude || score <= 0 || limit <= 0) continue;
      const item = { index: d, score };
      if (best.length === limit && !before(item, best[best.length - 1]!)) continue;
      // Insert in order (binary search): the list stays sorted, best first.
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(best[mid]!, item)) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, item);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /** Why a catalogue paper is related to the query: the shared terms that weigh most. */
  sharedTermsWith(query: SparseVector, index: number): string[] {
    return this.sharedTerms(query, this.vectorOf(index));
  }

  /** The terms that contribute most to the similarity, best first; a pair already says what its words say. */
  sharedTerms(a: SparseVector, b: SparseVector, max = 5): string[] {
    const terms = this.data.lines('terms');
    const shared: Array<[string, number]> = [];
    let i = 0;
    let j = 0;
    while (i < a.ids.length && j < b.ids.length) {
      const x = a.ids[i]!;
      const y = b.ids[j]!;
      if (x === y) {
        shared.push([terms[x]!, a.weights[i]! * b.weights[j]!]);
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    shared.sort((p, q) => q[1] - p[1]);
    const picked: string[] = [];
    for (const [term] of shared) {
      if (picked.some((p) => p.includes(term) || term.includes(p))) continue;
      picked.push(term);
      if (picked.length === max) break;
    }
    return picked;
  }
}
