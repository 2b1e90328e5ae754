// The related list's similarity floor: what is shown, what is held back, and never an empty list when there are matches.
import { describe, expect, it } from 'vitest';
import { cutAtFloor, RELATED_FLOOR, WEAK_MATCHES_SHOWN } from '../../src/core/related/relatedFloor.ts';

interface Match {
  key: string;
  similarity: number;
}
const match = (key: string, similarity: number): Match => ({ key, similarity });
const similarityOf = (m: Match) => m.similarity;
const keys = (ms: readonly Match[]) => ms.map((m) => m.key);

describe('cutAtFloor', () => {
  it('shows the matches at or over the floor and holds back the weaker ones, each part in the order given', () => {
    // In date order, say: the weak ones are not all at the end.
    const list = [match('a', 0.3), match('b', 0.05), match('c', 0.1), match('d', 0.099), match('e', 0.12)];
    const cut = cutAtFloor(list, similarityOf, 0.1);
    expect(keys(cut.shown)).toEqual(['a', 'c', 'e']);
    expect(keys(cut.hidden)).toEqual(['b', 'd']);
    expect(cut.allWeak).toBe(false);
  });

  it('holds nothing back when every match reaches the floor', () => {
    const cut = cutAtFloor([match('a', 0.5), match('b', 0.2)], similarityOf, 0.1);
    expect(keys(cut.shown)).toEqual(['a', 'b']);
    expect(cut.hidden).toEqual([]);
  });

  it('shows the best few, marked all weak, when no match reaches the floor', () => {
    const list = [match('a', 0.02), match('b', 0.07), match('c', 0.03), match('d', 0.07), match('e', 0.09), match('f', 0.01)];
    const cut = cutAtFloor(list, similarityOf, 0.1, 3);
    expect(cut.allWeak).toBe(true);
    // The three most similar (the earlier of a tie first), in the order given.
    expect(keys(cut.shown)).toEqual(['b', 'd', 'e']);
    expect(keys(cut.hidden)).toEqual(['a', 'c', 'f']);
  });

  it('shows every weak match when there are no more than the few it shows', () => {
    const cut = cutAtFloor([match('a', 0.02), match('b', 0.01)], similarityOf, 0.1, 3);
    expect([keys(cut.shown), cut.hidden.length, cut.allWeak]).toEqual([['a', 'b'], 0, true]);
  });

  it('has nothing to show for no matches', () => {
    expect(cutAtFloor([], similarityOf)).toEqual({ shown: [], hidden: [], allWeak: false });
  });

  it('never empties a list that has matches, at the shipped floor', () => {
    for (const similarities of [[0.01], [0.01, 0.02, 0.03, 0.04, 0.05], [RELATED_FLOOR - 0.001, 0.5]]) {
      const cut = cutAtFloor(
        similarities.map((s, i) => match(String(i), s)),
        similarityOf,
      );
      expect(cut.shown.length).toBeGreaterThan(0);
      expect(cut.shown.length).toBeLessThanOrEqual(Math.max(WEAK_MATCHES_SHOWN, similarities.filter((s) => s >= RELATED_FLOOR).length));
      expect(cut.shown.length + cut.hidden.length).toBe(similarities.length);
    }
  });
});
