// The catalogue artifact: what a packed catalogue holds, and reading it back (lazily, section by section).
import type { CataloguePaper, TopicTag } from '../paper.ts';
import { hashBytes } from '../hash.ts';
import { LineLookup } from './lineIndex.ts';
import { decodeLines, PackedFormatError, unpackSections, view, type SectionInfo } from './packed.ts';

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
  sections: SectionInfo[];
}

export class CatalogueError extends Error {}

/** A catalogue read back from its packed bytes. String sections are decoded on first use. */
export class CatalogueData {
  readonly header: CatalogueHeader;
  readonly paperCount: number;
  readonly years: Uint16Array;
  readonly categoryIds: Uint16Array;
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
    this.header = h;
    this.paperCount = h.paperCount;
    this.section = unpacked.section;
    this.data = unpacked.data;
    try {
      const n = h.paperCount;
      this.years = view(this.section('years'), Uint16Array);
      this.categoryIds = view(this.section('categoryIds'), Uint16Array);
      this.topicIds = view(this.section('topicIds'), Uint16Array);
      this.topicConfidence = this.section('topicConfidence');
      this.vectorIds = view(this.section('vectorIds'), Uint16Array);
      this.vectorWeights = this.section('vectorWeights');
      this.vectorScales = view(this.section('vectorScales'), Float32Array);
      this.idf = view(this.section('idf'), Float32Array);
      const sizes: Array<[string, number, number]> = [
        ['years', this.years.length, n],
        ['categoryIds', this.categoryIds.length, n * h.categoriesPerPaper],
        ['topicIds', this.topicIds.length, n * h.topicsPerPaper],
        ['vectorIds', this.vectorIds.length, n * h.vectorTerms],
        ['vectorWeights', this.vectorWeights.length, n * h.vectorTerms],
        ['vectorScales', this.vectorScales.length, n],
        ['idf', this.idf.length, h.vocabularySize],
      ];
      for (const [name, actual, expected] of sizes) {
        if (actual !== expected) throw new PackedFormatError(`section "${name}" has ${actual} entries, expected ${expected}`);
      }
    } catch (error) {
      throw new CatalogueError(`This catalogue is damaged: ${(error as Error).message}.`);
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

  /** Papers whose key, normalized title or DOI is exactly `value`, found without decoding the section. */
  find(name: 'keys' | 'normTitles' | 'dois', value: string): number[] {
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
  lineOf(name: 'keys' | 'normTitles' | 'dois', i: number): string {
    const cached = this.lineCache.get(name);
    if (cached) return cached[i]!;
    const offsets = view(this.section(`${name}Offsets`), Uint32Array);
    return textDecoder.decode(this.section(name).subarray(offsets[i]!, offsets[i + 1]! - 1));
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
      const topic = this.header.topics[t]!;
      tags.push({ id: topic.id, label: topic.label, confidence: this.topicConfidence[j]! / 255, terms: [], facet: 'topic' });
    }
    const primary = this.categoryIds[i * this.header.categoriesPerPaper]!;
    if (primary !== NONE16) {
      tags.push({ id: this.header.categories[primary]!, label: this.header.categoryLabels[primary]!, confidence: 1, terms: [], facet: 'category' });
    }
    return tags;
  }

  categoriesOf(i: number): string[] {
    const per = this.header.categoriesPerPaper;
    const out: string[] = [];
    for (let j = i * per; j < (i + 1) * per; j++) {
      const c = this.categoryIds[j]!;
      if (c === NONE16) break;
      out.push(this.header.categories[c]!);
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
    if (this.years[i]) paper.year = this.years[i];
    return paper;
  }
}

/** Reads packed catalogue bytes; throws CatalogueError in words a researcher understands. */
export function readCatalogue(bytes: Uint8Array): CatalogueData {
  return new CatalogueData(bytes);
}
