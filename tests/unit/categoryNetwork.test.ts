// The category model's hidden-layer network: training (deterministic, learns separable classes, soft targets), its
// int8 form, and the model file holding it beside the linear model (round trip, truncation, bad settings).
import { describe, expect, it } from 'vitest';
import { decodeCategoryLinear } from '../../src/core/categories/categoryModel.ts';
import { CategoryNetwork, MixedProbabilities, packNibbles, unpackNibbles } from '../../src/core/categories/categoryNetwork.ts';
import { encodeCategoryLinear } from '../../src/training/categoryModelFile.ts';
import { trainCategoryLinear, type LabelledPaper } from '../../src/training/categoryModelTraining.ts';
import { NETWORK_TRAINING, networkProbabilities, quantizeNetwork, trainNetwork } from '../../src/training/networkClassifier.ts';
import { fitTfidf } from '../../src/training/tfidfFitting.ts';
import { toyCorpus } from './eval.toyCorpus.ts';

const CODE: Record<string, string> = { vision: 'cs.CV', galaxy: 'astro-ph.GA', algebra: 'math.AG' };
const labelled = (n: number, seed: number): LabelledPaper[] =>
  toyCorpus(n, seed).map((d) => ({ title: d.title, abstract: d.abstract, authors: d.authors, categories: [CODE[d.label]!] }));
const VECTORIZER = { maxFeatures: 5000, minDf: 2, maxDf: 0.9, authors: false };
const NET = { ...NETWORK_TRAINING, hidden: 16, epochs: 4, batch: 8, learningRate: 0.01, secondaryWeight: 0 };
const SMALL = {
  vectorizer: VECTORIZER,
  linear: { alpha: 1e-4, epochs: 5, seed: 1, loss: 'softmax' as const },
  entries: 40,
  network: { ...NET, share: 0.5, inputBits: 8 as const },
};

describe('category network', () => {
  const train = labelled(60, 1);
  const test = labelled(30, 2);
  const { vectorizer, matrix } = fitTfidf(train, VECTORIZER);
  const labels = train.map((p) => p.categories);

  it('learns separable classes, and the same seed gives the same weights', () => {
    const net = trainNetwork(matrix, vectorizer.terms.length, labels, NET);
    expect(net.classes).toEqual(['cs.CV', 'astro-ph.GA', 'math.AG']);
    const right = test.filter((p) => {
      const probabilities = networkProbabilities(net, vectorizer.vector(p));
      return net.classes[probabilities.indexOf(Math.max(...probabilities))] === p.categories![0];
    });
    expect(right.length / test.length).toBeGreaterThan(0.95);
    const again = trainNetwork(matrix, vectorizer.terms.length, labels, NET);
    expect(Buffer.from(again.inputWeights.buffer).equals(Buffer.from(net.inputWeights.buffer))).toBe(true);
    expect(Array.from(again.outputWeights)).toEqual(Array.from(net.outputWeights));
    const otherSeed = trainNetwork(matrix, vectorizer.terms.length, labels, { ...NET, seed: 2 });
    expect(Array.from(otherSeed.outputWeights)).not.toEqual(Array.from(net.outputWeights));
  });

  it('learns from cross-lists as soft targets: a paper listed in two categories puts weight on both', () => {
    // Every galaxy paper is also cross-listed in math.AG; with a secondary weight, math.AG rises on galaxy papers.
    const crossed = train.map((p) => (p.categories![0] === 'astro-ph.GA' ? ['astro-ph.GA', 'math.AG'] : p.categories));
    const galaxy = test.filter((p) => p.categories![0] === 'astro-ph.GA').map((p) => vectorizer.vector(p));
    const meanOf = (secondaryWeight: number) => {
      const net = trainNetwork(matrix, vectorizer.terms.length, crossed, { ...NET, secondaryWeight });
      const algebra = net.classes.indexOf('math.AG');
      return galaxy.reduce((s, row) => s + networkProbabilities(net, row)[algebra]!, 0) / galaxy.length;
    };
    expect(meanOf(0.5)).toBeGreaterThan(meanOf(0) + 0.1);
  });

  it('quantizes input weights to int8 with probabilities within a few hundredths of the float network', () => {
    const net = trainNetwork(matrix, vectorizer.terms.length, labels, NET);
    const int8 = quantizeNetwork(net);
    expect(int8.inputWeights).toBeInstanceOf(Int8Array);
    for (const p of test.slice(0, 10)) {
      const row = vectorizer.vector(p);
      const a = networkProbabilities(net, row);
      const b = int8.probabilities(row);
      expect(b.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      a.forEach((x, c) => expect(Math.abs(x - b[c]!)).toBeLessThan(0.03));
    }
  });

  it('is mixed with the linear model, written to the model file and read back to the same predictions', () => {
    const { shipped } = trainCategoryLinear(train, SMALL, { source: 'toy.jsonl' });
    expect(shipped.model).toBeInstanceOf(MixedProbabilities);
    expect(shipped.info.network).toEqual(SMALL.network);
    const bytes = encodeCategoryLinear(shipped);
    const back = decodeCategoryLinear(bytes);
    expect((back.model as MixedProbabilities).first).toBeInstanceOf(CategoryNetwork);
    expect(back.info).toEqual(shipped.info);
    for (const p of test) expect(Array.from(back.distribution(p))).toEqual(Array.from(shipped.distribution(p)));
    expect(encodeCategoryLinear(trainCategoryLinear(train, SMALL, { source: 'toy.jsonl' }).shipped)).toEqual(bytes);
    // Without its last section the file is refused; so is a network the header describes impossibly.
    expect(() => decodeCategoryLinear(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const header = new TextDecoder().decode(bytes.subarray(12, 12 + headerLength));
    const badShare = header.replace('"share":0.5', '"share":7.5');
    expect(badShare).not.toBe(header);
    expect(badShare.length).toBe(header.length);
    const corrupt = bytes.slice();
    corrupt.set(new TextEncoder().encode(badShare), 12);
    expect(() => decodeCategoryLinear(corrupt)).toThrow(/bad network settings/);
  });

  it('stores 4-bit input weights two to a byte and reads them back exactly', () => {
    const weights = Int8Array.from({ length: 31 }, (_, k) => (k % 15) - 7);
    expect(Array.from(unpackNibbles(packNibbles(weights), weights.length))).toEqual(Array.from(weights));
    const options = { ...SMALL, network: { ...SMALL.network, inputBits: 4 as const } };
    const { shipped } = trainCategoryLinear(train, options);
    const network = (shipped.model as MixedProbabilities).first as CategoryNetwork;
    expect(Math.max(...Array.from(network.inputWeights, Math.abs))).toBe(7);
    const eight = encodeCategoryLinear(trainCategoryLinear(train, SMALL).shipped);
    const four = encodeCategoryLinear(shipped);
    expect(eight.length - four.length).toBeGreaterThanOrEqual((network.features * network.hidden) / 2 - 8);
    const back = decodeCategoryLinear(four);
    for (const p of test) expect(Array.from(back.distribution(p))).toEqual(Array.from(shipped.distribution(p)));
    const right = test.filter((p) => back.top(p, 1)[0]?.category === p.categories![0]).length;
    expect(right / test.length).toBeGreaterThan(0.95);
  });

  it('ships the network alone at share 1: no linear model is trained, and the file reads back to the same predictions', () => {
    const options = { ...SMALL, network: { ...SMALL.network, share: 1 } };
    const { shipped, float } = trainCategoryLinear(train, options);
    expect(shipped.model).toBeInstanceOf(CategoryNetwork);
    expect(shipped.info.entries).toBe(0);
    const bytes = encodeCategoryLinear(shipped);
    const back = decodeCategoryLinear(bytes);
    expect(back.model).toBeInstanceOf(CategoryNetwork);
    for (const p of test) expect(Array.from(back.distribution(p))).toEqual(Array.from(shipped.distribution(p)));
    const agree = test.filter((p) => back.top(p, 1)[0]?.category === float.top(p, 1)[0]?.category).length;
    expect(agree / test.length).toBeGreaterThan(0.95);
    expect(bytes.length).toBeLessThan(encodeCategoryLinear(trainCategoryLinear(train, SMALL).shipped).length);
  });
});
