// Bytes appended in chunks of a few MB, addressed by place. With a spill, each chunk goes to it once full and comes
// back when read (the last few read stay loaded, enough for reads in order), so memory holds a few chunks however many
// bytes are appended: how a build keeps a million papers' words and records off the heap.

/** Where full chunks go and come back from (the CLI's are temporary files). */
export interface ChunkSpill {
  save(index: number, bytes: Uint8Array): void;
  load(index: number): Uint8Array;
}

/** What a reader in another thread needs of ByteChunks: the chunks still in memory (undefined where the spill holds them). */
export interface ByteChunksImage {
  chunkBytes: number;
  held: Array<Uint8Array | undefined>;
}

export const CHUNK_BYTES = 16 * 2 ** 20;
/** A place is its chunk times this plus its offset in the chunk (a chunk is never this long). */
const CHUNK_SPAN = 2 ** 32;
/** Spilled chunks kept loaded at once: reads in order need one, a merged paper's later record a second. */
const LOADED_CHUNKS = 3;

export class ByteChunks {
  private readonly chunks: Array<Uint8Array | undefined> = [];
  /** Spilled chunks now loaded, oldest first. */
  private readonly loaded: number[] = [];
  private used: number;

  constructor(
    private readonly spill?: ChunkSpill,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    this.used = chunkBytes; // no chunk yet: the first write starts one
  }

  /** A read-only copy over the same spill (in another thread, a spill that reads the same file). */
  static fromImage(image: ByteChunksImage, spill?: ChunkSpill): ByteChunks {
    const chunks = new ByteChunks(spill, image.chunkBytes);
    chunks.chunks.push(...image.held);
    return chunks;
  }

  /** Every chunk but the last has gone to the spill, if there is one; the rest are handed over as they are. */
  image(): ByteChunksImage {
    const last = this.chunks.length - 1;
    return { chunkBytes: this.chunkBytes, held: this.chunks.map((chunk, i) => (this.spill && i < last ? undefined : chunk)) };
  }

  /** Room for at most `most` bytes at the end: write them into `chunk` from `at`, then call `wrote(end)`. */
  room(most: number): { chunk: Uint8Array; at: number; place: number } {
    if (this.used + most > this.chunkBytes) {
      const last = this.chunks.length - 1;
      if (this.spill && last >= 0) {
        this.spill.save(last, this.chunks[last]!.subarray(0, this.used));
        this.chunks[last] = undefined;
      }
      this.chunks.push(new Uint8Array(Math.max(this.chunkBytes, most)));
      this.used = 0;
    }
    const index = this.chunks.length - 1;
    return { chunk: this.chunks[index]!, at: this.used, place: index * CHUNK_SPAN + this.used };
  }

  /** Ends a write begun with room(): `end` is where it stopped in the chunk. */
  wrote(end: number): void {
    this.used = end;
  }

  /** The chunk holding `place` and the offset of `place` in it. */
  at(place: number): [chunk: Uint8Array, offset: number] {
    const index = Math.floor(place / CHUNK_SPAN);
    const chunk = this.chunks[index] ?? this.load(index);
    return [chunk, place % CHUNK_SPAN];
  }

  /** Bytes held in memory (whole chunks). */
  get byteSize(): number {
    return this.chunks.reduce((sum, chunk) => sum + (chunk?.length ?? 0), 0);
  }

  private load(index: number): Uint8Array {
    if (!this.spill || index < 0 || index >= this.chunks.length) throw new RangeError(`no chunk ${index}`);
    const chunk = this.spill.load(index);
    this.chunks[index] = chunk;
    this.loaded.push(index);
    if (this.loaded.length > LOADED_CHUNKS) this.chunks[this.loaded.shift()!] = undefined;
    return chunk;
  }
}
