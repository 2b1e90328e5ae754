// The authors' vote of the category prediction: each known author votes the primary categories of their catalogue
// papers, once per author; names compared without accents, case or punctuation; predicted categories never vote.
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { AuthorVote, authorKey } from '../../src/core/categories/authorVote.ts';

function catalogue() {
  const builder = new CatalogueBuilder({
    source: 'test',
    withAbstracts: false,
    predictCategory: () => ({ category: 'hep-th', probability: 0.9 }),
  });
  const add = (title: string, authors: string[], categories: string[] = []) => builder.add({ title, authors, categories });
  add('Seeing one', ['Zoë O’Neil', 'Wei Zhang'], ['cs.CV', 'cs.LG']);
  add('Seeing two', ['Zoe ONeil'], ['cs.CV']); // another spelling: a different key ("zoe oneil"), on purpose
  add('Seeing three', ['zoe o neil'], ['cs.CV']);
  add('Learning four', ['Zoe O. Neil', 'Zoe O Neil'], ['cs.LG']); // the same author twice in one paper counts once
  add('Parsing five', ['Wei Zhang'], ['cs.CL']);
  add('Strings six', ['Zoe O Neil']); // no category: the builder predicts hep-th, which must not vote
  const data = readCatalogue(builder.build());
  const share = (p: Float64Array, code: string) => p[data.header.categories.indexOf(code)] ?? 0;
  return { data, vote: new AuthorVote(data), share };
}

describe('the authors’ vote', () => {
  it('compares names without accents, case or punctuation', () => {
    expect(authorKey('Zoë  O’Neil')).toBe('zoe o neil');
    expect(authorKey('ZOE O-NEIL')).toBe('zoe o neil');
    expect(authorKey(' ,. ')).toBe('');
  });

  it("votes an author's primary categories over their papers, never a predicted one", () => {
    const { vote, share } = catalogue();
    const zoe = vote.distribution(['Zoe O Neil']);
    // Papers 1 (Zoë O’Neil), 3 (zoe o neil), 4 (Zoe O Neil): cs.CV, cs.CV, cs.LG; paper 6's predicted hep-th is left out.
    expect(share(zoe, 'cs.CV')).toBeCloseTo(2 / 3, 9);
    expect(share(zoe, 'cs.LG')).toBeCloseTo(1 / 3, 9);
    expect(share(zoe, 'hep-th')).toBe(0);
  });

  it('gives each known author an equal say, ignores unknown ones, and leaves out the paper itself', () => {
    const { vote, share } = catalogue();
    const both = vote.distribution(['Zoe O Neil', 'Wei Zhang', 'Nobody Known']);
    // Zoe: 2/3 cs.CV, 1/3 cs.LG; Wei: 1/2 cs.CV (paper 1's primary), 1/2 cs.CL.
    expect(share(both, 'cs.CV')).toBeCloseTo((2 / 3 + 1 / 2) / 2, 9);
    expect(share(both, 'cs.CL')).toBeCloseTo(1 / 4, 9);
    expect(both.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(vote.distribution(['Nobody Known']).every((x) => x === 0)).toBe(true);
    expect(vote.distribution(undefined).every((x) => x === 0)).toBe(true);
    const withoutPaperFive = vote.distribution(['Wei Zhang'], 4);
    expect(share(withoutPaperFive, 'cs.CV')).toBe(1);
  });
});
