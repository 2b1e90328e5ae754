// Deterministic noisy forms of real titles, as pages and reference managers show them (case, punctuation, TeX,
// Unicode dashes and quotes, broken whitespace, a subtitle cut off, Google Scholar's "…" truncation), and titles of
// papers that are not in a catalogue but come close to one that is: the test set for title matching.
import { normalizeTitle } from '../core/identity/titles.ts';
import { mulberry32 } from '../training/random.ts';

export const NOISE_KINDS = ['case', 'punctuation', 'tex', 'unicode', 'whitespace', 'subtitle-cut', 'scholar-truncated', 'mixed'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

export interface NoisyTitle {
  kind: NoiseKind;
  title: string;
}

/** A 32-bit FNV-1a hash of a string, to seed per-title randomness. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Applies `change` to the text outside TeX commands (a page shows \\mathbb rendered, never upper-cased). */
function outsideCommands(title: string, change: (text: string) => string): string {
  return title
    .split(/(\\[A-Za-z]+)/)
    .map((part, i) => (i % 2 ? part : change(part)))
    .join('');
}

function changeCase(title: string, random: Random): string {
  switch (pick(random, ['upper', 'lower', 'title', 'sentence'] as const)) {
    case 'upper':
      return outsideCommands(title, (t) => t.toUpperCase());
    case 'lower':
      return outsideCommands(title, (t) => t.toLowerCase());
    case 'title':
      return outsideCommands(title, (t) => t.replace(/(?<![\\\p{L}])\p{L}[\p{L}'’]*/gu, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
    case 'sentence':
      return outsideCommands(title.charAt(0).toUpperCase() + title.slice(1), (t) => t.slice(0, 1) + t.slice(1).toLowerCase());
  }
}

function changePunctuation(title: string, random: Random): string {
  let out = title;
  const colon = random() < 0.5 ? ' -' : '';
  out = out.replace(/\s*:\s*/g, `${colon} `);
  if (random() < 0.6) out = out.replace(/(\p{L})-(\p{L})/gu, '$1 $2');
  // Punctuation between words goes; inside a formula ("sl(3,C)", "A(e,e'p)") it stays, as sites keep it.
  out = out.replace(/[?!,;](?=\s|$)/g, random() < 0.5 ? '' : ' ');
  out = out.replace(/["“”]/g, '');
  if (random() < 0.5) out += '.';
  return out.replace(/\s+/g, ' ').trim();
}

/** Combining mark → the TeX accent command that writes it. */
const TEX_ACCENTS: Readonly<Record<string, string>> = {
  '\u0301': "'",
  '\u0300': '`',
  '\u0302': '^',
  '\u0308': '"',
  '\u0303': '~',
  '\u0304': '=',
  '\u0307': '.',
  '\u0327': 'c',
  '\u030C': 'v',
  '\u0306': 'u',
  '\u030B': 'H',
  '\u0328': 'k',
  '\u030A': 'r',
};

/** As BibTeX shows a title: accents as commands, a brace-protected word, an emphasised word, `--` for dashes. */
function toTex(title: string, random: Random): string {
  let out = title
    .normalize('NFD')
    .replace(/(\p{L})([\u0300-\u036f])/gu, (m, letter: string, mark: string) => {
      const cmd = TEX_ACCENTS[mark];
      if (!cmd) return m;
      return /[A-Za-z]/.test(cmd) ? `\\${cmd}{${letter}}` : `{\\${cmd}${letter}}`;
    })
    .normalize('NFC')
    .replace(/\s[–—]\s/g, ' -- ')
    .replace(/&/g, '\\&');
  const words = out.split(' ');
  const plain = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z][A-Za-z0-9-]*[:,]?$/.test(w));
  if (plain.length) {
    const [w, i] = pick(random, plain);
    const tail = /[:,]$/.test(w) ? w.slice(-1) : '';
    const word = tail ? w.slice(0, -1) : w;
    words[i] = random() < 0.6 || !/[a-z]/.test(word) ? `{${word}}${tail}` : `\\emph{${word}}${tail}`;
  }
  out = words.join(' ');
  return random() < 0.5 ? `{${out}}` : out;
}

/** As web pages and PDFs write it: typographic dashes and quotes, non-breaking spaces, ligatures. */
function toUnicode(title: string, random: Random): string {
  let out = title
    .replace(/(\p{L})-(\p{L})/gu, (_m, a: string, b: string) => `${a}${pick(random, ['\u2010', '\u2011', '\u2013'])}${b}`)
    .replace(/\s--?\s/g, () => pick(random, [' \u2014 ', ' \u2013 ', '\u2014']))
    .replace(/"([^"]*)"/g, '\u201c$1\u201d')
    .replace(/``([^']*)''/g, '\u201c$1\u201d')
    .replace(/'/g, '\u2019')
    .replace(/fi/g, () => (random() < 0.3 ? '\ufb01' : 'fi'));
  if (out === title || random() < 0.5) out = out.replace(/ /g, () => (random() < 0.3 ? '\u00a0' : ' '));
  if (out === title) out = out.replace(' ', '\u00a0');
  return out;
}

function breakWhitespace(title: string, random: Random): string {
  const words = title.split(' ');
  return `${random() < 0.5 ? ' ' : ''}${words.map((w, i) => (i === 0 ? w : `${pick(random, [' ', '  ', '\n    ', '\t', ' \n'])}${w}`)).join('')}${random() < 0.5 ? ' \n' : ''}`;
}

/** The main title alone, when there is a subtitle after a colon or a spaced dash; undefined otherwise. */
export function mainTitle(title: string): string | undefined {
  const m = /^(.+?)(?:\s*:\s+|\s+[-–—]{1,2}\s+)(.+)$/u.exec(title.trim());
  if (!m || normalizeTitle(m[1]!).length < 2) return undefined;
  return m[1]!.trim();
}

/**
 * Google Scholar's truncation of a long title: cut at a word boundary somewhere in the first 40–90 characters, with
 * "…" (or three dots) after it. Undefined for titles too short to be cut.
 */
export function scholarTruncate(title: string, random: Random): string | undefined {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length < 55) return undefined;
  const limit = 40 + Math.floor(random() * Math.min(50, clean.length - 50));
  const cut = clean.lastIndexOf(' ', limit);
  if (cut < 25) return undefined;
  return `${clean.slice(0, cut).replace(/[\s:,;.-]+$/, '')}${pick(random, [' …', ' …', '…', '...'])}`;
}

/**
 * The noisy forms of one title, one per kind that applies (subtitle-cut and scholar-truncated need a subtitle or a
 * long title), each different from the title. The same title and seed always give the same forms.
 */
export function noisyVariants(title: string, seed = 1): NoisyTitle[] {
  const random = mulberry32(hashString(title, seed));
  const out: NoisyTitle[] = [];
  const add = (kind: NoiseKind, variant: string | undefined) => {
    if (variant !== undefined && variant !== title && variant.trim()) out.push({ kind, title: variant });
  };
  add('case', changeCase(title, random));
  add('punctuation', changePunctuation(title, random));
  add('tex', toTex(title, random));
  add('unicode', toUnicode(title, random));
  add('whitespace', breakWhitespace(title, random));
  add('subtitle-cut', mainTitle(title));
  add('scholar-truncated', scholarTruncate(title, random));
  const steps = [changeCase, changePunctuation, toUnicode, breakWhitespace, toTex];
  let mixed = title;
  const chosen = steps.filter(() => random() < 0.5);
  for (const step of chosen.length >= 2 ? chosen : steps.slice(0, 3)) mixed = step(mixed, random);
  add('mixed', mixed);
  return out;
}

/** Lowercase content words of a title, for closeness. */
function wordsOf(title: string): string[] {
  return normalizeTitle(title).split(' ').filter(Boolean);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / (A.size + B.size - shared || 1);
}

export interface CloseNegative {
  /** Index of the paper in the held-out list. */
  heldOut: number;
  title: string;
  /** The catalogue paper whose title it comes closest to. */
  nearest: number;
  similarity: number;
  /** Why it is close: same main title, same first words, or word overlap. */
  reason: 'same-main-title' | 'same-start' | 'overlap';
}

/**
 * Held-out papers whose titles come close to a catalogue title without being it (normalized titles differ): the same
 * main title before a colon, the same first three words, or at least `minOverlap` word overlap (Jaccard) with a
 * catalogue title that shares a rare word. Best first, at most `max`; deterministic.
 */
export function closeNegatives(catalogueTitles: readonly string[], heldOutTitles: readonly string[], max = 2000, minOverlap = 0.5): CloseNegative[] {
  const normalized = new Set<string>();
  const byMain = new Map<string, number>();
  const byStart = new Map<string, number>();
  const byWord = new Map<string, number[]>();
  const catalogueWords = catalogueTitles.map((t) => wordsOf(t));
  catalogueTitles.forEach((t, i) => {
    const words = catalogueWords[i]!;
    normalized.add(words.join(' '));
    const main = mainTitle(t);
    if (main) byMain.set(normalizeTitle(main), i);
    if (words.length >= 4) byStart.set(words.slice(0, 3).join(' '), i);
    for (const w of new Set(words)) {
      let list = byWord.get(w);
      if (!list) byWord.set(w, (list = []));
      list.push(i);
    }
  });
  const found: CloseNegative[] = [];
  heldOutTitles.forEach((title, h) => {
    const words = wordsOf(title);
    if (words.length < 2 || normalized.has(words.join(' '))) return;
    const main = mainTitle(title);
    const mainHit = main ? (byMain.get(normalizeTitle(main)) ?? (normalized.has(normalizeTitle(main)) ? -2 : -1)) : -1;
    if (mainHit !== -1) {
      const nearest = mainHit >= 0 ? mainHit : catalogueWords.findIndex((w) => w.join(' ') === normalizeTitle(main!));
      found.push({ heldOut: h, title, nearest, similarity: jaccard(words, catalogueWords[nearest]!), reason: 'same-main-title' });
      return;
    }
    const startHit = words.length >= 4 ? byStart.get(words.slice(0, 3).join(' ')) : undefined;
    // Candidates: the catalogue titles containing the title's two rarest words.
    const rare = [...new Set(words)].sort((a, b) => (byWord.get(a)?.length ?? 0) - (byWord.get(b)?.length ?? 0) || (a < b ? -1 : 1));
    let best = -1;
    let bestSim = 0;
    for (const w of rare.slice(0, 2)) {
      const postings = byWord.get(w) ?? [];
      if (postings.length > 3000) continue;
      for (const i of postings) {
        const s = jaccard(words, catalogueWords[i]!);
        if (s > bestSim || (s === bestSim && i < best)) {
          best = i;
          bestSim = s;
        }
      }
    }
    if (bestSim >= minOverlap) found.push({ heldOut: h, title, nearest: best, similarity: bestSim, reason: 'overlap' });
    else if (startHit !== undefined) found.push({ heldOut: h, title, nearest: startHit, similarity: jaccard(words, catalogueWords[startHit]!), reason: 'same-start' });
  });
  found.sort((a, b) => b.similarity - a.similarity || a.heldOut - b.heldOut);
  return found.slice(0, max);
}
