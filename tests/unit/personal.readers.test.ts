// Making simulated readers: who is a reader, what their library and feed hold, and the reader's name kept out of the feed.
import { describe, expect, it } from 'vitest';
import { makeReaders } from '../../src/eval/personalReaders.ts';
import type { EvalPaper } from '../../src/eval/runEval.ts';

let next = 0;
function paper(date: string, authors: string[], categories = ['cs.LG']): EvalPaper {
  next++;
  return { arxivId: `25${String(next).padStart(2, '0')}.${String(next).padStart(5, '0')}`, title: `Paper ${next}`, abstract: `About ${next}.`, authors, categories, date };
}

const before = (n: number) => `2025-0${1 + (n % 9)}-${String(10 + n).padStart(2, '0')}`;
const papers: EvalPaper[] = [
  // Ada: 9 papers before the split, 3 after (one with her name accented and in capitals, one in another field).
  ...Array.from({ length: 9 }, (_, n) => paper(before(n), ['Ada Lovelace', `Co ${n}`])),
  paper('2025-10-02', ['Ada Lovelace', 'Co 1']),
  paper('2025-11-05', ['ÁDA LOVELACE', 'New Friend']),
  paper('2025-12-01', ['Ada Lovelace'], ['math.OC', 'cs.LG']),
  // Bob: 8 before, only 1 after; Carl: 7 before, 2 after. Neither is a reader.
  ...Array.from({ length: 8 }, (_, n) => paper(before(n), ['Bob Stone'])),
  paper('2025-10-20', ['Bob Stone']),
  ...Array.from({ length: 7 }, (_, n) => paper(before(n), ['Carl Rand'])),
  paper('2025-10-21', ['Carl Rand']),
  paper('2025-10-22', ['Carl Rand']),
  // Later papers of other people: in Ada's fields, and in a field she never wrote in.
  ...Array.from({ length: 6 }, (_, n) => paper(`2025-11-${10 + n}`, [`Stranger ${n}`], ['cs.LG'])),
  ...Array.from({ length: 3 }, (_, n) => paper(`2025-11-${20 + n}`, [`Optimist ${n}`], ['math.OC'])),
  ...Array.from({ length: 4 }, (_, n) => paper(`2025-11-${24 + n}`, [`Chemist ${n}`], ['physics.chem-ph'])),
];
const plain = (name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const ada = papers.filter((p) => p.authors?.some((a) => /ada lovelace/i.test(plain(a))));
const options = { cutoff: '2025-10-01', libraryMax: 5, others: 7, readers: 10, seed: 3 };

describe('simulated readers', () => {
  const readers = makeReaders(papers, options);

  it('an author with at least 8 papers before the split and 2 after is a reader; no one else is', () => {
    expect(readers.map((r) => r.reader)).toEqual(['r1']);
  });

  it('the library is their latest earlier papers; the positives their later ones', () => {
    const [r] = readers;
    const earlier = ada.filter((p) => p.date! < '2025-10-01').sort((a, b) => (a.date! < b.date! ? 1 : -1));
    expect(r!.library).toEqual(earlier.slice(0, 5).map((p) => p.arxivId));
    expect([...r!.positives].sort()).toEqual(
      ada
        .filter((p) => p.date! >= '2025-10-01')
        .map((p) => p.arxivId)
        .sort(),
    );
  });

  it("the feed holds the positives without the reader's name (in any spelling), among others' papers of their primary categories", () => {
    const [r] = readers;
    const positives = new Set(r!.positives);
    const own = r!.feed.filter((p) => positives.has(p.id));
    expect(own).toHaveLength(3);
    for (const p of r!.feed) expect(p.authors.some((a) => /ada lovelace/i.test(plain(a)))).toBe(false);
    expect(own.find((p) => p.authors.includes('New Friend'))!.authors).toEqual(['New Friend']);
    const others = r!.feed.filter((p) => !positives.has(p.id));
    expect(others).toHaveLength(7);
    // Ada's later papers' primary categories are cs.LG and math.OC: no chemistry, and none of Bob's or Carl's before the split.
    for (const p of others) {
      expect(['cs.LG', 'math.OC']).toContain(p.categories[0]);
      expect(p.date >= '2025-10-01').toBe(true);
    }
  });

  it('is the same for the same seed', () => {
    expect(makeReaders(papers, options)).toEqual(readers);
  });
});
