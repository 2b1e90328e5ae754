// `paperscope eval --catalogue FILE --queries FILE [--limit N]`: Paperscope against a tf-idf baseline on any two
// files of papers (JSON lines, gzipped or not, or any format the catalogue builder reads); prints one JSON object.
import { createParser } from '../core/catalogue/formats/detect.ts';
import type { ParsedRecord } from '../core/catalogue/formats/types.ts';
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
