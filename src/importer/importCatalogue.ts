// Imports a catalogue file in a worker: a packed catalogue, or raw metadata built here with the same core as the CLI.
import { isPacked } from '../core/catalogue/packed.ts';
import { CatalogueError, readCatalogue, type CatalogueData } from '../core/catalogue/artifact.ts';
import type { ParsedPaper } from '../core/catalogue/formats/types.ts';
import { CatalogueBuilder } from '../core/catalogue/builder.ts';
import { createParser, detectFormat } from '../core/catalogue/formats/detect.ts';
import type { ParsedRecord } from '../core/catalogue/formats/types.ts';
import type { CatalogueDatabase } from '../db/database.ts';
import { installCatalogue, loadInstalledCatalogue } from '../db/catalogueStore.ts';
import type { ImportEvent, ImportFailure, ImportMode, ImportStage } from './protocol.ts';

const HEAD_CHARS = 64 * 1024;

export class ImportCancelled extends Error {}

/** An import error that carries its reason as a code, for the options page to word. */
export class ImportError extends CatalogueError {
  constructor(
    message: string,
    readonly failure: ImportFailure,
  ) {
    super(message);
  }
}

export interface ImportControl {
  emit(event: ImportEvent): void;
  cancelled(): boolean;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The file's bytes as a stream, decompressed when gzipped, counting compressed bytes read. */
async function byteStream(file: File, onRead: (bytes: number) => void): Promise<ReadableStream<Uint8Array>> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  let read = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        onRead(read);
        controller.enqueue(chunk);
      },
    }),
  );
  return isGzip(head) ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Lines of a byte stream, decoded as UTF-8. */
async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (rest + value).split(/\r?\n/);
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}

/** The catalogue's papers as raw records, so a merge rebuilds them with the new ones. */
function parsedPapers(data: CatalogueData): ParsedPaper[] {
  return Array.from({ length: data.paperCount }, (_, i) => {
    const p = data.paper(i);
    return { title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, arxivId: p.arxivId, doi: p.doi, year: p.year };
  });
}

export async function importCatalogue(db: CatalogueDatabase, file: File, mode: ImportMode, control: ImportControl): Promise<void> {
  const counts = { papers: 0, merged: 0, rejected: 0 };
  const rejections: string[] = [];
  let bytesRead = 0;
  let lastEmit = 0;
  const progress = (stage: ImportStage, force = false) => {
    const now = Date.now();
    if (!force && now - lastEmit < 100) return;
    lastEmit = now;
    control.emit({ type: 'progress', stage, bytesRead, bytesTotal: file.size, ...counts });
  };
  const check = () => {
    if (control.cancelled()) throw new ImportCancelled('Import cancelled; your catalogue is unchanged.');
  };
  if (file.size === 0) throw new ImportError(`${file.name} is empty.`, { code: 'empty', file: file.name });

  const stream = await byteStream(file, (n) => {
    bytesRead = n;
    progress('reading');
  });
  let data: CatalogueData;
  const headBytes = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  if (isPacked(headBytes) || (isGzip(headBytes) && file.name.endsWith('.psc.gz'))) {
    data = readCatalogue(await readAll(stream));
    data.verify();
    // A shared file is hostile input: its hash only says it is intact, so every section is checked before install.
    data.validate();
    counts.papers = data.paperCount;
    if (mode === 'merge') data = await mergeWithCurrent(data);
  } else {
    const builder = new CatalogueBuilder({ source: file.name, withAbstracts: true });
    if (mode === 'merge') {
      const current = await loadInstalledCatalogue(db);
      for (const raw of current ? parsedPapers(current) : []) builder.add(raw);
    }
    const take = (records: ParsedRecord[]) => {
      for (const r of records) {
        if (r.ok) {
          if (builder.add(r.paper) === 'merged') counts.merged++;
          counts.papers = builder.size;
        } else {
          counts.rejected++;
          if (rejections.length < 5) rejections.push(`line ${r.line}: ${r.reason}`);
        }
      }
    };
    let parser: ReturnType<typeof createParser> | undefined;
    const pending: string[] = [];
    let pendingChars = 0;
    for await (const line of lines(stream)) {
      if (!parser) {
        pending.push(line);
        pendingChars += line.length + 1;
        if (pendingChars < HEAD_CHARS) continue;
        parser = parserFor(pending.join('\n'), file.name);
        for (const l of pending.splice(0)) take(parser.push(l));
        continue;
      }
      take(parser.push(line));
      if (counts.papers % 2000 === 0) {
        check();
        progress('reading');
      }
    }
    if (!parser) {
      parser = parserFor(pending.join('\n'), file.name);
      for (const l of pending.splice(0)) take(parser.push(l));
    }
    take(parser.end());
    check();
    if (builder.size === 0) {
      throw new ImportError(`No papers were found in ${file.name}${rejections[0] ? ` (first problem: ${rejections[0]})` : ''}.`, {
        code: 'noPapers',
        file: file.name,
        ...(rejections[0] ? { firstProblem: rejections[0] } : {}),
      });
    }
    progress('building', true);
    data = readCatalogue(builder.build());
  }
  check();
  progress('installing', true);
  await installCatalogue(db, data, 'imported');
  control.emit({ type: 'switched', version: data.version, paperCount: data.paperCount });
  control.emit({ type: 'done', version: data.version, paperCount: data.paperCount, merged: counts.merged, rejected: counts.rejected, firstRejections: rejections });

  /** The installed catalogue's papers plus the imported ones (an imported paper wins over the same paper installed). */
  async function mergeWithCurrent(imported: CatalogueData): Promise<CatalogueData> {
    const current = await loadInstalledCatalogue(db);
    const source = current ? `${current.header.source} + ${imported.header.source}` : imported.header.source;
    const builder = new CatalogueBuilder({ source, withAbstracts: imported.header.hasAbstracts });
    for (const raw of current ? parsedPapers(current) : []) builder.add(raw);
    for (const raw of parsedPapers(imported)) if (builder.add(raw) === 'merged') counts.merged++;
    counts.papers = builder.size;
    return readCatalogue(builder.build());
  }
}

function parserFor(head: string, name: string) {
  const format = detectFormat(head);
  if (!format) {
    throw new ImportError(`${name} is not a format Paperscope reads: use a Paperscope catalogue (.psc), arXiv JSON lines or metadata snapshot, BibTeX or CSL-JSON.`, {
      code: 'unknownFormat',
      file: name,
    });
  }
  return createParser(format);
}
