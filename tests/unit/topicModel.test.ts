// The learned topic model: it generalises past seed terms on a small made-up corpus, survives serialization, merges
// topics through learnedFrom, keeps off-topic text untagged and never gives more than four tags.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TopicTag } from '../../src/core/paper.ts';
import { TOPICS, type TopicDefinition } from '../../src/core/topics/taxonomy.ts';
import { readTopicModelData, TopicModel, type TopicModelData } from '../../src/core/topics/topicModel.ts';
import { encodeTopicModel } from '../../src/training/topicModelFile.ts';
import { learnTopicModel, type TrainingPaper } from '../../src/training/topicModelTraining.ts';
import { bundledTopicModel, maskSeedTerms, paperTerms, seedTopicTags, tagPaper, tagPaperWith } from '../../src/core/topics/tagger.ts';

const topicIds = (tags: TopicTag[]) => tags.filter((t) => t.facet === 'topic').map((t) => t.id);

/** Two made-up fields, each with a seed term and its own vocabulary, and filler papers about neither. */
const TOY_TOPICS: TopicDefinition[] = [
  { id: 'clockwork', label: 'Clockwork', description: 'Mechanical clocks and their parts.', terms: ['escapement', 'clock movement'] },
  { id: 'beekeeping', label: 'Beekeeping', description: 'Keeping honey bees in hives.', terms: ['apiary', 'beehive'] },
];

const CLOCK_WORDS = ['cogwheel', 'pendulum', 'mainspring', 'horologist', 'gear train', 'balance wheel', 'ratchet'];
const BEE_WORDS = ['honeycomb', 'nectar', 'pollen', 'queen cell', 'propolis', 'swarm', 'forager'];
const FILLER = ['river', 'granite', 'census', 'harvest', 'railway', 'poetry', 'weather', 'market', 'village', 'bridge'];

function toyCorpus(): TrainingPaper[] {
  let state = 42;
  const rnd = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = (words: string[], k: number) => Array.from({ length: k }, () => words[Math.floor(rnd() * words.length)]!);
  const papers: TrainingPaper[] = [];
  for (let i = 0; i < 240; i++) {
    const kind = i % 3;
    const date = `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (kind === 0) {
      papers.push({
        title: `The ${pick(['escapement', 'clock movement'], 1)[0]} and the ${pick(CLOCK_WORDS, 1)[0]}`,
        abstract: `We study ${pick(CLOCK_WORDS, 3).join(', ')} and ${pick(FILLER, 2).join(' ')} in the escapement.`,
        date,
      });
    } else if (kind === 1) {
      papers.push({
        title: `A ${pick(['apiary', 'beehive'], 1)[0]} with ${pick(BEE_WORDS, 1)[0]}`,
        abstract: `We study ${pick(BEE_WORDS, 3).join(', ')} and ${pick(FILLER, 2).join(' ')} in the beehive.`,
        date,
      });
    } else {
      papers.push({ title: `On the ${pick(FILLER, 2).join(' ')}`, abstract: `We study ${pick(FILLER, 4).join(', ')}.`, date });
    }
  }
  return papers;
}

const toy = learnTopicModel(toyCorpus(), { topics: TOY_TOPICS, minDf: 2, heldOutShare: 0.25, epochs: 8, refitEpochs: 2, learningRate: 0.2 });

describe('learning topics from a catalogue', () => {
  it('tags a paper that never uses a seed term from the vocabulary its topic\u2019s papers use', () => {
    const paper = { title: 'Cogwheel and mainspring wear', abstract: 'A horologist measures the pendulum and the gear train.' };
    expect(topicIds(tagPaperWith(paper, TOY_TOPICS, null))).toEqual([]);
    const tags = tagPaperWith(paper, TOY_TOPICS, toy.model);
    expect(topicIds(tags)).toEqual(['clockwork']);
    // The terms that earned it are the paper's own words, not seed terms it does not contain.
    expect(tags[0]!.terms.length).toBeGreaterThan(0);
    for (const term of tags[0]!.terms) expect(`${paper.title} ${paper.abstract}`.toLowerCase()).toContain(term);
    expect(tags[0]!.confidence).toBeGreaterThanOrEqual(toy.model.threshold);
    expect(tags[0]!.confidence).toBeLessThanOrEqual(1);
    const bees = tagPaperWith({ title: 'Propolis and nectar', abstract: 'Foragers bring pollen to the honeycomb.' }, TOY_TOPICS, toy.model);
    expect(topicIds(bees)).toEqual(['beekeeping']);
  });

  it('still tags from seed terms, with more confidence when the rest of the text agrees', () => {
    const paper = { title: 'An apiary', abstract: 'A beehive with honeycomb, nectar and a queen cell.' };
    const seedOnly = tagPaperWith(paper, TOY_TOPICS, null)[0];
    const both = tagPaperWith(paper, TOY_TOPICS, toy.model)[0];
    expect(seedOnly?.id).toBe('beekeeping');
    expect(both?.id).toBe('beekeeping');
    expect(both!.confidence).toBeGreaterThan(seedOnly!.confidence);
    // Seed terms first, then the paper's words the model weighs most.
    expect(both!.terms.slice(0, 2)).toEqual(expect.arrayContaining(['apiary', 'beehive']));
    expect(both!.terms.length).toBeGreaterThan(2);
  });

  it('keeps text about neither topic untagged', () => {
    expect(topicIds(tagPaperWith({ title: 'Granite bridge census', abstract: 'Weather and the village market.' }, TOY_TOPICS, toy.model))).toEqual([]);
    expect(topicIds(tagPaperWith({ title: 'Zebra quartet', abstract: 'Xylophone umbrella lantern.' }, TOY_TOPICS, toy.model))).toEqual([]);
  });

  it('reports a threshold and calibration chosen on held-out papers', () => {
    expect(toy.report.heldOutPapers).toBe(60);
    expect(toy.report.trainPapers).toBe(180);
    expect(toy.model.threshold).toBeGreaterThan(0);
    expect(toy.model.threshold).toBeLessThan(1);
    expect(toy.report.heldOut.f1).toBeGreaterThan(0.9);
  });
});

describe('the serialized model', () => {
  it('round-trips through JSON: same terms, weights within quantization, same tags', () => {
    const data = toy.data;
    expect(TopicModel.fromData(data).scores(paperTerms('Cogwheel', ''))).toEqual(toy.model.scores(paperTerms('Cogwheel', '')));
    const read = readTopicModelData(JSON.parse(JSON.stringify(data)) as TopicModelData);
    expect(encodeTopicModel(read)).toEqual(data);
    const again = TopicModel.fromData(JSON.parse(JSON.stringify(data)) as TopicModelData);
    expect(again.topicIds).toEqual(['clockwork', 'beekeeping']);
    const paper = paperTerms('Cogwheel and mainspring wear', 'A horologist measures the pendulum.');
    const a = toy.model.scores(paper);
    const b = again.scores(paper);
    for (let t = 0; t < a.length; t++) expect(b[t]).toBeCloseTo(a[t]!, 6);
    expect(again.threshold).toBe(toy.model.threshold);
  });

  it('refuses what is not a topic model, and a weight list that does not fit its terms', () => {
    expect(() => TopicModel.fromData({ format: 'other' } as unknown as TopicModelData)).toThrow(/not a Paperscope topic model/);
    const data = toy.data;
    const broken = { ...data, topics: [{ ...data.topics[0]!, weights: btoa('\x01') }] };
    expect(() => TopicModel.fromData(broken)).toThrow(/terms and 1 weights/);
  });

  it('ships: the bundled model covers the taxonomy, with a threshold in (0, 1)', () => {
    const model = bundledTopicModel()!;
    expect(model).not.toBeNull();
    expect(model.papers).toBeGreaterThan(1000);
    for (const topic of TOPICS) expect(model.topicOf(topic.id), topic.id).toBeGreaterThanOrEqual(0);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
  });

  it('reads the shipped assets/models/topics.json and writes it back to the same text', () => {
    const text = readFileSync(resolve(process.cwd(), 'assets/models/topics.json'), 'utf8');
    expect(`${JSON.stringify(encodeTopicModel(readTopicModelData(JSON.parse(text) as TopicModelData)))}\n`).toBe(text);
  });
});

describe('learnedFrom', () => {
  const merged: TopicDefinition[] = [
    { id: 'crafts', label: 'Crafts', description: 'Clocks and bees, merged.', terms: ['escapement', 'apiary'], learnedFrom: ['clockwork', 'beekeeping'] },
  ];

  it('gives a merged topic the learned weights of each topic it merges', () => {
    const clocks = { title: 'Cogwheel and mainspring wear', abstract: 'A horologist measures the pendulum and the gear train.' };
    const bees = { title: 'Propolis and nectar', abstract: 'Foragers bring pollen to the honeycomb.' };
    expect(topicIds(tagPaperWith(clocks, merged, toy.model))).toEqual(['crafts']);
    expect(topicIds(tagPaperWith(bees, merged, toy.model))).toEqual(['crafts']);
    expect(tagPaperWith(clocks, merged, toy.model)[0]!.label).toBe('Crafts');
  });

  it('falls back to seed terms for a topic with no learned weights', () => {
    const added: TopicDefinition[] = [{ id: 'sundials', label: 'Sundials', description: 'Telling time by the sun.', terms: ['sundial', 'gnomon'] }];
    expect(topicIds(tagPaperWith({ title: 'Cogwheel and mainspring wear', abstract: 'A pendulum.' }, added, toy.model))).toEqual([]);
    expect(topicIds(tagPaperWith({ title: 'A sundial and its gnomon', abstract: '' }, added, toy.model))).toEqual(['sundials']);
    // learnedFrom naming ids the model does not know is the same as none.
    const unknown = [{ ...added[0]!, learnedFrom: ['no-such-topic'] }];
    expect(topicIds(tagPaperWith({ title: 'A sundial and its gnomon', abstract: '' }, unknown, toy.model))).toEqual(['sundials']);
  });
});

describe('the shipped tagger', () => {
  it('leaves random and off-topic text untagged', () => {
    const texts = [
      { title: 'Shall I compare thee to a summer\u2019s day?', abstract: 'Rough winds do shake the darling buds of May, and summer\u2019s lease hath all too short a date.' },
      { title: 'Umbrella lantern quartz', abstract: 'Velvet pancake saxophone orchard; the marmalade drifts past a lighthouse.' },
      { title: 'Minutes of the annual village fete committee', abstract: 'The committee agreed the date of the cake stall and thanked the volunteers.' },
    ];
    for (const text of texts) expect(topicIds(tagPaper(text)), text.title).toEqual([]);
  });

  it('gives at most three topic tags and one category tag', () => {
    const everything = TOPICS.map((t) => t.terms.join(', ')).join('. ');
    const tags = tagPaper({ title: everything, abstract: everything, categories: ['cs.LG'] });
    expect(tags).toHaveLength(4);
    expect(tags.filter((t) => t.facet === 'topic')).toHaveLength(3);
    const masked = maskSeedTerms(everything);
    expect(tagPaper({ title: masked, abstract: masked, categories: ['cs.LG'] }).length).toBeLessThanOrEqual(4);
  });

  it('tags a paper whose seed terms are hidden from the words around them', () => {
    const paper = {
      title: 'Paging key-value caches between GPU and host memory for long-context LLM serving',
      abstract: 'Long-context inference exhausts GPU memory with key-value caches. We offload inactive KV blocks to host CPU memory and batch requests to raise throughput.',
    };
    const title = maskSeedTerms(paper.title);
    const abstract = maskSeedTerms(paper.abstract);
    expect(title).toContain('\u25aa');
    expect(seedTopicTags({ title, abstract })).toEqual([]);
    const tags = tagPaper({ title, abstract });
    expect(topicIds(tags).length).toBeGreaterThan(0);
    for (const tag of tags) for (const term of tag.terms) expect(`${title} ${abstract}`.toLowerCase()).toContain(term);
  });
});

describe('maskSeedTerms', () => {
  it('hides every seed-term mention and leaves other words', () => {
    const text = 'Post-training quantization of LLMs for LLM serving on edge devices';
    const masked = maskSeedTerms(text);
    expect(masked).not.toMatch(/quantization|serving/i);
    expect(masked).toContain('of');
    expect(seedTopicTags({ title: masked, abstract: masked })).toEqual([]);
    expect(maskSeedTerms('Nothing to hide here')).toBe('Nothing to hide here');
  });
});
