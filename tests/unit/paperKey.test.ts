import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, normalizeArxivId, normalizePmid, paperKey, paperUrl, pmidFromUrl } from '../../src/core/identity/paperKey.ts';
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

describe('PubMed ids', () => {
  it('are 1 to 9 digits, with or without a "PMID:" label, nothing else', () => {
    expect(normalizePmid('31452104')).toBe('31452104');
    expect(normalizePmid(' PMID: 31452104 ')).toBe('31452104');
    expect(normalizePmid('pmid31452104')).toBe('31452104');
    expect(normalizePmid('7')).toBe('7');
    expect(normalizePmid('123456789')).toBe('123456789');
    for (const bad of ['', '1234567890', '0', '0123', '3145210a', '31452104.', '-5', '3 1452104', 'PMC6717455']) expect(normalizePmid(bad), bad).toBeUndefined();
  });

  it('are read from PubMed record URLs only', () => {
    expect(pmidFromUrl('https://pubmed.ncbi.nlm.nih.gov/31452104/')).toBe('31452104');
    expect(pmidFromUrl('https://pubmed.ncbi.nlm.nih.gov/31452104?from=x')).toBe('31452104');
    expect(pmidFromUrl('https://www.ncbi.nlm.nih.gov/pubmed/31452104')).toBe('31452104');
    expect(pmidFromUrl('https://pubmed.ncbi.nlm.nih.gov/?term=31452104')).toBeUndefined();
    expect(pmidFromUrl('https://pubmed.ncbi.nlm.nih.gov/31452104/citedby/')).toBeUndefined();
    expect(pmidFromUrl('https://pubmed.ncbi.nlm.nih.gov/1234567890/')).toBeUndefined();
    expect(pmidFromUrl('https://example.org/31452104/')).toBeUndefined();
    expect(pmidFromUrl('/31452104/')).toBeUndefined();
  });

  it('key a paper after its arXiv id and DOI, before OpenReview and title, and link to PubMed', () => {
    expect(paperKey({ doi: '10.1038/s41586-019-1506-7', pmid: '31452104', title: 'T' })).toBe('doi:10.1038/s41586-019-1506-7');
    expect(paperKey({ arxivId: '2104.07857', pmid: '31452104' })).toBe('arxiv:2104.07857');
    expect(paperKey({ pmid: '31452104', openreviewId: 'abc123', title: 'T' })).toBe('pmid:31452104');
    expect(paperKey({ pmid: 'not a pmid', title: 'Some Title' })).toBe('title:some title');
    expect(paperUrl('pmid:31452104')).toBe('https://pubmed.ncbi.nlm.nih.gov/31452104/');
    expect(paperUrl('pmid:../x')).toBeUndefined();
    expect(paperUrl('pmid:')).toBeUndefined();
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
