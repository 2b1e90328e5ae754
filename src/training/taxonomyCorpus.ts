// The training corpus of the taxonomy: papers before the cutoff read as topic terms, every category clustered, and
// each cluster described for review (taxonomyLearning.ts has the pieces).
import { tokenize, topicTerms } from '../core/topics/topicText.ts';
import type { ParsedPaper } from '../core/catalogue/formats/types.ts';
import {
  type ClusterDescription,
  clustersFor,
  dissolveSmallClusters,
  distinctiveTerms,
  LEARNING,
  learnTermSpace,
  readPaperTerms,
  recomputeCentroids,
  type SparseVector,
  sphericalKMeans,
  type TermSpace,
  type TrainingPaper,
  vectorOf,
} from './taxonomyLearning.ts';

/** Papers dated before this are learned from; later ones are for evaluation only. */
export const TAXONOMY_CUTOFF = '2025-10-01';

/** One ICLR 2026 paper: its authors' keywords and chosen area. */
export interface KeywordPaper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  area: string;
}

/** The ICLR 2026 papers of a JSON-lines file's lines (the caller opens the file). */
export async function readKeywords(lines: AsyncIterable<string>): Promise<KeywordPaper[]> {
  const out: KeywordPaper[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id?: string; title?: string; abstract?: string; labels?: string[]; primary_area?: string };
    out.push({ id: r.id ?? '', title: r.title ?? '', abstract: r.abstract ?? '', keywords: r.labels ?? [], area: r.primary_area ?? '' });
  }
  return out;
}

/** A cluster of one category's papers. */
export interface LearnedCluster {
  key: string;
  category: string;
  /** Unit centroid, dense over the term space. */
  centroid: Float32Array;
  /** Indexes into the corpus papers. */
  members: number[];
}

export interface ClusteredCorpus {
  papers: TrainingPaper[];
  space: TermSpace;
  vectors: SparseVector[];
  clusters: LearnedCluster[];
  descriptions: ClusterDescription[];
  /** One cluster per category (all its papers): the category as a topic, for papers none of its clusters fits. */
  fields: LearnedCluster[];
  fieldDescriptions: ClusterDescription[];
}

/** A category needs this many training papers to be a topic of its own. */
export const MIN_FIELD_PAPERS = 8;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Papers before `cutoff` with a title and a primary category, in a fixed order (by id). */
export function trainingPapers(papers: readonly ParsedPaper[], cutoff: string): TrainingPaper[] {
  const seen = new Set<string>();
  const out: TrainingPaper[] = [];
  for (const p of papers) {
    const id = p.arxivId ?? p.doi ?? p.title;
    if (!p.title || !p.categories?.length || !p.date || p.date >= cutoff || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, title: p.title, abstract: p.abstract ?? '', categories: p.categories, date: p.date });
  }
  return out.sort((a, b) => compare(a.id, b.id));
}

export function clusterCorpus(all: readonly ParsedPaper[], keywordPapers: readonly KeywordPaper[], cutoff: string, log: (line: string) => void): ClusteredCorpus {
  const papers = trainingPapers(all, cutoff);
  const termCounts = papers.map(readPaperTerms);
  const space = learnTermSpace(termCounts);
  const vectors = termCounts.map((c) => vectorOf(c, space));
  termCounts.length = 0;
  log(`${papers.length} training papers before ${cutoff}; ${space.terms.length} terms`);

  const byCategory = new Map<string, number[]>();
  papers.forEach((p, i) => {
    const list = byCategory.get(p.categories[0]!) ?? [];
    list.push(i);
    byCategory.set(p.categories[0]!, list);
  });
  const clusters: LearnedCluster[] = [];
  for (const category of [...byCategory.keys()].sort(compare)) {
    const members = byCategory.get(category)!;
    const k = clustersFor(members.length);
    if (k === 0) continue;
    const subset = members.map((i) => vectors[i]!);
    const { assignment, centroids } = sphericalKMeans(subset, k, space.terms.length, LEARNING.seed);
    const kept = dissolveSmallClusters(subset, assignment, centroids, Math.min(LEARNING.minClusterPapers, Math.ceil(members.length / 2)));
    kept.forEach((c, n) => {
      clusters.push({
        key: `${category}/${String(n + 1).padStart(2, '0')}`,
        category,
        centroid: centroids[c]!,
        members: members.filter((_, j) => assignment[j] === c),
      });
    });
    log(`${category}: ${members.length} papers, ${kept.length} clusters`);
  }
  const fields: LearnedCluster[] = [];
  for (const category of [...byCategory.keys()].sort(compare)) {
    const members = byCategory.get(category)!;
    if (members.length < MIN_FIELD_PAPERS) continue;
    const centroids = [new Float32Array(space.terms.length)];
    recomputeCentroids(
      members.map((i) => vectors[i]!),
      new Int32Array(members.length),
      centroids,
    );
    fields.push({ key: `${category}/field`, category, centroid: centroids[0]!, members });
  }
  log(`${fields.length} categories with ${MIN_FIELD_PAPERS} or more papers`);
  return {
    papers,
    space,
    vectors,
    clusters,
    descriptions: describeClusters(papers, space, vectors, clusters, keywordPapers),
    fields,
    fieldDescriptions: describeClusters(papers, space, vectors, fields, []),
  };
}

const PHRASES = 14;
const KEYWORDS = 6;
const TITLES = 10;

function describeClusters(
  papers: readonly TrainingPaper[],
  space: TermSpace,
  vectors: readonly SparseVector[],
  clusters: readonly LearnedCluster[],
  keywordPapers: readonly KeywordPaper[],
): ClusterDescription[] {
  const overall = new Map<string, number>();
  for (const v of vectors) for (const id of v.ids) overall.set(space.terms[id]!, (overall.get(space.terms[id]!) ?? 0) + 1);
  // Keywords named by at least 3 ICLR papers, as the term ids a paper must hold to have them.
  const keywordCount = new Map<string, number>();
  for (const p of keywordPapers) for (const k of new Set(p.keywords.map((w) => w.toLowerCase().trim()))) keywordCount.set(k, (keywordCount.get(k) ?? 0) + 1);
  const keywordTerms: { keyword: string; ids: number[] }[] = [];
  for (const [keyword, count] of keywordCount) {
    if (count < 3) continue;
    const stems = tokenize(keyword);
    const terms = stems.length === 1 ? stems : stems.slice(1).map((s, i) => `${stems[i]} ${s}`);
    const ids = terms.map((t) => space.index.get(t));
    if (stems.length && ids.every((id) => id !== undefined)) keywordTerms.push({ keyword, ids: ids as number[] });
  }
  const has = (v: SparseVector, id: number) => {
    let lo = 0;
    let hi = v.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (v.ids[mid] === id) return true;
      if (v.ids[mid]! < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const keywordOverall = keywordTerms.map((k) => vectors.reduce((n, v) => n + (k.ids.every((id) => has(v, id)) ? 1 : 0), 0));

  return clusters.map((cluster) => {
    const inside = new Map<string, number>();
    for (const i of cluster.members) for (const id of vectors[i]!.ids) inside.set(space.terms[id]!, (inside.get(space.terms[id]!) ?? 0) + 1);
    const terms = distinctiveTerms(inside, cluster.members.length, overall, vectors.length, PHRASES);
    // How the papers spell each term: its most common surface form.
    const spellings = new Map<string, Map<string, number>>(terms.map((t) => [t, new Map()]));
    for (const i of cluster.members.slice(0, 300)) {
      const read = topicTerms(papers[i]!.title, papers[i]!.abstract);
      for (const t of terms) {
        if (!read.counts.has(t)) continue;
        const s = read.surface(t);
        const m = spellings.get(t)!;
        m.set(s, (m.get(s) ?? 0) + 1);
      }
    }
    const phrases = terms.map((t) => [...spellings.get(t)!].sort((a, b) => b[1] - a[1])[0]?.[0] ?? t);
    const keywords = keywordTerms
      .map((k, j) => {
        const df = cluster.members.reduce((n, i) => n + (k.ids.every((id) => has(vectors[i]!, id)) ? 1 : 0), 0);
        const p = df / cluster.members.length;
        const lift = Math.log(p / (keywordOverall[j]! / vectors.length));
        return { keyword: k.keyword, df, score: df >= 3 && lift > 0.7 ? p * lift : 0 };
      })
      .filter((k) => k.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, KEYWORDS)
      .map((k) => k.keyword);
    const nearest = [...cluster.members].map((i) => ({ i, s: similarity(vectors[i]!, cluster.centroid) })).sort((a, b) => b.s - a.s);
    const picks = [
      ...nearest.slice(0, TITLES - 4),
      ...nearest
        .slice(TITLES - 4)
        .filter((_, j, rest) => j % Math.max(1, Math.floor(rest.length / 4)) === 0)
        .slice(0, 4),
    ];
    return {
      key: cluster.key,
      category: cluster.category,
      papers: cluster.members.length,
      phrases,
      keywords,
      titles: picks.map(({ i }) => papers[i]!.title.replace(/\s+/g, ' ')),
    };
  });
}

export function similarity(v: SparseVector, centroid: Float32Array): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += v.values[k]! * centroid[v.ids[k]!]!;
  return s;
}
