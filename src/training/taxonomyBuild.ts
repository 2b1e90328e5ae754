// From named clusters to the shipped taxonomy: clusters with the same reviewed name become one topic (under the arXiv
// group of its largest category), each cluster's centroid is pruned and quantized into the model, and every topic is
// calibrated on its own papers' leave-one-out scores (a paper never scores against a centroid it is part of).
import type { TaxonomyModelContents } from '../core/topics/taxonomyModel.ts';
import { TaxonomyModel } from '../core/topics/taxonomyModel.ts';
import { categoryName } from '../core/categories/arxivCategories.ts';
import type { BuiltInTopic } from '../core/topics/taxonomy.ts';
import { tokenize } from '../core/topics/topicText.ts';
import type { ClusteredCorpus } from './taxonomyCorpus.ts';
import type { SparseVector } from './taxonomyLearning.ts';
import { mulberry32, shuffle } from './random.ts';

/** A reviewer's name for one cluster. */
export interface ClusterName {
  label: string;
  description: string;
  /** Chosen from the cluster's distinctive phrases and keywords. */
  phrases: string[];
  mixed?: boolean;
  /** The topic's id when it must outlive a change of label (a user's edits name topics by id); else from the label. */
  id?: string;
  /** The cluster's first distinctive phrases when it was named: a rerun that clusters differently is caught. */
  signature?: string[];
}

export const BUILD = {
  /** Terms kept per centroid (the largest weights). */
  centroidTerms: 300,
  /** A topic's background: this quantile of its scores on papers that are not its own. */
  backgroundQuantile: 0.95,
  backgroundPapers: 12_000,
  /** A secondary tag needs a score this far from the background to the topic's typical (median) paper. */
  secondaryLevel: 0.8,
  seed: 13,
  /** Phrases shown per topic. */
  phrases: 12,
} as const;

/** arXiv's subject groups, by archive. */
export function arxivGroup(category: string): string {
  const archive = category.split('.')[0]!;
  if (archive === 'cs') return 'Computer Science';
  if (archive === 'math') return 'Mathematics';
  if (archive === 'stat') return 'Statistics';
  if (archive === 'eess') return 'Electrical Engineering and Systems Science';
  if (archive === 'q-bio') return 'Quantitative Biology';
  if (archive === 'q-fin') return 'Quantitative Finance';
  if (archive === 'econ') return 'Economics';
  if (archive === 'astro-ph') return 'Astrophysics';
  if (archive === 'cond-mat') return 'Condensed Matter';
  return 'Physics';
}

export function topicIdOf(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const LABEL_FILLER = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'with', 'a', 'an', 'to']);

/** A label's words, stemmed and sorted, fillers out: two labels with the same key name the same topic. */
export function labelKey(label: string): string {
  return [...new Set(tokenize(label).filter((w) => !LABEL_FILLER.has(w)))].sort().join(' ');
}

export interface BuiltTaxonomy {
  topics: BuiltInTopic[];
  model: TaxonomyModelContents;
  /** Clusters whose description no longer matches their name's signature. */
  drifted: string[];
}

export function buildTaxonomy(corpus: ClusteredCorpus, names: Readonly<Record<string, ClusterName>>, trainedOn: string): BuiltTaxonomy {
  const { clusters: namedClusters, vectors, space, descriptions } = corpus;
  // The named clusters, then (below) each category as a whole.
  const clusters = [...namedClusters];
  const missing = clusters.filter((c) => !names[c.key]).map((c) => c.key);
  if (missing.length) throw new Error(`no reviewed name for ${missing.length} clusters: ${missing.slice(0, 10).join(', ')}`);
  const drifted = descriptions.filter((d) => names[d.key]!.signature && names[d.key]!.signature!.join('|') !== d.phrases.slice(0, 3).join('|')).map((d) => d.key);

  // Topics: clusters by label, ordered by their papers. Labels with the same words in another order or form ("LLM
  // evaluation and applications", "LLM applications and evaluation") are one topic.
  const byLabel = new Map<string, number[]>();
  clusters.forEach((c, i) => {
    const label = labelKey(names[c.key]!.label);
    byLabel.set(label, [...(byLabel.get(label) ?? []), i]);
  });
  const papersOf = (list: number[]) => list.reduce((n, i) => n + clusters[i]!.members.length, 0);
  const groups = [...byLabel.values()].sort((a, b) => papersOf(b) - papersOf(a) || (clusters[a[0]!]!.key < clusters[b[0]!]!.key ? -1 : 1));
  const topics: BuiltInTopic[] = [];
  const clusterTopic = new Map<number, string>();
  const takenIds = new Set<string>();
  for (const list of groups) {
    list.sort((a, b) => clusters[b]!.members.length - clusters[a]!.members.length);
    const lead = names[clusters[list[0]!]!.key]!;
    const wanted = list.map((i) => names[clusters[i]!.key]!.id).find((x) => x !== undefined) ?? topicIdOf(lead.label);
    let id = wanted;
    for (let n = 2; takenIds.has(id); n++) id = `${wanted.slice(0, 56)}-${n}`;
    takenIds.add(id);
    const categoryPapers = new Map<string, number>();
    for (const i of list) categoryPapers.set(clusters[i]!.category, (categoryPapers.get(clusters[i]!.category) ?? 0) + clusters[i]!.members.length);
    const categories = [...categoryPapers].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
    const phrases: string[] = [];
    for (const i of list) for (const p of names[clusters[i]!.key]!.phrases) if (!phrases.includes(p.toLowerCase())) phrases.push(p.toLowerCase());
    // A topic the reviewers found has no common theme (every cluster of it mixed) is an umbrella: broad, like a category.
    const mixed = list.every((i) => names[clusters[i]!.key]!.mixed === true);
    topics.push({
      id,
      label: lead.label.trim(),
      description: lead.description.trim(),
      terms: phrases.slice(0, BUILD.phrases),
      group: arxivGroup(categories[0]!),
      categories,
      ...(mixed ? { broad: true as const } : {}),
    });
    for (const i of list) clusterTopic.set(i, id);
  }
  // A reviewed id whose clusters now belong to another topic (labels merged) is replaced by it: a user's edit follows.
  for (const topic of topics) {
    const former = [...clusterTopic].filter(([, id]) => id === topic.id).map(([i]) => names[clusters[i]!.key]!.id);
    const replaced = [...new Set(former)].filter((id): id is string => id !== undefined && !takenIds.has(id)).sort();
    if (replaced.length) topic.replaces = replaced;
  }

  // Each category as a whole is a topic too: the broad one its papers fall back to when none of its narrower topics fits
  // them well (the tagger's WEAK_LEVEL), and the only one of a category too small to cluster. A category whose name a
  // reviewed topic already has joins that topic.
  const clustered = new Set(namedClusters.map((c) => c.category));
  const byLowerLabel = new Map(topics.map((t) => [t.label.toLowerCase(), t]));
  corpus.fields.forEach((field, f) => {
    const label = categoryName(field.category) ?? field.category;
    const index = clusters.length;
    clusters.push(field);
    const same = byLowerLabel.get(label.toLowerCase());
    if (same) {
      clusterTopic.set(index, same.id);
      if (!same.categories.includes(field.category)) same.categories.push(field.category);
      return;
    }
    let id = topicIdOf(label);
    for (let n = 2; takenIds.has(id); n++) id = `${topicIdOf(label).slice(0, 56)}-${n}`;
    takenIds.add(id);
    const broad = clustered.has(field.category);
    // Its phrases: the reviewed ones of its clusters, largest first; for a category too small to cluster, the word pairs
    // that set it apart (single words of a whole field are too general to signal it).
    const reviewed = namedClusters
      .filter((c) => c.category === field.category)
      .sort((a, b) => b.members.length - a.members.length)
      .flatMap((c) => names[c.key]!.phrases.slice(0, 2));
    const distinctive = corpus.fieldDescriptions[f]!.phrases;
    const pairs = distinctive.filter((p) => /[\s-]/.test(p));
    const phrases = broad ? reviewed : pairs.length ? pairs : distinctive.slice(0, 4);
    const topic: BuiltInTopic = {
      id,
      label,
      description: broad ? `${label} (arXiv ${field.category}) as a whole, for papers that fit none of its narrower topics.` : `Research in ${label} (arXiv ${field.category}).`,
      terms: [...new Set(phrases.map((p) => p.toLowerCase()))].slice(0, 8),
      group: arxivGroup(field.category),
      categories: [field.category],
      ...(broad ? { broad: true as const } : {}),
    };
    topics.push(topic);
    byLowerLabel.set(label.toLowerCase(), topic);
    clusterTopic.set(index, id);
  });

  // Centroids: the unit mean of the members, pruned to the largest weights (not renormalised, so scores stay cosines
  // with the full centroid, a little under).
  const modelClusters = clusters.map((c, i) => {
    const order = [...c.centroid.keys()].filter((t) => c.centroid[t]! > 0).sort((a, b) => c.centroid[b]! - c.centroid[a]! || a - b);
    const index = Uint32Array.from(order.slice(0, BUILD.centroidTerms)).sort();
    return { topic: clusterTopic.get(i)!, category: c.category, index, weights: Float32Array.from(index, (t) => c.centroid[t]!) };
  });

  // The vocabulary: terms some centroid uses, renumbered. The tagger reads a paper in these terms only (its vector is
  // renormalised over them), so calibration does the same.
  const used = new Uint8Array(space.terms.length);
  for (const c of modelClusters) for (const t of c.index) used[t] = 1;
  const renumber = new Int32Array(space.terms.length).fill(-1);
  const modelTerms: number[] = [];
  used.forEach((u, t) => {
    if (u) {
      renumber[t] = modelTerms.length;
      modelTerms.push(t);
    }
  });
  const restrictedNorm = (v: SparseVector) => {
    let sum = 0;
    v.ids.forEach((t, k) => {
      if (used[t]) sum += v.values[k]! * v.values[k]!;
    });
    return Math.sqrt(sum) || 1;
  };

  // Leave-one-out scores of each cluster's members (a paper never scores against a centroid it is part of):
  // v·(S − v)/|S − v| with S the sum of the members' unit vectors, over the centroid's kept terms.
  const memberScores = new Map<string, number[]>();
  clusters.forEach((c, i) => {
    const sum = new Float64Array(space.terms.length);
    for (const m of c.members) vectors[m]!.ids.forEach((t, k) => (sum[t]! += vectors[m]!.values[k]!));
    let sumNorm2 = 0;
    for (const x of sum) sumNorm2 += x * x;
    const kept = new Uint8Array(space.terms.length);
    for (const t of modelClusters[i]!.index) kept[t] = 1;
    const scores = memberScores.get(clusterTopic.get(i)!) ?? [];
    for (const m of c.members) {
      const v = vectors[m]!;
      let full = 0;
      let pruned = 0;
      let own = 0;
      v.ids.forEach((t, k) => {
        full += v.values[k]! * sum[t]!;
        if (kept[t]) {
          pruned += v.values[k]! * sum[t]!;
          own += v.values[k]! * v.values[k]!;
        }
      });
      const norm = Math.sqrt(Math.max(1e-9, sumNorm2 - 2 * full + 1));
      scores.push((pruned - own) / norm / restrictedNorm(v));
    }
    memberScores.set(clusterTopic.get(i)!, scores);
  });

  const model: TaxonomyModelContents = {
    trainedOn,
    papers: vectors.length,
    terms: modelTerms.map((t) => space.terms[t]!),
    idf: Float32Array.from(modelTerms, (t) => space.idf[t]!),
    clusters: modelClusters.map((c) => ({ ...c, index: Uint32Array.from(c.index, (t) => renumber[t]!) })),
    topics: topics.map((t) => ({ id: t.id, threshold: 0, background: 0, typical: 1, quantiles: [0, 1], ...(t.broad ? { broad: true } : {}) })),
  };

  // Background: how high a topic scores on papers that are not its own (a seeded sample); a topic whose words are
  // common everywhere has a high background, and a paper must rise above it to be that topic's.
  const scorer = new TaxonomyModel(model);
  const topicOfPaper = new Int32Array(vectors.length).fill(-1);
  clusters.forEach((c, i) => {
    const topic = scorer.topicOf(clusterTopic.get(i)!);
    for (const m of c.members) topicOfPaper[m] = topic;
  });
  const sample = shuffle([...vectors.keys()], mulberry32(BUILD.seed)).slice(0, BUILD.backgroundPapers);
  const background = topics.map(() => [] as number[]);
  for (const i of sample) {
    const v = vectors[i]!;
    const r = restrictedNorm(v);
    const vector = new Map<number, number>();
    v.ids.forEach((t, k) => {
      if (used[t]) vector.set(renumber[t]!, v.values[k]! / r);
    });
    scorer.scores(vector).score.forEach((s, topic) => {
      if (topic !== topicOfPaper[i]) background[topic]!.push(s);
    });
  }

  const quantileOf = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] ?? 0;
  model.topics = topics.map((t, topic) => {
    const scores = memberScores.get(t.id)!.sort((a, b) => a - b);
    const bg = quantileOf(
      background[topic]!.sort((a, b) => a - b),
      BUILD.backgroundQuantile,
    );
    const typical = Math.max(quantileOf(scores, 0.5), bg + 0.01);
    return {
      id: t.id,
      ...(t.broad ? { broad: true } : {}),
      threshold: round(bg + BUILD.secondaryLevel * (typical - bg)),
      background: round(bg),
      typical: round(typical),
      quantiles: Array.from({ length: 21 }, (_, k) => round(quantileOf(scores, k / 20))),
    };
  });
  return { topics, model, drifted };
}

const round = (x: number) => Number(x.toFixed(5));
