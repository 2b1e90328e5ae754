import { describe, expect, it } from 'vitest';
import { categoryDrift, categoryMixByMonth, fitClassBiases } from '../../src/eval/categoryDrift.ts';
import type { EvalPaper } from '../../src/eval/runEval.ts';
import { toyArxivPapers } from './eval.toyCorpus.ts';

const paper = (date: string, categories?: string[]): EvalPaper => ({ title: `paper of ${date}`, date, categories }) as EvalPaper;

describe('categoryMixByMonth', () => {
  it('gives each month the share of its categorised papers with each primary, in month order, within the dates', () => {
    const papers = [
      paper('2025-02-03', ['cs.LG', 'stat.ML']),
      paper('2025-01-10', ['cs.CV']),
      paper('2025-01-11', ['cs.LG']),
      paper('2025-01-12', ['stat.ML', 'cs.LG']),
      paper('2025-01-13', ['cs.CV']),
      paper('2025-01-14'),
      paper('2024-12-31', ['cs.LG']),
      paper('2025-03-01', ['cs.LG']),
    ];
    expect(categoryMixByMonth(papers, '2025-01', '2025-03-01', ['cs.LG', 'cs.CV'])).toEqual([
      { month: '2025-01', papers: 4, shares: [0.25, 0.5] },
      { month: '2025-02', papers: 1, shares: [1, 0] },
    ]);
  });
});

describe('fitClassBiases', () => {
  it('fits the label frequencies when the rows say nothing (softmax of the biases is the prior)', () => {
    const rows = Array.from({ length: 100 }, () => new Float64Array(3));
    const truth = rows.map((_r, n) => (n < 50 ? 0 : n < 80 ? 1 : 2));
    const b = fitClassBiases(rows, truth, 2000);
    const e = Array.from(b, Math.exp);
    const total = e.reduce((a, x) => a + x, 0);
    expect(e.map((x) => x / total)).toEqual([expect.closeTo(0.5, 2), expect.closeTo(0.3, 2), expect.closeTo(0.2, 2)]);
  });

  it('moves ambiguous rows to the class their labels favour, and skips rows of unknown classes', () => {
    // Every row leans slightly to class 0, but three in four ambiguous papers are class 1.
    const rows = Array.from({ length: 80 }, () => Float64Array.from([Math.log(0.45), Math.log(0.4), Math.log(0.15)]));
    const truth: number[] = rows.map((_r, n) => (n % 4 === 0 ? 0 : 1));
    truth.push(-1);
    rows.push(Float64Array.from([0, -50, -50]));
    const b = fitClassBiases(rows, truth);
    const corrected = Array.from(rows[0]!, (x, c) => x + b[c]!);
    expect(corrected.indexOf(Math.max(...corrected))).toBe(1);
    expect(fitClassBiases(rows.slice(0, 1), [-1])).toEqual(new Float64Array(3));
  });
});

describe('categoryDrift', () => {
  it('scores models trained up to two dates on the same later papers, with the month mix of the categories', () => {
    // 600 toy papers, dated one a day from 2025-01-01: the queries are the ones from 2025-06-01 on.
    const papers = toyArxivPapers(200, 3, 1).map((p, i) => ({ ...p, date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10) }));
    const report = categoryDrift(papers, { earlier: '2025-04-01', from: '2025-06-01', cutoff: '2026-12-31', limit: 90 });
    expect(report.categories.sort()).toEqual(['astro-ph.GA', 'cs.CV', 'math.AC']);
    expect(report.months.map((m) => m.month)).toEqual(Array.from({ length: 20 }, (_x, i) => new Date(Date.UTC(2025, i, 1)).toISOString().slice(0, 7)));
    for (const m of report.months.slice(0, -1)) expect(m.shares.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 2);
    expect(report.rows).toHaveLength(8);
    expect(report.rows.slice(0, 4).map((r) => r.queries)).toEqual([90, 90, 90, 90]);
    expect(report.rows.slice(4).map((r) => r.queries)).toEqual([45, 45, 45, 45]);
    // The topics have their own words: every model gets them right.
    for (const r of report.rows) expect(r.top1).toBeGreaterThan(0.95);
    for (const r of report.rows) expect(r.firstListed).toBeGreaterThanOrEqual(r.top1);
  });
});
