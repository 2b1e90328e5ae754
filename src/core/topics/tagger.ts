// Offline topic tagging: built-in topics scored by the learned taxonomy model (taxonomyModel.ts: how close the paper's
// terms are to the topic's papers), phrases the user wrote matched in the text, and the primary arXiv category.
import { categoryName } from '../categories/arxivCategories.ts';
import type { TopicTag } from '../paper.ts';
import { readTopicText, termSurface, tokenize } from './topicText.ts';
import { TOPICS, type TopicDefinition } from './taxonomy.ts';
import { TaxonomyModel } from './taxonomyModel.ts';
import { decodeTaxonomyModel } from './taxonomyModelFile.ts';

/** At most this many topic tags per paper (the category tag comes on top). */
const MAX_TOPIC_TAGS = 3;
/** A title mention says more about what a paper is about than an abstract mention. */
const TITLE_WEIGHT = 2.5;
/** Each repeat of a term in the abstract adds this much, up to MAX_ABSTRACT_REPEATS repeats. */
const REPEAT_WEIGHT = 0.35;
const MAX_ABSTRACT_REPEATS = 3;
/** Below this a topic is not tagged: one abstract mention of one term (score 1 to 1.5) is not enough. */
const MIN_SCORE = 2;
/**
 * Secondary tags need this fraction of the best tag's score, so passing topics do not dilute a strong one, unless they
 * reach SUFFICIENT_SCORE, which is good support on its own (a title mention plus an abstract mention, say).
 */
const RELATIVE_FLOOR = 0.3;
const SUFFICIENT_SCORE = 3;
/** Evidence every topic starts with when an ambiguous term is shared out between its topics. */
const SHARE_PRIOR = 0.25;
/** Score at which confidence reaches 1 - 1/e. */
const CONFIDENCE_SCALE = 5;

/** A seed phrase after normalisation, with the topics that list it. */
interface CompiledTerm {
  tokens: string[];
  /** Indexes into the taxonomy, ascending. */
  topics: number[];
  /** The seed term as written in each topic, parallel to `topics`. */
  labels: string[];
  /** Longer phrases are more specific; terms listed by several topics are worth less. */
  weight: number;
}

/** Phrases to match in the text, by topic (indexes into `topics`). */
interface PhraseIndex {
  topics: readonly TopicDefinition[];
  /** Terms by their first token, longest first, so nested shorter matches can be skipped. */
  byFirstToken: Map<string, CompiledTerm[]>;
}

interface CompiledTaxonomy {
  topics: readonly TopicDefinition[];
  /**
   * Only the phrases a user wrote: a built-in topic's learned phrases describe it and the model decides, so with a model
   * they are not matched (an added topic's terms, and terms added to a built-in one, are).
   */
  userPhrases: PhraseIndex;
  /**
   * Every phrase, for tagging without a model; compiled on first use only (tens of milliseconds for the built-in
   * taxonomy, which a woken worker would otherwise pay before its first tag).
   */
  allPhrases: () => PhraseIndex;
}

const compiledCache = new WeakMap<readonly TopicDefinition[], CompiledTaxonomy>();

/**
 * Topic tags already computed, by exact title and abstract, per taxonomy and model: a page is scanned again on every
 * change and reload, and the same papers reach the worker again (tagging is ~50 µs a paper, a lookup ~1 µs). Bounded
 * in papers and in characters kept (oldest out first): a 2,000-row listing with abstracts fits, and neither a catalogue
 * build nor a page of huge abstracts grows it past 16 MB.
 */
const TAG_MEMO_LIMIT = 5000;
const TAG_MEMO_CHARS = 8_000_000;
interface TagMemo {
  tags: Map<string, TopicTag[]>;
  /** Characters of the keys kept. */
  chars: number;
}
const tagMemos = new WeakMap<CompiledTaxonomy, WeakMap<object, TagMemo>>();
/** Stands for "no learned model" in the memo. */
const SEED_ONLY = {};

function remember(memo: TagMemo, key: string, tags: TopicTag[]): void {
  if (key.length > TAG_MEMO_CHARS) return;
  for (const oldest of memo.tags.keys()) {
    if (memo.tags.size < TAG_MEMO_LIMIT && memo.chars + key.length <= TAG_MEMO_CHARS) break;
    memo.tags.delete(oldest);
    memo.chars -= oldest.length;
  }
  memo.tags.set(key, tags);
  memo.chars += key.length;
}

/** How many papers and characters the tag memo of `topics` with `model` holds (tests check its bounds). */
export function tagMemoSize(topics: readonly TopicDefinition[], model: TaxonomyModel | null): { papers: number; chars: number } {
  const memo = tagMemos.get(compiledTaxonomy(topics))?.get(model ?? SEED_ONLY);
  return { papers: memo?.tags.size ?? 0, chars: memo?.chars ?? 0 };
}

function freshTopicTags(title: string, abstract: string, category: string, compiled: CompiledTaxonomy, model: TaxonomyModel | null): TopicTag[] {
  return model ? modelTopicTags(title, abstract, category, compiled, model) : topicTags(title, abstract, compiled.allPhrases());
}

function memoTopicTags(title: string, abstract: string, category: string, compiled: CompiledTaxonomy, model: TaxonomyModel | null): TopicTag[] {
  let byModel = tagMemos.get(compiled);
  if (!byModel) {
    byModel = new WeakMap();
    tagMemos.set(compiled, byModel);
  }
  let memo = byModel.get(model ?? SEED_ONLY);
  if (!memo) {
    memo = { tags: new Map(), chars: 0 };
    byModel.set(model ?? SEED_ONLY, memo);
  }
  // The lengths first, so one key names exactly one (category, title, abstract).
  const key = `${category.length}:${category}${title.length}:${title}${abstract}`;
  let tags = memo.tags.get(key);
  if (!tags) {
    tags = freshTopicTags(title, abstract, category, compiled, model);
    remember(memo, key, tags);
  }
  // Callers own what they get (tagPaper appends to it): copies, never the memo's own objects.
  return tags.map((tag) => ({ ...tag, terms: [...tag.terms] }));
}

/**
 * Topic tags for a paper: one to three topic tags, best first (none when it fits no topic), then one category tag for
 * the primary arXiv category when categories are given (which also favours that category's topics). Built-in topics
 * are scored by the taxonomy model shipped in assets/models/topics.bin (`npm run learn:taxonomy`); a topic the user
 * added is tagged from its terms.
 */
export function tagPaper(input: { title: string; abstract?: string; categories?: string[] }, topics: readonly TopicDefinition[] = TOPICS): TopicTag[] {
  return tagPaperWith(input, topics, bundledTopicModel());
}

/**
 * tagPaper for a caller that tags each paper once (a catalogue build): the same tags, without the memo, whose keys (a
 * whole abstract each) would only churn memory when no paper comes back.
 */
export function tagPaperOnce(input: { title: string; abstract?: string; categories?: string[] }, topics: readonly TopicDefinition[] = TOPICS): TopicTag[] {
  return tagPaperWith(input, topics, bundledTopicModel(), false);
}

/** tagPaper with a given taxonomy model, or with terms only (`null`); `remembered` false skips the memo. */
export function tagPaperWith(
  input: { title: string; abstract?: string; categories?: string[] },
  topics: readonly TopicDefinition[],
  model: TaxonomyModel | null,
  remembered = true,
): TopicTag[] {
  const primary = input.categories?.[0]?.trim();
  const tag = remembered ? memoTopicTags : freshTopicTags;
  const tags = tag(input.title, input.abstract ?? '', primary ?? '', compiledTaxonomy(topics), model);
  if (primary) {
    tags.push({ id: primary, label: categoryName(primary) ?? primary, confidence: 1, terms: [], facet: 'category' });
  }
  return tags;
}

let shippedModelBytes: (() => Uint8Array) | undefined;
let bundledModel: TaxonomyModel | null | undefined;

/**
 * Where the shipped model's bytes come from (assets/models/topics.bin): each runtime provides them before it tags, the
 * worker from the packaged file it fetched, Node from disk. Core reads no files; tagging before this throws rather
 * than leave papers without their topics.
 */
export function provideTopicModel(bytes: () => Uint8Array): void {
  shippedModelBytes = bytes;
  bundledModel = undefined;
}

/**
 * The shipped model, decoded on first use, not when the worker starts. A model that does not read or decode leaves
 * tagging to the seed terms (`null`) rather than breaking it.
 */
export function bundledTopicModel(): TaxonomyModel | null {
  if (bundledModel === undefined) {
    if (!shippedModelBytes) throw new Error('Paperscope: tagging before the topic model was provided (provideTopicModel)');
    try {
      bundledModel = new TaxonomyModel(decodeTaxonomyModel(shippedModelBytes()));
    } catch (error) {
      console.warn('Paperscope: the topic model does not decode; tagging from seed terms only.', error);
      bundledModel = null;
    }
  }
  return bundledModel;
}

/** A tag shows at most this many of the paper's own terms as its reason. */
const EVIDENCE_TERMS = 4;
/** Terms shown as a reason are rarer than this idf (in under about 1 in 12 papers). */
const TELLING_IDF = 3.5;
/** Below this cosine even the nearest topic is too far to name: the paper fits no topic, and says so. */
const MIN_TOPIC_SCORE = 0.05;
/** ... or below this level: half as far under its background (what unrelated papers reach, level 0) as its median paper (level 1) is above it. */
const MIN_TOPIC_LEVEL = -0.5;
/** A topic learned from the paper's own primary category is this much nearer (its category names its field). */
const CATEGORY_BONUS = 0.03;
/** A second or third topic needs this share of the best one's score, besides its own calibrated threshold (judged, farther ones were a side aspect as often as a topic). */
const SECONDARY_SHARE = 0.95;
/** Narrower topics below this share of the best one's rank are sorted only when none above fits. */
const NEAR_HALF = 0.5;
/**
 * Below this level the nearest narrower topic is a guess (0: what unrelated papers reach, 1: the topic's median paper):
 * the paper gets its category as a whole instead, a broad topic that is right rather than a narrow one that may not be.
 * Judged on later papers, a nearest topic between 0.3 and 0.6 was right about half the time and the paper's own
 * category nearly always; without a known category the fallback is some other field's whole, which is right less
 * often than the nearest topic, so the bar is lower.
 */
const WEAK_LEVEL = 0.6;
const WEAK_LEVEL_WITHOUT_CATEGORY = 0.3;
/** A topic whose match owes this share of its score to one single word fits weakly too. */
const ONE_WORD_SHARE = 0.45;

/**
 * Tags from the taxonomy model: the narrower topic nearest the paper's terms (cosine with the topic's nearest centroid,
 * a little more for a topic of the paper's own category), unless it fits weakly, when the paper's category as a whole
 * is tagged instead; then up to two more narrower topics that score near the best and as high as their own typical
 * papers do (each topic's calibrated threshold). None when even the nearest topic is too far, or fits weakly on one
 * word with no field to stand in. Confidence is where the score falls among the topic's own papers' scores. Phrases
 * the user wrote (an added topic, new terms on a built-in one) are matched in the text as well; a topic both find gets
 * 1 - (1 - a)(1 - b).
 */
function modelTopicTags(title: string, abstract: string, category: string, compiled: CompiledTaxonomy, model: TaxonomyModel): TopicTag[] {
  const reading = readTopicText(title, abstract);
  const vector = model.vectorOfReading(reading);
  const surface = (term: string) => termSurface(reading, term);
  const scores = model.scores(vector);
  const { sources, broad: isBroad, sourceStart, sourceList } = learnedSources(compiled, model);
  type Candidate = { order: number; source: number; score: number; rank: number; cluster: number };
  // Each topic's best source, in typed arrays: candidates are made only for the few topics that can be chosen.
  const count = sources.length;
  const bestSource = new Int32Array(count).fill(-1);
  const bestRank = new Float64Array(count);
  let bestNarrow = 0;
  let bestBroad = -1;
  // The paper's own category as a whole, when the page names it: the fallback of a weak fit.
  const whole = category ? model.categoryWhole(category) : -1;
  let ownOrder = -1;
  const ownCategory = category ? model.categoryNumber(category) : -1;
  const { score: scoreOf, cluster: clusterOf } = scores;
  const { clusterCategoryNumber } = model;
  for (let order = 0; order < count; order++) {
    let best = -1;
    let rankOfBest = 0;
    for (let k = sourceStart[order]!; k < sourceStart[order + 1]!; k++) {
      const source = sourceList[k]!;
      const score = scoreOf[source]!;
      if (score <= 0) continue;
      const rank = score + (ownCategory >= 0 && clusterCategoryNumber[clusterOf[source]!] === ownCategory ? CATEGORY_BONUS : 0);
      if (best < 0 || rank > rankOfBest) {
        best = source;
        rankOfBest = rank;
      }
    }
    if (best < 0) continue;
    bestSource[order] = best;
    bestRank[order] = rankOfBest;
    if (whole >= 0 && ownOrder < 0 && sources[order]!.includes(whole)) ownOrder = order;
    // The broad topic ranked first (ties: the earlier topic), the only one a weak fit falls back on.
    if (isBroad[order]) {
      if (bestBroad < 0 || rankOfBest > bestRank[bestBroad]!) bestBroad = order;
    } else if (rankOfBest > bestNarrow) bestNarrow = rankOfBest;
  }
  const candidate = (order: number): Candidate => {
    const source = bestSource[order]!;
    return { order, source, score: scores.score[source]!, rank: bestRank[order]!, cluster: scores.cluster[source]! };
  };
  /** Narrower topics ranked at least `floor`, best first (ties: the earlier topic). */
  const narrowFrom = (floor: number): Candidate[] => {
    const out: Candidate[] = [];
    for (let order = 0; order < count; order++) {
      if (bestSource[order]! >= 0 && !isBroad[order] && bestRank[order]! >= floor) out.push(candidate(order));
    }
    return out.sort(byRank);
  };
  const byRank = (a: Candidate, b: Candidate) => b.rank - a.rank || a.order - b.order;
  const own = ownOrder >= 0 ? candidate(ownOrder) : undefined;
  const firstBroad = bestBroad >= 0 ? candidate(bestBroad) : undefined;
  // Only the nearer half is sorted (the first topic and any second one come from there); all of it if none there fits.
  let narrow = narrowFrom(NEAR_HALF * bestNarrow);
  const chosen: Candidate[] = [];
  // A cluster's evidence is asked for twice (is it one word? which words to show?): worked out once.
  const evidenceByCluster = new Map<number, { term: number; share: number }[]>();
  const evidenceFor = (cluster: number) => {
    let parts = evidenceByCluster.get(cluster);
    if (!parts) {
      parts = model.evidence(vector, cluster, EVIDENCE_TERMS * 4);
      evidenceByCluster.set(cluster, parts);
    }
    return parts;
  };
  const fits = (c: Candidate | undefined): c is Candidate => c !== undefined && c.score >= MIN_TOPIC_SCORE && model.level(c.source, c.score) >= MIN_TOPIC_LEVEL;
  // A match that rests mostly on one word ("pricing", "volume", "quantum") is a coincidence of vocabulary, not a fit.
  const oneWord = (c: Candidate) => {
    const [first] = evidenceFor(c.cluster);
    return first !== undefined && first.share >= ONE_WORD_SHARE && !model.termAt(first.term).includes(' ');
  };
  // The reason a tag would show is one single word of the paper (a phrase or two words say more).
  const singleWordEvidence = (c: Candidate) => {
    const shown = evidenceTerms(model, evidenceFor(c.cluster), surface);
    return shown.length === 1 && !/[\s-]/.test(shown[0]!);
  };
  // The nearest topic that is not too far for its own scale (one of common words can be nearest and still say nothing).
  let top = narrow.find(fits);
  if (!top) {
    narrow = narrowFrom(Number.NEGATIVE_INFINITY);
    top = narrow.find(fits);
  }
  const weakLevel = own ? WEAK_LEVEL : WEAK_LEVEL_WITHOUT_CATEGORY;
  if (fits(top) && model.level(top.source, top.score) >= weakLevel && !oneWord(top)) {
    chosen.push(top);
    for (const c of narrow) {
      if (chosen.length >= MAX_TOPIC_TAGS || c.rank < SECONDARY_SHARE * top.rank) break;
      if (c !== top && c.score >= model.threshold(c.source) && !oneWord(c)) chosen.push(c);
    }
  } else {
    // The paper's own category as a whole when it is known, else the nearest category; the weak narrower topic if none.
    const fallback = own ?? firstBroad;
    // A category the page does not name needs a fit, with more than one word behind it ("A study of large libraries" is
    // not a software paper); the paper's own category is its field whatever words it uses.
    if (fallback && (fallback === own || (fallback.score >= MIN_TOPIC_SCORE && !oneWord(fallback)))) chosen.push(fallback);
    // The weak topic itself as a last resort, unless one word of the paper is all it has ("light" in a title on logic
    // gate networks): such guesses matched the paper's full-text tags about 1 time in 11.
    else if (fits(top) && !singleWordEvidence(top)) chosen.push(top);
  }
  const tags: TopicTag[] = chosen.map((c) => {
    const topic = compiled.topics[c.order]!;
    const confidence = Math.max(0.01, Math.round(model.confidence(c.source, c.score) * 100) / 100);
    return { id: topic.id, label: topic.label, confidence, terms: evidenceTerms(model, evidenceFor(c.cluster), surface), facet: 'topic' };
  });
  const phraseTags = compiled.userPhrases.byFirstToken.size > 0 ? topicTags(title, abstract, compiled.userPhrases) : [];
  for (const phraseTag of phraseTags) {
    const same = tags.find((t) => t.id === phraseTag.id);
    if (!same) {
      tags.push(phraseTag);
      continue;
    }
    same.confidence = Math.round((1 - (1 - same.confidence) * (1 - phraseTag.confidence)) * 100) / 100;
    same.terms = [...new Set([...phraseTag.terms, ...same.terms])];
  }
  // Stable: equal confidences keep the model's order.
  return tags.sort((a, b) => b.confidence - a.confidence).slice(0, MAX_TOPIC_TAGS);
}

/** The paper's own words that brought it nearest the cluster, as it spells them; a word inside a shown phrase is not repeated. */
function evidenceTerms(model: TaxonomyModel, parts: readonly { term: number; share: number }[], surface: (term: string) => string): string[] {
  const shown: string[] = [];
  // Words common across all fields ("data", "learning") are part of the score but say little as a reason.
  const telling = parts.filter((p) => model.idfOf(p.term) >= TELLING_IDF);
  for (const { term } of telling.length ? telling : parts.slice(0, 1)) {
    const written = surface(model.termAt(term));
    if (shown.some((s) => s.split(/[\s-]+/).includes(written) || s === written)) continue;
    // A phrase replaces the single words it holds that were shown before it.
    for (let i = shown.length - 1; i >= 0; i--) if (written.split(/[\s-]+/).includes(shown[i]!)) shown.splice(i, 1);
    shown.push(written);
    if (shown.length >= EVIDENCE_TERMS) break;
  }
  return shown;
}

/** Per topic of the taxonomy, the model topics it is scored by; also flat (topic i's are sourceList[sourceStart[i] .. sourceStart[i + 1]]). */
interface LearnedSources {
  sources: number[][];
  broad: boolean[];
  sourceStart: Int32Array;
  sourceList: Int32Array;
}

const sourcesCache = new WeakMap<CompiledTaxonomy, WeakMap<TaxonomyModel, LearnedSources>>();

/**
 * Per topic of the taxonomy, the model's topics it is scored by (learnedFrom, else its own id; none for a user's topic),
 * and whether it is broad (every one of those is: a user's merge of narrower topics into a broad one is not).
 */
function learnedSources(compiled: CompiledTaxonomy, model: TaxonomyModel): LearnedSources {
  let byModel = sourcesCache.get(compiled);
  if (!byModel) {
    byModel = new WeakMap();
    sourcesCache.set(compiled, byModel);
  }
  let found = byModel.get(model);
  if (!found) {
    const sources = compiled.topics.map((topic) => (topic.learnedFrom ?? [topic.id]).map((id) => model.topicOf(id)).filter((t) => t >= 0));
    const sourceStart = new Int32Array(sources.length + 1);
    sources.forEach((list, i) => {
      sourceStart[i + 1] = sourceStart[i]! + list.length;
    });
    found = {
      sources,
      broad: sources.map((list) => list.length > 0 && list.every((t) => model.isBroad(t))),
      sourceStart,
      sourceList: Int32Array.from(sources.flat()),
    };
    byModel.set(model, found);
  }
  return found;
}

function compiledTaxonomy(topics: readonly TopicDefinition[]): CompiledTaxonomy {
  let compiled = compiledCache.get(topics);
  if (!compiled) {
    compiled = compileTaxonomy(topics);
    compiledCache.set(topics, compiled);
  }
  return compiled;
}

function compileTaxonomy(topics: readonly TopicDefinition[]): CompiledTaxonomy {
  const builtInTerms = new Map(TOPICS.map((t) => [t.id, new Set(t.terms)]));
  const userTerms = (topic: TopicDefinition) => {
    const learned = new Set((topic.learnedFrom ?? [topic.id]).flatMap((id) => [...(builtInTerms.get(id) ?? [])]));
    return topic.terms.filter((term) => !learned.has(term));
  };
  let allPhrases: PhraseIndex | undefined;
  return {
    topics,
    userPhrases: compilePhrases(topics, userTerms),
    allPhrases: () => {
      allPhrases ??= compilePhrases(topics, (topic) => topic.terms);
      return allPhrases;
    },
  };
}

function compilePhrases(topics: readonly TopicDefinition[], termsOf: (topic: TopicDefinition) => readonly string[]): PhraseIndex {
  const byKey = new Map<string, CompiledTerm>();
  topics.forEach((topic, topicIndex) => {
    for (const term of termsOf(topic)) {
      for (const variant of termVariants(term)) {
        const tokens = tokenize(variant);
        if (tokens.length === 0) continue;
        const key = tokens.join(' ');
        let compiled = byKey.get(key);
        if (!compiled) {
          compiled = { tokens, topics: [], labels: [], weight: 0 };
          byKey.set(key, compiled);
        }
        // Two spellings of one term (or a term and its plural) count once per topic.
        if (compiled.topics[compiled.topics.length - 1] !== topicIndex) {
          compiled.topics.push(topicIndex);
          compiled.labels.push(term);
        }
      }
    }
  });
  const byFirstToken = new Map<string, CompiledTerm[]>();
  for (const term of byKey.values()) {
    const specificity = term.tokens.length === 1 ? 1 : term.tokens.length === 2 ? 1.3 : 1.5;
    term.weight = specificity / Math.sqrt(term.topics.length);
    const first = term.tokens[0] as string;
    const list = byFirstToken.get(first);
    if (list) list.push(term);
    else byFirstToken.set(first, [term]);
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { topics, byFirstToken };
}

/** A hyphenated seed term also matches its closed form ("non-orthogonal" ~ "nonorthogonal"). */
function termVariants(term: string): string[] {
  return term.includes('-') ? [term, term.replace(/-/g, '')] : [term];
}

/** Mentions of one term for one topic, by field. */
interface TermHits {
  term: CompiledTerm;
  /** Position of the topic in `term.topics`. */
  slot: number;
  title: number;
  abstract: number;
}

/** Seed-term tags; `stems` are the fields' tokens when the caller has them already. */
function topicTags(title: string, abstract: string, compiled: PhraseIndex, stems?: [string[], string[]]): TopicTag[] {
  const hitsByTopic = new Map<number, Map<CompiledTerm, TermHits>>();
  scanField(stems?.[0] ?? tokenize(title), 'title', compiled, hitsByTopic);
  if (abstract) scanField(stems?.[1] ?? tokenize(abstract), 'abstract', compiled, hitsByTopic);
  if (hitsByTopic.size === 0) return [];

  // Evidence from terms only one topic lists decides how an ambiguous term is shared out.
  const specific = new Map<number, number>();
  for (const [topic, hits] of hitsByTopic) {
    let sum = 0;
    for (const hit of hits.values()) if (hit.term.topics.length === 1) sum += hit.term.weight * fieldScore(hit);
    specific.set(topic, sum);
  }

  const scored: { topic: number; score: number; terms: string[] }[] = [];
  for (const [topic, hits] of hitsByTopic) {
    const contributions: { label: string; value: number }[] = [];
    for (const hit of hits.values()) {
      let value = hit.term.weight * fieldScore(hit);
      if (hit.term.topics.length > 1) value *= shareOf(topic, hit.term, hitsByTopic, specific);
      contributions.push({ label: hit.term.labels[hit.slot] as string, value });
    }
    const score = contributions.reduce((sum, c) => sum + c.value, 0);
    if (score < MIN_SCORE) continue;
    contributions.sort((a, b) => b.value - a.value);
    scored.push({ topic, score, terms: [...new Set(contributions.map((c) => c.label))] });
  }
  scored.sort((a, b) => b.score - a.score || a.topic - b.topic);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score >= Math.min(best * RELATIVE_FLOOR, SUFFICIENT_SCORE))
    .slice(0, MAX_TOPIC_TAGS)
    .map((s) => {
      const topic = compiled.topics[s.topic] as TopicDefinition;
      return { id: topic.id, label: topic.label, confidence: confidenceOf(s.score), terms: s.terms, facet: 'topic' };
    });
}

/** The part of an ambiguous term credited to `topic`: in proportion to each sharing topic's specific evidence. */
function shareOf(topic: number, term: CompiledTerm, hitsByTopic: Map<number, Map<CompiledTerm, TermHits>>, specific: Map<number, number>): number {
  let total = 0;
  for (const other of term.topics) {
    if (hitsByTopic.get(other)?.has(term)) total += (specific.get(other) ?? 0) + SHARE_PRIOR;
  }
  return ((specific.get(topic) ?? 0) + SHARE_PRIOR) / total;
}

function fieldScore(hit: TermHits): number {
  const inTitle = hit.title > 0 ? TITLE_WEIGHT : 0;
  const inAbstract = hit.abstract > 0 ? 1 + REPEAT_WEIGHT * Math.min(hit.abstract - 1, MAX_ABSTRACT_REPEATS) : 0;
  return inTitle + inAbstract;
}

/** Monotone in score, 0 at 0 and approaching 1; rounded for stable output. */
function confidenceOf(score: number): number {
  return Math.round((1 - Math.exp(-score / CONFIDENCE_SCALE)) * 1000) / 1000;
}

/**
 * Records every seed-term mention in one field. A term inside a longer matched term does not count (the longer phrase
 * says what those words mean: "magic state distillation" is not model distillation), and a topic's terms that overlap
 * one of its earlier matches are not counted twice ("3d point" and "point cloud" in "3D point cloud").
 */
function scanField(tokens: string[], field: 'title' | 'abstract', compiled: PhraseIndex, hitsByTopic: Map<number, Map<CompiledTerm, TermHits>>): void {
  const coveredUntil = new Map<number, number>();
  let matchedUntil = 0;
  for (let pos = 0; pos < tokens.length; pos++) {
    const candidates = compiled.byFirstToken.get(tokens[pos] as string);
    if (!candidates) continue;
    for (const term of candidates) {
      if (!matchesAt(tokens, pos, term.tokens)) continue;
      const end = pos + term.tokens.length;
      // Candidates come longest first, so an earlier match reaching this far strictly contains this one.
      if (matchedUntil >= end) continue;
      matchedUntil = end;
      term.topics.forEach((topic, slot) => {
        if ((coveredUntil.get(topic) ?? 0) > pos) return;
        coveredUntil.set(topic, end);
        let hits = hitsByTopic.get(topic);
        if (!hits) {
          hits = new Map();
          hitsByTopic.set(topic, hits);
        }
        let hit = hits.get(term);
        if (!hit) {
          hit = { term, slot, title: 0, abstract: 0 };
          hits.set(term, hit);
        }
        hit[field]++;
      });
    }
  }
}

function matchesAt(tokens: string[], pos: number, phrase: string[]): boolean {
  if (pos + phrase.length > tokens.length) return false;
  for (let i = 1; i < phrase.length; i++) if (tokens[pos + i] !== phrase[i]) return false;
  return true;
}

// ── Terms for the learned model: words and word pairs, with every seed-term mention left out ─────────────────────
