// The taxonomy model's binary file (assets/models/topics.bin): written and read back to the same scores and bytes,
// refused with a reason when truncated or corrupt, and tagging never runs before a model is provided.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { shippedTopicModelFile } from '../../src/cli/topicModel.ts';
import { TaxonomyModel, type TaxonomyModelContents } from '../../src/core/topics/taxonomyModel.ts';
import { decodeTaxonomyModel } from '../../src/core/topics/taxonomyModelFile.ts';
import { topicTerms } from '../../src/core/topics/topicText.ts';
import { encodeTaxonomyModel } from '../../src/training/taxonomyModelFile.ts';

/** A small model as the builder makes one: three clusters of two topics (one broad), float weights and figures. */
function smallModel(): TaxonomyModelContents {
  const terms = ['attention', 'graph', 'network', 'neural', 'node', 'transformer', 'ünïcode'];
  return {
    trainedOn: '3 test papers',
    papers: 3,
    terms,
    idf: Float32Array.from([1.234, 2.5, 0.75, 1.1, 3.333, 2.25, 4.0]),
    clusters: [
      { topic: 'transformers', category: 'cs.CL', index: Uint32Array.from([0, 5, 6]), weights: Float32Array.from([0.61, 0.77, 0.05]) },
      { topic: 'transformers', category: 'cs.LG', index: Uint32Array.from([0, 2, 3]), weights: Float32Array.from([0.4, 0.3, 0.2]) },
      { topic: 'graphs', category: 'cs.LG', index: Uint32Array.from([1, 2, 4]), weights: Float32Array.from([0.7, 0.2, 0.66]) },
    ],
    topics: [
      { id: 'transformers', threshold: 0.21, background: 0.05, typical: 0.4, quantiles: [0, 0.1, 0.3, 0.5, 0.9] },
      { id: 'graphs', broad: true, threshold: 0.18, background: 0.02, typical: 0.35, quantiles: [0.01, 0.2, 0.8] },
    ],
  };
}

const PAPERS = [
  { title: 'Attention is a transformer', abstract: 'We study neural attention in transformer networks.' },
  { title: 'Node classification on a graph', abstract: 'A graph neural network labels each node.' },
  { title: 'Ünïcode words', abstract: 'transformer graph' },
];

/** Every score, cluster, level and confidence of a model on the test papers. */
function scoresOf(model: TaxonomyModel): number[] {
  return PAPERS.flatMap((p) => {
    const { score, cluster } = model.scores(model.vector(topicTerms(p.title, p.abstract)));
    return [...score].flatMap((s, k) => [s, cluster[k]!, model.level(k, s), model.confidence(k, s), model.threshold(k), model.isBroad(k) ? 1 : 0]);
  });
}

/** The message decodeTaxonomyModel throws on `bytes`. */
function refusal(bytes: Uint8Array): string {
  try {
    decodeTaxonomyModel(bytes);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('decoded without an error');
}

describe('the taxonomy model file', () => {
  it('reads back what was written: the same terms, topics and (quantized) scores, and the same bytes again', () => {
    const written = encodeTaxonomyModel(smallModel());
    const read = decodeTaxonomyModel(written);
    expect(read.terms).toEqual(smallModel().terms);
    expect(read.trainedOn).toBe('3 test papers');
    expect(read.clusters.map((c) => [c.topic, c.category, [...c.index]])).toEqual(smallModel().clusters.map((c) => [c.topic, c.category, [...c.index]]));
    expect(read.topics.map((t) => [t.id, t.broad ?? false, t.quantiles.length])).toEqual([
      ['transformers', false, 5],
      ['graphs', true, 3],
    ]);
    // Weights are stored as int8 per cluster and idf in thousandths: scores move by well under 1%.
    const before = scoresOf(new TaxonomyModel(smallModel()));
    const after = scoresOf(new TaxonomyModel(read));
    after.forEach((x, i) => expect(x).toBeCloseTo(before[i]!, 2));
    // A model read from a file scores exactly as written and writes the same bytes.
    expect(scoresOf(new TaxonomyModel(decodeTaxonomyModel(encodeTaxonomyModel(read))))).toEqual(after);
    expect(encodeTaxonomyModel(read)).toEqual(written);
  });

  it('reads the shipped assets/models/topics.bin and writes it back to the same bytes', () => {
    const shipped = new Uint8Array(readFileSync(shippedTopicModelFile()));
    const model = decodeTaxonomyModel(shipped);
    expect(model.topics.length).toBeGreaterThan(500);
    expect(model.terms.length).toBeGreaterThan(10_000);
    expect(Buffer.from(encodeTaxonomyModel(model)).equals(Buffer.from(shipped))).toBe(true);
  });

  it('refuses a truncated file wherever it is cut, naming what is missing', () => {
    const written = encodeTaxonomyModel(smallModel());
    // Every cut short of the last section's padding.
    let lastByte = written.length;
    while (written[lastByte - 1] === 0) lastByte--;
    for (let length = 0; length < lastByte; length++) {
      expect(refusal(written.subarray(0, length))).toMatch(/^taxonomy model file: (too short|truncated in its )/);
    }
  });

  it('refuses what is not a model, another version, and sections that do not hold together', () => {
    const written = encodeTaxonomyModel(smallModel());
    const changed = (at: number, value: number) => {
      const copy = written.slice();
      copy[at] = value;
      return copy;
    };
    expect(refusal(new TextEncoder().encode('{"format":"paperscope-taxonomy-model"}'))).toBe('taxonomy model file: not a Paperscope taxonomy model');
    expect(refusal(changed(4, 2))).toBe('taxonomy model file: format version 2, this build reads 1');
    expect(refusal(changed(12, 0x7e))).toBe('taxonomy model file: its header is not JSON');
    const withTail = new Uint8Array(written.length + 8);
    withTail.set(written);
    expect(refusal(withTail)).toBe('taxonomy model file: 8 bytes after its last section');

    // Find the sections by the header's counts (7 terms, 3 clusters of 3 terms each, 2 topics).
    const headerLength = new DataView(written.buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(written.subarray(12, 12 + headerLength)));
    const align8 = (n: number) => (n + 7) & ~7;
    const idfAt = align8(12 + headerLength);
    const clusterTopicAt = align8(align8(idfAt + 7 * 2) + header.termBytes);
    const clusterTermsAt = align8(align8(align8(clusterTopicAt + 3 * 2) + 3 * 8) + 3 * 4);
    expect(refusal(changed(clusterTopicAt, 9))).toBe('taxonomy model file: cluster 0 names topic 9 of 2');
    expect(refusal(changed(clusterTermsAt + 2, 40))).toMatch(/^taxonomy model file: cluster 0 has term 40 out of order or of range/);
    expect(refusal(changed(clusterTermsAt + 2, 0))).toMatch(/^taxonomy model file: cluster 0 has term 0 out of order/);
  });
});

describe('tagging and the model file', () => {
  it('refuses to tag before a model is provided, rather than leave papers without their topics', async () => {
    vi.resetModules();
    const fresh = await import('../../src/core/topics/tagger.ts');
    expect(() => fresh.tagPaper(PAPERS[0]!)).toThrow(/before the topic model was provided/);
  });

  it('tags from the seed terms, with a warning, when the provided file is corrupt', async () => {
    vi.resetModules();
    const fresh = await import('../../src/core/topics/tagger.ts');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fresh.provideTopicModel(() => encodeTaxonomyModel(smallModel()).subarray(0, 40));
    expect(fresh.bundledTopicModel()).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('does not decode'), expect.any(Error));
    warn.mockRestore();
  });
});
