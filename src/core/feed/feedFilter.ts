// The feed bar's logic, apart from the page: what a listing's rows count (per topic, new, for you), which rows a filter
// keeps, and the order "next relevant" walks them in.
import type { TopicTag } from '../paper.ts';
import type { RelevanceLevel } from '../personal/interestModel.ts';

/** One row of a listing as the bar sees it. */
export interface FeedRow {
  /** The row's topic tags (the taxonomy's, not arXiv categories), by id, each once. */
  topics: string[];
  /** The reader's own tags on the row's paper (saved with them), each once. */
  userTags: string[];
  /** Whether the reader's memory answered for the row at all (not paused, not a private window). */
  remembered: boolean;
  isNew: boolean;
  /** Whether the worker ranked the row at all (a library too small to learn from ranks nothing). */
  ranked: boolean;
  forYou: boolean;
}

/** What the worker answered about a row, as far as the bar needs it. */
export interface FeedAnswer {
  tags: readonly TopicTag[];
  firstSeenAt?: number;
  relevance?: { level: RelevanceLevel };
  userTags?: readonly string[];
}

/** The levels that make a row "for you". */
const FOR_YOU: ReadonlySet<RelevanceLevel> = new Set(['high', 'medium']);

export function feedRowOf(answer: FeedAnswer, isNew: boolean): FeedRow {
  const topics = [...new Set(answer.tags.filter((tag) => tag.facet === 'topic').map((tag) => tag.id))];
  const level = answer.relevance?.level;
  return {
    topics,
    userTags: [...new Set(answer.userTags ?? [])],
    remembered: answer.firstSeenAt !== undefined,
    isNew,
    ranked: level !== undefined,
    forYou: level !== undefined && FOR_YOU.has(level),
  };
}

export interface TopicCount {
  id: string;
  label: string;
  count: number;
}

export interface FeedCounts {
  rows: number;
  /** Most frequent first, then by label. */
  topics: TopicCount[];
  /** The reader's own tags on the page's papers: most frequent first, then by name (id and label are the tag). */
  userTags: TopicCount[];
  new: number;
  /** Whether any row was remembered: only then does the bar offer "new". */
  remembered: boolean;
  forYou: number;
  /** Whether any row was ranked: only then does the bar offer "for you". */
  ranked: boolean;
}

/** Counts a listing's rows; `labels` names each topic id (the first label met for it wins). */
export function countFeed(rows: readonly FeedRow[], labels: ReadonlyMap<string, string>): FeedCounts {
  const perTopic = new Map<string, number>();
  const perUserTag = new Map<string, number>();
  let fresh = 0;
  let forYou = 0;
  let ranked = false;
  let remembered = false;
  for (const row of rows) {
    for (const topic of row.topics) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
    for (const tag of row.userTags) perUserTag.set(tag, (perUserTag.get(tag) ?? 0) + 1);
    if (row.isNew) fresh++;
    if (row.forYou) forYou++;
    ranked ||= row.ranked;
    remembered ||= row.remembered;
  }
  const topics = [...perTopic].map(([id, count]) => ({ id, label: labels.get(id) ?? id, count }));
  const userTags = [...perUserTag].map(([tag, count]) => ({ id: tag, label: tag, count }));
  for (const list of [topics, userTags]) list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { rows: rows.length, topics, userTags, new: fresh, remembered, forYou, ranked };
}

/** The bar's filter: each part set narrows the rows (all of them together). */
export interface FeedFilter {
  topic?: string;
  /** One of the reader's own tags. */
  userTag?: string;
  onlyNew?: boolean;
  onlyForYou?: boolean;
}

export function isFiltering(filter: FeedFilter): boolean {
  return filter.topic !== undefined || filter.userTag !== undefined || !!filter.onlyNew || !!filter.onlyForYou;
}

export function rowMatches(row: FeedRow, filter: FeedFilter): boolean {
  if (filter.topic !== undefined && !row.topics.includes(filter.topic)) return false;
  if (filter.userTag !== undefined && !row.userTags.includes(filter.userTag)) return false;
  if (filter.onlyNew && !row.isNew) return false;
  if (filter.onlyForYou && !row.forYou) return false;
  return true;
}

/** The filter once its part `change` is toggled: the same topic or tag again, or a switch already on, clears it. */
export function toggleFilter(filter: FeedFilter, change: { topic: string } | { userTag: string } | 'new' | 'forYou'): FeedFilter {
  if (change === 'new') return { ...filter, onlyNew: !filter.onlyNew };
  if (change === 'forYou') return { ...filter, onlyForYou: !filter.onlyForYou };
  if ('userTag' in change) {
    const { userTag: _, ...rest } = filter;
    return filter.userTag === change.userTag ? rest : { ...rest, userTag: change.userTag };
  }
  const { topic: _, ...rest } = filter;
  return filter.topic === change.topic ? rest : { ...rest, topic: change.topic };
}

/**
 * The row "next relevant" goes to from row `from` (-1: before the first), in page order, wrapping around at the end;
 * `step` -1 goes back. -1 when no row matches. `from` itself comes last, so with one match it stays there.
 */
export function nextMatching(rows: readonly FeedRow[], filter: FeedFilter, from: number, step: 1 | -1 = 1): number {
  const n = rows.length;
  if (n === 0) return -1;
  const start = from < 0 || from >= n ? (step === 1 ? -1 : n) : from;
  for (let i = 1; i <= n; i++) {
    const at = (((start + step * i) % n) + n) % n;
    if (rowMatches(rows[at]!, filter)) return at;
  }
  return -1;
}

/** How many rows the filter keeps. */
export function countMatching(rows: readonly FeedRow[], filter: FeedFilter): number {
  let kept = 0;
  for (const row of rows) if (rowMatches(row, filter)) kept++;
  return kept;
}
