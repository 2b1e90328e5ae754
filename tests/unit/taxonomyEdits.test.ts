// The user's taxonomy edits: validation, the effective taxonomy, re-tagging the catalogue and the index's tags under it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { TOPICS } from '../../src/core/topics/taxonomy.ts';
import {
  BUILT_IN_REVISION,
  effectiveTaxonomy,
  effectiveTaxonomyLenient,
  newTopicId,
  taggingRevision,
  TaxonomyEditError,
  termsFromText,
  withEdit,
  type TaxonomyEdit,
} from '../../src/core/topics/editedTaxonomy.ts';
import type { TopicTag } from '../../src/core/paper.ts';
import { CatalogueRetagger, TaxonomyTags } from '../../src/core/topics/overlay.ts';

const seed = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
/** The topic labels among a paper's tags, in order. */
const topicLabelsOf = (tags: TopicTag[]) => tags.filter((t) => t.facet === 'topic').map((t) => t.label);
const label = (id: string, edits: TaxonomyEdit[]) => effectiveTaxonomy(edits).topics.find((t) => t.id === id)?.label;

function refused(edits: TaxonomyEdit[], edit: TaxonomyEdit): TaxonomyEditError {
  try {
    withEdit(edits, edit);
  } catch (error) {
    expect(error).toBeInstanceOf(TaxonomyEditError);
    return error as TaxonomyEditError;
  }
  throw new Error('the edit was accepted');
}

describe('taxonomy edits', () => {
  it('no edits give the built-in taxonomy itself', () => {
    expect(effectiveTaxonomy([]).topics).toBe(TOPICS);
    expect(taggingRevision(TOPICS)).toBe(BUILT_IN_REVISION);
  });

  it('adds, renames, edits, merges and removes topics, in order', () => {
    let edits: TaxonomyEdit[] = [];
    edits = withEdit(edits, {
      op: 'add',
      id: 'user-origami',
      label: '  Origami   robots ',
      description: 'Folding machines.',
      terms: ['Origami Robot', 'origami robot', ' self-folding '],
    }).edits;
    expect(edits[0]).toEqual({ op: 'add', id: 'user-origami', label: 'Origami robots', description: 'Folding machines.', terms: ['origami robot', 'self-folding'] });
    edits = withEdit(edits, { op: 'rename', id: 'model-compression-and-quantization', label: 'Low-bit models' }).edits;
    edits = withEdit(edits, { op: 'update', id: 'model-compression-and-quantization', terms: ['int4', 'int8'] }).edits;
    edits = withEdit(edits, { op: 'merge', from: ['parallel-computing-and-distributed-training'], into: 'llm-serving-systems' }).edits;
    edits = withEdit(edits, { op: 'remove', id: 'point-cloud-analysis' }).edits;
    const taxonomy = effectiveTaxonomy(edits);
    expect(taxonomy.topics.length).toBe(TOPICS.length + 1 - 2);
    expect(label('model-compression-and-quantization', edits)).toBe('Low-bit models');
    expect(taxonomy.topics.find((t) => t.id === 'model-compression-and-quantization')?.terms).toEqual(['int4', 'int8']);
    const serving = taxonomy.topics.find((t) => t.id === 'llm-serving-systems')!;
    expect(serving.terms).toContain('serving system');
    expect(serving.terms).toContain(TOPICS.find((t) => t.id === 'parallel-computing-and-distributed-training')!.terms[0]);
    expect(serving.learnedFrom).toEqual(['llm-serving-systems', 'parallel-computing-and-distributed-training']);
    expect(taxonomy.topics.find((t) => t.id === 'user-origami')?.learnedFrom).toEqual([]);
    expect(taxonomy.aliases.get('parallel-computing-and-distributed-training')).toBe('llm-serving-systems');
    expect(taxonomy.removed.has('point-cloud-analysis')).toBe(true);
    expect(taxonomy.origins.get('llm-serving-systems')).toEqual({ builtIn: true, edited: true, mergedFrom: ['Parallel computing and distributed training'] });
    expect(taxonomy.origins.get('user-origami')?.builtIn).toBe(false);
    // Built-in topics stay untouched.
    expect(TOPICS.find((t) => t.id === 'model-compression-and-quantization')?.label).toBe('Model compression and quantization');
  });

  it('refuses bad edits with a clear reason, leaving the list as it was', () => {
    const edits: TaxonomyEdit[] = [{ op: 'rename', id: 'model-compression-and-quantization', label: 'Low-bit models' }];
    const add = (more: Partial<Extract<TaxonomyEdit, { op: 'add' }>>): TaxonomyEdit => ({ op: 'add', id: 'user-x', label: 'X', description: '', terms: ['x ray'], ...more });
    expect(refused(edits, add({ label: '   ' })).code).toBe('emptyLabel');
    expect(refused(edits, add({ label: 'low-BIT   models' }))).toMatchObject({ code: 'duplicateLabel', message: 'There is already a topic named "Low-bit models".' });
    expect(refused(edits, add({ label: 'systems for AI TRAINING and inference' })).code).toBe('duplicateLabel');
    expect(refused(edits, add({ terms: [' ', ',', ''] })).code).toBe('noTerms');
    expect(refused(edits, add({ id: 'model-compression-and-quantization' })).code).toBe('takenId');
    expect(refused(edits, add({ id: 'Bad Id' })).code).toBe('badId');
    expect(refused(edits, add({ label: 'x'.repeat(81) })).code).toBe('longLabel');
    expect(refused(edits, { op: 'rename', id: 'nope', label: 'Y' })).toMatchObject({ code: 'unknownTopic' });
    expect(refused(edits, { op: 'rename', id: 'llm-serving-systems', label: '' }).code).toBe('emptyLabel');
    expect(refused(edits, { op: 'rename', id: 'llm-serving-systems', label: 'Quantum computing' }).code).toBe('duplicateLabel');
    expect(refused(edits, { op: 'update', id: 'llm-serving-systems', terms: [] }).code).toBe('noTerms');
    expect(refused(edits, { op: 'update', id: 'llm-serving-systems' }).code).toBe('nothingToChange');
    expect(refused(edits, { op: 'merge', from: ['llm-serving-systems', 'model-compression-and-quantization'], into: 'llm-serving-systems' })).toMatchObject({
      code: 'mergeIntoItself',
    });
    expect(refused(edits, { op: 'merge', from: [], into: 'llm-serving-systems' }).code).toBe('mergeNothing');
    expect(refused(edits, { op: 'merge', from: ['ghost'], into: 'llm-serving-systems' }).code).toBe('unknownTopic');
    expect(refused(edits, { op: 'remove', id: 'ghost' }).code).toBe('unknownTopic');
    // A topic merged or removed is gone for later edits.
    const merged = withEdit(edits, { op: 'merge', from: ['model-compression-and-quantization'], into: 'llm-serving-systems' }).edits;
    expect(refused(merged, { op: 'rename', id: 'model-compression-and-quantization', label: 'Q' }).code).toBe('unknownTopic');
    expect(edits).toEqual([{ op: 'rename', id: 'model-compression-and-quantization', label: 'Low-bit models' }]);
  });

  it('a renamed topic frees its old name', () => {
    const edits = withEdit([], { op: 'rename', id: 'model-compression-and-quantization', label: 'Low-bit models' }).edits;
    expect(() => withEdit(edits, { op: 'add', id: 'user-q', label: 'Model compression and quantization', description: '', terms: ['quant'] })).not.toThrow();
  });

  it('skips edits that no longer apply when loading a stored list, and says how many', () => {
    const { taxonomy, kept, skipped } = effectiveTaxonomyLenient([
      { op: 'rename', id: 'gone-in-an-update', label: 'X' },
      { op: 'rename', id: 'model-compression-and-quantization', label: 'Low-bit models' },
    ]);
    expect(skipped).toBe(1);
    expect(kept).toHaveLength(1);
    expect(taxonomy.topics.find((t) => t.id === 'model-compression-and-quantization')?.label).toBe('Low-bit models');
  });

  it('makes ids and reads terms typed as text', () => {
    expect(newTopicId('Origami Robots!', () => false)).toBe('user-origami-robots');
    expect(newTopicId('Origami Robots', (id) => id === 'user-origami-robots')).toBe('user-origami-robots-2');
    expect(newTopicId('???', () => false)).toBe('user-topic');
    expect(termsFromText('Origami robot, self-folding;\n origami robot ,,')).toEqual(['origami robot', 'self-folding']);
  });

  it('the tagging revision ignores labels and descriptions, not terms', () => {
    const renamed = effectiveTaxonomy([
      { op: 'rename', id: 'model-compression-and-quantization', label: 'Low-bit' },
      { op: 'update', id: 'model-compression-and-quantization', description: 'Bits.' },
    ]);
    expect(taggingRevision(renamed.topics)).toBe(BUILT_IN_REVISION);
    const retermed = effectiveTaxonomy([{ op: 'update', id: 'model-compression-and-quantization', terms: ['int4'] }]);
    expect(taggingRevision(retermed.topics)).not.toBe(BUILT_IN_REVISION);
  });
});

describe('re-tagging the catalogue', () => {
  const titles = seed.lines('titles');
  const zero = titles.findIndex((t) => t.startsWith('ZeRO-Infinity'));

  it('an unchanged taxonomy keeps every paper’s topics', () => {
    const overlay = new CatalogueRetagger(seed, effectiveTaxonomy([]), BUILT_IN_REVISION).run();
    expect(overlay.changed).toBe(0);
    const tags = new TaxonomyTags(effectiveTaxonomy([]), overlay);
    for (let i = 0; i < seed.paperCount; i++) expect(tags.tagsOf(i, seed.tagsOf(i))).toEqual(seed.tagsOf(i));
  });

  it('a stopped re-tag keeps what it did, shows it for those papers only, and resumes to the same overlay', () => {
    const taxonomy = effectiveTaxonomy([{ op: 'add', id: 'user-memory-wall', label: 'Memory wall', description: '', terms: ['memory wall'] }]);
    const revision = taggingRevision(taxonomy.topics);
    const whole = new CatalogueRetagger(seed, taxonomy, revision).run();
    const first = new CatalogueRetagger(seed, taxonomy, revision);
    for (let k = 0; k < zero + 1; k++) first.step(0); // one paper a slice: stopped just after the ZeRO-Infinity paper
    const partial = first.partial();
    expect(partial.done).toBe(zero + 1);
    const tags = new TaxonomyTags(taxonomy, partial);
    const labels = (i: number) => topicLabelsOf(tags.tagsOf(i, seed.tagsOf(i)));
    expect(labels(zero)).toContain('Memory wall');
    // Papers past the stop show their catalogue topics, not the empty slots of the partial overlay.
    for (let i = zero + 1; i < seed.paperCount; i++)
      expect(labels(i)).toEqual(
        seed
          .tagsOf(i)
          .filter((t) => t.facet === 'topic')
          .map((t) => t.label),
      );
    const resumed = new CatalogueRetagger(seed, taxonomy, revision);
    expect(resumed.resumeFrom(partial)).toBe(true);
    expect(resumed.done).toBe(zero + 1);
    expect(resumed.run()).toEqual(whole);
    // A partial overlay of another revision or catalogue is not resumed from.
    expect(new CatalogueRetagger(seed, taxonomy, 'other').resumeFrom(partial)).toBe(false);
    expect(new CatalogueRetagger(seed, taxonomy, revision).resumeFrom({ ...partial, done: seed.paperCount + 1 })).toBe(false);
  });

  it('merges, removals and new terms change exactly the papers they touch', () => {
    const edits: TaxonomyEdit[] = [
      { op: 'merge', from: ['parallel-computing-and-distributed-training'], into: 'hpc-and-cloud-computing-infrastructure' },
      { op: 'remove', id: 'point-cloud-analysis' },
      { op: 'add', id: 'user-memory-wall', label: 'Memory wall', description: '', terms: ['memory wall'] },
    ];
    const taxonomy = effectiveTaxonomy(edits);
    const retagger = new CatalogueRetagger(seed, taxonomy, taggingRevision(taxonomy.topics));
    let steps = 0;
    while (!retagger.step(0)) steps++;
    expect(steps).toBe(seed.paperCount - 1); // one paper a slice at a zero budget
    const overlay = retagger.result();
    expect(overlay.changed).toBeGreaterThan(0);
    expect(overlay.changed).toBeLessThan(seed.paperCount);
    const tags = new TaxonomyTags(taxonomy, overlay);
    const labels = (i: number) => topicLabelsOf(tags.tagsOf(i, seed.tagsOf(i)));
    expect(labels(zero)).toContain('Memory wall');
    expect(labels(zero)).toContain('HPC, cloud and distributed systems');
    expect(labels(zero)).not.toContain('Parallel computing and distributed training');
    for (let i = 0; i < seed.paperCount; i++) expect(labels(i)).not.toContain('Point cloud analysis');
    // Papers the edits are not about keep their topics.
    const image = titles.indexOf('Non-deep Networks');
    expect(labels(image)).toEqual(
      seed
        .tagsOf(image)
        .filter((t) => t.facet === 'topic')
        .map((t) => t.label),
    );
  });

  it('while no overlay is ready, merged topics show as what they merged into, removed ones go, renames show at once', () => {
    const taxonomy = effectiveTaxonomy([
      { op: 'merge', from: ['parallel-computing-and-distributed-training'], into: 'hpc-and-cloud-computing-infrastructure' },
      { op: 'rename', id: 'hpc-and-cloud-computing-infrastructure', label: 'Training at scale' },
    ]);
    const tags = new TaxonomyTags(taxonomy).tagsOf(zero, seed.tagsOf(zero));
    expect(tags.filter((t) => t.facet === 'topic').map((t) => t.label)).toEqual(['Training at scale']);
  });

  it('re-tags from the packed terms when the catalogue has no abstracts', () => {
    const builder = new CatalogueBuilder({ source: 'small', withAbstracts: false });
    builder.add({ title: 'Folding paper machines', abstract: 'We build an origami robot that folds itself. The origami robot walks.', arxivId: '2101.00001' });
    builder.add({ title: 'Another origami robot', abstract: 'An origami robot again, with origami robot gaits.', arxivId: '2101.00002' });
    builder.add({ title: 'Serving LLMs fast', abstract: 'Continuous batching for LLM serving.', arxivId: '2101.00003' });
    const data = readCatalogue(builder.build());
    expect(data.header.hasAbstracts).toBe(false);
    const taxonomy = effectiveTaxonomy([{ op: 'add', id: 'user-origami', label: 'Origami robots', description: '', terms: ['origami robot'] }]);
    const overlay = new CatalogueRetagger(data, taxonomy, taggingRevision(taxonomy.topics)).run();
    const tags = new TaxonomyTags(taxonomy, overlay);
    expect(tags.tagsOf(1, data.tagsOf(1)).map((t) => t.label)).toContain('Origami robots');
  });
});

describe('the catalogue index under an edited taxonomy', () => {
  it('tags known and unknown papers, and related papers share topics, with the edited taxonomy', () => {
    const index = new CatalogueIndex(seed);
    const zeroRef = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning' };
    expect(index.tagsFor(zeroRef).map((t) => t.label)).toContain('Parallel computing and distributed training');
    const taxonomy = effectiveTaxonomy([
      { op: 'rename', id: 'parallel-computing-and-distributed-training', label: 'Parallel training at scale' },
      { op: 'add', id: 'user-origami', label: 'Origami robots', description: '', terms: ['origami robot'] },
    ]);
    index.useTaxonomy(new TaxonomyTags(taxonomy));
    expect(index.tagsFor(zeroRef).map((t) => t.label)).toContain('Parallel training at scale');
    expect(index.match(zeroRef)?.tags.map((t) => t.label)).toContain('Parallel training at scale');
    const unknown = { key: 'title:x', title: 'An origami robot that folds itself', abstract: 'The origami robot walks on origami robot legs.' };
    // The added topic's phrase is matched; the model may add a built-in topic beside it.
    expect(index.tagsFor(unknown).map((t) => t.label)[0]).toBe('Origami robots');
    const related = index.relatedTo(zeroRef, 10);
    expect(related.flatMap((r) => r.sharedTopics)).not.toContain('Parallel computing and distributed training');
    index.useTaxonomy(undefined);
    expect(index.tagsFor(zeroRef).map((t) => t.label)).toContain('Parallel computing and distributed training');
  });
});
