// The catalogue artifact: what a packed catalogue holds, and reading it back (lazily, section by section).
import type { CataloguePaper, TopicTag } from '../paper.ts';
import { hashBytes } from '../hash.ts';
import { isoDatePrefix } from './formats/common.ts';
import { LineLookup, lineOffsets, lineOffsetsProblem, lineTableProblem, lineTableShapeProblem } from './lineIndex.ts';
import { decodeLines, holdsLines, isIndex, PackedFormatError, unpackSections, view, type SectionInfo } from './packed.ts';

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
  readonly vectorIds: Uint16Array;
  readonly vectorWeights: Uint8Array;
  readonly vectorScales: Float32Array;
  readonly idf: Float32Array;
  private readonly section: (name: string) => Uint8Array;
  private readonly data: Uint8Array;
  private readonly lineCache = new Map<string, string[]>();

  constructor(readonly bytes: Uint8Array) {
    let unpacked;
    try {
      unpacked = unpackSections<CatalogueHeader>(bytes);
    } catch (error) {
      throw new CatalogueError(`This file is not a Paperscope catalogue (${(error as Error).message}).`);
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
    // contents are checked by validate(), once, when the file is imported.
    try {
      const n = h.paperCount;
      this.years = this.typed('years', Uint16Array);
      this.categoryIds = this.typed('categoryIds', Uint16Array);
      this.categoryPredicted = h.predictedCategories === true ? this.section('categoryPredicted') : undefined;
      this.topicIds = this.typed('topicIds', Uint16Array);
      this.topicConfidence = this.section('topicConfidence');
      this.vectorIds = this.typed('vectorIds', Uint16Array);
      this.vectorWeights = this.section('vectorWeights');
      this.vectorScales = this.typed('vectorScales', Float32Array);
      this.idf = this.typed('idf', Float32Array);
      const sizes: Array<[string, number, number]> = [
        ['years', this.years.length, n],
        ['categoryIds', this.categoryIds.length, n * h.categoriesPerPaper],
        ['topicIds', this.topicIds.length, n * h.topicsPerPaper],
        ['topicConfidence', this.topicConfidence.length, n * h.topicsPerPaper],
        ['vectorIds', this.vectorIds.length, n * h.vectorTerms],
        ['vectorWeights', this.vectorWeights.length, n * h.vectorTerms],
        ['vectorScales', this.vectorScales.length, n],
        ['idf', this.idf.length, h.vocabularySize],
      ];
      if (this.categoryPredicted) sizes.push(['categoryPredicted', this.categoryPredicted.length, n]);
      for (const name of this.lookedUp()) {
        this.section(name);
        sizes.push([`${name}Offsets`, this.typed(`${name}Offsets`, Uint32Array).length, n + 1]);
        const shape = lineTableShapeProblem(this.typed(`${name}Table`, Uint32Array));
        if (shape) throw new PackedFormatError(`section "${name}Table" ${shape}`);
      }
      for (const [name, actual, expected] of sizes) {
        if (actual !== expected) throw new PackedFormatError(`section "${name}" has ${actual} entries, expected ${expected}`);
      }
      for (const name of this.lineSections()) this.section(name);
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
    }
  }

  /** A typed view of a section whose length is a whole number of entries. */
  private typed<T extends Uint16Array | Uint32Array | Float32Array>(name: string, Type: Parameters<typeof view<T>>[1]): T {
    const bytes = this.section(name);
    if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new PackedFormatError(`section "${name}" ends inside an entry`);
    return view(bytes, Type);
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
    if (hashBytes(this.data) !== this.header.version) throw new CatalogueError('This catalogue is damaged: its contents do not match its version.');
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
      try {
        lookup = new LineLookup(this.section(name), view(this.section(`${name}Offsets`), Uint32Array), view(this.section(`${name}Table`), Uint32Array));
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
      try {
        lines = decodeLines(this.section(name), count);
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

/** Reads packed catalogue bytes; throws CatalogueError in words a researcher understands. */
export function readCatalogue(bytes: Uint8Array): CatalogueData {
  return new CatalogueData(bytes);
}
