// `paperscope eval --catalogue FILE --queries FILE [--limit N]`: Paperscope against a tf-idf baseline on any two
// files of papers (JSON lines, gzipped or not, or any format the catalogue builder reads); prints one JSON object.
import { createParser } from '../core/catalogue/formats/detect.ts';
import type { ParsedRecord } from '../core/catalogue/formats/types.ts';
import { runPersonalEval, type PersonalReport } from '../eval/personalEval.ts';
import type { Reader } from '../eval/personalReaders.ts';
import { runEval, type EvalOptions, type EvalPaper, type EvalReport } from '../eval/runEval.ts';
import { InputError, openInput } from './readInput.ts';
import { useShippedTopicModel } from './topicModel.ts';

/** Every paper in a file (records that cannot be read are counted, not fatal). */
export async function readPapers(path: string): Promise<{ papers: EvalPaper[]; rejected: number }> {
  const { format, lines } = await openInput(path);
  const parser = createParser(format);
  const papers: EvalPaper[] = [];
  let rejected = 0;
  const take = (records: ParsedRecord[]) => {
    for (const r of records) {
      if (r.ok) papers.push(r.paper);
      else rejected++;
    }
  };
  for await (const line of lines) take(parser.push(line));
  take(parser.end());
  return { papers, rejected };
}

export interface EvalArgs {
  catalogue: string;
  queries: string;
  limit?: number;
}

export async function evalFiles(args: EvalArgs, progress: (line: string) => void = () => undefined, options: EvalOptions = {}): Promise<EvalReport> {
  useShippedTopicModel();
  const catalogue = await readPapers(args.catalogue);
  if (!catalogue.papers.length) throw new InputError(`no papers found in ${args.catalogue}`);
  const queries = await readPapers(args.queries);
  if (!queries.papers.length) throw new InputError(`no papers found in ${args.queries}`);
  progress(`read ${catalogue.papers.length} catalogue papers and ${queries.papers.length} query papers`);
  return runEval(catalogue.papers, queries.papers, { ...options, queryLimit: args.limit, log: progress });
}

/** Reads READERS.jsonl: one reader a line, each checked for the fields the evaluation reads. */
export async function readReaders(path: string): Promise<Reader[]> {
  const { lines } = await openInput(path, 'jsonl');
  const readers: Reader[] = [];
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let r: Reader;
    try {
      r = JSON.parse(text);
    } catch {
      throw new InputError(`${path} line ${line}: not JSON`);
    }
    const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
    if (typeof r?.reader !== 'string' || !strings(r.library) || !strings(r.positives) || !Array.isArray(r.feed)) {
      throw new InputError(`${path} line ${line}: a reader needs "reader", "library", "feed" and "positives"`);
    }
    if (!r.feed.every((p) => typeof p?.id === 'string' && typeof p.title === 'string')) {
      throw new InputError(`${path} line ${line}: every feed paper needs an "id" and a "title"`);
    }
    r.feed = r.feed.map((p) => ({
      ...p,
      abstract: p.abstract ?? '',
      authors: strings(p.authors) ? p.authors : [],
      categories: strings(p.categories) ? p.categories : [],
      date: p.date ?? '',
    }));
    readers.push(r);
  }
  if (!readers.length) throw new InputError(`no readers found in ${path}`);
  return readers;
}

/** `eval --personal READERS --catalogue F`: Paperscope's interest model beside the arxiv-sanity-lite SVM anchor. */
export async function evalPersonalFiles(args: { readers: string; catalogue: string }, progress: (line: string) => void = () => undefined): Promise<PersonalReport> {
  useShippedTopicModel();
  const readers = await readReaders(args.readers);
  const catalogue = await readPapers(args.catalogue);
  if (!catalogue.papers.length) throw new InputError(`no papers found in ${args.catalogue}`);
  progress(`read ${readers.length} readers and ${catalogue.papers.length} catalogue papers`);
  return runPersonalEval(catalogue.papers, readers, { log: progress });
}

/** The personal figures as a table: Paperscope beside the anchor, with the aims. */
export function personalTable(r: PersonalReport): string[] {
  const f3 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(3));
  const lines = [`readers ranked: ${r.readers}${r.skipped ? ` (${r.skipped} skipped: fewer than 3 library papers in the catalogue)` : ''}`];
  lines.push('measure      paperscope  anchor  delta   aim');
  const row = (name: string, ours: number, theirs: number | undefined, aim: string) => {
    const delta = theirs === undefined ? 'n/a' : `${ours - theirs >= 0 ? '+' : ''}${(ours - theirs).toFixed(3)}`;
    lines.push(`${name.padEnd(12)} ${f3(ours).padEnd(11)} ${f3(theirs).padEnd(7)} ${delta.padEnd(7)} ${aim}`);
  };
  row('MRR', r.paperscope.mrr, r.anchor?.mrr, '>= +0.050');
  row('recall@20', r.paperscope.recallAt20, r.anchor?.recallAt20, '>= +0.050');
  row('ROC AUC', r.paperscope.auc, r.anchor?.auc, '>= +0.030');
  return lines;
}
