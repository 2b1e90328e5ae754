// The related list cut at a similarity floor: the matches worth reading first, and the weaker ones held back.

/**
 * Text similarity (the tf-idf cosine a related paper shows as "N% similar") under which a match is held back.
 * 0.08: on an arXiv time split it hides 76% of the nearest papers from other fields and keeps 79% of the nearest of the
 * query's own category; on the bundled catalogue it leaves 5.3 of 20 a list (scripts/related-floor.ts, docs/QUALITY.md).
 */
export const RELATED_FLOOR = 0.08;

/** How many matches are shown, marked weak, when every match is under the floor (never an empty list). */
export const WEAK_MATCHES_SHOWN = 3;

export interface FlooredMatches<T> {
  /** Shown at once, in the order given: the matches at or over the floor, or the best few when none is. */
  shown: T[];
  /** Held back behind "Show more", in the order given. */
  hidden: T[];
  /** No match reaches the floor: `shown` holds the best of the weak ones. */
  allWeak: boolean;
}

/**
 * Splits `matches` (in display order) at `floor` by `similarityOf`, keeping the order within each part. When none
 * reaches the floor, the `weakShown` most similar are shown all the same (ties: the earlier one first).
 */
export function cutAtFloor<T>(matches: readonly T[], similarityOf: (match: T) => number, floor = RELATED_FLOOR, weakShown = WEAK_MATCHES_SHOWN): FlooredMatches<T> {
  const strong = matches.filter((m) => similarityOf(m) >= floor);
  if (strong.length > 0 || matches.length === 0) return { shown: strong, hidden: matches.filter((m) => similarityOf(m) < floor), allWeak: false };
  const best = new Set(
    matches
      .map((match, at) => ({ match, at }))
      .sort((a, b) => similarityOf(b.match) - similarityOf(a.match) || a.at - b.at)
      .slice(0, Math.max(0, weakShown))
      .map(({ match }) => match),
  );
  return { shown: matches.filter((m) => best.has(m)), hidden: matches.filter((m) => !best.has(m)), allWeak: true };
}
