import { describe, expect, it } from 'vitest';
import type { PaperText } from '../../src/core/categories/tfidf.ts';
import { baselineText, baselineTokens, knnVote, LinearClassifier, TfidfNeighbours } from '../../src/eval/tfidfBaseline.ts';
import { fitTfidf, rowOf } from '../../src/training/tfidfFitting.ts';
import { toyCorpus } from './eval.toyCorpus.ts';

describe('tf-idf baseline vectorizer', () => {
  it('tokenizes as scikit-learn: accents stripped, lowercase, 2+ chars starting with a letter, stop words out', () => {
    expect(baselineTokens('The Gröbner basis of a 3D-model, via x2 and 42 bits')).toEqual(['grobner', 'basis', 'model', 'x2', 'bits']);
    expect(baselineText({ title: 'T', abstract: 'A', authors: ['X Y', 'Z'] })).toBe('T A X Y Z');
  });

  it('keeps terms by document frequency and count, with smooth idf, sublinear tf and unit rows', () => {
    const docs: PaperText[] = [];
    for (let i = 0; i < 20; i++) docs.push({ title: `alpha beta filler${i}`, abstract: i < 6 ? 'gamma gamma gamma' : 'delta' });
    const { vectorizer: v, matrix: m } = fitTfidf(docs, { maxFeatures: 100, minDf: 5, maxDf: 0.5 });
    // alpha, beta and "alpha beta" are in every document (> max_df); delta in 14 (> 10); filler words once (< min_df).
    expect(v.terms).toEqual(['gamma', 'gamma gamma']);
    expect(v.idf[0]).toBeCloseTo(Math.log(21 / 7) + 1, 5);
    const row = rowOf(m, 0);
    expect(Array.from(row.ids)).toEqual([0, 1]);
    // gamma: 3 times → 1 + ln 3; "gamma gamma": 2 times → 1 + ln 2; same idf; unit length.
    const a = 1 + Math.log(3);
    const b = 1 + Math.log(2);
    expect(row.values[0]).toBeCloseTo(a / Math.hypot(a, b), 5);
    expect(row.values[1]).toBeCloseTo(b / Math.hypot(a, b), 5);
    expect(rowOf(m, 10).ids.length).toBe(0);
    const limited = fitTfidf(docs, { maxFeatures: 1, minDf: 5, maxDf: 0.5 }).vectorizer;
    expect(limited.terms).toEqual(['gamma']); // the more frequent of the two
  });

  it('finds exact cosine neighbours, best first', () => {
    const docs = toyCorpus(30);
    const { vectorizer: v, matrix: m } = fitTfidf(docs, { maxFeatures: 20_000, minDf: 2, maxDf: 0.5 });
    const nn = new TfidfNeighbours(m, v.terms.length);
    const q = rowOf(m, 4);
    const got = nn.nearest(q, 5, 4);
    // Brute force.
    const dense = (i: number) => {
      const r = rowOf(m, i);
      const x = new Map<number, number>();
      r.ids.forEach((id, j) => x.set(id, r.values[j]!));
      return x;
    };
    const qd = dense(4);
    const all = docs.map((_d, i) => ({ index: i, score: [...dense(i)].reduce((s, [id, w]) => s + w * (qd.get(id) ?? 0), 0) })).filter((x) => x.index !== 4);
    all.sort((a, b) => b.score - a.score || a.index - b.index);
    expect(got.map((g) => g.index)).toEqual(all.slice(0, 5).map((a) => a.index));
    got.forEach((g, i) => expect(g.score).toBeCloseTo(all[i]!.score, 5));
    expect(got.every((g) => docs[g.index]!.label === docs[4]!.label)).toBe(true);
  });
});

describe('tf-idf baseline classifiers', () => {
  const train = toyCorpus(60, 1);
  const test = toyCorpus(20, 2);
  const { vectorizer: v, matrix: m } = fitTfidf(train, { maxFeatures: 20_000, minDf: 2, maxDf: 0.5 });

  it('a linear classifier separates separable topics, deterministically', () => {
    const c = new LinearClassifier(
      m,
      v.terms.length,
      train.map((d) => d.label),
      { alpha: 1e-4, epochs: 3, seed: 1 },
    );
    const predictions = test.map((d) => c.top(v.vector(d), 3));
    const correct = predictions.filter((p, i) => p[0] === test[i]!.label).length;
    expect(correct / test.length).toBeGreaterThan(0.95);
    expect(predictions[0]).toHaveLength(3);
    const again = new LinearClassifier(
      m,
      v.terms.length,
      train.map((d) => d.label),
      { alpha: 1e-4, epochs: 3, seed: 1 },
    );
    expect(test.map((d) => again.top(v.vector(d), 3))).toEqual(predictions);
  });

  it('ignores unlabelled rows and votes neighbours by similarity', () => {
    const labels = train.map((d, i) => (i % 2 ? d.label : undefined));
    const c = new LinearClassifier(m, v.terms.length, labels, { alpha: 1e-4, epochs: 2, seed: 3 });
    expect([...c.classes].sort()).toEqual(['algebra', 'galaxy', 'vision']);
    expect(
      knnVote(
        [
          { index: 0, score: 0.9 },
          { index: 1, score: 0.5 },
          { index: 2, score: 0.5 },
        ],
        (i) => ['a', 'b', 'b'][i],
        2,
      ),
    ).toEqual(['b', 'a']);
    const nn = new TfidfNeighbours(m, v.terms.length);
    const vote = test.map((d) => knnVote(nn.nearest(v.vector(d), 10), (i) => train[i]!.label, 1)[0]);
    expect(vote.filter((l, i) => l === test[i]!.label).length / test.length).toBeGreaterThan(0.95);
  });
});
