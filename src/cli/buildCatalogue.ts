// `paperscope build-catalogue`: streams input files through the format parsers into a packed catalogue.
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCategoryLinear, type CategoryLinear } from '../core/categories/categoryModel.ts';
import { CATALOGUE_FILE, CatalogueData, readCatalogue, type CatalogueView } from '../core/catalogue/artifact.ts';
import { LayeredCatalogue, SUPERSEDES_SECTION } from '../core/catalogue/layered.ts';
import { packedLayout, type SectionData, sectionBytes } from '../core/catalogue/packed.ts';
import { ContentHash } from '../core/hash.ts';
import { type BuildCounts, CatalogueBuilder, type BuildOptions, canLayerOn } from '../core/catalogue/builder.ts';
import { createParser } from '../core/catalogue/formats/detect.ts';
import type { FormatId, ParsedRecord } from '../core/catalogue/formats/types.ts';
import { type FilterCounts, PaperFilter, type PaperFilterOptions } from '../core/catalogue/paperFilter.ts';
import type { PaperTextSections } from '../core/catalogue/textSections.ts';
import { type ChunkFileImage, fileChunkSpill } from './chunkFiles.ts';
import { textSectionsInThread } from './textThread.ts';
import { readAllAt, writeAllAt } from './fileBlocks.ts';
import type { KeyRunStore } from '../core/text/documentFrequency.ts';
import { fileKeyRunStore } from './keyRunFiles.ts';
import { InputError, openInput } from './readInput.ts';
import { defaultTagThreads, TAG_BATCH, TagPool } from './tagPool.ts';
import { useShippedTopicModel } from './topicModel.ts';

export const FORMATS: FormatId[] = ['feed-text', 'jsonl', 'oai-snapshot', 'bibtex', 'csl-json'];

export interface BuildArgs {
  inputs: string[];
  outDir: string;
  format?: FormatId;
  withAbstracts: boolean;
  /** The learned category model for papers whose input names no category (the shipped one when left out). */
  categoryModel?: string;
  /** Word-pair counts held in memory before they spill to temporary files (8 bytes each; default PAIR_KEYS_IN_MEMORY). */
  pairKeysInMemory?: number;
  /** Bytes of read papers (and of their words) held in memory before they spill to temporary files (default CHUNK_BYTES). */
  spillChunkBytes?: number;
  /** Which papers to keep (categories, first-version dates, the first N); left out, every paper. */
  filter?: PaperFilterOptions;
  /** Threads that tag papers while the input is read (default one per core; 0 tags in the main thread at the end). */
  tagThreads?: number;
  /**
   * Builds an update layer for this installed catalogue instead of a catalogue that stands alone: its packed file, then
   * any layers already added to it, in order (src/core/catalogue/layered.ts). "Merge into it" in the options page then
   * installs the layer as it is.
   */
  onTopOf?: string[];
}

/** Below this many papers a build tags in its own thread: starting threads would cost more than they save. */
export const THREADED_TAGGING_FROM = 2000;

/**
 * Tags the builder's papers in threads as they are added, in batches; whatever it has not tagged (a paper changed by a
 * later record after its batch left, or every paper when the threads fail) build() tags itself, with the same result.
 */
class ThreadedTagging {
  private pool: TagPool | undefined;
  private batch: Array<ReturnType<CatalogueBuilder['textForTagging']> & { index: number }> = [];
  private readonly answers = new Set<Promise<void>>();
  private failed = false;

  constructor(
    private readonly builder: CatalogueBuilder,
    private readonly threads: number,
    private readonly log: (line: string) => void,
  ) {}

  /** The paper just added or merged into (builder.lastIndex). */
  noteAdded(): void {
    if (this.failed || this.threads <= 0) return;
    if (!this.pool) {
      if (this.builder.size < THREADED_TAGGING_FROM) return;
      this.pool = new TagPool(this.threads);
      // The papers read before the threads started, the one just added among them.
      for (let i = 0; i < this.builder.size; i++) this.queue(i);
      return;
    }
    this.queue(this.builder.lastIndex);
  }

  /** Whether the reader should wait for `room` before reading on. */
  get full(): boolean {
    return !!this.pool && !this.failed && this.pool.full;
  }

  /** Resolves once the threads can take more (the reader waits here, so the batches out stay few). */
  async room(): Promise<void> {
    if (!this.pool || this.failed) return;
    try {
      await this.pool.room();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Sends the last batch and waits for every answer; the threads then stop. */
  async finish(): Promise<void> {
    if (!this.pool) return;
    this.send();
    await Promise.all(this.answers);
    await this.pool.close();
  }

  private queue(index: number): void {
    this.batch.push({ ...this.builder.textForTagging(index), index });
    if (this.batch.length >= TAG_BATCH) this.send();
  }

  private send(): void {
    if (!this.pool || this.failed || this.batch.length === 0) return;
    const batch = this.batch;
    const answer = this.pool.tag(batch.map(({ title, abstract, categories }) => ({ title, abstract, categories }))).then(
      (papers) => papers.forEach((paper, k) => this.builder.provideTagged(batch[k]!.index, batch[k]!.revision, paper)),
      (error: unknown) => this.fail(error),
    );
    this.answers.add(answer);
    void answer.then(() => this.answers.delete(answer));
    this.batch = [];
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log(`tagging threads failed (${error instanceof Error ? error.message : String(error)}): the rest is tagged in the main thread`);
    void this.pool?.close();
  }
}

/** The category model Paperscope ships, beside the sources whatever the working directory. */
export const SHIPPED_CATEGORY_MODEL = fileURLToPath(new URL('../../assets/models/categories.bin', import.meta.url));

/** 32M pair keys (256 MB) in memory, then sorted runs on disk: a 100k build never spills, a million-paper one does. */
export const PAIR_KEYS_IN_MEMORY = 1 << 25;

/** A file's size, 0 when it cannot be read (openInput then says why, in words). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A predictor over a category model file, read on the first paper that needs it. */
function categoryPredictor(file: string): NonNullable<BuildOptions['predictCategory']> {
  let model: CategoryLinear | undefined;
  return (paper) => {
    model ??= decodeCategoryLinear(new Uint8Array(readFileSync(file)));
    return model.top(paper, 1)[0];
  };
}

export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

export interface BuildReport {
  read: number;
  added: number;
  merged: number;
  /** Papers whose input named no category, given a predicted one. */
  predicted: number;
  rejected: Rejection[];
  /** Papers each filter dropped (only when a filter was given). */
  dropped?: FilterCounts;
  /** The record where reading stopped because --limit papers were kept. */
  limitReached?: { file: string; line: number; limit: number };
  paperCount: number;
  bytes: number;
  version: string;
  seconds: number;
  peakRssMb: number;
  outFile: string;
  /** Built with --on-top-of: the version of the catalogue it updates, and how many of its papers it replaces. */
  layer?: { layerOf: string; replaced: number };
}

/**
 * Where a build is: reading counts papers as they are read, with the share of the input's bytes read so far (0 to 1,
 * compressed bytes for gzip), then the builder's stages count papers done of all.
 */
export type BuildProgress = (stage: 'reading' | 'tagging' | 'vectors' | 'packing', done: number, total?: number, fraction?: number) => void;

const BUILDER_STAGES = { vocabulary: 'tagging', vectors: 'vectors', packing: 'packing' } as const;

/** What reading the inputs into a builder found, beside the builder itself. */
interface ReadInputs {
  builder: CatalogueBuilder;
  read: number;
  rejected: Rejection[];
  filter: PaperFilter;
  limitReached: BuildReport['limitReached'];
}

/** Every input's papers, through the filters, into `builder`, tagged in threads as they come. */
async function readInputs(args: BuildArgs, builder: CatalogueBuilder, log: (line: string) => void, progress: BuildProgress): Promise<ReadInputs> {
  const tagging = new ThreadedTagging(builder, args.tagThreads ?? defaultTagThreads(), log);
  const rejected: Rejection[] = [];
  const filter = new PaperFilter(args.filter);
  let limitReached: BuildReport['limitReached'];
  let read = 0;
  // The inputs' total size, so the share read (and the time left) covers every file, not just the current one.
  const totalBytes = args.inputs.reduce((sum, p) => sum + fileSize(p), 0);
  let bytesBefore = 0;
  for (const path of args.inputs) {
    if (filter.full) break;
    const { format, lines, size, bytesRead } = await openInput(path, args.format);
    const fraction = () => (totalBytes > 0 ? Math.min(1, (bytesBefore + bytesRead()) / totalBytes) : undefined);
    log(`${path}: reading as ${format}`);
    const parser = createParser(format);
    const take = (records: ParsedRecord[]) => {
      for (const record of records) {
        if (filter.full) return;
        if (record.ok) {
          read++;
          if (filter.decide(record.paper) === 'kept') {
            builder.add(record.paper);
            tagging.noteAdded();
          }
          if (filter.full) limitReached = { file: path, line: record.line, limit: args.filter!.limit! };
          progress('reading', read, undefined, fraction());
        } else {
          rejected.push({ file: path, line: record.line, reason: record.reason });
        }
      }
    };
    for await (const line of lines) {
      take(parser.push(line));
      if (filter.full) break; // the first N are kept: the rest of the input is not read at all
      if (tagging.full) await tagging.room();
    }
    if (!filter.full) take(parser.end());
    bytesBefore += size;
  }
  await tagging.finish();
  if (builder.size === 0) {
    const why = rejected.length ? ` (${rejected.length} records rejected; first: line ${rejected[0]!.line}: ${rejected[0]!.reason})` : '';
    const filtered = filter.isEmpty || read === 0 ? '' : ` (the filters dropped all ${read} papers read: ${droppedText(filter.counts)})`;
    throw new InputError(`no papers found in ${args.inputs.join(', ')}${why}${filtered}`);
  }
  return { builder, read, rejected, filter, limitReached };
}

/** Writes packed sections to `path` one by one at their places in `layout`, so the catalogue is never in memory twice. */
function writePackedFile(path: string, layout: ReturnType<typeof packedLayout>, sections: Array<[string, SectionData]>): void {
  const fd = openSync(path, 'w');
  try {
    writeAllAt(fd, layout.head, 0);
    sections.forEach(([, data], i) => writeAllAt(fd, sectionBytes(data), layout.head.length + layout.infos[i]!.offset));
    ftruncateSync(fd, layout.byteLength); // the last section's zero padding
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the inputs into a builder and writes its catalogue to `path`; the builder, and all it holds, is gone once this
 * returns. Word-pair counts spill to `runs`, the papers read and their words to `chunkSpill`.
 */
async function buildToFile(
  args: BuildArgs,
  spill: { runs: KeyRunStore; chunkSpill: NonNullable<BuildOptions['chunkSpill']>; chunkFile: (store: 'papers' | 'words') => ChunkFileImage | undefined },
  path: string,
  log: (line: string) => void,
  progress: BuildProgress,
): Promise<Omit<ReadInputs, 'builder'> & { counts: BuildCounts; version: string; paperCount: number; dataStart: number; layer?: BuildReport['layer'] }> {
  const below = args.onTopOf ? catalogueBelow(args.onTopOf) : undefined;
  const builder = new CatalogueBuilder({
    source: args.inputs.map((p) => basename(p)).join(', '),
    ...(below ? { layerOf: below } : {}),
    pairSpill: { budgetKeys: args.pairKeysInMemory ?? PAIR_KEYS_IN_MEMORY, store: spill.runs },
    chunkSpill: spill.chunkSpill,
    spillChunkBytes: args.spillChunkBytes,
    withAbstracts: args.withAbstracts,
    predictCategory: categoryPredictor(args.categoryModel ?? SHIPPED_CATEGORY_MODEL),
    onProgress: (stage, done, total) => (stage === 'packing' ? progress('packing', builder.size) : progress(BUILDER_STAGES[stage], done, total)),
  });
  const { read, rejected, filter, limitReached } = await readInputs(args, builder, log, progress);
  // The text sections need only the papers' records: a second thread makes them while this one learns the vocabulary.
  const chunked = builder.chunkedPapers();
  const papersFile = spill.chunkFile('papers');
  const textThread = chunked && papersFile ? textSectionsInThread(chunked, papersFile, args.withAbstracts) : undefined;
  let built: ReturnType<CatalogueBuilder['assembleSections']>;
  try {
    const made = builder.termSections();
    progress('packing', builder.size);
    let texts: PaperTextSections | undefined;
    try {
      texts = await textThread?.sections;
    } catch (error) {
      log(`the text sections' thread failed (${(error as Error).message}): they are made in the main thread`);
    }
    built = builder.assembleSections(made, texts ?? builder.textSections());
  } finally {
    await textThread?.stop();
  }
  const { header, sections } = built;
  // Checked as the worker will read it, from the sections in memory (no packed copy): a bad artifact is never written.
  const layout = packedLayout({ ...header }, sections);
  const data = new CatalogueData({
    header: { ...header, sections: layout.infos },
    loaded: new Map(sections.map(([name, section]) => [name, sectionBytes(section)])),
    load: async () => undefined,
  });
  data.verify();
  data.validate();
  writePackedFile(path, layout, sections);
  const layer = data.header.layerOf ? { layerOf: data.header.layerOf, replaced: data.sectionBytes(SUPERSEDES_SECTION).byteLength / 4 } : undefined;
  return {
    read,
    rejected,
    filter,
    limitReached,
    counts: { ...builder.counts },
    version: data.version,
    paperCount: data.paperCount,
    dataStart: layout.head.length,
    ...(layer ? { layer } : {}),
  };
}

/** The catalogue a layer goes on top of: a packed file and the layers already on it, read as one. */
function catalogueBelow(files: readonly string[]): CatalogueView {
  const parts = files.map((file) => {
    try {
      return readCatalogue(new Uint8Array(readFileSync(file)));
    } catch (error) {
      throw new Error(`--on-top-of ${file}: ${(error as Error).message}`);
    }
  });
  const below = parts.length === 1 ? parts[0]! : new LayeredCatalogue(parts);
  if (!canLayerOn(below.header)) throw new Error(`--on-top-of ${files[0]}: it was built with another topic table; build the whole catalogue again instead`);
  return below;
}

/** The content hash of a packed catalogue file's sections (what its version names), from `dataStart`, 4 MB at a time. */
function fileContentHash(path: string, dataStart: number): string {
  const fd = openSync(path, 'r');
  try {
    const block = new Uint8Array(4 * 2 ** 20);
    const hash = new ContentHash();
    for (let at = dataStart, n = readAllAt(fd, block, at); n > 0; at += n, n = readAllAt(fd, block, at)) hash.update(block.subarray(0, n));
    return hash.digest();
  } finally {
    closeSync(fd);
  }
}

export async function buildCatalogueFiles(args: BuildArgs, log: (line: string) => void = () => undefined, progress: BuildProgress = () => undefined): Promise<BuildReport> {
  useShippedTopicModel();
  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const runs = fileKeyRunStore();
  // The papers read and their words, past a few MB, wait in files here between the build's passes.
  const scratch = mkdtempSync(join(tmpdir(), 'paperscope-build-'));
  const spills = new Map<'papers' | 'words', ReturnType<typeof fileChunkSpill>>();
  mkdirSync(args.outDir, { recursive: true });
  const outFile = resolve(join(args.outDir, CATALOGUE_FILE));
  const partFile = `${outFile}.part`;
  try {
    const built = await buildToFile(
      args,
      {
        runs,
        chunkSpill: (store) => {
          const chunks = fileChunkSpill(scratch, store);
          spills.set(store, chunks);
          return chunks;
        },
        chunkFile: (store) => spills.get(store)?.image(),
      },
      partFile,
      log,
      progress,
    );
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    // What reached the disk is what was checked: its sections hash to the version (read back a few MB at a time).
    if (fileContentHash(partFile, built.dataStart) !== built.version)
      throw new Error(`${partFile} does not hold what was written (its contents do not match version ${built.version})`);
    renameSync(partFile, outFile);
    // A small file the worker bundles, so it knows the seed's version without reading the whole catalogue.
    writeFileSync(join(args.outDir, 'version.json'), `${JSON.stringify({ version: built.version, paperCount: built.paperCount })}\n`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const { read, rejected, filter, limitReached, counts } = built;
    return {
      read,
      added: counts.added,
      merged: counts.merged,
      predicted: counts.predicted,
      rejected,
      ...(filter.isEmpty ? {} : { dropped: { ...filter.counts } }),
      ...(limitReached ? { limitReached } : {}),
      paperCount: built.paperCount,
      bytes: statSync(outFile).size,
      version: built.version,
      seconds: (performance.now() - started) / 1000,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      outFile,
      ...(built.layer ? { layer: built.layer } : {}),
    };
  } finally {
    clearInterval(sample);
    // A failed build leaves no temporary files either.
    runs.dispose();
    for (const spill of spills.values()) spill.close();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(partFile, { force: true });
  }
}

/** "dropped 12 by --category, 3 before --since, 0 after --until, 1 with no date". */
export function droppedText(d: FilterCounts): string {
  return `dropped ${d.category} by --category, ${d.since} before --since, ${d.until} after --until, ${d.noDate} with no date`;
}

export function describeReport(r: BuildReport): string[] {
  const filtered = r.dropped ? `, ${droppedText(r.dropped)}, kept ${r.dropped.kept}` : '';
  const lines = [
    ...(r.limitReached ? [`kept the first ${r.limitReached.limit} papers (--limit): stopped reading after ${r.limitReached.file}:${r.limitReached.line}`] : []),
    `read ${r.read} records${filtered}, merged ${r.merged} duplicates, rejected ${r.rejected.length}, wrote ${r.paperCount} papers`,
    ...(r.predicted ? [`${r.predicted} papers named no category: each got its predicted one, marked as predicted`] : []),
    `${r.outFile}: version ${r.version}, ${r.bytes} bytes (${Math.round(r.bytes / r.paperCount)} bytes per paper)`,
    ...(r.layer ? [`an update for catalogue ${r.layer.layerOf}: it replaces ${r.layer.replaced} of its papers; add it with "Merge into it" in the options page`] : []),
    `took ${r.seconds.toFixed(1)} s, peak memory ${r.peakRssMb} MB`,
  ];
  for (const x of r.rejected.slice(0, 20)) lines.push(`rejected ${x.file}:${x.line}: ${x.reason}`);
  if (r.rejected.length > 20) lines.push(`… and ${r.rejected.length - 20} more rejected`);
  return lines;
}
