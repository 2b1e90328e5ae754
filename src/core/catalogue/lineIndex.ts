// Hash tables over a packed section of lines, so a waking worker finds a key or title without decoding any strings.

const encoder = new TextEncoder();

/** 32-bit FNV-1a over bytes. */
export function fnv1a(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Byte offset where each line starts, plus one past the end (lines are joined by '\n'). */
export function lineOffsets(bytes: Uint8Array, count: number): Uint32Array {
  const offsets = new Uint32Array(count + 1);
  let line = 1;
  for (let i = 0; i < bytes.length && line < count; i++) if (bytes[i] === 0x0a) offsets[line++] = i + 1;
  offsets[count] = bytes.length + 1;
  return offsets;
}

/** An open-addressing table of line number + 1 (0 is empty), at most half full; empty lines are left out. */
export function buildLineTable(bytes: Uint8Array, offsets: Uint32Array): Uint32Array {
  const count = offsets.length - 1;
  let size = 8;
  while (size < count * 2) size *= 2;
  const table = new Uint32Array(size);
  for (let i = 0; i < count; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]! - 1;
    if (end <= start) continue;
    let slot = fnv1a(bytes, start, end) & (size - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
    table[slot] = i + 1;
  }
  return table;
}

export class LineLookup {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Uint32Array,
    private readonly table: Uint32Array,
  ) {}

  /** Every line number whose line equals `value`, ascending. */
  find(value: string): number[] {
    if (!value) return [];
    const query = encoder.encode(value);
    const mask = this.table.length - 1;
    const found: number[] = [];
    for (let slot = fnv1a(query) & mask; this.table[slot] !== 0; slot = (slot + 1) & mask) {
      const i = this.table[slot]! - 1;
      const start = this.offsets[i]!;
      const end = this.offsets[i + 1]! - 1;
      if (end - start !== query.length) continue;
      let same = true;
      for (let k = 0; k < query.length; k++) {
        if (this.bytes[start + k] !== query[k]) {
          same = false;
          break;
        }
      }
      if (same) found.push(i);
    }
    return found.sort((a, b) => a - b);
  }
}
