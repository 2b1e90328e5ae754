// Imports a catalogue file in a worker: a packed catalogue, or raw metadata built here with the same core as the CLI.
import { isPacked } from '../core/catalogue/packed.ts';
import { CatalogueError, readCatalogue, type CatalogueData, type CatalogueView } from '../core/catalogue/artifact.ts';
import type { ParsedPaper } from '../core/catalogue/formats/types.ts';
import { CatalogueBuilder, canLayerOn } from '../core/catalogue/builder.ts';
import { createParser, detectFormat } from '../core/catalogue/formats/detect.ts';
import type { FormatId, ParsedRecord } from '../core/catalogue/formats/types.ts';
import { boundedBytes, boundedBytesOf, boundedLines, chunksOf, decodedText, InputTooLarge } from '../core/catalogue/formats/boundedInput.ts';
import {
  formatBytes,
  MAX_CATALOGUE_PAPERS,
  MAX_DOCUMENT_CHARS,
  MAX_METADATA_BYTES,
  MAX_PACKED_CATALOGUE_BYTES,
  MAX_PACKED_CATALOGUE_PAPERS,
  MAX_RECORD_LINE_CHARS,
} from '../core/catalogue/formats/inputLimits.ts';
import type { CatalogueDatabase } from '../db/database.ts';
import { installCatalogue, installLayer, loadInstalledCatalogue } from '../db/catalogueStore.ts';
import type { CatalogueMeta } from '../db/database.ts';
import { addsAsLayer, LayeredCatalogue, MAX_LAYERS } from '../core/catalogue/layered.ts';
import { LAYER_BUILD_SECTIONS } from '../core/catalogue/sectionGroups.ts';
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
  /** Papers a catalogue needs for added papers to go on top of it as a layer (MIN_LAYERED_BASE; tests use small ones). */
  minLayeredBase?: number;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Compressed bytes go to the decompressor in slices this big, so one slice of a gzip bomb makes at most about 16 MB at once. */
const INFLATE_SLICE = 16 * 1024;

/** The file's bytes (decompressed when gzipped), counting the file's own bytes read; at most `limit` bytes come out, and `check` may stop them. */
async function* fileBytes(file: File, gzip: boolean, limit: number, onRead: (bytes: number) => void, check: () => void): AsyncGenerator<Uint8Array> {
  let read = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        onRead(read);
        for (let at = 0; at < chunk.byteLength; at += INFLATE_SLICE) controller.enqueue(chunk.subarray(at, at + INFLATE_SLICE));
      },
    }),
  );
  const stream = gzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted;
  for await (const chunk of boundedBytes(chunksOf(stream), limit)) {
    check();
    yield chunk;
  }
}

/** The catalogue's papers as raw records, so a merge rebuilds them with the new ones. */
function parsedPapers(data: CatalogueView): ParsedPaper[] {
  return Array.from({ length: data.paperCount }, (_, i) => {
    const p = data.paper(i);
    return { title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, arxivId: p.arxivId, doi: p.doi, pmid: p.pmid, year: p.year };
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

  const headBytes = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const gzip = isGzip(headBytes);
  const packed = isPacked(headBytes) || (gzip && file.name.endsWith('.psc.gz'));
  const bytes = fileBytes(
    file,
    gzip,
    packed ? MAX_PACKED_CATALOGUE_BYTES : MAX_METADATA_BYTES,
    (n) => {
      bytesRead = n;
      progress('reading');
    },
    check,
  );
  const tooLarge = (limitBytes: number) => new ImportError(`${file.name} holds more than ${formatBytes(limitBytes)}.`, { code: 'tooLarge', file: file.name, limitBytes });
  const tooManyPapers = (limit = MAX_CATALOGUE_PAPERS) => new ImportError(`${file.name} holds more than ${limit} papers.`, { code: 'tooManyPapers', file: file.name, limit });
  /** A bound of fileBytes crossed, as the error the options page words; any other error as it is. */
  const rethrowTooLarge = (error: unknown): never => {
    throw error instanceof InputTooLarge ? tooLarge(error.limit) : error;
  };
  let data: CatalogueData | undefined;
  /** Adding papers: the ones read, where they came from, whether they have abstracts, their newest date. */
  let incoming: ParsedPaper[] | undefined;
  let incomingSource = file.name;
  let incomingAbstracts = true;
  let incomingNewest: string | undefined;
  let builtLayer: CatalogueData | undefined;
  let validating: Promise<void> | undefined;
  if (packed) {
    data = readCatalogue(await boundedBytesOf(bytes, MAX_PACKED_CATALOGUE_BYTES).catch(rethrowTooLarge));
    check();
    // Installed as it is, a packed catalogue may be larger than one built or merged here (which costs memory a paper).
    const limit = mode === 'merge' ? MAX_CATALOGUE_PAPERS : MAX_PACKED_CATALOGUE_PAPERS;
    if (data.paperCount > limit) throw tooManyPapers(limit);
    counts.papers = data.paperCount;
    // A shared file is hostile input: its hash says it is intact, and every section is checked before it is used.
    // Installed as it is, it is checked while its sections are written, and used only once both are done.
    if (mode === 'merge') {
      data.verify();
      data.validate();
      incoming = parsedPapers(data);
      // Built with `build-catalogue --on-top-of` the installed catalogue: installed as it is when it still fits.
      if (data.header.layerOf !== undefined) builtLayer = data;
      incomingSource = data.header.source;
      incomingAbstracts = data.header.hasAbstracts;
      incomingNewest = data.header.newestPaperDate;
    } else {
      validating = data.checkInSlices();
      validating.catch(() => undefined); // awaited before the switch; a failure before then is not unhandled
    }
  } else {
    // Replacing: the papers go straight into the catalogue. Adding: they are gathered, then go on top of the installed
    // catalogue as a layer, or into a rebuild of it (addToCurrent).
    const builder = new CatalogueBuilder({ source: file.name, withAbstracts: true });
    if (mode === 'merge') incoming = [];
    const reject = (line: number, reason: string) => {
      counts.rejected++;
      if (rejections.length < 5) rejections.push(`line ${line}: ${reason}`);
    };
    const take = (records: ParsedRecord[]) => {
      for (const r of records) {
        if (r.ok && incoming) {
          incoming.push(r.paper);
          counts.papers = incoming.length;
        } else if (r.ok) {
          if (builder.add(r.paper) === 'merged') counts.merged++;
          counts.papers = builder.size;
        } else {
          reject(r.line, r.reason);
        }
      }
      if (counts.papers > MAX_CATALOGUE_PAPERS) throw tooManyPapers();
    };
    const text = decodedText(bytes)[Symbol.asyncIterator]();
    // The format is told from the first characters, so a file of one endless line is judged without reading it all.
    const head: string[] = [];
    for (let headChars = 0; headChars < HEAD_CHARS; ) {
      const next = await text.next().catch(rethrowTooLarge);
      if (next.done) break;
      head.push(next.value);
      headChars += next.value.length;
      check();
    }
    const format = formatOf(head.join('').slice(0, HEAD_CHARS), file.name);
    const parser = createParser(format);
    const wholeDocument = format === 'bibtex' || format === 'csl-json';
    async function* allText() {
      yield* head;
      for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
    }
    let documentChars = 0;
    try {
      for await (const line of boundedLines(allText(), wholeDocument ? MAX_DOCUMENT_CHARS : MAX_RECORD_LINE_CHARS)) {
        check();
        progress('reading');
        if ('tooLong' in line) {
          if (wholeDocument) throw tooLarge(MAX_DOCUMENT_CHARS);
          // One record that long is no paper: it is skipped like any unreadable record, and the line count goes on.
          reject(line.number, `${line.chars.toLocaleString('en')} characters long, over the ${MAX_RECORD_LINE_CHARS.toLocaleString('en')} a record may have; skipped`);
          take(parser.push(''));
          continue;
        }
        documentChars += line.text.length + 1;
        if (wholeDocument && documentChars > MAX_DOCUMENT_CHARS) throw tooLarge(MAX_DOCUMENT_CHARS);
        take(parser.push(line.text));
      }
    } catch (error) {
      rethrowTooLarge(error);
    }
    // The whole file is read: the page shows it before a whole-document format is parsed.
    progress('reading', true);
    take(parser.end());
    check();
    if (counts.papers === 0) {
      throw new ImportError(`No papers were found in ${file.name}${rejections[0] ? ` (first problem: ${rejections[0]})` : ''}.`, {
        code: 'noPapers',
        file: file.name,
        ...(rejections[0] ? { firstProblem: rejections[0] } : {}),
      });
    }
    if (!incoming) {
      progress('building', true);
      data = readCatalogue(builder.build());
    }
  }
  const installing = () => {
    check();
    progress('installing');
  };
  if (incoming) {
    progress('building', true);
    const added = await addToCurrent(incoming, incomingSource, incomingAbstracts, incomingNewest);
    if ('layer' in added) {
      check();
      progress('installing', true);
      await installLayer(db, added.layer, added.below, { paperCount: added.paperCount, source: added.source }, undefined, undefined, installing);
      control.emit({ type: 'switched', version: added.version, paperCount: added.paperCount });
      control.emit({
        type: 'done',
        version: added.version,
        paperCount: added.paperCount,
        merged: counts.merged,
        rejected: counts.rejected,
        firstRejections: rejections,
        layered: { added: added.layer.paperCount },
      });
      return;
    }
    data = added.whole;
  }
  check();
  progress('installing', true);
  // Written in batches, each told to the page; a cancel between them leaves the old catalogue in use.
  await installCatalogue(db, data!, 'imported', undefined, undefined, installing, validating && (() => validating));
  control.emit({ type: 'switched', version: data!.version, paperCount: data!.paperCount });
  control.emit({ type: 'done', version: data!.version, paperCount: data!.paperCount, merged: counts.merged, rejected: counts.rejected, firstRejections: rejections });

  /**
   * The papers added to the installed catalogue (an added paper wins over the same paper installed): an update layer on
   * top of it when they are few beside it (addsAsLayer: time in proportion to them), else the whole catalogue rebuilt
   * with them, its layers folded in.
   */
  async function addToCurrent(
    papers: ParsedPaper[],
    source: string,
    withAbstracts: boolean,
    newest: string | undefined,
  ): Promise<{ layer: CatalogueData; below: Pick<CatalogueMeta, 'version' | 'layers'>; version: string; paperCount: number; source: string } | { whole: CatalogueData }> {
    const current = await loadInstalledCatalogue(db);
    const parts = current instanceof LayeredCatalogue ? current.parts : current ? [current as CatalogueData] : [];
    /** The layer on top of the installed stack: what the switch record will name, and the counts the page shows. */
    const onTop = (layer: CatalogueData) => {
      const stacked = new LayeredCatalogue([...parts, layer]); // throws, in words, when it does not fit
      counts.merged += stacked.hiddenCount - current!.hiddenCount;
      counts.papers = stacked.paperCount - stacked.hiddenCount;
      const below = { version: parts[0]!.version, layers: parts.slice(1).map((p) => p.version) };
      return { layer, below, version: stacked.version, paperCount: counts.papers, source: stacked.header.source };
    };
    if (current && builtLayer?.header.layerOf === current.version && parts.length <= MAX_LAYERS && (await sameVocabulary(current, builtLayer))) {
      return onTop(builtLayer);
    }
    if (current && canLayerOn(current.header) && addsAsLayer(current, papers.length, control.minLayeredBase)) {
      // The vocabulary and the key lookup: what a layer is built against (not the papers below).
      await current.ensureSections(LAYER_BUILD_SECTIONS);
      const builder = new CatalogueBuilder({ source, withAbstracts: withAbstracts && current.header.hasAbstracts, layerOf: current });
      for (const raw of papers) if (builder.add(raw) === 'merged') counts.merged++;
      builder.noteNewestPaperDate(newest);
      return onTop(readCatalogue(builder.build()));
    }
    const total = (current ? current.paperCount - current.hiddenCount : 0) + papers.length;
    if (total > MAX_CATALOGUE_PAPERS) {
      throw new ImportError(`Adding these papers would rebuild a catalogue of ${total} papers in the browser, over the ${MAX_CATALOGUE_PAPERS} it rebuilds.`, {
        code: 'mergeTooLarge',
        total,
        limit: MAX_CATALOGUE_PAPERS,
      });
    }
    await current?.ensureSections(current.sectionNames);
    const builder = new CatalogueBuilder({ source: current ? `${current.header.source} + ${source}` : source, withAbstracts });
    for (const raw of current ? parsedPapers(current) : []) builder.add(raw);
    for (const raw of papers) if (builder.add(raw) === 'merged') counts.merged++;
    // Their papers come back with years only; their newest dates are kept.
    builder.noteNewestPaperDate(current?.header.newestPaperDate);
    builder.noteNewestPaperDate(newest);
    counts.papers = builder.size;
    return { whole: readCatalogue(builder.build()) };
  }
}

/** Whether a layer's vocabulary and idf are the catalogue's below (a file that says it is its update may not be). */
async function sameVocabulary(below: CatalogueView, layer: CatalogueData): Promise<boolean> {
  await below.ensureSections(LAYER_BUILD_SECTIONS);
  const [terms, layerTerms] = [below.lines('terms'), layer.lines('terms')];
  const [idf, layerIdf] = [below.idf, layer.idf];
  return terms.length === layerTerms.length && terms.every((t, i) => t === layerTerms[i]) && idf.length === layerIdf.length && idf.every((w, i) => w === layerIdf[i]);
}

function formatOf(head: string, name: string): FormatId {
  const format = detectFormat(head);
  if (!format) {
    throw new ImportError(`${name} is not a format Paperscope reads: use a Paperscope catalogue (.psc), arXiv JSON lines or metadata snapshot, BibTeX or CSL-JSON.`, {
      code: 'unknownFormat',
      file: name,
    });
  }
  return format;
}
