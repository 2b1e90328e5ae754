// The paperscope command line: thin commands over src/core; the CLI modules own all disk I/O.
import { buildCatalogueFiles, describeReport, FORMATS } from './buildCatalogue.ts';
import type { FormatId } from '../core/catalogue/formats/types.ts';
import { evalFiles, evalPersonalFiles, personalTable } from './eval.ts';
import { ProgressLine } from './progress.ts';
import { tagFiles } from './tag.ts';

const USAGE = `usage: paperscope <command> [options]

commands:
  build-catalogue --in FILE... --out DIR [--format F] [--no-abstracts] [--quiet]
      build the packed catalogue DIR/catalogue.psc from feed-page copies, JSON lines (.gz too),
      arXiv metadata snapshots, BibTeX or CSL-JSON; the format is detected from content
      (F: ${FORMATS.join(', ')}); progress (papers done, a rate) goes to stderr unless --quiet
  tag --in FILE... [--json] [--format F]
      print each paper's topic tags (label, confidence, the phrases that earned them) and arXiv category (the
      input's own, else predicted from the text and marked so), read from any input build-catalogue reads;
      --json prints one object per line: {"id", "title", "category", "topics": [{"label", "confidence", "terms"}]}
      (id: the paper key, arxiv:, doi: or title:; category: null when none is given or clearly predicted)
  eval --catalogue FILE --queries FILE [--limit N]
      measure Paperscope against a tf-idf baseline (categories, related papers, title matching, latency):
      the --catalogue papers form the catalogue, the --queries papers (at most N) are looked up in it;
      prints one JSON object of metrics (progress goes to stderr)
  eval --personal READERS --catalogue FILE [--json]
      rank each simulated reader's feed (READERS: JSON lines of {"reader", "library": [arXiv ids in the
      catalogue], "feed": [{"id", "title", "abstract", "authors", "categories", "date"}], "positives": [ids]})
      with Paperscope's interest model and with arxiv-sanity-lite's SVM; prints MRR of the first positive,
      recall@20 and ROC AUC averaged over readers, side by side (--json: one JSON object)
  help  show this text`;

class UsageError extends Error {}

/** All values after `name` up to the next option. */
function values(args: string[], name: string): string[] {
  const i = args.indexOf(name);
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < args.length && !args[j]!.startsWith('--'); j++) out.push(args[j]!);
  return out;
}

/** Refuses an option the command does not know: `--category cs.LG` silently building everything would be worse. */
function knownOptions(command: string, args: string[], known: readonly string[]): void {
  const unknown = args.find((arg) => arg.startsWith('--') && !known.includes(arg));
  if (unknown) throw new UsageError(`unknown option "${unknown}" for ${command}`);
}

function required(args: string[], name: string): string[] {
  const found = values(args, name);
  if (!found.length) throw new UsageError(`missing ${name} <value>`);
  return found;
}

export async function main(argv: string[], log = console.log, error = console.error): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'build-catalogue': {
        knownOptions(command, args, ['--in', '--out', '--format', '--no-abstracts', '--quiet']);
        const format = values(args, '--format')[0] as FormatId | undefined;
        if (format && !FORMATS.includes(format)) throw new UsageError(`unknown format "${format}"`);
        // On a terminal the line is redrawn in place on stderr; otherwise (a log, a pipe, a test) whole lines go to error.
        const tty = process.stderr.isTTY === true;
        const line = new ProgressLine({ tty, write: tty ? (text) => process.stderr.write(text) : error });
        const quiet = args.includes('--quiet');
        try {
          const report = await buildCatalogueFiles(
            { inputs: required(args, '--in'), outDir: required(args, '--out')[0]!, format, withAbstracts: !args.includes('--no-abstracts') },
            log,
            quiet ? undefined : (stage, done, total) => line.update(stage, done, total),
          );
          line.finish();
          describeReport(report).forEach((text) => log(text));
        } finally {
          line.finish();
        }
        return 0;
      }
      case 'tag': {
        knownOptions(command, args, ['--in', '--json', '--format']);
        const format = values(args, '--format')[0] as FormatId | undefined;
        if (format && !FORMATS.includes(format)) throw new UsageError(`unknown format "${format}"`);
        await tagFiles({ inputs: required(args, '--in'), json: args.includes('--json'), format }, log, error);
        return 0;
      }
      case 'eval': {
        if (args.includes('--personal')) {
          knownOptions(command, args, ['--personal', '--catalogue', '--json']);
          const report = await evalPersonalFiles({ readers: required(args, '--personal')[0]!, catalogue: required(args, '--catalogue')[0]! }, error);
          if (args.includes('--json')) log(JSON.stringify(report));
          else personalTable(report).forEach((line) => log(line));
          return 0;
        }
        knownOptions(command, args, ['--catalogue', '--queries', '--limit']);
        const limit = values(args, '--limit')[0];
        if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError(`--limit needs a number, got "${limit}"`);
        const report = await evalFiles(
          { catalogue: required(args, '--catalogue')[0]!, queries: required(args, '--queries')[0]!, limit: limit === undefined ? undefined : Number(limit) },
          error,
        );
        log(JSON.stringify(report));
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    error(`paperscope: ${(e as Error).message}`);
    if (e instanceof UsageError) error(USAGE);
    return e instanceof UsageError ? 2 : 1;
  }
}
