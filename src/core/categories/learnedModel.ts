// The learned arXiv category model Paperscope ships (assets/models/categories.bin, by scripts/train-categories.ts):
// a tf-idf vectorizer with its own vocabulary and a softmax regression over it, pruned to its largest weights and
// quantized to int8 with one scale per category; its compact binary form; and training it from papers.
import {
  type LinearModel,
  probabilitiesOf,
  TfidfVectorizer,
  trainLinear,
  type LinearLoss,
  type LinearOptions,
  type SparseRow,
  type TfidfDoc,
  type TfidfOptions,
} from './linear.ts';

/** What a category model reads of a paper (the title at least). */
export type CategoryText = TfidfDoc;

/** Anything that turns a tf-idf row into one probability per class. */
export interface ClassProbabilities {
  readonly classes: readonly string[];
  probabilities(row: SparseRow): Float64Array;
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

  /** The `entries` largest weights of `model` (by magnitude), quantized to int8 per category. */
  static fromModel(model: LinearModel, entries: number): SparseLinearModel {
    const C = model.classes.length;
    const w = model.weights;
    const threshold = magnitudeThreshold(w, entries);
    const kept = (k: number) => w[k]! !== 0 && Math.abs(w[k]!) >= threshold;
    const max = new Float64Array(C);
    let count = 0;
    for (let k = 0; k < w.length; k++) {
      if (!kept(k) || count >= entries) continue;
      count++;
      max[k % C] = Math.max(max[k % C]!, Math.abs(w[k]!));
    }
    const scale = Float32Array.from(max, (m) => (m > 0 ? m / 127 : 1));
    const starts = new Uint32Array(model.features + 1);
    const categories = C <= 256 ? new Uint8Array(count) : new Uint16Array(count);
    const weights = new Int8Array(count);
    let at = 0;
    for (let f = 0; f < model.features; f++) {
      for (let c = 0; c < C; c++) {
        const k = f * C + c;
        if (!kept(k) || at >= count) continue;
        categories[at] = c;
        weights[at] = Math.max(-127, Math.min(127, Math.round(w[k]! / scale[c]!)));
        at++;
      }
      starts[f + 1] = at;
    }
    return new SparseLinearModel(model.classes, model.features, model.loss, Float32Array.from(model.bias), scale, starts, categories, weights);
  }

  get entries(): number {
    return this.weights.length;
  }

  scores(row: SparseRow): Float64Array {
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

  probabilities(row: SparseRow): Float64Array {
    return probabilitiesOf(this.scores(row), this.loss);
  }
}

/** The smallest magnitude among the `entries` largest non-zero magnitudes of `w` (0 when there are fewer). */
function magnitudeThreshold(w: Float32Array, entries: number): number {
  let nonZero = 0;
  for (let k = 0; k < w.length; k++) if (w[k] !== 0) nonZero++;
  if (entries >= nonZero) return 0;
  if (entries <= 0) return Infinity;
  const abs = new Float32Array(nonZero);
  let n = 0;
  for (let k = 0; k < w.length; k++) if (w[k] !== 0) abs[n++] = Math.abs(w[k]!);
  abs.sort();
  return abs[nonZero - entries]!;
}

/** Where a model came from: counts and settings, never the papers. */
export interface CategoryModelInfo {
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
}

export interface CategoryScore {
  category: string;
  probability: number;
}

/** A learned category model: its vectorizer and its classifier (float while training, sparse int8 when shipped). */
export class CategoryLinear {
  constructor(
    readonly vectorizer: TfidfVectorizer,
    readonly model: ClassProbabilities,
    readonly info: CategoryModelInfo,
  ) {}

  get classes(): readonly string[] {
    return this.model.classes;
  }

  /** One probability per class (this.classes), all zero when the text has no known term. */
  distribution(doc: CategoryText): Float64Array {
    const row = this.vectorizer.vector(doc);
    if (row.ids.length === 0) return new Float64Array(this.classes.length);
    return this.model.probabilities(row);
  }

  /** The k likeliest categories, best first (none when the text has no known term). */
  top(doc: CategoryText, k = 3): CategoryScore[] {
    const p = this.distribution(doc);
    return Array.from(p, (probability, c) => ({ category: this.classes[c]!, probability, c }))
      .filter((s) => s.probability > 0)
      .sort((a, b) => b.probability - a.probability || a.c - b.c)
      .slice(0, k)
      .map(({ category, probability }) => ({ category, probability }));
  }
}

/** Settings of the shipped model; chosen on the validation split (src/eval/tuneValidation.ts, docs/QUALITY.md). */
export interface CategoryTrainingOptions {
  vectorizer: TfidfOptions;
  linear: LinearOptions;
  /** Weights kept in the shipped (sparse int8) model. */
  entries: number;
}

export const CATEGORY_TRAINING: CategoryTrainingOptions = {
  vectorizer: { maxFeatures: 30_000, minDf: 3, maxDf: 0.5, authors: true },
  linear: { alpha: 5e-6, epochs: 6, seed: 1, loss: 'softmax' },
  entries: 300_000,
};

/** A paper to learn from: its text and categories (the first is its primary one, the label). */
export interface LabelledPaper extends CategoryText {
  categories?: string[];
  date?: string;
}

export interface TrainedCategories {
  /** The model with all its float weights. */
  float: CategoryLinear;
  /** The same model pruned and quantized: what ships and what the extension uses. */
  shipped: CategoryLinear;
}

/** Learns the category model from papers' primary categories (papers without a title or category are skipped). */
export function trainCategoryLinear(
  papers: readonly LabelledPaper[],
  options: Partial<CategoryTrainingOptions> = {},
  meta: { source?: string } = {},
): TrainedCategories {
  const o = { ...CATEGORY_TRAINING, ...options };
  const labelled = papers.filter((p) => p.title && p.categories?.[0]);
  if (!labelled.length) throw new Error('no papers with a title and a category to learn from');
  const vectorizer = new TfidfVectorizer(o.vectorizer);
  const matrix = vectorizer.fitTransform(labelled);
  const model = trainLinear(matrix, vectorizer.terms.length, labelled.map((p) => p.categories![0]), o.linear);
  const sparse = SparseLinearModel.fromModel(model, o.entries);
  let until: string | undefined;
  for (const p of labelled) if (p.date && (!until || p.date > until)) until = p.date;
  const info = (entries: number): CategoryModelInfo => ({
    papers: labelled.length,
    ...(meta.source ? { source: meta.source } : {}),
    ...(until ? { until } : {}),
    vectorizer: o.vectorizer,
    linear: o.linear,
    entries,
  });
  let nonZero = 0;
  for (let k = 0; k < model.weights.length; k++) if (model.weights[k] !== 0) nonZero++;
  // The shipped model reads its idf as the file stores it, so that what is measured is what ships.
  const shippedVectorizer = TfidfVectorizer.fromVocabulary(o.vectorizer, vectorizer.terms, storedIdf(vectorizer.idf));
  return {
    float: new CategoryLinear(vectorizer, model, info(nonZero)),
    shipped: new CategoryLinear(shippedVectorizer, sparse, info(sparse.entries)),
  };
}

// Binary form: "PSCL", u32 version, u32 header length, the JSON header, then 4-byte-aligned sections: idf (u16, in
// 1/2048ths), bias and scale (f32 per class), weights per term (u8, or u16 past 255 classes), categories (u8, or u16
// past 256 classes), weights (i8), the vocabulary's words (UTF-8, one per line) and each term as two word numbers
// (u16, or u32 past 65,535 words; the second is NO_WORD for a single word). Little-endian, as typed arrays are on every
// platform we run on.
const MAGIC = 0x4c435350; // "PSCL" read as a little-endian u32
const FORMAT_VERSION = 1;
/** idf is stored in steps of 1/IDF_STEPS (up to 32, that is up to e^31 documents). */
const IDF_STEPS = 2048;

interface CategoryFileHeader {
  format: 'paperscope-category-linear';
  classes: string[];
  features: number;
  entries: number;
  wide: { counts: boolean; categories: boolean; words: boolean };
  words: number;
  wordBytes: number;
  loss: LinearLoss;
  info: CategoryModelInfo;
}

const align4 = (n: number) => (n + 3) & ~3;

/** idf as the file stores it (the shipped model uses exactly these values, so reading it back changes nothing). */
export function storedIdf(idf: Float32Array): Float32Array {
  return Float32Array.from(idf, (x) => {
    const q = Math.round(x * IDF_STEPS);
    if (q < 0 || q > 0xffff) throw new Error('category model: idf out of range');
    return q / IDF_STEPS;
  });
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The compact binary form of a sparse (shipped) category model. */
export function encodeCategoryLinear(model: CategoryLinear): Uint8Array {
  if (!(model.model instanceof SparseLinearModel)) throw new Error('only a pruned, quantized model is written');
  const m = model.model;
  const C = m.classes.length;
  const wideCounts = C > 255;
  const counts = wideCounts ? new Uint16Array(m.features) : new Uint8Array(m.features);
  for (let f = 0; f < m.features; f++) counts[f] = m.starts[f + 1]! - m.starts[f]!;
  // The vocabulary as words and pairs of word numbers: bigrams share their words.
  const wordId = new Map<string, number>();
  const idOf = (w: string) => {
    let id = wordId.get(w);
    if (id === undefined) wordId.set(w, (id = wordId.size));
    return id;
  };
  const pairs = model.vectorizer.terms.map((t) => t.split(' ').map(idOf));
  const wideWords = wordId.size >= 0xffff;
  const NO_WORD = wideWords ? 0xffffffff : 0xffff;
  const termWords = wideWords ? new Uint32Array(2 * pairs.length) : new Uint16Array(2 * pairs.length);
  pairs.forEach((ids, f) => {
    termWords[2 * f] = ids[0]!;
    termWords[2 * f + 1] = ids.length > 1 ? ids[1]! : NO_WORD;
  });
  const words = new TextEncoder().encode([...wordId.keys()].join('\n'));
  const idf = Uint16Array.from(model.vectorizer.idf, (x) => Math.round(x * IDF_STEPS));
  const header: CategoryFileHeader = {
    format: 'paperscope-category-linear',
    classes: [...m.classes],
    features: m.features,
    entries: m.entries,
    wide: { counts: wideCounts, categories: !(m.categories instanceof Uint8Array), words: wideWords },
    words: wordId.size,
    wordBytes: words.length,
    loss: m.loss,
    info: model.info,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const sections = [idf, m.bias, m.scale, counts, m.categories, m.weights, words, termWords].map(bytesOf);
  let size = align4(12 + json.length);
  for (const s of sections) size = align4(size + s.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = align4(12 + json.length);
  for (const s of sections) {
    out.set(s, at);
    at = align4(at + s.length);
  }
  return out;
}

/** Reads a model written by encodeCategoryLinear; throws on anything else. */
export function decodeCategoryLinear(bytes: Uint8Array): CategoryLinear {
  if (bytes.length < 12) throw new Error('category model: file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('category model: not a Paperscope category model');
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new Error(`category model: format version ${version}, this build reads ${FORMAT_VERSION}`);
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
  return new CategoryLinear(vectorizer, new SparseLinearModel(header.classes, V, header.loss, bias, scale, starts, categories, weights), header.info);
}
