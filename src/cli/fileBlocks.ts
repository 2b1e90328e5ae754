// Whole blocks read and written at a position in a file: the short reads and writes of readSync/writeSync, looped.
import { readSync, writeSync } from 'node:fs';

/** Writes every byte of `bytes` at `position`. */
export function writeAllAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** Reads into `into` from `position` until it is full or the file ends; answers how many bytes were read. */
export function readAllAt(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}
