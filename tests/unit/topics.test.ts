// Topic tagging: the taxonomy's shape, the tagger's rules, and the tags a researcher expects on the seed catalogue.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARXIV_CATEGORY_NAMES, categoryName } from '../../src/core/categories/arxivCategories.ts';
import type { TopicTag } from '../../src/core/paper.ts';
import { TOPICS, type TopicDefinition } from '../../src/core/topics/taxonomy.ts';
import { tagPaper } from '../../src/core/topics/tagger.ts';

const SEED_PATH = resolve(process.cwd(), '../shared/seeds/000_1385b71a8e51c958.txt');

interface SeedPaper {
  title: string;
  abstract: string;
}

/** Two lines of page chrome, "Subscribe" glued to the first title, then title and abstract lines alternating. */
function seedPapers(text: string): SeedPaper[] {
  const lines = text.split(/\r?\n/).slice(2);
  if (lines[0] !== undefined) lines[0] = lines[0].replace(/^Subscribe/, '');
  const papers: SeedPaper[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    papers.push({ title: (lines[i] as string).trim(), abstract: (lines[i + 1] as string).trim() });
  }
  return papers;
}

const seedText = existsSync(SEED_PATH) ? readFileSync(SEED_PATH, 'utf8') : undefined;
if (!seedText) console.info(`topics.test: seed catalogue not found at ${SEED_PATH}; skipping the seed-paper checks`);
const seeds = seedText ? seedPapers(seedText) : [];

const topicIds = (tags: TopicTag[]): string[] => tags.filter((t) => t.facet === 'topic').map((t) => t.id);

describe('taxonomy', () => {
  it('has at least 80 topics with unique kebab-case ids, labels, descriptions and 6-25 lowercase terms', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(TOPICS.length);
    expect(new Set(TOPICS.map((t) => t.label)).size).toBe(TOPICS.length);
    for (const topic of TOPICS) {
      expect(topic.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(topic.label.trim()).not.toBe('');
      expect(topic.description.trim().length).toBeGreaterThan(20);
      expect(topic.terms.length, topic.id).toBeGreaterThanOrEqual(6);
      expect(topic.terms.length, topic.id).toBeLessThanOrEqual(25);
      expect(new Set(topic.terms).size, topic.id).toBe(topic.terms.length);
      for (const term of topic.terms) expect(term, topic.id).toBe(term.toLowerCase().trim());
    }
  });

  it('includes the topics the catalogue is built around', () => {
    const labels = new Set(TOPICS.map((t) => t.label));
    for (const label of [
      'LLM serving',
      'Quantization',
      'Neural architecture search',
      'Memory offloading',
      'Distributed training',
      'Vector search',
      'Serverless computing',
      'Point clouds',
      'Neural rendering',
      'NOMA and multiple access',
      'Quantum error correction',
      'Split computing',
      'Edge AI',
      'Model compression',
      'Efficient transformers/attention',
      'Text-to-video',
      'Diffusion models',
      'Cloud computing',
      'HPC',
    ]) {
      expect(labels.has(label), label).toBe(true);
    }
  });

  it('never uses a generic word on its own as a seed term', () => {
    const generic = ['model', 'models', 'network', 'networks', 'learning', 'data', 'efficient', 'system', 'method'];
    for (const topic of TOPICS) for (const term of topic.terms) expect(generic, topic.id).not.toContain(term);
  });
});

describe('arXiv categories', () => {
  it('names current and legacy codes', () => {
    expect(categoryName('cs.DC')).toBe('Distributed, Parallel, and Cluster Computing');
    expect(categoryName('cs.CL')).toBe('Computation and Language');
    expect(categoryName('quant-ph')).toBe('Quantum Physics');
    expect(categoryName('astro-ph.CO')).toBe('Cosmology and Nongalactic Astrophysics');
    expect(categoryName('hep-th')).toBe('High Energy Physics - Theory');
    expect(categoryName('solv-int')).toBe('Exactly Solvable and Integrable Systems');
    expect(categoryName('cs.XX')).toBeUndefined();
    expect(categoryName('toString')).toBeUndefined();
    expect(Object.keys(ARXIV_CATEGORY_NAMES).length).toBeGreaterThan(150);
  });
});

describe('tagPaper', () => {
  const zeroInfinity = {
    title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning',
    abstract:
      'We present a heterogeneous system that leverages GPU, CPU and NVMe memory, and trains models with trillions of parameters on GPU clusters with DeepSpeed distributed training.',
  };

  it('returns at most three topic tags, best first, then the primary category tag', () => {
    const tags = tagPaper({ ...zeroInfinity, categories: ['cs.DC', 'cs.LG'] });
    expect(tags.length).toBeLessThanOrEqual(4);
    const topics = tags.filter((t) => t.facet === 'topic');
    expect(topics.length).toBeGreaterThanOrEqual(1);
    expect(topics.length).toBeLessThanOrEqual(3);
    expect(topics.map((t) => t.confidence)).toEqual([...topics.map((t) => t.confidence)].sort((a, b) => b - a));
    for (const tag of topics) {
      expect(tag.confidence).toBeGreaterThan(0);
      expect(tag.confidence).toBeLessThanOrEqual(1);
      expect(tag.terms.length).toBeGreaterThan(0);
    }
    expect(tags[tags.length - 1]).toEqual({
      id: 'cs.DC',
      label: 'Distributed, Parallel, and Cluster Computing',
      confidence: 1,
      terms: [],
      facet: 'category',
    });
  });

  it('labels an unknown category with its code, and adds none without categories', () => {
    const tags = tagPaper({ title: 'A note', categories: ['xx.YY'] });
    expect(tags).toEqual([{ id: 'xx.YY', label: 'xx.YY', confidence: 1, terms: [], facet: 'category' }]);
    expect(tagPaper({ title: 'A note', categories: [] })).toEqual([]);
    expect(tagPaper(zeroInfinity).every((t) => t.facet === 'topic')).toBe(true);
  });

  it('never has more than four tags, whatever the text', () => {
    const everything = TOPICS.map((t) => t.terms.join(', ')).join('. ');
    const tags = tagPaper({ title: everything, abstract: everything, categories: ['cs.LG', 'stat.ML'] });
    expect(tags.filter((t) => t.facet === 'topic')).toHaveLength(3);
    expect(tags).toHaveLength(4);
  });

  it('gives no topic tag to text about something else entirely', () => {
    const poem = {
      title: 'Shall I Compare Thee to a Summer\u2019s Day?',
      abstract:
        'Thou art more lovely and more temperate: rough winds do shake the darling buds of May, and summer\u2019s lease hath all too short a date. Sometime too hot the eye of heaven shines, and often is his gold complexion dimmed.',
    };
    expect(topicIds(tagPaper(poem))).toEqual([]);
  });

  it('does not tag from a single passing mention in the abstract', () => {
    const passing = { title: 'A study of bird migration', abstract: 'Unlike quantization, we count birds.' };
    expect(topicIds(tagPaper(passing))).toEqual([]);
    // The same term in the title is what the paper is about.
    expect(topicIds(tagPaper({ title: 'Quantization of neural networks', abstract: '' }))).toEqual(['quantization']);
  });

  it('matches plurals, -ed/-ing forms and hyphen variants of seed terms', () => {
    const tags = tagPaper({
      title: 'SSD-Offloaded fine-tuning of LLMs',
      abstract: 'Optimizer states are offloaded from GPU memories to NVMe drives.',
    });
    const offloading = tags.find((t) => t.id === 'memory-offloading');
    expect(offloading?.terms).toEqual(expect.arrayContaining(['ssd offloading', 'gpu memory', 'nvme']));
    const noma = tagPaper({ title: 'Nonorthogonal multiple-access for uplink IoT' });
    expect(topicIds(noma)).toContain('noma-multiple-access');
    expect(topicIds(tagPaper({ title: 'Serving LLMs with paged attention' }))).toContain('llm-serving');
  });

  it('credits an ambiguous term to the topic the rest of the text supports', () => {
    const edge = tagPaper({
      title: 'Offloading DNN inference from embedded devices',
      abstract: 'Devices offload layers to a nearby edge server over a wireless link to cut latency.',
    });
    expect(topicIds(edge)).toContain('edge-computing');
    expect(topicIds(edge)).not.toContain('memory-offloading');
    const memory = tagPaper({
      title: 'Offloading optimizer states for billion-parameter training',
      abstract: 'We move tensors between GPU memory, CPU memory and NVMe to train beyond the memory wall.',
    });
    expect(topicIds(memory)[0]).toBe('memory-offloading');
    expect(topicIds(memory)).not.toContain('edge-computing');
  });

  it('has confidence that grows with the evidence', () => {
    const weak = tagPaper({ title: 'Notes on NOMA' })[0];
    const strong = tagPaper({
      title: 'Grant-free NOMA with successive interference cancellation',
      abstract: 'Non-orthogonal multiple access (NOMA) with power-domain superposition coding for mMTC.',
    })[0];
    expect(weak?.id).toBe('noma-multiple-access');
    expect(strong?.id).toBe('noma-multiple-access');
    expect(strong?.confidence ?? 0).toBeGreaterThan(weak?.confidence ?? 1);
  });

  it('uses a caller-supplied taxonomy', () => {
    const custom: TopicDefinition[] = [{ id: 'birds', label: 'Birds', description: 'Birds and their habits.', terms: ['bird migration', 'songbird'] }];
    const tags = tagPaper({ title: 'Songbirds and bird migration', abstract: 'Songbirds migrate.' }, custom);
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({ id: 'birds', label: 'Birds', facet: 'topic' });
    expect(tags[0]?.terms).toEqual(expect.arrayContaining(['songbird', 'bird migration']));
    expect(tagPaper({ title: 'Songbirds and bird migration', abstract: 'Songbirds migrate.' }, custom)).toEqual(tags);
  });
});

describe.skipIf(!seedText)('tags on the seed catalogue', () => {
  const tagsFor = (titleStart: string): string[] => {
    const paper = seeds.find((p) => p.title.startsWith(titleStart));
    if (!paper) throw new Error(`no seed paper titled "${titleStart}..."`);
    return topicIds(tagPaper(paper));
  };

  it('reads all 63 seed papers', () => {
    expect(seeds).toHaveLength(63);
    expect(seeds[0]?.title).toBe('Non-deep Networks');
  });

  it('gives every seed paper at least one topic tag', () => {
    const untagged = seeds.filter((p) => topicIds(tagPaper(p)).length === 0).map((p) => p.title);
    expect(untagged).toEqual([]);
  });

  it.each([
    ['ZeRO-Infinity', ['memory-offloading', 'distributed-training']],
    ['ZeRO-Offload', ['memory-offloading']],
    ['MemAscend', ['memory-offloading']],
    ['ProxylessNAS', ['neural-architecture-search']],
    ['Neural Architecture Search: Two Constant', ['neural-architecture-search']],
    ['Fast Uplink Grant-Free NOMA', ['noma-multiple-access']],
    ['NOMA-Assisted Grant-Free Transmission', ['noma-multiple-access']],
    ['Movable Antenna Enhanced NOMA', ['noma-multiple-access']],
    ['SQUASH', ['vector-search', 'serverless-computing']],
    ['Generating logical magic states', ['quantum-error-correction']],
    ['PointDreamer', ['point-clouds']],
    ['Parameter is Not All You Need', ['point-clouds']],
    ['NanoFlow', ['llm-serving']],
    ['Tilus', ['llm-serving', 'quantization']],
    ['BottleFit', ['split-computing']],
    ['Split Computing and Early Exiting', ['split-computing']],
    ['Hardware Acceleration of Neural Graphics', ['neural-rendering']],
    ['Real-Time Neural Light Field', ['neural-rendering']],
    ['AMD-Hummingbird', ['text-to-video']],
    ['Video Killed the Energy Budget', ['text-to-video']],
    ['Paris: A Decentralized', ['diffusion-models']],
    ['Serverless Cold Starts', ['serverless-computing']],
    ['LEONARDO', ['hpc']],
    ['TEMPI', ['hpc']],
    ['Intelligent Load Balancing in Cloud', ['cloud-computing']],
    ['NoLoCo', ['distributed-training']],
    ['Distributed Deep Learning in Open Collaborations', ['distributed-training']],
    ['EdgeNeXt', ['edge-ai']],
    ['Implementing and Optimizing the Scaled Dot-Product Attention', ['efficient-attention']],
    ['Regularization-based Framework for Quantization', ['quantization']],
  ])('tags "%s..." with %j', (titleStart, expected) => {
    expect(tagsFor(titleStart)).toEqual(expect.arrayContaining(expected));
  });
});
