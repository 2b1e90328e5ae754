// The snapshot generator (scripts/snapshotRecords.ts): seeded, unique ids in arXiv's forms, readable by the builder's parser.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/core/catalogue/formats/detect.ts';
import { createOaiSnapshotParser } from '../../src/core/catalogue/formats/oaiSnapshot.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { type PoolPaper, poolPaper, snapshotRecords } from '../../scripts/snapshotRecords.ts';

const pool: PoolPaper[] = [
  {
    title: 'Sparse attention for long documents',
    abstract: 'We study attention. It is sparse. It scales.',
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['cs.CL', 'cs.LG'],
    month: '2021-03',
  },
  {
    title: 'Dark matter halos in dwarf galaxies',
    abstract: 'Halos are dark. We measure them. They are big.',
    authors: ['Vera Rubin'],
    categories: ['astro-ph.GA'],
    month: '2005-11',
  },
  {
    title: 'Graph colouring with few colours',
    abstract: 'Colour graphs. Use few colours.',
    authors: ['Paul Erdos', 'Ron Graham', 'Fan Chung'],
    categories: ['math.CO', 'cs.DM'],
    month: '2012-06',
  },
];

function parsed(lines: string[]): ParsedPaper[] {
  const parser = createOaiSnapshotParser();
  const records = [...lines.flatMap((l) => parser.push(l)), ...parser.end()];
  expect(records.every((r) => r.ok)).toBe(true);
  return records.flatMap((r) => (r.ok ? [r.paper] : []));
}

describe('snapshot generator', () => {
  it('gives the same first lines whatever the count, so the papers after them are an update with new ids (--from)', () => {
    const catalogue = [...snapshotRecords(pool, 300, 4)];
    const longer = [...snapshotRecords(pool, 340, 4)];
    expect(longer.slice(0, 300)).toEqual(catalogue);
    const ids = new Set(parsed(catalogue).map((p) => p.arxivId));
    const update = parsed(longer.slice(300));
    expect(update).toHaveLength(40);
    expect(update.filter((p) => ids.has(p.arxivId))).toEqual([]);
  });

  it('gives the same lines for the same seed, and others for another seed', () => {
    const a = [...snapshotRecords(pool, 200, 7)];
    expect([...snapshotRecords(pool, 200, 7)]).toEqual(a);
    expect([...snapshotRecords(pool, 200, 8)]).not.toEqual(a);
    // A longer run starts with the shorter one's lines: a prefix of the 1M input is the 100k input.
    expect([...snapshotRecords(pool, 300, 7)].slice(0, 200)).toEqual(a);
  });

  it('writes the snapshot format the builder detects and parses, with unique ids in arXiv forms', () => {
    const lines = [...snapshotRecords(pool, 4000, 1)];
    expect(detectFormat(lines.slice(0, 20).join('\n'))).toBe('oai-snapshot');
    const papers = parsed(lines);
    expect(papers).toHaveLength(4000);
    const ids = papers.map((p) => p.arxivId!);
    expect(new Set(ids).size).toBe(4000);
    for (const id of ids) expect(id).toMatch(/^(\d{4}\.\d{4,5}|[a-z-]+\/\d{7})$/);
    // Old ids for the 2005 papers (old style numbers at most 999 a month, so 2005-11 spills into later months).
    expect(ids.some((id) => id.startsWith('astro-ph/0511'))).toBe(true);
    expect(ids.some((id) => id.startsWith('astro-ph/0512'))).toBe(true);
    for (const p of papers) {
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.categories!.length).toBeGreaterThan(0);
      expect(p.authors!.length).toBeGreaterThan(0);
      expect(p.abstract!.length).toBeGreaterThan(0);
    }
    // 4-digit numbers from 2007-04, 5 digits from 2015: each paper's id agrees with its first version's month.
    for (const p of papers.filter((x) => /^\d{4}\./.test(x.arxivId!))) {
      expect(p.arxivId!.slice(0, 4)).toBe(p.date!.slice(2, 4) + p.date!.slice(5, 7));
    }
  });

  it('recombines real words: every title word comes from the pool', () => {
    const words = new Set(pool.flatMap((p) => p.title.split(' ')));
    for (const p of parsed([...snapshotRecords(pool, 100, 3)])) for (const w of p.title.split(' ')) expect(words.has(w)).toBe(true);
  });

  it('pools only real papers with everything a record borrows', () => {
    expect(poolPaper({ title: 'T', abstract: 'A.', authors: ['X'], categories: ['cs.LG'], date: '2020-05-01' })?.month).toBe('2020-05');
    expect(poolPaper({ title: 'T', abstract: 'A.', authors: ['X'], categories: ['cs.LG'] })).toBeUndefined();
    expect(poolPaper({ title: 'T', authors: ['X'], categories: ['cs.LG'], date: '2020-05-01' })).toBeUndefined();
  });
});
