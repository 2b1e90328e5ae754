// The learned category model: training, its int8 form, the binary file (the shipped one reads and writes back to the
// same bytes), real data, and the worker's path with the bundled catalogue and the shipped model.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { decodeCategoryLinear, type SparseLinearModel } from '../../src/core/categories/categoryModel.ts';
import { LINEAR_BLEND } from '../../src/core/categories/prediction.ts';
import { encodeCategoryLinear } from '../../src/training/categoryModelFile.ts';
import { pruneToInt8, trainCategoryLinear, type LabelledPaper } from '../../src/training/categoryModelTraining.ts';
import { trainLinear, type LinearModel } from '../../src/training/linearClassifier.ts';
import { fitTfidf, rowOf } from '../../src/training/tfidfFitting.ts';
import { toyCorpus } from './eval.toyCorpus.ts';

const CODE: Record<string, string> = { vision: 'cs.CV', galaxy: 'astro-ph.GA', algebra: 'math.AG' };
const labelled = (n: number, seed: number): LabelledPaper[] =>
  toyCorpus(n, seed).map((d) => ({ title: d.title, abstract: d.abstract, authors: d.authors, categories: [CODE[d.label]!] }));
// The linear model alone (a network beside it is tested in tests/unit/categoryNetwork.test.ts).
const SMALL = {
  vectorizer: { maxFeatures: 5000, minDf: 2, maxDf: 0.9, authors: false },
  linear: { alpha: 1e-4, epochs: 5, seed: 1, loss: 'softmax' as const },
  entries: 40,
  network: undefined,
};

describe('learned category model', () => {
  const train = labelled(60, 1);
  const test = labelled(30, 2);

  it('learns separable classes with softmax and one-vs-rest, deterministically', () => {
    const { vectorizer: v, matrix: m } = fitTfidf(train, { maxFeatures: 5000, minDf: 2, maxDf: 0.9, authors: false });
    for (const loss of ['softmax', 'ovr'] as const) {
      const model = trainLinear(
        m,
        v.terms.length,
        train.map((p) => p.categories![0]),
        { alpha: 1e-4, epochs: 5, seed: 1, loss },
      );
      const top = test.map((p) => model.top(v.vector(p), 1)[0]);
      expect(top.filter((c, i) => c === test[i]!.categories![0]).length / test.length).toBeGreaterThan(0.95);
      const p = model.probabilities(rowOf(m, 0));
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      const again = trainLinear(
        m,
        v.terms.length,
        train.map((q) => q.categories![0]),
        { alpha: 1e-4, epochs: 5, seed: 1, loss },
      );
      expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
    }
  });

  it('prunes and quantizes to int8 per category, and the int8 model predicts as the float one', () => {
    const { float, shipped } = trainCategoryLinear(train, SMALL);
    const sparse = shipped.model as SparseLinearModel;
    expect(sparse.entries).toBeLessThanOrEqual(40);
    expect(shipped.info.entries).toBe(sparse.entries);
    expect(float.info.entries).toBeGreaterThan(40);
    const agree = test.filter((p) => shipped.top(p, 1)[0]!.category === float.top(p, 1)[0]!.category).length;
    expect(agree / test.length).toBeGreaterThan(0.95);
    // Unpruned, int8 only: probabilities within a few hundredths of the float model's.
    const all = pruneToInt8(float.model as LinearModel, Number.MAX_SAFE_INTEGER);
    for (const p of test.slice(0, 10)) {
      const row = float.vectorizer.vector(p);
      const a = (float.model as LinearModel).probabilities(row);
      const b = all.probabilities(row);
      a.forEach((x, c) => expect(Math.abs(x - b[c]!)).toBeLessThan(0.03));
    }
    expect(shipped.top({ title: 'zzz qqq' })).toEqual([]);
  });

  it('reads the authors beside an abstract, and the title alone without one (names would outweigh its few words)', () => {
    const { shipped } = trainCategoryLinear(train, { ...SMALL, vectorizer: { ...SMALL.vectorizer, authors: true } });
    const title = 'galaxy halo redshift spectra';
    const alone = Array.from(shipped.distribution({ title }));
    expect(Array.from(shipped.distribution({ title, authors: ['Author vision'] }))).toEqual(alone);
    expect(Array.from(shipped.distribution({ title, abstract: ' ', authors: ['Author vision'] }))).toEqual(alone);
    const abstract = 'star cluster telescope nebula method data';
    const withAuthors = shipped.distribution({ title, abstract, authors: ['Author vision'] });
    const withoutAuthors = shipped.distribution({ title, abstract });
    const vision = shipped.classes.indexOf('cs.CV');
    expect(withAuthors[vision]!).toBeGreaterThan(withoutAuthors[vision]!);
  });

  it('writes a compact binary file and reads it back to the same predictions', () => {
    const { shipped } = trainCategoryLinear(train, SMALL, { source: 'toy.jsonl' });
    const bytes = encodeCategoryLinear(shipped);
    const back = decodeCategoryLinear(bytes);
    expect(back.classes).toEqual(shipped.classes);
    expect(back.vectorizer.terms).toEqual(shipped.vectorizer.terms);
    expect(back.info).toEqual(shipped.info);
    expect(JSON.stringify(back.info)).not.toMatch(/abstract|title/i); // settings and counts, never the papers
    for (const p of test) expect(Array.from(back.distribution(p))).toEqual(Array.from(shipped.distribution(p)));
    // At any byte offset (a view into a larger buffer), and the same input gives the same bytes.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(decodeCategoryLinear(shifted.subarray(3)).top(test[0]!)).toEqual(shipped.top(test[0]!));
    expect(encodeCategoryLinear(trainCategoryLinear(train, SMALL, { source: 'toy.jsonl' }).shipped)).toEqual(bytes);
    expect(() => decodeCategoryLinear(bytes.subarray(0, 40))).toThrow(/truncated|short/);
    expect(() => decodeCategoryLinear(new Uint8Array(64))).toThrow(/not a Paperscope category model/);
  });

  it('reads the shipped assets/models/categories.bin and writes it back to the same bytes', () => {
    const shipped = new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/models/categories.bin')));
    const again = encodeCategoryLinear(decodeCategoryLinear(shipped));
    expect(again.length).toBe(shipped.length);
    expect(Buffer.compare(again, shipped)).toBe(0);
  });
});

const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
const hasData = existsSync(DATA);
if (!hasData) console.log('notice: ../shared/data is absent; the category model test on real papers is skipped');

describe.skipIf(!hasData)('learned category model on a slice of ../shared/data', () => {
  it('beats the majority-category prior by far on later papers', { timeout: 120_000 }, () => {
    const lines = execFileSync('bash', ['-c', `zcat '${DATA}' | head -n 7000`], { maxBuffer: 1 << 28 })
      .toString()
      .trim()
      .split('\n');
    const papers = lines.map((l) => JSON.parse(l) as LabelledPaper & { date: string });
    const train = papers.slice(0, 6000);
    const test = papers.slice(6000).filter((p) => p.categories?.length);
    const counts = new Map<string, number>();
    for (const p of train) counts.set(p.categories![0]!, (counts.get(p.categories![0]!) ?? 0) + 1);
    const majority = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const prior = test.filter((p) => p.categories![0] === majority).length / test.length;
    const { shipped } = trainCategoryLinear(train, { entries: 200_000 });
    const top1 = test.filter((p) => shipped.top(p, 1)[0]?.category === p.categories![0]).length / test.length;
    const top3 = test.filter((p) => shipped.top(p, 3).some((c) => c.category === p.categories![0])).length / test.length;
    expect(top1).toBeGreaterThan(prior + 0.3);
    expect(top3).toBeGreaterThan(top1);
  });
});

describe('the learned model blended with the neighbour vote of a large catalogue', () => {
  it('mixes the two distributions with LINEAR_BLEND, the vote alone until the model is there', () => {
    const papers = labelled(200, 3);
    const builder = new CatalogueBuilder({ source: 'toy', withAbstracts: false });
    papers.forEach((p, i) => builder.add({ ...p, arxivId: `2401.${String(i).padStart(5, '0')}` }));
    const index = new CatalogueIndex(readCatalogue(builder.build()));
    const text = labelled(5, 9)[0]!;
    const vote = index.predictCategories(text, 3);
    expect(vote[0]?.category).toBe(text.categories![0]);
    const { shipped } = trainCategoryLinear(papers, SMALL);
    index.useCategoryModel(shipped);
    const blended = index.predictCategories(text, 3);
    const learned = shipped.top(text, 3);
    expect(blended[0]!.category).toBe(text.categories![0]);
    const voteOf = (c: string) => vote.find((v) => v.category === c)?.probability ?? 0;
    const learnedOf = (c: string) => learned.find((v) => v.category === c)?.probability ?? 0;
    for (const b of blended) expect(b.probability).toBeCloseTo(LINEAR_BLEND * learnedOf(b.category) + (1 - LINEAR_BLEND) * voteOf(b.category), 6);
    // Related papers of the same text: re-ranked with the blend, all from the paper's own field here.
    const related = index.relatedTo({ key: 'title:q', title: text.title, abstract: text.abstract }, 5);
    expect(related.length).toBe(5);
    expect(related.every((r) => r.paper.categories?.[0] === text.categories![0])).toBe(true);
  });
});

describe('the worker path: the bundled catalogue with the shipped category model', () => {
  const catalogue = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
  const modelFile = resolve(process.cwd(), 'assets/models/categories.bin');

  it('loads the model on the first prediction only, then predicts a category for an unknown paper', async () => {
    const index = new CatalogueIndex(catalogue);
    let reads = 0;
    index.useCategoryModel(async () => {
      reads++;
      return new Uint8Array(readFileSync(modelFile));
    });
    const ref = {
      key: 'title:surface code decoding',
      title: 'Fault-tolerant decoding of the surface code with neural networks',
      abstract: 'We decode syndromes of the surface code under circuit-level noise and estimate the logical error rate of the quantum memory.',
    };
    expect(reads).toBe(0); // not at start
    expect(index.tagsFor(ref, -1, true).some((t) => t.facet === 'category')).toBe(false); // too small to vote, not loaded
    await Promise.all([index.loadCategoryModel(), index.loadCategoryModel()]);
    expect(reads).toBe(1);
    const predicted = index.tagsFor(ref, -1, true).find((t) => t.facet === 'category');
    expect(predicted).toMatchObject({ id: 'quant-ph', label: 'Quantum Physics', terms: [], predicted: true });
    expect(predicted!.confidence).toBeGreaterThanOrEqual(0.3);
    const vision = index.predictCategories(
      { title: 'Semantic segmentation of street scenes with vision transformers', abstract: 'Images, pixels and object detection benchmarks.' },
      3,
    );
    expect(vision[0]?.category).toBe('cs.CV');
    expect(vision[0]?.label).toBe('Computer Vision and Pattern Recognition');
    await index.loadCategoryModel();
    expect(reads).toBe(1);
  });

  it('keeps working without the model when it cannot be read', async () => {
    const index = new CatalogueIndex(catalogue);
    index.useCategoryModel(async () => new Uint8Array(16));
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await index.loadCategoryModel();
    } finally {
      console.warn = warn;
    }
    expect(index.predictedCategory({ key: 'title:x', title: 'Fault-tolerant decoding of the surface code' })).toBeUndefined();
    expect(index.relatedTo({ key: 'title:x', title: 'Fault-tolerant decoding of the surface code' }, 5).length).toBeGreaterThanOrEqual(0);
  });
});
