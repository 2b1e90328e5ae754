import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';

/** Two fields, each with its own 80-word vocabulary (6 words a paper), 300 papers each. */
const QUANTUM = Array.from({ length: 80 }, (_, k) => `qubitterm${k}`);
const GRAPHS = Array.from({ length: 80 }, (_, k) => `graphterm${k}`);
const pick = (words: string[], i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');

function twoFieldCatalogue(): CatalogueIndex {
  const builder = new CatalogueBuilder({ source: 'synthetic', withAbstracts: false });
  for (let i = 0; i < 300; i++) {
    builder.add({ title: pick(QUANTUM, i, 3), abstract: pick(QUANTUM, i + 5, 3), categories: ['quant-ph'], arxivId: `2301.${String(i).padStart(5, '0')}` });
    builder.add({ title: pick(GRAPHS, i, 3), abstract: pick(GRAPHS, i + 5, 3), categories: ['cs.LG'], arxivId: `2302.${String(i).padStart(5, '0')}` });
  }
  return new CatalogueIndex(readCatalogue(builder.build()));
}

describe('predicted arXiv categories for papers the catalogue does not know', () => {
  const index = twoFieldCatalogue();

  it('names the field a new paper belongs to, marked as predicted, only when asked', () => {
    const ref = { key: 'title:x', title: pick(QUANTUM, 1000, 4) };
    const predicted = index.tagsFor(ref, -1, true).find((t) => t.facet === 'category');
    expect(predicted).toMatchObject({ id: 'quant-ph', label: 'Quantum Physics', terms: [], predicted: true });
    expect(predicted!.confidence).toBeGreaterThanOrEqual(0.3);
    expect(index.tagsFor(ref, -1).some((t) => t.facet === 'category')).toBe(false);
    const graph = index.tagsFor({ key: 'title:y', title: pick(GRAPHS, 1000, 4) }, -1, true);
    expect(graph.find((t) => t.facet === 'category')?.id).toBe('cs.LG');
  });

  it('keeps the page category when the page names one, and predicts nothing from an empty text', () => {
    const tags = index.tagsFor({ key: 'title:z', title: pick(QUANTUM, 7, 4), categories: ['cs.IT'] }, -1, true);
    expect(tags.filter((t) => t.facet === 'category').map((t) => t.id)).toEqual(['cs.IT']);
    expect(index.predictedCategory({ key: 'title:w', title: 'Zzz qqq' })).toBeUndefined();
  });
});
