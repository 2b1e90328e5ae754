// An update layer on top of a catalogue: built against it (its vocabulary, idf and tables), read together as one.
import { describe, expect, it } from 'vitest';
import { CatalogueError, readCatalogue, type CatalogueData } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { LayeredCatalogue, layeredVersion } from '../../src/core/catalogue/layered.ts';
import { CatalogueSearch } from '../../src/core/search/catalogueSearch.ts';
import { toyArxivPapers } from './eval.toyCorpus.ts';

const papers = toyArxivPapers;

function build(list: readonly ParsedPaper[], layerOf?: LayeredCatalogue | CatalogueData): CatalogueData {
  const builder = new CatalogueBuilder({ source: layerOf ? 'update' : 'base', withAbstracts: true, layerOf });
  for (const p of list) builder.add(p);
  return readCatalogue(builder.build());
}

const basePapers = papers(60, 1, 0);
const base = build(basePapers);
const revised: ParsedPaper = { ...basePapers[4]!, title: 'Revised: galaxy halo redshift survey of stellar clusters' };
const twin: ParsedPaper = { ...basePapers[7]!, arxivId: '2402.00007' }; // the same text as a base paper, a new id
const newField: ParsedPaper = {
  title: 'Sheaf cohomology of a projective variety',
  abstract: 'scheme sheaf variety cohomology',
  categories: ['math.AG'],
  arxivId: '2402.00100',
  year: 2025,
};
const updatePapers = [...papers(5, 2, 1000), revised, twin, newField];
const update = build(updatePapers, base);

describe('an update layer', () => {
  it('is built with the catalogue below: its vocabulary, idf and category table first', () => {
    expect(update.header.layerOf).toBe(base.version);
    expect(update.lines('terms')).toEqual(base.lines('terms'));
    expect(Array.from(update.idf)).toEqual(Array.from(base.idf));
    expect(update.header.categories.slice(0, base.header.categories.length)).toEqual(base.header.categories);
    expect(update.header.categories).toContain('math.AG');
    update.verify();
    update.validate();
  });

  it('reads with the base as one catalogue, the newer record of a paper hiding the older', () => {
    const layered = new LayeredCatalogue([base, update]);
    expect(layered.paperCount).toBe(base.paperCount + update.paperCount);
    expect(layered.hiddenCount).toBe(1);
    expect(layered.version).toBe(layeredVersion(base.version, update.version));
    expect(layered.earlier).toEqual([{ version: base.version, paperCount: base.paperCount }]);
    // Old and new papers match by key; the revised one only as its new record.
    expect(layered.find('keys', 'arxiv:2401.00001')).toEqual([1]);
    const [newer] = layered.find('keys', 'arxiv:2401.01000');
    expect(newer).toBe(base.paperCount);
    const revisedAt = layered.find('keys', 'arxiv:2401.00004');
    expect(revisedAt).toHaveLength(1);
    expect(revisedAt[0]).toBeGreaterThanOrEqual(base.paperCount);
    expect(layered.paper(revisedAt[0]!).title).toBe(revised.title);
    expect(layered.isHidden(4)).toBe(true);
    expect(layered.lines('titles')[4]).toBe('');
    // Categories keep their meaning: the base's papers in the base's table, the new field after it.
    const ag = layered.find('keys', 'arxiv:2402.00100')[0]!;
    expect(layered.categoriesOf(ag)).toEqual(['math.AG']);
    expect(layered.categoriesOf(0)).toEqual(base.categoriesOf(0));
    expect(layered.tagsOf(ag).find((t) => t.facet === 'category')?.label).toBe('Algebraic Geometry');
  });

  it('gives a paper the same vector as the base gives the same text, so related work spans both', () => {
    const layered = new LayeredCatalogue([base, update]);
    const twinAt = layered.find('keys', 'arxiv:2402.00007')[0]!;
    expect(layered.vectorOf(twinAt)).toEqual(base.vectorOf(7));
    const index = new CatalogueIndex(layered);
    const related = index.relatedTo({ key: 'arxiv:2401.00007', title: basePapers[7]!.title }, 5);
    expect(related[0]!.paper.arxivId).toBe('2402.00007');
    expect(related[0]!.similarity).toBeCloseTo(1, 2);
    // The hidden paper is nobody's neighbour.
    for (const i of [0, 1, 2, 3, 5]) expect(index.relatedOf(index.vectorOf(i), 50, i).map((m) => m.index)).not.toContain(4);
  });

  it('is found by search, and the paper it replaced is not', () => {
    const layered = new LayeredCatalogue([base, update]);
    const search = CatalogueSearch.build(layered);
    const hits = search.search('projective variety').hits.map((r) => r.index);
    expect(hits).toContain(layered.find('keys', 'arxiv:2402.00100')[0]);
    const byOldTitle = search.search(basePapers[4]!.title).hits.map((r) => r.index);
    expect(byOldTitle).not.toContain(4);
    // Nor by a filter alone.
    const byYear = search.search('', { year: 2024 }, 1000);
    expect(byYear.hits.map((r) => r.index)).not.toContain(4);
    expect(byYear.total).toBe(layered.paperCount - 1 - 1); // less the replaced paper and the 2025 one
  });

  it('stacks: a second update on the first, each replacing what is below it', () => {
    const first = new LayeredCatalogue([base, update]);
    const again: ParsedPaper = { ...revised, title: 'Revised twice: galaxy halo survey' };
    const second = build([again, ...papers(2, 3, 2000)], first);
    const layered = new LayeredCatalogue([base, update, second]);
    expect(layered.earlier.map((e) => e.version)).toEqual([base.version, first.version]);
    expect(layered.hiddenCount).toBe(2);
    const found = layered.find('keys', 'arxiv:2401.00004');
    expect(found).toHaveLength(1);
    expect(layered.paper(found[0]!).title).toBe(again.title);
  });

  it('refuses a layer built on another catalogue', () => {
    const other = build(papers(20, 9, 5000));
    expect(() => new LayeredCatalogue([other, update])).toThrow(CatalogueError);
    expect(() => new LayeredCatalogue([other, update])).toThrow(/update of catalogue/);
  });
});
