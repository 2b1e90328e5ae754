// Full chunks of a build's papers and words in a temporary file, read back when the build reads them again (ByteChunks).
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { ChunkSpill } from '../core/text/byteChunks.ts';
import { readAllAt, writeAllAt } from './fileBlocks.ts';

/** One file per store in `dir` (which the caller removes): chunks appended as they fill, read back by their place. */
export function fileChunkSpill(dir: string, name: string): ChunkSpill & { close(): void } {
  const path = join(dir, `${name}.chunks`);
  const fd = openSync(path, 'w+');
  const places: Array<{ position: number; length: number }> = [];
  let end = 0;
  return {
    save(index, bytes) {
      writeAllAt(fd, bytes, end);
      places[index] = { position: end, length: bytes.length };
      end += bytes.length;
    },
    load(index) {
      const place = places[index];
      if (!place) throw new Error(`no chunk ${index} in ${path}`);
      const bytes = new Uint8Array(place.length);
      if (readAllAt(fd, bytes, place.position) < bytes.length) throw new Error(`${path} ended early`);
      return bytes;
    },
    close() {
      closeSync(fd);
    },
  };
}
