// The interest model: what a reader saved ranks first, too small a library is said so, tags get models of their own,
// and the same library always gives the same scores.
import { describe, expect, it } from 'vitest';
import { authorKey, authorKeyOf } from '../../src/core/personal/authors.ts';
import { learnInterests, MIN_LIBRARY_PAPERS, reasonText, type LibraryPaper } from '../../src/core/personal/interestModel.ts';
import { fieldPaper, toyCatalogue, type Field } from './personal.toyCatalogue.ts';

const catalogue = toyCatalogue();
const saved = (field: Field, ns: number[], tags: string[] = []): LibraryPaper[] => ns.map((n) => ({ ...fieldPaper(field, n), tags }));
/** Papers from after the catalogue (not in it): vectorised from their text with the catalogue's vocabulary. */
const fresh = (field: Field, ns: number[]) => ns.map((n) => fieldPaper(field, n, '2510'));

function learned(library: LibraryPaper[]) {
  const result = learnInterests(catalogue, library);
  if (!result.ok) throw new Error('expected a model');
  return result.model;
}

describe('the interest model', () => {
  it("ranks new papers of the reader's field above every other field's", () => {
    const model = learned(saved('quantum', [0, 1, 2, 3, 4]));
    const feed = [...fresh('language', [1, 2, 3]), ...fresh('quantum', [5, 6, 7]), ...fresh('cells', [1, 2, 3])];
    const scores = model.score(feed);
    const top3 = [...scores].sort((a, b) => b.score - a.score).slice(0, 3);
    expect(top3.map((s) => s.key).sort()).toEqual(
      fresh('quantum', [5, 6, 7])
        .map((p) => p.key)
        .sort(),
    );
    // The catalogue's own quantum papers score above most of the catalogue; the others below.
    const quantum = scores.filter((s) => s.key.includes('2510.1'));
    expect(Math.min(...quantum.map((s) => s.relevance))).toBeGreaterThan(Math.max(...scores.filter((s) => !s.key.includes('2510.1')).map((s) => s.relevance)));
  });

  it('says why: the saved papers a paper is like, by title, and the authors it shares with the library', () => {
    const library = saved('quantum', [0, 1, 2, 3, 4]);
    const model = learned(library);
    const [paper] = model.score([{ ...fresh('quantum', [5])[0]!, authors: ['Author quantum 1', 'Someone New'] }]);
    const similar = paper!.reasons.find((r) => r.kind === 'similar');
    expect(similar).toBeDefined();
    expect(library.map((p) => p.title)).toEqual(expect.arrayContaining(similar!.kind === 'similar' ? similar!.titles : []));
    expect(reasonText(similar!)).toMatch(/^like \d+ of your saved papers?: /);
    expect(paper!.reasons).toContainEqual({ kind: 'authors', names: ['Author quantum 1'] });
    const [unrelated] = model.score(fresh('cells', [4]));
    expect(unrelated!.reasons).toEqual([]);
    expect(unrelated!.level).toBe('low');
  });

  it('co-authors shared with the library raise a paper (names compared without accents, case or punctuation)', () => {
    const model = learned(saved('quantum', [0, 1, 2, 3, 4]));
    const base = fresh('cells', [6])[0]!;
    const [plain, shared] = model.score([
      { ...base, authors: ['Nobody'] },
      { ...base, key: 'arxiv:2510.99999', authors: ['AUTHOR  Quantum-1'] },
    ]);
    expect(authorKey('José  A. García-López')).toBe(authorKey('jose a garcia lopez'));
    // The remembered keys are the same keys, asked once or many times.
    for (const name of ['José  A. García-López', 'José  A. García-López', 'AUTHOR  Quantum-1']) expect(authorKeyOf(name)).toBe(authorKey(name));
    expect(shared!.score).toBeGreaterThan(plain!.score);
    // "Author quantum 1" wrote one of the saved papers (n % 4 === 1: paper 1).
    expect(shared!.signals.authors).toBeCloseTo(Math.log1p(1));
  });

  it(`ranks nothing below ${MIN_LIBRARY_PAPERS} saved papers, and says so`, () => {
    expect(learnInterests(catalogue, [])).toEqual({ ok: false, reason: 'not-enough-papers', papers: 0, needed: MIN_LIBRARY_PAPERS });
    expect(learnInterests(catalogue, saved('quantum', [0, 1]))).toEqual({ ok: false, reason: 'not-enough-papers', papers: 2, needed: MIN_LIBRARY_PAPERS });
    expect(learnInterests(catalogue, saved('quantum', [0, 1, 2])).ok).toBe(true);
  });

  it('learns a model per tag with enough papers, and names the tag of a paper that fits it', () => {
    const library = [...saved('quantum', [0, 1, 2, 3], ['qubits']), ...saved('language', [0, 1, 2, 3], ['nlp']), ...saved('cells', [0, 1], ['biology'])];
    const model = learned(library);
    // "biology" has two papers: too few for a model of its own.
    expect(model.modelledTags).toEqual(['nlp', 'qubits']);
    const [quantum, language, cells] = model.score([fresh('quantum', [8])[0]!, fresh('language', [8])[0]!, fresh('cells', [8])[0]!]);
    expect(quantum!.tags).toEqual(['qubits']);
    expect(quantum!.reasons[0]).toEqual({ kind: 'tag', tag: 'qubits' });
    expect(reasonText(quantum!.reasons[0]!)).toBe('tag: qubits');
    expect(language!.tags).toEqual(['nlp']);
    expect(cells!.tags).toEqual([]);
  });

  it('scores for the worker (reasons for the for-you rows only) as in full: the same score, relevance and level for every row', () => {
    const model = learned([...saved('quantum', [0, 1, 2, 3], ['qubits']), ...saved('quantum', [4, 5])]);
    const feed = [
      ...fresh('quantum', [6, 7, 8]),
      ...fresh('language', [5, 6]),
      ...fresh('cells', [1, 2, 3]),
      { ...fresh('cells', [4])[0]!, authors: ['Author quantum 1', 'Author quantum 1'] },
      fieldPaper('quantum', 9),
      // Written by saved authors: above the whole catalogue.
      { ...fresh('quantum', [9])[0]!, authors: ['Author quantum 0', 'Author quantum 2', 'Author quantum 3'] },
      { ...fresh('language', [9])[0]!, authors: ['Author quantum 0', 'Author quantum 1', 'Author quantum 2'] },
    ];
    const full = model.score(feed);
    const forYou = model.score(feed, undefined, undefined, 'forYou');
    expect(forYou.map(({ key, score, relevance, level }) => ({ key, score, relevance, level }))).toEqual(
      full.map(({ key, score, relevance, level }) => ({ key, score, relevance, level })),
    );
    const shown = full.filter((r) => r.level !== 'low');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(full.length);
    full.forEach((row, i) => {
      if (row.level === 'low') {
        expect(forYou[i]!.reasons).toEqual([]);
        expect(forYou[i]!.tags).toEqual([]);
      } else expect(forYou[i]).toEqual(row);
    });
    // A name the page repeats counts once ("Author quantum 1" wrote saved papers 1 and 5).
    expect(full[8]!.signals.authors).toBeCloseTo(Math.log1p(2));
    expect(full[8]!.reasons).toContainEqual({ kind: 'authors', names: ['Author quantum 1'] });
  });

  it('gives the same scores for the same library, whatever the run', () => {
    const feed = [...fresh('quantum', [9, 10]), ...fresh('language', [9, 10])];
    const a = learned(saved('quantum', [0, 1, 2, 3, 4])).score(feed);
    const b = learned(saved('quantum', [0, 1, 2, 3, 4])).score(feed);
    expect(b).toEqual(a);
  });
});
