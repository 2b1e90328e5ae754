// The terms a paper's vector keeps: the heaviest, ties to the lower term id, whatever the order they come in.
import { describe, expect, it } from 'vitest';
import { HeaviestTerms } from '../../src/core/catalogue/vectorCoding.ts';
import { seededRandom } from '../../scripts/snapshotRecords.ts';

/** The rule written plainly: sort by weight (heavier first, then lower id), keep `keep`, return ascending ids. */
function reference(terms: number[], weights: number[], keep: number): number[] {
  const order = terms.map((_, k) => k).sort((a, b) => weights[b]! - weights[a]! || terms[a]! - terms[b]!);
  return order
    .slice(0, keep)
    .map((k) => terms[k]!)
    .sort((a, b) => a - b);
}

describe('the heaviest terms of a paper', () => {
  it('are those of a full sort by weight and id, with many weights tied at the cut, for every count around the number kept', () => {
    const random = seededRandom(11);
    for (const keep of [1, 3, 8, 48]) {
      const heaviest = new HeaviestTerms(keep);
      for (let round = 0; round < 300; round++) {
        const count = Math.floor(random() * (keep * 3 + 2));
        const ids = new Set<number>();
        while (ids.size < count) ids.add(Math.floor(random() * 5000));
        const terms = [...ids];
        // Few distinct weights: ties at the cut are the rule, not the exception.
        const weights = terms.map(() => Math.floor(random() * 4) * 0.75 + 0.5);
        const chosen = heaviest.choose(Int32Array.from(terms), Float64Array.from(weights), count);
        expect([...chosen]).toEqual(reference(terms, weights, keep));
      }
    }
  });

  it('reads only the first count entries of the arrays it is given', () => {
    const heaviest = new HeaviestTerms(2);
    expect([...heaviest.choose(Int32Array.from([9, 4, 7, 1]), Float64Array.from([1, 1, 1, 99]), 3)]).toEqual([4, 7]);
  });
});
