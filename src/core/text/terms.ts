// Words for the related-paper index: tokens, stopwords and the terms (1- and 2-grams) of a text.
import { normalizeTitle } from '../identity/titles.ts';

/** Words that say nothing about what a paper is about. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all almost also although always am among an and another any are
  as at be because been before being below between both but by can could did do does doing done down during each
  either else enough especially etc even ever every few for from further had has have having here how however i if
  in into is it its itself just least less like made make makes many may more most much must neither no nor not
  of off often on once one only onto or other others otherwise our ours out over own per perhaps rather same several
  shall she should show shows shown since so some such than that the their them then there therefore these they this
  those though through thus to too toward towards under until up upon us use used uses using very via was we well
  were what when where whether which while who whom whose why will with within without would yet you your
  based paper propose proposed present presents approach method methods results result new novel work study
  first second two three via show achieve achieves achieved existing different various significantly able e g i e
  et al can not while up compared provide provides including two allows across`.split(/\s+/),
);

const DIGITS = /^\d+$/;

/** Lowercased word tokens without stopwords, numbers or one-letter words. */
export function contentWords(text: string): string[] {
  return normalizeTitle(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOPWORDS.has(w) && !DIGITS.test(w));
}

/** ASCII without a backslash: what normalizeTitle reads by its fast path (lowercase, runs of [a-z0-9] are words). */
const PLAIN_ASCII = /^[\x00-\x5b\x5d-\x7f]*$/;

/**
 * Calls `visit` with each word of `text` longer than one letter and not only digits, in order, stopwords included (the
 * caller tells them apart with the lookup it makes anyway): contentWords without building lists. Vectorising a page's
 * rows reads a few hundred thousand words, and most texts take a single pass over their characters.
 */
export function eachWord(text: string, visit: (word: string) => void): void {
  if (!PLAIN_ASCII.test(text)) {
    for (const word of normalizeTitle(text).split(' ')) if (word.length > 1 && !DIGITS.test(word)) visit(word);
    return;
  }
  const lower = text.toLowerCase();
  let start = -1;
  let digitsOnly = true;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const letter = c >= 97 && c <= 122;
    if (letter || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        digitsOnly = true;
      }
      if (letter) digitsOnly = false;
      continue;
    }
    if (start >= 0 && i - start > 1 && !digitsOnly) visit(lower.slice(start, i));
    start = -1;
  }
}

/** Term counts of a text: words and adjacent word pairs ("memory wall"). */
export function termCounts(text: string): Map<string, number> {
  const words = contentWords(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    counts.set(w, (counts.get(w) ?? 0) + 1);
    if (i + 1 < words.length) {
      const pair = `${w} ${words[i + 1]}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}
