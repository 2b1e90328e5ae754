// The category model's small neural network, as shipped: a tf-idf row → one hidden layer (ReLU) → softmax over
// categories. Input weights are int8 with one scale per term (a term's row of hidden weights), the rest float. Trained
// by src/training/networkClassifier.ts; stored in assets/models/categories.bin beside the linear model
// (categoryModel.ts), whose probabilities it is mixed with (MixedProbabilities).
import type { ClassProbabilities, TfidfRow } from './tfidf.ts';

/** How the network was trained (src/training/networkClassifier.ts) and its share when mixed with the linear model. */
export interface CategoryNetworkOptions {
  hidden: number;
  epochs: number;
  /** Adam's step size at the start; it decays linearly to a tenth over the epochs. */
  learningRate: number;
  batch: number;
  /** Share of hidden units dropped while training. */
  dropout: number;
  /** Decoupled weight decay (AdamW). */
  weightDecay: number;
  /** Target weight of each cross-listed category against the primary's 1 (0: primary only). */
  secondaryWeight: number;
  seed: number;
  /** The network's share of the mixed probabilities (the linear model has the rest); 1: the network alone, no linear model. */
  share: number;
  /** Bits of each stored input weight: 8, or 4 (two to a byte in the file). */
  inputBits: 8 | 4;
}

/** 4-bit input weights (−7..7) two to a byte: the even weight in the low half. */
export function packNibbles(weights: Int8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(weights.length / 2));
  for (let k = 0; k < weights.length; k++) out[k >> 1]! |= (weights[k]! & 0xf) << ((k & 1) * 4);
  return out;
}

export function unpackNibbles(bytes: Uint8Array, length: number): Int8Array {
  const out = new Int8Array(length);
  const pairs = length >> 1;
  for (let i = 0; i < pairs; i++) {
    const b = bytes[i]!;
    out[2 * i] = (b << 28) >> 28; // the low half, sign-extended
    out[2 * i + 1] = (b << 24) >> 28;
  }
  if (length & 1) out[length - 1] = (bytes[pairs]! << 28) >> 28;
  return out;
}

export class CategoryNetwork implements ClassProbabilities {
  constructor(
    readonly classes: readonly string[],
    readonly features: number,
    readonly hidden: number,
    /** int8 input weights, feature-major (feature · hidden + unit); weight = inputWeights · inputScale[feature]. */
    readonly inputWeights: Int8Array,
    readonly inputScale: Float32Array,
    readonly hiddenBias: Float32Array,
    /** Unit-major (unit · classes + class). */
    readonly outputWeights: Float32Array,
    readonly outputBias: Float32Array,
  ) {}

  probabilities(row: TfidfRow): Float64Array {
    return networkForward(this, row, this.inputScale);
  }
}

/** A network's weights as the forward pass reads them: input weights feature-major, output weights unit-major. */
export interface NetworkWeights {
  readonly classes: readonly string[];
  readonly features: number;
  readonly hidden: number;
  readonly inputWeights: ArrayLike<number>;
  readonly hiddenBias: ArrayLike<number>;
  readonly outputWeights: ArrayLike<number>;
  readonly outputBias: ArrayLike<number>;
}

/**
 * Class probabilities of a tf-idf row: ReLU hidden layer, then softmax. `inputScale` multiplies each term's input
 * weights (the shipped int8 form); without it they are used as they are (a float network while it trains).
 */
export function networkForward(net: NetworkWeights, row: { ids: ArrayLike<number>; values: ArrayLike<number> }, inputScale?: ArrayLike<number>): Float64Array {
  const H = net.hidden;
  const C = net.classes.length;
  const hidden = Float64Array.from(net.hiddenBias);
  for (let j = 0; j < row.ids.length; j++) {
    const f = row.ids[j]!;
    if (f >= net.features) continue;
    const x = row.values[j]! * (inputScale ? inputScale[f]! : 1);
    const base = f * H;
    for (let h = 0; h < H; h++) hidden[h]! += x * net.inputWeights[base + h]!;
  }
  const scores = Float64Array.from(net.outputBias);
  for (let h = 0; h < H; h++) {
    const a = hidden[h]!;
    if (a <= 0) continue; // ReLU
    const base = h * C;
    for (let c = 0; c < C; c++) scores[c]! += a * net.outputWeights[base + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, scores[c]!);
  let total = 0;
  for (let c = 0; c < C; c++) total += scores[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < C; c++) scores[c]! /= total;
  return scores;
}

/** Two models over the same classes and rows, their probabilities mixed: share × first + (1 − share) × second. */
export class MixedProbabilities implements ClassProbabilities {
  constructor(
    readonly first: ClassProbabilities,
    readonly second: ClassProbabilities,
    readonly share: number,
  ) {
    if (first.classes.length !== second.classes.length || first.classes.some((c, i) => c !== second.classes[i]))
      throw new Error('mixed category models must have the same classes in the same order');
  }

  get classes(): readonly string[] {
    return this.first.classes;
  }

  probabilities(row: TfidfRow): Float64Array {
    const a = this.first.probabilities(row);
    const b = this.second.probabilities(row);
    for (let c = 0; c < a.length; c++) a[c] = this.share * a[c]! + (1 - this.share) * b[c]!;
    return a;
  }
}
