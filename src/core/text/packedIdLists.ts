// Lists of word ids kept packed while a catalogue is built: each list as varints (one byte an id below 128, two below
// 16,384, three below 2,097,152), appended to chunks of a few MB (spilled to files in a large build, see ByteChunks).
// A million papers' words take about a third of what a Uint32Array a paper takes, and no object a paper.
import { ByteChunks, type ChunkSpill } from './byteChunks.ts';

export class PackedIdLists {
  private readonly bytes: ByteChunks;

  constructor(spill?: ChunkSpill, chunkBytes?: number) {
    this.bytes = new ByteChunks(spill, chunkBytes);
  }

  /** Appends a list of ids (non-negative integers below 2^32); answers its place, for read(). */
  add(ids: ArrayLike<number>): number {
    const { chunk, at: start, place } = this.bytes.room(5 * (ids.length + 1));
    let at = writeVarint(chunk, start, ids.length);
    for (let k = 0; k < ids.length; k++) at = writeVarint(chunk, at, ids[k]!);
    this.bytes.wrote(at);
    return place;
  }

  /** The list at `place` (from add), decoded into `into` when it is large enough (a view of it), else into a new array. */
  read(place: number, into?: Uint32Array): Uint32Array {
    const [chunk, start] = this.bytes.at(place);
    let at = start;
    let length = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const b = chunk[at++]!;
      length += (b & 0x7f) * scale;
      if (b < 0x80) break;
    }
    const out = into && into.length >= length ? into.subarray(0, length) : new Uint32Array(length);
    for (let k = 0; k < length; k++) {
      let value = chunk[at++]!;
      if (value >= 0x80) {
        value &= 0x7f;
        for (let scale = 0x80; ; scale *= 0x80) {
          const b = chunk[at++]!;
          value += (b & 0x7f) * scale;
          if (b < 0x80) break;
        }
      }
      out[k] = value;
    }
    return out;
  }

  /** Bytes held in memory (whole chunks). */
  get byteSize(): number {
    return this.bytes.byteSize;
  }
}

function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    bytes[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  bytes[at++] = v;
  return at;
}
