// Choosing the vocabulary with a bounded heap keeps exactly the terms a full sort would, and makes few texts.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/snapshotRecords.ts';
import { TopTerms } from '../../src/core/text/topTerms.ts';

describe('the top terms', () => {
  it('are those of sorting every candidate by frequency then text, for any limit, ties included', () => {
    const random = seededRandom(11);
    const candidates = Array.from(
      { length: 5_000 },
      (_, ref) => [`t${Math.floor(random() * 1e6).toString(36)}${ref}`, 1 + Math.floor(random() * 40), ref] as [string, number, number],
    );
    for (const limit of [0, 1, 7, 100, 4_999, 5_000, 9_000]) {
      const top = new TopTerms(limit);
      let made = 0;
      for (const [term, df, ref] of candidates)
        top.offer(df, ref, () => {
          made++;
          return term;
        });
      const sorted = [...candidates].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
      expect(top.byTerm()).toEqual(sorted.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
      if (limit === 100) expect(made).toBeLessThan(1_500);
    }
  });
});
