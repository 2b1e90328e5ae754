import { existsSync, readFileSync, createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createJsonLinesParser } from '../../src/core/catalogue/formats/jsonLines.ts';
import { parseText } from '../../src/core/catalogue/formats/detect.ts';
import type { ParsedRecord } from '../../src/core/catalogue/formats/types.ts';

const FIXTURE = resolve(process.cwd(), 'tests/fixtures/formats/papers.jsonl');
const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
const hasData = existsSync(DATA);
if (!hasData) console.log('notice: ../shared/data/arxiv-before-2026.jsonl.gz is absent; the real-data JSON-lines test is skipped');

describe('JSON-lines parser', () => {
  const records = parseText('jsonl', readFileSync(FIXTURE, 'utf8'));

  it('reads good lines into papers with arXiv id, year from date, cleaned text and authors', () => {
    const ok = records.filter((r) => r.ok);
    expect(ok.map((r) => r.line)).toEqual([1, 5, 8]);
    expect(ok[0]!.paper).toEqual({
      title: 'Sparse Mixtures of Experts at Scale',
      abstract: 'We route each token to a few experts. Training stays cheap.',
      authors: ['Ana García', 'Jörg Müller'],
      categories: ['cs.LG', 'cs.CL'],
      arxivId: '2101.00001',
      date: '2021-01-04',
      year: 2021,
    });
    expect(ok[1]!.paper).toMatchObject({ arxivId: 'hep-th/9901001', title: 'Strings on Øresund Bridges', authors: ['Søren Kierkegaard', 'H. C. Andersen'], year: 1999 });
    expect(ok[2]!.paper.abstract).toBe('Generating molecules with $\\mathcal{O}(n)$ cost.');
  });

  it('reads a list of ids and titles, and a line break its writer escaped twice as a space (TeX commands kept)', () => {
    const lines = [
      '{"id": "2310.19909", "title": "Battle of the Backbones: Pretrained Models\\\\n  across Vision Tasks", "first_author": "H. Souri"}',
      '{"id": "2401.00001", "title": "$\\\\nabla$-Reasoner and \\\\nu-SVM\\\\r\\\\n"}',
    ].join('\n');
    const papers = parseText('jsonl', lines).map((r) => r.ok && r.paper);
    expect(papers[0]).toEqual({ title: 'Battle of the Backbones: Pretrained Models across Vision Tasks', arxivId: '2310.19909', year: 2023 });
    expect(papers[1]).toMatchObject({ title: '$\\nabla$-Reasoner and \\nu-SVM' });
  });

  it('rejects bad lines with their line number and a clear reason', () => {
    const bad = records.filter((r): r is Extract<ParsedRecord, { ok: false }> => !r.ok);
    expect(bad.map((r) => r.line)).toEqual([3, 4, 6, 7]);
    expect(bad[0]!.reason).toMatch(/not valid JSON/);
    expect(bad[1]!.reason).toMatch(/no "title"/);
    expect(bad[2]!.reason).toMatch(/expected a JSON object per line, found an array/);
    expect(bad[3]!.reason).toMatch(/"title" is empty/);
  });

  it('returns each record from the push of its own line, and nothing at end()', () => {
    const parser = createJsonLinesParser();
    expect(parser.push('')).toEqual([]);
    expect(parser.push('{"id":"2101.00001","title":"T","categories":["cs.LG"],"date":"2021-01-04"}\r')).toEqual([
      { ok: true, line: 2, paper: { title: 'T', categories: ['cs.LG'], arxivId: '2101.00001', date: '2021-01-04', year: 2021 } },
    ]);
    expect(parser.end()).toEqual([]);
  });

  it('re-reads author lists that were cut at the commas of an affiliation', () => {
    const [r] = parseText('jsonl', JSON.stringify({ id: '9901001', title: 'T', authors: ['R. Stern', 'D. Brinkmann (Physik-Institut', 'University Zurich)', 'J. Roos (ETH)'] }));
    expect(r).toMatchObject({ ok: true, paper: { authors: ['R. Stern', 'D. Brinkmann', 'J. Roos'] } });
  });

  it.skipIf(!hasData)('parses the first 2,000 lines of the shared arXiv JSON lines', async () => {
    const parser = createJsonLinesParser();
    const lines = createInterface({ input: createReadStream(DATA).pipe(createGunzip()), crlfDelay: Infinity });
    const out: ParsedRecord[] = [];
    let n = 0;
    for await (const line of lines) {
      out.push(...parser.push(line));
      if (++n === 2000) break;
    }
    lines.close();
    out.push(...parser.end());
    expect(out).toHaveLength(2000);
    for (const r of out) {
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) continue;
      expect(r.paper.arxivId).toBeTruthy();
      expect(r.paper.year).toBeGreaterThanOrEqual(1991);
      expect(r.paper.categories!.length).toBeGreaterThan(0);
      for (const a of r.paper.authors ?? []) expect(a).not.toMatch(/\\['"`^~=.cvuHk]|^and /);
    }
  });
});
