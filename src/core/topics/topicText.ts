// Topic text: how the tagger reads a title or abstract (lowercase, accent-free, hyphens as spaces, light stemming),
// and the terms a paper gives the topic model.
import { STOPWORDS } from '../text/terms.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** Inline TeX ($\mathbb{R}^l$, $\Phi^3$) says nothing about the topic and its letters would read as words. */
const INLINE_MATH = /\$[^$]{0,200}\$/g;
/** An acronym's plural ("GPUs", "LLMs", "SSDs") loses its s even where the word rule would not ("gpus" ends in -us). */
const ACRONYM_PLURAL = /^[A-Z][A-Z0-9]{1,5}s$/;
/** Words that end like a plural or an inflection but are neither. */
const NOT_PLURAL = new Set(['bias', 'atlas', 'alias', 'canvas', 'lens', 'chaos', 'cosmos', 'news', 'series', 'species', 'always', 'perhaps', 'whereas']);
const VOWEL = /[aeiouy]/;
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** Lowercased, stemmed word tokens; punctuation (hyphens included) separates words. */
export function tokenize(text: string): string[] {
  let plain = text.replace(INLINE_MATH, ' ');
  // Decomposing and dropping accents changes nothing in plain ASCII, most titles and abstracts: skip the work there.
  if (!ASCII_ONLY.test(plain)) plain = plain.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = plain.replace(/['\u2019]s\b/g, '').match(WORD);
  if (!words) return [];
  for (let i = 0; i < words.length; i++) words[i] = stemWord(words[i] as string);
  return words;
}

export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = stemOf(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

/** stemWord without the cache. */
function stemOf(word: string): string {
  return ACRONYM_PLURAL.test(word) ? word.slice(0, -1).toLowerCase() : stem(word.toLowerCase());
}

/** Light suffix stripping so plurals and -ed/-ing forms meet their base ("offloaded", "offloading" → "offload"). */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || NOT_PLURAL.has(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (!s.endsWith(suffix)) continue;
    const base = s.slice(0, -suffix.length);
    // "need", "speed" and "string", "thing" keep their endings: too short or vowel-less without them.
    if (base.length < 3 || !VOWEL.test(base) || (suffix === 'ed' && base.endsWith('e'))) break;
    s = base;
    const last = s[s.length - 1] as string;
    if (last === s[s.length - 2] && !'lsz'.includes(last)) s = s.slice(0, -1); // "swapping" → "swap"
    break;
  }
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1); // "serve", "serving" and "served" meet at "serv"
  return s;
}

/** Inside a field, a word pair never spans punctuation or a masked seed term (▪, see maskSeedTerms). */
const SEGMENT_BREAKS = new Set([...'.,;:!?()[]{}\u25aa'].map((c) => c.charCodeAt(0)));

/** A field's text as tokenized, and its tokens. */
export interface TokenizedField {
  plain: string;
  tokens: OffsetToken[];
}

export interface OffsetToken {
  stem: string;
  start: number;
  end: number;
  /** Tokens in different segments are not adjacent. */
  segment: number;
}

/** The text as tokenize sees it (math blanked, accents dropped), and its stemmed tokens with their places in it. */
export function tokensWithOffsets(text: string): TokenizedField {
  // Blank out rather than remove, so offsets stay in the text that is returned.
  let plain = text.replace(INLINE_MATH, (m) => ' '.repeat(m.length));
  if (!ASCII_ONLY.test(plain)) plain = plain.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  plain = plain.replace(/['\u2019]s\b/g, '  ');
  const tokens: OffsetToken[] = [];
  let segment = 0;
  let previousEnd = 0;
  // The words WORD would match, found by character class while each word's hash is worked out, so a word met before
  // gets its stem from WORD_STEMS without being copied out of the text (copying and hashing every word was a third of
  // the tagger's time).
  const length = plain.length;
  let at = 0;
  while (at < length) {
    const start = at;
    let hash = 0;
    while (at < length) {
      const code = plain.charCodeAt(at);
      const size = code < 128 ? ASCII_WORD_CHAR[code]! : wordCharLength(plain, at);
      if (size === 0) break;
      hash = (Math.imul(hash, 31) + code) | 0;
      if (size === 2) hash = (Math.imul(hash, 31) + plain.charCodeAt(at + 1)) | 0;
      at += size;
    }
    if (at === start) {
      at++;
      continue;
    }
    for (let i = previousEnd; i < start; i++) {
      if (SEGMENT_BREAKS.has(plain.charCodeAt(i))) {
        segment++;
        break;
      }
    }
    previousEnd = at;
    tokens.push({ stem: stemAt(plain, start, at, hash), start, end: at, segment });
  }
  return { plain, tokens };
}

/** ASCII letters and digits, by character code. */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) => (/^[A-Za-z0-9]$/.test(String.fromCharCode(c)) ? 1 : 0));
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each non-ASCII code point met so far is a letter or a number (texts use few of them). */
const wordCodePoints = new Map<number, boolean>();

/** The UTF-16 length of the non-ASCII letter or number at `at` (2 outside the BMP), or 0 when it is neither. */
function wordCharLength(text: string, at: number): number {
  const point = text.codePointAt(at)!;
  let isWord = wordCodePoints.get(point);
  if (isWord === undefined) {
    isWord = WORD_CHAR.test(String.fromCodePoint(point));
    if (wordCodePoints.size < 65_536) wordCodePoints.set(point, isWord);
  }
  return isWord ? (point > 0xffff ? 2 : 1) : 0;
}

/** Words and their stems by hash, one word a slot (a newer word takes the slot): bounded, and most words hit. */
const WORD_STEM_SLOTS = 1 << 18;
const slotWords: (string | undefined)[] = new Array(WORD_STEM_SLOTS).fill(undefined);
const slotStems: string[] = new Array(WORD_STEM_SLOTS).fill('');

/** stemWord of text[start, end), whose hash is `hash`. */
function stemAt(text: string, start: number, end: number, hash: number): string {
  const slot = hash & (WORD_STEM_SLOTS - 1);
  const known = slotWords[slot];
  if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return slotStems[slot]!;
  const word = ownCopy(text.slice(start, end));
  const stem = ownCopy(stemOf(word));
  slotWords[slot] = word;
  slotStems[slot] = stem;
  return stem;
}

/**
 * A string that holds only its own characters: a slice of 13 or more characters may be kept by the engine as a view
 * of the whole text, which a cache would then keep alive (every abstract a long word was first met in).
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

// ── Terms for the taxonomy model: words and word pairs, abbreviations read as what the paper defines them to be ──

/** Words that say nothing about a topic, beyond the related index's stopwords (src/core/text/terms.ts). */
const TOPIC_EXTRA_STOPWORDS = [
  'eg',
  'ie',
  'et',
  'al',
  'demonstrate',
  'demonstrates',
  'find',
  'found',
  'given',
  'paper',
  'propose',
  'proposed',
  'show',
  'shows',
  'present',
  'study',
  'result',
  'results',
  'work',
  'approach',
  'method',
  'methods',
  'new',
  'novel',
  'based',
  'using',
  'use',
  'used',
  'also',
  'however',
  'well',
  'two',
  'one',
  'first',
];
let topicStopwords: Set<string> | undefined;

/** What a paper's text gives the taxonomy model: each term's count (title terms twice) and how the paper spells it. */
export interface TopicTerms {
  counts: Map<string, number>;
  /** The term as the paper writes it (lowercased; an abbreviation read as its long form shows as written). */
  surface(term: string): string;
}

/** A token after abbreviations are read: the stems it stands for, and where the paper wrote it. */
interface ReadToken {
  stem: string;
  start: number;
  end: number;
  segment: number;
}

/** An abbreviation in parentheses: letters and digits, at least two capitals ("SSL", "MoE", "LLMs", "ViT"). */
const ABBREVIATION = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9]{1,7}$/;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;

/**
 * Abbreviations the paper defines ("semi-supervised learning (SSL)"), by the abbreviation's stem: the stems of its long
 * form. The long form is the fewest words before the parenthesis whose initials spell the abbreviation, or, failing
 * that, whose letters contain it in order starting with the first word's initial ("vision transformer (ViT)").
 */
export function definedAbbreviations(fields: readonly TokenizedField[]): Map<string, string[]> {
  const defined = new Map<string, string[]>();
  for (const { plain, tokens } of fields) {
    tokens.forEach((token, k) => {
      // The parentheses first: they rule out almost every token without slicing it.
      if (k === 0 || plain.charCodeAt(token.start - 1) !== OPEN_PAREN || plain.charCodeAt(token.end) !== CLOSE_PAREN) return;
      const written = plain.slice(token.start, token.end);
      if (!ABBREVIATION.test(written)) return;
      const letters = written.replace(/(?<=[A-Z])s$/, '').toLowerCase();
      const before = tokens.slice(Math.max(0, k - letters.length - 2), k).filter((t) => t.segment === tokens[k - 1]!.segment);
      const words = before.map((t) => plain.slice(t.start, t.end).toLowerCase());
      const longForm = longFormFor(letters, words);
      if (longForm)
        defined.set(
          token.stem,
          before.slice(before.length - longForm).map((t) => t.stem),
        );
    });
  }
  return defined;
}

/** How many of the last `words` spell `letters`, or 0. */
function longFormFor(letters: string, words: readonly string[]): number {
  for (let n = 1; n <= words.length; n++) {
    const candidate = words.slice(words.length - n);
    if (candidate.map((w) => w[0]).join('') === letters) return n;
  }
  for (let n = 1; n <= Math.min(words.length, letters.length); n++) {
    const candidate = words.slice(words.length - n);
    if (candidate[0]![0] !== letters[0]) continue;
    const joined = candidate.join(' ');
    let at = 0;
    let ok = true;
    for (const c of letters) {
      at = joined.indexOf(c, at) + 1;
      if (at === 0) {
        ok = false;
        break;
      }
    }
    if (ok && n >= 2) return n;
  }
  return 0;
}

/** A paper's text as the taxonomy model reads it: each field's tokens once abbreviations are read, and which count. */
export interface TopicReading {
  fields: readonly TokenizedField[];
  /** Per field (title, abstract): its tokens, an abbreviation the paper defines replaced by its long form. */
  read: readonly ReadToken[][];
  /** Per field and token: whether it counts as a term (not a stopword, a number or a single letter). */
  kept: readonly boolean[][];
}

/**
 * Reads a paper for the taxonomy model: stemmed words and adjacent word pairs (stopwords and numbers left out), title
 * terms counted twice (see forEachTopicTerm). An abbreviation the paper defines is read as its long form wherever it
 * appears, so "SSL" in a paper on semi-supervised learning counts as those words, and its definition in parentheses is
 * not counted again; an undefined abbreviation stays itself, and the other words of the paper decide what it means.
 */
export function readTopicText(title: string, abstract: string): TopicReading {
  const fields = [tokensWithOffsets(title), tokensWithOffsets(abstract)] as const;
  const abbreviations = definedAbbreviations(fields);
  topicStopwords ??= new Set([...STOPWORDS, ...TOPIC_EXTRA_STOPWORDS].map(stemWord));
  const stop = topicStopwords;
  const read = fields.map(({ plain, tokens }) => {
    // Most papers define no abbreviation: their tokens are read as they are.
    if (abbreviations.size === 0) return tokens;
    const out: ReadToken[] = [];
    tokens.forEach((t, k) => {
      const longForm = abbreviations.get(t.stem);
      if (!longForm || !ABBREVIATION.test(plain.slice(t.start, t.end))) {
        out.push(t);
        return;
      }
      // The definition itself: its long form was just read.
      if (k > 0 && plain.charCodeAt(t.start - 1) === OPEN_PAREN && plain.charCodeAt(t.end) === CLOSE_PAREN) return;
      for (const stem of longForm) out.push({ stem, start: t.start, end: t.end, segment: t.segment });
    });
    return out;
  });
  const keep = (t: ReadToken) => t.stem.length > 1 && !stop.has(t.stem) && !allDigits(t.stem);
  return { fields, read, kept: read.map((tokens) => tokens.map(keep)) };
}

/** Whether token k of a field starts a pair: it and the next are both kept, in one segment, and differ. */
function startsPair(reading: TopicReading, field: number, k: number): boolean {
  const tokens = reading.read[field]!;
  const next = tokens[k + 1];
  return next !== undefined && reading.kept[field]![k + 1]! && next.segment === tokens[k]!.segment && next.stem !== tokens[k]!.stem;
}

/**
 * Visits each term of a reading where it occurs, in the paper's order: a kept word (`next` undefined), then the pair it
 * starts (`stem next`), if any; `times` is 2 in the title, 1 in the abstract.
 */
export function forEachTopicTerm(reading: TopicReading, visit: (stem: string, next: string | undefined, times: number) => void): void {
  reading.read.forEach((tokens, field) => {
    const times = field === 0 ? 2 : 1;
    const kept = reading.kept[field]!;
    for (let k = 0; k < tokens.length; k++) {
      if (!kept[k]) continue;
      const stem = tokens[k]!.stem;
      visit(stem, undefined, times);
      if (startsPair(reading, field, k)) visit(stem, tokens[k + 1]!.stem, times);
    }
  });
}

/** How the paper first writes a term (lowercased; an abbreviation read as its long form shows as written). */
export function termSurface(reading: TopicReading, term: string): string {
  for (let field = 0; field < reading.read.length; field++) {
    const tokens = reading.read[field]!;
    for (let k = 0; k < tokens.length; k++) {
      if (!reading.kept[field]![k]) continue;
      const t = tokens[k]!;
      let span: [number, number] | undefined;
      if (t.stem === term) span = [t.start, t.end];
      else if (startsPair(reading, field, k) && term === `${t.stem} ${tokens[k + 1]!.stem}`) {
        const next = tokens[k + 1]!;
        span = [Math.min(t.start, next.start), Math.max(t.end, next.end)];
      }
      if (span) return reading.fields[field]!.plain.slice(span[0], span[1]).toLowerCase().replace(/\s+/g, ' ');
    }
  }
  return term;
}

/** The terms the taxonomy model reads in a paper (see readTopicText), with their counts in the order they first occur. */
export function topicTerms(title: string, abstract: string): TopicTerms {
  const reading = readTopicText(title, abstract);
  const counts = new Map<string, number>();
  forEachTopicTerm(reading, (stem, next, times) => {
    const term = next === undefined ? stem : `${stem} ${next}`;
    counts.set(term, (counts.get(term) ?? 0) + times);
  });
  return { counts, surface: (term) => termSurface(reading, term) };
}

/** Whether a word is digits only (a number says nothing of a topic). */
function allDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}
