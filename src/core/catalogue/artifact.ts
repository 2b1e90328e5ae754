// The catalogue artifact: what a packed catalogue holds, and reading it back (lazily, section by section).
import type { CataloguePaper, TopicTag } from '../paper.ts';
import { hashBytes } from '../hash.ts';
import { isoDatePrefix } from './formats/common.ts';
import { LineLookup, lineOffsets, lineOffsetsProblem, lineTableProblem, lineTableShapeProblem } from './lineIndex.ts';
import { decodeLines, hashSections, holdsLines, isIndex, PackedFormatError, unpackSections, view, type SectionInfo } from './packed.ts';

const textDecoder = new TextDecoder();

export const CATALOGUE_FORMAT = 'paperscope-catalogue';
export const CATALOGUE_FORMAT_VERSION = 2;
export const CATALOGUE_FILE = 'catalogue.psc';
/** Unused slots in fixed-width per-paper arrays. */
export const NONE16 = 0xffff;

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
  if (h.hasPmids !== undefined && typeof h.hasPmids !== 'boolean') return 'its header is incomplete';
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
  readonly years: Uint16Array;
  readonly categoryIds: Uint16Array;
  /** Per paper: 0 when its categories came from its source, else the predicted category's probability in 1/255ths. */
  readonly categoryPredicted: Uint8Array | undefined;
  readonly topicIds: Uint16Array;
  readonly topicConfidence: Uint8Array;
  private readonly section: (name: string) => Uint8Array;
  /** The packed file's section bytes, when read from one (undefined when read section by section). */
  private readonly data: Uint8Array | undefined;
  private readonly packed: Uint8Array | undefined;
  private readonly source: SectionSource | undefined;
  private readonly lineCache = new Map<string, string[]>();
  // The vectors and the vocabulary's weights are read on first use (a stored catalogue loads them when asked).
  private vectorIdsView: Uint16Array | undefined;
  private vectorWeightsView: Uint8Array | undefined;
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
    if (h.formatVersion !== CATALOGUE_FORMAT_VERSION) {
      throw new CatalogueError(`This catalogue has format version ${String(h.formatVersion)}; this Paperscope reads version ${CATALOGUE_FORMAT_VERSION}.`);
    }
    const headerWrong = headerProblem(h);
    if (headerWrong) throw new CatalogueError(`This catalogue is damaged: ${headerWrong}.`);
    this.header = h;
    this.paperCount = h.paperCount;
    this.section = unpacked.section;
    this.data = unpacked.data;
    // The wake path: every section there and of the right size, each table probe-able (O(1) per section). The
    // contents are checked by validate(), once, when the file is imported. Read section by section, only the loaded
    // ones are checked now, the others as they are loaded (ensureSections).
    try {
      this.years = this.typed('years', Uint16Array);
      this.categoryIds = this.typed('categoryIds', Uint16Array);
      this.categoryPredicted = h.predictedCategories === true ? this.section('categoryPredicted') : undefined;
      this.topicIds = this.typed('topicIds', Uint16Array);
      this.topicConfidence = this.section('topicConfidence');
      const sized = this.sizedSections();
      for (const [name, Type] of sized) if (this.isLoaded(name)) this.typed(name, Type);
      for (const name of this.lookedUp()) {
        if (this.isLoaded(name)) this.section(name);
        if (this.isLoaded(`${name}Table`)) this.tableChecked(name);
      }
      for (const [name, , expected] of sized) if (this.isLoaded(name)) this.countChecked(name, expected);
      for (const name of this.lineSections()) if (this.isLoaded(name)) this.section(name);
    } catch (error) {
      if (error instanceof SectionNotLoaded) throw error;
      throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
    }
  }

  /** Per-paper (or per-term) arrays, their entry type and the entries the header says they hold. */
  private sizedSections(): Array<[string, Parameters<typeof view>[1] | typeof Uint8Array, number]> {
    const h = this.header;
    const n = h.paperCount;
    const sized: Array<[string, Parameters<typeof view>[1] | typeof Uint8Array, number]> = [
      ['years', Uint16Array, n],
      ['categoryIds', Uint16Array, n * h.categoriesPerPaper],
      ['topicIds', Uint16Array, n * h.topicsPerPaper],
      ['topicConfidence', Uint8Array, n * h.topicsPerPaper],
      ['vectorIds', Uint16Array, n * h.vectorTerms],
      ['vectorWeights', Uint8Array, n * h.vectorTerms],
      ['vectorScales', Float32Array, n],
      ['idf', Float32Array, h.vocabularySize],
    ];
    if (h.predictedCategories === true) sized.push(['categoryPredicted', Uint8Array, n]);
    for (const name of this.lookedUp()) sized.push([`${name}Offsets`, Uint32Array, n + 1]);
    return sized;
  }

  private countChecked(name: string, expected: number): void {
    const [, Type] = this.sizedSections().find(([sized]) => sized === name)!;
    const actual = this.section(name).byteLength / Type.BYTES_PER_ELEMENT;
    if (actual !== expected) throw new PackedFormatError(`section "${name}" has ${actual} entries, expected ${expected}`);
  }

  private tableChecked(name: string): void {
    const shape = lineTableShapeProblem(this.typed(`${name}Table`, Uint32Array));
    if (shape) throw new PackedFormatError(`section "${name}Table" ${shape}`);
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
          const sized = this.sizedSections();
          for (const name of fresh) {
            const entry = sized.find(([s]) => s === name);
            if (entry) this.countChecked(name, entry[2]);
            if (name.endsWith('Table')) this.tableChecked(name.slice(0, -'Table'.length));
          }
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

  /** Term ids of each paper's vector (vectorTerms a paper; NONE16 for unused slots). */
  get vectorIds(): Uint16Array {
    this.vectorIdsView ??= this.typed('vectorIds', Uint16Array);
    return this.vectorIdsView;
  }

  get vectorWeights(): Uint8Array {
    this.vectorWeightsView ??= this.section('vectorWeights');
    return this.vectorWeightsView;
  }

  get vectorScales(): Float32Array {
    this.vectorScalesView ??= this.typed('vectorScales', Float32Array);
    return this.vectorScalesView;
  }

  get idf(): Float32Array {
    this.idfView ??= this.typed('idf', Float32Array);
    return this.idfView;
  }

  /** A typed view of a section whose length is a whole number of entries. */
  private typed<T extends Uint16Array | Uint32Array | Float32Array>(name: string, Type: Parameters<typeof view<T>>[1] | typeof Uint8Array): T {
    const bytes = this.section(name);
    if (Type === Uint8Array) return bytes as unknown as T;
    if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new PackedFormatError(`section "${name}" ends inside an entry`);
    return view(bytes, Type as Parameters<typeof view<T>>[1]);
  }

  /** The sections this catalogue looks up by value. */
  private lookedUp(): readonly LookedUpSection[] {
    return this.header.hasPmids === true ? [...LOOKED_UP, 'pmids'] : LOOKED_UP;
  }

  /** The sections of plain lines, one per paper (or per term). */
  private lineSections(): Array<'titles' | 'authors' | 'abstracts' | 'terms'> {
    return this.header.hasAbstracts ? ['titles', 'authors', 'abstracts', 'terms'] : ['titles', 'authors', 'terms'];
  }

  /**
   * Checks every section against the header, for a file from elsewhere (an import): each line section holds one line
   * per paper (per term for "terms"); line offsets rise and fall on line breaks; every hash table names papers that
   * exist, none twice, and keeps a free slot; topic, category and term ids are within their tables; weights are
   * finite. Linear in the file's size; throws CatalogueError naming the section.
   */
  validate(): void {
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
      const count = name === 'terms' ? h.vocabularySize : n;
      if (!holdsLines(this.section(name), count)) fail(name, `does not hold ${count} lines (one per ${name === 'terms' ? 'vocabulary term' : 'paper'})`);
    }
    const ids: Array<[string, Uint16Array, number, string]> = [
      ['topicIds', this.topicIds, h.topics.length, 'topic'],
      ['categoryIds', this.categoryIds, h.categories.length, 'category'],
      ['vectorIds', this.vectorIds, h.vocabularySize, 'vocabulary term'],
    ];
    for (const [name, array, limit, what] of ids) {
      const at = idPastTable(array, limit);
      if (at >= 0) fail(name, `names ${what} ${array[at]} at entry ${at}, past the ${limit} in its ${what === 'vocabulary term' ? 'vocabulary' : `${what} table`}`);
    }
    for (const [name, values] of [
      ['vectorScales', this.vectorScales],
      ['idf', this.idf],
    ] as const) {
      const at = notFinite(values);
      if (at >= 0) fail(name, `has an impossible weight at entry ${at}`);
    }
  }

  /** Checks the content hash (the version) against the bytes: catches damage anywhere, at a cost linear in size. */
  verify(): void {
    const hash = this.data ? hashBytes(this.data) : hashSections(this.sectionNames.map((name) => [name, this.section(name)]));
    if (hash !== this.header.version) throw new CatalogueError('This catalogue is damaged: its contents do not match its version.');
  }

  get version(): string {
    return this.header.version;
  }

  private readonly lookups = new Map<string, LineLookup>();

  /** Papers whose key, normalized title, DOI or PubMed id is exactly `value`, found without decoding the section. */
  find(name: LookedUpSection, value: string): number[] {
    if (name === 'pmids' && this.header.hasPmids !== true) return [];
    let lookup = this.lookups.get(name);
    if (!lookup) {
      const [lines, offsets, table] = [this.section(name), this.section(`${name}Offsets`), this.section(`${name}Table`)];
      try {
        lookup = new LineLookup(lines, view(offsets, Uint32Array), view(table, Uint32Array));
      } catch (error) {
        throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
      }
      this.lookups.set(name, lookup);
    }
    return lookup.find(value);
  }

  /** One paper's line of a looked-up section, decoded alone. */
  lineOf(name: LookedUpSection, i: number): string {
    if (name === 'pmids' && this.header.hasPmids !== true) return '';
    const cached = this.lineCache.get(name);
    if (cached) return cached[i]!;
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
    const bytes = this.section(name);
    let offsets = this.offsetCache.get(name);
    if (!offsets) {
      offsets = lineOffsets(bytes, this.paperCount);
      this.offsetCache.set(name, offsets);
    }
    return textDecoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]! - 1));
  }

  /** One string per paper (or per term, for "terms"), decoded once. */
  lines(name: 'keys' | 'titles' | 'normTitles' | 'authors' | 'dois' | 'abstracts' | 'terms'): string[] {
    let lines = this.lineCache.get(name);
    if (!lines) {
      const count = name === 'terms' ? this.header.vocabularySize : this.paperCount;
      const bytes = this.section(name);
      try {
        lines = decodeLines(bytes, count);
      } catch (error) {
        throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
      }
      this.lineCache.set(name, lines);
    }
    return lines;
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
      if (predicted > 0) Object.assign(tag, { confidence: Math.round(predicted * 100) / 100, predicted: true });
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
    const key = this.lineOf('keys', i);
    const authors = this.lines('authors')[i]!;
    const doi = this.lineOf('dois', i);
    const paper: CataloguePaper = {
      key,
      title: this.lines('titles')[i]!,
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

/** A stored catalogue read section by section (the sections in `source.loaded` now, more on ensureSections). */
export function catalogueFromSections(source: SectionSource): CatalogueData {
  return new CatalogueData(source);
}

/** Reads packed catalogue bytes; throws CatalogueError in words a researcher understands. */
export function readCatalogue(bytes: Uint8Array): CatalogueData {
  return new CatalogueData(bytes);
}
