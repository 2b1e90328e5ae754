// `paperscope eval --personal READERS --catalogue F`: ranks each reader's feed with the interest model and the anchor,
// and refuses what it cannot read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonalReport } from '../../src/eval/personalEval.ts';
import type { Reader } from '../../src/eval/personalReaders.ts';
import { runCli } from './runCli.ts';
import { FIELDS, fieldPaper, type Field } from './personal.toyCatalogue.ts';

const dir = mkdtempSync(join(tmpdir(), 'ps-personal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (field: Field, n: number, month = '2401'): Reader['feed'][number] => {
  const p = fieldPaper(field, n, month);
  return { id: p.arxivId!, title: p.title, abstract: p.abstract!, authors: p.authors!, categories: p.categories!, date: month === '2401' ? '2024-01-15' : '2025-10-15' };
};
const catalogue = join(dir, 'catalogue.jsonl');
writeFileSync(catalogue, `${(Object.keys(FIELDS) as Field[]).flatMap((f) => Array.from({ length: 20 }, (_, n) => JSON.stringify(record(f, n)))).join('\n')}\n`);

/** A reader of one field: four of its catalogue papers saved, a feed of three new papers of each field. */
const reader = (name: string, field: Field): Reader => {
  const feed = (Object.keys(FIELDS) as Field[]).flatMap((f) => [5, 6, 7].map((n) => record(f, n, '2510')));
  return { reader: name, library: [0, 1, 2, 3].map((n) => record(field, n).id), feed, positives: feed.filter((p) => p.categories[0] === FIELDS[field].category).map((p) => p.id) };
};
const readers = join(dir, 'readers.jsonl');
writeFileSync(readers, `${[reader('r1', 'quantum'), reader('r2', 'cells')].map((r) => JSON.stringify(r)).join('\n')}\n`);

describe('paperscope eval --personal', () => {
  it('prints MRR, recall@20 and AUC for Paperscope beside the anchor, as JSON with --json', async () => {
    const { code, out } = await runCli(['eval', '--personal', readers, '--catalogue', catalogue, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as PersonalReport;
    expect(report.readers).toBe(2);
    // Each reader's own field is plain from its words: its three papers come first.
    expect(report.paperscope).toMatchObject({ mrr: 1, recallAt20: 1, auc: 1, readers: 2 });
    expect(report.anchor!.readers).toBe(2);
    for (const value of [report.anchor!.mrr, report.anchor!.recallAt20]) expect(value).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('prints a table without --json', async () => {
    const { code, out } = await runCli(['eval', '--personal', readers, '--catalogue', catalogue]);
    expect(code).toBe(0);
    expect(out).toMatch(/^readers ranked: 2/);
    expect(out).toMatch(/MRR\s+1\.000/);
    expect(out).toContain('recall@20');
    expect(out).toContain('ROC AUC');
  }, 60_000);

  it('refuses an unknown option, a missing catalogue, and a readers file it cannot read', async () => {
    const unknown = await runCli(['eval', '--personal', readers, '--catalogue', catalogue, '--limit', '5']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown option "--limit" for eval');
    const missing = await runCli(['eval', '--personal', readers]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing --catalogue <value>');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"reader": "r1", "library": []}\n');
    const unreadable = await runCli(['eval', '--personal', bad, '--catalogue', catalogue]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toContain('line 1: a reader needs "reader", "library", "feed" and "positives"');
  });
});
