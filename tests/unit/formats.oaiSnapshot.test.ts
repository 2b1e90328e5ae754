import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/core/catalogue/formats/detect.ts';
import { createOaiSnapshotParser } from '../../src/core/catalogue/formats/oaiSnapshot.ts';
import { splitAuthors } from '../../src/core/catalogue/formats/common.ts';
import type { ParsedPaper, ParsedRecord } from '../../src/core/catalogue/formats/types.ts';

const FIXTURE = resolve(process.cwd(), 'tests/fixtures/formats/oai-snapshot.jsonl');
const SAMPLE = resolve(process.cwd(), '../shared/data/arxiv-oai-snapshot-sample.jsonl');
const hasSample = existsSync(SAMPLE);
if (!hasSample) console.log('notice: ../shared/data/arxiv-oai-snapshot-sample.jsonl is absent; the real-snapshot test is skipped');

const TEX_ACCENT_COMMAND = /\\(?:['"`^~=.]|[cvuHkrdb][\s{]|ss\b|aa\b|AA\b|ae\b|o\b|O\b|l\b|L\b|i\b)/;

describe('arXiv snapshot parser', () => {
  const records = parseText('oai-snapshot', readFileSync(FIXTURE, 'utf8'));
  const papers = records.filter((r): r is Extract<ParsedRecord, { ok: true }> => r.ok);

  it('cleans whitespace, converts TeX accents, keeps math, and takes the first DOI', () => {
    expect(papers[0]).toEqual({
      ok: true,
      line: 1,
      paper: {
        title: 'Learning the $\\alpha$-Divergence with Fréchet Means',
        abstract: 'We study the $\\alpha$-divergence. It is neat, and Hölder continuous.',
        authors: ['J. Müller', 'É. Dupont', 'A. Smith'],
        categories: ['stat.ML', 'cs.LG'],
        arxivId: '2105.01234',
        doi: '10.1000/jir.2022.001',
        venue: 'J. Imag. Res. 4 (2022) 1-12',
        date: '2021-05-04',
        year: 2021,
      } satisfies ParsedPaper,
    });
  });

  it('takes the year from the arXiv id when there are no versions, and splits ", and"', () => {
    expect(papers[1]!.paper).toMatchObject({ arxivId: 'math/0601001', year: 2006, authors: ['Broňa Brejová', 'Tomáš Vinař', 'Søren Kierkegaard'] });
    expect(papers[1]!.paper.date).toBeUndefined();
    expect(papers[2]!.paper).toMatchObject({ title: 'Tilde~Spaces and Ångström Units', authors: ['José García-López', 'W. Straßer'], year: 2021 });
  });

  it('rejects a record without a title and a line that is not JSON, at their lines', () => {
    expect(records.filter((r) => !r.ok)).toEqual([
      { ok: false, line: 3, reason: 'the record\'s "title" is empty or not a string' },
      { ok: false, line: 4, reason: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it('splits author strings on commas and "and", dropping affiliations and "et al."', () => {
    expect(splitAuthors('A. One, B. Two and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
    expect(splitAuthors('W.S. Lee, S. Johnston, and Z.-X. Shen')).toEqual(['W.S. Lee', 'S. Johnston', 'Z.-X. Shen']);
    expect(splitAuthors('A. S. Mishchenko (1 and 2) and N. Nagaosa (1 and 3) ((1) CREST, (2) RRC, (3) Tokyo)')).toEqual(['A. S. Mishchenko', 'N. Nagaosa']);
    expect(splitAuthors('John Smith, Jr., Jane Doe, et al.')).toEqual(['John Smith, Jr.', 'Jane Doe']);
    expect(splitAuthors('Anderson Sandberg and\n  Brandon Anders')).toEqual(['Anderson Sandberg', 'Brandon Anders']);
    expect(splitAuthors('D. Brinkmann (Physik-Institut, University Zurich')).toEqual(['D. Brinkmann']);
  });

  it('keeps no state between lines', () => {
    const parser = createOaiSnapshotParser();
    expect(parser.push('{"id":"0704.0001","title":"T","authors":"A. B","categories":"hep-ph","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}]}')).toEqual([
      { ok: true, line: 1, paper: { title: 'T', authors: ['A. B'], categories: ['hep-ph'], arxivId: '0704.0001', date: '2007-04-02', year: 2007 } },
    ]);
    expect(parser.end()).toEqual([]);
  });

  it.skipIf(!hasSample)('parses all 200 records of the shared snapshot sample', () => {
    const all = parseText('oai-snapshot', readFileSync(SAMPLE, 'utf8'));
    expect(all).toHaveLength(200);
    expect(all.every((r) => r.ok)).toBe(true);
    const byId = new Map<string, ParsedPaper>();
    for (const r of all) {
      if (!r.ok) continue;
      const p = r.paper;
      byId.set(p.arxivId!, p);
      expect(p.title).not.toMatch(/\s{2}|\n/);
      expect(p.abstract).not.toMatch(/^\s|\n/);
      expect(p.authors!.length).toBeGreaterThan(0);
      for (const a of p.authors!) {
        expect(a, p.arxivId).not.toMatch(TEX_ACCENT_COMMAND);
        expect(a, p.arxivId).not.toMatch(/[{}()\\]|\s{2}|^and\b/);
      }
      expect(Array.isArray(p.categories) && p.categories.length > 0).toBe(true);
      for (const c of p.categories!) expect(c).toMatch(/^[a-z-]+(?:\.[A-Za-z-]+)?$/);
      expect(p.year).toBe(2007);
    }
    expect(byId.get('0704.0001')!.authors).toEqual(['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan']);
    expect(byId.get('0704.0025')!.authors).toEqual(['A. S. Mishchenko', 'N. Nagaosa']);
    expect(byId.get('0704.0199')!.authors).toEqual(['Christian Krattenthaler', 'Thomas Müller']);
    expect(byId.get('0704.0033')!.doi).toBe('10.1364/josaa.23.002578');
    expect(byId.get('0704.0073')!.title).toBe("A transcendental approach to Kollár's injectivity theorem");
    expect(byId.get('0704.0002')!.categories).toEqual(['math.CO', 'cs.CG']);
  });
});
