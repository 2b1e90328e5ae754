// build-catalogue's filters: categories (primary or cross-listed), first-version dates, --limit, and the report's counts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryPattern, comparableDate, PaperFilter } from '../../src/core/catalogue/paperFilter.ts';
import { runCli } from './runCli.ts';

describe('paper filter', () => {
  it('reads category globs: * is any run, the dot is literal', () => {
    expect(categoryPattern('cs.*').test('cs.LG')).toBe(true);
    expect(categoryPattern('cs.*').test('csXLG')).toBe(false);
    expect(categoryPattern('cs.*').test('physics.comp-ph')).toBe(false);
    expect(categoryPattern('stat.ML').test('stat.ML')).toBe(true);
    expect(categoryPattern('stat.ML').test('stat.MLX')).toBe(false);
    expect(categoryPattern('hep-*').test('hep-th')).toBe(true);
  });

  it('matches the primary category, or any listed one with crossLists', () => {
    const paper = { title: 't', categories: ['math.CO', 'cs.CG'] };
    expect(new PaperFilter({ categories: ['cs.*'] }).decide(paper)).toBe('category');
    expect(new PaperFilter({ categories: ['cs.*'], crossLists: true }).decide(paper)).toBe('kept');
    expect(new PaperFilter({ categories: ['cs.*', 'math.CO'] }).decide(paper)).toBe('kept');
    expect(new PaperFilter({ categories: ['cs.*'], crossLists: true }).decide({ title: 'no category' })).toBe('category');
  });

  it('dates a paper by its date, a partial date or a bare year by their first day, else not at all', () => {
    expect(comparableDate({ title: 't', date: '2021-05-04', year: 2021 })).toBe('2021-05-04');
    expect(comparableDate({ title: 't', date: '2021-05' })).toBe('2021-05-01');
    expect(comparableDate({ title: 't', year: 2019 })).toBe('2019-01-01');
    expect(comparableDate({ title: 't' })).toBeUndefined();
  });

  it('keeps --since and --until inclusive, and counts each drop once, by the first filter that drops it', () => {
    const filter = new PaperFilter({ categories: ['cs.*'], since: '2020-01-01', until: '2020-12-31' });
    const verdicts = [
      { title: 'a', categories: ['cs.LG'], date: '2020-01-01' },
      { title: 'b', categories: ['cs.LG'], date: '2020-12-31' },
      { title: 'c', categories: ['cs.LG'], date: '2019-12-31' },
      { title: 'd', categories: ['cs.LG'], date: '2021-01-01' },
      { title: 'e', categories: ['math.CO'], date: '2019-01-01' },
      { title: 'f', categories: ['cs.AI'] },
    ].map((p) => filter.decide(p));
    expect(verdicts).toEqual(['kept', 'kept', 'since', 'until', 'category', 'noDate']);
    expect(filter.counts).toEqual({ category: 1, since: 1, until: 1, noDate: 1, kept: 2 });
  });

  it('keeps the first N that pass, then is full', () => {
    const filter = new PaperFilter({ categories: ['cs.*'], limit: 2 });
    const verdicts = ['cs.LG', 'math.CO', 'cs.AI', 'cs.CV'].map((c) => filter.decide({ title: c, categories: [c] }));
    expect(verdicts).toEqual(['kept', 'category', 'kept', 'limit']);
    expect(filter.full).toBe(true);
    expect(filter.counts.kept).toBe(2);
  });
});

describe('build-catalogue filters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-filters-'));
  const snapshot = (id: string, categories: string, created: string | undefined, title: string) =>
    JSON.stringify({
      id,
      authors: 'A. Author, B. Author',
      title,
      categories,
      abstract: `We study ${title.toLowerCase()} with attention and graphs.`,
      versions: created ? [{ version: 'v1', created }] : [],
      update_date: '2023-01-01',
    });
  const input = join(dir, 'snapshot.jsonl');
  writeFileSync(
    input,
    `${[
      snapshot('1901.00001', 'cs.LG stat.ML', 'Mon, 7 Jan 2019 10:00:00 GMT', 'Old learning paper'),
      snapshot('2003.00002', 'cs.CL', 'Tue, 3 Mar 2020 10:00:00 GMT', 'Language models at scale'),
      snapshot('2104.00003', 'stat.ML cs.LG', 'Thu, 1 Apr 2021 10:00:00 GMT', 'Bayesian optimisation of kernels'),
      snapshot('2105.00004', 'math.CO cs.DM', 'Mon, 3 May 2021 10:00:00 GMT', 'Graph colouring bounds'),
      snapshot('2106.00005', 'hep-th', 'Tue, 1 Jun 2021 10:00:00 GMT', 'Strings and branes'),
      snapshot('2107.00006', 'cs.CV', 'Thu, 1 Jul 2021 10:00:00 GMT', 'Image segmentation with transformers'),
      snapshot('2212.00007', 'cs.RO', 'Thu, 1 Dec 2022 10:00:00 GMT', 'Robot grasping'),
    ].join('\n')}\n`,
  );
  const build = (name: string, ...options: string[]) => runCli(['build-catalogue', '--in', input, '--out', join(dir, name), '--quiet', ...options]);

  it('keeps primary categories by glob, repeatable, and says how many were dropped', async () => {
    const { code, out } = await build('cats', '--category', 'cs.*', '--category', 'stat.ML');
    expect(code).toBe(0);
    expect(out).toContain('read 7 records, dropped 2 by --category, 0 before --since, 0 after --until, 0 with no date, kept 5');
    expect(out).toMatch(/wrote 5 papers$/m);
  });

  it('matches cross-listed categories with --cross-lists', async () => {
    const { out } = await build('cross', '--category', 'cs.*', '--cross-lists');
    expect(out).toContain('dropped 1 by --category');
    expect(out).toMatch(/wrote 6 papers$/m);
  });

  it('keeps papers first dated within --since and --until, inclusive', async () => {
    const { out } = await build('dates', '--since', '2020-03-03', '--until', '2021-07-01');
    expect(out).toContain('dropped 0 by --category, 1 before --since, 1 after --until, 0 with no date, kept 5');
    expect(out).toMatch(/wrote 5 papers$/m);
  });

  it('keeps the first N papers that pass the filters with --limit, and stops reading', async () => {
    const { out } = await build('limit', '--category', 'cs.*', '--limit', '2');
    expect(out).toContain(`kept the first 2 papers (--limit): stopped reading after ${input}:2`);
    expect(out).toContain('read 2 records, dropped 0 by --category');
    expect(out).toMatch(/wrote 2 papers$/m);
  });

  it('drops papers with no date when a date filter is given, and counts them', async () => {
    const undated = join(dir, 'undated.jsonl');
    writeFileSync(
      undated,
      `${JSON.stringify({ title: 'Undated paper on graphs', categories: ['cs.LG'] })}\n${JSON.stringify({ title: 'Dated paper on graphs', categories: ['cs.LG'], date: '2022-02-02' })}\n`,
    );
    const { code, out } = await runCli(['build-catalogue', '--in', undated, '--out', join(dir, 'undated'), '--quiet', '--format', 'jsonl', '--since', '2020-01-01']);
    expect(code).toBe(0);
    expect(out).toContain('1 with no date, kept 1');
    expect(out).toMatch(/wrote 1 papers$/m);
  });

  it('says so when the filters leave nothing, and writes nothing', async () => {
    const { code, err } = await build('none', '--category', 'q-bio.*');
    expect(code).toBe(1);
    expect(err).toContain('the filters dropped all 7 papers read: dropped 7 by --category');
  });

  it('refuses bad filter values before reading anything', async () => {
    expect((await build('bad1', '--since', '2020-13-01')).err).toContain('--since needs a date as YYYY-MM-DD, got "2020-13-01"');
    expect((await build('bad2', '--limit', 'ten')).err).toContain('--limit needs a number of papers');
    expect((await build('bad3', '--since', '2021-01-01', '--until', '2020-01-01')).err).toContain('is after --until');
    expect((await build('bad4', '--cross-lists')).err).toContain('--cross-lists needs --category');
    expect((await build('bad5', '--category')).code).toBe(2);
  });
});
