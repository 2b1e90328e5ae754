// Simulated readers for the personal-ranking evaluation, made from dated papers with a time split: an author with
// enough papers before the split and a few after is a reader; what they saved is their earlier work, their feed is the
// later papers of their fields, and the papers they went on to write are the ones they want to see first.
import { authorKey } from '../core/personal/authors.ts';
import { normalizeArxivId } from '../core/identity/paperKey.ts';
import { mulberry32, shuffle } from '../core/random.ts';
import type { EvalPaper } from './runEval.ts';

/** A feed paper as READERS.jsonl holds it. */
export interface ReaderFeedPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  date: string;
}

/** One line of READERS.jsonl. */
export interface Reader {
  reader: string;
  /** arXiv ids of the reader's earlier papers (all in the catalogue: dated before the split), latest first. */
  library: string[];
  feed: ReaderFeedPaper[];
  /** arXiv ids of the feed papers the reader wrote. */
  positives: string[];
}

export interface ReaderOptions {
  /** ISO date: papers before it are the catalogue and the libraries, papers from it on the feeds. */
  cutoff: string;
  minBefore: number;
  minAfter: number;
  /** The latest this many earlier papers form the library. */
  libraryMax: number;
  /** Later papers of the reader's primary categories, not theirs, mixed into the feed. */
  others: number;
  /** Readers kept at most (a seeded sample). */
  readers: number;
  seed: number;
}

export const READER_OPTIONS: ReaderOptions = { cutoff: '2025-10-01', minBefore: 8, minAfter: 2, libraryMax: 30, others: 300, readers: 400, seed: 14 };

/** The first this many readers (of the seeded order) are the validation readers, where weights are chosen. */
export const VALIDATION_READERS = 100;

interface Dated {
  id: string;
  paper: EvalPaper;
  date: string;
  authorKeys: Set<string>;
}

const byDateThenId = (a: Dated, b: Dated) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function feedPaper(d: Dated, without?: string): ReaderFeedPaper {
  const authors = (d.paper.authors ?? []).filter((a) => without === undefined || authorKey(a) !== without);
  return { id: d.id, title: d.paper.title, abstract: d.paper.abstract ?? '', authors, categories: d.paper.categories ?? [], date: d.date };
}

/** Readers from dated papers with arXiv ids (others are left out), in a seeded order, named r1, r2, …. */
export function makeReaders(papers: readonly EvalPaper[], options: Partial<ReaderOptions> = {}): Reader[] {
  const o = { ...READER_OPTIONS, ...options };
  const byId = new Map<string, Dated>();
  for (const paper of papers) {
    const id = paper.arxivId ? normalizeArxivId(paper.arxivId) : undefined;
    if (!id || !paper.date || !paper.title) continue;
    byId.set(id, { id, paper, date: paper.date, authorKeys: new Set((paper.authors ?? []).map(authorKey).filter(Boolean)) });
  }
  const push = (map: Map<string, Dated[]>, key: string, d: Dated) => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  const before = new Map<string, Dated[]>();
  const after = new Map<string, Dated[]>();
  const laterByCategory = new Map<string, Dated[]>();
  for (const d of [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const later = d.date >= o.cutoff;
    for (const key of d.authorKeys) {
      push(later ? after : before, key, d);
    }
    const primary = d.paper.categories?.[0];
    if (later && primary) push(laterByCategory, primary, d);
  }
  const candidates = [...before.keys()].filter((key) => before.get(key)!.length >= o.minBefore && (after.get(key)?.length ?? 0) >= o.minAfter).sort();
  const random = mulberry32(o.seed);
  const chosen = shuffle(candidates, random).slice(0, o.readers);
  return chosen.map((key, r) => {
    const library = [...before.get(key)!].sort(byDateThenId).slice(0, o.libraryMax);
    const own = [...after.get(key)!].sort(byDateThenId);
    const primaries = new Set(own.map((d) => d.paper.categories?.[0]).filter((c): c is string => c !== undefined));
    const pool = [...primaries]
      .sort()
      .flatMap((c) => laterByCategory.get(c) ?? [])
      .filter((d) => !d.authorKeys.has(key));
    const others = shuffle([...new Map(pool.map((d) => [d.id, d])).values()], random).slice(0, o.others);
    const feed = shuffle([...own.map((d) => feedPaper(d, key)), ...others.map((d) => feedPaper(d))], random);
    return { reader: `r${r + 1}`, library: library.map((d) => d.id), feed, positives: own.map((d) => d.id) };
  });
}
