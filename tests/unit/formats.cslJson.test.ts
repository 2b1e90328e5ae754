import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCslJsonParser, parseCslJson, topLevelElementLines } from '../../src/core/catalogue/formats/cslJson.ts';
import { parseText } from '../../src/core/catalogue/formats/detect.ts';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/formats', name), 'utf8');

describe('CSL-JSON parser', () => {
  const records = parseText('csl-json', fixture('zotero.csl.json'));

  it('reads a Zotero preprint: arXiv id from "number", DOI, issued date-parts, "given family" authors with particles', () => {
    expect(records[0]).toEqual({
      ok: true,
      line: 2,
      paper: {
        title: 'One Layer Is Enough',
        abstract: 'We show that one attention layer is enough for this toy task.',
        authors: ['Jörg Müller', 'Jan van der Berg'],
        arxivId: '2104.07857',
        doi: '10.48550/arxiv.2104.07857',
        year: 2021,
        date: '2021-04-16',
        url: 'http://arxiv.org/abs/2104.07857',
      },
    });
  });

  it('reads journal articles, literal names, suffixes, markup in titles and raw dates', () => {
    expect(records[1]).toEqual({
      ok: true,
      line: 20,
      paper: {
        title: 'Protein Folding with Deep Networks',
        authors: ['Jane Doe, Jr.', 'The Folding Consortium'],
        doi: '10.1038/s41586-000-0000-0',
        year: 2019,
        date: '2019-11',
        venue: 'Nature',
      },
    });
    expect(records[2]).toEqual({
      ok: true,
      line: 31,
      paper: { title: 'A Workshop Paper', authors: ['Richard Roe'], year: 2020, date: '2020-05-03', venue: 'Proceedings of a Workshop' },
    });
  });

  it('rejects an item without a title at the line where the item starts', () => {
    expect(records[3]).toEqual({ ok: false, line: 39, reason: 'item 4 ("DDDD4444") has no title' });
    expect(records).toHaveLength(4);
  });

  it('gives one clear rejection for a file that is not valid JSON', () => {
    const out = parseText('csl-json', fixture('invalid.csl.json'));
    expect(out).toEqual([{ ok: false, line: 1, reason: expect.stringMatching(/^not valid CSL-JSON: the file is not valid JSON/) }]);
  });

  it('rejects JSON that is not a list of items, and reads a single item', () => {
    expect(parseCslJson('42')).toEqual([{ ok: false, line: 1, reason: 'not valid CSL-JSON: expected an array of items' }]);
    expect(parseCslJson('')).toEqual([{ ok: false, line: 1, reason: 'the CSL-JSON file is empty' }]);
    expect(parseCslJson('[]')).toEqual([]);
    expect(parseCslJson('\n{"type":"article","title":"Alone","issued":{"date-parts":[["2020"]]}}')).toEqual([
      { ok: true, line: 2, paper: { title: 'Alone', year: 2020, date: '2020' } },
    ]);
    expect(parseCslJson('[1, {"title":"T"}]')).toEqual([
      { ok: false, line: 1, reason: 'item 1 is not a JSON object' },
      { ok: true, line: 1, paper: { title: 'T' } },
    ]);
  });

  it('finds the line of each top-level element, ignoring brackets inside strings', () => {
    expect(topLevelElementLines('[\n {"a": "[{,"},\n\n {"b": [1, 2]},\n 3\n]')).toEqual([2, 4, 5]);
  });

  it('buffers lines until end()', () => {
    const parser = createCslJsonParser();
    expect(parser.push('[{"title": "Streamed",')).toEqual([]);
    expect(parser.push('"URL": "https://arxiv.org/abs/2101.00001v3"}]')).toEqual([]);
    expect(parser.end()).toEqual([{ ok: true, line: 1, paper: { title: 'Streamed', arxivId: '2101.00001', url: 'https://arxiv.org/abs/2101.00001v3' } }]);
  });
});
