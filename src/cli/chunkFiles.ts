// Full chunks of a build's papers and words in a temporary file, read back when the build reads them again (ByteChunks).
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { ChunkSpill } from '../core/text/byteChunks.ts';
import { readAllAt, writeAllAt } from './fileBlocks.ts';

/** Where a spill file's chunks are: what another thread needs to read them (readChunkFile). */
export interface ChunkFileImage {
  path: string;
  places: Array<{ position: number; length: number }>;
}

/** One file per store in `dir` (which the caller removes): chunks appended as they fill, read back by their place. */
export function fileChunkSpill(dir: string, name: string): ChunkSpill & { close(): void; image(): ChunkFileImage } {
  const path = join(dir, `${name}.chunks`);
  const fd = openSync(path, 'w+');
  const places: ChunkFileImage['places'] = [];
  let end = 0;
  return {
    save(index, bytes) {
      writeAllAt(fd, bytes, end);
      places[index] = { position: end, length: bytes.length };
      end += bytes.length;
    },
    load: (index) => loadChunk(fd, path, places, index),
    close() {
      closeSync(fd);
    },
    image: () => ({ path, places: [...places] }),
  };
}

/** The chunks another thread's fileChunkSpill saved, read-only (a build's reader in a second thread). */
export function readChunkFile({ path, places }: ChunkFileImage): ChunkSpill & { close(): void } {
  const fd = openSync(path, 'r');
  return {
    save() {
      throw new Error(`${path} is read here, not written`);
    },
    load: (index) => loadChunk(fd, path, places, index),
    close() {
      closeSync(fd);
    },
  };
}

function loadChunk(fd: number, path: string, places: ChunkFileImage['places'], index: number): Uint8Array {
  const place = places[index];
  if (!place) throw new Error(`no chunk ${index} in ${path}`);
  const bytes = new Uint8Array(place.length);
  if (readAllAt(fd, bytes, place.position) < bytes.length) throw new Error(`${path} ended early`);
  return bytes;
}
