// Learning the taxonomy from papers: each arXiv category's papers are clustered (spherical k-means on tf-idf of the
// topic terms, seeded), and each cluster is described by the phrases that set it apart, its papers' titles and the
// author keywords (ICLR 2026) it shares, so that a reviewer can name it. Named clusters become the topics
// (src/training/taxonomyBuild.ts). Deterministic: same papers, same seed, same clusters.
import { topicTerms } from '../core/topics/topicText.ts';
import { mulberry32 } from './random.ts';

export interface TrainingPaper {
  id: string;
  title: string;
  abstract: string;
  categories: string[];
  date?: string;
}

/** A paper as a unit-length tf-idf vector over the term space: term ids ascending. */
export interface SparseVector {
  ids: Uint32Array;
  values: Float32Array;
}

/** The terms papers are read in, with their inverse document frequencies. */
export interface TermSpace {
  terms: string[];
  idf: Float32Array;
  index: Map<string, number>;
}

export const LEARNING = {
  /** A term must be in at least this many training papers. */
  minDf: 4,
  /** Clusters per category: sqrt(papers / papersPerCluster²-ish), see clustersFor. */
  papersPerCluster: 8,
  maxClusters: 48,
  /** Categories with fewer papers are not clustered; their papers still get the nearest topic. */
  minCategoryPapers: 40,
  /** Clusters smaller than this are dissolved into their papers' next-nearest clusters. */
  minClusterPapers: 15,
  iterations: 25,
  seed: 13,
} as const;

/** How many clusters a category of `n` papers gets: grows with the square root, so big fields split finer. */
export function clustersFor(n: number): number {
  if (n < LEARNING.minCategoryPapers) return 0;
  return Math.max(1, Math.min(LEARNING.maxClusters, Math.round(Math.sqrt(n / LEARNING.papersPerCluster))));
}

/** The term space of `papers`: every term in at least minDf of them, idf = ln(n / df) + 1. */
export function learnTermSpace(termCounts: readonly Map<string, number>[], minDf: number = LEARNING.minDf): TermSpace {
  const df = new Map<string, number>();
  for (const counts of termCounts) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df].filter(([, d]) => d >= minDf).map(([t]) => t);
  terms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = termCounts.length;
  const idf = Float32Array.from(terms, (t) => Math.log(n / df.get(t)!) + 1);
  return { terms, idf, index: new Map(terms.map((t, i) => [t, i])) };
}

/** A paper's unit tf-idf vector: (1 + ln count) × idf over the known terms. */
export function vectorOf(counts: Map<string, number>, space: TermSpace): SparseVector {
  const pairs: [number, number][] = [];
  for (const [term, count] of counts) {
    const id = space.index.get(term);
    if (id !== undefined) pairs.push([id, (1 + Math.log(count)) * space.idf[id]!]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(pairs.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return { ids: Uint32Array.from(pairs, ([id]) => id), values: Float32Array.from(pairs, ([, v]) => v / norm) };
}

export function readPaperTerms(paper: TrainingPaper): Map<string, number> {
  return topicTerms(paper.title, paper.abstract).counts;
}

function dot(v: SparseVector, dense: Float32Array): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += v.values[k]! * dense[v.ids[k]!]!;
  return s;
}

/** Spherical k-means with k-means++ seeding: each vector to its most similar unit centroid. */
export function sphericalKMeans(
  vectors: readonly SparseVector[],
  k: number,
  dimension: number,
  seed: number,
  iterations: number = LEARNING.iterations,
): { assignment: Int32Array; centroids: Float32Array[] } {
  const random = mulberry32(seed);
  const n = vectors.length;
  const centroids: Float32Array[] = [];
  const setFrom = (v: SparseVector) => {
    const c = new Float32Array(dimension);
    v.ids.forEach((id, j) => (c[id] = v.values[j]!));
    return c;
  };
  // k-means++: each next seed drawn in proportion to 1 - best similarity so far.
  centroids.push(setFrom(vectors[Math.floor(random() * n)]!));
  const best = new Float64Array(n).fill(-1);
  while (centroids.length < Math.min(k, n)) {
    const latest = centroids[centroids.length - 1]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      best[i] = Math.max(best[i]!, dot(vectors[i]!, latest));
      total += 1 - best[i]!;
    }
    let pick = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      pick -= 1 - best[i]!;
      if (pick <= 0) {
        chosen = i;
        break;
      }
    }
    centroids.push(setFrom(vectors[chosen]!));
  }
  const assignment = new Int32Array(n).fill(-1);
  for (let round = 0; round < iterations; round++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let top = -1;
      let topScore = -Infinity;
      for (let c = 0; c < centroids.length; c++) {
        const s = dot(vectors[i]!, centroids[c]!);
        if (s > topScore) {
          topScore = s;
          top = c;
        }
      }
      if (assignment[i] !== top) moved++;
      assignment[i] = top;
    }
    recomputeCentroids(vectors, assignment, centroids);
    if (moved === 0) break;
  }
  return { assignment, centroids };
}

/** Each centroid the unit mean of its vectors (an empty cluster keeps its old centroid). */
export function recomputeCentroids(vectors: readonly SparseVector[], assignment: Int32Array, centroids: Float32Array[]): void {
  const sums = centroids.map((c) => new Float32Array(c.length));
  const sizes = new Int32Array(centroids.length);
  vectors.forEach((v, i) => {
    const c = assignment[i]!;
    if (c < 0) return;
    sizes[c]!++;
    const sum = sums[c]!;
    v.ids.forEach((id, j) => (sum[id]! += v.values[j]!));
  });
  sums.forEach((sum, c) => {
    if (sizes[c] === 0) return;
    let norm = 0;
    for (let j = 0; j < sum.length; j++) norm += sum[j]! * sum[j]!;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < sum.length; j++) sum[j]! /= norm;
    centroids[c] = sum;
  });
}

/** Dissolves clusters below `minSize`: their vectors go to their most similar remaining cluster. Returns kept indexes. */
export function dissolveSmallClusters(vectors: readonly SparseVector[], assignment: Int32Array, centroids: Float32Array[], minSize: number): number[] {
  for (;;) {
    const sizes = new Int32Array(centroids.length);
    assignment.forEach((c) => c >= 0 && sizes[c]!++);
    let smallest = -1;
    for (let c = 0; c < centroids.length; c++) if (sizes[c]! > 0 && sizes[c]! < minSize && (smallest < 0 || sizes[c]! < sizes[smallest]!)) smallest = c;
    const alive = [...centroids.keys()].filter((c) => sizes[c]! > 0 && c !== smallest);
    if (smallest < 0 || alive.length === 0) return [...centroids.keys()].filter((c) => sizes[c]! > 0);
    vectors.forEach((v, i) => {
      if (assignment[i] !== smallest) return;
      let top = alive[0]!;
      for (const c of alive) if (dot(v, centroids[c]!) > dot(v, centroids[top]!)) top = c;
      assignment[i] = top;
    });
    recomputeCentroids(vectors, assignment, centroids);
  }
}

/** A cluster as the reviewer sees it. */
export interface ClusterDescription {
  /** Category and number, e.g. "cs.CV/07": stable for the same papers and seed. */
  key: string;
  category: string;
  papers: number;
  /** The terms that set the cluster apart, as its papers spell them, most distinctive first. */
  phrases: string[];
  /** Author keywords (ICLR 2026) frequent in the cluster and rare elsewhere. */
  keywords: string[];
  /** Titles of the papers nearest the centroid, then a few others. */
  titles: string[];
}

/**
 * The most distinctive terms of a set of papers against all papers: share inside × log lift, word pairs preferred (they
 * name things); a single word already inside a chosen pair is skipped.
 */
export function distinctiveTerms(inside: Map<string, number>, insideCount: number, overall: Map<string, number>, overallCount: number, limit: number): string[] {
  const scored: [string, number][] = [];
  for (const [term, df] of inside) {
    if (df < 3) continue;
    const p = df / insideCount;
    const q = (overall.get(term) ?? df) / overallCount;
    const lift = Math.log(p / q);
    if (lift <= 0.7) continue;
    scored.push([term, p * lift * (term.includes(' ') ? 1.6 : 1)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const out: string[] = [];
  for (const [term] of scored) {
    if (out.length >= limit) break;
    if (!term.includes(' ') && out.some((o) => o.split(' ').includes(term))) continue;
    out.push(term);
  }
  return out;
}
