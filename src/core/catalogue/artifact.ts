// The catalogue artifact: what a packed catalogue holds, and reading it back (lazily, section by section).
import type { CataloguePaper, TopicTag } from '../paper.ts';
import { ContentHash } from '../hash.ts';
import { calibratedConfidence } from '../categories/calibration.ts';
import { isoDatePrefix } from './formats/common.ts';
import { normalizeTitle } from '../identity/titles.ts';
import { HashLookup, keyCheckOf, LineLookup, lineOffsets, lineOffsetsProblem, lineTableProblem, lineTableShapeProblem } from './lineIndex.ts';
import { decodeLines, hashSections, holdsLines, isIndex, PackedFormatError, unpackSections, view, type SectionInfo } from './packed.ts';
import { checkRecord, decodeAllRecords, decodeRecord, frontDecode, type PaperTexts, readIdentity } from './textCoding.ts';
import { readVectorRecord } from './vectorCoding.ts';

const textDecoder = new TextDecoder();

export const CATALOGUE_FORMAT = 'paperscope-catalogue';
/**
 * 3: each paper's key, DOI, title and authors in one record ("texts", "textOffsets", word dictionary "words"); vectors
 * as variable-length Rice-coded records ("vectors", "vectorOffsets"); keys, DOIs and normalized titles looked up through
 * fingerprinted tables checked against the record; one-byte category and topic ids when their tables are small; the
 * vocabulary ("terms") front-coded. Since 2026-12-05 a paper's key also has a 32-bit check ("keyChecks", optional: a key
 * table hit is confirmed by it without the record, so a waking worker leaves the records unread).
 * 2: every text as lines, vectors fixed-width. Both are read, so catalogues installed before keep working.
 */
export const CATALOGUE_FORMAT_VERSION = 3;
const READABLE_VERSIONS: readonly number[] = [2, CATALOGUE_FORMAT_VERSION];
export const CATALOGUE_FILE = 'catalogue.psc';
/** Unused slots in fixed-width per-paper arrays. */
export const NONE16 = 0xffff;
/** Unused slots in format 3's one-byte id arrays. */
export const NONE8 = 0xff;

/** Whether format 3 stores ids into a table of this size in one byte each (categoryIds, topicIds). */
export function idsFitOneByte(tableSize: number): boolean {
  return tableSize < NONE8;
}

export interface CatalogueHeader {
  format: typeof CATALOGUE_FORMAT;
  formatVersion: number;
  /** Content hash: the same papers give the same version. */
  version: string;
  /** Where the papers came from, in words. */
  source: string;
  paperCount: number;
  hasAbstracts: boolean;
  vocabularySize: number;
  /** Format 3: the words of section "words", the dictionary of "texts". */
  wordCount?: number;
  /** Terms kept per paper vector (fixed width; unused slots are NONE16). */
  vectorTerms: number;
  /** How vector weights are stored. */
  quantization: 'uint8, scaled per paper';
  topicsPerPaper: number;
  categoriesPerPaper: number;
  /** Topic index → id and label, as tagged at build time. */
  topics: Array<{ id: string; label: string }>;
  /** Category index → arXiv code. */
  categories: string[];
  categoryLabels: string[];
  /**
   * Whether section "categoryPredicted" marks the papers whose category the builder predicted from their text (their
   * source named none). Catalogues written before it have no such papers and leave it out.
   */
  predictedCategories?: boolean;
  /**
   * When its newest paper appeared (ISO `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the sources say no more): what the
   * catalogue is up to date with. Taken from the papers, not the clock, so the same input still gives the same bytes.
   * Left out when no paper has a date or year, and by catalogues written before it.
   */
  newestPaperDate?: string;
  /**
   * An update's layer (src/core/catalogue/layered.ts): the version of the catalogue it was built against and goes on top
   * of (its vocabulary, idf, topics and categories are that one's). Left out by a catalogue that stands alone.
   */
  layerOf?: string;
  /** Whether the looked-up section "pmids" holds the papers' PubMed ids ('' for none); left out when no paper has one. */
  hasPmids?: boolean;
  sections: SectionInfo[];
}

export class CatalogueError extends Error {}

/** A section was read before it was loaded: a reader must await `ensureSections` with it first (a bug, not damage). */
export class SectionNotLoaded extends CatalogueError {
  constructor(readonly section: string) {
    super(`The catalogue's "${section}" section is not loaded yet: await ensureSections(["${section}"]) before reading it.`);
  }
}

/**
 * A stored catalogue read a section at a time (src/db/catalogueStore.ts): its header, the sections read so far, and
 * how to read more. `load` adds the named sections to `loaded`.
 */
export interface SectionSource {
  header: CatalogueHeader;
  loaded: Map<string, Uint8Array>;
  load(names: readonly string[]): Promise<void>;
}

/** Sections looked up through a hash table: the lines, their offsets (`…Offsets`) and the table (`…Table`). */
const LOOKED_UP = ['keys', 'normTitles', 'dois'] as const;
/** Format 3's tables over values kept inside each paper's record (or derived from it): fingerprinted, no lines. */
const RECORD_TABLES = ['keysTable', 'normTitlesTable', 'doisTable'] as const;
/** Keys confirmed by lookups, kept to answer a matched paper's key (lineOf) without its record; a listing holds far fewer. */
const CONFIRMED_KEYS_KEPT = 50_000;
/** Papers checked between the points where a sliced validation may pause (a few ms of work). */
const VALIDATION_STEP = 2048;
/** Bytes hashed between the points where a sliced check may pause. */
const HASH_STEP_BYTES = 4 * 2 ** 20;
/** A looked-up section; "pmids" only in catalogues whose header says hasPmids. */
export type LookedUpSection = (typeof LOOKED_UP)[number] | 'pmids';
/** The widest fixed-width per-paper array a catalogue may declare. */
const MAX_WIDTH = 1024;
/** Ids are Uint16 with NONE16 for an empty slot, so a table (topics, categories, terms) has at most this many. */
const MAX_TABLE = NONE16;

const isText = (x: unknown): x is string => typeof x === 'string';

/** What is wrong with a header's counts and tables, if anything (O(topics + categories)). */
function headerProblem(h: CatalogueHeader): string | undefined {
  if (!isIndex(h.paperCount) || h.paperCount >= 0xffffffff) return 'its paper count is not a whole number of papers';
  if (!isIndex(h.vocabularySize) || h.vocabularySize >= MAX_TABLE) return 'its vocabulary size is impossible';
  for (const [name, width] of [
    ['vectorTerms', h.vectorTerms],
    ['topicsPerPaper', h.topicsPerPaper],
    ['categoriesPerPaper', h.categoriesPerPaper],
  ] as const) {
    if (!isIndex(width) || width < 1 || width > MAX_WIDTH) return `its "${name}" is not between 1 and ${MAX_WIDTH}`;
  }
  if (typeof h.hasAbstracts !== 'boolean' || !isText(h.version) || !isText(h.source)) return 'its header is incomplete';
  if (!Array.isArray(h.topics) || h.topics.length >= MAX_TABLE || !h.topics.every((t) => isText(t?.id) && isText(t?.label))) {
    return 'its topic table is not readable';
  }
  if (!Array.isArray(h.categories) || h.categories.length >= MAX_TABLE || !h.categories.every(isText)) return 'its category table is not readable';
  if (!Array.isArray(h.categoryLabels) || h.categoryLabels.length !== h.categories.length || !h.categoryLabels.every(isText)) {
    return 'its category labels do not match its categories';
  }
  if (h.formatVersion >= 3 && (!isIndex(h.wordCount) || h.wordCount >= 0xffffffff)) return 'its word count is impossible';
  if (h.hasPmids !== undefined && typeof h.hasPmids !== 'boolean') return 'its header is incomplete';
  if (h.layerOf !== undefined && !isText(h.layerOf)) return 'the catalogue it updates is not named';
  if (h.newestPaperDate !== undefined && !(isText(h.newestPaperDate) && isoDatePrefix(h.newestPaperDate) === h.newestPaperDate)) {
    return 'its newest paper date is not a date';
  }
  return undefined;
}

/** The first id in a fixed-width id array that is neither NONE16 nor below `limit`, as an index, or -1. */
function idPastTable(ids: Uint16Array, limit: number): number {
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (id >= limit && id !== NONE16) return j;
  }
  return -1;
}

/** The first value that is negative or not finite, as an index, or -1. */
function notFinite(values: Float32Array): number {
  for (let j = 0; j < values.length; j++) {
    const v = values[j]!;
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) return j;
  }
  return -1;
}

/** A catalogue read back from its packed bytes. String sections are decoded on first use. */
export class CatalogueData {
  readonly header: CatalogueHeader;
  readonly paperCount: number;
  /** Whether key lookups are confirmed by each paper's key check (format 3 since it has them) rather than its record. */
  private readonly hasKeyChecks: boolean;
  readonly years: Uint16Array;
  readonly categoryIds: Uint16Array;
  /** Per paper: 0 when its categories came from its source, else the predicted category's probability in 1/255ths. */
  readonly categoryPredicted: Uint8Array | undefined;
  readonly topicIds: Uint16Array;
  readonly topicConfidence: Uint8Array;
  /** Papers a later update layer replaced (src/core/catalogue/layered.ts): none in a catalogue read alone. */
  readonly hiddenCount: number = 0;
  /** Whether a later update layer replaced paper i: never in a catalogue read alone. */
  isHidden(_i: number): boolean {
    return false;
  }
  private readonly section: (name: string) => Uint8Array;
  /** The packed file's section bytes, when read from one (undefined when read section by section). */
  private readonly data: Uint8Array | undefined;
  private readonly packed: Uint8Array | undefined;
  private readonly source: SectionSource | undefined;
  private readonly lineCache = new Map<string, string[]>();
  // The vectors and the vocabulary's weights are read on first use (a stored catalogue loads them when asked).
  private vectorScalesView: Float32Array | undefined;
  private idfView: Float32Array | undefined;

  /** From a packed file's bytes, or from a stored catalogue's sections (the per-paper tag arrays loaded). */
  constructor(from: Uint8Array | SectionSource) {
    let unpacked: { header: CatalogueHeader; section(name: string): Uint8Array; data?: Uint8Array };
    if (from instanceof Uint8Array) {
      try {
        unpacked = unpackSections<CatalogueHeader>(from);
      } catch (error) {
        throw new CatalogueError(`This file is not a Paperscope catalogue (${(error as Error).message}).`);
      }
      this.packed = from;
    } else {
      this.source = from;
      const listed = new Set((Array.isArray(from.header.sections) ? from.header.sections : []).map((info) => info.name));
      unpacked = {
        header: from.header,
        section: (name) => {
          const bytes = from.loaded.get(name);
          if (bytes) return bytes;
          if (listed.has(name)) throw new SectionNotLoaded(name);
          throw new PackedFormatError(`the "${name}" section is missing`);
        },
      };
    }
    const h = unpacked.header;
    if (h.format !== CATALOGUE_FORMAT) throw new CatalogueError('This file is not a Paperscope catalogue.');
    if (!READABLE_VERSIONS.includes(h.formatVersion)) {
      throw new CatalogueError(`This catalogue has format version ${String(h.formatVersion)}; this Paperscope reads versions ${READABLE_VERSIONS.join(' and ')}.`);
    }
    const headerWrong = headerProblem(h);
    if (headerWrong) throw new CatalogueError(`This catalogue is damaged: ${headerWrong}.`);
    this.header = h;
    this.paperCount = h.paperCount;
    this.hasKeyChecks = h.formatVersion >= 3 && h.sections.some((info) => info.name === 'keyChecks');
    this.section = unpacked.section;
    this.data = unpacked.data;
    // The wake path: every section there and of the right size, each table probe-able (O(1) per section). The
    // contents are checked by validate(), once, when the file is imported. Read section by section, only the loaded
    // ones are checked now, the others as they are loaded (ensureSections).
    try {
      this.years = this.typed('years', Uint16Array);
      this.categoryIds = this.ids('categoryIds', h.categories.length);
      this.categoryPredicted = h.predictedCategories === true ? this.section('categoryPredicted') : undefined;
      this.topicIds = this.ids('topicIds', h.topics.length);
      this.topicConfidence = this.section('topicConfidence');
      this.checkLoaded();
    } catch (error) {
      if (error instanceof SectionNotLoaded) throw error;
      throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
    }
  }

  /** Per-paper (or per-term) arrays, their entry type and the entries the header says they hold. */
  private sizedSections(): Array<[string, Parameters<typeof view>[1] | typeof Uint8Array, number]> {
    const h = this.header;
    const n = h.paperCount;
    // Format 3 keeps category and topic ids in a byte each when their tables are small enough.
    const idType = (tableSize: number) => (this.compact && idsFitOneByte(tableSize) ? Uint8Array : Uint16Array);
    const sized: Array<[string, Parameters<typeof view>[1] | typeof Uint8Array, number]> = [
      ['years', Uint16Array, n],
      ['categoryIds', idType(h.categories.length), n * h.categoriesPerPaper],
      ['topicIds', idType(h.topics.length), n * h.topicsPerPaper],
      ['topicConfidence', Uint8Array, n * h.topicsPerPaper],
      ['vectorScales', Float32Array, n],
      ['idf', Float32Array, h.vocabularySize],
    ];
    if (this.compact) sized.push(['textOffsets', Uint32Array, n + 1], ['vectorOffsets', Uint32Array, n + 1]);
    else sized.push(['vectorIds', Uint16Array, n * h.vectorTerms], ['vectorWeights', Uint8Array, n * h.vectorTerms]);
    if (h.predictedCategories === true) sized.push(['categoryPredicted', Uint8Array, n]);
    if (this.hasKeyChecks) sized.push(['keyChecks', Uint32Array, n]);
    for (const name of this.lookedUp()) sized.push([`${name}Offsets`, Uint32Array, n + 1]);
    return sized;
  }

  /**
   * The cheap checks (sizes against the header, tables probe-able, records' offsets ending where their records do) of
   * the sections at hand; with `only`, of those that involve one of these sections (just loaded).
   */
  private checkLoaded(only?: ReadonlySet<string>): void {
    const involves = (...names: string[]) => names.every((name) => this.isLoaded(name)) && (!only || names.some((name) => only.has(name)));
    for (const [name, Type, expected] of this.sizedSections()) {
      if (!involves(name)) continue;
      const actual = this.typed(name, Type).length;
      if (actual !== expected) throw new PackedFormatError(`section "${name}" has ${actual} entries, expected ${expected}`);
    }
    const tables = [...this.lookedUp().map((name) => `${name}Table`), ...(this.compact ? RECORD_TABLES : [])];
    for (const table of tables) {
      if (!involves(table)) continue;
      const shape = lineTableShapeProblem(this.typed(table, Uint32Array));
      if (shape) throw new PackedFormatError(`section "${table}" ${shape}`);
    }
    if (!this.compact) return;
    for (const [records, offsets] of [
      ['texts', 'textOffsets'],
      ['vectors', 'vectorOffsets'],
    ] as const) {
      if (!involves(records, offsets)) continue;
      const at = this.typed(offsets, Uint32Array);
      if (at[this.paperCount] !== this.section(records).length) throw new PackedFormatError(`section "${offsets}" does not end at the end of "${records}"`);
    }
  }

  /** Whether a section's bytes are at hand (always, for a packed file). */
  isLoaded(name: string): boolean {
    if (!this.source) return true;
    return this.source.loaded.has(name);
  }

  /** Every section the catalogue holds, in the packed file's order. */
  get sectionNames(): string[] {
    return this.header.sections.map((info) => info.name);
  }

  /** One section's bytes, as stored (to store it again). */
  sectionBytes(name: string): Uint8Array {
    return this.section(name);
  }

  /** All the sections' bytes together. */
  get byteSize(): number {
    return this.packed?.byteLength ?? this.header.sections.reduce((sum, info) => sum + info.byteLength, 0);
  }

  /** The packed file; only a catalogue read from one has it. */
  get bytes(): Uint8Array {
    if (!this.packed) throw new CatalogueError('This catalogue was read section by section: it has no packed file.');
    return this.packed;
  }

  private readonly loading = new Map<string, Promise<void>>();

  /**
   * Loads these sections when they are not yet (names the catalogue does not have, such as "abstracts" without
   * abstracts, are skipped), and checks their sizes against the header: await it before reading them.
   */
  async ensureSections(names: readonly string[]): Promise<void> {
    const source = this.source;
    if (!source) return;
    const listed = new Set(this.sectionNames);
    const wanted = names.filter((name) => listed.has(name) && !source.loaded.has(name));
    if (wanted.length === 0) return;
    const fresh = wanted.filter((name) => !this.loading.has(name));
    if (fresh.length > 0) {
      const loaded = source.load(fresh).then(() => {
        try {
          this.checkLoaded(new Set(fresh));
        } catch (error) {
          for (const name of fresh) source.loaded.delete(name);
          throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
        }
      });
      // A failed load may be tried again.
      const settled = loaded.finally(() => fresh.forEach((name) => this.loading.delete(name)));
      fresh.forEach((name) => this.loading.set(name, settled));
    }
    await Promise.all(wanted.map((name) => this.loading.get(name)));
    for (const name of wanted) if (!source.loaded.has(name)) throw new SectionNotLoaded(name);
  }

  get vectorScales(): Float32Array {
    this.vectorScalesView ??= this.typed('vectorScales', Float32Array);
    return this.vectorScalesView;
  }

  get idf(): Float32Array {
    this.idfView ??= this.typed('idf', Float32Array);
    return this.idfView;
  }

  /**
   * A fixed-width id array as Uint16 with NONE16 for an empty slot. Format 3 stores one byte an id (NONE8 empty) when
   * the table has fewer than NONE8 entries, and the reader widens it: a few ms at a million papers.
   */
  private ids(name: 'categoryIds' | 'topicIds', tableSize: number): Uint16Array {
    if (!this.compact || !idsFitOneByte(tableSize)) return this.typed(name, Uint16Array);
    const narrow = this.section(name);
    const wide = new Uint16Array(narrow.length);
    for (let j = 0; j < narrow.length; j++) wide[j] = narrow[j] === NONE8 ? NONE16 : narrow[j]!;
    return wide;
  }

  /** A typed view of a section whose length is a whole number of entries. */
  private typed<T extends Uint16Array | Uint32Array | Float32Array>(name: string, Type: Parameters<typeof view<T>>[1] | typeof Uint8Array): T {
    const bytes = this.section(name);
    if (Type === Uint8Array) return bytes as unknown as T;
    if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new PackedFormatError(`section "${name}" ends inside an entry`);
    return view(bytes, Type as Parameters<typeof view<T>>[1]);
  }

  /** Format 3 and later: word-coded texts, variable-length vectors, normalized titles by hash only. */
  get compact(): boolean {
    return this.header.formatVersion >= 3;
  }

  /** The sections this catalogue looks up by value through lines of their own ("normTitles" in format 2 only). */
  private lookedUp(): readonly LookedUpSection[] {
    const kept = this.compact ? [] : LOOKED_UP;
    return this.header.hasPmids === true ? [...kept, 'pmids'] : kept;
  }

  /** The sections of plain lines, one per paper (or per term, or per dictionary word). */
  private lineSections(): Array<'titles' | 'authors' | 'abstracts' | 'terms' | 'words'> {
    const texts = this.compact ? (['words'] as const) : (['titles', 'authors'] as const);
    return this.header.hasAbstracts ? [...texts, 'abstracts', 'terms'] : [...texts, 'terms'];
  }

  /** How many lines a line section holds. */
  private lineCount(name: 'titles' | 'authors' | 'abstracts' | 'terms' | 'words' | 'keys' | 'normTitles' | 'dois'): number {
    if (name === 'terms') return this.header.vocabularySize;
    if (name === 'words') return this.header.wordCount ?? 0;
    return this.paperCount;
  }

  /**
   * Checks every section against the header, for a file from elsewhere (an import): each line section holds one line
   * per paper (per term for "terms"); line offsets rise and fall on line breaks; every hash table names papers that
   * exist, none twice, and keeps a free slot; topic, category and term ids are within their tables; weights are
   * finite. Linear in the file's size; throws CatalogueError naming the section.
   */
  validate(): void {
    for (const _ of this.validationSteps());
  }

  /**
   * verify() then validate(), in slices of about `sliceMs`, the event loop free between them: an import writes the
   * sections while it checks them (the switch to the catalogue waits for both).
   */
  async checkInSlices(sliceMs = 25): Promise<void> {
    let sliceStart = performance.now();
    for (const _ of this.checkSteps()) {
      if (performance.now() - sliceStart < sliceMs) continue;
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }

  /** verify()'s hash then validate()'s checks, in steps. */
  private *checkSteps(): Generator<void> {
    yield* this.verificationSteps();
    yield* this.validationSteps();
  }

  /** verify() a few MB at a time. */
  private *verificationSteps(): Generator<void> {
    let hash: string;
    if (this.data) {
      const { data } = this;
      const content = new ContentHash();
      for (let at = 0; at < data.length; at += HASH_STEP_BYTES) {
        content.update(data.subarray(at, Math.min(data.length, at + HASH_STEP_BYTES)));
        yield;
      }
      hash = content.digest();
    } else hash = hashSections(this.sectionNames.map((name) => [name, this.section(name)]));
    if (hash !== this.header.version) throw new CatalogueError('This catalogue is damaged: its contents do not match its version.');
  }

  /** validate()'s checks, yielding every few thousand papers (where a sliced run may pause). */
  private *validationSteps(): Generator<void> {
    const h = this.header;
    const n = this.paperCount;
    const fail = (name: string, problem: string): never => {
      throw new CatalogueError(`This catalogue is damaged: section "${name}" ${problem}.`);
    };
    for (const name of this.lookedUp()) {
      const bytes = this.section(name);
      if (!holdsLines(bytes, n)) fail(name, `does not hold one line per paper (${n})`);
      const offsets = lineOffsetsProblem(bytes, view(this.section(`${name}Offsets`), Uint32Array), n);
      if (offsets) fail(`${name}Offsets`, offsets);
      const table = lineTableProblem(view(this.section(`${name}Table`), Uint32Array), n);
      if (table) fail(`${name}Table`, table);
    }
    for (const name of this.lineSections()) {
      const count = this.lineCount(name);
      const per = name === 'terms' ? 'vocabulary term' : name === 'words' ? 'dictionary word' : 'paper';
      if (!holdsLines(this.section(name), count)) fail(name, `does not hold ${count} lines (one per ${per})`);
    }
    if (this.compact) yield* this.validateRecords(fail);
    const ids: Array<[string, Uint16Array, number, string]> = [
      ['topicIds', this.topicIds, h.topics.length, 'topic'],
      ['categoryIds', this.categoryIds, h.categories.length, 'category'],
      ...(this.compact ? [] : [['vectorIds', this.vectorIds, h.vocabularySize, 'vocabulary term'] as [string, Uint16Array, number, string]]),
    ];
    for (const [name, array, limit, what] of ids) {
      const at = idPastTable(array, limit);
      if (at >= 0) fail(name, `names ${what} ${array[at]} at entry ${at}, past the ${limit} in its ${what === 'vocabulary term' ? 'vocabulary' : `${what} table`}`);
    }
    if (this.sectionNames.includes('supersedes')) {
      if (this.section('supersedes').byteLength % Uint32Array.BYTES_PER_ELEMENT !== 0) fail('supersedes', 'ends inside an entry');
      if (h.layerOf === undefined) fail('supersedes', 'is in a catalogue that updates none');
    }
    for (const [name, values] of [
      ['vectorScales', this.vectorScales],
      ['idf', this.idf],
    ] as const) {
      const at = notFinite(values);
      if (at >= 0) fail(name, `has an impossible weight at entry ${at}`);
    }
  }

  /** Format 3's records: offsets that never fall, every text and vector record decodable alone, the title table sound. */
  private *validateRecords(fail: (name: string, problem: string) => never): Generator<void> {
    const n = this.paperCount;
    for (const name of ['textOffsets', 'vectorOffsets'] as const) {
      const offsets = view(this.section(name), Uint32Array);
      if (offsets[0] !== 0) fail(name, 'does not start at the first record');
      for (let i = 0; i < n; i++) if (offsets[i + 1]! < offsets[i]!) fail(name, `entry ${i + 1} is before entry ${i}`);
    }
    this.lines('terms'); // front-coded: every line must say what it shares with the line before
    const words = this.lines('words');
    const texts = this.section('texts');
    const textOffsets = view(this.section('textOffsets'), Uint32Array);
    const checks = this.hasKeyChecks ? this.typed('keyChecks', Uint32Array) : undefined;
    const scratch = new Uint8Array(32);
    for (let i = 0; i < n; i++) {
      let check: number;
      try {
        check = checkRecord(texts, textOffsets[i]!, textOffsets[i + 1]!, words.length, scratch);
      } catch (error) {
        fail('texts', `cannot be read at paper ${i}: ${(error as Error).message}`);
      }
      if (checks && checks[i] !== check) fail('keyChecks', `does not check paper ${i}'s key`);
      if (i % VALIDATION_STEP === 0) yield;
    }
    const K = this.header.vectorTerms;
    const ids = new Uint16Array(K);
    const weights = new Uint8Array(K);
    const vectors = this.section('vectors');
    const vectorOffsets = view(this.section('vectorOffsets'), Uint32Array);
    for (let i = 0; i < n; i++) {
      try {
        readVectorRecord(vectors, vectorOffsets[i]!, vectorOffsets[i + 1]!, K, this.header.vocabularySize, ids, weights);
      } catch (error) {
        fail('vectors', `cannot be read at paper ${i}: ${(error as Error).message}`);
      }
      if (i % VALIDATION_STEP === 0) yield;
    }
    for (const name of RECORD_TABLES) {
      const table = lineTableProblem(view(this.section(name), Uint32Array), n, true);
      if (table) fail(name, table);
    }
  }

  /** Checks the content hash (the version) against the bytes: catches damage anywhere, at a cost linear in size. */
  verify(): void {
    for (const _ of this.verificationSteps());
  }

  get version(): string {
    return this.header.version;
  }

  private readonly lookups = new Map<string, LineLookup | HashLookup>();

  /** Papers whose key, normalized title, DOI or PubMed id is exactly `value`, found without decoding the section. */
  find(name: LookedUpSection, value: string): number[] {
    if (name === 'pmids' && this.header.hasPmids !== true) return [];
    let lookup = this.lookups.get(name);
    if (!lookup && name !== 'pmids' && this.compact) {
      const checks = name === 'keys' && this.hasKeyChecks ? this.typed('keyChecks', Uint32Array) : undefined;
      const matches = checks
        ? (i: number, value: string) => checks[i] === keyCheckOf(value)
        : name === 'normTitles'
          ? (i: number, value: string) => normalizeTitle(this.titleOf(i)) === value
          : (i: number, value: string) => this.identityOf(i)[name === 'keys' ? 'key' : 'doi'] === value;
      const table = this.section(`${name}Table`); // outside the try: a section not loaded yet is no damage
      try {
        lookup = new HashLookup(view(table, Uint32Array), this.paperCount, matches);
      } catch (error) {
        throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
      }
      this.lookups.set(name, lookup);
    }
    if (!lookup) {
      const [lines, offsets, table] = [this.section(name), this.section(`${name}Offsets`), this.section(`${name}Table`)];
      try {
        lookup = new LineLookup(lines, view(offsets, Uint32Array), view(table, Uint32Array));
      } catch (error) {
        throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
      }
      this.lookups.set(name, lookup);
    }
    const found = lookup.find(value);
    if (name === 'keys' && this.hasKeyChecks) {
      if (this.confirmedKeys.size >= CONFIRMED_KEYS_KEPT) this.confirmedKeys.clear();
      for (const i of found) this.confirmedKeys.set(i, value);
    }
    return found;
  }

  /** Keys that key lookups found, by paper: a matched paper's key without reading its record. */
  private readonly confirmedKeys = new Map<number, string>();

  /** One paper's line of a looked-up section, decoded alone. */
  lineOf(name: LookedUpSection, i: number): string {
    if (name === 'pmids' && this.header.hasPmids !== true) return '';
    const cached = this.lineCache.get(name);
    if (cached) return cached[i]!;
    if (name === 'keys' && this.confirmedKeys.has(i)) return this.confirmedKeys.get(i)!;
    if (name === 'normTitles' && this.compact) return normalizeTitle(this.titleOf(i));
    if (name !== 'pmids' && this.compact) return this.identityOf(i)[name === 'keys' ? 'key' : 'doi'];
    const offsets = view(this.section(`${name}Offsets`), Uint32Array);
    return textDecoder.decode(this.section(name).subarray(offsets[i]!, offsets[i + 1]! - 1));
  }

  private readonly offsetCache = new Map<string, Uint32Array>();

  /**
   * One paper's line of a section, decoded alone: for a few hundred lines of a section nothing has decoded whole (the
   * authors of the papers that calibrate the interest model), where decoding all 100k lines costs tens of ms in a worker
   * just woken. The section's line starts are found once, by one scan for line breaks.
   */
  lineAt(name: 'titles' | 'authors', i: number): string {
    const cached = this.lineCache.get(name);
    if (cached) return cached[i]!;
    if (this.compact) return name === 'titles' ? this.titleOf(i) : this.textsOf(i).authors;
    const bytes = this.section(name);
    let offsets = this.offsetCache.get(name);
    if (!offsets) {
      offsets = lineOffsets(bytes, this.paperCount);
      this.offsetCache.set(name, offsets);
    }
    return textDecoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]! - 1));
  }

  /** One string per paper (or per term, for "terms"), decoded once. */
  lines(name: 'keys' | 'titles' | 'normTitles' | 'authors' | 'dois' | 'abstracts' | 'terms' | 'words'): string[] {
    let lines = this.lineCache.get(name);
    if (!lines && this.compact && (name === 'titles' || name === 'authors' || name === 'normTitles' || name === 'keys' || name === 'dois')) {
      lines = this.decodedTexts(name);
    }
    if (!lines) {
      const count = this.lineCount(name);
      const bytes = this.section(name);
      try {
        lines = decodeLines(bytes, count);
        if (name === 'terms' && this.compact) {
          try {
            lines = frontDecode(lines);
          } catch (error) {
            throw new PackedFormatError(`section "terms" is not front-coded: ${(error as Error).message}`);
          }
        }
      } catch (error) {
        throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
      }
      this.lineCache.set(name, lines);
    }
    return lines;
  }

  /** Format 3: every paper's key, DOI, title and authors, decoded in one pass; normalized titles from the titles. */
  private decodedTexts(name: 'titles' | 'authors' | 'normTitles' | 'keys' | 'dois'): string[] {
    if (name === 'normTitles') {
      const normalized = this.lines('titles').map(normalizeTitle);
      this.lineCache.set(name, normalized);
      return normalized;
    }
    const wordBytes = this.section('words');
    const [texts, textOffsets] = [this.section('texts'), this.section('textOffsets')];
    let columns: Record<'keys' | 'dois' | 'titles' | 'authors', string[]>;
    try {
      columns = decodeAllRecords(texts, view(textOffsets, Uint32Array), this.paperCount, wordBytes, lineOffsets(wordBytes, this.header.wordCount ?? 0));
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: section "texts" ${(error as Error).message}.`);
    }
    for (const [column, lines] of Object.entries(columns)) this.lineCache.set(column, lines);
    return columns[name];
  }

  /** Format 3: paper i's record decoded alone (its authors left '' when `titleOnly`). */
  private textsOf(i: number, titleOnly = false): PaperTexts {
    const offsets = view(this.section('textOffsets'), Uint32Array);
    const [texts, words] = [this.section('texts'), this.lines('words')];
    try {
      return decodeRecord(texts, offsets[i]!, offsets[i + 1]!, words, titleOnly);
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: section "texts" ${(error as Error).message}.`);
    }
  }

  /** Format 3: paper i's key and DOI, read from its record without decoding a word (what a lookup checks). */
  private identityOf(i: number): { key: string; doi: string } {
    const offsets = view(this.section('textOffsets'), Uint32Array);
    const texts = this.section('texts');
    try {
      return readIdentity(texts, offsets[i]!, offsets[i + 1]!);
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: section "texts" ${(error as Error).message}.`);
    }
  }

  /** Paper i's title, decoded alone (from the lines when decoded already). */
  titleOf(i: number): string {
    const cached = this.lineCache.get('titles');
    if (cached) return cached[i]!;
    return this.compact ? this.textsOf(i, true).title : this.lineAt('titles', i);
  }

  private fixedVectors: { ids: Uint16Array; weights: Uint8Array } | undefined;

  /**
   * Every paper's vector in fixed-width slots (vectorTerms a paper, unused ones NONE16): format 2 stores them so, format
   * 3's records are expanded on first use (the related index and category votes read them all).
   */
  private fixed(): { ids: Uint16Array; weights: Uint8Array } {
    if (this.fixedVectors) return this.fixedVectors;
    const K = this.header.vectorTerms;
    if (!this.compact) {
      this.fixedVectors = { ids: this.typed('vectorIds', Uint16Array), weights: this.section('vectorWeights') };
      return this.fixedVectors;
    }
    const ids = new Uint16Array(this.paperCount * K).fill(NONE16);
    const weights = new Uint8Array(this.paperCount * K);
    const records = this.section('vectors');
    const offsets = view(this.section('vectorOffsets'), Uint32Array);
    try {
      for (let i = 0; i < this.paperCount; i++) readVectorRecord(records, offsets[i]!, offsets[i + 1]!, K, this.header.vocabularySize, ids, weights, i * K);
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: section "vectors" ${(error as Error).message}.`);
    }
    this.fixedVectors = { ids, weights };
    return this.fixedVectors;
  }

  /** Term ids of every paper's vector, vectorTerms slots a paper, unused slots NONE16. */
  get vectorIds(): Uint16Array {
    return this.fixed().ids;
  }

  /** Quantized weights beside vectorIds (scaled by vectorScales[i] / 255). */
  get vectorWeights(): Uint8Array {
    return this.fixed().weights;
  }

  /**
   * Writes every paper's vector into fixed-width slots of arrays shared with other catalogues (a catalogue with its
   * update layers), from slot `at` on; the arrays' slots must be NONE16 where a vector has no term.
   */
  expandVectorsInto(ids: Uint16Array, weights: Uint8Array, at: number): void {
    if (this.fixedVectors || !this.compact) {
      const fixed = this.fixed();
      ids.set(fixed.ids, at);
      weights.set(fixed.weights, at);
      return;
    }
    const K = this.header.vectorTerms;
    const records = this.section('vectors');
    const offsets = view(this.section('vectorOffsets'), Uint32Array);
    try {
      for (let i = 0; i < this.paperCount; i++) readVectorRecord(records, offsets[i]!, offsets[i + 1]!, K, this.header.vocabularySize, ids, weights, at + i * K);
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: section "vectors" ${(error as Error).message}.`);
    }
  }

  /** Paper i's vector alone (term ids ascending, quantized weights), without expanding every paper's. */
  vectorOf(i: number): { ids: Uint16Array; weights: Uint8Array } {
    const K = this.header.vectorTerms;
    if (this.fixedVectors || !this.compact) {
      const { ids, weights } = this.fixed();
      let count = 0;
      while (count < K && ids[i * K + count] !== NONE16) count++;
      return { ids: ids.subarray(i * K, i * K + count), weights: weights.subarray(i * K, i * K + count) };
    }
    const ids = new Uint16Array(K);
    const weights = new Uint8Array(K);
    const offsets = view(this.section('vectorOffsets'), Uint32Array);
    const vectors = this.section('vectors');
    let count: number;
    try {
      count = readVectorRecord(vectors, offsets[i]!, offsets[i + 1]!, K, this.header.vocabularySize, ids, weights);
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: section "vectors" ${(error as Error).message}.`);
    }
    return { ids: ids.subarray(0, count), weights: weights.subarray(0, count) };
  }

  tagsOf(i: number): TopicTag[] {
    const tags: TopicTag[] = [];
    const per = this.header.topicsPerPaper;
    for (let j = i * per; j < (i + 1) * per; j++) {
      const t = this.topicIds[j]!;
      if (t === NONE16) break;
      const topic = this.header.topics[t];
      if (!topic) continue; // an id past the table: validate() refuses it at import; never let it take the badge down
      tags.push({ id: topic.id, label: topic.label, confidence: this.topicConfidence[j]! / 255, terms: [], facet: 'topic' });
    }
    const primary = this.categoryIds[i * this.header.categoriesPerPaper]!;
    if (primary !== undefined && primary < this.header.categories.length) {
      const tag: TopicTag = { id: this.header.categories[primary]!, label: this.header.categoryLabels[primary]!, confidence: 1, terms: [], facet: 'category' };
      const predicted = this.predictedShare(i);
      // The builder stores the learned model's own probability; shown as how often such predictions were right.
      if (predicted > 0) Object.assign(tag, { confidence: Math.round(calibratedConfidence('learned', predicted) * 100) / 100, predicted: true });
      tags.push(tag);
    }
    return tags;
  }

  /** The probability of paper i's predicted category (0..1), or 0 when its source named its categories. */
  predictedShare(i: number): number {
    return (this.categoryPredicted?.[i] ?? 0) / 255;
  }

  categoriesOf(i: number): string[] {
    const per = this.header.categoriesPerPaper;
    const out: string[] = [];
    for (let j = i * per; j < (i + 1) * per; j++) {
      const c = this.categoryIds[j]!;
      if (c === NONE16) break;
      if (c < this.header.categories.length) out.push(this.header.categories[c]!);
    }
    return out;
  }

  paper(i: number): CataloguePaper {
    const { key, title, authors, doi } =
      this.compact && !this.lineCache.has('titles')
        ? this.textsOf(i)
        : { key: this.lineOf('keys', i), title: this.lines('titles')[i]!, authors: this.lines('authors')[i]!, doi: this.lineOf('dois', i) };
    const paper: CataloguePaper = {
      key,
      title: title!,
      authors: authors ? authors.split('; ') : [],
      categories: this.categoriesOf(i),
      abstract: this.header.hasAbstracts ? this.lines('abstracts')[i]! : '',
      tags: this.tagsOf(i),
    };
    if (key.startsWith('arxiv:')) paper.arxivId = key.slice(6);
    if (doi) paper.doi = doi;
    const pmid = this.lineOf('pmids', i);
    if (pmid) paper.pmid = pmid;
    if (this.years[i]) paper.year = this.years[i];
    return paper;
  }
}

/**
 * What the worker's features read of a catalogue: one catalogue (CatalogueData), or one with its update layers on top
 * (src/core/catalogue/layered.ts).
 */
export type CatalogueView = Pick<
  CatalogueData,
  | 'header'
  | 'paperCount'
  | 'version'
  | 'years'
  | 'categoryIds'
  | 'categoryPredicted'
  | 'topicIds'
  | 'topicConfidence'
  | 'idf'
  | 'vectorScales'
  | 'vectorIds'
  | 'vectorWeights'
  | 'ensureSections'
  | 'isLoaded'
  | 'sectionNames'
  | 'verify'
  | 'hiddenCount'
  | 'isHidden'
  | 'find'
  | 'lineOf'
  | 'lineAt'
  | 'lines'
  | 'titleOf'
  | 'vectorOf'
  | 'tagsOf'
  | 'predictedShare'
  | 'categoriesOf'
  | 'paper'
>;

/** A stored catalogue read section by section (the sections in `source.loaded` now, more on ensureSections). */
export function catalogueFromSections(source: SectionSource): CatalogueData {
  return new CatalogueData(source);
}

/** Reads packed catalogue bytes; throws CatalogueError in words a researcher understands. */
export function readCatalogue(bytes: Uint8Array): CatalogueData {
  return new CatalogueData(bytes);
}
