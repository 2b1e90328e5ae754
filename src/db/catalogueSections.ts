// How a catalogue's sections are laid out in the catalogue database: one record per section, a large section in chunks,
// so no write or read is one giant structured clone, and each section can be read alone.
import type { CatalogueHeader } from '../core/catalogue/artifact.ts';
import type { CatalogueSectionRecord } from './database.ts';

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
 * Every record of a catalogue, the header first, each made when asked for (a copy of its bytes alone: a view of a
 * larger buffer would be cloned whole).
 */
export function* sectionRecords(header: CatalogueHeader, sectionBytes: (name: string) => Uint8Array): Generator<CatalogueSectionRecord> {
  const { version } = header;
  yield { version, section: HEADER_SECTION, chunk: 0, bytes: encoder.encode(JSON.stringify(header)).buffer as ArrayBuffer };
  for (const { name } of header.sections) {
    const bytes = sectionBytes(name);
    for (let chunk = 0; chunk < chunkCount(bytes.byteLength); chunk++) {
      const at = chunk * SECTION_CHUNK_BYTES;
      yield { version, section: name, chunk, bytes: bytes.slice(at, at + SECTION_CHUNK_BYTES).buffer as ArrayBuffer };
    }
  }
}

/** One section's bytes from its records in chunk order (the single record's own buffer when there is one). */
export function joinChunks(records: readonly CatalogueSectionRecord[]): Uint8Array {
  if (records.length === 1) return new Uint8Array(records[0]!.bytes);
  const out = new Uint8Array(records.reduce((sum, r) => sum + r.bytes.byteLength, 0));
  let at = 0;
  for (const r of records) {
    out.set(new Uint8Array(r.bytes), at);
    at += r.bytes.byteLength;
  }
  return out;
}
