// The dual coordinate descent SVM: separates what is separable, weighs classes by their size when asked, and is
// deterministic for a seed.
import { describe, expect, it } from 'vitest';
import { decisionValue, trainLinearSvm, type SparseRows } from '../../src/core/personal/linearSvm.ts';
import { mulberry32 } from '../../src/core/random.ts';

/** Dense points as sparse rows. */
function rows(points: number[][]): SparseRows {
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const p of points) {
    p.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return { rows: points.length, indptr, indices, values };
}

const decide = (model: { weights: Float64Array; bias: number }, p: number[]) =>
  decisionValue(
    model,
    p.map((_, j) => j),
    p,
  );

describe('linear SVM (dual coordinate descent)', () => {
  // Two clouds either side of the line x + y = 1, with a margin.
  const random = mulberry32(3);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 60; i++) {
    const positive = i % 2 === 0;
    const [x, y] = [random(), random()];
    points.push(positive ? [1 + x, 0.6 + y] : [-x, -0.4 - y]);
    labels.push(positive ? 1 : -1);
  }

  for (const loss of ['hinge', 'squaredHinge'] as const) {
    it(`separates separable points (${loss}) and converges`, () => {
      const model = trainLinearSvm(rows(points), 2, labels, { c: 10, loss, tolerance: 1e-4 });
      expect(model.converged).toBe(true);
      points.forEach((p, i) => expect(Math.sign(decide(model, p))).toBe(labels[i]));
      // The margin's two sides: a point far on either side is classed as that side.
      expect(decide(model, [3, 3])).toBeGreaterThan(0);
      expect(decide(model, [-3, -3])).toBeLessThan(0);
    });
  }

  it('with balanced class weights, a small class is not drowned by a large one', () => {
    // 5 positives inside a cloud of 200 negatives, slightly off its centre: overlapping classes.
    const r = mulberry32(9);
    const data: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 205; i++) {
      const positive = i < 5;
      data.push([(positive ? 0.8 : 0) + r(), (positive ? 0.8 : 0) + r(), 1]);
      y.push(positive ? 1 : -1);
    }
    const recall = (balanced: boolean) => {
      const model = trainLinearSvm(rows(data), 3, y, { c: 0.1, balanced, tolerance: 1e-4 });
      return data.slice(0, 5).filter((p) => decide(model, p) > 0).length;
    };
    expect(recall(false)).toBe(0);
    expect(recall(true)).toBeGreaterThanOrEqual(4);
  });

  it('gives the same weights for the same seed', () => {
    const a = trainLinearSvm(rows(points), 2, labels, { c: 1, seed: 5, maxEpochs: 3 });
    const b = trainLinearSvm(rows(points), 2, labels, { c: 1, seed: 5, maxEpochs: 3 });
    expect(b).toEqual(a);
  });
});
