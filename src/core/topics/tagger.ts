// Offline topic tagging: seed terms of the taxonomy plus term weights learned from the catalogue (topicModel.ts), and
// the primary arXiv category.
import bundledModelData from '../../../assets/models/topics.json';
import { categoryName } from '../categories/arxivCategories.ts';
import type { TopicTag } from '../paper.ts';
import { STOPWORDS } from '../text/terms.ts';
import { TOPICS, type TopicDefinition } from './taxonomy.ts';
import { TopicModel, type PaperTerms, type TopicModelData } from './topicModel.ts';

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

interface CompiledTaxonomy {
  topics: readonly TopicDefinition[];
  /** Terms by their first token, longest first, so nested shorter matches can be skipped. */
  byFirstToken: Map<string, CompiledTerm[]>;
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
export function tagMemoSize(topics: readonly TopicDefinition[], model: TopicModel | null): { papers: number; chars: number } {
  const memo = tagMemos.get(compiledTaxonomy(topics))?.get(model ?? SEED_ONLY);
  return { papers: memo?.tags.size ?? 0, chars: memo?.chars ?? 0 };
}

function memoTopicTags(title: string, abstract: string, compiled: CompiledTaxonomy, model: TopicModel | null): TopicTag[] {
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
  // The title's length first, so one key names exactly one (title, abstract) pair.
  const key = `${title.length}:${title}${abstract}`;
  let tags = memo.tags.get(key);
  if (!tags) {
    tags = model ? learnedTopicTags(title, abstract, compiled, model) : topicTags(title, abstract, compiled);
    remember(memo, key, tags);
  }
  // Callers own what they get (tagPaper appends to it): copies, never the memo's own objects.
  return tags.map((tag) => ({ ...tag, terms: [...tag.terms] }));
}

/**
 * Topic tags for a paper: up to three topic tags, best first, then one category tag for the primary arXiv
 * category when categories are given. Topics come from the seed terms and from the learned model shipped in
 * assets/models/topics.json (`npm run train:topics`); a topic without learned weights is tagged from its seed terms.
 */
export function tagPaper(input: { title: string; abstract?: string; categories?: string[] }, topics: readonly TopicDefinition[] = TOPICS): TopicTag[] {
  return tagPaperWith(input, topics, bundledTopicModel());
}

/** tagPaper with a given learned model, or with seed terms only (`null`). */
export function tagPaperWith(input: { title: string; abstract?: string; categories?: string[] }, topics: readonly TopicDefinition[], model: TopicModel | null): TopicTag[] {
  const tags = memoTopicTags(input.title, input.abstract ?? '', compiledTaxonomy(topics), model);
  const primary = input.categories?.[0]?.trim();
  if (primary) {
    tags.push({ id: primary, label: categoryName(primary) ?? primary, confidence: 1, terms: [], facet: 'category' });
  }
  return tags;
}

let bundledModel: TopicModel | null | undefined;

/**
 * The shipped model, decoded on first use (tens of ms), not when the worker starts. A model that does not decode leaves
 * tagging to the seed terms (`null`) rather than breaking it.
 */
export function bundledTopicModel(): TopicModel | null {
  if (bundledModel === undefined) {
    try {
      bundledModel = TopicModel.fromData(bundledModelData as unknown as TopicModelData);
    } catch (error) {
      console.warn('Paperscope: the topic model does not decode; tagging from seed terms only.', error);
      bundledModel = null;
    }
  }
  return bundledModel;
}

/** Learned evidence shows at most this many of the paper's terms per tag, and needs at least MIN_LEARNED_TERMS. */
const LEARNED_TERMS = 4;
const MIN_LEARNED_TERMS = 2;

/**
 * Seed-term tags joined with learned ones: a topic is tagged when its seed terms earn it, or when the model's
 * calibrated confidence for it (the best of the topics it learned from) reaches the model's threshold on at least two of
 * the paper's terms. With both,
 * confidence is 1 - (1 - seed)(1 - learned). Best three, by confidence.
 */
function learnedTopicTags(title: string, abstract: string, compiled: CompiledTaxonomy, model: TopicModel): TopicTag[] {
  const fields: [TokenizedField, TokenizedField] = [tokensWithOffsets(title), tokensWithOffsets(abstract)];
  const seed = topicTags(title, abstract, compiled, [fields[0].tokens.map((t) => t.stem), fields[1].tokens.map((t) => t.stem)]);
  const terms = termsOfFields(fields);
  const scores = model.scores(terms);
  // Below this raw score no confidence reaches the threshold (confidence rises with the score).
  const minScore = (Math.log(model.threshold / (1 - model.threshold)) - model.calibration.offset) / model.calibration.scale;
  const sources = learnedSources(compiled, model);
  // Ties keep the seed tagger's order (it ranks by unrounded score), then the taxonomy's.
  const out: (TopicTag & { order: number; seedRank: number })[] = [];
  compiled.topics.forEach((topic, order) => {
    let learned = 0;
    let source = -1;
    for (const t of sources[order]!) {
      if (!(scores[t]! >= minScore)) continue;
      const p = model.confidence(scores[t]!);
      if (p > learned) {
        learned = p;
        source = t;
      }
    }
    const evidence = source >= 0 && learned >= model.threshold ? model.evidence(terms, source, LEARNED_TERMS) : [];
    // One word is not enough to go on ("bird" is also a text-to-SQL benchmark): learned evidence needs two terms.
    if (evidence.length < MIN_LEARNED_TERMS) source = -1;
    const fromSeed = seed.find((tag) => tag.id === topic.id);
    if (!fromSeed && source < 0) return;
    const seedConfidence = fromSeed?.confidence ?? 0;
    const confidence = source < 0 ? seedConfidence : 1 - (1 - seedConfidence) * (1 - learned);
    const shown = [...(fromSeed?.terms ?? [])];
    if (source >= 0) for (const term of evidence) if (!shown.includes(term)) shown.push(term);
    const seedRank = fromSeed ? seed.indexOf(fromSeed) : seed.length;
    out.push({ id: topic.id, label: topic.label, confidence: Math.round(confidence * 1000) / 1000, terms: shown, facet: 'topic', order, seedRank });
  });
  out.sort((a, b) => b.confidence - a.confidence || a.seedRank - b.seedRank || a.order - b.order);
  return out.slice(0, MAX_TOPIC_TAGS).map(({ order: _, seedRank: __, ...tag }) => tag);
}

const sourcesCache = new WeakMap<CompiledTaxonomy, WeakMap<TopicModel, number[][]>>();

/** Per topic of the taxonomy, the model's topics it takes learned weights from (learnedFrom, else its own id). */
function learnedSources(compiled: CompiledTaxonomy, model: TopicModel): number[][] {
  let byModel = sourcesCache.get(compiled);
  if (!byModel) {
    byModel = new WeakMap();
    sourcesCache.set(compiled, byModel);
  }
  let sources = byModel.get(model);
  if (!sources) {
    sources = compiled.topics.map((topic) => (topic.learnedFrom ?? [topic.id]).map((id) => model.topicOf(id)).filter((t) => t >= 0));
    byModel.set(model, sources);
  }
  return sources;
}

/** The seed-term tagger alone (no learned weights): the weak labels the model learns from, and its baseline. */
export function seedTopicTags(input: { title: string; abstract?: string }, topics: readonly TopicDefinition[] = TOPICS): TopicTag[] {
  return memoTopicTags(input.title, input.abstract ?? '', compiledTaxonomy(topics), null);
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
  const byKey = new Map<string, CompiledTerm>();
  topics.forEach((topic, topicIndex) => {
    for (const term of topic.terms) {
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
function topicTags(title: string, abstract: string, compiled: CompiledTaxonomy, stems?: [string[], string[]]): TopicTag[] {
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
function scanField(tokens: string[], field: 'title' | 'abstract', compiled: CompiledTaxonomy, hitsByTopic: Map<number, Map<CompiledTerm, TermHits>>): void {
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

// ── Text normalisation: lowercase, accent-free, hyphens as spaces, light stemming ────────────────────────────────

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** Inline TeX ($\mathbb{R}^l$, $\Phi^3$) says nothing about the topic and its letters would read as words. */
const INLINE_MATH = /\$[^$]{0,200}\$/g;
/** An acronym's plural ("GPUs", "LLMs", "SSDs") loses its s even where the word rule would not ("gpus" ends in -us). */
const ACRONYM_PLURAL = /^[A-Z][A-Z0-9]{1,5}s$/;
/** Words that end like a plural or an inflection but are neither. */
const NOT_PLURAL = new Set(['bias', 'atlas', 'alias', 'canvas', 'lens', 'chaos', 'cosmos', 'news', 'series', 'species', 'always', 'perhaps', 'whereas']);
const VOWEL = /[aeiouy]/;
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** Lowercased, stemmed word tokens; punctuation (hyphens included) separates words. */
function tokenize(text: string): string[] {
  let plain = text.replace(INLINE_MATH, ' ');
  // Decomposing and dropping accents changes nothing in plain ASCII, most titles and abstracts: skip the work there.
  if (!ASCII_ONLY.test(plain)) plain = plain.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = plain.replace(/['\u2019]s\b/g, '').match(WORD);
  if (!words) return [];
  for (let i = 0; i < words.length; i++) words[i] = stemWord(words[i] as string);
  return words;
}

function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = ACRONYM_PLURAL.test(word) ? word.slice(0, -1).toLowerCase() : stem(word.toLowerCase());
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

/** Light suffix stripping so plurals and -ed/-ing forms meet their base ("offloaded", "offloading" → "offload"). */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || NOT_PLURAL.has(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (!s.endsWith(suffix)) continue;
    const base = s.slice(0, -suffix.length);
    // "need", "speed" and "string", "thing" keep their endings: too short or vowel-less without them.
    if (base.length < 3 || !VOWEL.test(base) || (suffix === 'ed' && base.endsWith('e'))) break;
    s = base;
    const last = s[s.length - 1] as string;
    if (last === s[s.length - 2] && !'lsz'.includes(last)) s = s.slice(0, -1); // "swapping" → "swap"
    break;
  }
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1); // "serve", "serving" and "served" meet at "serv"
  return s;
}

// ── Terms for the learned model: words and word pairs, with every seed-term mention left out ─────────────────────

/** Inside a field, a word pair never spans punctuation or a masked seed term. */
const SEGMENT_BREAKS = new Set([...'.,;:!?()[]{}\u25aa'].map((c) => c.charCodeAt(0)));
/** What maskSeedTerms puts where a seed term was. */
const MASK = '\u25aa';
/** Beyond the related index's stopwords (src/core/text/terms.ts), words that say nothing about a topic. */
const MODEL_EXTRA_STOPWORDS = ['eg', 'ie', 'demonstrate', 'demonstrates', 'find', 'found', 'given'];
let modelStopwords: Set<string> | undefined;

/** A field's text as tokenized, and its tokens. */
interface TokenizedField {
  plain: string;
  tokens: OffsetToken[];
}

interface OffsetToken {
  stem: string;
  start: number;
  end: number;
  /** Tokens in different segments are not adjacent. */
  segment: number;
}

/** The text as tokenize sees it (math blanked, accents dropped), and its stemmed tokens with their places in it. */
function tokensWithOffsets(text: string): TokenizedField {
  // Blank out rather than remove, so offsets stay in the text that is returned.
  let plain = text.replace(INLINE_MATH, (m) => ' '.repeat(m.length));
  if (!ASCII_ONLY.test(plain)) plain = plain.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  plain = plain.replace(/['\u2019]s\b/g, '  ');
  const tokens: OffsetToken[] = [];
  let segment = 0;
  let previousEnd = 0;
  for (const m of plain.matchAll(WORD)) {
    const start = m.index;
    for (let i = previousEnd; i < start; i++) {
      if (SEGMENT_BREAKS.has(plain.charCodeAt(i))) {
        segment++;
        break;
      }
    }
    previousEnd = start + m[0].length;
    tokens.push({ stem: stemWord(m[0]), start, end: previousEnd, segment });
  }
  return { plain, tokens };
}

/** Which tokens any seed term of the built-in taxonomy covers (every match, nested ones too). */
function seedCovered(stems: readonly string[]): Uint8Array {
  const compiled = compiledTaxonomy(TOPICS);
  const covered = new Uint8Array(stems.length);
  for (let pos = 0; pos < stems.length; pos++) {
    const candidates = compiled.byFirstToken.get(stems[pos] as string);
    if (!candidates) continue;
    for (const term of candidates) {
      if (matchesAt(stems as string[], pos, term.tokens)) covered.fill(1, pos, pos + term.tokens.length);
    }
  }
  return covered;
}

/**
 * The terms the learned model reads in a paper: stemmed words and adjacent word pairs (stopwords and numbers left out),
 * title terms counted twice, and no word of any seed-term mention: the model is the evidence seed terms do not give,
 * and it reads a paper the same whether or not the paper uses seed terms.
 */
export function paperTerms(title: string, abstract: string): PaperTerms {
  return termsOfFields([tokensWithOffsets(title), tokensWithOffsets(abstract)]);
}

function termsOfFields(fields: readonly [TokenizedField, TokenizedField]): PaperTerms {
  const counts = new Map<string, number>();
  scanTerms(fields, (term, times) => {
    counts.set(term, (counts.get(term) ?? 0) + times);
  });
  let surfaces: Map<string, string> | undefined;
  const surface = (term: string) => {
    // Only tagged topics show terms: the spellings are worked out then, by a second scan.
    if (!surfaces) {
      const found = new Map<string, string>();
      scanTerms(fields, (t, _, plain, start, end) => {
        if (!found.has(t)) found.set(t, plain.slice(start, end).toLowerCase().replace(/\s+/g, ' '));
      });
      surfaces = found;
    }
    return surfaces.get(term) ?? term;
  };
  return { counts, surface };
}

/** Calls `add` for every term of the paper, with where it is spelled out (`plain` from `start` to `end`). */
function scanTerms(fields: readonly [TokenizedField, TokenizedField], add: (term: string, times: number, plain: string, start: number, end: number) => void): void {
  // Stemmed like the text is.
  modelStopwords ??= new Set([...STOPWORDS, ...MODEL_EXTRA_STOPWORDS].map(stemWord));
  const stop = modelStopwords;
  for (let field = 0; field < 2; field++) {
    const { plain, tokens } = fields[field]!;
    const times = field === 0 ? 2 : 1;
    const covered = seedCovered(tokens.map((t) => t.stem));
    const kept = tokens.map((t, k) => covered[k] === 0 && t.stem.length > 1 && !/^\d+$/.test(t.stem) && !stop.has(t.stem));
    tokens.forEach((t, k) => {
      if (!kept[k]) return;
      add(t.stem, times, plain, t.start, t.end);
      const next = tokens[k + 1];
      if (next && kept[k + 1] && next.segment === t.segment) {
        add(`${t.stem} ${next.stem}`, times, plain, t.start, next.end);
      }
    });
  }
}

/**
 * The text with every seed-term mention (of the built-in taxonomy) replaced by ▪, repeated until no seed term is left
 * (taking words out can join others into a new one): the seed-only tagger finds nothing in what this returns.
 */
export function maskSeedTerms(text: string): string {
  let current = text;
  for (let round = 0; round < 5; round++) {
    const { plain, tokens } = tokensWithOffsets(current);
    const covered = seedCovered(tokens.map((t) => t.stem));
    if (!covered.includes(1)) return round === 0 ? text : plain;
    let out = '';
    let at = 0;
    tokens.forEach((t, k) => {
      if (!covered[k]) return;
      out += plain.slice(at, t.start) + MASK;
      at = t.end;
    });
    current = out + plain.slice(at);
  }
  return current;
}
