// A paper's sparse vector as a short record: its term ids ascending as varint gaps, then one weight byte per term.
// A paper with few terms (a title without its abstract) takes only the bytes it needs, and each paper decodes alone.
import type { ByteWriter } from './packed.ts';
import { writeVarint } from './textCoding.ts';

export class VectorCodingError extends Error {}

/** Appends one paper's record: `ids` strictly ascending, `weights` the same length. */
export function writeVectorRecord(out: ByteWriter, ids: ArrayLike<number>, weights: ArrayLike<number>): void {
  writeVarint(out, ids.length);
  let previous = -1;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (id <= previous) throw new VectorCodingError('term ids must ascend');
    writeVarint(out, id - previous - 1);
    previous = id;
  }
  for (let j = 0; j < weights.length; j++) out.push(weights[j]!);
}

/**
 * Decodes the record bytes[start, end) into `ids` and `weights` from `at` on; answers how many terms it held. Throws
 * VectorCodingError when the record holds more than `width` terms, names a term at or past `vocabularySize`, or does
 * not end exactly at `end`.
 */
export function readVectorRecord(bytes: Uint8Array, start: number, end: number, width: number, vocabularySize: number, ids: Uint16Array, weights: Uint8Array, at = 0): number {
  let p = start;
  const varint = (): number => {
    let value = 0;
    let shift = 1;
    for (let k = 0; ; k++) {
      if (p >= end || k > 3) throw new VectorCodingError('a term ends past its record');
      const b = bytes[p++]!;
      value += (b & 0x7f) * shift;
      shift *= 0x80;
      if (b < 0x80) return value;
    }
  };
  const count = varint();
  if (count > width) throw new VectorCodingError(`a record holds ${count} terms, more than ${width}`);
  let id = -1;
  for (let j = 0; j < count; j++) {
    id += varint() + 1;
    if (id >= vocabularySize) throw new VectorCodingError(`names vocabulary term ${id}, past the ${vocabularySize} in its vocabulary`);
    ids[at + j] = id;
  }
  if (p + count !== end) throw new VectorCodingError('a record does not end where the next begins');
  weights.set(bytes.subarray(p, end), at);
  return count;
}
