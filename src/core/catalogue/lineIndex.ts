// Hash tables over a packed section of lines, so a waking worker finds a key or title without decoding any strings.

const encoder = new TextEncoder();

/** 32-bit FNV-1a over bytes. */
export function fnv1a(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/**
 * A second 32-bit hash of a value, independent of fnv1a (murmur3's mixing over 4-byte words): a key table's hit is
 * confirmed by it without reading the paper's record. With the table's slot and fingerprint, a key the catalogue does not
 * hold passes for one it does about once in 2^40 lookups.
 */
export function keyCheck(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x2545f491 ^ (end - start);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  let k = 0;
  for (let shift = 0; i < end; i++, shift += 8) k |= bytes[i]! << shift;
  k = Math.imul(k, 0xcc9e2d51);
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** keyCheck of a string's UTF-8 bytes. */
export function keyCheckOf(value: string): number {
  return keyCheck(encoder.encode(value));
}

/** Byte offset where each line starts, plus one past the end (lines are joined by '\n'). */
export function lineOffsets(bytes: Uint8Array, count: number): Uint32Array {
  const offsets = new Uint32Array(count + 1);
  let line = 1;
  for (let i = 0; i < bytes.length && line < count; i++) if (bytes[i] === 0x0a) offsets[line++] = i + 1;
  offsets[count] = bytes.length + 1;
  return offsets;
}

/** Lines a fingerprinted table can name: the line number + 1 takes the low 24 bits of an entry. */
export const MAX_FINGERPRINTED_LINES = 0xfffffe;
const LINE_BITS = 0xffffff;

/** 8 bits of a value's hash that its slot does not already say: a probe skips most other values without reading them. */
function fingerprint(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 24;
}

/**
 * An open-addressing table of line number + 1 (0 is empty), probed from hash % slots, at most four fifths full (format 2
 * wrote a power of two, at most half full: the same probe reads it). Empty lines are left out, and the table is sized
 * for the others. `fingerprinted`: each entry also holds fingerprint(hash) in its top 8 bits, for a table whose lines the
 * file does not keep (HashLookup), where checking a candidate costs far more than comparing bytes.
 */
export function buildLineTable(bytes: Uint8Array, offsets: Uint32Array, fingerprinted = false): Uint32Array {
  const count = offsets.length - 1;
  if (fingerprinted && count > MAX_FINGERPRINTED_LINES) throw new RangeError(`a fingerprinted table holds at most ${MAX_FINGERPRINTED_LINES} lines`);
  let filled = 0;
  for (let i = 0; i < count; i++) if (offsets[i + 1]! - 1 > offsets[i]!) filled++;
  const size = Math.max(8, Math.ceil((filled * 5) / 4) + 1);
  const table = new Uint32Array(size);
  for (let i = 0; i < count; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]! - 1;
    if (end <= start) continue;
    const hash = fnv1a(bytes, start, end);
    let slot = hash % size;
    while (table[slot] !== 0) slot = slot + 1 === size ? 0 : slot + 1;
    table[slot] = fingerprinted ? ((fingerprint(hash) << 24) | (i + 1)) >>> 0 : i + 1;
  }
  return table;
}

/** What is wrong with a line table's shape, found in O(1) (lineTableProblem reads every entry). */
export function lineTableShapeProblem(table: Uint32Array): string | undefined {
  return table.length === 0 ? 'is empty' : undefined;
}

/**
 * What is wrong with a line table over `count` lines, if anything: its shape, an entry past the last line, a line
 * listed twice, or no free slot (a probe for a missing line would never stop). Linear in the table's length.
 */
export function lineTableProblem(table: Uint32Array, count: number, fingerprinted = false): string | undefined {
  const shape = lineTableShapeProblem(table);
  if (shape) return shape;
  const seen = new Uint8Array(count);
  let free = 0;
  let twice = -1;
  for (let slot = 0; slot < table.length; slot++) {
    const entry = fingerprinted ? table[slot]! & LINE_BITS : table[slot]!;
    if (entry === 0) {
      free++;
      continue;
    }
    if (entry > count) return `names line ${entry - 1}, past the last of ${count}`;
    if (seen[entry - 1]) twice = entry - 1;
    seen[entry - 1] = 1;
  }
  if (free === 0) return 'has no free slot';
  return twice >= 0 ? `names line ${twice} twice` : undefined;
}

/**
 * What is wrong with the line offsets of a section of `count` lines, if anything: they must start at 0, rise by at
 * least one per line, fall on the section's line breaks, and end one past its end. Linear in `count`.
 */
export function lineOffsetsProblem(bytes: Uint8Array, offsets: Uint32Array, count: number): string | undefined {
  if (offsets.length !== count + 1) return `has ${offsets.length} entries, expected ${count + 1}`;
  if (offsets[count] !== bytes.length + 1) return 'does not end at the end of its lines';
  if (count > 0 && offsets[0] !== 0) return 'does not start at the first line';
  for (let i = 1; i < count; i++) {
    const at = offsets[i]!;
    if (at <= offsets[i - 1]! || at > bytes.length) return `entry ${i} is out of order or past the end of its lines`;
    if (bytes[at - 1] !== 0x0a) return `entry ${i} is not at a line break`;
  }
  return undefined;
}

export class LineLookup {
  /** Slots, or 0 when the table cannot be probed (empty). */
  private readonly size: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Uint32Array,
    private readonly table: Uint32Array,
  ) {
    this.size = lineTableShapeProblem(table) ? 0 : table.length;
  }

  /**
   * Every line number whose line equals `value`, ascending. A probe visits each slot at most once, so a table the
   * file filled to the last slot ends in "not found" rather than a loop.
   */
  find(value: string): number[] {
    if (!value || this.size === 0) return [];
    const query = encoder.encode(value);
    const { size, table, offsets, bytes } = this;
    const lines = offsets.length - 1;
    const found: number[] = [];
    let slot = fnv1a(query) % size;
    for (let probes = 0; probes < size && table[slot] !== 0; probes++, slot = slot + 1 === size ? 0 : slot + 1) {
      const i = table[slot]! - 1;
      if (i >= lines) continue;
      const start = offsets[i]!;
      const end = offsets[i + 1]! - 1;
      if (end - start !== query.length || end > bytes.length) continue;
      let same = true;
      for (let k = 0; k < query.length; k++) {
        if (bytes[start + k] !== query[k]) {
          same = false;
          break;
        }
      }
      if (same) found.push(i);
    }
    return found.sort((a, b) => a - b);
  }
}

/**
 * A line table without its lines: the table was built over values the file does not keep (normalized titles), and a
 * hit is checked by `matches`, which derives the value from what the file does keep.
 */
export class HashLookup {
  private readonly size: number;

  constructor(
    private readonly table: Uint32Array,
    private readonly count: number,
    private readonly matches: (line: number, value: string) => boolean,
  ) {
    this.size = lineTableShapeProblem(table) ? 0 : table.length;
  }

  /** Every line number whose value equals `value`, ascending (the table is fingerprinted: see buildLineTable). */
  find(value: string): number[] {
    if (!value || this.size === 0) return [];
    const { size, table } = this;
    const found: number[] = [];
    const hash = fnv1a(encoder.encode(value));
    const mark = fingerprint(hash);
    let slot = hash % size;
    for (let probes = 0; probes < size && table[slot] !== 0; probes++, slot = slot + 1 === size ? 0 : slot + 1) {
      const entry = table[slot]!;
      if (entry >>> 24 !== mark) continue;
      const i = (entry & LINE_BITS) - 1;
      if (i < this.count && this.matches(i, value)) found.push(i);
    }
    return found.sort((a, b) => a - b);
  }
}
