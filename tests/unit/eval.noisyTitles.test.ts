import { describe, expect, it } from 'vitest';
import { closeNegatives, mainTitle, NOISE_KINDS, noisyVariants } from '../../src/eval/noisyTitles.ts';
import { mulberry32 } from '../../src/training/random.ts';
import { scholarTruncate } from '../../src/eval/noisyTitles.ts';
import { normalizeTitle } from '../../src/core/identity/titles.ts';

const TITLES = [
  'Attention Is All You Need',
  'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  'Kollár\'s injectivity theorem and the Gröbner basis of "nice" ideals',
  'Scaling Laws for Neural Language Models — An Empirical Study of Compute-Optimal Training at Scale',
];

describe('noisy title variants', () => {
  it('are deterministic for a title and seed, and change with the seed', () => {
    for (const t of TITLES) expect(noisyVariants(t, 1)).toEqual(noisyVariants(t, 1));
    const a = TITLES.flatMap((t) => noisyVariants(t, 1).map((v) => v.title));
    const b = TITLES.flatMap((t) => noisyVariants(t, 2).map((v) => v.title));
    expect(a).not.toEqual(b);
  });

  it('give each applicable kind once, never the title itself', () => {
    const variants = noisyVariants(TITLES[1]!, 1);
    expect(variants.map((v) => v.kind)).toEqual([...NOISE_KINDS]);
    for (const v of variants) expect(v.title).not.toBe(TITLES[1]);
    // A short title without a subtitle has no subtitle-cut or truncated form.
    const short = noisyVariants(TITLES[0]!, 1).map((v) => v.kind);
    expect(short).not.toContain('subtitle-cut');
    expect(short).not.toContain('scholar-truncated');
  });

  it('keep the normalized title for case, Unicode and whitespace noise', () => {
    for (const t of TITLES) {
      for (const v of noisyVariants(t, 3)) {
        if (v.kind === 'case' || v.kind === 'unicode' || v.kind === 'whitespace') expect(normalizeTitle(v.title), `${v.kind}: ${v.title}`).toBe(normalizeTitle(t));
      }
    }
  });

  it('write TeX as BibTeX does', () => {
    const tex = noisyVariants(TITLES[2]!, 1).find((v) => v.kind === 'tex')!.title;
    expect(tex).toMatch(/\\'/); // á as an accent command
    expect(tex).toMatch(/\\"/); // ö
  });

  it('cut subtitles and truncate long titles like Google Scholar', () => {
    expect(mainTitle(TITLES[1]!)).toBe('BERT');
    expect(mainTitle(TITLES[3]!)).toBe('Scaling Laws for Neural Language Models');
    expect(mainTitle(TITLES[0]!)).toBeUndefined();
    const cut = scholarTruncate(TITLES[3]!, mulberry32(5))!;
    expect(cut).toMatch(/(…|\.\.\.)$/);
    const prefix = cut.replace(/\s*(…|\.\.\.)$/, '');
    expect(TITLES[3]!.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(TITLES[3]!.length);
    expect(scholarTruncate('Short title', mulberry32(5))).toBeUndefined();
  });
});

describe('close negatives', () => {
  it('finds held-out titles close to catalogue titles, never equal ones', () => {
    const catalogue = [
      'Graph Neural Networks for Molecule Property Prediction',
      'Sparse Attention: Faster Transformers for Long Documents',
      'A Survey of Reinforcement Learning in Robotics',
    ];
    const heldOut = [
      'Graph Neural Networks for Crystal Property Prediction', // overlap
      'Sparse Attention: A Theory of Expressivity', // same main title
      'A survey of reinforcement learning in robotics', // the same paper's title: not a negative
      'Protein Folding with Diffusion Models', // unrelated
    ];
    const found = closeNegatives(catalogue, heldOut);
    expect(found.map((f) => [f.heldOut, f.nearest, f.reason])).toEqual(
      expect.arrayContaining([
        [0, 0, 'overlap'],
        [1, 1, 'same-main-title'],
      ]),
    );
    expect(found.map((f) => f.heldOut)).not.toContain(2);
    expect(found.map((f) => f.heldOut)).not.toContain(3);
    expect(closeNegatives(catalogue, heldOut)).toEqual(found);
  });
});
