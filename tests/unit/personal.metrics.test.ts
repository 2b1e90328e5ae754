// The ranking measures of the personal evaluation, on cases worked out by hand.
import { describe, expect, it } from 'vitest';
import { rankedOrder, recallAtK, reciprocalRank, rocAuc } from '../../src/eval/metrics.ts';
import { rankingFigures } from '../../src/eval/personalEval.ts';

describe('ranking measures', () => {
  it('reciprocal rank of the first positive', () => {
    expect(reciprocalRank([true, false, true])).toBe(1);
    expect(reciprocalRank([false, false, true, true])).toBeCloseTo(1 / 3);
    expect(reciprocalRank([false, false])).toBe(0);
  });

  it('recall at k: the share of all positives in the first k', () => {
    expect(recallAtK([true, false, true, false, true], 2)).toBeCloseTo(1 / 3);
    expect(recallAtK([true, false, true, false, true], 5)).toBe(1);
    expect(recallAtK([false, false], 1)).toBe(0);
  });

  it('ROC AUC: pairs ordered right, ties counting half', () => {
    // Positives 0.9 and 0.4, negatives 0.5 and 0.1: of the four pairs, three are ordered right.
    expect(rocAuc([0.9, 0.5, 0.4, 0.1], [true, false, true, false])).toBeCloseTo(0.75);
    expect(rocAuc([1, 1, 1], [true, false, false])).toBeCloseTo(0.5);
    expect(rocAuc([0.2, 0.8], [true, false])).toBe(0);
    expect(rocAuc([0.2, 0.8], [true, true])).toBeNaN();
  });

  it('ranks by score, ties in the list order, and averages over readers', () => {
    expect(rankedOrder([0.1, 0.5, 0.5, 0.9])).toEqual([3, 1, 2, 0]);
    const figures = rankingFigures([
      { scores: [0.9, 0.5, 0.4, 0.1], positive: [true, false, true, false] },
      { scores: [0.1, 0.9], positive: [true, false] },
    ]);
    expect(figures.mrr).toBeCloseTo((1 + 0.5) / 2);
    expect(figures.auc).toBeCloseTo((0.75 + 0) / 2);
    expect(figures.readers).toBe(2);
  });
});
