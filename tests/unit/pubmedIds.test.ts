// PubMed ids in catalogues: read from the formats that carry them, kept in the catalogue (only when some paper has one,
// so other catalogues keep their bytes), and used to match a PubMed row to a catalogue paper known by its DOI.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { parseBibtexLines } from '../../src/core/catalogue/formats/bibtex.ts';
import { paperFromCslItem } from '../../src/core/catalogue/formats/cslJson.ts';
import { paperFromJsonLine } from '../../src/core/catalogue/formats/jsonLines.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { CatalogueMatcher } from '../../src/core/identity/matcher.ts';
import { loadInstalledCatalogue, installCatalogue } from '../../src/db/catalogueStore.ts';
import { PAPER_SECTIONS } from '../../src/core/catalogue/sectionGroups.ts';
import { CatalogueDatabase } from '../../src/db/database.ts';
import { importCatalogue } from '../../src/importer/importCatalogue.ts';

const CRISPR: ParsedPaper = {
  title: 'A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity',
  authors: ['Martin Jinek', 'Krzysztof Chylinski'],
  doi: '10.1126/science.1225829',
  pmid: '22745249',
  year: 2012,
};
const PMID_ONLY: ParsedPaper = { title: 'A paper PubMed knows by its id alone', authors: ['Ada Lovelace'], pmid: '31452104', year: 2019 };
const ARXIV: ParsedPaper = { title: 'Attention Is All You Need', authors: ['Ashish Vaswani'], arxivId: '1706.03762', year: 2017 };

/** The papers of a BibTeX text. */
function paperFromBibtexEntries(text: string): ParsedPaper[] {
  return parseBibtexLines(text.split('\n')).flatMap((r) => (r.ok ? [r.paper] : []));
}

function build(papers: ParsedPaper[]): Uint8Array {
  const builder = new CatalogueBuilder({ source: 'test', withAbstracts: false });
  for (const paper of papers) builder.add(paper);
  return builder.build();
}

describe('PubMed ids read from catalogue inputs', () => {
  it('CSL-JSON PMID (text or number), JSON lines "pmid", BibTeX pmid or eprint with eprinttype pubmed', () => {
    expect((paperFromCslItem({ title: 'T', PMID: '22745249' }, 0) as ParsedPaper).pmid).toBe('22745249');
    expect((paperFromCslItem({ title: 'T', PMID: 22745249 }, 0) as ParsedPaper).pmid).toBe('22745249');
    expect((paperFromCslItem({ title: 'T', PMID: 'not an id' }, 0) as ParsedPaper).pmid).toBeUndefined();
    expect((paperFromJsonLine({ title: 'T', pmid: 'PMID: 31452104' }) as ParsedPaper).pmid).toBe('31452104');
    expect((paperFromJsonLine({ title: 'T', pmid: '0123' }) as ParsedPaper).pmid).toBeUndefined();
    expect(paperFromBibtexEntries('@article{a, title={T}, pmid={22745249}}')[0]!.pmid).toBe('22745249');
    expect(paperFromBibtexEntries('@article{a, title={T}, eprint={22745249}, eprinttype={pubmed}}')[0]!.pmid).toBe('22745249');
    expect(paperFromBibtexEntries('@article{a, title={T}, eprint={2401.00001}, eprinttype={arxiv}}')[0]!.pmid).toBeUndefined();
  });
});

describe('PubMed ids in the catalogue', () => {
  it('are kept and read back, a paper with no DOI is keyed by its PubMed id, and the same input gives the same bytes', () => {
    const bytes = build([CRISPR, PMID_ONLY, ARXIV]);
    const data = readCatalogue(bytes);
    expect(data.header.hasPmids).toBe(true);
    expect(() => data.validate()).not.toThrow();
    expect(() => data.verify()).not.toThrow();
    const papers = Array.from({ length: data.paperCount }, (_, i) => data.paper(i));
    expect(papers.map((p) => [p.key, p.pmid])).toEqual([
      ['doi:10.1126/science.1225829', '22745249'],
      ['pmid:31452104', '31452104'],
      ['arxiv:1706.03762', undefined],
    ]);
    expect(build([CRISPR, PMID_ONLY, ARXIV])).toEqual(bytes);
  });

  it('leave a catalogue without any as it was: no section, no header field', () => {
    const data = readCatalogue(build([ARXIV]));
    expect('hasPmids' in data.header).toBe(false);
    expect(data.header.sections.map((s) => s.name)).not.toContain('pmids');
    expect(data.find('pmids', '22745249')).toEqual([]);
    expect(data.paper(0).pmid).toBeUndefined();
  });

  it('match a PubMed row by its id to the paper the catalogue knows by its DOI, and a row keyed by PMID to its paper', () => {
    const matcher = new CatalogueMatcher(readCatalogue(build([CRISPR, PMID_ONLY, ARXIV])));
    // A search result that showed no DOI: its key is its PubMed id.
    expect(matcher.match({ key: 'pmid:22745249', title: 'Some other wording of the title', pmid: '22745249' })).toBe(0);
    expect(matcher.match({ key: 'pmid:31452104', title: 'Different', pmid: '31452104' })).toBe(1);
    expect(matcher.match({ key: 'pmid:99999999', title: 'Unknown paper', pmid: '99999999' })).toBe(-1);
    // Without PubMed ids in the catalogue, the id alone matches nothing (the title still may).
    const without = new CatalogueMatcher(readCatalogue(build([{ ...CRISPR, pmid: undefined }])));
    expect(without.match({ key: 'pmid:22745249', title: 'Some other wording of the title', pmid: '22745249' })).toBe(-1);
  });

  it('survive a merge import into an installed catalogue that has them', async () => {
    const name = 'pmid-merge';
    const db = new CatalogueDatabase(name);
    try {
      await installCatalogue(db, readCatalogue(build([CRISPR])), 'bundled', 1000);
      const line = `${JSON.stringify({ id: '2401.00001', title: 'Imported later', authors: ['A. Author'], categories: ['cs.LG'], date: '2024-01-02' })}\n`;
      await importCatalogue(db, new File([line], 'later.jsonl'), 'merge', { emit: () => undefined, cancelled: () => false });
      const data = await loadInstalledCatalogue(db);
      await data!.ensureSections(PAPER_SECTIONS); // whole papers are read on first use, not at load
      const papers = Array.from({ length: data!.paperCount }, (_, i) => data!.paper(i));
      expect(papers.find((p) => p.doi === '10.1126/science.1225829')?.pmid).toBe('22745249');
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
