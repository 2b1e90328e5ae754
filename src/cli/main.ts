// The paperscope command line: thin commands over src/core; the CLI modules own all disk I/O.
import { buildCatalogueFiles, describeReport, FORMATS } from './buildCatalogue.ts';
import type { FormatId } from '../core/catalogue/formats/types.ts';
import { evalFiles, evalPersonalFiles, personalTable } from './eval.ts';
import { isCalendarDate, type PaperFilterOptions } from '../core/catalogue/paperFilter.ts';
import { ProgressLine } from './progress.ts';
import { tagFiles } from './tag.ts';

const USAGE = `usage: paperscope <command> [options]

commands:
  build-catalogue --in FILE... --out DIR [--format F] [--no-abstracts] [--quiet] [--threads N]
                  [--category GLOB]... [--cross-lists] [--since DATE] [--until DATE] [--limit N]
      build the packed catalogue DIR/catalogue.psc from feed-page copies, JSON lines (.gz too),
      arXiv metadata snapshots, BibTeX or CSL-JSON; the format is detected from content
      (F: ${FORMATS.join(', ')}); progress (papers done, a rate, time left) goes to stderr unless --quiet;
      --category keeps papers whose primary category matches a glob (cs.* or stat.ML; repeatable; with
      --cross-lists any listed category); --since/--until keep papers whose first version is dated
      within (YYYY-MM-DD, inclusive; papers with no date are then dropped and counted); --limit keeps the
      first N papers that pass the other filters and stops reading; --threads sets how many threads tag
      papers while the input is read (default one per core; 0 tags them in the main thread after reading)
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

/** The values after every occurrence of a repeatable option: `--category cs.* --category stat.ML`. */
function repeated(args: string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((arg, i) => {
    if (arg !== name) return;
    const found: string[] = [];
    for (let j = i + 1; j < args.length && !args[j]!.startsWith('--'); j++) found.push(args[j]!);
    if (!found.length) throw new UsageError(`missing ${name} <value>`);
    out.push(...found);
  });
  return out;
}

/** An optional single day `YYYY-MM-DD`, refused when it is not a real calendar day. */
function dayOption(args: string[], name: string): string | undefined {
  if (!args.includes(name)) return undefined;
  const value = values(args, name)[0];
  if (value === undefined) throw new UsageError(`missing ${name} <value>`);
  if (!isCalendarDate(value)) throw new UsageError(`${name} needs a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

/** The build's filters from its options, checked before anything is read. */
function filterOptions(args: string[]): PaperFilterOptions {
  const categories = repeated(args, '--category');
  const since = dayOption(args, '--since');
  const until = dayOption(args, '--until');
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}: nothing could be kept`);
  let limit: number | undefined;
  if (args.includes('--limit')) {
    const text = values(args, '--limit')[0];
    if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--limit needs a number of papers (1 or more), got "${text ?? ''}"`);
    limit = Number(text);
  }
  if (args.includes('--cross-lists') && !categories.length) throw new UsageError('--cross-lists needs --category');
  return { categories, crossLists: args.includes('--cross-lists'), since, until, limit };
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
        knownOptions(command, args, [
          '--in',
          '--out',
          '--format',
          '--no-abstracts',
          '--quiet',
          '--category',
          '--cross-lists',
          '--since',
          '--until',
          '--limit',
          '--threads',
          '--on-top-of',
        ]);
        const filter = filterOptions(args);
        let tagThreads: number | undefined;
        if (args.includes('--threads')) {
          const text = values(args, '--threads')[0];
          if (text === undefined || !/^\d+$/.test(text) || Number(text) > 64) throw new UsageError(`--threads needs a number of threads (0 to 64), got "${text ?? ''}"`);
          tagThreads = Number(text);
        }
        const format = values(args, '--format')[0] as FormatId | undefined;
        if (format && !FORMATS.includes(format)) throw new UsageError(`unknown format "${format}"`);
        // On a terminal the line is redrawn in place on stderr; otherwise (a log, a pipe, a test) whole lines go to error.
        const tty = process.stderr.isTTY === true;
        const line = new ProgressLine({ tty, write: tty ? (text) => process.stderr.write(text) : error });
        const quiet = args.includes('--quiet');
        try {
          const report = await buildCatalogueFiles(
            {
              inputs: required(args, '--in'),
              outDir: required(args, '--out')[0]!,
              format,
              withAbstracts: !args.includes('--no-abstracts'),
              filter,
              tagThreads,
              ...(args.includes('--on-top-of') ? { onTopOf: required(args, '--on-top-of') } : {}),
            },
            log,
            quiet ? undefined : (stage, done, total, fraction) => line.update(stage, done, total, fraction),
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
