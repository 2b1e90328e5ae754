// A small catalogue of three fields with words of their own, for the ranker's tests: which papers must rank first is
// plain from the words.
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import type { PaperRef } from '../../src/core/paper.ts';

export const FIELDS = {
  quantum: { category: 'quant-ph', words: ['qubit', 'entanglement', 'superconducting', 'decoherence', 'fidelity', 'hamiltonian', 'photonic', 'teleportation'] },
  language: { category: 'cs.CL', words: ['tokenizer', 'translation', 'summarization', 'parsing', 'lexicon', 'dialogue', 'morphology', 'corpus'] },
  cells: { category: 'q-bio.CB', words: ['mitochondria', 'membrane', 'cytoskeleton', 'ribosome', 'chromatin', 'apoptosis', 'organelle', 'enzyme'] },
} as const;
export type Field = keyof typeof FIELDS;

/** A paper's arXiv id: the month, then the field and n (2401.10003 is the quantum field's paper 3 of January 2024). */
export function toyId(field: Field, n: number, month = '2401'): string {
  return `${month}.${Object.keys(FIELDS).indexOf(field) + 1}${String(n).padStart(4, '0')}`;
}

/**
 * The n-th paper of a field: three of its words in the title, five in the abstract (rotating, so papers differ). Papers
 * of another month than January 2024 are not in the toy catalogue.
 */
export function fieldPaper(field: Field, n: number, month = '2401'): PaperRef {
  const id = toyId(field, n, month);
  const { words, category } = FIELDS[field];
  const pick = (k: number) => words[(n * 3 + k) % words.length]!;
  return {
    key: `arxiv:${id}`,
    arxivId: id,
    title: `${pick(0)} ${pick(1)} ${pick(2)}`,
    abstract: `We study ${pick(3)} and ${pick(4)} with ${pick(5)}, ${pick(0)} and ${pick(6)}.`,
    authors: [`Author ${field} ${n % 4}`, `Person ${field} ${n}`],
    categories: [category],
  };
}

/** 20 papers per field, dated January 2024. */
export function toyCatalogue(): CatalogueIndex {
  const builder = new CatalogueBuilder({ source: 'toy', withAbstracts: true });
  for (const field of Object.keys(FIELDS) as Field[]) {
    for (let n = 0; n < 20; n++) {
      const p = fieldPaper(field, n);
      builder.add({ title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, arxivId: p.arxivId });
    }
  }
  return new CatalogueIndex(readCatalogue(builder.build()));
}
