// Which parsed papers a build keeps: by arXiv category (globs), by first-version date, and the first N kept.
import type { ParsedPaper } from './formats/types.ts';

export interface PaperFilterOptions {
  /** Category globs (`cs.*`, `stat.ML`); a paper is kept when one matches. Empty: every category. */
  categories?: string[];
  /** Match any listed category, not only the primary (the first). */
  crossLists?: boolean;
  /** ISO `YYYY-MM-DD`: keep papers first dated on or after it. */
  since?: string;
  /** ISO `YYYY-MM-DD`: keep papers first dated on or before it. */
  until?: string;
  /** Keep at most this many papers (records that pass the other filters). */
  limit?: number;
}

/** Papers each filter dropped; a paper is counted by the first filter that drops it (category, then date). */
export interface FilterCounts {
  category: number;
  /** Papers with a date and no date at all are told apart: `--since`/`--until` cannot place the second. */
  since: number;
  until: number;
  noDate: number;
  kept: number;
}

export type FilterVerdict = 'kept' | 'limit' | Exclude<keyof FilterCounts, 'kept'>;

/** A glob over category codes: `*` stands for any run of characters, everything else is literal. */
export function categoryPattern(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** A strict calendar date `YYYY-MM-DD`, or undefined. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The paper's first date as a full ISO day for comparison: a partial date (`2021`, `2021-05`) or a bare year stands
 * for its first day, so `--since 2021-03-01` drops a paper dated only `2021`. Undefined when nothing dates it.
 */
export function comparableDate(paper: ParsedPaper): string | undefined {
  const date = paper.date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(paper.date) ? paper.date : paper.year ? String(paper.year).padStart(4, '0') : undefined;
  if (!date) return undefined;
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export class PaperFilter {
  readonly counts: FilterCounts = { category: 0, since: 0, until: 0, noDate: 0, kept: 0 };
  private readonly patterns: RegExp[];

  constructor(private readonly options: PaperFilterOptions = {}) {
    this.patterns = (options.categories ?? []).map(categoryPattern);
  }

  /** True when nothing is filtered: the build then keeps every paper as before. */
  get isEmpty(): boolean {
    const o = this.options;
    return !this.patterns.length && !o.since && !o.until && o.limit === undefined;
  }

  /** True once `limit` papers are kept: the reader may stop, no later paper can be kept. */
  get full(): boolean {
    return this.options.limit !== undefined && this.counts.kept >= this.options.limit;
  }

  /** Decides one paper and counts it. */
  decide(paper: ParsedPaper): FilterVerdict {
    if (this.full) return 'limit';
    const verdict = this.verdict(paper);
    this.counts[verdict === 'kept' ? 'kept' : verdict]++;
    return verdict;
  }

  private verdict(paper: ParsedPaper): Exclude<FilterVerdict, 'limit'> {
    const { since, until, crossLists } = this.options;
    if (this.patterns.length) {
      // A paper that names no category matches no filter: predicted categories come later and are not used here.
      const codes = crossLists ? (paper.categories ?? []) : (paper.categories ?? []).slice(0, 1);
      if (!codes.some((code) => this.patterns.some((p) => p.test(code)))) return 'category';
    }
    if (since || until) {
      const date = comparableDate(paper);
      if (!date) return 'noDate';
      if (since && date < since) return 'since';
      if (until && date > until) return 'until';
    }
    return 'kept';
  }
}
