// How a catalogue's sections are laid out in the catalogue database: one record per section, a large section in chunks,
// so no write or read is one giant structured clone, and each section can be read alone.
import type { CatalogueHeader } from '../core/catalogue/artifact.ts';
import type { CatalogueSectionRecord } from './catalogueRecords.ts';

/** The record holding a version's header (JSON): no section of a packed catalogue has this name. */
export const HEADER_SECTION = '#header';

/** A section bigger than this is stored in chunks of this size (a 1M-paper catalogue's vectors are about 100 MB). */
export const SECTION_CHUNK_BYTES = 8 * 2 ** 20;

const encoder = new TextEncoder();

/** How many records a section of this size takes (an empty section is still one record, so its absence means damage). */
export function chunkCount(byteLength: number): number {
  return Math.max(1, Math.ceil(byteLength / SECTION_CHUNK_BYTES));
}

/** The primary keys of one section's records, in order. */
export function sectionKeys(version: string, section: string, byteLength: number): Array<[string, string, number]> {
  return Array.from({ length: chunkCount(byteLength) }, (_, chunk) => [version, section, chunk]);
}

/**
 * Every record of a catalogue, the header first (JSON bytes), each section chunk as a Blob of its bytes alone, made when
 * asked for.
 */
export function* sectionRecords(header: CatalogueHeader, sectionBytes: (name: string) => Uint8Array): Generator<CatalogueSectionRecord> {
  const { version } = header;
  yield { version, section: HEADER_SECTION, chunk: 0, bytes: encoder.encode(JSON.stringify(header)).buffer as ArrayBuffer };
  for (const { name } of header.sections) {
    const bytes = sectionBytes(name);
    for (let chunk = 0; chunk < chunkCount(bytes.byteLength); chunk++) {
      const at = chunk * SECTION_CHUNK_BYTES;
      yield { version, section: name, chunk, bytes: new Blob([bytes.subarray(at, at + SECTION_CHUNK_BYTES) as Uint8Array<ArrayBuffer>]) };
    }
  }
}

/** A record's size in bytes. */
export function recordBytes(record: CatalogueSectionRecord): number {
  return record.bytes instanceof Blob ? record.bytes.size : record.bytes.byteLength;
}

/**
 * One section's bytes from its records in chunk order: Blobs read and joined by the browser in one buffer; records
 * written as ArrayBuffers (before 2026-12-06) joined here (the single record's own buffer when there is one).
 */
export async function joinChunks(records: readonly CatalogueSectionRecord[]): Promise<Uint8Array> {
  if (records.some((r) => r.bytes instanceof Blob)) return new Uint8Array(await new Blob(records.map((r) => r.bytes)).arrayBuffer());
  const buffers = records.map((r) => r.bytes as ArrayBuffer);
  if (buffers.length === 1) return new Uint8Array(buffers[0]!);
  const out = new Uint8Array(buffers.reduce((sum, b) => sum + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out;
}
