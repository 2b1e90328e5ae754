import { describe, expect, it } from 'vitest';
import { CATEGORY_CALIBRATION, piecewiseLinear } from '../../src/core/categories/calibration.ts';
import { MIN_SHOWN_CONFIDENCE, predictedCategoryTag, RUNNER_UP_RATIO } from '../../src/core/categories/predictedTag.ts';
import { Reliability } from '../../src/eval/metrics.ts';

describe('piecewiseLinear and the shipped calibration', () => {
  const points = [
    [0.1, 0.3],
    [0.2, 0.5],
    [0.4, 0.9],
  ] as const;

  it('interpolates between points and stays flat beyond them', () => {
    expect(piecewiseLinear(points, 0)).toBe(0.3);
    expect(piecewiseLinear(points, 0.1)).toBe(0.3);
    expect(piecewiseLinear(points, 0.15)).toBeCloseTo(0.4);
    expect(piecewiseLinear(points, 0.3)).toBeCloseTo(0.7);
    expect(piecewiseLinear(points, 0.9)).toBe(0.9);
    expect(piecewiseLinear(points, Number.NaN)).toBe(0);
    expect(piecewiseLinear([], 0.5)).toBe(0);
  });

  it('ships a non-decreasing map within 0..1 for every predictor', () => {
    for (const points of Object.values(CATEGORY_CALIBRATION)) {
      expect(points.length).toBeGreaterThan(1);
      points.forEach(([x, y], i) => {
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(1);
        if (i > 0) {
          expect(x).toBeGreaterThan(points[i - 1]![0]);
          expect(y).toBeGreaterThanOrEqual(points[i - 1]![1]);
        }
      });
    }
  });

  it('shows a predicted category only when such predictions were more often right than wrong', () => {
    const cl = (confidence: number) => ({ category: 'cs.CL', label: 'Computation and Language', probability: 0.2, confidence });
    const ai = (confidence: number) => ({ category: 'cs.AI', label: 'Artificial Intelligence', probability: 0.1, confidence });
    expect(predictedCategoryTag([cl(MIN_SHOWN_CONFIDENCE - 0.01)])).toBeUndefined();
    expect(predictedCategoryTag([])).toBeUndefined();
    expect(predictedCategoryTag([cl(0.734)])).toEqual({ id: 'cs.CL', label: 'Computation and Language', confidence: 0.73, terms: [], facet: 'category', predicted: true });
    // A runner-up close to the first is named beside it; a distant one is not.
    expect(predictedCategoryTag([cl(0.6), ai(RUNNER_UP_RATIO * 0.6)])?.alsoLikely).toEqual(['Artificial Intelligence']);
    expect(predictedCategoryTag([cl(0.6), ai(RUNNER_UP_RATIO * 0.6 - 0.01)])).not.toHaveProperty('alsoLikely');
  });
});

describe('Reliability', () => {
  it('bins first categories by probability, and pools bins that break the order into monotone points', () => {
    const r = new Reliability(0.25);
    const p = (category: string, probability: number) => ({ category, probability });
    r.add(p('a', 0.1), ['a']); // bin 0: right
    r.add(p('a', 0.2), ['b', 'a']); // bin 0: listed only
    r.add(p('a', 0.3), ['b']); // bin 1: wrong
    r.add(p('a', 0.4), ['b']); // bin 1: wrong
    r.add(p('a', 1), ['a']); // the last bin takes 1
    r.add(undefined, ['a']);
    expect(r.bins()).toEqual([
      { from: 0, papers: 2, meanProbability: 0.15, primary: 0.5, listed: 1 },
      { from: 0.25, papers: 2, meanProbability: 0.35, primary: 0, listed: 0 },
      { from: 0.75, papers: 1, meanProbability: 1, primary: 1, listed: 1 },
    ]);
    // Bins 0 and 1 break the order (0.5 then 0): pooled into one point.
    expect(r.calibration(1)).toEqual([
      [0.25, 0.25],
      [1, 1],
    ]);
    // With at least 3 papers a point, the bins join from below and the last one joins the block before it.
    expect(r.calibration(3)).toEqual([[0.4, 0.4]]);
    expect(r.calibration(2)).toEqual([[0.4, 0.4]]);
  });
});
