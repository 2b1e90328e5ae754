// A user's taxonomy edits survive an upgrade of the built-in taxonomy: edits to an old topic apply to its successor,
// or bring the old topic back as the user's own; added topics keep working; nothing is applied twice.
import { describe, expect, it } from 'vitest';
import { effectiveTaxonomyLenient, type TaxonomyEdit } from '../../src/core/topics/editedTaxonomy.ts';
import { tagPaper } from '../../src/core/topics/tagger.ts';
import { type BuiltInTopic, RETIRED_TOPICS, type RetiredTopic, TOPICS } from '../../src/core/topics/taxonomy.ts';
import { upgradeEdits } from '../../src/core/topics/taxonomyUpgrade.ts';

const topic = (id: string, label: string, replaces?: string[]): BuiltInTopic => ({
  id,
  label,
  description: `${label}.`,
  terms: [label.toLowerCase()],
  group: 'Computer Science',
  categories: ['cs.LG'],
  ...(replaces ? { replaces } : {}),
});
const BUILT_IN = [topic('model-compression', 'Model compression', ['quantization', 'pruning']), topic('graph-learning', 'Graph learning')];
const RETIRED: RetiredTopic[] = [{ id: 'llm-serving', label: 'LLM serving', description: 'Serving LLMs.', terms: ['continuous batching', 'llm serving'] }];

describe('taxonomy edits across an upgrade', () => {
  it('an edit to an old topic applies to its successor', () => {
    const edits: TaxonomyEdit[] = [
      { op: 'rename', id: 'quantization', label: 'Quantisation and pruning' },
      { op: 'update', id: 'pruning', terms: ['sparsity'] },
    ];
    const upgraded = upgradeEdits(edits, BUILT_IN, RETIRED);
    expect(upgraded).toEqual([
      { op: 'rename', id: 'model-compression', label: 'Quantisation and pruning' },
      { op: 'update', id: 'model-compression', terms: ['sparsity'] },
    ]);
    const { taxonomy, skipped } = effectiveTaxonomyLenient(upgraded, BUILT_IN);
    expect(skipped).toBe(0);
    expect(taxonomy.topics.find((t) => t.id === 'model-compression')).toMatchObject({ label: 'Quantisation and pruning', terms: ['sparsity'] });
  });

  it('an old topic nothing took over comes back as the user’s own, with its terms, the first time an edit names it', () => {
    const edits: TaxonomyEdit[] = [
      { op: 'rename', id: 'llm-serving', label: 'Serving' },
      { op: 'merge', from: ['llm-serving'], into: 'graph-learning' },
    ];
    const upgraded = upgradeEdits(edits, BUILT_IN, RETIRED);
    expect(upgraded[0]).toEqual({ op: 'add', id: 'llm-serving', label: 'LLM serving', description: 'Serving LLMs.', terms: ['continuous batching', 'llm serving'] });
    const { taxonomy, skipped } = effectiveTaxonomyLenient(upgraded, BUILT_IN);
    expect(skipped).toBe(0);
    // Merged into graph-learning, which now carries the old topic's terms.
    expect(taxonomy.topics.map((t) => t.id)).toEqual(['model-compression', 'graph-learning']);
    expect(taxonomy.topics[1]!.terms).toEqual(expect.arrayContaining(['continuous batching']));
    expect(taxonomy.aliases.get('llm-serving')).toBe('graph-learning');
  });

  it('removing an old topic that nothing took over removes nothing; an unknown id is left to be skipped as before', () => {
    const upgraded = upgradeEdits(
      [
        { op: 'remove', id: 'llm-serving' },
        { op: 'rename', id: 'no-such-topic', label: 'X' },
      ],
      BUILT_IN,
      RETIRED,
    );
    expect(upgraded).toEqual([{ op: 'rename', id: 'no-such-topic', label: 'X' }]);
    expect(effectiveTaxonomyLenient(upgraded, BUILT_IN).skipped).toBe(1);
  });

  it('a user’s added topic whose id a built-in topic now has gets a free id, and later edits follow it', () => {
    const edits: TaxonomyEdit[] = [
      { op: 'add', id: 'graph-learning', label: 'My graphs', description: '', terms: ['graph kernels'] },
      { op: 'rename', id: 'graph-learning', label: 'My graph kernels' },
    ];
    const upgraded = upgradeEdits(edits, BUILT_IN, RETIRED);
    expect(upgraded).toEqual([
      { op: 'add', id: 'graph-learning-2', label: 'My graphs', description: '', terms: ['graph kernels'] },
      { op: 'rename', id: 'graph-learning-2', label: 'My graph kernels' },
    ]);
    const { taxonomy } = effectiveTaxonomyLenient(upgraded, BUILT_IN);
    expect(taxonomy.topics.find((t) => t.id === 'graph-learning')!.label).toBe('Graph learning');
    expect(taxonomy.topics.find((t) => t.id === 'graph-learning-2')!.label).toBe('My graph kernels');
  });

  it('is idempotent: edits already in current ids come through unchanged', () => {
    const edits: TaxonomyEdit[] = [
      { op: 'rename', id: 'quantization', label: 'Q' },
      { op: 'rename', id: 'llm-serving', label: 'S' },
      { op: 'add', id: 'mine', label: 'Mine', description: '', terms: ['mine'] },
      { op: 'remove', id: 'graph-learning' },
    ];
    const once = upgradeEdits(edits, BUILT_IN, RETIRED);
    expect(upgradeEdits(once, BUILT_IN, RETIRED)).toEqual(once);
  });

  it('the shipped taxonomy: every old id it names is gone, successors exist, and a renamed old topic keeps tagging', () => {
    const ids = new Set(TOPICS.map((t) => t.id));
    const replaced = TOPICS.flatMap((t) => t.replaces ?? []);
    expect(replaced.length + RETIRED_TOPICS.length).toBeGreaterThan(100);
    for (const old of [...replaced, ...RETIRED_TOPICS.map((t) => t.id)]) expect(ids.has(old)).toBe(false);
    const retired = RETIRED_TOPICS.find((t) => t.terms.length >= 3)!;
    const { taxonomy, skipped } = effectiveTaxonomyLenient(upgradeEdits([{ op: 'rename', id: retired.id, label: `My ${retired.label}` }]));
    expect(skipped).toBe(0);
    const kept = taxonomy.topics.find((t) => t.id === retired.id)!;
    expect(kept.label).toBe(`My ${retired.label}`);
    const tags = tagPaper(
      { title: `A study of ${retired.terms[0]}`, abstract: `We look at ${retired.terms[0]} and ${retired.terms[1]} in depth, and at ${retired.terms[0]} again.` },
      taxonomy.topics,
    );
    expect(tags.map((t) => t.id)).toContain(retired.id);
  });
});
