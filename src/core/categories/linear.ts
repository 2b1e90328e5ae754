// Learned text classification shared by the category model Paperscope ships (categoryLinearModel.ts) and the
// evaluation's arxiv-sanity-style baseline (eval/tfidfBaseline.ts): a tf-idf vectorizer with its own vocabulary and a
// linear classifier (one-vs-rest logistic or softmax regression) trained by seeded, deterministic SGD. Typed arrays.
//
// Vectorizer, as scikit-learn's TfidfVectorizer: strip accents (NFKD), lowercase, tokens /\b[a-zA-Z_][a-zA-Z0-9_]+\b/,
// English stop words removed, then word 1- and 2-grams; terms kept with min_df ≤ df ≤ max_df · n, the max_features most
// frequent (total count) of those; idf = ln((1 + n) / (1 + df)) + 1 (smooth), tf = 1 + ln(count) (sublinear), rows
// L2-normalised.
import { KeyDocumentFrequencies, sortedIndexOf } from '../text/documentFrequency.ts';
import { mulberry32, shuffle } from '../random.ts';

export { mulberry32 };


/** The Glasgow IR group's English stop words, as scikit-learn ships them ("no one" never matches a token). */
const ENGLISH_STOP_WORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among
  amongst amount an and another any anyhow anyone anything anyway anywhere are around as at back be became because
  become becomes becoming been before beforehand behind being below beside besides between beyond bill both bottom but
  by call can cannot cant co con could couldn't cry de describe detail do done down due during each eg eight either
  eleven else elsewhere empty enough etc even ever every everyone everything everywhere except few fifteen fifty fill
  find fire first five for former formerly forty found four from front full further get give go had has hasn't have he
  hence her here hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in inc indeed
  interest into is it its itself keep last latter latterly least less ltd made many may me meanwhile might mill mine
  more moreover most mostly move much must my myself name namely neither never nevertheless next nine no nobody none
  nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over
  own part per perhaps please put rather re same see seem seemed seeming seems serious several she should show side
  since sincere six sixty so some somehow someone something sometime sometimes somewhere still such system take ten
  than that the their them themselves then thence there thereafter thereby therefore therein thereupon these they
  thick thin third this those though three through throughout thru thus to together too top toward towards twelve
  twenty two un under until up upon us very via was we well were what whatever when whence whenever where whereafter
  whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with
  within without would yet you your yours yourself yourselves`.split(/\s+/),
);

const TOKEN = /(?<![\p{L}\p{N}_])[a-z_][a-z0-9_]+(?![\p{L}\p{N}_])/gu;
/** Word ids are below this; a bigram's key is WORD_BASE + first · WORD_BASE + second (exact in a double). */
const WORD_BASE = 2 ** 24;

export interface TfidfOptions {
  maxFeatures: number;
  minDf: number;
  /** A fraction of the documents. */
  maxDf: number;
  /** Whether author names are part of the text (arxiv-sanity-lite reads them); true when left out. */
  authors?: boolean;
}

/** What a vectorizer reads of a paper. */
export interface TfidfDoc {
  title: string;
  abstract?: string;
  authors?: string[];
}

/** A document's text: title, abstract, then author names (arxiv-sanity-lite's order) unless `authors` is false. */
export function documentText(doc: TfidfDoc, authors = true): string {
  return [doc.title, doc.abstract ?? '', authors ? (doc.authors ?? []).join(' ') : ''].join(' ');
}

/** scikit-learn's preprocessing and tokenization with stop words removed. */
export function tfidfTokens(text: string): string[] {
  const plain = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const out: string[] = [];
  for (const m of plain.matchAll(TOKEN)) if (!ENGLISH_STOP_WORDS.has(m[0])) out.push(m[0]);
  return out;
}

/** A sparse L2-normalised row: feature ids ascending. */
export interface SparseRow {
  ids: Uint32Array;
  values: Float32Array;
}

/** Rows in compressed sparse row form. */
export interface CsrMatrix {
  rows: number;
  indptr: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
}

/** A fitted vectorizer: vocabulary (terms), idf, and the transform. */
export class TfidfVectorizer {
  private readonly wordId = new Map<string, number>();
  private wordFeature = new Int32Array(0);
  private readonly bigramFeature = new Map<number, number>();
  terms: string[] = [];
  idf: Float32Array = new Float32Array(0);

  constructor(readonly options: TfidfOptions) {}

  /** A vectorizer from a fitted vocabulary (terms as `word` or `word word`, ascending feature ids) and its idf. */
  static fromVocabulary(options: TfidfOptions, terms: readonly string[], idf: Float32Array): TfidfVectorizer {
    if (terms.length !== idf.length) throw new Error('tf-idf vocabulary: terms and idf differ in length');
    const v = new TfidfVectorizer(options);
    const parts = terms.map((t) => v.ids(t.split(' '), true));
    v.wordFeature = new Int32Array(v.wordId.size).fill(-1);
    parts.forEach((ids, f) => {
      if (ids.length === 1) v.wordFeature[ids[0]!] = f;
      else if (ids.length === 2) v.bigramFeature.set(WORD_BASE + ids[0]! * WORD_BASE + ids[1]!, f);
      else throw new Error(`tf-idf vocabulary: term ${JSON.stringify(terms[f])} is not a 1- or 2-gram`);
    });
    v.terms = [...terms];
    v.idf = idf;
    return v;
  }

  private tokenIds(doc: TfidfDoc, learn: boolean): Int32Array {
    return this.ids(tfidfTokens(documentText(doc, this.options.authors !== false)), learn);
  }

  private ids(tokens: string[], learn: boolean): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, k) => {
      let id = this.wordId.get(t);
      if (id === undefined) {
        if (!learn) {
          out[k] = -1;
          return;
        }
        id = this.wordId.size;
        if (id >= WORD_BASE) throw new Error('tf-idf: too many distinct words');
        this.wordId.set(t, id);
      }
      out[k] = id;
    });
    return out;
  }

  /** Learns the vocabulary and idf from `docs`; returns their tf-idf rows. */
  fitTransform(docs: readonly TfidfDoc[]): CsrMatrix {
    const n = docs.length;
    const tokenized = docs.map((d) => this.tokenIds(d, true));
    const wordCount = this.wordId.size;

    // Document frequencies of every unigram and bigram.
    const frequencies = new KeyDocumentFrequencies();
    const docKeys: number[] = [];
    for (const ids of tokenized) {
      docKeys.length = 0;
      for (let k = 0; k < ids.length; k++) {
        docKeys.push(ids[k]!);
        if (k + 1 < ids.length) docKeys.push(WORD_BASE + ids[k]! * WORD_BASE + ids[k + 1]!);
      }
      frequencies.addDocument(docKeys);
    }
    const maxDocs = this.options.maxDf * n;
    const candidateKeys: number[] = [];
    const candidateDf: number[] = [];
    frequencies.forEachKey((key, df) => {
      if (df >= this.options.minDf && df <= maxDocs) {
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
          const b = find(WORD_BASE + ids[k]! * WORD_BASE + ids[k + 1]!);
          if (b >= 0) total[b]!++;
        }
      }
    }
    const words: string[] = new Array<string>(wordCount);
    for (const [w, id] of this.wordId) words[id] = w;
    const termOf = (key: number): string =>
      key < WORD_BASE ? words[key]! : `${words[Math.floor((key - WORD_BASE) / WORD_BASE)]!} ${words[(key - WORD_BASE) % WORD_BASE]!}`;
    const order = Array.from(cKeys, (_k, i) => i).map((i) => ({ i, term: termOf(cKeys[i]!) }));
    order.sort((a, b) => total[b.i]! - total[a.i]! || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    const kept = order.slice(0, this.options.maxFeatures).sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    this.terms = kept.map((k) => k.term);
    this.idf = Float32Array.from(kept, (k) => Math.log((1 + n) / (1 + candidateDf[k.i]!)) + 1);
    this.wordFeature = new Int32Array(wordCount).fill(-1);
    kept.forEach((k, f) => {
      const key = cKeys[k.i]!;
      if (key < WORD_BASE) this.wordFeature[key] = f;
      else this.bigramFeature.set(key, f);
    });
    return this.rowsOf(tokenized);
  }

  /** tf-idf rows of new documents (unknown words are dropped). */
  transform(docs: readonly TfidfDoc[]): CsrMatrix {
    return this.rowsOf(docs.map((d) => this.tokenIds(d, false)));
  }

  /** One document's row. */
  vector(doc: TfidfDoc): SparseRow {
    return this.row(this.tokenIds(doc, false));
  }

  private row(ids: Int32Array): SparseRow {
    const counts = new Map<number, number>();
    for (let k = 0; k < ids.length; k++) {
      const w = ids[k]!;
      if (w < 0) continue;
      const u = this.wordFeature[w]!;
      if (u >= 0) counts.set(u, (counts.get(u) ?? 0) + 1);
      const next = k + 1 < ids.length ? ids[k + 1]! : -1;
      if (next >= 0) {
        const b = this.bigramFeature.get(WORD_BASE + w * WORD_BASE + next);
        if (b !== undefined) counts.set(b, (counts.get(b) ?? 0) + 1);
      }
    }
    const features = [...counts.keys()].sort((a, b) => a - b);
    const values = new Float32Array(features.length);
    let norm = 0;
    features.forEach((f, j) => {
      const v = (1 + Math.log(counts.get(f)!)) * this.idf[f]!;
      values[j] = v;
      norm += v * v;
    });
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < values.length; j++) values[j]! /= norm;
    return { ids: Uint32Array.from(features), values };
  }

  private rowsOf(tokenized: Int32Array[]): CsrMatrix {
    const rows = tokenized.map((ids) => this.row(ids));
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
}

/** Row `i` of a matrix (views, not copies). */
export function rowOf(m: CsrMatrix, i: number): SparseRow {
  return { ids: m.indices.subarray(m.indptr[i]!, m.indptr[i + 1]!), values: m.values.subarray(m.indptr[i]!, m.indptr[i + 1]!) };
}

/** One-vs-rest logistic regression (scikit-learn SGDClassifier's log loss), or multinomial (softmax) regression. */
export type LinearLoss = 'ovr' | 'softmax';

export interface LinearOptions {
  /** L2 regularisation strength (scikit-learn SGDClassifier's alpha). */
  alpha: number;
  epochs: number;
  seed: number;
  /** One-vs-rest when left out. */
  loss?: LinearLoss;
}

/** Scores of a linear model as probabilities: softmax for a softmax model; sigmoids over their sum for one-vs-rest. */
export function probabilitiesOf(scores: Float64Array, loss: LinearLoss): Float64Array {
  let total = 0;
  if (loss === 'softmax') {
    let max = -Infinity;
    for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]!);
    for (let c = 0; c < scores.length; c++) total += scores[c] = Math.exp(scores[c]! - max);
  } else {
    for (let c = 0; c < scores.length; c++) total += scores[c] = sigmoid(scores[c]!);
  }
  for (let c = 0; c < scores.length; c++) scores[c] = total > 0 ? scores[c]! / total : 0;
  return scores;
}

/** The k best classes by score, best first (ties: lower class index). */
export function topClasses(scores: Float64Array, classes: readonly string[], k: number): string[] {
  return Array.from(scores, (v, c) => [v, c] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k)
    .map(([, c]) => classes[c]!);
}

/** A linear classifier over tf-idf rows: feature-major weights (feature · classes + class) and a bias per class. */
export class LinearModel {
  constructor(
    readonly classes: readonly string[],
    readonly features: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly loss: LinearLoss,
  ) {}

  /** Class scores (decision function) of a row. */
  scores(row: SparseRow): Float64Array {
    const C = this.classes.length;
    const out = Float64Array.from(this.bias);
    for (let j = 0; j < row.ids.length; j++) {
      const f = row.ids[j]!;
      if (f >= this.features) continue;
      const base = f * C;
      const x = row.values[j]!;
      for (let c = 0; c < C; c++) out[c]! += this.weights[base + c]! * x;
    }
    return out;
  }

  probabilities(row: SparseRow): Float64Array {
    return probabilitiesOf(this.scores(row), this.loss);
  }

  /** The k most likely classes, best first. */
  top(row: SparseRow, k: number): string[] {
    return topClasses(this.scores(row), this.classes, k);
  }
}

/**
 * Trains a linear classifier by SGD (scikit-learn's "optimal" step 1 / (alpha · (t + t0)), L2 through a shared weight
 * scale so sparse steps stay sparse) on tf-idf rows, one label per row (unlabelled rows are skipped). One-vs-rest takes
 * each class's logistic loss; softmax the cross-entropy of all classes. Deterministic for a seed.
 */
export function trainLinear(matrix: CsrMatrix, features: number, labels: readonly (string | undefined)[], options: LinearOptions): LinearModel {
  const classIndex = new Map<string, number>();
  for (const l of labels) if (l && !classIndex.has(l)) classIndex.set(l, classIndex.size);
  const classes = [...classIndex.keys()];
  const C = classes.length;
  const w = new Float32Array(features * C);
  const b = new Float64Array(C);
  const rows: number[] = [];
  const y = new Int32Array(labels.length).fill(-1);
  labels.forEach((l, i) => {
    if (l) {
      rows.push(i);
      y[i] = classIndex.get(l)!;
    }
  });
  const { alpha, epochs } = options;
  const softmax = options.loss === 'softmax';
  // Step size as scikit-learn's "optimal" schedule: eta = 1 / (alpha (t0 + t)), t0 from a typical initial step.
  const typw = Math.sqrt(1 / Math.sqrt(alpha));
  const eta0 = typw / Math.max(1, dlogLoss(-typw));
  const t0 = 1 / (eta0 * alpha);
  let scale = 1;
  let t = 0;
  const random = mulberry32(options.seed);
  const score = new Float64Array(C);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(rows, random);
    for (const i of rows) {
      const eta = 1 / (alpha * (t0 + t));
      t++;
      score.set(b);
      for (let j = matrix.indptr[i]!; j < matrix.indptr[i + 1]!; j++) {
        const base = matrix.indices[j]! * C;
        const x = matrix.values[j]! * scale;
        for (let c = 0; c < C; c++) score[c]! += w[base + c]! * x;
      }
      scale *= 1 - eta * alpha;
      const yi = y[i]!;
      if (softmax) probabilitiesOf(score, 'softmax');
      for (let c = 0; c < C; c++) {
        // d loss / d score: p − [c = y] for softmax, −y · σ(−y · score) for each one-vs-rest logistic loss.
        let g: number;
        if (softmax) g = score[c]! - (c === yi ? 1 : 0);
        else {
          const target = c === yi ? 1 : -1;
          g = -target * sigmoid(-target * score[c]!);
        }
        if (Math.abs(g) < 1e-4) {
          score[c] = 0;
          continue;
        }
        score[c] = g;
        b[c]! -= eta * g * 0.01; // a damped bias step, as scikit-learn's intercept_decay for sparse input
      }
      const step = eta / scale;
      for (let j = matrix.indptr[i]!; j < matrix.indptr[i + 1]!; j++) {
        const base = matrix.indices[j]! * C;
        const x = matrix.values[j]! * step;
        for (let c = 0; c < C; c++) {
          const g = score[c]!;
          if (g !== 0) w[base + c]! -= g * x;
        }
      }
      if (scale < 1e-9) {
        for (let k = 0; k < w.length; k++) w[k]! *= scale;
        scale = 1;
      }
    }
  }
  for (let k = 0; k < w.length; k++) w[k]! *= scale;
  return new LinearModel(classes, features, w, Float32Array.from(b), softmax ? 'softmax' : 'ovr');
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** |d/dz log(1 + e^-z)| at z. */
function dlogLoss(z: number): number {
  return sigmoid(-z);
}

