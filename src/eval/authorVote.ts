// An author vote, tried on the validation split and not shipped (docs/QUALITY.md, "Other model classes"): each
// catalogue author's record of primary categories (and, at a smaller weight, cross-lists) votes for a new paper of
// theirs. A common name with papers everywhere votes flat; in this data common names dominate, so it barely helped.

/** A name as the vote keys it: accents dropped, lowercase, letters and spaces only, spaces single. */
export function authorKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

export interface AuthorVoteOptions {
  /** Weight of a cross-listed category against the primary's 1. */
  secondaryWeight: number;
  /** An author with n papers votes with weight n / (n + prior): one paper is a weak sign, many a strong one. */
  prior: number;
  /** Papers with more authors than this (collaborations) are not counted, and their authors do not vote. */
  maxAuthors: number;
}

export const AUTHOR_VOTE_OPTIONS: AuthorVoteOptions = { secondaryWeight: 0.3, prior: 1, maxAuthors: 30 };

export class AuthorVote {
  /** Per author, the weighted count of each category (category index → count) and the papers counted. */
  private readonly records = new Map<string, { papers: number; counts: Map<number, number> }>();

  constructor(
    readonly categoryCount: number,
    readonly options: AuthorVoteOptions = AUTHOR_VOTE_OPTIONS,
  ) {}

  /** Counts one catalogue paper: its authors and its category indices, primary first. */
  add(authors: readonly string[], categories: readonly number[]): void {
    if (!categories.length || authors.length > this.options.maxAuthors) return;
    for (const name of authors) {
      const key = authorKey(name);
      if (!key) continue;
      let record = this.records.get(key);
      if (!record) this.records.set(key, (record = { papers: 0, counts: new Map() }));
      record.papers++;
      categories.forEach((c, k) => record.counts.set(c, (record.counts.get(c) ?? 0) + (k === 0 ? 1 : this.options.secondaryWeight)));
    }
  }

  /**
   * The mean of the known authors' category shares, each times its confidence n / (n + prior): sums to below 1 (to
   * the mean confidence), all zero when no author is known.
   */
  distribution(authors: readonly string[]): Float64Array {
    const out = new Float64Array(this.categoryCount);
    if (authors.length > this.options.maxAuthors) return out;
    let known = 0;
    for (const name of new Set(authors.map(authorKey))) {
      const record = this.records.get(name);
      if (!record) continue;
      known++;
      let sum = 0;
      for (const n of record.counts.values()) sum += n;
      const weight = record.papers / (record.papers + this.options.prior) / sum;
      for (const [c, n] of record.counts) out[c]! += weight * n;
    }
    if (known > 1) for (let c = 0; c < out.length; c++) out[c]! /= known;
    return out;
  }
}
