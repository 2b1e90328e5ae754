// The feed bar's pure logic: a row from the worker's answer, counts, which rows a filter keeps, and "next relevant".
import { describe, expect, it } from 'vitest';
import { countFeed, countMatching, type FeedRow, feedRowOf, isFiltering, nextMatching, rowMatches, toggleFilter } from '../../src/core/feed/feedFilter.ts';
import type { TopicTag } from '../../src/core/paper.ts';

const topic = (id: string, label = id): TopicTag => ({ id, label, confidence: 0.8, terms: [], facet: 'topic' });
const category = (id: string): TopicTag => ({ id, label: id, confidence: 1, terms: [], facet: 'category' });
const labels = new Map([
  ['diffusion', 'Diffusion models'],
  ['rl', 'Reinforcement learning'],
  ['llm', 'Language models'],
]);

const row = (topics: string[], extra: Partial<FeedRow> = {}): FeedRow => ({ topics, userTags: [], remembered: true, isNew: false, ranked: false, forYou: false, ...extra });

describe('feedRowOf', () => {
  it('keeps topic tags once each, never arXiv categories, and is for you at high or medium relevance only', () => {
    const answer = { tags: [topic('diffusion'), category('cs.CV'), topic('diffusion'), topic('rl')] };
    expect(feedRowOf(answer, false)).toEqual({ topics: ['diffusion', 'rl'], userTags: [], remembered: false, isNew: false, ranked: false, forYou: false });
    expect(feedRowOf({ ...answer, userTags: ['to read', 'to read', 'thesis'] }, false).userTags).toEqual(['to read', 'thesis']);
    expect(feedRowOf({ ...answer, firstSeenAt: 5 }, true)).toMatchObject({ remembered: true, isNew: true });
    expect(feedRowOf({ ...answer, relevance: { level: 'high' } }, false)).toMatchObject({ ranked: true, forYou: true });
    expect(feedRowOf({ ...answer, relevance: { level: 'medium' } }, false)).toMatchObject({ ranked: true, forYou: true });
    expect(feedRowOf({ ...answer, relevance: { level: 'low' } }, false)).toMatchObject({ ranked: true, forYou: false });
  });
});

describe("the reader's own tags", () => {
  it('are counted (most first, then by name), filter the rows, and toggle like a topic, alongside one', () => {
    const rows = [
      row(['diffusion'], { userTags: ['thesis'] }),
      row(['rl'], { userTags: ['to read', 'thesis'] }),
      row(['diffusion']),
      row(['diffusion'], { userTags: ['to read'] }),
      row(['llm'], { userTags: ['thesis'] }),
    ];
    expect(countFeed(rows, labels).userTags).toEqual([
      { id: 'thesis', label: 'thesis', count: 3 },
      { id: 'to read', label: 'to read', count: 2 },
    ]);
    const thesis = toggleFilter({}, { userTag: 'thesis' });
    expect(isFiltering(thesis)).toBe(true);
    expect(rows.map((r) => rowMatches(r, thesis))).toEqual([true, true, false, false, true]);
    const thesisOnDiffusion = toggleFilter(thesis, { topic: 'diffusion' });
    expect(countMatching(rows, thesisOnDiffusion)).toBe(1);
    expect(toggleFilter(thesisOnDiffusion, { userTag: 'to read' })).toEqual({ topic: 'diffusion', userTag: 'to read' });
    expect(toggleFilter(thesis, { userTag: 'thesis' })).toEqual({});
    expect(nextMatching(rows, thesis, 1)).toBe(4);
  });
});

describe('countFeed', () => {
  it('counts rows per topic (most first, ties by label), new rows, and rows for you', () => {
    const rows = [row(['rl', 'diffusion'], { isNew: true }), row(['diffusion']), row(['llm'], { isNew: true }), row([])];
    expect(countFeed(rows, labels)).toEqual({
      rows: 4,
      topics: [
        { id: 'diffusion', label: 'Diffusion models', count: 2 },
        { id: 'llm', label: 'Language models', count: 1 },
        { id: 'rl', label: 'Reinforcement learning', count: 1 },
      ],
      userTags: [],
      new: 2,
      remembered: true,
      forYou: 0,
      ranked: false,
    });
  });

  it('offers "new" only when the reader\'s memory answered for some row (not paused, not a private window)', () => {
    expect(countFeed([feedRowOf({ tags: [] }, false), feedRowOf({ tags: [] }, false)], labels).remembered).toBe(false);
    expect(countFeed([feedRowOf({ tags: [] }, false), feedRowOf({ tags: [], firstSeenAt: 1 }, false)], labels).remembered).toBe(true);
  });

  it('offers "for you" only once some row was ranked, even when none of them is for you', () => {
    const unranked = [row(['rl']), row(['llm'])];
    expect(countFeed(unranked, labels).ranked).toBe(false);
    const answers = [{ tags: [topic('rl')], relevance: { level: 'low' as const } }, { tags: [topic('llm')] }];
    const counts = countFeed(
      answers.map((a) => feedRowOf(a, false)),
      labels,
    );
    expect(counts).toMatchObject({ ranked: true, forYou: 0 });
    const ranked = [feedRowOf({ tags: [], relevance: { level: 'high' } }, false), feedRowOf({ tags: [], relevance: { level: 'medium' } }, true), feedRowOf({ tags: [] }, true)];
    expect(countFeed(ranked, labels)).toMatchObject({ rows: 3, new: 2, forYou: 2, ranked: true });
  });

  it('names a topic by its id when no label is known', () => {
    expect(countFeed([row(['other'])], labels).topics).toEqual([{ id: 'other', label: 'other', count: 1 }]);
  });
});

describe('filters', () => {
  const rows = [
    row(['diffusion'], { isNew: true, ranked: true, forYou: true }),
    row(['rl'], { ranked: true }),
    row(['diffusion', 'rl'], { isNew: true, ranked: true }),
    row(['llm'], { ranked: true, forYou: true }),
  ];
  const kept = (filter: Parameters<typeof rowMatches>[1]) => rows.map((r, i) => (rowMatches(r, filter) ? i : -1)).filter((i) => i >= 0);

  it('keeps every row without a filter, and narrows by topic, new and for you, all of them together', () => {
    expect(kept({})).toEqual([0, 1, 2, 3]);
    expect(kept({ topic: 'diffusion' })).toEqual([0, 2]);
    expect(kept({ onlyNew: true })).toEqual([0, 2]);
    expect(kept({ onlyForYou: true })).toEqual([0, 3]);
    expect(kept({ topic: 'rl', onlyNew: true })).toEqual([2]);
    expect(kept({ topic: 'rl', onlyForYou: true })).toEqual([]);
    expect(countMatching(rows, { topic: 'diffusion', onlyForYou: true })).toBe(1);
  });

  it('toggles: the same topic again or a switch already on clears it; another topic replaces the first', () => {
    let filter = toggleFilter({}, { topic: 'rl' });
    expect(filter).toEqual({ topic: 'rl' });
    filter = toggleFilter(filter, 'new');
    expect(filter).toEqual({ topic: 'rl', onlyNew: true });
    filter = toggleFilter(filter, { topic: 'llm' });
    expect(filter).toEqual({ topic: 'llm', onlyNew: true });
    filter = toggleFilter(toggleFilter(filter, { topic: 'llm' }), 'new');
    expect(filter).toEqual({ onlyNew: false });
    expect(isFiltering(filter)).toBe(false);
    expect(isFiltering(toggleFilter(filter, 'forYou'))).toBe(true);
  });
});

describe('nextMatching', () => {
  const rows = [row(['a']), row(['b']), row(['a']), row(['b']), row(['a'])];

  it('walks the matching rows in page order from before the first, and wraps around', () => {
    const filter = { topic: 'a' };
    const visited: number[] = [];
    let at = -1;
    for (let i = 0; i < 4; i++) visited.push((at = nextMatching(rows, filter, at)));
    expect(visited).toEqual([0, 2, 4, 0]);
  });

  it('goes back with step -1, from the end when starting before the first', () => {
    expect(nextMatching(rows, { topic: 'b' }, -1, -1)).toBe(3);
    expect(nextMatching(rows, { topic: 'b' }, 3, -1)).toBe(1);
    expect(nextMatching(rows, { topic: 'b' }, 1, -1)).toBe(3);
  });

  it('goes from a row that does not match to the next that does; stays on a lone match; -1 when none', () => {
    expect(nextMatching(rows, { topic: 'b' }, 2)).toBe(3);
    expect(nextMatching([row(['a']), row(['c'])], { topic: 'c' }, 1)).toBe(1);
    expect(nextMatching(rows, { topic: 'z' }, -1)).toBe(-1);
    expect(nextMatching([], {}, -1)).toBe(-1);
    // Without a filter every row is relevant; a position past the end starts over.
    expect(nextMatching(rows, {}, 9)).toBe(0);
  });
});
