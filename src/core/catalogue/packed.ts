// The container of a packed catalogue: a magic line, a JSON header, then 8-byte-aligned binary sections.

import { ContentHash } from '../hash.ts';

export const PACKED_MAGIC = 'PAPERSCOPE-CATALOGUE\n';

export interface SectionInfo {
  name: string;
  offset: number;
  byteLength: number;
}

export type SectionData = Uint8Array | Uint16Array | Uint32Array | Float32Array;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Arithmetic, not a bit mask: a catalogue with abstracts can pass 2 GB.
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Where packSections puts everything: the bytes before the sections (magic line, header length, header, padding), each
 * section's place after them, and the whole length (the last section padded too). A writer can stream the sections.
 */
export function packedLayout(header: Record<string, unknown>, sections: Array<[string, SectionData]>): { head: Uint8Array; infos: SectionInfo[]; byteLength: number } {
  const infos: SectionInfo[] = [];
  let offset = 0;
  for (const [name, data] of sections) {
    infos.push({ name, offset, byteLength: data.byteLength });
    offset = align8(offset + data.byteLength);
  }
  const headerBytes = encoder.encode(JSON.stringify({ ...header, sections: infos }));
  const magic = encoder.encode(PACKED_MAGIC);
  const head = new Uint8Array(align8(magic.length + 4 + headerBytes.length));
  head.set(magic, 0);
  new DataView(head.buffer).setUint32(magic.length, headerBytes.length, true);
  head.set(headerBytes, magic.length + 4);
  return { head, infos, byteLength: head.length + offset };
}

/** A section's bytes, as they are in memory (little-endian on every machine a browser runs). */
export function sectionBytes(data: SectionData): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Packs a header object and named sections into one byte array. */
export function packSections(header: Record<string, unknown>, sections: Array<[string, SectionData]>): Uint8Array {
  const { head, infos, byteLength } = packedLayout(header, sections);
  const out = new Uint8Array(byteLength);
  out.set(head, 0);
  sections.forEach(([, data], i) => out.set(sectionBytes(data), head.length + infos[i]!.offset));
  return out;
}

/**
 * The content hash of the data packSections would write (sections and their zero padding, what unpackSections gives as
 * `data`), without packing: a build then holds one packed copy of a large catalogue, not two.
 */
export function hashSections(sections: Array<[string, SectionData]>): string {
  const hash = new ContentHash();
  for (const [, data] of sections) {
    hash.update(sectionBytes(data));
    hash.update(new Uint8Array(align8(data.byteLength) - data.byteLength));
  }
  return hash.digest();
}

export class PackedFormatError extends Error {}

/** A whole number that can place or size something in a file (not negative, not fractional, not huge). */
export function isIndex(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** Whether a section of lines joined by '\\n' holds exactly `count` lines; reads the section once, nothing more. */
export function holdsLines(bytes: Uint8Array, count: number): boolean {
  if (count === 0) return bytes.length === 0;
  let breaks = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && breaks < count; at = bytes.indexOf(0x0a, at + 1)) breaks++;
  return breaks === count - 1;
}

export interface UnpackedSections<H> {
  header: H & { sections: SectionInfo[] };
  section(name: string): Uint8Array;
  /** All section bytes together: what a content hash covers. */
  data: Uint8Array;
}

export function isPacked(bytes: Uint8Array): boolean {
  const magic = encoder.encode(PACKED_MAGIC);
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Reads the header and gives views of the sections (no copies). */
export function unpackSections<H>(bytes: Uint8Array): UnpackedSections<H> {
  if (!isPacked(bytes)) throw new PackedFormatError('not a packed Paperscope catalogue');
  const magicLength = encoder.encode(PACKED_MAGIC).length;
  if (bytes.length < magicLength + 4) throw new PackedFormatError('the file ends inside its header');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(magicLength, true);
  if (magicLength + 4 + headerLength > bytes.length) throw new PackedFormatError('the file ends inside its header');
  let header: H & { sections: SectionInfo[] };
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(magicLength + 4, magicLength + 4 + headerLength)));
  } catch {
    throw new PackedFormatError('its header is not readable');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new PackedFormatError('its header is not readable');
  const dataStart = align8(magicLength + 4 + headerLength);
  const sections: unknown = header.sections ?? [];
  if (!Array.isArray(sections)) throw new PackedFormatError('its list of sections is not readable');
  const byName = new Map<string, SectionInfo>();
  for (const info of sections as Array<Partial<SectionInfo> | null>) {
    if (typeof info?.name !== 'string') throw new PackedFormatError('a section has no name');
    const { name, offset, byteLength } = info;
    if (!isIndex(offset) || !isIndex(byteLength)) throw new PackedFormatError(`section "${name}" has an impossible place in the file`);
    if (dataStart + offset + byteLength > bytes.length) throw new PackedFormatError(`the file is cut short inside "${name}"`);
    if (byName.has(name)) throw new PackedFormatError(`section "${name}" appears twice`);
    byName.set(name, { name, offset, byteLength });
  }
  return {
    header,
    data: bytes.subarray(dataStart),
    section(name) {
      const info = byName.get(name);
      if (!info) throw new PackedFormatError(`the "${name}" section is missing`);
      const start = dataStart + info.offset;
      if (start + info.byteLength > bytes.length) throw new PackedFormatError(`the file is cut short inside "${name}"`);
      return bytes.subarray(start, start + info.byteLength);
    },
  };
}

/** A typed view on section bytes; copies only when the bytes are not aligned for the type. */
export function view<T extends Uint16Array | Uint32Array | Float32Array>(
  bytes: Uint8Array,
  Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (bytes.byteOffset % size === 0) return new Type(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
  const copy = new Uint8Array(bytes);
  return new Type(copy.buffer, 0, copy.byteLength / size);
}

export function encodeLines(lines: readonly string[]): Uint8Array {
  return encoder.encode(lines.map((l) => l.replace(/[\r\n]+/g, ' ')).join('\n'));
}

/** Lines added one at a time, giving the bytes encodeLines gives for all of them: a section written paper by paper. */
export class LineWriter {
  private readonly out = new ByteWriter();
  private count = 0;

  add(line: string): void {
    if (this.count++ > 0) this.out.push(0x0a);
    this.out.pushBytes(encoder.encode(line.replace(/[\r\n]+/g, ' ')));
  }

  bytes(): Uint8Array {
    return this.out.bytes();
  }

  /** See ByteWriter.view. */
  view(): Uint8Array {
    return this.out.view();
  }
}

export function decodeLines(bytes: Uint8Array, count: number): string[] {
  if (count === 0) return [];
  const lines = decoder.decode(bytes).split('\n');
  if (lines.length !== count) throw new PackedFormatError(`expected ${count} lines in a section, found ${lines.length}`);
  return lines;
}

/** Bytes appended one at a time into a buffer that doubles as it fills: a section written record by record. */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  length = 0;

  push(...bytes: number[]): void {
    if (this.length + bytes.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    for (const b of bytes) this.buffer[this.length++] = b;
  }

  /** Appends a run of bytes of any length (push spreads its arguments, which a huge run would overflow). */
  pushBytes(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written, trimmed to their length. */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** The bytes written as a view of the buffer, no copy (the buffer may be up to twice as long): a large section's. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
