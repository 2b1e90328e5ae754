// Fitting the category model's tf-idf vocabulary to papers, as scikit-learn's TfidfVectorizer fits: word 1- and
// 2-grams kept with min_df ≤ df ≤ max_df · n, the max_features most frequent (total count) of those, idf =
// ln((1 + n) / (1 + df)) + 1 (smooth); and the papers' rows as a sparse matrix to train on. The fitted vocabulary is
// read by the extension's vectorizer (src/core/categories/tfidf.ts), which also turns new papers into rows.
import {
  bigramKey,
  documentText,
  featureCounts,
  tfidfRow,
  tfidfTokens,
  TfidfVectorizer,
  WORD_BASE,
  type PaperText,
  type TfidfRow,
  type TfidfOptions,
} from '../core/categories/tfidf.ts';
import { KeyDocumentFrequencies, sortedIndexOf } from '../core/text/documentFrequency.ts';

/** Rows in compressed sparse row form. */
export interface CsrMatrix {
  rows: number;
  indptr: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
}

/** Row `i` of a matrix (views, not copies). */
export function rowOf(m: CsrMatrix, i: number): TfidfRow {
  return { ids: m.indices.subarray(m.indptr[i]!, m.indptr[i + 1]!), values: m.values.subarray(m.indptr[i]!, m.indptr[i + 1]!) };
}

/** Rows packed as a matrix. */
export function csrMatrix(rows: readonly TfidfRow[]): CsrMatrix {
  const indptr = new Uint32Array(rows.length + 1);
  rows.forEach((r, i) => (indptr[i + 1] = indptr[i]! + r.ids.length));
  const indices = new Uint32Array(indptr[rows.length]!);
  const values = new Float32Array(indptr[rows.length]!);
  rows.forEach((r, i) => {
    indices.set(r.ids, indptr[i]!);
    values.set(r.values, indptr[i]!);
  });
  return { rows: rows.length, indptr, indices, values };
}

const byTerm = (a: { term: string }, b: { term: string }) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/** Learns a vocabulary and its idf from `docs`: the vectorizer, and the docs' tf-idf rows. */
export function fitTfidf(docs: readonly PaperText[], options: TfidfOptions): { vectorizer: TfidfVectorizer; matrix: CsrMatrix } {
  const n = docs.length;
  const wordId = new Map<string, number>();
  const tokenized = docs.map((d) =>
    Int32Array.from(tfidfTokens(documentText(d, options.authors !== false)), (t) => {
      let id = wordId.get(t);
      if (id === undefined) {
        id = wordId.size;
        if (id >= WORD_BASE) throw new Error('tf-idf: too many distinct words');
        wordId.set(t, id);
      }
      return id;
    }),
  );
  const wordCount = wordId.size;

  // Document frequencies of every unigram and bigram.
  const frequencies = new KeyDocumentFrequencies();
  const docKeys: number[] = [];
  for (const ids of tokenized) {
    docKeys.length = 0;
    for (let k = 0; k < ids.length; k++) {
      docKeys.push(ids[k]!);
      if (k + 1 < ids.length) docKeys.push(bigramKey(ids[k]!, ids[k + 1]!));
    }
    frequencies.addDocument(docKeys);
  }
  const maxDocs = options.maxDf * n;
  const candidateKeys: number[] = [];
  const candidateDf: number[] = [];
  frequencies.forEachKey((key, df) => {
    if (df >= options.minDf && df <= maxDocs) {
      candidateKeys.push(key);
      candidateDf.push(df);
    }
  });
  const cKeys = Float64Array.from(candidateKeys);
  const find = (key: number): number => sortedIndexOf(cKeys, key);

  // Total counts of the candidates; keep the maxFeatures most frequent (ties: alphabetical, as scikit-learn's
  // vocabulary is sorted before it is cut).
  const total = new Float64Array(cKeys.length);
  for (const ids of tokenized) {
    for (let k = 0; k < ids.length; k++) {
      const u = find(ids[k]!);
      if (u >= 0) total[u]!++;
      if (k + 1 < ids.length) {
        const b = find(bigramKey(ids[k]!, ids[k + 1]!));
        if (b >= 0) total[b]!++;
      }
    }
  }
  const words: string[] = new Array<string>(wordCount);
  for (const [w, id] of wordId) words[id] = w;
  const termOf = (key: number): string => (key < WORD_BASE ? words[key]! : `${words[Math.floor((key - WORD_BASE) / WORD_BASE)]!} ${words[(key - WORD_BASE) % WORD_BASE]!}`);
  const order = Array.from(cKeys, (_k, i) => i).map((i) => ({ i, term: termOf(cKeys[i]!) }));
  order.sort((a, b) => total[b.i]! - total[a.i]! || byTerm(a, b));
  const kept = order.slice(0, options.maxFeatures).sort(byTerm);
  const idf = Float32Array.from(kept, (k) => Math.log((1 + n) / (1 + candidateDf[k.i]!)) + 1);
  const wordFeature = new Int32Array(wordCount).fill(-1);
  const bigramFeature = new Map<number, number>();
  kept.forEach((k, f) => {
    const key = cKeys[k.i]!;
    if (key < WORD_BASE) wordFeature[key] = f;
    else bigramFeature.set(key, f);
  });
  const matrix = csrMatrix(tokenized.map((ids) => tfidfRow(featureCounts(ids, wordFeature, bigramFeature), idf)));
  const vectorizer = TfidfVectorizer.fromVocabulary(
    options,
    kept.map((k) => k.term),
    idf,
  );
  return { vectorizer, matrix };
}
