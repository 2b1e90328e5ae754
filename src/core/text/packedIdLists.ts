// Lists of word ids kept packed while a catalogue is built: each list as varints (one byte an id below 128, two below
// 16,384, three below 2,097,152), appended to chunks of a few MB. A million papers' words take about a third of what a
// Uint32Array a paper takes, and no object a paper.

const CHUNK_BYTES = 16 * 2 ** 20;
/** A list's place: its chunk times this plus its offset in the chunk (a chunk is never this long). */
const CHUNK_SPAN = 2 ** 32;

export class PackedIdLists {
  private readonly chunks: Uint8Array[] = [];
  private used = CHUNK_BYTES; // no chunk yet: the first add starts one

  /** Appends a list of ids (non-negative integers below 2^32); answers its place, for read(). */
  add(ids: ArrayLike<number>): number {
    const most = 5 * (ids.length + 1);
    if (this.used + most > CHUNK_BYTES) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK_BYTES, most)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const place = (this.chunks.length - 1) * CHUNK_SPAN + this.used;
    let at = writeVarint(chunk, this.used, ids.length);
    for (let k = 0; k < ids.length; k++) at = writeVarint(chunk, at, ids[k]!);
    this.used = at;
    return place;
  }

  /** The list at `place` (from add), decoded into `into` when it is large enough (a view of it), else into a new array. */
  read(place: number, into?: Uint32Array): Uint32Array {
    const chunk = this.chunks[Math.floor(place / CHUNK_SPAN)];
    if (!chunk) throw new RangeError(`no list at ${place}`);
    let at = place % CHUNK_SPAN;
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

  /** Bytes held (whole chunks). */
  get byteSize(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
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
