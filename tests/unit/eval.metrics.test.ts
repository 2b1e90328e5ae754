import { describe, expect, it } from 'vitest';
import { latencySummary, MatchCounts, precisionAtK, quantile, RelatedPrecision, samePrimary, shareAny, ShownCategory, TopKAccuracy } from '../../src/eval/metrics.ts';

describe('eval metrics', () => {
  it('counts top-1 and top-3 accuracy against the truth', () => {
    const acc = new TopKAccuracy();
    acc.add(['a', 'b', 'c'], 'a'); // top-1 and top-3
    acc.add(['b', 'a', 'c'], 'a'); // top-3 only
    acc.add(['b', 'c', 'd', 'a'], 'a'); // neither
    acc.add([], 'a');
    expect(acc.result()).toEqual({ top1: 0.25, top3: 0.5 });
    expect(new TopKAccuracy().result()).toEqual({ top1: 0, top3: 0 });
  });

  it('counts the predicted categories a badge shows, how often they are the primary or one the authors listed, and runners-up', () => {
    const shown = new ShownCategory(0.3, [0.5, 0.9]);
    const p = (category: string, probability: number) => ({ category, probability });
    shown.add([p('cs.CL', 0.6), p('cs.AI', 0.35)], ['cs.CL', 'cs.AI']); // shown, primary; runner-up at 0.58 of it
    shown.add([p('cs.AI', 0.5), p('cs.CL', 0.45)], ['cs.CL', 'cs.AI']); // shown, a cross-list; the primary runs up at 0.9
    shown.add([p('cs.CV', 0.4), p('cs.CL', 0.1)], ['cs.CL']); // shown, wrong; its runner-up too far behind
    shown.add([p('cs.AI', 0.2)], ['cs.AI']); // not shown, though right
    shown.add([], ['cs.AI']); // nothing predicted
    expect(shown.result()).toEqual({
      shown: 0.6,
      shownPrimary: 0.3333,
      shownListed: 0.6667,
      firstListed: 0.6,
      runnersUp: [
        { ratio: 0.5, withRunnerUp: 0.6667, primaryNamed: 0.6667 },
        { ratio: 0.9, withRunnerUp: 0.3333, primaryNamed: 0.6667 },
      ],
    });
    expect(new ShownCategory(0.3).result()).toEqual({ shown: 0, shownPrimary: 0, shownListed: 0, firstListed: 0, runnersUp: [] });
  });

  it('precision@k counts missing neighbours as misses', () => {
    expect(precisionAtK([true, false, true], 3)).toBeCloseTo(2 / 3);
    expect(precisionAtK([true, true], 10)).toBe(0.2);
    expect(precisionAtK([true, true, true], 2)).toBe(1);
  });

  it('relates by same primary category and by any shared category', () => {
    expect(samePrimary(['cs.CV', 'cs.LG'], ['cs.CV'])).toBe(true);
    expect(samePrimary(['cs.CV', 'cs.LG'], ['cs.LG', 'cs.CV'])).toBe(false);
    expect(shareAny(['cs.CV', 'cs.LG'], ['cs.LG'])).toBe(true);
    expect(shareAny(['cs.CV'], ['math.AP'])).toBe(false);
    const p = new RelatedPrecision(4);
    p.add(['cs.CV', 'cs.LG'], [['cs.CV'], ['cs.LG', 'cs.CV'], ['math.AP'], ['cs.CV', 'eess.IV']]);
    p.add(['math.AP'], [['math.AP']]);
    // query 1: primary 2/4, any 3/4; query 2: primary 1/4, any 1/4
    expect(p.result()).toEqual({ primary: 0.375, any: 0.5 });
  });

  it('matching: wrong matches cost precision, misses cost recall', () => {
    const m = new MatchCounts();
    m.addPositive(3, 3); // tp
    m.addPositive(4, -1); // fn
    m.addPositive(5, 7); // fn and fp (wrong paper)
    m.addNegative(-1);
    m.addNegative(2); // fp
    expect(m.result()).toEqual({ precision: 0.3333, recall: 0.3333, tp: 1, fp: 2, fn: 2, positives: 3, negatives: 2 });
    expect(new MatchCounts().result().precision).toBe(1);
  });

  it('latency percentiles by nearest rank', () => {
    const ms = Array.from({ length: 100 }, (_x, i) => i + 1);
    expect(quantile(ms, 0.5)).toBe(50);
    expect(quantile(ms, 0.95)).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
    expect(latencySummary([3, 1, 2])).toEqual({ p50Ms: 2, p95Ms: 3, meanMs: 2, queries: 3 });
  });
});
