// Training a linear classifier over tf-idf rows (one-vs-rest logistic or softmax regression) by seeded, deterministic
// SGD, for the category model (categoryModelTraining.ts) and the evaluation's baseline (src/eval/tfidfBaseline.ts).
// The shipped model keeps a pruned int8 copy of the weights (src/core/categories/categoryModel.ts).
import { probabilitiesOf, sigmoid, type LinearLoss, type LinearOptions } from '../core/categories/categoryModel.ts';
import type { TfidfRow } from '../core/categories/tfidf.ts';
import { mulberry32, shuffle } from './random.ts';
import type { CsrMatrix } from './tfidfFitting.ts';

/** The k best classes by score, best first (ties: lower class index). */
function topClasses(scores: Float64Array, classes: readonly string[], k: number): string[] {
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
  scores(row: TfidfRow): Float64Array {
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

  probabilities(row: TfidfRow): Float64Array {
    return probabilitiesOf(this.scores(row), this.loss);
  }

  /** The k most likely classes, best first. */
  top(row: TfidfRow, k: number): string[] {
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

/** |d/dz log(1 + e^-z)| at z. */
function dlogLoss(z: number): number {
  return sigmoid(-z);
}
