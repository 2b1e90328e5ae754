import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { authorsAgreeInOrder, mainTitleOf, sameAuthors, sameSurnames, surnameOf } from '../../src/core/identity/matcher.ts';
import { paperKey } from '../../src/core/identity/paperKey.ts';

const PAPERS: ParsedPaper[] = [
  {
    title: 'Deep Residual Learning for Image Recognition: A Study of Very Deep Networks',
    authors: ['Kaiming He', 'Xiangyu Zhang'],
    year: 2016,
    arxivId: '1512.03385',
    categories: ['cs.CV'],
  },
  { title: 'Deep Residual Learning for Image Recognition: Revisited at Scale', authors: ['Ada Lovelace'], year: 2024, arxivId: '2401.00001', categories: ['cs.CV'] },
  {
    title: 'Attention Is All You Need in Protein Folding and Other Long Sequence Problems',
    authors: ['Ashish Vaswani'],
    year: 2020,
    arxivId: '2001.00002',
    categories: ['q-bio.BM'],
  },
  { title: 'Gr\u00f6bner Bases of Toric Ideals: Degree Bounds', authors: ['Bernd Sturmfels'], year: 1995, arxivId: 'alg-geom/9501001', categories: ['math.AC'] },
  { title: 'Gr\u00f6bner Bases of Toric Ideals: Degree Bounds Revisited', authors: ['Bernd Sturmfels'], year: 2005, arxivId: 'math/0501001', categories: ['math.AC'] },
  {
    title: 'Reanalyzing the Survey: 1. Constraints from the Power Spectrum',
    authors: ['Ann Chu', 'Mikhail Ivanov'],
    year: 2025,
    arxivId: '2503.00001',
    categories: ['astro-ph.CO'],
  },
  {
    title: 'GWTC-9.0: Population Properties of Merging Compact Binaries',
    authors: ['The LIGO Scientific Collaboration', 'The Virgo Collaboration'],
    year: 2025,
    arxivId: '2508.00002',
    categories: ['gr-qc'],
  },
  {
    title: 'Anatomically Constrained Transformers for Cardiac Imaging',
    authors: ['Alex Thorley', 'Agis Chartsias', 'Jordan Strom', 'Roberto Lang', 'Jinming Duan'],
    year: 2025,
    arxivId: '2509.00003',
    categories: ['eess.IV'],
  },
  {
    title: 'Spectral Asymptotics for a Magnetic Schrödinger Operator: The Case of Discrete Wells',
    authors: ['Bernard Helffer', 'Yuri Kordyukov'],
    year: 2010,
    arxivId: '1001.00004',
    categories: ['math.SP'],
  },
  {
    title: 'Spectral Asymptotics for a Magnetic Schrödinger Operator II: The Case of Degenerate Wells',
    authors: ['Bernard Helffer', 'Yuri Kordyukov'],
    year: 2011,
    arxivId: '1101.00005',
    categories: ['math.SP'],
  },
];

function index(): CatalogueIndex {
  const builder = new CatalogueBuilder({ source: 'test', withAbstracts: false });
  for (const p of PAPERS) builder.add(p);
  return new CatalogueIndex(readCatalogue(builder.build()));
}

const ref = (title: string, extra: { authors?: string[]; year?: number } = {}) => ({ key: paperKey({ title }), title, ...extra });

describe('title matching of cut-off titles', () => {
  const idx = index();

  it('reads surnames as pages write them', () => {
    expect(surnameOf('Kaiming He')).toBe('he');
    expect(surnameOf('He, Kaiming')).toBe('he');
    expect(surnameOf('K He')).toBe('he');
    expect(surnameOf("Bohdan Paczy\\'nski")).toBe('paczynski');
    expect(surnameOf('Martin Luther King Jr.')).toBe('king');
    expect(surnameOf(undefined)).toBe('');
  });

  it('corroborates by first author (surname and initial) and, when both list two, the second surname', () => {
    expect(sameAuthors(['K He', 'X Zhang'], ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren'])).toBe(true);
    expect(sameAuthors(['He'], ['Kaiming He'])).toBe(true);
    expect(sameAuthors(['Y Xu', 'J Jiao'], ['Xueqing Xu', 'Boris Bolliet'])).toBe(false); // another Xu
    expect(sameAuthors(['Q Xu', 'W Duan'], ['Qing Xu', 'Yuxiang Luo'])).toBe(false); // another second author
    expect(sameAuthors(['Q Xu'], ['Qing Xu', 'Yuxiang Luo'])).toBe(true);
    expect(sameAuthors([], ['Qing Xu'])).toBe(false);
    expect(sameSurnames(['A B', 'C D', 'E F'], ['Al B', 'Cy D', 'Ed F'])).toBe(true);
    expect(sameSurnames(['A B', 'C D', 'E F'], ['Al B', 'Cy D', 'Ed F', 'G H'])).toBe(false);
  });

  it('matches a Scholar "…" title by prefix when the first author agrees, and only then', () => {
    const cut = 'Attention is all you need in protein folding and …';
    expect(idx.matchIndex(ref(cut, { authors: ['A Vaswani', 'N Shazeer'] }))).toBe(2);
    expect(idx.matchIndex(ref('Attention is all you need in protein folding...', { authors: ['A Vaswani'] }))).toBe(2);
    expect(idx.matchIndex(ref(cut))).toBe(-1); // no authors: nothing corroborates
    expect(idx.matchIndex(ref(cut, { authors: ['N Shazeer'] }))).toBe(-1); // another first author
    expect(idx.matchIndex(ref(cut, { authors: ['A Vaswani'], year: 2020 }))).toBe(2);
    expect(idx.matchIndex(ref(cut, { authors: ['A Vaswani'], year: 2023 }))).toBe(-1); // year too far off
    expect(idx.matchIndex(ref('Attention is …', { authors: ['A Vaswani'] }))).toBe(-1); // too few words
  });

  it('needs every author a Scholar row shows to be the paper’s, in order; the row may show fewer', () => {
    expect(authorsAgreeInOrder(['A Thorley', 'A Chartsias', 'J Strom'], ['Alex Thorley', 'Agis Chartsias', 'Jordan Strom', 'Roberto Lang'])).toBe(true);
    expect(authorsAgreeInOrder(['A Thorley', 'A Chartsias', 'J Strom', 'J Slivnick'], ['Alex Thorley', 'Agis Chartsias', 'Jordan Strom', 'Roberto Lang'])).toBe(false);
    expect(authorsAgreeInOrder(['M Hady', 'S Hu', 'Z Cao'], ['Mohamad Hady', 'Siyi Hu', 'Jimmy Cao'])).toBe(false); // another initial
    expect(authorsAgreeInOrder(['Hady', 'Hu', 'Cao'], ['Mohamad Hady', 'Siyi Hu', 'Jimmy Cao'])).toBe(true); // no initials shown
    const cut = 'Anatomically constrained transformers for…';
    const paper = PAPERS.findIndex((p) => p.arxivId === '2509.00003');
    expect(idx.matchIndex(ref(cut, { authors: ['A Thorley', 'A Chartsias', 'J Strom', 'R Lang'], year: 2025 }))).toBe(paper);
    expect(idx.matchIndex(ref(cut, { authors: ['A Thorley', 'A Chartsias'], year: 2025 }))).toBe(paper);
    // The same group's other paper: the first three agree, the fourth does not.
    expect(idx.matchIndex(ref(cut, { authors: ['A Thorley', 'A Chartsias', 'J Strom', 'J Slivnick', 'J Duan'], year: 2025 }))).toBe(-1);
    expect(mainTitleOf('ThoughtProbe: Classifier-Guided Exploration')).toBe('thoughtprobe');
    expect(mainTitleOf('A title without a subtitle')).toBeUndefined();
  });

  it('refuses a cut title that fits a numbered part of a series, even when another paper of the series fits too', () => {
    const first = PAPERS.findIndex((p) => p.arxivId === '1001.00004');
    const cut = 'Spectral asymptotics for a magnetic Schrödinger …';
    expect(idx.matchIndex(ref(cut, { authors: ['B Helffer', 'Y Kordyukov'], year: 2011 }))).toBe(-1); // part I or part II
    expect(idx.matchIndex(ref('Spectral asymptotics for a magnetic Schrödinger operator: the case of …', { authors: ['B Helffer'], year: 2010 }))).toBe(first);
  });

  it('tells prefix candidates apart by first author and year, and refuses when it cannot', () => {
    const cut = 'Deep residual learning for image recognition …';
    expect(idx.matchIndex(ref(cut, { authors: ['K He'] }))).toBe(0);
    expect(idx.matchIndex(ref(cut, { authors: ['A Lovelace'] }))).toBe(1);
    const grobner = 'Gröbner bases of toric ideals: degree …';
    expect(idx.matchIndex(ref(grobner, { authors: ['B Sturmfels'] }))).toBe(-1); // two papers, same author
    expect(idx.matchIndex(ref(grobner, { authors: ['B Sturmfels'], year: 2005 }))).toBe(4);
  });

  it('matches a title with its subtitle cut off only as a whole main title, with the first author', () => {
    expect(idx.matchIndex(ref('Deep Residual Learning for Image Recognition', { authors: ['Kaiming He'] }))).toBe(0);
    expect(idx.matchIndex(ref('Deep Residual Learning for Image Recognition'))).toBe(-1);
    expect(idx.matchIndex(ref('Deep Residual Learning for Image', { authors: ['Kaiming He'] }))).toBe(-1); // not a main title
    expect(idx.matchIndex(ref('Attention Is All You Need in Protein Folding', { authors: ['Ashish Vaswani'] }))).toBe(-1); // no subtitle there
    expect(idx.matchIndex(ref('Gröbner Bases of Toric Ideals', { authors: ['Bernd Sturmfels'] }))).toBe(-1); // two papers, same author
  });

  it('refuses a cut title when the left-off part numbers an instalment, or the authors are a collaboration', () => {
    // Part 2 of the series has the same main title and authors: the cut title cannot say which part it is.
    expect(idx.matchIndex(ref('Reanalyzing the Survey', { authors: ['Ann Chu', 'Mikhail Ivanov'] }))).toBe(-1);
    expect(idx.matchIndex(ref('Reanalyzing the Survey: 1. Constraints from the Power Spectrum'))).toBe(5); // whole title
    // A collaboration signs many "GWTC-9.0: …" papers.
    expect(idx.matchIndex(ref('GWTC-9.0', { authors: ['The LIGO Scientific Collaboration', 'The Virgo Collaboration'] }))).toBe(-1);
    expect(idx.matchIndex(ref('GWTC-9.0: Population properties of merging …', { authors: ['LIGO Scientific Collaboration'], year: 2025 }))).toBe(-1);
    expect(idx.matchIndex({ key: 'arxiv:2508.00002', title: 'GWTC-9.0' })).toBe(6); // an id still matches
  });

  it('keeps exact and identifier matching as before', () => {
    expect(idx.matchIndex(ref(PAPERS[3]!.title))).toBe(3);
    expect(idx.matchIndex({ key: 'arxiv:2001.00002', title: 'whatever' })).toBe(2);
  });
});

describe('related papers re-ranked by category', () => {
  it('returns scores in 0..1, best first, with the cosine alongside; weight 0 is plain tf-idf', () => {
    const idx = index();
    const plain = new CatalogueIndex(idx.data, { categoryWeight: 0 });
    const q = { key: 'title:q', title: 'Deep residual networks for image recognition', abstract: 'Very deep convolutional networks with residual learning.' };
    const ranked = idx.relatedTo(q, 3);
    expect(ranked.length).toBeGreaterThan(0);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    for (const r of ranked) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.similarity).toBeGreaterThan(0);
    }
    const base = plain.relatedTo(q, 3);
    expect(base[0]!.similarity).toBeUndefined();
    expect(new Set(base.map((r) => r.index))).toEqual(new Set(ranked.map((r) => r.index)));
  });
});
