// A toy corpus for the eval tests: three topics with their own words, deterministic.
import type { PaperText } from '../../src/core/categories/tfidf.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { mulberry32 } from '../../src/training/random.ts';

/** Three topics with their own words, plus words every document shares. */
export function toyCorpus(perTopic: number, seed = 1): Array<PaperText & { label: string }> {
  const topics: Record<string, string[]> = {
    vision: 'image pixel camera segmentation detection convolution video depth scene object'.split(' '),
    galaxy: 'galaxy star halo redshift stellar cluster telescope spectra nebula cosmic'.split(' '),
    algebra: 'ring module ideal scheme sheaf cohomology variety prime field algebra'.split(' '),
  };
  const common = 'method analysis model results data framework'.split(' ');
  const random = mulberry32(seed);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  const docs: Array<PaperText & { label: string }> = [];
  for (let i = 0; i < perTopic; i++) {
    for (const [label, words] of Object.entries(topics)) {
      const title = Array.from({ length: 4 }, () => pick(words)).join(' ');
      const abstract = Array.from({ length: 20 }, () => (random() < 0.7 ? pick(words) : pick(common))).join(' ');
      docs.push({ title, abstract, authors: [`Author ${label}`], label });
    }
  }
  return docs;
}

const TOY_CATEGORY: Record<string, string> = { vision: 'cs.CV', galaxy: 'astro-ph.GA', algebra: 'math.AC' };

/** The toy corpus as papers a builder reads: arXiv ids numbered from `first`, each topic under an arXiv category. */
export function toyArxivPapers(perTopic: number, seed: number, first: number): ParsedPaper[] {
  return toyCorpus(perTopic, seed).map((p, i) => ({
    title: p.title,
    abstract: p.abstract,
    authors: p.authors,
    categories: [TOY_CATEGORY[p.label]!],
    arxivId: `2401.${String(first + i).padStart(5, '0')}`,
    year: 2024,
  }));
}
