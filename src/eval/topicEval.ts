// How well learned topic tags generalise beyond the seed terms, on a time split: learn from papers before the cutoff,
// then, on later papers, (a) hide every seed-term mention and see whether the learned tagger still finds the seed
// tagger's topics, (b) compare with the seed tagger on the full text, (c) count papers with any topic, (d) show a sample.
import type { TopicTag } from '../core/paper.ts';
import { TOPICS } from '../core/topics/taxonomy.ts';
import type { TopicModel } from '../core/topics/topicModel.ts';
import { learnTopicModel, type TrainOptions, type TrainReport } from '../training/topicModelTraining.ts';
import { maskSeedTerms, paperTerms, seedTopicTags, tagPaperWith } from '../core/topics/tagger.ts';
import { mulberry32, shuffle } from '../training/random.ts';

export interface TopicEvalPaper {
  title: string;
  abstract?: string;
  date?: string;
  categories?: string[];
}

export interface TopicEvalOptions {
  /** Papers before this ISO date train the model, the rest are the test papers. */
  cutoff: string;
  /** At most this many test papers (a seeded sample); all when undefined. */
  testLimit?: number;
  /** Papers shown in the hand-checkable sample. */
  sampleSize?: number;
  seed?: number;
  train?: TrainOptions;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
}

export interface SamplePaper {
  title: string;
  /** "full" text, or "masked" (seed terms hidden). */
  text: 'full' | 'masked';
  /** What the tagger read, shortened. */
  shown: string;
  seedTopics: string[];
  tags: { label: string; confidence: number; terms: string[] }[];
}

export interface TopicEvalReport {
  cutoff: string;
  trainPapers: number;
  testPapers: number;
  training: TrainReport;
  /** Test papers the seed tagger tags (the ones (a) and (b) can score). */
  seedTagged: number;
  masked: {
    /** Share of (paper, seed topic) pairs found among the learned tagger's (at most 3) tags on the masked text. */
    recallAt3: number;
    /** The same with the 3 best-scoring topics, threshold ignored (how well it ranks). */
    rankedRecallAt3: number;
    /** Share of seed-tagged papers with at least one seed topic found. */
    paperHitRate: number;
    /** Share of the learned tags on masked text that are seed topics of the paper (a lower bound: seed tags miss topics). */
    precision: number;
    /** The seed-only tagger on the masked text (0 by construction). */
    seedOnlyRecallAt3: number;
  };
  /** The shipped tagger (seed terms + learned) against the seed tagger, full text. */
  agreement: PrecisionRecall;
  /** The learned part alone (seed terms hidden from it by construction) against the seed tagger, full text. */
  learnedOnlyAgreement: PrecisionRecall;
  coverage: {
    seedOnly: number;
    withLearned: number;
    /** Of the papers the seed tagger leaves untagged, the share that now get a topic. */
    ofSeedUntagged: number;
  };
  /** Mean topic tags per test paper. */
  tagsPerPaper: { seedOnly: number; withLearned: number };
  sample: SamplePaper[];
  seconds: { training: number; testing: number };
}

const topicIds = (tags: readonly TopicTag[]) => tags.filter((t) => t.facet === 'topic').map((t) => t.id);

export function runTopicEval(papers: readonly TopicEvalPaper[], options: TopicEvalOptions, progress: (line: string) => void = () => undefined): TopicEvalReport {
  const train = papers.filter((p) => p.date !== undefined && p.date < options.cutoff);
  let test = papers.filter((p) => p.date !== undefined && p.date >= options.cutoff);
  const rng = mulberry32(options.seed ?? 7);
  if (options.testLimit !== undefined && test.length > options.testLimit) {
    const picked = new Set(shuffle([...test.keys()], rng).slice(0, options.testLimit));
    test = test.filter((_, i) => picked.has(i));
  }
  progress(`training on ${train.length} papers before ${options.cutoff}; ${test.length} test papers`);
  const t0 = Date.now();
  const { model, report: training } = learnTopicModel(train, { ...options.train, onProgress: (l) => progress(`  ${l}`) });
  const t1 = Date.now();

  let seedTagged = 0;
  const masked = { pairs: 0, found: 0, ranked: 0, papersHit: 0, learnedTags: 0, learnedRight: 0, seedOnlyFound: 0 };
  const full = { seedPairs: 0, tagged: 0, right: 0, learnedTagged: 0, learnedRight: 0 };
  const coverage = { seedOnly: 0, withLearned: 0, seedUntagged: 0, seedUntaggedNowTagged: 0 };
  const tagCounts = { seedOnly: 0, withLearned: 0 };
  const candidates: { full: SamplePaper; masked?: SamplePaper; adds: boolean }[] = [];

  for (const paper of test) {
    const abstract = paper.abstract ?? '';
    const seed = new Set(topicIds(seedTopicTags({ title: paper.title, abstract })));
    const tags = tagPaperWith({ title: paper.title, abstract }, TOPICS, model);
    const ids = topicIds(tags);
    const learnedOnly = learnedTopics(model, paper.title, abstract);
    tagCounts.seedOnly += seed.size;
    tagCounts.withLearned += ids.length;
    if (seed.size) coverage.seedOnly++;
    else coverage.seedUntagged++;
    if (ids.length) {
      coverage.withLearned++;
      if (!seed.size) coverage.seedUntaggedNowTagged++;
    }
    full.seedPairs += seed.size;
    full.tagged += ids.length;
    full.right += ids.filter((id) => seed.has(id)).length;
    full.learnedTagged += learnedOnly.length;
    full.learnedRight += learnedOnly.filter((id) => seed.has(id)).length;

    let maskedSample: SamplePaper | undefined;
    if (seed.size) {
      seedTagged++;
      const maskedTitle = maskSeedTerms(paper.title);
      const maskedAbstract = maskSeedTerms(abstract);
      const maskedTags = tagPaperWith({ title: maskedTitle, abstract: maskedAbstract }, TOPICS, model);
      const maskedIds = topicIds(maskedTags);
      const ranked = rankedTopics(model, maskedTitle, maskedAbstract, 3);
      const seedOnly = topicIds(seedTopicTags({ title: maskedTitle, abstract: maskedAbstract }));
      const found = maskedIds.filter((id) => seed.has(id)).length;
      masked.pairs += seed.size;
      masked.found += found;
      masked.ranked += ranked.filter((id) => seed.has(id)).length;
      masked.seedOnlyFound += seedOnly.filter((id) => seed.has(id)).length;
      masked.learnedTags += maskedIds.length;
      masked.learnedRight += found;
      if (found) masked.papersHit++;
      maskedSample = sampleOf(paper.title, `${maskedTitle} | ${maskedAbstract}`, 'masked', [...seed], maskedTags);
    }
    candidates.push({
      full: sampleOf(paper.title, `${paper.title} | ${abstract}`, 'full', [...seed], tags),
      masked: maskedSample,
      adds: ids.some((id) => !seed.has(id)),
    });
  }

  // The sample: half papers where learned tags add a topic the seed terms did not give, half masked papers.
  const size = options.sampleSize ?? 12;
  const sampleRng = mulberry32((options.seed ?? 7) + 1);
  const adding = shuffle(
    candidates.filter((c) => c.adds),
    sampleRng,
  )
    .slice(0, Math.ceil(size / 2))
    .map((c) => c.full);
  const maskedOnes = shuffle(
    candidates.filter((c) => c.masked),
    sampleRng,
  )
    .slice(0, Math.floor(size / 2))
    .map((c) => c.masked!);

  const n = Math.max(1, test.length);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    cutoff: options.cutoff,
    trainPapers: train.length,
    testPapers: test.length,
    training,
    seedTagged,
    masked: {
      recallAt3: ratio(masked.found, masked.pairs),
      rankedRecallAt3: ratio(masked.ranked, masked.pairs),
      paperHitRate: ratio(masked.papersHit, seedTagged),
      precision: ratio(masked.learnedRight, masked.learnedTags),
      seedOnlyRecallAt3: ratio(masked.seedOnlyFound, masked.pairs),
    },
    agreement: { precision: ratio(full.right, full.tagged), recall: ratio(full.right, full.seedPairs) },
    learnedOnlyAgreement: { precision: ratio(full.learnedRight, full.learnedTagged), recall: ratio(full.learnedRight, full.seedPairs) },
    coverage: {
      seedOnly: coverage.seedOnly / n,
      withLearned: coverage.withLearned / n,
      ofSeedUntagged: ratio(coverage.seedUntaggedNowTagged, coverage.seedUntagged),
    },
    tagsPerPaper: { seedOnly: tagCounts.seedOnly / n, withLearned: tagCounts.withLearned / n },
    sample: [...adding, ...maskedOnes],
    seconds: { training: (t1 - t0) / 1000, testing: (Date.now() - t1) / 1000 },
  };
}

/** The taxonomy without seed terms: tagging with it shows what the learned part alone gives, by the shipped path. */
const LEARNED_ONLY = TOPICS.map((topic) => ({ ...topic, terms: [] }));

/** Topics the learned part alone tags (threshold and evidence rules met, best 3), ignoring seed-term evidence. */
function learnedTopics(model: TopicModel, title: string, abstract: string): string[] {
  return topicIds(tagPaperWith({ title, abstract }, LEARNED_ONLY, model));
}

function rankedTopics(model: TopicModel, title: string, abstract: string, k: number): string[] {
  const scores = model.scores(paperTerms(title, abstract));
  return [...scores.keys()]
    .sort((a, b) => scores[b]! - scores[a]!)
    .slice(0, k)
    .map((t) => model.topicIds[t]!);
}

function sampleOf(title: string, shown: string, text: 'full' | 'masked', seedTopics: string[], tags: TopicTag[]): SamplePaper {
  return {
    title,
    text,
    shown: ((text) => (text.length > 240 ? `${text.slice(0, 239)}…` : text))(shown.replace(/\s+/g, ' ')),
    seedTopics,
    tags: tags.filter((t) => t.facet === 'topic').map((t) => ({ label: t.label, confidence: t.confidence, terms: t.terms })),
  };
}
