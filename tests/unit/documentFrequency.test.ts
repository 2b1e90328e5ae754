import { describe, expect, it } from 'vitest';
import { KeyDocumentFrequencies, sortedIndexOf } from '../../src/core/text/documentFrequency.ts';

describe('document frequencies of numeric keys', () => {
  it('counts each key once per document, ascending, across a growing buffer', () => {
    const frequencies = new KeyDocumentFrequencies();
    frequencies.addDocument([5, 3, 5, 5]);
    frequencies.addDocument([3, 9]);
    // More keys than the first buffer holds (1 << 20): it grows.
    frequencies.addDocument(Array.from({ length: (1 << 20) + 10 }, (_, i) => 100 + i));
    const seen: Array<[number, number]> = [];
    frequencies.forEachKey((key, df) => {
      if (key < 102 || key === 100 + (1 << 20) + 9) seen.push([key, df]);
    });
    expect(seen).toEqual([
      [3, 2],
      [5, 1],
      [9, 1],
      [100, 1],
      [101, 1],
      [100 + (1 << 20) + 9, 1],
    ]);
  });

  it('finds a key in an ascending array', () => {
    const sorted = Float64Array.from([1, 4, 9, 2e12]);
    expect([1, 4, 9, 2e12, 5].map((k) => sortedIndexOf(sorted, k))).toEqual([0, 1, 2, 3, -1]);
  });
});
