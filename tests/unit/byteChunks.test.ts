// Byte chunks that spill once full: what a build keeps of its papers and words reads back the same from the spill,
// in order or not, with few chunks in memory at once.
import { describe, expect, it } from 'vitest';
import { PaperChunks, type StoredPaper } from '../../src/core/catalogue/paperRecords.ts';
import type { ChunkSpill } from '../../src/core/text/byteChunks.ts';
import { PackedIdLists } from '../../src/core/text/packedIdLists.ts';
import { seededRandom } from '../../scripts/snapshotRecords.ts';

/** A spill in memory that copies what it is given and counts saves and loads. */
function countingSpill(): ChunkSpill & { saved: number; loads: number } {
  const chunks = new Map<number, Uint8Array>();
  const spill = {
    saved: 0,
    loads: 0,
    save(index: number, bytes: Uint8Array) {
      expect(chunks.has(index)).toBe(false); // each chunk is written once
      chunks.set(index, bytes.slice());
      spill.saved++;
    },
    load(index: number) {
      spill.loads++;
      return chunks.get(index)!.slice();
    },
  };
  return spill;
}

describe('packed id lists that spill', () => {
  it('read back every list, in order and at random, holding at most a few chunks', () => {
    const random = seededRandom(3);
    const spill = countingSpill();
    const lists = new PackedIdLists(spill, 256);
    const added: Array<[number, number[]]> = [];
    for (let n = 0; n < 3_000; n++) {
      const ids = Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 2 ** Math.floor(random() * 33)));
      added.push([lists.add(ids), ids]);
    }
    // A list longer than a chunk gets a chunk of its own.
    const long = Array.from({ length: 500 }, (_, i) => i * 1_000);
    added.push([lists.add(long), long]);
    expect(spill.saved).toBeGreaterThan(300);
    for (const [place, ids] of added) expect(Array.from(lists.read(place))).toEqual(ids);
    for (let k = 0; k < 2_000; k++) {
      const [place, ids] = added[Math.floor(random() * added.length)]!;
      expect(Array.from(lists.read(place))).toEqual(ids);
    }
    expect(lists.byteSize).toBeLessThanOrEqual(5 * 2 * 500);
  });
});

describe('paper records that spill', () => {
  it('give back each paper as stored, its latest version when replaced, however many chunks it took', () => {
    const random = seededRandom(8);
    const spill = countingSpill();
    const records = new PaperChunks(spill, 512);
    const paper = (i: number, v: number): StoredPaper => ({
      key: `arxiv:${i}`,
      title: `Paper ${i} revision ${v} — “quoted” 数学 \u{1F600} lone \uD800 surrogate`,
      abstract: 'x'.repeat(Math.floor(random() * 300)),
      authors: [`A. Author${i}`, 'B. Écrivain'],
      categories: i % 3 ? ['cs.LG', 'stat.ML'] : [],
      doi: i % 2 ? `10.1000/${i}` : '',
      pmid: '',
      year: 2000 + (i % 26),
      date: i % 4 ? `20${10 + (i % 10)}-01-0${1 + (i % 9)}` : '',
    });
    const expected: StoredPaper[] = [];
    for (let i = 0; i < 1_000; i++) {
      expected.push(paper(i, 0));
      records.push(expected[i]!);
      if (i % 7 === 3) {
        const j = Math.floor(random() * (i + 1));
        expected[j] = paper(j, 1);
        records.set(j, expected[j]!);
      }
    }
    expect(records.size).toBe(1_000);
    expect(spill.saved).toBeGreaterThan(100);
    expected.forEach((p, i) => expect(records.get(i)).toEqual(p));
    expect(() => records.get(1_000)).toThrow(RangeError);
  });
});
