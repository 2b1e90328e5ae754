// A small in-memory index of seen papers that have text enough (title and abstract), so that papers the reader scrolled
// past join related work and the popup's search. Vectors are in the catalogue's vocabulary; the scan is brute force over
// a bounded number of papers (SEEN_INDEX_MAX), which takes a few ms.
import { searchWords } from '../search/catalogueSearch.ts';
import type { PaperKey } from '../paper.ts';
import type { SparseVector } from '../related/relatedIndex.ts';
import type { SeenRecord } from './seenRecord.ts';

/** Seen papers the index holds at most: the most recently seen. */
export const SEEN_INDEX_MAX = 20_000;
/** A seen paper less similar than this to the query is not related (the catalogue's lists rarely go below it). */
export const SEEN_MIN_SIMILARITY = 0.08;

/** A seen paper as the index keeps it. */
export interface SeenEntry {
  id: number;
  key: PaperKey;
  keys: PaperKey[];
  title: string;
  authors: string[];
  /** The site it was last seen on, and when. */
  site: string;
  lastSeenAt: number;
  vector: SparseVector;
  /** Words of the title and authors, for search. */
  words: string[];
}

export interface SeenMatch {
  entry: SeenEntry;
  similarity: number;
}

export class SeenIndex {
  private readonly entries = new Map<number, SeenEntry>();
  private dense: Float32Array | undefined;

  constructor(
    private readonly vectorize: (title: string, abstract: string) => SparseVector,
    private readonly vocabularySize: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces a record (a record merged again replaces its entry); records without id or text are left out. */
  put(record: SeenRecord): void {
    if (record.id === undefined || !record.abstract) return;
    const latest = record.sightings[0];
    this.entries.set(record.id, {
      id: record.id,
      key: record.key,
      keys: record.keys,
      title: record.title,
      authors: record.authors,
      site: latest?.site ?? '',
      lastSeenAt: record.lastSeenAt,
      vector: this.vectorize(record.title, record.abstract),
      words: searchWords(`${record.title} ${record.authors.join(' ')}`),
    });
    // Over the bound, the entry seen longest ago goes (rare: once per paper past the bound).
    if (this.entries.size > SEEN_INDEX_MAX) {
      let oldest: SeenEntry | undefined;
      for (const entry of this.entries.values()) if (!oldest || entry.lastSeenAt < oldest.lastSeenAt) oldest = entry;
      if (oldest) this.entries.delete(oldest.id);
    }
  }

  remove(id: number): void {
    this.entries.delete(id);
  }

  /** The `limit` seen papers most similar to `query` (cosine, at least SEEN_MIN_SIMILARITY), skipping those with `excluded` keys. */
  nearest(query: SparseVector, limit: number, excluded: ReadonlySet<PaperKey> = new Set()): SeenMatch[] {
    if (limit <= 0 || query.ids.length === 0) return [];
    const dense = (this.dense ??= new Float32Array(this.vocabularySize));
    for (let q = 0; q < query.ids.length; q++) dense[query.ids[q]!] = query.weights[q]!;
    const found: SeenMatch[] = [];
    for (const entry of this.entries.values()) {
      const { ids, weights } = entry.vector;
      let similarity = 0;
      for (let j = 0; j < ids.length; j++) similarity += dense[ids[j]!]! * weights[j]!;
      if (similarity >= SEEN_MIN_SIMILARITY && !entry.keys.some((k) => excluded.has(k))) found.push({ entry, similarity });
    }
    for (let q = 0; q < query.ids.length; q++) dense[query.ids[q]!] = 0;
    found.sort((a, b) => b.similarity - a.similarity || a.entry.id - b.entry.id);
    return found.slice(0, limit);
  }

  /**
   * Seen papers whose title or authors hold every word of `query` (the last word may be a prefix: the user is typing),
   * most recently seen first.
   */
  search(query: string, limit: number): SeenEntry[] {
    const wanted = searchWords(query);
    if (wanted.length === 0 || limit <= 0) return [];
    const last = wanted.length - 1;
    const hits: SeenEntry[] = [];
    for (const entry of this.entries.values()) {
      const matches = wanted.every((word, i) => entry.words.some((w) => w === word || (i === last && w.startsWith(word))));
      if (matches) hits.push(entry);
    }
    hits.sort((a, b) => b.lastSeenAt - a.lastSeenAt || a.id - b.id);
    return hits.slice(0, limit);
  }
}

/**
 * Related lists of the catalogue with seen papers put in by similarity: each seen paper goes before the first catalogue
 * paper less similar than it (the catalogue's own order, tuned with category agreement, is kept), then the list is cut
 * to `limit`.
 */
export function withSeenRelated<T extends { similarity?: number; score: number }>(catalogue: readonly T[], seen: readonly T[], limit: number): T[] {
  const out: T[] = [];
  let s = 0;
  const similarityOf = (item: T) => item.similarity ?? item.score;
  for (const item of catalogue) {
    while (s < seen.length && similarityOf(seen[s]!) > similarityOf(item)) out.push(seen[s++]!);
    out.push(item);
  }
  while (s < seen.length) out.push(seen[s++]!);
  return out.slice(0, limit);
}
