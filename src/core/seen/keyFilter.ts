// A Bloom filter of the seen papers' keys: "surely never seen" without reading the store, so a listing of new papers
// costs the worker no read at all. It may say "maybe" for a key never seen (then the store is read and answers), never
// "no" for one that was. Keys forgotten stay in it as harmless maybes until it is built again.

/** 2^23 bits (1 MiB), 5 probes: about 1 in 2,400 false maybes at 400,000 keys (200,000 papers), 1 in 60 at a million. */
export const KEY_FILTER_BITS = 1 << 23;
export const KEY_FILTER_PROBES = 5;

/** Two independent 32-bit FNV-1a style hashes of a string's UTF-16 units; the probes are h1 + i·h2 (double hashing). */
function hashPair(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // An odd step visits distinct bits for every probe (the table's size is a power of two).
  return [a >>> 0, (b | 1) >>> 0];
}

export class KeyFilter {
  readonly bits: Uint32Array;

  /** `bits` as stored (its length must be KEY_FILTER_BITS / 32), or an empty filter. */
  constructor(bits?: Uint32Array) {
    if (bits && bits.length !== KEY_FILTER_BITS / 32) throw new Error(`a key filter of ${bits.length * 32} bits, not ${KEY_FILTER_BITS}`);
    this.bits = bits ?? new Uint32Array(KEY_FILTER_BITS / 32);
  }

  add(key: string): void {
    const [h1, h2] = hashPair(key);
    const mask = KEY_FILTER_BITS - 1;
    for (let i = 0; i < KEY_FILTER_PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** False: the key was never added. True: it may have been. */
  mayHave(key: string): boolean {
    const [h1, h2] = hashPair(key);
    const mask = KEY_FILTER_BITS - 1;
    for (let i = 0; i < KEY_FILTER_PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
