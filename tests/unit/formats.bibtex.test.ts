import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBibtexParser, parseBibtexLines, parseEntryByEntry } from '../../src/core/catalogue/formats/bibtex.ts';
import { parseText } from '../../src/core/catalogue/formats/detect.ts';
import type { ParsedRecord } from '../../src/core/catalogue/formats/types.ts';

const FIXTURE = resolve(process.cwd(), 'tests/fixtures/formats/zotero.bib');
const bib = (text: string) => parseText('bibtex', text);

describe('BibTeX parser', () => {
  const records = bib(readFileSync(FIXTURE, 'utf8'));

  it('reads a Zotero preprint: title, abstract, "Last, First" authors, year and month, DOI, arXiv id from the note/URL', () => {
    expect(records[0]).toEqual({
      ok: true,
      line: 4,
      paper: {
        title: 'Attention Is All You Need',
        abstract: 'A network architecture built only on attention, without recurrence or convolutions.',
        authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
        arxivId: '1706.03762',
        doi: '10.48550/arxiv.1706.03762',
        year: 2017,
        date: '2017-12',
        url: 'http://arxiv.org/abs/1706.03762',
      },
    });
  });

  it('converts TeX to Unicode, keeps name particles and corporate names, reads eprint + primaryClass', () => {
    expect(records[1]).toEqual({
      ok: true,
      line: 19,
      paper: {
        title: 'Learning with TeX accents: a case study',
        authors: ['Jörg Müller', 'François École', 'Jan van der Berg', 'OpenAI Team'],
        categories: ['cs.LG'],
        arxivId: '2104.07857',
        year: 2021,
        date: '2021',
      },
    });
  });

  it('finds the arXiv id in "journal = {arXiv preprint arXiv:...}" and in an arxiv.org URL; expands @string venues', () => {
    expect(records[2]).toMatchObject({ ok: true, line: 28, paper: { arxivId: '1810.04805', year: 2018 } });
    expect(records[2]!.ok && records[2]!.paper.venue).toBeUndefined();
    expect(records[5]).toMatchObject({
      ok: true,
      line: 45,
      paper: { arxivId: '2006.11239', doi: '10.5555/3495724.3496298', venue: 'Advances in Neural Information Processing Systems', date: '2020-06' },
    });
  });

  it('rejects an entry without a title and a malformed entry, at their lines, and goes on after them', () => {
    expect(records.filter((r) => !r.ok)).toEqual([
      { ok: false, line: 35, reason: '@article{untitled_2020} has no title' },
      { ok: false, line: 40, reason: expect.stringMatching(/^@article\{broken_2019\} is malformed: Unterminated brace-value/) },
    ]);
    expect(records).toHaveLength(6);
  });

  it('turns broken input into rejections, never a crash', () => {
    expect(bib('')).toEqual([]);
    expect(bib('just some text\nwithout entries')).toEqual([{ ok: false, line: 1, reason: expect.stringMatching(/no BibTeX entries found/) }]);
    const cut = bib('@article{a, title = {Fine}}\n\n@article{cut, title = {A}');
    expect(cut).toEqual([
      { ok: true, line: 1, paper: { title: 'Fine' } },
      { ok: false, line: 3, reason: expect.stringMatching(/^@article\{cut\} is malformed/) },
    ]);
    for (const junk of ['@@@{{{', '@article{x, title = {T \\begin{x} y}}', '@misc{,}', '@article(k, title = "T" # "U")', '}}}{{{@']) {
      expect(() => bib(junk)).not.toThrow();
    }
  });

  it('strips the HTML the library renders markup into', () => {
    const [r] = bib('@article{k, title = {\\textbf{Bold} and \\textit{italic} H$_2$O \\textsc{Caps}}, abstract = {See \\url{https://x.org}.}}');
    expect(r).toMatchObject({ ok: true, paper: { title: 'Bold and italic H₂O Caps', abstract: 'See https://x.org.' } });
  });

  it('keeps a bare < and > as written (TeX would print ¡ and ¿)', () => {
    const [r] = bib('@article{k, title = {p < 0.05 and a > b}, abstract = {x < y and $a<b$}}');
    expect(r).toMatchObject({ ok: true, paper: { title: 'p < 0.05 and a > b', abstract: 'x < y and a<b' } });
    const [es] = bib('@article{k, title = {¡Hola! ¿Qué tal?}}');
    expect(es).toMatchObject({ ok: true, paper: { title: '¡Hola! ¿Qué tal?' } });
  });

  it('buffers until end() and accepts CRLF lines', () => {
    const parser = createBibtexParser();
    const lines = ['@misc{k,\r', '  title = {Buffered},\r', '  year = 2019,\r', '  eprint = {hep-th/9901001}, archivePrefix = {arXiv}\r', '}\r'];
    for (const line of lines) expect(parser.push(line)).toEqual([]);
    const out: ParsedRecord[] = parser.end();
    expect(out).toEqual([{ ok: true, line: 1, paper: { title: 'Buffered', year: 2019, date: '2019', arxivId: 'hep-th/9901001' } }]);
  });

  it('reads biblatex dates and Zotero preprints numbered by repository', () => {
    const [r] = parseBibtexLines(['@online{k,', '  title = {T},', '  date = {2022-03-07},', '  number = {2203.01234},', '  publisher = {arXiv},', '}']);
    expect(r).toEqual({ ok: true, line: 1, paper: { title: 'T', year: 2022, date: '2022-03-07', arxivId: '2203.01234' } });
  });

  it('falls back to entry-by-entry parsing with the same records and lines', () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    expect(parseEntryByEntry(lines)).toEqual(records);
  });
});
