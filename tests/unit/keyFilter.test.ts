// The seen key filter: never "no" for a key it holds, rarely "maybe" for one it does not, and the same bits after a round trip.
import { describe, expect, it } from 'vitest';
import { KEY_FILTER_BITS, KeyFilter } from '../../src/core/seen/keyFilter.ts';

describe('KeyFilter', () => {
  it('holds every key added (400,000 keys, 200,000 papers with two keys each) and says "maybe" for few others', () => {
    const filter = new KeyFilter();
    const added = (i: number) => (i % 2 ? `arxiv:${2400 + (i >> 10)}.${String(i % 100000).padStart(5, '0')}` : `doi:10.1101/2025.${i}`);
    for (let i = 0; i < 400_000; i++) filter.add(added(i));
    for (let i = 0; i < 400_000; i++) if (!filter.mayHave(added(i))) throw new Error(`lost ${added(i)}`);
    let maybes = 0;
    const others = 100_000;
    for (let i = 0; i < others; i++) if (filter.mayHave(`openreview:never${i}`)) maybes++;
    // Expected about 1 in 2,400 (keyFilter.ts); a tenfold margin for the hash's unevenness.
    expect(maybes / others).toBeLessThan(10 / 2400);
  });

  it('answers the same from its stored bits, and refuses bits of another size', () => {
    const filter = new KeyFilter();
    filter.add('arxiv:2401.00001');
    const copy = new KeyFilter(Uint32Array.from(filter.bits));
    expect(copy.mayHave('arxiv:2401.00001')).toBe(true);
    expect(copy.mayHave('arxiv:2401.00002')).toBe(false);
    expect(() => new KeyFilter(new Uint32Array(KEY_FILTER_BITS / 64))).toThrow(/bits/);
  });
});
