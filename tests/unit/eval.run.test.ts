import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { dedupe, runEval, sample, timeSplit, type EvalPaper } from '../../src/eval/runEval.ts';
import { toyCorpus } from './eval.toyCorpus.ts';

const CATEGORY: Record<string, string[]> = { vision: ['cs.CV', 'cs.LG'], galaxy: ['astro-ph.GA'], algebra: ['math.AC', 'math.AG'] };

function papers(perTopic: number, seed: number, month: string, from: number): EvalPaper[] {
  return toyCorpus(perTopic, seed).map((d, i) => ({
    title: `${d.title} ${['study', 'approach', 'theory', 'view'][i % 4]} ${i}`,
    abstract: d.abstract,
    authors: d.authors,
    categories: CATEGORY[d.label],
    arxivId: `2501.${String(from + i).padStart(5, '0')}`,
    date: `2025-${month}-15`,
  }));
}

const jsonl = (ps: EvalPaper[]) =>
  ps.map((p) => JSON.stringify({ id: p.arxivId, title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, date: p.date })).join('\n');

describe('eval harness', () => {
  it('splits by date and samples deterministically', () => {
    const ps = [...papers(2, 1, '09', 0), ...papers(2, 2, '10', 100), { title: 'undated' }];
    const split = timeSplit(ps, '2025-10-01');
    expect([split.catalogue.length, split.queries.length, split.undated]).toEqual([6, 6, 1]);
    expect(sample([1, 2, 3, 4, 5, 6], 3, 9)).toEqual(sample([1, 2, 3, 4, 5, 6], 3, 9));
    const s = sample([1, 2, 3, 4, 5, 6], 3, 9);
    expect([...s].sort()).toEqual(s);
    expect(
      dedupe([
        { title: 'A', arxivId: '1' },
        { title: 'B', arxivId: '2501.00001' },
        { title: 'C', arxivId: '2501.00001v2' },
      ]).map((p) => p.title),
    ).toEqual(['A', 'C']);
  });

  it('measures Paperscope and the baseline side by side on toy data', () => {
    const report = runEval(papers(70, 1, '09', 0), papers(15, 2, '10', 1000), { matchPositives: 50, matchNegatives: 40 });
    expect(report.papers.catalogue).toBe(210);
    expect(report.category.queries).toBe(45);
    for (const method of [report.category.paperscope, report.category.tfidfLinear, report.category.tfidfKnn20]) {
      expect(method.top1).toBeGreaterThan(0.9);
      expect(method.top3).toBeGreaterThanOrEqual(method.top1!);
    }
    expect(report.related.paperscope.primary).toBeGreaterThan(0.9);
    expect(report.related.tfidf.any).toBeGreaterThan(0.9);
    expect(report.matching.paperscope.precision).toBe(1);
    expect(report.matching.byKind.exact!.paperscopeRecall).toBe(1);
    expect(report.matching.exactLowercase.recall).toBeLessThan(report.matching.paperscope.recall);
    expect(report.latency.paperscope.queries).toBe(45);
  });

  it('paperscope eval reads two files (gzipped or not) and prints one JSON object', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-eval-'));
    const cat = join(dir, 'catalogue.jsonl.gz');
    const qs = join(dir, 'queries.jsonl');
    writeFileSync(cat, gzipSync(jsonl(papers(40, 1, '09', 0))));
    writeFileSync(qs, jsonl(papers(10, 2, '10', 1000)));
    const out: string[] = [];
    const err: string[] = [];
    expect(
      await main(
        ['eval', '--catalogue', cat, '--queries', qs, '--limit', '12'],
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(0);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0]!);
    expect(report.papers.catalogue).toBe(120);
    expect(report.category.queries).toBe(12);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['category', 'related', 'matching', 'latency']));
    expect(
      await main(
        ['eval', '--catalogue', cat],
        () => undefined,
        () => undefined,
      ),
    ).toBe(2);
    expect(
      await main(
        ['eval', '--catalogue', join(dir, 'missing'), '--queries', qs],
        () => undefined,
        () => undefined,
      ),
    ).toBe(1);
  });

  it('leaves out negatives the page would show exactly as a catalogue paper, and reports what it matched wrongly', () => {
    const authors = ['Zijian Wang', 'Chang Xu'];
    const abstract = 'We probe the hidden states of language models to steer their reasoning through a space of thoughts.';
    const mine = (title: string, id: string, month: string): EvalPaper => ({ title, abstract, authors, categories: ['cs.CL'], arxivId: id, date: `2025-${month}-15` });
    const catalogue = [...papers(30, 1, '09', 0), mine('ThoughtProbe: Classifier-Guided Thought Space Exploration', '2509.90001', '09')];
    // The same authors' later paper with the same main title: cut to "ThoughtProbe", it shows as the first one does.
    const queries = [...papers(6, 2, '10', 1000), mine('ThoughtProbe: Probing Hidden Thoughts of Language Models at Scale', '2510.90002', '10')];
    const report = runEval(catalogue, queries, { matchPositives: 20, matchNegatives: 40 });
    expect(report.matching.wrongMatches).toEqual([]);
    expect(report.matching.indistinguishableNegatives).toBeGreaterThanOrEqual(1);
    // Nothing on the page tells it from the catalogue's paper: the matcher takes it for that one.
    expect(report.matching.indistinguishableMatched).toBeGreaterThanOrEqual(1);
    expect(report.matching.paperscope.precision).toBe(1);
  });
});
