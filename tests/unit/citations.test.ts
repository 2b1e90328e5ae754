// Citation export: what citation-js (and our own importer) read back from the BibTeX, RIS and CSL-JSON we write.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { cslItem, cslName, formatCitations, type CitablePaper } from '../../src/core/citations/citationExport.ts';
import { paperKey } from '../../src/core/identity/paperKey.ts';
import { readReferenceFile } from '../../src/core/citations/referenceImport.ts';

const PAPERS: CitablePaper[] = [
  {
    key: 'arxiv:1706.03762',
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Jan van der Berg', 'Jane Doe, Jr.', 'Łukasz Kaiser'],
    arxivId: '1706.03762',
    categories: ['cs.CL', 'cs.LG'],
    abstract: 'The dominant sequence transduction models…',
  },
  {
    key: 'doi:10.1038/s41586-021-03819-2',
    title: 'Highly accurate protein structure prediction with AlphaFold',
    authors: ['John Jumper', 'Richard Evans'],
    doi: '10.1038/s41586-021-03819-2',
    venue: 'Nature',
    year: 2021,
    url: 'https://www.nature.com/articles/s41586-021-03819-2',
  },
  {
    key: 'arxiv:2006.11239',
    title: 'Denoising Diffusion Probabilistic Models',
    authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
    arxivId: '2006.11239',
    categories: ['cs.LG', 'stat.ML'],
    venue: 'Advances in Neural Information Processing Systems',
    year: 2020,
  },
  { key: 'arxiv:hep-th/9108002', title: 'An old-style id', authors: ['Plato'], arxivId: 'hep-th/9108002' },
  // Same first author, year and first title word as the first paper: the citation key must differ.
  { key: paperKey({ title: 'Attention Is All You Need, Again' }), title: 'Attention Is All You Need, Again', authors: ['Ashish Vaswani'], year: 2017 },
  { key: paperKey({ title: 'Symbols: 50% of {braces} & $x_1$ #1' }), title: 'Symbols: 50% of {braces} & $x_1$ #1', authors: ['Émile Zola'], year: 2019 },
];

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/** The BibTeX entries as written (field names lowercased by the parser), before any mapping. */
function rawEntries(bibtex: string): RawEntry[] {
  return plugins.input.data(bibtex, '@biblatex/text') as RawEntry[];
}

type Csl = Record<string, any>;
const families = (item: Csl) => (item.author as Csl[]).map((a) => [a['non-dropping-particle'], a.family].filter(Boolean).join(' '));

describe('names', () => {
  it('splits "Given Family" names into CSL parts, keeping particles and suffixes apart', () => {
    expect(cslName('Ashish Vaswani')).toEqual({ given: 'Ashish', family: 'Vaswani' });
    expect(cslName('Jan van der Berg')).toEqual({ given: 'Jan', 'non-dropping-particle': 'van der', family: 'Berg' });
    expect(cslName('Jane Doe, Jr.')).toEqual({ given: 'Jane', family: 'Doe', suffix: 'Jr.' });
    expect(cslName('Martin Luther King Jr.')).toEqual({ given: 'Martin Luther', family: 'King', suffix: 'Jr.' });
    expect(cslName('Doe, Jane')).toEqual({ given: 'Jane', family: 'Doe' });
    expect(cslName('Plato')).toEqual({ family: 'Plato' });
    expect(cslName('  ')).toBeUndefined();
  });
});

describe('CSL items', () => {
  it('writes an arXiv preprint as Zotero does: type article, number arXiv:<id>, archive arXiv, the arXiv DOI and abs URL', () => {
    expect(cslItem(PAPERS[0]!)).toMatchObject({
      type: 'article',
      title: 'Attention Is All You Need',
      number: 'arXiv:1706.03762',
      archive: 'arXiv',
      DOI: '10.48550/arXiv.1706.03762',
      URL: 'https://arxiv.org/abs/1706.03762',
      issued: { 'date-parts': [[2017]] },
    });
  });

  it('gives a published paper its venue, and keeps its arXiv id in the note rather than the issue number', () => {
    expect(cslItem(PAPERS[1]!)).toMatchObject({ type: 'article-journal', 'container-title': 'Nature', DOI: '10.1038/s41586-021-03819-2' });
    const neurips = cslItem(PAPERS[2]!);
    expect(neurips).toMatchObject({ type: 'paper-conference', note: 'arXiv:2006.11239', issued: { 'date-parts': [[2020]] } });
    expect(neurips.number).toBeUndefined();
  });
});

describe('BibTeX export', () => {
  const bibtex = formatCitations(PAPERS, 'bibtex');
  const entries = rawEntries(bibtex);
  const items = new Cite(bibtex, { forceType: '@bibtex/text', generateGraph: false }).data as Csl[];

  it('citation-js reads back every entry: titles, authors in order, DOIs', () => {
    expect(items.map((i) => i.title)).toEqual(PAPERS.map((p) => p.title));
    expect(families(items[0]!)).toEqual(['Vaswani', 'Shazeer', 'van der Berg', 'Doe', 'Kaiser']);
    expect(items[0]!.author[3]).toMatchObject({ given: 'Jane', family: 'Doe', suffix: 'Jr.' });
    expect(items[0]!.author[4]).toMatchObject({ given: 'Łukasz', family: 'Kaiser' });
    expect(families(items[2]!)).toEqual(['Ho', 'Jain', 'Abbeel']);
    expect(items.map((i) => i.DOI)).toEqual([
      '10.48550/arXiv.1706.03762',
      '10.1038/s41586-021-03819-2',
      '10.48550/arXiv.2006.11239',
      '10.48550/arXiv.hep-th/9108002',
      undefined,
      undefined,
    ]);
    expect(items[1]!['container-title']).toBe('Nature');
  });

  it('writes arXiv papers with eprint, archivePrefix and primaryClass; preprints as @misc, proceedings as @inproceedings', () => {
    expect(entries[0]).toMatchObject({ type: 'misc', properties: { eprint: '1706.03762', archiveprefix: 'arXiv', primaryclass: 'cs.CL', year: '2017' } });
    expect(entries[1]).toMatchObject({ type: 'article', properties: { journal: 'Nature', year: '2021' } });
    expect(entries[1]!.properties.eprint).toBeUndefined();
    expect(entries[2]).toMatchObject({ type: 'inproceedings', properties: { eprint: '2006.11239', archiveprefix: 'arXiv', primaryclass: 'cs.LG' } });
    expect(entries[2]!.properties.booktitle).toBe('Advances in {Neural} {Information} {Processing} {Systems}'); // capitals kept from BibTeX styles
    expect(entries[3]).toMatchObject({ type: 'misc', properties: { eprint: 'hep-th/9108002', archiveprefix: 'arXiv', year: '1991' } });
    expect(entries[3]!.properties.primaryclass).toBeUndefined();
  });

  it('gives every entry its own citation key', () => {
    const labels = entries.map((e) => e.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toBe('Vaswani2017Attention');
    expect(labels[4]).toBe('Vaswani2017Attentionb');
  });

  it('our own importer reads it back to the same papers: keys, authors in order, venue, year', () => {
    const file = readReferenceFile('bibtex', bibtex);
    expect(file.rejected).toEqual([]);
    expect(file.papers.map((p) => p.ref.key)).toEqual(PAPERS.map((p) => p.key));
    expect(file.papers[0]!.ref.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Jan van der Berg', 'Jane Doe, Jr.', 'Łukasz Kaiser']);
    expect(file.papers[0]!.ref.categories).toEqual(['cs.CL']);
    expect(file.papers[2]).toMatchObject({ venue: 'Advances in Neural Information Processing Systems', year: 2020 });
    expect(file.papers[5]!.ref.title).toBe(PAPERS[5]!.title);
  });
});

describe('RIS export', () => {
  const ris = formatCitations(PAPERS, 'ris');

  it('has one record per paper with TY, AU (in order), TI and DO lines', () => {
    const records = ris.split(/^ER {2}- ?$/m).filter((r) => r.trim());
    expect(records).toHaveLength(PAPERS.length);
    expect(records[0]).toMatch(/^TY {2}- \w+$/m);
    expect([...records[0]!.matchAll(/^AU {2}- (.+)$/gm)].map((m) => m[1])).toEqual(['Vaswani, Ashish', 'Shazeer, Noam', 'van der Berg, Jan', 'Doe, Jane, Jr.', 'Kaiser, Łukasz']);
    expect(records[0]).toMatch(/^TI {2}- Attention Is All You Need$/m);
    expect(records[0]).toMatch(/^DO {2}- 10\.48550\/arXiv\.1706\.03762$/m);
    expect(records[1]).toMatch(/^T2 {2}- Nature$/m);
  });

  it('citation-js reads it back', () => {
    const items = new Cite(ris, { forceType: '@ris/file', generateGraph: false }).data as Csl[];
    expect(items.map((i) => i.title)).toEqual(PAPERS.map((p) => p.title));
    expect(items[1]!.DOI).toBe('10.1038/s41586-021-03819-2');
    expect(items[0]!.author.map((a: Csl) => a.family)).toEqual(['Vaswani', 'Shazeer', 'van der Berg', 'Doe', 'Kaiser']);
  });
  it('keeps every field on its line: a title, name or abstract holding line breaks cannot start a record', () => {
    const hostile = {
      key: 'title:hostile',
      title: 'Innocent title\nER  - \n\nTY  - JOUR\nTI  - Injected record',
      authors: ['Mallory\r\nAU  - Forged, Author'],
      abstract: 'One line\u2028two lines\n\nthree',
    };
    const text = formatCitations([hostile], 'ris');
    expect(text.match(/^TY {2}-/gm)).toHaveLength(1);
    expect(text.match(/^ER {2}-/gm)).toHaveLength(1);
    expect(text.match(/^AU {2}-/gm)).toHaveLength(1);
    expect(text).toMatch(/^TI {2}- Innocent title ER {2}- +TY {2}- JOUR TI {2}- Injected record$/m);
  });
});

describe('CSL-JSON export', () => {
  const text = formatCitations(PAPERS, 'csl-json');

  // The first APA bibliography loads citeproc's style and locale: about a second alone, many on a loaded machine.
  it('is a JSON array of CSL items that a CSL processor renders', { timeout: 30_000 }, () => {
    const data = JSON.parse(text) as Csl[];
    expect(data).toHaveLength(PAPERS.length);
    expect(data[0]).toMatchObject({ type: 'article', number: 'arXiv:1706.03762', archive: 'arXiv', 'citation-key': 'Vaswani2017Attention' });
    const bibliography = String(new Cite(data, { forceType: '@csl/list+object' }).format('bibliography', { template: 'apa', format: 'text' }));
    expect(bibliography).toContain('Vaswani, A., Shazeer, N., van der Berg, J., Doe, J., Jr., & Kaiser, Ł. (2017). Attention Is All You Need');
    expect(bibliography).toContain('Jumper, J., & Evans, R. (2021). Highly accurate protein structure prediction with AlphaFold. Nature.');
  });

  it('our own importer reads it back to the same papers', () => {
    const file = readReferenceFile('csl-json', text);
    expect(file.rejected).toEqual([]);
    expect(file.papers.map((p) => p.ref.key)).toEqual(PAPERS.map((p) => p.key));
    expect(file.papers[0]!.ref.authors).toEqual(PAPERS[0]!.authors);
    expect(file.papers[1]).toMatchObject({ venue: 'Nature', year: 2021 });
  });

  it('an empty library is an empty list', () => {
    expect(formatCitations([], 'csl-json')).toBe('[]\n');
    expect(formatCitations([], 'bibtex')).toBe('');
  });
});
