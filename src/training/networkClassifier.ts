// Training a small neural classifier over tf-idf rows for the category model: one hidden layer (ReLU, dropout) and a
// softmax over categories, trained by mini-batch Adam with decoupled weight decay. The first layer is a sparse lookup
// (only the rows of a batch's terms are read and updated, lazily), so an epoch over 100k papers takes seconds, not
// hours. Targets may be soft: the primary category and, at a smaller weight, the paper's cross-lists. Deterministic
// for a seed. The shipped form (int8, src/core/categories/categoryNetwork.ts) is made by quantizeNetwork.
import type { CsrMatrix } from './tfidfFitting.ts';
import { CategoryNetwork, type CategoryNetworkOptions, networkForward } from '../core/categories/categoryNetwork.ts';
import { mulberry32, shuffle } from './random.ts';

/** The training settings (the share only matters once mixed with the linear model). */
export type NetworkOptions = Omit<CategoryNetworkOptions, 'share' | 'inputBits'>;

/** The best network on the validation split (docs/QUALITY.md, "Other model classes"); not shipped: it did not lead on test. */
export const NETWORK_TRAINING: NetworkOptions = {
  hidden: 256,
  epochs: 5,
  learningRate: 0.002,
  batch: 64,
  dropout: 0.3,
  weightDecay: 0.0001,
  secondaryWeight: 0.3,
  seed: 1,
};

/** A trained network in float: input weights feature-major (feature · hidden + unit), output weights unit-major. */
export interface FloatNetwork {
  classes: string[];
  features: number;
  hidden: number;
  inputWeights: Float32Array;
  hiddenBias: Float32Array;
  outputWeights: Float32Array;
  outputBias: Float32Array;
}

/** Adam's moments for a block of parameters, and its update with decoupled weight decay. */
class AdamBlock {
  readonly m: Float32Array;
  readonly v: Float32Array;
  constructor(size: number) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  update(params: Float32Array, grads: Float32Array, from: number, to: number, lr: number, correction1: number, correction2: number, decay: number): void {
    const m = this.m;
    const v = this.v;
    for (let k = from; k < to; k++) {
      const g = grads[k]!;
      m[k] = 0.9 * m[k]! + 0.1 * g;
      v[k] = 0.999 * v[k]! + 0.001 * g * g;
      params[k]! -= lr * (m[k]! / correction1 / (Math.sqrt(v[k]! / correction2) + 1e-8) + decay * params[k]!);
      grads[k] = 0;
    }
  }
}

/**
 * Trains the network on tf-idf rows with per-row targets: `labels[i]` is the paper's categories, primary first
 * (rows without any are skipped). Classes are numbered in order of first appearance of a primary category; a
 * cross-list outside those classes is ignored.
 */
export function trainNetwork(
  matrix: CsrMatrix,
  features: number,
  labels: readonly (readonly string[] | undefined)[],
  options: NetworkOptions,
  progress: (line: string) => void = () => undefined,
): FloatNetwork {
  const classIndex = new Map<string, number>();
  for (const l of labels) if (l?.[0] && !classIndex.has(l[0])) classIndex.set(l[0], classIndex.size);
  const classes = [...classIndex.keys()];
  const C = classes.length;
  const H = options.hidden;
  const random = mulberry32(options.seed);
  const uniform = (limit: number) => (random() * 2 - 1) * limit;

  const inputWeights = Float32Array.from({ length: features * H }, () => uniform(Math.sqrt(6 / (H + 100))));
  const hiddenBias = new Float32Array(H);
  const outputWeights = Float32Array.from({ length: H * C }, () => uniform(Math.sqrt(6 / (H + C))));
  const outputBias = new Float32Array(C);

  // Soft targets per row: (class, weight) pairs summing to 1.
  const rows: number[] = [];
  const targets: Array<Array<[number, number]>> = [];
  labels.forEach((l, i) => {
    const primary = l?.[0] === undefined ? undefined : classIndex.get(l[0]);
    if (primary === undefined) {
      targets.push([]);
      return;
    }
    rows.push(i);
    const t: Array<[number, number]> = [[primary, 1]];
    if (options.secondaryWeight > 0)
      for (const c of l!.slice(1)) {
        const k = classIndex.get(c);
        if (k !== undefined && !t.some(([j]) => j === k)) t.push([k, options.secondaryWeight]);
      }
    const total = t.reduce((s, [, w]) => s + w, 0);
    targets.push(t.map(([c, w]) => [c, w / total]));
  });

  const adamInput = new AdamBlock(inputWeights.length);
  const adamHiddenBias = new AdamBlock(H);
  const adamOutput = new AdamBlock(outputWeights.length);
  const adamOutputBias = new AdamBlock(C);
  const gradInput = new Float32Array(inputWeights.length);
  const gradHiddenBias = new Float32Array(H);
  const gradOutput = new Float32Array(outputWeights.length);
  const gradOutputBias = new Float32Array(C);
  const touched = new Uint8Array(features);
  const touchedList: number[] = [];
  // Lazy Adam on input rows: the step each row was last updated at, so the moments of a row skipped for a few steps
  // decay as if it had been updated with zero gradient (close enough: m and v shrink, the row does not move).
  const lastStep = new Int32Array(features);

  const hidden = new Float64Array(H);
  const mask = new Float64Array(H);
  const scores = new Float64Array(C);
  const dHidden = new Float64Array(H);
  const active = new Int32Array(H);
  const keep = 1 - options.dropout;
  const stepsPerEpoch = Math.ceil(rows.length / options.batch);
  const totalSteps = stepsPerEpoch * options.epochs;
  let step = 0;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    progress(`network epoch ${epoch + 1} of ${options.epochs}`);
    shuffle(rows, random);
    for (let start = 0; start < rows.length; start += options.batch) {
      const end = Math.min(rows.length, start + options.batch);
      const scaleGrad = 1 / (end - start);
      for (let r = start; r < end; r++) {
        const i = rows[r]!;
        const from = matrix.indptr[i]!;
        const to = matrix.indptr[i + 1]!;
        // Forward: hidden = ReLU(b1 + Σ x_f W1[f]) with inverted dropout; scores = b2 + hidden · W2.
        hidden.set(hiddenBias);
        for (let j = from; j < to; j++) {
          const base = matrix.indices[j]! * H;
          const x = matrix.values[j]!;
          for (let h = 0; h < H; h++) hidden[h]! += x * inputWeights[base + h]!;
        }
        for (let h = 0; h < H; h++) {
          mask[h] = hidden[h]! > 0 && random() < keep ? 1 / keep : 0;
          hidden[h]! *= mask[h]!;
        }
        scores.set(outputBias);
        for (let h = 0; h < H; h++) {
          const a = hidden[h]!;
          if (a === 0) continue;
          const base = h * C;
          for (let c = 0; c < C; c++) scores[c]! += a * outputWeights[base + c]!;
        }
        let max = -Infinity;
        for (let c = 0; c < C; c++) max = Math.max(max, scores[c]!);
        let total = 0;
        for (let c = 0; c < C; c++) total += scores[c] = Math.exp(scores[c]! - max);
        // Backward: d scores = p − target.
        for (let c = 0; c < C; c++) scores[c] = (scores[c]! / total) * scaleGrad;
        for (const [c, w] of targets[i]!) scores[c]! -= w * scaleGrad;
        for (let c = 0; c < C; c++) gradOutputBias[c]! += scores[c]!;
        // Only units that are on (ReLU above zero, not dropped) pass a gradient back.
        let on = 0;
        for (let h = 0; h < H; h++) {
          if (mask[h] === 0) continue;
          active[on++] = h;
          const a = hidden[h]!;
          const base = h * C;
          let d = 0;
          for (let c = 0; c < C; c++) {
            d += scores[c]! * outputWeights[base + c]!;
            gradOutput[base + c]! += a * scores[c]!;
          }
          dHidden[h] = d * mask[h]!;
          gradHiddenBias[h]! += dHidden[h]!;
        }
        for (let j = from; j < to; j++) {
          const f = matrix.indices[j]!;
          const base = f * H;
          const x = matrix.values[j]!;
          for (let k = 0; k < on; k++) {
            const h = active[k]!;
            gradInput[base + h]! += x * dHidden[h]!;
          }
          if (!touched[f]) {
            touched[f] = 1;
            touchedList.push(f);
          }
        }
      }
      step++;
      const lr = options.learningRate * (1 - 0.9 * ((step - 1) / Math.max(1, totalSteps - 1)));
      const c1 = 1 - 0.9 ** step;
      const c2 = 1 - 0.999 ** step;
      const decay = options.weightDecay;
      adamOutput.update(outputWeights, gradOutput, 0, outputWeights.length, lr, c1, c2, decay);
      adamOutputBias.update(outputBias, gradOutputBias, 0, C, lr, c1, c2, 0);
      adamHiddenBias.update(hiddenBias, gradHiddenBias, 0, H, lr, c1, c2, 0);
      touchedList.sort((a, b) => a - b); // a fixed order, so float sums and results do not depend on the batch's order
      for (const f of touchedList) {
        // Catch up the moments' decay for the steps this row sat out.
        const missed = step - 1 - lastStep[f]!;
        if (missed > 0 && lastStep[f]! > 0) {
          const d1 = 0.9 ** missed;
          const d2 = 0.999 ** missed;
          for (let k = f * H; k < (f + 1) * H; k++) {
            adamInput.m[k]! *= d1;
            adamInput.v[k]! *= d2;
          }
        }
        lastStep[f] = step;
        adamInput.update(inputWeights, gradInput, f * H, (f + 1) * H, lr, c1, c2, decay);
        touched[f] = 0;
      }
      touchedList.length = 0;
    }
  }
  return { classes, features, hidden: H, inputWeights, hiddenBias, outputWeights, outputBias };
}

/** Class probabilities of a tf-idf row under a float network (no dropout). */
export function networkProbabilities(net: FloatNetwork, row: { ids: ArrayLike<number>; values: ArrayLike<number> }): Float64Array {
  return networkForward(net, row);
}

/**
 * The shipped form of a float network: input weights rounded to `bits` (8 or 4) with one scale per term, kept in an
 * Int8Array either way (the file packs 4-bit weights two to a byte); the rest stays float32.
 */
export function quantizeNetwork(net: FloatNetwork, bits: 8 | 4 = 8): CategoryNetwork {
  const H = net.hidden;
  const top = 2 ** (bits - 1) - 1;
  const inputScale = new Float32Array(net.features);
  const inputWeights = new Int8Array(net.inputWeights.length);
  for (let f = 0; f < net.features; f++) {
    let max = 0;
    for (let k = f * H; k < (f + 1) * H; k++) max = Math.max(max, Math.abs(net.inputWeights[k]!));
    inputScale[f] = max > 0 ? max / top : 1;
    const scale = inputScale[f]!; // as stored (float32), so that reading the file back changes nothing
    for (let k = f * H; k < (f + 1) * H; k++) inputWeights[k] = Math.max(-top, Math.min(top, Math.round(net.inputWeights[k]! / scale)));
  }
  return new CategoryNetwork(
    net.classes,
    net.features,
    H,
    inputWeights,
    inputScale,
    Float32Array.from(net.hiddenBias),
    Float32Array.from(net.outputWeights),
    Float32Array.from(net.outputBias),
  );
}
