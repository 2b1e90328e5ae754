// A linear support vector machine trained by dual coordinate descent (Hsieh et al. 2008, as liblinear's
// solve_l2r_l1l2_svc does it, shrinking included): the solver of the reader's interest model and of the evaluation's
// anchor (arxiv-sanity-lite's LinearSVC). Deterministic for a given seed.
import { mulberry32 } from '../random.ts';

/** Rows in compressed sparse row form (row i's entries are indptr[i] .. indptr[i + 1]). */
export interface SparseRows {
  rows: number;
  indptr: ArrayLike<number>;
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface SvmOptions {
  /** The cost of a margin violation (scikit-learn's C). */
  c: number;
  /** Hinge (liblinear's L1-loss) or squared hinge (L2-loss, LinearSVC's default). */
  loss: 'hinge' | 'squaredHinge';
  /** Each class's cost scaled by n / (2 · its size), as scikit-learn's class_weight='balanced'. */
  balanced: boolean;
  /** Stop when the projected gradient's spread is at most this (liblinear's eps). */
  tolerance: number;
  /** Passes over the data at most. */
  maxEpochs: number;
  /** The order rows are visited in. */
  seed: number;
  /** The value of the constant feature that carries the bias (liblinear's -B; regularized like any weight). */
  biasFeature?: number;
}

export const SVM_DEFAULTS: SvmOptions = { c: 1, loss: 'squaredHinge', balanced: true, tolerance: 0.1, maxEpochs: 1000, seed: 1, biasFeature: 1 };

export interface LinearSvm {
  weights: Float64Array;
  bias: number;
  /** Passes made, and whether the tolerance was reached within maxEpochs. */
  epochs: number;
  converged: boolean;
}

/** The decision value of a sparse row: w · x + b. */
export function decisionValue(model: { weights: ArrayLike<number>; bias: number }, ids: ArrayLike<number>, values: ArrayLike<number>): number {
  let s = model.bias;
  for (let j = 0; j < ids.length; j++) s += model.weights[ids[j]!]! * values[j]!;
  return s;
}

/** w · x over row entries start..end, added to `from` (the same order of sums as the loop it replaced). */
function rowDot(w: Float64Array, indices: ArrayLike<number>, values: ArrayLike<number>, start: number, end: number, from: number): number {
  let s = from;
  for (let j = start; j < end; j++) s += w[indices[j]!]! * values[j]!;
  return s;
}

/** w += d · x over row entries start..end. */
function addRow(w: Float64Array, indices: ArrayLike<number>, values: ArrayLike<number>, start: number, end: number, d: number): void {
  for (let j = start; j < end; j++) w[indices[j]!]! += d * values[j]!;
}

/** The solver's state between passes. */
interface SolverState {
  readonly x: SparseRows;
  readonly labels: ArrayLike<number>;
  readonly upper: Float64Array;
  readonly diag: Float64Array;
  readonly qd: Float64Array;
  readonly alpha: Float64Array;
  readonly w: Float64Array;
  readonly order: Uint32Array;
  readonly biasFeature: number;
  b: number;
  active: number;
  pgMaxOld: number;
  pgMinOld: number;
}

/**
 * One pass over the active rows in `order`: each dual variable moved to its optimum with the others fixed, and rows
 * at a bound that look to stay there shrunk out. Returns the projected gradient's spread. Kept apart from the setup
 * (and the dot products apart from it) so the engine optimises the hot code early: one long function whose later
 * branches had not run yet was compiled and thrown away a dozen times on its first call (40x the warm cost).
 */
function solverPass(st: SolverState): number {
  const { x, labels, upper, diag, qd, alpha, w, order, biasFeature } = st;
  const { indptr, indices, values } = x;
  let pgMax = Number.NEGATIVE_INFINITY;
  let pgMin = Number.POSITIVE_INFINITY;
  for (let s = 0; s < st.active; s++) {
    const i = order[s]!;
    const y = labels[i]! > 0 ? 1 : -1;
    const start = indptr[i]!;
    const end = indptr[i + 1]!;
    const wx = rowDot(w, indices, values, start, end, st.b * biasFeature);
    const g = y * wx - 1 + alpha[i]! * diag[i]!;
    let pg = 0;
    if (alpha[i] === 0) {
      if (g > st.pgMaxOld) {
        // At the lower bound and likely to stay there: leave it out of the passes until the final check.
        st.active--;
        order[s] = order[st.active]!;
        order[st.active] = i;
        s--;
        continue;
      }
      if (g < 0) pg = g;
    } else if (alpha[i] === upper[i]) {
      if (g < st.pgMinOld) {
        st.active--;
        order[s] = order[st.active]!;
        order[st.active] = i;
        s--;
        continue;
      }
      if (g > 0) pg = g;
    } else pg = g;
    if (pg > pgMax) pgMax = pg;
    if (pg < pgMin) pgMin = pg;
    if (Math.abs(pg) > 1e-12) {
      const old = alpha[i]!;
      alpha[i] = Math.min(Math.max(old - g / qd[i]!, 0), upper[i]!);
      const d = (alpha[i]! - old) * y;
      addRow(w, indices, values, start, end, d);
      st.b += d * biasFeature;
    }
  }
  st.pgMaxOld = pgMax <= 0 ? Number.POSITIVE_INFINITY : pgMax;
  st.pgMinOld = pgMin >= 0 ? Number.NEGATIVE_INFINITY : pgMin;
  return pgMax - pgMin;
}

/** Trains w, b minimising ½‖w‖² + Σ C_i · loss(y_i (w · x_i + b)); `labels` are +1 or -1 per row. */
export function trainLinearSvm(x: SparseRows, features: number, labels: ArrayLike<number>, options: Partial<SvmOptions> = {}): LinearSvm {
  const o = { ...SVM_DEFAULTS, ...options };
  const n = x.rows;
  const biasFeature = o.biasFeature ?? 0;
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i]! > 0) positives++;
  const negatives = n - positives;
  const costOf = (y: number) => (o.balanced ? (o.c * n) / (2 * (y > 0 ? positives : negatives)) : o.c);
  const st: SolverState = {
    x,
    labels,
    upper: new Float64Array(n),
    diag: new Float64Array(n),
    qd: new Float64Array(n),
    alpha: new Float64Array(n),
    w: new Float64Array(features),
    order: Uint32Array.from({ length: n }, (_, i) => i),
    biasFeature,
    b: 0,
    active: n,
    pgMaxOld: Number.POSITIVE_INFINITY,
    pgMinOld: Number.NEGATIVE_INFINITY,
  };
  const { indptr, values } = x;
  for (let i = 0; i < n; i++) {
    const cost = costOf(labels[i]!);
    st.upper[i] = o.loss === 'hinge' ? cost : Number.POSITIVE_INFINITY;
    st.diag[i] = o.loss === 'hinge' ? 0 : 0.5 / cost;
    let norm = biasFeature * biasFeature;
    for (let j = indptr[i]!; j < indptr[i + 1]!; j++) norm += values[j]! * values[j]!;
    st.qd[i] = st.diag[i]! + norm;
  }
  const random = mulberry32(o.seed);
  let epoch = 0;
  let converged = n === 0;
  while (!converged && epoch < o.maxEpochs) {
    const order = st.order;
    for (let s = st.active - 1; s > 0; s--) {
      const r = Math.floor(random() * (s + 1));
      const t = order[s]!;
      order[s] = order[r]!;
      order[r] = t;
    }
    const spread = solverPass(st);
    epoch++;
    if (spread <= o.tolerance) {
      if (st.active === n) converged = true;
      else {
        // Check every row again before stopping: a shrunk row may have become a violator.
        st.active = n;
        st.pgMaxOld = Number.POSITIVE_INFINITY;
        st.pgMinOld = Number.NEGATIVE_INFINITY;
      }
    }
  }
  return { weights: st.w, bias: st.b * biasFeature, epochs: epoch, converged };
}
