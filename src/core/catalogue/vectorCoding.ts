// A paper's sparse vector as a short record: its term ids ascending as Rice-coded gaps, then one weight byte per term.
// A paper with few terms takes only the bytes it needs, and each paper decodes alone.
//
// Record: count (varint), k (one byte, 0..15), the gaps (id minus previous id minus one; the first from -1) each as
// gap >> k in unary (that many 1 bits, then a 0) and its k low bits, most significant bit first, padded to a byte; then
// `count` weight bytes. k is chosen per paper for the fewest bits (ties to the smaller k), so the bytes are deterministic.
import type { ByteWriter } from './packed.ts';
import { writeVarint } from './textCoding.ts';

const MAX_K = 15;

export class VectorCodingError extends Error {}

/** Appends one paper's record: `ids` strictly ascending, `weights` the same length. */
export function writeVectorRecord(out: ByteWriter, ids: ArrayLike<number>, weights: ArrayLike<number>): void {
  const gaps: number[] = [];
  let previous = -1;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (id <= previous) throw new VectorCodingError('term ids must ascend');
    gaps.push(id - previous - 1);
    previous = id;
  }
  let k = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (let tried = 0; tried <= MAX_K; tried++) {
    let bits = 0;
    for (const g of gaps) bits += (g >>> tried) + 1 + tried;
    if (bits < fewest) {
      fewest = bits;
      k = tried;
    }
  }
  writeVarint(out, ids.length);
  out.push(k);
  let byte = 0;
  let filled = 0;
  const bit = (b: number) => {
    byte = (byte << 1) | b;
    if (++filled === 8) {
      out.push(byte);
      byte = 0;
      filled = 0;
    }
  };
  for (const g of gaps) {
    for (let q = g >>> k; q > 0; q--) bit(1);
    bit(0);
    for (let b = k - 1; b >= 0; b--) bit((g >>> b) & 1);
  }
  if (filled > 0) out.push(byte << (8 - filled));
  for (let j = 0; j < weights.length; j++) out.push(weights[j]!);
}

/**
 * Decodes the record bytes[start, end) into `ids` and `weights` from `at` on; answers how many terms it held. Throws
 * VectorCodingError when the record holds more than `width` terms, names a term at or past `vocabularySize`, or does
 * not end exactly at `end`.
 */
export function readVectorRecord(bytes: Uint8Array, start: number, end: number, width: number, vocabularySize: number, ids: Uint16Array, weights: Uint8Array, at = 0): number {
  if (start >= end) throw new VectorCodingError('a record is empty');
  let count = 0;
  let p = start;
  for (let shift = 1, k = 0; ; k++, shift *= 0x80) {
    if (p >= end || k > 3) throw new VectorCodingError('a record ends inside its count');
    const b = bytes[p++]!;
    count += (b & 0x7f) * shift;
    if (b < 0x80) break;
  }
  if (count > width) throw new VectorCodingError(`a record holds ${count} terms, more than ${width}`);
  if (p >= end) throw new VectorCodingError('a record ends before its gaps');
  const k = bytes[p++]!;
  if (k > MAX_K) throw new VectorCodingError(`a record's gaps are coded with k = ${k}, past ${MAX_K}`);
  const bitsEnd = (end - count - p) * 8;
  if (bitsEnd < 0) throw new VectorCodingError('a record is too short for its weights');
  // Bits are read through a 32-bit window from bitAt (at least 25 bits of it ahead): a gap's unary part by counting the
  // window's leading ones, its low k bits (k <= 15) in one shift. A window may read past the record; what it reads there
  // is never used, since every read is checked against bitsEnd after.
  const scale = 2 ** k;
  let bitAt = 0;
  let id = -1;
  for (let j = 0; j < count; j++) {
    let q = 0;
    for (;;) {
      if (bitAt >= bitsEnd) throw new VectorCodingError('a gap ends past its record');
      const ahead = 32 - (bitAt & 7);
      const ones = Math.clz32(~bitWindow(bytes, p, bitAt));
      if (ones < ahead) {
        q += ones;
        bitAt += ones + 1;
        break;
      }
      q += ahead;
      bitAt += ahead;
      if (q > vocabularySize) throw new VectorCodingError(`names a term past the ${vocabularySize} in its vocabulary`);
    }
    let low = 0;
    if (k > 0) {
      low = bitWindow(bytes, p, bitAt) >>> (32 - k);
      bitAt += k;
    }
    if (bitAt > bitsEnd) throw new VectorCodingError('a gap ends past its record');
    id += q * scale + low + 1;
    if (id >= vocabularySize) throw new VectorCodingError(`names vocabulary term ${id}, past the ${vocabularySize} in its vocabulary`);
    ids[at + j] = id;
  }
  if (((bitAt + 7) >>> 3) * 8 !== bitsEnd) throw new VectorCodingError('a record does not end where the next begins');
  weights.set(bytes.subarray(end - count, end), at);
  return count;
}

/** 32 bits of `bytes` from bit `bit` after byte `from`, most significant first (bytes past the end read as 0). */
function bitWindow(bytes: Uint8Array, from: number, bit: number): number {
  const i = from + (bit >>> 3);
  const word =
    i + 3 < bytes.length
      ? (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!
      : ((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
  return word << (bit & 7);
}

/** Which terms of a paper its vector keeps: the `keep` heaviest, ties to the lower term id. */
export class HeaviestTerms {
  private sorted = new Float64Array(256);
  private tied = new Int32Array(256);
  private readonly kept: Int32Array;

  constructor(private readonly keep: number) {
    this.kept = new Int32Array(keep);
  }

  /**
   * The kept term ids, ascending, of the first `count` of `terms` (distinct ids) with their `weights`: the weight the
   * last kept one needs is found by a numeric sort (no comparator calls, a large build's hottest sort).
   */
  choose(terms: Int32Array, weights: Float64Array, count: number): Int32Array {
    const { keep, kept } = this;
    let chosen = 0;
    if (count <= keep) {
      for (let k = 0; k < count; k++) kept[chosen++] = terms[k]!;
      return kept.subarray(0, chosen).sort();
    }
    if (this.sorted.length < count) {
      this.sorted = new Float64Array(count * 2);
      this.tied = new Int32Array(count * 2);
    }
    const sorted = this.sorted.subarray(0, count);
    sorted.set(weights.subarray(0, count));
    sorted.sort();
    const threshold = sorted[count - keep]!;
    let ties = 0;
    for (let k = 0; k < count; k++) {
      if (weights[k]! > threshold) kept[chosen++] = terms[k]!;
      else if (weights[k] === threshold) this.tied[ties++] = terms[k]!;
    }
    const tied = this.tied.subarray(0, ties).sort();
    for (let k = 0; chosen < keep; k++) kept[chosen++] = tied[k]!;
    return kept.sort();
  }
}
