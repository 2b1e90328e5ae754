// Hostile and damaged reference files: @string macro bombs are bounded, one bad field costs only itself (with a warning
// at its line), and a file of 150,000 entries is read without overflowing the stack.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/core/catalogue/formats/detect.ts';
import { MAX_ENTRY_MACRO_CHARS, MAX_FILE_MACRO_CHARS } from '../../src/core/catalogue/formats/inputLimits.ts';
import { readReferenceFile } from '../../src/core/citations/referenceImport.ts';

describe('@string macro bombs', () => {
  it("the audit's file (one 10 KB macro used 20 times an entry) skips each entry with its figures, at once", () => {
    const entries = Array.from({ length: 60 }, (_, i) => `@article{bomb${i},\n  title = {Bomb ${i}},\n  abstract = ${Array(20).fill('big').join(' # ')},\n  year = {2020}\n}`);
    const text = [`@string{big = {${'word '.repeat(2000)}}}`, ...entries, '@article{fine,\n  title = {A Fine Paper},\n  journal = big,\n  year = {2020}\n}'].join('\n');
    expect(text.length).toBeLessThan(25_000);
    const records = parseText('bibtex', text);
    expect(records).toHaveLength(61);
    expect(records[0]).toEqual({ ok: false, line: 2, reason: '@article{bomb0} was not read: its @string macros add 200,000 characters, over the 20,000 an entry may have' });
    expect(records.filter((r) => !r.ok)).toHaveLength(60);
    // One use of the macro is within the bound: that entry is read whole.
    expect(records[60]).toMatchObject({ ok: true, line: 302, paper: { title: 'A Fine Paper', venue: 'word '.repeat(2000).trim() } });
  }, 20_000);

  it('macros defined from macros (growing tenfold each) are not expanded', () => {
    const text = [
      `@string{a = {${'x'.repeat(1000)}}}`,
      '@string{b = a # a # a # a # a # a # a # a # a # a}',
      '@string{c = b # b # b # b # b # b # b # b # b # b}',
      '@string{d = c # c # c # c # c # c # c # c # c # c}',
      '@string{e = d # d # d # d # d # d # d # d # d # d}',
      '@article{z, title = e # e, year = 2020}',
      '@article{y, title = {Still Read}}',
    ].join('\n');
    const records = parseText('bibtex', text);
    expect(records.map((r) => (r.ok ? r.paper.title : r.reason))).toEqual([
      '@string{c} was not read: it expands to 100,000 characters, over the 20,000 macros may add to an entry',
      '@string{d} was not read: it expands to 1,000,000 characters, over the 20,000 macros may add to an entry',
      `@string{e} was not read: it expands to over ${MAX_FILE_MACRO_CHARS.toLocaleString('en')} characters, over the 20,000 macros may add to an entry`,
      `@article{z} was not read: its @string macros add over ${MAX_FILE_MACRO_CHARS.toLocaleString('en')} characters, over the 20,000 an entry may have`,
      'Still Read',
    ]);
  }, 20_000);

  it('a file whose entries each stay under the bound but add too much in all is refused whole, with the figures', () => {
    const perEntry = MAX_ENTRY_MACRO_CHARS - 1000;
    const count = Math.ceil(MAX_FILE_MACRO_CHARS / perEntry) + 1;
    const entries = Array.from({ length: count }, (_, i) => `@article{e${i},\n  title = {Entry ${i}},\n  note = m # m\n}`);
    const text = [`@string{m = {${'y'.repeat(perEntry / 2)}}}`, ...entries].join('\n');
    const records = parseText('bibtex', text);
    expect(records).toEqual([
      {
        ok: false,
        line: 1,
        reason: `the file's @string macros add ${(count * perEntry).toLocaleString('en')} characters, over the 5,000,000 a file may have; nothing in it was read`,
      },
    ]);
  });

  it('ordinary macros (a journal name, a month) still expand', () => {
    const text = '@string{jmlr = {Journal of Machine Learning Research}}\n@article{a,\n  title = {Sparse Things},\n  journal = jmlr,\n  month = jan,\n  year = 2020\n}';
    expect(parseText('bibtex', text)).toEqual([
      { ok: true, line: 2, paper: { title: 'Sparse Things', venue: 'Journal of Machine Learning Research', year: 2020, date: '2020-01' } },
    ]);
  });
});

describe('one bad field costs only itself', () => {
  const zotero = [
    '@article{okafor_sampling_2021,',
    '\ttitle = {Sampling Costs in Crowdsourced Annotation},',
    '\tvolume = {12},',
    '\turl = {https://example.org/papers/sampling},',
    '\tdoi = {10.5555/sampling.2021},',
    '\tabstract = {We pay $5 per label and show that cheaper labels cost more in the end.},',
    '\tjournal = {Journal of Data Work},',
    '\tauthor = {Okafor, Chidi and Lee, Dana},',
    '\tyear = {2021},',
    '}',
    '',
    '@inproceedings{brace_2022,',
    '\ttitle = {Attention over {Sets},',
    '\tbooktitle = {Proceedings of the Workshop on Sets},',
    '\tauthor = {Kim, Jun},',
    '\tyear = {2022},',
    '}',
    '',
    '@misc{math_2023,',
    '\ttitle = {Bounds for $k$-Sparse Recovery},',
    '\tauthor = {Ng, Ana and {Smith, Bo},',
    '\tnote = {arXiv:2301.00001},',
    '\tyear = {2023},',
    '}',
  ].join('\n');

  it('keeps each record, the field raw or dropped, with a warning at the field line', () => {
    const records = parseText('bibtex', zotero);
    expect(records).toEqual([
      {
        ok: true,
        line: 1,
        paper: {
          title: 'Sampling Costs in Crowdsourced Annotation',
          abstract: 'We pay $5 per label and show that cheaper labels cost more in the end.',
          authors: ['Chidi Okafor', 'Dana Lee'],
          doi: '10.5555/sampling.2021',
          year: 2021,
          date: '2021',
          venue: 'Journal of Data Work',
          url: 'https://example.org/papers/sampling',
        },
        warnings: [{ line: 6, text: 'abstract kept as raw text: unbalanced $' }],
      },
      {
        ok: true,
        line: 12,
        paper: { title: 'Attention over {Sets', authors: ['Jun Kim'], year: 2022, date: '2022', venue: 'Proceedings of the Workshop on Sets' },
        warnings: [{ line: 13, text: 'title kept as raw text: unbalanced braces' }],
      },
      {
        ok: true,
        line: 19,
        paper: { title: 'Bounds for k-Sparse Recovery', arxivId: '2301.00001', year: 2023, date: '2023' },
        warnings: [{ line: 21, text: 'author dropped: unbalanced braces' }],
      },
    ]);
  });

  it('the library reader words each warning with the file name and line', () => {
    const file = readReferenceFile('bibtex', zotero, 'refs.bib');
    expect(file.papers).toHaveLength(3);
    expect(file.rejected).toEqual([]);
    expect(file.warnings).toEqual([
      'refs.bib line 6: abstract kept as raw text: unbalanced $',
      'refs.bib line 13: title kept as raw text: unbalanced braces',
      'refs.bib line 21: author dropped: unbalanced braces',
    ]);
  });
});

describe('big files', () => {
  it('150,000 CSL-JSON items are read (the page then words its own limit), not a stack overflow', () => {
    const items = Array.from({ length: 150_000 }, (_, i) => ({ id: `item${i}`, type: 'article-journal', title: `Paper ${i}`, issued: { 'date-parts': [[2020]] } }));
    const file = readReferenceFile('csl-json', JSON.stringify(items), 'many.json');
    expect(file.papers).toHaveLength(150_000);
  }, 30_000);
});
