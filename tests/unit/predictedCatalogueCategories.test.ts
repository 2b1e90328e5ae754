// The builder's predicted categories: a paper whose source names no category gets the learned model's primary one,
// stored and marked as predicted; the bundled seed catalogue is built that way; old catalogues read as before.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibratedConfidence } from '../../src/core/categories/calibration.ts';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { NeighbourVote } from '../../src/core/categories/neighbourVote.ts';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { runCli } from './runCli.ts';

const SEED = resolve(process.cwd(), '../shared/seeds/000_1385b71a8e51c958.txt');

/** A predictor that answers by a word of the title, and records what it was asked. */
function wordPredictor() {
  const asked: string[] = [];
  const predict = (paper: { title: string }) => {
    asked.push(paper.title);
    if (/quantum/i.test(paper.title)) return { category: 'quant-ph', probability: 0.8 };
    if (/galaxy/i.test(paper.title)) return { category: 'astro-ph.GA', probability: 0.004 };
    return undefined;
  };
  return { asked, predict };
}

function build(predictCategory?: ReturnType<typeof wordPredictor>['predict']) {
  const builder = new CatalogueBuilder({ source: 'test', withAbstracts: false, ...(predictCategory ? { predictCategory } : {}) });
  builder.add({ title: 'Quantum error correction with surface codes', abstract: 'We decode surface codes.' });
  builder.add({ title: 'Quantum advantage in sampling', abstract: 'A sampling task.', categories: ['cs.CC'] });
  builder.add({ title: 'A survey of galaxy rotation curves', abstract: 'Rotation curves of galaxies.' });
  builder.add({ title: 'Untitled musings', abstract: 'Nothing the model knows.' });
  return { builder, data: readCatalogue(builder.build()) };
}

describe('categories predicted by the catalogue builder', () => {
  it('stores the predicted primary category of a paper that names none, marked as predicted with its probability', () => {
    const { asked, predict } = wordPredictor();
    const { builder, data } = build(predict);
    expect(builder.counts.predicted).toBe(2);
    expect(data.header.predictedCategories).toBe(true);
    expect(data.categoriesOf(0)).toEqual(['quant-ph']);
    expect(data.paper(0).tags.find((t) => t.facet === 'category')).toEqual({
      id: 'quant-ph',
      label: 'Quantum Physics',
      // The stored probability (0.8) read as how often the learned model was right at it.
      confidence: Math.round(calibratedConfidence('learned', 204 / 255) * 100) / 100,
      terms: [],
      facet: 'category',
      predicted: true,
    });
    // A tiny probability is still stored as predicted (never read back as "named by the source").
    expect(data.predictedShare(2)).toBeGreaterThan(0);
    expect(data.paper(2).tags.find((t) => t.facet === 'category')).toMatchObject({ id: 'astro-ph.GA', predicted: true });
    // The paper's own category is kept, unmarked, and the predictor is not asked about it.
    expect(data.categoriesOf(1)).toEqual(['cs.CC']);
    expect(data.paper(1).tags.find((t) => t.facet === 'category')).toEqual({ id: 'cs.CC', label: 'Computational Complexity', confidence: 1, terms: [], facet: 'category' });
    expect(asked).not.toContain('Quantum advantage in sampling');
    // No answer, no category.
    expect(data.categoriesOf(3)).toEqual([]);
    expect(data.paper(3).tags.some((t) => t.facet === 'category')).toBe(false);
    data.validate();
  });

  it('writes no predicted section without a predictor, so catalogues read as before', () => {
    const { builder, data } = build();
    expect(builder.counts.predicted).toBe(0);
    expect(data.header.predictedCategories).toBeUndefined();
    expect(data.header.sections.map((s) => s.name)).not.toContain('categoryPredicted');
    expect(data.categoryPredicted).toBeUndefined();
    expect(data.categoriesOf(0)).toEqual([]);
    expect(data.paper(1).tags.find((t) => t.facet === 'category')).not.toHaveProperty('predicted');
  });

  it('lets a page that names a category override a predicted one, never a category the source named', () => {
    const { data } = build(wordPredictor().predict);
    const index = new CatalogueIndex(data);
    const onPage = index.tagsFor({ key: 'title:q', title: 'Quantum error correction with surface codes', categories: ['cs.IT'] }, 0);
    expect(onPage.filter((t) => t.facet === 'category')).toEqual([expect.objectContaining({ id: 'cs.IT' })]);
    expect(onPage.some((t) => t.predicted)).toBe(false);
    const named = index.tagsFor({ key: 'title:a', title: 'Quantum advantage in sampling', categories: ['quant-ph'] }, 1);
    expect(named.filter((t) => t.facet === 'category').map((t) => t.id)).toEqual(['cs.CC']);
    const silentPage = index.tagsFor({ key: 'title:q', title: 'Quantum error correction with surface codes' }, 0);
    expect(silentPage.filter((t) => t.facet === 'category')).toEqual([expect.objectContaining({ id: 'quant-ph', predicted: true })]);
  });

  it('never lets a predicted category vote: neighbours and centroids count only categories the sources named', () => {
    const builder = new CatalogueBuilder({ source: 'test', withAbstracts: false, predictCategory: () => ({ category: 'hep-th', probability: 0.9 }) });
    // Six quantum papers (two named quant-ph, four predicted hep-th) and six vision papers named cs.CV.
    for (let i = 0; i < 12; i++) {
      const quantum = i % 2 === 0;
      builder.add({
        title: quantum ? `Surface code decoding, part ${i}` : `Image segmentation networks, part ${i}`,
        abstract: quantum ? 'Quantum error correction of surface code qubits with decoders.' : 'Segmenting camera images with convolutional networks.',
        arxivId: `2401.${String(i).padStart(5, '0')}`,
        categories: quantum ? (i % 6 === 0 ? ['quant-ph'] : []) : ['cs.CV'],
      });
    }
    const data = readCatalogue(builder.build());
    expect(data.categoriesOf(2)).toEqual(['hep-th']);
    const voted = new NeighbourVote(data).predictText('Surface code decoding', 'Quantum error correction of surface code qubits.', 3);
    expect(voted[0]?.category).toBe('quant-ph');
    expect(voted.map((v) => v.category)).not.toContain('hep-th');
  });

  it('refuses a catalogue that says it has predicted categories but whose section is missing or the wrong size', () => {
    const { data } = build(wordPredictor().predict);
    // Same bytes, header flag kept, section dropped from the list: the wake path refuses it in words.
    const text = new TextDecoder('latin1').decode(data.bytes);
    const tampered = text.replace('"name":"categoryPredicted"', '"name":"categoryPredictes"');
    expect(tampered).not.toBe(text);
    const bytes = Uint8Array.from(tampered, (c) => c.charCodeAt(0));
    expect(() => readCatalogue(bytes)).toThrow(/damaged.*categoryPredicted/);
  });
});

describe('the bundled seed catalogue', () => {
  const papers = bundledPapers();

  it('gives every seed paper a category, marked as predicted (the seed names none)', () => {
    expect(papers).toHaveLength(63);
    for (const p of papers) {
      const category = p.tags.filter((t) => t.facet === 'category');
      expect(category, p.title).toHaveLength(1);
      expect(category[0]).toMatchObject({ id: p.categories[0], predicted: true, terms: [] });
      expect(category[0]!.confidence).toBeGreaterThan(0);
    }
  });

  it('predicts plausible categories: vision papers under cs.CV, systems papers in machine learning or computing', () => {
    const categoryOf = (start: string) => papers.find((p) => p.title.startsWith(start))!.categories[0];
    expect(categoryOf('Non-deep Networks')).toMatch(/^cs\.(CV|LG)$/);
    expect(categoryOf('EdgeNeXt')).toBe('cs.CV');
    expect(categoryOf('ZeRO-Infinity')).toMatch(/^cs\.(LG|DC)$/);
    expect(new Set(papers.map((p) => p.categories[0])).size).toBeGreaterThanOrEqual(5);
  });

  it.skipIf(!existsSync(SEED))('is what build-catalogue writes from the seed, and says how many it predicted', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ps-pred-'));
    const run = await runCli(['build-catalogue', '--in', SEED, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('63 papers named no category: each got its predicted one, marked as predicted');
  });
});
