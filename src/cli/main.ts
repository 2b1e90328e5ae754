// The paperscope command line: thin commands over src/core; this module owns the CLI's disk I/O.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assembleCatalogue, CATALOGUE_FILE } from '../core/catalogue.ts';
import { parseFeedText } from '../core/formats/feedText.ts';

const USAGE = `usage: paperscope <command> [options]

commands:
  build-catalogue --in FILE --out DIR   build the catalogue artifact (DIR/${CATALOGUE_FILE}) from a copied feed page
  help                                  show this text`;

class UsageError extends Error {}

function option(args: string[], name: string): string {
  const i = args.indexOf(name);
  const value = i >= 0 ? args[i + 1] : undefined;
  if (!value || value.startsWith('--')) throw new UsageError(`missing ${name} <value>`);
  return value;
}

function readInput(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`cannot read ${path}: no such file`);
  }
  if (size === 0) throw new Error(`cannot build from ${path}: the file is empty`);
  return readFileSync(path, 'utf8');
}

export function buildCatalogue(args: string[], log: (line: string) => void): void {
  const input = option(args, '--in');
  const outDir = option(args, '--out');
  let raws;
  try {
    raws = parseFeedText(readInput(input));
  } catch (error) {
    throw new Error(`cannot build from ${input}: ${(error as Error).message.replace(/^cannot build from \S+: /, '')}`);
  }
  const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  const { artifact, merged } = assembleCatalogue(raws, `feed page copy ${input.split('/').pop()}`, hash);
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, CATALOGUE_FILE);
  const bytes = JSON.stringify(artifact);
  writeFileSync(out, bytes);
  // A small file the worker bundles, so it knows the seed's version without reading the whole catalogue.
  writeFileSync(join(outDir, 'version.json'), `${JSON.stringify({ version: artifact.version, paperCount: artifact.paperCount })}\n`);
  log(`read ${raws.length} papers, merged ${merged} duplicates, wrote ${artifact.paperCount} papers`);
  log(`${resolve(out)}: version ${artifact.version}, ${bytes.length} bytes (${Math.round(bytes.length / artifact.paperCount)} bytes per paper)`);
}

export async function main(argv: string[], log = console.log, error = console.error): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'build-catalogue':
        buildCatalogue(args, log);
        return 0;
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
