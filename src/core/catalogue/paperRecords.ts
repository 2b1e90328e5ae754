// The papers a build has read, kept until it packs them: in an array, or (a large build) as records in byte chunks that
// spill to files, so a million papers cost no heap beyond their places.
import { ByteChunks, type ByteChunksImage, type ChunkSpill } from '../text/byteChunks.ts';

/** A paper as the builder keeps it between reading and packing. */
export interface StoredPaper {
  key: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  doi: string;
  /** PubMed id, '' when the source gave none. */
  pmid: string;
  year: number;
  /** ISO, as precise as the source says (see isoDatePrefix); '' when it gives none. */
  date: string;
}

export interface PaperRecords {
  readonly size: number;
  /** Whether the papers live on the heap, so that dropping an abstract frees memory. */
  readonly onHeap: boolean;
  push(paper: StoredPaper): void;
  /** Paper `index`; the caller may read it, not change it. */
  get(index: number): StoredPaper;
  /** Replaces paper `index` (a later record of the same paper). */
  set(index: number, paper: StoredPaper): void;
  /** Paper `index` no longer needs its abstract (tagged, and the catalogue keeps none): memory may let it go. */
  dropAbstract(index: number): void;
}

/** Every paper an object in an array: the fastest, for catalogues that fit in memory. */
export class PaperList implements PaperRecords {
  private readonly papers: StoredPaper[] = [];
  readonly onHeap = true;

  get size(): number {
    return this.papers.length;
  }
  push(paper: StoredPaper): void {
    this.papers.push(paper);
  }
  get(index: number): StoredPaper {
    return this.papers[index]!;
  }
  set(index: number, paper: StoredPaper): void {
    this.papers[index] = paper;
  }
  dropAbstract(index: number): void {
    this.papers[index]!.abstract = '';
  }
}

/** PaperChunks as another thread reads them: the records' places and their chunks. */
export interface PaperChunksImage {
  places: Float64Array;
  bytes: ByteChunksImage;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Every paper a JSON record (its UTF-8 length in 4 bytes, then the text) in chunks that spill when full: a paper read
 * again is decoded again, which a build does three times a paper. A changed paper gets a new record at the end.
 */
export class PaperChunks implements PaperRecords {
  private readonly bytes: ByteChunks;
  private places = new Float64Array(1024);
  private count = 0;
  readonly onHeap = false;
  /** The paper pushed or set last, as given: what a build reads right after adding it. */
  private last: { index: number; paper: StoredPaper } | undefined;

  constructor(spill?: ChunkSpill, chunkBytes?: number, image?: PaperChunksImage) {
    this.bytes = image ? ByteChunks.fromImage(image.bytes, spill) : new ByteChunks(spill, chunkBytes);
    if (image) {
      this.places = new Float64Array(image.places);
      this.count = image.places.length;
    }
  }

  /** The papers of `image`, read-only, their spilled chunks read back through `spill`. */
  static fromImage(image: PaperChunksImage, spill?: ChunkSpill): PaperChunks {
    return new PaperChunks(spill, undefined, image);
  }

  /** What a reader in another thread needs (see fromImage); the papers stay usable here. */
  image(): PaperChunksImage {
    return { places: this.places.slice(0, this.count), bytes: this.bytes.image() };
  }

  get size(): number {
    return this.count;
  }

  push(paper: StoredPaper): void {
    if (this.count === this.places.length) {
      const grown = new Float64Array(this.places.length * 2);
      grown.set(this.places);
      this.places = grown;
    }
    this.count++;
    this.set(this.count - 1, paper);
  }

  get(index: number): StoredPaper {
    if (this.last?.index === index) return this.last.paper;
    if (index < 0 || index >= this.count) throw new RangeError(`no paper ${index}`);
    const [chunk, at] = this.bytes.at(this.places[index]!);
    const length = chunk[at]! | (chunk[at + 1]! << 8) | (chunk[at + 2]! << 16) | (chunk[at + 3]! * 2 ** 24);
    const [key, title, abstract, authors, categories, doi, pmid, year, date] = JSON.parse(decoder.decode(chunk.subarray(at + 4, at + 4 + length)));
    return { key, title, abstract, authors, categories, doi, pmid, year, date };
  }

  set(index: number, paper: StoredPaper): void {
    const { key, title, abstract, authors, categories, doi, pmid, year, date } = paper;
    const json = JSON.stringify([key, title, abstract, authors, categories, doi, pmid, year, date]);
    const { chunk, at, place } = this.bytes.room(4 + json.length * 3);
    const { written } = encoder.encodeInto(json, chunk.subarray(at + 4));
    chunk[at] = written & 0xff;
    chunk[at + 1] = (written >>> 8) & 0xff;
    chunk[at + 2] = (written >>> 16) & 0xff;
    chunk[at + 3] = written >>> 24;
    this.bytes.wrote(at + 4 + written);
    this.places[index] = place;
    this.last = { index, paper };
  }

  dropAbstract(): void {
    // A record is written once, and lives in a chunk (a file, once spilled), not on the heap.
  }
}
