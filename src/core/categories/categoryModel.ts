// The learned arXiv category model Paperscope ships (assets/models/categories.bin): reading the file, and a paper's
// category probabilities from its tf-idf row (tfidf.ts) with the softmax regression's pruned int8 weights. Training it
// and writing the file are in src/training (categoryModelTraining.ts, categoryModelFile.ts).
import { CategoryNetwork, MixedProbabilities, unpackNibbles, type CategoryNetworkOptions } from './categoryNetwork.ts';
import { TfidfVectorizer, type ClassProbabilities, type PaperText, type TfidfRow, type TfidfOptions } from './tfidf.ts';

export type { ClassProbabilities };

/** One-vs-rest logistic regression (scikit-learn SGDClassifier's log loss), or multinomial (softmax) regression. */
export type LinearLoss = 'ovr' | 'softmax';

/** How the linear classifier was trained (src/training/linearClassifier.ts); a model file records it. */
export interface LinearOptions {
  /** L2 regularisation strength (scikit-learn SGDClassifier's alpha). */
  alpha: number;
  epochs: number;
  seed: number;
  /** One-vs-rest when left out. */
  loss?: LinearLoss;
}

/** The logistic function, computed without overflow. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
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

/**
 * A linear model keeping only its largest weights, as int8 per category with a scale: for each feature, the categories
 * it has a weight for (ascending) and the quantized weights. Scores are bias + scale · Σ x · q.
 */
export class SparseLinearModel implements ClassProbabilities {
  constructor(
    readonly classes: readonly string[],
    readonly features: number,
    readonly loss: LinearLoss,
    readonly bias: Float32Array,
    readonly scale: Float32Array,
    /** Entries of feature f are starts[f] ..< starts[f + 1]. */
    readonly starts: Uint32Array,
    readonly categories: Uint8Array | Uint16Array,
    readonly weights: Int8Array,
  ) {}

  get entries(): number {
    return this.weights.length;
  }

  scores(row: TfidfRow): Float64Array {
    const C = this.classes.length;
    const sum = new Float64Array(C);
    for (let j = 0; j < row.ids.length; j++) {
      const f = row.ids[j]!;
      if (f >= this.features) continue;
      const x = row.values[j]!;
      for (let e = this.starts[f]!; e < this.starts[f + 1]!; e++) sum[this.categories[e]!]! += x * this.weights[e]!;
    }
    for (let c = 0; c < C; c++) sum[c] = this.bias[c]! + this.scale[c]! * sum[c]!;
    return sum;
  }

  probabilities(row: TfidfRow): Float64Array {
    return probabilitiesOf(this.scores(row), this.loss);
  }
}

/** Where a model came from: counts and settings, never the papers. */
export interface LearnedModelInfo {
  /** Labelled papers it was trained on. */
  papers: number;
  /** The input file's name (no directory), when trained by the script. */
  source?: string;
  /** Latest paper date in the training data, when known. */
  until?: string;
  vectorizer: TfidfOptions;
  linear: LinearOptions;
  /** Weights kept after pruning (all when not pruned). */
  entries: number;
  /** The hidden-layer network mixed with the linear model, when there is one. */
  network?: CategoryNetworkOptions;
}

export interface CategoryProbability {
  category: string;
  probability: number;
}

/** A learned category model: its vectorizer and its classifier (float while training, sparse int8 when shipped). */
export class CategoryLinear {
  constructor(
    readonly vectorizer: TfidfVectorizer,
    readonly model: ClassProbabilities,
    readonly info: LearnedModelInfo,
  ) {}

  get classes(): readonly string[] {
    return this.model.classes;
  }

  /**
   * One probability per class (this.classes), all zero when the text has no known term. Without an abstract the title
   * alone is read: a title's few words would be outweighed by the authors' names (top-1 0.510 with them, 0.536 without).
   */
  distribution(doc: PaperText): Float64Array {
    const row = this.vectorizer.vector(doc.abstract?.trim() ? doc : { title: doc.title });
    if (row.ids.length === 0) return new Float64Array(this.classes.length);
    return this.model.probabilities(row);
  }

  /** The k likeliest categories, best first (none when the text has no known term). */
  top(doc: PaperText, k = 3): CategoryProbability[] {
    const p = this.distribution(doc);
    return Array.from(p, (probability, c) => ({ category: this.classes[c]!, probability, c }))
      .filter((s) => s.probability > 0)
      .sort((a, b) => b.probability - a.probability || a.c - b.c)
      .slice(0, k)
      .map(({ category, probability }) => ({ category, probability }));
  }
}

// Binary form: "PSCL", u32 version, u32 header length, the JSON header, then 4-byte-aligned sections: idf (u16, in
// 1/2048ths), bias and scale (f32 per class), weights per term (u8, or u16 past 255 classes), categories (u8, or u16
// past 256 classes), weights (i8), the vocabulary's words (UTF-8, one per line) and each term as two word numbers
// (u16, or u32 past 65,535 words; the second is NO_WORD for a single word). Little-endian, as typed arrays are on every
// platform we run on. Version 2 adds, when the header names a network (info.network), its sections: input scales
// (f32 per term), input weights (i8, or 4-bit pairs when info.network.inputBits is 4; term-major), hidden bias (f32), output weights (f32, unit-major) and output bias
// (f32). The writer is src/training/categoryModelFile.ts.
export const CATEGORY_FILE_MAGIC = 0x4c435350; // "PSCL" read as a little-endian u32
export const CATEGORY_FILE_VERSION = 2;
/** idf is stored in steps of 1/IDF_STEPS (up to 32, that is up to e^31 documents). */
export const IDF_STEPS = 2048;

export interface CategoryFileHeader {
  format: 'paperscope-category-linear';
  classes: string[];
  features: number;
  entries: number;
  wide: { counts: boolean; categories: boolean; words: boolean };
  words: number;
  wordBytes: number;
  loss: LinearLoss;
  info: LearnedModelInfo;
}

/** A section's length padded to a multiple of 4 bytes. */
export const align4 = (n: number) => (n + 3) & ~3;

/** Reads a model written by encodeCategoryLinear (src/training/categoryModelFile.ts); throws on anything else. */
export function decodeCategoryLinear(bytes: Uint8Array): CategoryLinear {
  if (bytes.length < 12) throw new Error('category model: file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== CATEGORY_FILE_MAGIC) throw new Error('category model: not a Paperscope category model');
  const version = view.getUint32(4, true);
  if (version !== CATEGORY_FILE_VERSION && version !== 1) throw new Error(`category model: format version ${version}, this build reads ${CATEGORY_FILE_VERSION}`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > bytes.length) throw new Error('category model: file truncated');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as CategoryFileHeader;
  if (header.format !== 'paperscope-category-linear') throw new Error('category model: unknown format');
  const C = header.classes.length;
  const V = header.features;
  const N = header.entries;
  let at = align4(12 + jsonLength);
  const take = (length: number): ArrayBuffer => {
    if (at + length > bytes.length) throw new Error('category model: file truncated');
    const copy = bytes.slice(at, at + length).buffer; // aligned copies, whatever the input's offset
    at = align4(at + length);
    return copy;
  };
  const idf = Float32Array.from(new Uint16Array(take(V * 2)), (q) => q / IDF_STEPS);
  const bias = new Float32Array(take(C * 4));
  const scale = new Float32Array(take(C * 4));
  const counts = header.wide.counts ? new Uint16Array(take(V * 2)) : new Uint8Array(take(V));
  const categories = header.wide.categories ? new Uint16Array(take(N * 2)) : new Uint8Array(take(N));
  const weights = new Int8Array(take(N));
  const words = new TextDecoder().decode(take(header.wordBytes)).split('\n');
  const termWords = header.wide.words ? new Uint32Array(take(V * 8)) : new Uint16Array(take(V * 4));
  const net = version >= 2 ? header.info.network : undefined;
  let network: CategoryNetwork | undefined;
  if (net) {
    const H = net.hidden;
    if (!Number.isInteger(H) || H <= 0 || !(net.share >= 0 && net.share <= 1) || (net.inputBits !== 8 && net.inputBits !== 4))
      throw new Error('category model: bad network settings');
    const inputScale = new Float32Array(take(V * 4));
    const inputWeights = net.inputBits === 4 ? unpackNibbles(new Uint8Array(take(Math.ceil((V * H) / 2))), V * H) : new Int8Array(take(V * H));
    const hiddenBias = new Float32Array(take(H * 4));
    const outputWeights = new Float32Array(take(H * C * 4));
    const outputBias = new Float32Array(take(C * 4));
    network = new CategoryNetwork(header.classes, V, H, inputWeights, inputScale, hiddenBias, outputWeights, outputBias);
  }
  if (words.length !== header.words) throw new Error('category model: word count does not match');
  const NO_WORD = header.wide.words ? 0xffffffff : 0xffff;
  const terms = Array.from({ length: V }, (_, f) => {
    const a = words[termWords[2 * f]!];
    const b = termWords[2 * f + 1]!;
    if (a === undefined || (b !== NO_WORD && words[b] === undefined)) throw new Error('category model: term out of range');
    return b === NO_WORD ? a : `${a} ${words[b]!}`;
  });
  const starts = new Uint32Array(V + 1);
  for (let f = 0; f < V; f++) starts[f + 1] = starts[f]! + counts[f]!;
  if (starts[V] !== N) throw new Error('category model: weight counts do not match');
  for (let e = 0; e < N; e++) if (categories[e]! >= C) throw new Error('category model: category out of range');
  const vectorizer = TfidfVectorizer.fromVocabulary(header.info.vectorizer, terms, idf);
  const linear = new SparseLinearModel(header.classes, V, header.loss, bias, scale, starts, categories, weights);
  const model = !network ? linear : net!.share === 1 ? network : new MixedProbabilities(network, linear, net!.share);
  return new CategoryLinear(vectorizer, model, header.info);
}
