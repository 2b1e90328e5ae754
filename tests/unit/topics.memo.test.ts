// Tagging remembers what it computed (the worker sees the same papers on every rescan): same answers, never shared objects.
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/core/topics/taxonomy.ts';
import { bundledTopicModel, tagMemoSize, tagPaper, tagPaperOnce } from '../../src/core/topics/tagger.ts';

const paper = {
  title: 'Paging Key-Value Caches Between GPU and Host Memory for Long-Context LLM Serving',
  abstract: 'Long-context inference exhausts GPU memory with key-value caches. We offload inactive KV blocks to host CPU memory.',
  categories: ['cs.DC', 'cs.LG'],
};

describe('tagPaper, asked again', () => {
  it('answers the same, and what a caller does to an answer does not reach the next one', () => {
    const first = tagPaper(paper);
    expect(first.some((t) => t.facet === 'topic')).toBe(true);
    const snapshot = JSON.parse(JSON.stringify(first));
    first.push({ id: 'x', label: 'X', confidence: 1, terms: [], facet: 'topic' });
    first[0]!.terms.push('mutated');
    first[0]!.label = 'mutated';
    expect(tagPaper(paper)).toEqual(snapshot);
  });

  it('tells apart papers whose title and abstract join into the same text', () => {
    const a = tagPaper({ title: 'Bit error rates', abstract: ' over a fading channel' });
    const b = tagPaper({ title: 'Bit error', abstract: ' rates over a fading channel' });
    const c = tagPaper({ title: '', abstract: 'Bit error rates over a fading channel' });
    expect(tagPaper({ title: 'Bit error rates', abstract: ' over a fading channel' })).toEqual(a);
    expect(tagPaper({ title: 'Bit error', abstract: ' rates over a fading channel' })).toEqual(b);
    // Title words count twice, and no word pair spans the two fields: each split gives other confidences or terms.
    expect(c).not.toEqual(a);
    expect(b).not.toEqual(a);
  });

  it('keeps the category tag per call (categories are not part of what it remembers)', () => {
    expect(tagPaper({ ...paper, categories: ['cs.DC'] }).at(-1)).toMatchObject({ id: 'cs.DC', facet: 'category' });
    expect(tagPaper({ ...paper, categories: ['cs.LG'] }).at(-1)).toMatchObject({ id: 'cs.LG', facet: 'category' });
    expect(tagPaper({ ...paper, categories: [] }).every((t) => t.facet === 'topic')).toBe(true);
  });

  it('answers per taxonomy', () => {
    const only = [TOPICS.find((t) => t.id !== tagPaper(paper)[0]!.id)!];
    expect(tagPaper(paper, only).map((t) => t.id)).not.toContain(tagPaper(paper)[0]!.id);
  });

  it('stays right past its size limit', () => {
    const want = tagPaper(paper);
    for (let i = 0; i < 6000; i++) tagPaper({ title: `Paper ${i} on graph neural networks`, abstract: `number ${i}` });
    expect(tagPaper(paper)).toEqual(want);
  });
});

describe('the tag memo under a hostile page', () => {
  it('keeps at most 8 million characters of text however large and many the abstracts, and still answers right', async () => {
    const { tagMemoSize, tagPaperWith } = await import('../../src/core/topics/tagger.ts');
    // Its own taxonomy copy, so other tests' papers are not in this memo.
    const topics = TOPICS.map((t) => ({ ...t }));
    const huge = 'graph neural networks for molecular property prediction '.repeat(180); // about 10,000 characters
    for (let i = 0; i < 1000; i++) tagPaperWith({ title: `Paper ${i}`, abstract: `${huge}${i}` }, topics, null);
    const { papers, chars } = tagMemoSize(topics, null);
    expect(chars).toBeLessThanOrEqual(8_000_000);
    expect(papers).toBeLessThan(1000);
    expect(papers).toBeGreaterThan(100);
    // An evicted paper is tagged again, the same as the first time.
    expect(tagPaperWith({ title: 'Paper 0', abstract: `${huge}0` }, topics, null)).toEqual(tagPaperWith({ title: 'Paper 0', abstract: `${huge}0` }, topics, null));
  });
});

describe('tagPaperOnce, for a build that tags each paper once', () => {
  it('answers as tagPaper does and leaves the memo as it was', () => {
    const papers = [
      paper,
      { title: 'Holographic dark energy with a varying horizon cutoff', abstract: 'We constrain the model with supernova data.', categories: ['astro-ph.CO'] },
    ];
    const before = tagMemoSize(TOPICS, bundledTopicModel());
    const once = papers.map((p) => tagPaperOnce({ ...p, title: `${p.title} (once)` }));
    expect(tagMemoSize(TOPICS, bundledTopicModel())).toEqual(before);
    expect(once).toEqual(papers.map((p) => tagPaper({ ...p, title: `${p.title} (once)` })));
    expect(once[0]!.some((t) => t.facet === 'topic')).toBe(true);
  });
});
