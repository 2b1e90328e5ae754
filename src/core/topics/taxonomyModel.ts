// The learned taxonomy model the tagger scores with: each topic is one or more clusters of real papers, each cluster a
// centroid of tf-idf term weights; a paper's score for a topic is the cosine between its terms and the topic's nearest
// centroid, and each topic carries the distribution of its own papers' scores, which turns a score into a calibrated
// confidence and gives the topic its own threshold. Learned by scripts/learn-taxonomy.ts (src/training/taxonomyBuild.ts).
import type { TopicReading, TopicTerms } from './topicText.ts';

/** What a model file holds, decoded (assets/models/topics.bin, taxonomyModelFile.ts): term weights, thresholds and score distributions, never papers. */
export interface TaxonomyModelContents {
  trainedOn: string;
  papers: number;
  terms: string[];
  idf: Float32Array;
  /** Each category's named clusters, then its whole (all its papers) as the last cluster of that category. */
  clusters: { topic: string; category: string; index: Uint32Array; weights: Float32Array }[];
  topics: { id: string; broad?: true; threshold: number; background: number; typical: number; quantiles: number[] }[];
}

/** A paper's scores for every model topic (by topic index): the best of its clusters', and which cluster gave it (-1: none). */
export interface TopicScores {
  score: Float32Array;
  cluster: Int32Array;
}

export class TaxonomyModel {
  readonly trainedOn: string;
  readonly papers: number;
  private readonly termList: readonly string[];
  private readonly termIndex: Map<string, number>;
  private readonly idf: Float32Array;
  /** Postings by term: clusters using it and their weights (CSR). */
  private readonly postingStart: Uint32Array;
  private readonly postingCluster: Uint16Array;
  private readonly postingWeight: Float32Array;
  private readonly clusterTopic: Uint16Array;
  readonly clusterCategory: readonly string[];
  /** Each cluster's category as a number (see categoryNumber): compared per cluster for every paper tagged. */
  readonly clusterCategoryNumber: Int32Array;
  private readonly categoryNumbers = new Map<string, number>();
  /** Each cluster's terms (ascending) and weights, for the evidence of a tag. */
  private readonly clusterRows: { index: Uint32Array; weights: Float32Array }[];
  readonly topicIds: readonly string[];
  private readonly topicById: Map<string, number>;
  private readonly thresholds: Float32Array;
  private readonly broadTopics: Uint8Array;
  private readonly backgrounds: Float32Array;
  private readonly typicals: Float32Array;
  private readonly quantiles: Float32Array[];
  /** Each category's whole: the topic of its last cluster (see TaxonomyModelContents.clusters). */
  private readonly wholeByCategory = new Map<string, number>();

  constructor(model: TaxonomyModelContents) {
    this.trainedOn = model.trainedOn;
    this.papers = model.papers;
    this.termList = model.terms;
    this.termIndex = new Map(model.terms.map((t, i) => [t, i]));
    this.idf = model.idf;
    this.topicIds = model.topics.map((t) => t.id);
    this.topicById = new Map(this.topicIds.map((id, i) => [id, i]));
    this.thresholds = Float32Array.from(model.topics, (t) => t.threshold);
    this.broadTopics = Uint8Array.from(model.topics, (t) => (t.broad ? 1 : 0));
    this.backgrounds = Float32Array.from(model.topics, (t) => t.background);
    this.typicals = Float32Array.from(model.topics, (t) => t.typical);
    this.quantiles = model.topics.map((t) => Float32Array.from(t.quantiles));
    this.clusterTopic = Uint16Array.from(model.clusters, (c) => {
      const topic = this.topicById.get(c.topic);
      if (topic === undefined) throw new Error(`taxonomy model: a cluster names unknown topic ${c.topic}`);
      return topic;
    });
    this.clusterCategory = model.clusters.map((c) => c.category);
    this.clusterCategoryNumber = Int32Array.from(this.clusterCategory, (category) => {
      if (!this.categoryNumbers.has(category)) this.categoryNumbers.set(category, this.categoryNumbers.size);
      return this.categoryNumbers.get(category)!;
    });
    this.clusterRows = model.clusters.map((c) => ({ index: c.index, weights: c.weights }));
    this.clusterCategory.forEach((category, c) => this.wholeByCategory.set(category, this.clusterTopic[c]!));
    const counts = new Uint32Array(model.terms.length + 1);
    for (const c of model.clusters) for (const t of c.index) counts[t + 1]!++;
    for (let t = 0; t < model.terms.length; t++) counts[t + 1]! += counts[t]!;
    this.postingStart = counts.slice();
    const fill = counts.slice(0, model.terms.length);
    this.postingCluster = new Uint16Array(counts[model.terms.length]!);
    this.postingWeight = new Float32Array(counts[model.terms.length]!);
    model.clusters.forEach((c, ci) => {
      c.index.forEach((t, k) => {
        const at = fill[t]!++;
        this.postingCluster[at] = ci;
        this.postingWeight[at] = c.weights[k]!;
      });
    });
  }

  get topicCount(): number {
    return this.topicIds.length;
  }

  topicOf(id: string): number {
    return this.topicById.get(id) ?? -1;
  }

  /** The paper's unit tf-idf vector over the model's terms (term index → weight). */
  vector(terms: TopicTerms): Map<number, number> {
    const counts = new Map<number, number>();
    for (const [term, count] of terms.counts) {
      const t = this.termIndex.get(term);
      if (t !== undefined) counts.set(t, count);
    }
    return this.unitVector(counts);
  }

  /** Term counts (by term index, in the order the paper first uses them) as a unit tf-idf vector. */
  private unitVector(counts: Map<number, number>): Map<number, number> {
    const out = new Map<number, number>();
    let sum = 0;
    for (const [t, count] of counts) {
      const v = (1 + Math.log(count)) * this.idf[t]!;
      out.set(t, v);
      sum += v * v;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [t, v] of out) out.set(t, v / norm);
    return out;
  }

  /** vector() of a paper's reading, without spelling out the terms the model does not know (most of its word pairs). */
  vectorOfReading(reading: TopicReading): Map<number, number> {
    const { wordIds, wordTerm, pairTerm, wordCount } = this.termWords();
    // Counts by term index, in the order the terms first occur (as vector() meets them in TopicTerms.counts): each kept
    // word, then the pair it starts (see forEachTopicTerm), found by the words' numbers.
    const counts = new Map<number, number>();
    const add = (t: number, times: number) => counts.set(t, (counts.get(t) ?? 0) + times);
    for (let field = 0; field < reading.read.length; field++) {
      const tokens = reading.read[field]!;
      const kept = reading.kept[field]!;
      const times = field === 0 ? 2 : 1;
      let nextId = tokens.length > 0 && kept[0] ? (wordIds.get(tokens[0]!.stem) ?? -1) : -1;
      for (let k = 0; k < tokens.length; k++) {
        const a = nextId;
        const nextKept = k + 1 < tokens.length && kept[k + 1]!;
        nextId = nextKept ? (wordIds.get(tokens[k + 1]!.stem) ?? -1) : -1;
        if (!kept[k] || a < 0) continue;
        if (wordTerm[a]! >= 0) add(wordTerm[a]!, times);
        // A pair of two known words in one segment (the same word twice is no pair).
        if (nextId >= 0 && nextId !== a && tokens[k + 1]!.segment === tokens[k]!.segment) {
          const t = pairTerm.get(a * wordCount + nextId);
          if (t !== undefined) add(t, times);
        }
      }
    }
    return this.unitVector(counts);
  }

  private words: { wordIds: Map<string, number>; wordTerm: Int32Array; pairTerm: Map<number, number>; wordCount: number } | undefined;

  /** The words of the model's terms, numbered: a word's own term and each pair's term, found without building strings. */
  private termWords() {
    if (this.words) return this.words;
    const wordIds = new Map<string, number>();
    const split = this.termList.map((term) => term.split(' '));
    for (const parts of split) for (const w of parts) if (!wordIds.has(w)) wordIds.set(w, wordIds.size);
    const wordCount = wordIds.size;
    const wordTerm = new Int32Array(wordCount).fill(-1);
    const pairTerm = new Map<number, number>();
    split.forEach((parts, t) => {
      if (parts.length === 1) wordTerm[wordIds.get(parts[0]!)!] = t;
      else if (parts.length === 2) pairTerm.set(wordIds.get(parts[0]!)! * wordCount + wordIds.get(parts[1]!)!, t);
      else throw new Error(`taxonomy model: term "${this.termList[t]}" is neither a word nor a pair`);
    });
    this.words = { wordIds, wordTerm, pairTerm, wordCount };
    return this.words;
  }

  /** Every topic's score (its best cluster's cosine), by model topic index. */
  scores(vector: Map<number, number>): TopicScores {
    const byCluster = new Float32Array(this.clusterTopic.length);
    // Fields read into locals: the loop runs about 12,000 times a paper.
    const { postingStart, postingCluster, postingWeight } = this;
    for (const [t, v] of vector) {
      const end = postingStart[t + 1]!;
      for (let p = postingStart[t]!; p < end; p++) byCluster[postingCluster[p]!]! += v * postingWeight[p]!;
    }
    const score = new Float32Array(this.topicIds.length);
    const cluster = new Int32Array(this.topicIds.length).fill(-1);
    for (let c = 0; c < byCluster.length; c++) {
      const topic = this.clusterTopic[c]!;
      if (byCluster[c]! > score[topic]!) {
        score[topic] = byCluster[c]!;
        cluster[topic] = c;
      }
    }
    return { score, cluster };
  }

  /** The number clusterCategoryNumber gives `category`, or -1 when no cluster is of it. */
  categoryNumber(category: string): number {
    return this.categoryNumbers.get(category) ?? -1;
  }

  /** A whole category (see TaxonomyModelData.topics.broad). */
  isBroad(topic: number): boolean {
    return this.broadTopics[topic] === 1;
  }

  /** The topic that stands for `category` as a whole, or -1 when the model knows too few of its papers. */
  categoryWhole(category: string): number {
    return this.wholeByCategory.get(category) ?? -1;
  }

  threshold(topic: number): number {
    return this.thresholds[topic]!;
  }

  /**
   * A score on the topic's own scale: 0 at its background (what unrelated papers reach), 1 at its typical paper. Topics
   * are compared on this scale, so a topic of common words does not win by being near everything.
   */
  level(topic: number, score: number): number {
    return (score - this.backgrounds[topic]!) / (this.typicals[topic]! - this.backgrounds[topic]!);
  }

  /** Where `score` falls among the topic's own papers' scores, in 0..1 (0.5: as close as its median paper). */
  confidence(topic: number, score: number): number {
    const q = this.quantiles[topic]!;
    if (score <= q[0]!) return 0;
    if (score >= q[q.length - 1]!) return 1;
    let k = 1;
    while (q[k]! < score) k++;
    const span = q[k]! - q[k - 1]!;
    const within = span > 0 ? (score - q[k - 1]!) / span : 1;
    return (k - 1 + within) / (q.length - 1);
  }

  /** The paper's terms that weigh most toward a cluster, largest first: why the topic was given. */
  evidence(vector: Map<number, number>, cluster: number, limit: number): { term: number; share: number }[] {
    const { index, weights } = this.clusterRows[cluster]!;
    const parts: { term: number; share: number }[] = [];
    let total = 0;
    for (const [t, v] of vector) {
      const w = weightAt(index, weights, t);
      if (w <= 0) continue;
      parts.push({ term: t, share: v * w });
      total += v * w;
    }
    parts.sort((a, b) => b.share - a.share || a.term - b.term);
    return parts.slice(0, limit).map((p) => ({ term: p.term, share: total > 0 ? p.share / total : 0 }));
  }

  idfOf(index: number): number {
    return this.idf[index]!;
  }

  termAt(index: number): string {
    return this.termList[index]!;
  }
}

/** The weight of term `t` in a cluster row (0 when the row does not have it), by binary search. */
function weightAt(index: Uint32Array, weights: Float32Array, t: number): number {
  let lo = 0;
  let hi = index.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = index[mid]!;
    if (at === t) return weights[mid]!;
    if (at < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
