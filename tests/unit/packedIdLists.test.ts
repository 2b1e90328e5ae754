import { describe, expect, it } from 'vitest';
import { PackedIdLists } from '../../src/core/text/packedIdLists.ts';

describe('packed id lists', () => {
  it('gives back every list as added, across chunks, ids of every size, into a reused buffer or a new one', () => {
    // Chunks of 64 KB (16 MB in a build): the same code crosses chunks after a few dozen lists.
    const lists = new PackedIdLists(undefined, 2 ** 16);
    let seed = 9;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const added: Array<[number, number[]]> = [];
    // About 2.5 MB of lists: dozens of chunks.
    for (let n = 0; n < 1_000; n++) {
      const ids = Array.from({ length: Math.floor(random() * 2_000) }, () => Math.floor(random() * 2 ** Math.floor(random() * 33)));
      added.push([lists.add(ids), ids]);
    }
    added.push([lists.add([]), []], [lists.add([2 ** 32 - 1, 0, 127, 128, 16_383, 16_384]), [2 ** 32 - 1, 0, 127, 128, 16_383, 16_384]]);
    expect(lists.byteSize).toBeGreaterThan(30 * 2 ** 16);
    const buffer = new Uint32Array(1_000);
    for (const [place, ids] of added) {
      const read = lists.read(place, buffer);
      expect(Array.from(read)).toEqual(ids);
      expect(read.buffer === buffer.buffer).toBe(ids.length <= buffer.length);
    }
    expect(() => lists.read(99 * 2 ** 32)).toThrow(RangeError);
  });
});
