import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, normalizeArxivId, paperKey } from '../../src/core/identity/paperKey.ts';
import { normalizeTitle } from '../../src/core/identity/titles.ts';

describe('paper keys', () => {
  it('strips versions from new and old-style arXiv ids', () => {
    expect(normalizeArxivId('2104.07857v3')).toBe('2104.07857');
    expect(normalizeArxivId('arXiv:1910.02054')).toBe('1910.02054');
    expect(normalizeArxivId('hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(normalizeArxivId('math.GT/0309136')).toBe('math.GT/0309136');
    expect(normalizeArxivId('not an id')).toBeUndefined();
  });

  it('reads ids from abs, pdf and html URLs and arXiv DOIs', () => {
    expect(arxivIdFromUrl('https://arxiv.org/abs/2104.07857v2')).toBe('2104.07857');
    expect(arxivIdFromUrl('https://arxiv.org/pdf/2104.07857v2.pdf')).toBe('2104.07857');
    expect(arxivIdFromUrl('https://arxiv.org/pdf/2104.07857')).toBe('2104.07857');
    expect(arxivIdFromUrl('https://arxiv.org/html/2607.22529v1')).toBe('2607.22529');
    expect(arxivIdFromUrl('https://arxiv.org/abs/hep-th/9901001')).toBe('hep-th/9901001');
    expect(arxivIdFromUrl('https://doi.org/10.48550/arXiv.2104.07857')).toBe('2104.07857');
    expect(arxivIdFromUrl('https://example.org/abs/2104.07857')).toBeUndefined();
  });

  it('prefers arXiv id, then DOI, then OpenReview, then title', () => {
    expect(paperKey({ arxivId: '2104.07857v1', doi: '10.1000/x', title: 'T' })).toBe('arxiv:2104.07857');
    expect(paperKey({ doi: 'https://doi.org/10.1101/696633' })).toBe('doi:10.1101/696633');
    expect(paperKey({ doi: '10.48550/arXiv.2104.07857' })).toBe('arxiv:2104.07857');
    expect(paperKey({ openreviewId: 'abc123' })).toBe('openreview:abc123');
    expect(paperKey({ title: 'ZeRO-Infinity: Breaking the GPU Memory Wall' })).toBe('title:zero infinity breaking the gpu memory wall');
  });
});

describe('title normalization', () => {
  it('survives case, punctuation, dashes, quotes, accents and TeX', () => {
    const plain = normalizeTitle('Scaling Laws for Data Filtering -- Data Curation cannot be Compute Agnostic');
    expect(normalizeTitle('scaling laws for data filtering \u2014 data curation cannot be compute agnostic')).toBe(plain);
    expect(normalizeTitle('Schr\\"odinger bridges')).toBe(normalizeTitle('Schrödinger Bridges'));
    expect(normalizeTitle('$\\alpha$-Divergence “Minimization”')).toBe('alpha divergence minimization');
  });
});

describe('title normalization of TeX commands', () => {
  it('keeps words after formatting commands and letter accents', () => {
    expect(normalizeTitle('\\textbf{Deep} \\v{C}ech \\c c')).toBe('deep cech c');
  });
});

describe('title normalization of braced BibTeX accents', () => {
  it('keeps the word whole', () => {
    expect(normalizeTitle('Gr{\\"o}bner bases and {\\c c}a')).toBe(normalizeTitle('Gröbner bases and ça'));
    expect(normalizeTitle('Gr{\\"o}bner bases')).toBe('grobner bases');
  });
});
