// The learned topic model the extension runs: per-topic term weights over a vocabulary of stemmed words and word pairs,
// read from its serialized form (assets/models/topics.json), and scoring a paper's terms with it. Learning it and
// writing the file are training: src/training/topicModelTraining.ts and src/training/topicModelFile.ts.

/** What a paper's text gives the model: each term's count (title words count twice) and how the paper spells it. */
export interface PaperTerms {
  counts: Map<string, number>;
  /** The term as it reads in the paper (lowercased), for showing why a tag was given; worked out only when asked. */
  surface(term: string): string;
}

/** The serialized model: plain JSON, a few hundred KB. Only term weights and their vocabulary, never papers. */
export interface TopicModelData {
  format: 'paperscope-topic-model';
  version: 1;
  /** Where and when it was learned, in words. */
  trainedOn: string;
  papers: number;
  /** The vocabulary, one term a line, in ascending code-unit order. */
  terms: string;
  /** Confidence = sigmoid(calibration.scale × score + calibration.offset), fitted on held-out papers. */
  calibration: { scale: number; offset: number };
  /** A topic is tagged from learned evidence when its confidence reaches this; chosen on held-out papers. */
  threshold: number;
  topics: {
    id: string;
    bias: number;
    /** Weight = int8 value × scale. */
    scale: number;
    /** Base64 of the term indexes as varint gaps (first index, then differences), ascending. */
    index: string;
    /** Base64 of one int8 weight per index. */
    weights: string;
  }[];
}

export const TOPIC_MODEL_FORMAT = 'paperscope-topic-model';

/**
 * The norm a paper's term weights are divided by is at least this (about the 2nd percentile of arXiv title+abstract
 * papers): a title alone is little evidence, and its few terms must not weigh as much as a whole abstract's.
 */
export const NORM_FLOOR = 10;

const valuesMemo = new WeakMap<Map<string, number>, { terms: string[]; values: Float64Array }>();

/** A term's weight in a paper: 1 + ln(count), divided by the norm of all the paper's term weights (known or not). */
export function termValues(counts: Map<string, number>): { terms: string[]; values: Float64Array } {
  let memo = valuesMemo.get(counts);
  if (!memo) {
    memo = computeTermValues(counts);
    valuesMemo.set(counts, memo);
  }
  return memo;
}

function computeTermValues(counts: Map<string, number>): { terms: string[]; values: Float64Array } {
  const terms: string[] = [];
  const values = new Float64Array(counts.size);
  let sum = 0;
  for (const [term, count] of counts) {
    const v = 1 + Math.log(count);
    values[terms.length] = v;
    terms.push(term);
    sum += v * v;
  }
  const norm = Math.max(Math.sqrt(sum), NORM_FLOOR);
  for (let i = 0; i < values.length; i++) values[i]! /= norm;
  return { terms, values };
}

/** One topic's weights: term indexes (ascending) and their weights, and its bias. */
export interface TopicWeights {
  id: string;
  bias: number;
  index: Uint32Array;
  weights: Float32Array;
}

/** What a topic model file holds, with its weights decoded. */
export interface TopicModelContents {
  terms: string[];
  topics: TopicWeights[];
  threshold: number;
  calibration: { scale: number; offset: number };
  trainedOn: string;
  papers: number;
}

/** The contents of a serialized model; throws when it is not a topic model or its weights do not fit its terms. */
export function readTopicModelData(data: TopicModelData): TopicModelContents {
  if (data.format !== TOPIC_MODEL_FORMAT || data.version !== 1) throw new Error('not a Paperscope topic model (version 1)');
  const terms = data.terms ? data.terms.split('\n') : [];
  const topics = data.topics.map((t) => {
    const index = fromVarintGaps(fromBase64(t.index));
    const bytes = fromBase64(t.weights);
    if (bytes.length !== index.length) throw new Error(`topic model: ${t.id} has ${index.length} terms and ${bytes.length} weights`);
    const weights = new Float32Array(bytes.length);
    bytes.forEach((b, k) => {
      weights[k] = ((b << 24) >> 24) * t.scale;
    });
    for (const i of index) if (i >= terms.length) throw new Error(`topic model: ${t.id} names term ${i} of ${terms.length}`);
    return { id: t.id, bias: t.bias, index, weights };
  });
  return { terms, topics, threshold: data.threshold, calibration: data.calibration, trainedOn: data.trainedOn, papers: data.papers };
}

/** One topic's learned evidence in a paper. */
export interface LearnedScore {
  /** Index into the model's topics. */
  topic: number;
  confidence: number;
}

export class TopicModel {
  readonly topicIds: readonly string[];
  readonly threshold: number;
  readonly calibration: { scale: number; offset: number };
  readonly trainedOn: string;
  readonly papers: number;
  private readonly termIndex: Map<string, number>;
  private readonly bias: Float32Array;
  /** Postings per term: topics and weights of termStart[t] .. termStart[t + 1]. */
  private readonly termStart: Uint32Array;
  private readonly postingTopic: Uint16Array;
  private readonly postingWeight: Float32Array;
  private readonly topicById: Map<string, number>;

  constructor(
    readonly terms: readonly string[],
    /** Per topic: its id, bias and sparse weights (term index → weight). */
    topics: readonly TopicWeights[],
    options: { threshold: number; calibration: { scale: number; offset: number }; trainedOn: string; papers: number },
  ) {
    this.topicIds = topics.map((t) => t.id);
    this.topicById = new Map(this.topicIds.map((id, i) => [id, i]));
    this.threshold = options.threshold;
    this.calibration = { ...options.calibration };
    this.trainedOn = options.trainedOn;
    this.papers = options.papers;
    this.termIndex = new Map(terms.map((t, i) => [t, i]));
    this.bias = Float32Array.from(topics.map((t) => t.bias));
    const perTerm = new Uint32Array(terms.length + 1);
    for (const topic of topics) for (const i of topic.index) perTerm[i + 1]!++;
    for (let i = 0; i < terms.length; i++) perTerm[i + 1]! += perTerm[i]!;
    this.termStart = perTerm.slice();
    const fill = perTerm.slice(0, terms.length);
    this.postingTopic = new Uint16Array(perTerm[terms.length]!);
    this.postingWeight = new Float32Array(perTerm[terms.length]!);
    topics.forEach((topic, t) => {
      topic.index.forEach((i, k) => {
        const at = fill[i]!++;
        this.postingTopic[at] = t;
        this.postingWeight[at] = topic.weights[k]!;
      });
    });
  }

  /** The model's topic index for a topic id, or -1 when it learned nothing for that id. */
  topicOf(id: string): number {
    return this.topicById.get(id) ?? -1;
  }

  /** Raw scores (before calibration) of every topic for a paper's terms. */
  scores(paper: PaperTerms): Float64Array {
    const z = Float64Array.from(this.bias);
    const { terms, values } = termValues(paper.counts);
    for (let k = 0; k < terms.length; k++) {
      const i = this.termIndex.get(terms[k]!);
      if (i === undefined) continue;
      const x = values[k]!;
      for (let p = this.termStart[i]!; p < this.termStart[i + 1]!; p++) z[this.postingTopic[p]!]! += this.postingWeight[p]! * x;
    }
    return z;
  }

  /** Calibrated confidence of a raw score. */
  confidence(score: number): number {
    return 1 / (1 + Math.exp(-(this.calibration.scale * score + this.calibration.offset)));
  }

  /** The paper's terms that raise a topic's score most, as the paper spells them, largest first. */
  evidence(paper: PaperTerms, topic: number, limit: number): string[] {
    const { terms, values } = termValues(paper.counts);
    const found: { term: string; value: number }[] = [];
    terms.forEach((term, k) => {
      const i = this.termIndex.get(term);
      if (i === undefined) return;
      for (let p = this.termStart[i]!; p < this.termStart[i + 1]!; p++) {
        if (this.postingTopic[p] !== topic) continue;
        const value = this.postingWeight[p]! * values[k]!;
        if (value > 0) found.push({ term, value });
      }
    });
    found.sort((a, b) => b.value - a.value || (a.term < b.term ? -1 : 1));
    const out: string[] = [];
    for (const { term } of found) {
      const surface = paper.surface(term);
      // A word already shown inside a shown pair adds nothing ("kv cache" then "cache").
      if (out.some((o) => o === surface || o.split(' ').includes(surface))) continue;
      out.push(surface);
      if (out.length >= limit) break;
    }
    return out;
  }

  static fromData(data: TopicModelData): TopicModel {
    const contents = readTopicModelData(data);
    return new TopicModel(contents.terms, contents.topics, contents);
  }
}

function fromVarintGaps(bytes: Uint8Array): Uint32Array {
  const out: number[] = [];
  let previous = 0;
  for (let k = 0; k < bytes.length; ) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[k++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && k < bytes.length);
    previous += gap;
    out.push(previous);
  }
  return Uint32Array.from(out);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
