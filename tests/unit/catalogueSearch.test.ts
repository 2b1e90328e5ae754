import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { allowedTypos, CatalogueSearch, searchWords } from '../../src/core/search/catalogueSearch.ts';

const PAPERS: ParsedPaper[] = [
  { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], year: 2017, arxivId: '1706.03762', categories: ['cs.CL'] },
  { title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He', 'Xiangyu Zhang'], year: 2015, arxivId: '1512.03385', categories: ['cs.CV'] },
  { title: 'Efficient Memory Management for Large Language Model Serving with PagedAttention', authors: ['Woosuk Kwon'], year: 2023, arxivId: '2309.06180', categories: ['cs.LG'] },
  { title: 'Quantum Error Correction with Surface Codes', authors: ['Austin Fowler'], year: 2012, arxivId: '1208.0928', categories: ['quant-ph'] },
  { title: 'Surface Code Decoding by Attention Networks', authors: ['Ada Lovelace'], year: 2024, arxivId: '2401.00001', categories: ['quant-ph'] },
  { title: 'Gr\u00f6bner Bases of Toric Ideals', authors: ['Bernd Sturmfels'], year: 1995, arxivId: 'alg-geom/9501001', categories: ['math.AC'] },
  { title: 'A Study of Attention in Vision Transformers', authors: ['Alexey Dosovitskiy'], year: 2020, doi: '10.1000/vit.2020', categories: ['cs.CV'] },
];

const data = (() => {
  const builder = new CatalogueBuilder({ source: 'test', withAbstracts: false });
  for (const p of PAPERS) builder.add(p);
  return readCatalogue(builder.build());
})();
const search = CatalogueSearch.build(data);
const titlesOf = (query: string, filters = {}, limit = 20) => search.search(query, filters, limit).hits.map((h) => data.lines('titles')[h.index]);

describe('catalogue search words', () => {
  it('splits titles and names as the index does, accents and TeX included', () => {
    expect(searchWords('PagedAttention: Serving LLMs!')).toEqual(['pagedattention', 'serving', 'llms']);
    expect(searchWords('Gr\u00f6bner')).toEqual(['grobner']);
    expect(searchWords("Bohdan Paczy\\'nski")).toEqual(['bohdan', 'paczynski']);
  });

  it('allows no typo in short words or numbers, one from four letters, two from eight', () => {
    expect(allowedTypos('gan')).toBe(0);
    expect(allowedTypos('2017')).toBe(0);
    expect(allowedTypos('quantum')).toBe(1);
    expect(allowedTypos('attention')).toBe(2);
  });
});

describe('catalogue search', () => {
  it('finds a title with typos in its words', () => {
    expect(titlesOf('atention is all you need')[0]).toBe('Attention Is All You Need');
    expect(titlesOf('quantom eror corection')[0]).toBe('Quantum Error Correction with Surface Codes');
    expect(titlesOf('residul lerning')).toEqual(['Deep Residual Learning for Image Recognition']);
  });

  it('finds papers by author, accents folded', () => {
    expect(titlesOf('vaswani')).toEqual(['Attention Is All You Need']);
    expect(titlesOf('sturmfels grobner')).toEqual(['Gr\u00f6bner Bases of Toric Ideals']);
    expect(titlesOf('Gr\u00f6bner')).toEqual(['Gr\u00f6bner Bases of Toric Ideals']);
  });

  it('completes the word being typed, but not one followed by a space', () => {
    expect(titlesOf('pagedatt')).toEqual(['Efficient Memory Management for Large Language Model Serving with PagedAttention']);
    expect(titlesOf('surface cod')).toHaveLength(2);
    expect(titlesOf('pagedatt ')).toEqual([]);
  });

  it('needs every word that narrows the search', () => {
    expect(titlesOf('surface attention')).toEqual(['Surface Code Decoding by Attention Networks']);
    expect(titlesOf('attention zebrafish')).toEqual([]);
  });

  it('ranks a title match above an author match, an exact word above a typo, and shorter titles first', () => {
    const byTitle = titlesOf('attention');
    expect(byTitle[0]).toBe('Attention Is All You Need');
    expect(byTitle).toHaveLength(3);
    const scores = search.search('surface codes').hits.map((h) => h.score);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(titlesOf('surface codes')[0]).toBe('Quantum Error Correction with Surface Codes');
  });

  it('filters by year, topic or category tag, and site', () => {
    expect(titlesOf('attention', { year: 2024 })).toEqual(['Surface Code Decoding by Attention Networks']);
    expect(titlesOf('attention', { tag: 'cs.CV' })).toEqual(['A Study of Attention in Vision Transformers']);
    expect(titlesOf('', { tag: 'Quantum Physics' })).toEqual(['Surface Code Decoding by Attention Networks', 'Quantum Error Correction with Surface Codes']);
    expect(titlesOf('attention', { site: 'arxiv' })).not.toContain('A Study of Attention in Vision Transformers');
    expect(titlesOf('attention', { site: 'arxiv' })).toHaveLength(2);
    expect(titlesOf('attention', { site: 'openreview' })).toEqual([]);
    expect(titlesOf('attention', { tag: 'no such tag' })).toEqual([]);
  });

  it('tests topic tags with the edited taxonomy when one is given', () => {
    const titles = data.lines('titles');
    // As if the user renamed a topic: only the edited labels count, the catalogue's own topic ids do not.
    const edited = (i: number) => (titles[i]!.includes('Decoding') ? ['My decoding topic'] : []);
    const hits = search.search('', { tag: 'my decoding topic' }, 20, edited).hits.map((h) => titles[h.index]);
    expect(hits).toEqual(['Surface Code Decoding by Attention Networks']);
    expect(search.search('', { tag: 'my decoding topic' }, 20).hits).toEqual([]);
    // Categories are not part of the taxonomy: they still filter.
    expect(search.search('attention', { tag: 'cs.CV' }, 20, edited).hits).toHaveLength(1);
  });

  it('with filters and no words, lists the newest papers first; counts what the limit cut off', () => {
    const all = search.search('', {}, 2);
    expect(all.total).toBe(PAPERS.length);
    expect(all.hits.map((h) => data.years[h.index])).toEqual([2024, 2023]);
  });
});

describe('catalogue search typos', () => {
  it('counts two swapped letters as one typo, even in a short word', () => {
    expect(titlesOf('qunatum')).toEqual(['Quantum Error Correction with Surface Codes']);
    expect(titlesOf('toirc ideals')).toEqual(['Gr\u00f6bner Bases of Toric Ideals']);
  });
});

describe('catalogue search built in slices', () => {
  it('pauses between slices and builds the same index', async () => {
    const builder = new CatalogueBuilder({ source: 'test', withAbstracts: false });
    for (let i = 0; i < 2500; i++) builder.add({ title: `Paper number ${i} on topic ${i % 7 === 0 ? 'quantum' : 'graphs'}`, authors: [`Author ${i}`], year: 2000 + (i % 20) });
    const big = readCatalogue(builder.build());
    let pauses = 0;
    const sliced = await CatalogueSearch.buildInSlices(big, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(3);
    const whole = CatalogueSearch.build(big);
    expect(sliced.search('quantm', {}, 50)).toEqual(whole.search('quantm', {}, 50));
    expect(sliced.search('quantm', {}, 50).total).toBe(358);
  });
});

describe('the worker side of catalogue search', async () => {
  const { searchCatalogue } = await import('../../src/background/catalogueSearch.ts');
  const { CatalogueIndex } = await import('../../src/core/catalogue/catalogueIndex.ts');
  const index = new CatalogueIndex(data);

  it('answers filter choices without building the index, and results with links, sites and saved marks', async () => {
    const options = await searchCatalogue(index, { query: '', limit: 0, withOptions: true }, new Set());
    expect(options).toMatchObject({ total: 0, results: [], paperCount: PAPERS.length });
    expect(options.options?.years).toEqual([2024, 2023, 2020, 2017, 2015, 2012, 1995]);
    expect(options.options?.tags).toContain('Computer Vision and Pattern Recognition');

    const found = await searchCatalogue(index, { query: 'atention', limit: 2 }, new Set(['arxiv:1706.03762']));
    expect(found.total).toBe(3);
    expect(found.results).toHaveLength(2);
    expect(found.results[0]).toMatchObject({
      key: 'arxiv:1706.03762',
      saved: true,
      site: 'arxiv',
      url: 'https://arxiv.org/abs/1706.03762',
      year: 2017,
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
    });
    const vit = await searchCatalogue(index, { query: 'vision transformers', limit: 5 }, new Set());
    expect(vit.results[0]).toMatchObject({ key: 'doi:10.1000/vit.2020', url: 'https://doi.org/10.1000/vit.2020', saved: false });
    expect(vit.results[0]?.site).toBeUndefined();
  });
});

describe('the searchCatalogue request check', async () => {
  const { PAGES_TO_WORKER } = await import('../../src/messaging/protocol.ts');
  it('keeps the known fields and refuses what is out of bounds', () => {
    expect(PAGES_TO_WORKER.searchCatalogue.check({ query: 'x', limit: 5, year: 2020, extra: 1 }, '')).toEqual({ query: 'x', limit: 5, year: 2020 });
    expect(() => PAGES_TO_WORKER.searchCatalogue.check({ query: 'x', limit: 1000 }, '')).toThrow('limit should be an integer in 0..100');
    expect(() => PAGES_TO_WORKER.searchCatalogue.check({ query: 'x'.repeat(501), limit: 5 }, '')).toThrow(/query should be a string of at most 500/);
    expect(() => PAGES_TO_WORKER.searchCatalogue.check({ query: 'x', limit: 5, tag: 7 }, '')).toThrow(/tag should be a string/);
  });
});
