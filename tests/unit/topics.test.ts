// Topic tagging: the learned taxonomy's shape, the tagger's rules, and the tags a researcher expects on the seed catalogue.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ARXIV_CATEGORY_NAMES, categoryName } from '../../src/core/categories/arxivCategories.ts';
import type { TopicTag } from '../../src/core/paper.ts';
import { TOPICS, type TopicDefinition } from '../../src/core/topics/taxonomy.ts';
import { bundledTopicModel, tagPaper } from '../../src/core/topics/tagger.ts';
import { labelKey } from '../../src/training/taxonomyBuild.ts';

const SEED_PATH = resolve(process.cwd(), '../shared/seeds/000_1385b71a8e51c958.txt');
const TRAINING_DATA_PATH = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
/** The taxonomy is learned from the papers dated before this (src/training/taxonomyCorpus.ts). */
const TAXONOMY_CUTOFF = '2025-10-01';

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

const topicTagsOf = (tags: TopicTag[]): TopicTag[] => tags.filter((t) => t.facet === 'topic');
const topicIds = (tags: TopicTag[]): string[] => topicTagsOf(tags).map((t) => t.id);

/** The text as a reader finds words in it: lowercase, accents dropped, any run of spaces as one. */
const plainText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** arXiv's subject groups, the headings topics sit under. */
const ARXIV_GROUPS = [
  'Computer Science',
  'Economics',
  'Electrical Engineering and Systems Science',
  'Mathematics',
  'Physics',
  'Astrophysics',
  'Condensed Matter',
  'Quantitative Biology',
  'Quantitative Finance',
  'Statistics',
];

describe('taxonomy', () => {
  it('has several hundred topics with unique kebab-case ids, each with a label, a one-line description, a group, categories and phrases', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(300);
    expect(TOPICS.length).toBeLessThanOrEqual(1000);
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(TOPICS.length);
    expect(new Set(TOPICS.map((t) => t.label)).size).toBe(TOPICS.length);
    for (const topic of TOPICS) {
      expect(topic.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(topic.label.trim(), topic.id).not.toBe('');
      expect(topic.description.trim().length, topic.id).toBeGreaterThan(20);
      expect(topic.description, topic.id).not.toMatch(/\n/);
      expect(ARXIV_GROUPS, topic.id).toContain(topic.group);
      expect(topic.categories.length, topic.id).toBeGreaterThan(0);
      for (const category of topic.categories) expect(categoryName(category), `${topic.id}: ${category}`).toBeDefined();
      expect(topic.terms.length, topic.id).toBeGreaterThanOrEqual(1);
      expect(new Set(topic.terms).size, topic.id).toBe(topic.terms.length);
      for (const term of topic.terms) expect(term, topic.id).toBe(term.toLowerCase().trim());
    }
  });

  it('has no two topics whose labels are the same words in another order or form', () => {
    expect(labelKey('LLM evaluation and applications')).toBe(labelKey('LLM applications and evaluation'));
    expect(labelKey('Graph neural networks')).toBe(labelKey('Graph neural network'));
    expect(labelKey('Graph neural networks')).not.toBe(labelKey('Neural networks'));
    const keys = TOPICS.map((t) => labelKey(t.label));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('keeps every reviewed topic id: each names a topic, or the topic its clusters were merged into replaces it', () => {
    const names = JSON.parse(readFileSync(resolve(process.cwd(), 'src/training/taxonomyNames.json'), 'utf8')) as Record<string, { id: string }>;
    const known = new Set(TOPICS.flatMap((t) => [t.id, ...(t.replaces ?? [])]));
    expect(Object.values(names).filter((n) => !known.has(n.id))).toEqual([]);
  });

  it('never uses a generic word on its own as a phrase', () => {
    const generic = ['model', 'models', 'network', 'networks', 'learning', 'data', 'efficient', 'system', 'method'];
    for (const topic of TOPICS) for (const term of topic.terms) expect(generic, topic.id).not.toContain(term);
  });
});

/** Archives arXiv has since merged into others (src/core/categories/arxivCategories.ts): old papers still carry them. */
const LEGACY_ARCHIVES = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'dg-ga',
  'funct-an',
  'mtrl-th',
  'patt-sol',
  'plasm-ph',
  'q-alg',
  'solv-int',
  'supr-con',
]);
/**
 * Current archives of the training data that the learned taxonomy has no topic for: none. Categories too small to
 * cluster (under 40 papers) are topics as a whole (from 8 papers, src/training/taxonomyCorpus.ts MIN_FIELD_PAPERS).
 */
const ARCHIVES_WITHOUT_TOPICS: string[] = [];

const trainingData = existsSync(TRAINING_DATA_PATH) ? TRAINING_DATA_PATH : undefined;
describe.skipIf(!trainingData)('taxonomy over the training data', () => {
  it('has topics for every current arXiv archive of the papers it was learned from', () => {
    const archives = new Set<string>();
    // Read by pattern, not JSON.parse: 100k papers parse in seconds, and only two fields matter.
    for (const line of gunzipSync(readFileSync(TRAINING_DATA_PATH)).toString('utf8').split('\n')) {
      const primary = /"categories":\s*\["([^"]+)"/.exec(line)?.[1];
      const date = /"date":\s*"([^"]+)"/.exec(line)?.[1];
      if (primary && date && date < TAXONOMY_CUTOFF) archives.add(primary.split('.')[0]!);
    }
    const covered = new Set(TOPICS.flatMap((t) => t.categories.map((c) => c.split('.')[0]!)));
    const current = [...archives].filter((a) => !LEGACY_ARCHIVES.has(a));
    expect(current.length).toBeGreaterThanOrEqual(15);
    expect(current.filter((a) => !covered.has(a)).sort()).toEqual(ARCHIVES_WITHOUT_TOPICS);
  }, 60_000);

  it('has, for every category the model knows, a whole named after the category (the fallback of a weak fit)', () => {
    const model = bundledTopicModel()!;
    const byId = new Map(TOPICS.map((t) => [t.id, t]));
    const categories = [...new Set(model.clusterCategory)];
    expect(categories.length).toBeGreaterThan(100);
    for (const category of categories) {
      const whole = byId.get(model.topicIds[model.categoryWhole(category)]!);
      expect(whole?.label.toLowerCase(), category).toBe((categoryName(category) ?? category).toLowerCase());
    }
    expect(model.categoryWhole('econ.XX')).toBe(-1);
  });

  it('gives later papers one to three distinct topics, rarely none', () => {
    const later: { title: string; abstract: string; categories: string[] }[] = [];
    for (const line of gunzipSync(readFileSync(TRAINING_DATA_PATH)).toString('utf8').split('\n')) {
      const date = /"date":\s*"([^"]+)"/.exec(line)?.[1];
      if (!date || date < TAXONOMY_CUTOFF || later.length >= 3000) continue;
      const p = JSON.parse(line) as { title: string; abstract?: string; categories?: string[] };
      later.push({ title: p.title, abstract: p.abstract ?? '', categories: p.categories ?? [] });
    }
    let none = 0;
    for (const paper of later) {
      const ids = tagPaper(paper)
        .filter((t) => t.facet === 'topic')
        .map((t) => t.id);
      expect(ids.length, paper.title).toBeLessThanOrEqual(3);
      expect(new Set(ids).size, paper.title).toBe(ids.length);
      if (ids.length === 0) none++;
    }
    expect(none / later.length).toBeLessThan(0.02);
  }, 60_000);
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

/** A topic a user added: its phrases are matched in the text (built-in topics are scored by the model). */
const birdMigration: TopicDefinition = {
  id: 'bird-migration',
  label: 'Bird migration',
  description: 'How and where birds migrate.',
  terms: ['bird migration', 'songbird', 'stop-over site', 'ring recovery'],
};
const withBirds: readonly TopicDefinition[] = [...TOPICS, birdMigration];

describe('tagPaper', () => {
  const zeroInfinity = {
    title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning',
    abstract:
      'We present a heterogeneous system that leverages GPU, CPU and NVMe memory, and trains models with trillions of parameters on GPU clusters with DeepSpeed distributed training.',
  };

  it('returns at most three topic tags, best first, each with the paper\u2019s own words, then the primary category tag', () => {
    const tags = tagPaper({ ...zeroInfinity, categories: ['cs.DC', 'cs.LG'] });
    expect(tags.length).toBeLessThanOrEqual(4);
    const topics = topicTagsOf(tags);
    expect(topics.map((t) => t.id)).toContain('parallel-computing-and-distributed-training');
    expect(topics.length).toBeLessThanOrEqual(3);
    expect(topics.map((t) => t.confidence)).toEqual([...topics.map((t) => t.confidence)].sort((a, b) => b - a));
    const text = plainText(`${zeroInfinity.title} ${zeroInfinity.abstract}`);
    for (const tag of topics) {
      expect(tag.confidence).toBeGreaterThan(0);
      expect(tag.confidence).toBeLessThanOrEqual(1);
      expect(tag.terms.length).toBeGreaterThan(0);
      for (const term of tag.terms) expect(text, term).toContain(term);
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

  it('never has more than three topic tags and one category tag, whatever the text', () => {
    // Four added topics whose phrases all appear, on top of what the model finds: more candidates than fit.
    const extra: TopicDefinition[] = ['alpha', 'beta', 'gamma', 'delta'].map((word) => ({
      id: `${word}-topic`,
      label: `${word} topic`,
      description: `Papers on ${word} things.`,
      terms: [`${word} widget`, `${word} gadget`],
    }));
    const words = extra.flatMap((t) => t.terms).join(', ');
    const tags = tagPaper({ title: `${zeroInfinity.title}: ${words}`, abstract: `${zeroInfinity.abstract} ${words}.`, categories: ['cs.DC', 'cs.LG'] }, [...TOPICS, ...extra]);
    expect(topicTagsOf(tags)).toHaveLength(3);
    expect(tags.filter((t) => t.facet === 'category')).toHaveLength(1);
    expect(tags).toHaveLength(4);
  });

  it('gives no topic tag to text about something else entirely', () => {
    const recipe = {
      title: 'Grandmother\u2019s apple pie',
      abstract:
        'Peel and slice six apples, toss them with sugar, cinnamon and a squeeze of lemon, and bake in a buttery crust at 190 degrees until golden and bubbling, about fifty minutes. Let the pie cool before serving with vanilla ice cream.',
    };
    expect(topicIds(tagPaper(recipe))).toEqual([]);
    expect(topicIds(tagPaper(recipe, withBirds))).toEqual([]);
  });

  it('names no topic for a title whose one matching word is all the evidence, and still tags a title that says more', () => {
    // Feeds that show titles alone (Hugging Face, Scholar) and name no category: a weak topic on one word is a guess.
    for (const title of ['Does GPT-4 Pass the Turing Test?', 'Light Differentiable Logic Gate Networks']) {
      const topics = topicTagsOf(tagPaper({ title }));
      expect(topics.filter((t) => t.terms.length === 1 && !/[\s-]/.test(t.terms[0]!))).toEqual([]);
    }
    expect(topicTagsOf(tagPaper({ title: 'Compressed Chain of Thought: Efficient Reasoning Through Dense Representations' })).length).toBeGreaterThan(0);
  });

  it('gives a paper whose page names its category that field as a whole when no narrower topic fits well', () => {
    const database = {
      title: 'Sufficient explanations in databases',
      abstract: 'We study sufficient explanations for query answers in relational databases and their connection to database repairs.',
      categories: ['cs.DB'],
    };
    expect(topicIds(tagPaper(database)).length).toBeGreaterThan(0);
  });

  it('falls back to the paper\u2019s own field, not another one, when its nearest topic fits weakly', () => {
    // hep-ex is too small to divide, so its one topic is its whole; stat.ML's whole is the topic it shares with cs.LG.
    const tracks = {
      title: 'Learning to reconstruct charged particle tracks with attention',
      abstract:
        'We train an attention-based neural network on simulated hits to reconstruct charged particle trajectories in a silicon tracker, and compare its efficiency and fake rate with a combinatorial Kalman filter on collision events.',
    };
    expect(topicIds(tagPaper({ ...tracks, categories: ['hep-ex'] }))).toEqual(['high-energy-physics-experiment']);
    expect(topicIds(tagPaper(tracks))).not.toContain('high-energy-physics-experiment');
    const filters = {
      title: 'Spectral filters on graphs with learned bases',
      abstract:
        'We study learned spectral filters for signals on graphs, derive approximation bounds for the filters in the graph Fourier basis, and show on synthetic and sensor data that the learned bases denoise better than polynomial filters.',
    };
    expect(topicIds(tagPaper({ ...filters, categories: ['stat.ML'] }))).toEqual(['machine-learning']);
  });

  it('reads an abbreviation the paper defines as its long form', () => {
    const semiSupervised = {
      title: 'Rethinking SSL for image classification',
      abstract:
        'Semi-supervised learning (SSL) makes use of unlabeled images. We revisit SSL with stronger augmentations and show that SSL benefits from longer training on ImageNet.',
    };
    const tags = topicTagsOf(tagPaper(semiSupervised));
    expect(tags[0]?.id).toBe('semi-supervised-and-self-supervised-learning');
    // "SSL" counts as the words it stands for, and is shown as the paper writes it.
    expect(tags[0]?.terms).toContain('ssl');
    // The taxonomy's self-supervised-only topic is not what this paper is about.
    expect(tags.map((t) => t.id)).not.toContain('contrastive-representation-learning');
    // Undefined, the same "SSL" is not read as semi-supervised learning, and earns nothing.
    const undefinedAbbreviation = topicTagsOf(tagPaper({ ...semiSupervised, abstract: semiSupervised.abstract.replace('Semi-supervised learning (SSL)', 'SSL') }));
    for (const tag of undefinedAbbreviation) expect(tag.terms).not.toContain('ssl');
    const selfSupervised = {
      title: 'Adaptive views for SSL representation learning',
      abstract:
        'Self-supervised learning (SSL) learns representations without labels. SSL methods pull together augmented views of an image with a contrastive loss. We propose an SSL method that improves linear probing accuracy on ImageNet.',
    };
    expect(topicIds(tagPaper(selfSupervised))[0]).toBe('contrastive-representation-learning');
  });

  it('matches the phrases of an added topic: plurals, -ed/-ing forms and hyphen variants', () => {
    const plural = tagPaper(
      { title: 'Songbirds at stopover sites', abstract: 'Ring recoveries of migrating songbirds show that stop-over sites matter for bird migrations.' },
      withBirds,
    );
    const birds = plural.find((t) => t.id === 'bird-migration');
    expect(birds?.terms).toEqual(expect.arrayContaining(['songbird', 'stop-over site', 'ring recovery', 'bird migration']));
    const inflected = tagPaper({ title: 'Ring recoveries of songbirds', abstract: 'Ringed songbirds recovered at stopover sites.' }, withBirds);
    expect(inflected.find((t) => t.id === 'bird-migration')?.terms).toEqual(expect.arrayContaining(['songbird', 'stop-over site', 'ring recovery']));
    // Without the added topic, nothing names these papers bird migration.
    expect(topicIds(tagPaper({ title: 'Songbirds at stopover sites' }))).not.toContain('bird-migration');
  });

  it('matches terms a user adds to a built-in topic, and not the built-in topic\u2019s own learned phrases', () => {
    const flipbook = { title: 'Flipbook animations for children', abstract: 'Drawing flip-book animations by hand, page after page.' };
    expect(topicIds(tagPaper(flipbook))).not.toContain('video-generation');
    const edited = TOPICS.map((t) => (t.id === 'video-generation' ? { ...t, terms: [...t.terms, 'flip-book animation'] } : t));
    const tag = tagPaper(flipbook, edited).find((t) => t.id === 'video-generation');
    expect(tag?.terms).toContain('flip-book animation');
    // A built-in topic's learned phrases ("bit error", "fading channel") are not matched, in a copy of it either (an
    // edited taxonomy copies its topics): the model alone decides, and the tags are those of the built-in taxonomy.
    const learned = { title: 'Bit error rates over a fading channel' };
    const copied = TOPICS.map((t) => (t.id === 'wireless-communication-and-coding' ? { ...t } : t));
    const asWritten = TOPICS.map((t) => (t.id === 'wireless-communication-and-coding' ? { ...t, learnedFrom: [] } : t));
    expect(topicIds(tagPaper(learned))).toContain('wireless-communication-and-coding');
    expect(tagPaper(learned, copied)).toEqual(tagPaper(learned));
    // Had they been matched as written phrases, the tags would differ.
    expect(tagPaper(learned, asWritten)).not.toEqual(tagPaper(learned));
  });

  it('does not tag an added topic from a single passing mention in the abstract', () => {
    const passing = { title: 'A study of galaxy clusters', abstract: 'Unlike a songbird, we count galaxies in clusters with X-ray observations.' };
    expect(topicIds(tagPaper(passing, withBirds))).not.toContain('bird-migration');
    // The same term in the title is what the paper is about.
    expect(topicIds(tagPaper({ title: 'Songbird notes', abstract: '' }, withBirds))).toContain('bird-migration');
  });

  it('has confidence that grows with the evidence', () => {
    const weak = tagPaper({ title: 'NOMA: power-domain non-orthogonal multiple access over fading channels' })[0];
    const strong = tagPaper({
      title: 'NOMA: power-domain non-orthogonal multiple access over fading channels',
      abstract:
        'Non-orthogonal multiple access (NOMA) with power-domain superposition coding lets many users share one channel; the base station decodes users by successive interference cancellation, and we derive the outage probability and sum rate of uplink NOMA over fading channels.',
    })[0];
    expect(weak?.id).toBe('wireless-communication-and-coding');
    expect(strong?.id).toBe('wireless-communication-and-coding');
    expect(strong?.confidence ?? 0).toBeGreaterThan(weak?.confidence ?? 1);
    // And for an added topic's phrases.
    const one = tagPaper({ title: 'Songbird notes' }, withBirds).find((t) => t.id === 'bird-migration');
    const many = tagPaper(
      { title: 'Songbird migration: stop-over sites and ring recoveries', abstract: 'Bird migration of songbirds through stopover sites, from ring recoveries of songbirds.' },
      withBirds,
    ).find((t) => t.id === 'bird-migration');
    expect(many?.confidence ?? 0).toBeGreaterThan(one?.confidence ?? 1);
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

/** Seed papers the tagger leaves without a topic: none (a paper that fits no topic should be rare). */
const SEEDS_WITHOUT_TOPIC: string[] = [];

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

  it('gives every seed paper one to three topic tags', () => {
    const counts = seeds.map((p) => topicIds(tagPaper(p)).length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
    expect(seeds.filter((_, i) => counts[i] === 0).map((p) => p.title)).toEqual(SEEDS_WITHOUT_TOPIC);
  });

  it('shows the paper\u2019s own words as the reason for each tag', () => {
    for (const paper of seeds) {
      const text = plainText(`${paper.title} ${paper.abstract}`);
      for (const tag of topicTagsOf(tagPaper(paper))) {
        expect(tag.terms.length, `${paper.title}: ${tag.id}`).toBeGreaterThan(0);
        for (const term of tag.terms) expect(text, `${paper.title}: ${tag.id}`).toContain(term);
      }
    }
  });

  it.each([
    ['ZeRO-Offload', 'parallel-computing-and-distributed-training'],
    ['ZeRO-Infinity', 'parallel-computing-and-distributed-training'],
    ['NanoFlow', 'llm-serving-systems'],
    ['Cloud Native System for LLM Inference Serving', 'llm-serving-systems'],
    // A weak fit gets its category as a whole (cs.IT): broad, but right.
    ['Fast Uplink Grant-Free NOMA', ['wireless-communication-and-coding', 'information-theory']],
    ['Movable Antenna Enhanced NOMA', 'wireless-communication-and-coding'],
    ['Distributed Deep Joint Source-Channel Coding', 'wireless-communication-and-coding'],
    ['Parameter is Not All You Need', 'point-cloud-analysis'],
    ['Real-Time Neural Light Field', ['neural-fields-and-rendering', 'neural-radiance-fields']],
    ['Hardware Acceleration of Neural Graphics', 'neural-fields-and-rendering'],
    ['AMD-Hummingbird', 'video-generation'],
    ['Paris: A Decentralized', 'diffusion-models'],
    ['SQUASH', 'vector-search-and-process-mining'],
    ['LEONARDO', 'hpc-and-cloud-computing-infrastructure'],
    ['TEMPI', 'gpu-programming-and-hpc-performance'],
    ['Regularization-based Framework for Quantization', 'model-compression-and-quantization'],
    ['EdgeNeXt', 'vision-transformers'],
    ['Slimmable Encoders for Flexible Split DNNs', 'mobile-edge-computing-and-iot'],
  ] as [string, string | string[]][])('tags "%s..." first with %s', (titleStart, expected) => {
    expect([expected].flat()).toContain(tagsFor(titleStart)[0]);
  });
});
