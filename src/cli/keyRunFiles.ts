// Sorted runs of (key, count) in temporary files: where the builder's word-pair counts spill past their memory budget.
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyRunReader, KeyRunStore } from '../core/text/documentFrequency.ts';
import { readAllAt, writeAllAt } from './fileBlocks.ts';

/** Entries read back per block: 1M keys and counts are 12 MB per run being merged. */
const BLOCK = 1 << 20;

/** Each run is one file: its keys (float64) then its counts (uint32), read back a block at a time. */
export function fileKeyRunStore(parent = tmpdir(), block = BLOCK): KeyRunStore {
  const dir = mkdtempSync(join(parent, 'paperscope-runs-'));
  const runs: Array<{ path: string; length: number }> = [];
  const readAll = (fd: number, into: Uint8Array, position: number) => {
    if (readAllAt(fd, into, position) < into.length) throw new Error('a temporary run file ended early');
  };
  return {
    save(keys, counts) {
      const path = join(dir, `run-${runs.length}`);
      const fd = openSync(path, 'w');
      try {
        writeAllAt(fd, new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength), 0);
        writeAllAt(fd, new Uint8Array(counts.buffer, counts.byteOffset, counts.byteLength), keys.byteLength);
      } finally {
        closeSync(fd);
      }
      runs.push({ path, length: keys.length });
    },
    readers() {
      return runs.map(({ path, length }): KeyRunReader => {
        let at = 0;
        let fd: number | undefined = openSync(path, 'r');
        return () => {
          if (fd === undefined) return undefined;
          if (at >= length) {
            closeSync(fd);
            fd = undefined;
            return undefined;
          }
          const n = Math.min(block, length - at);
          const keys = new Float64Array(n);
          const counts = new Uint32Array(n);
          readAll(fd, new Uint8Array(keys.buffer), at * 8);
          readAll(fd, new Uint8Array(counts.buffer), length * 8 + at * 4);
          at += n;
          return { keys, counts };
        };
      });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
