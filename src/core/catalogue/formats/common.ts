// Helpers shared by the format parsers: whitespace, dates and years, arXiv ids in free text, author lists.
import { arxivIdFromUrl, normalizeArxivId, normalizeDoi, normalizePmid } from '../../identity/paperKey.ts';
import { texToUnicode } from './tex.ts';

/** Collapses whitespace runs (hard line breaks, indentation, double spaces) to single spaces; composes accents (NFC). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** A line break escaped twice by the tool that wrote the file ("Models\\n  across"): TeX has no `\n` before a non-letter. */
const ESCAPED_LINE_BREAK = /(?:\\r)?\\n(?![A-Za-z])/g;

/** Metadata text as people read it: TeX accents as Unicode, whitespace collapsed; math kept. */
export function cleanField(text: string): string {
  return squash(texToUnicode(text.includes('\\n') ? text.replace(ESCAPED_LINE_BREAK, ' ') : text));
}

/** A plausible publication year, or undefined. */
export function plausibleYear(year: number): number | undefined {
  return Number.isInteger(year) && year >= 1600 && year <= 2200 ? year : undefined;
}

/** The year at the start of an ISO-like date ("2021-04-16", "2021-04", "2021"). */
export function yearOfDate(date: string | undefined): number | undefined {
  const m = /^\s*(\d{4})(?!\d)/.exec(date ?? '');
  return m?.[1] ? plausibleYear(Number(m[1])) : undefined;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from numeric parts, or undefined when the year is missing. */
export function isoDate(year: number | undefined, month?: number, day?: number): string | undefined {
  if (year === undefined || !plausibleYear(year)) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  let date = String(year);
  if (month !== undefined && Number.isInteger(month) && month >= 1 && month <= 12) {
    date += `-${pad(month)}`;
    if (day !== undefined && Number.isInteger(day) && day >= 1 && day <= 31) date += `-${pad(day)}`;
  }
  return date;
}

/**
 * The valid ISO date a text starts with, as precise as it is valid: "2021-04-16T09:00Z" → `2021-04-16`, "2021-13-01" →
 * `2021`, "2021-04" → `2021-04`; undefined when it does not start with a plausible year.
 */
export function isoDatePrefix(text: string | undefined): string | undefined {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)/.exec(text ?? '');
  if (!m) return undefined;
  return isoDate(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` from an RFC 2822 date ("Mon, 2 Apr 2007 19:18:42 GMT"), parsed by hand so every runtime agrees. */
export function isoDateFromRfc2822(text: string | undefined): string | undefined {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(text ?? '');
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return month ? isoDate(Number(m[3]), month, Number(m[1])) : isoDate(Number(m[3]));
}

/** The submission year an arXiv id encodes: 2104.07857 → 2021, hep-th/9108002 → 1991. */
export function yearFromArxivId(id: string | undefined): number | undefined {
  const norm = id ? normalizeArxivId(id) : undefined;
  if (!norm) return undefined;
  const m = /^(\d{2})\d{2}\./.exec(norm) ?? /\/(\d{2})\d{5}$/.exec(norm);
  if (!m?.[1]) return undefined;
  const yy = Number(m[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy; // arXiv started in 1991
}

const ARXIV_IN_TEXT = /\barxiv\s*[:/]?\s*(?:abs\/)?([a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/i;

/** An arXiv id (without version) in free text: "arXiv:2104.07857 [cs]", "arXiv preprint arXiv:1706.03762", a URL or an arXiv DOI. */
export function arxivIdFromText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const fromUrl = arxivIdFromUrl(text);
  if (fromUrl) return fromUrl;
  const m = ARXIV_IN_TEXT.exec(text);
  return m?.[1] ? normalizeArxivId(m[1]) : undefined;
}

/** The first valid DOI in a field that may hold several ("10.1/a 10.1/b"), lowercased. */
export function firstDoi(text: string | undefined): string | undefined {
  for (const part of (text ?? '').split(/[\s,;]+/)) {
    const doi = part ? normalizeDoi(part) : undefined;
    if (doi) return doi;
  }
  return undefined;
}

/** A PubMed id from a field written as text or as a number ("31452104", 31452104, "PMID: 31452104"). */
export function pmidOf(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? normalizePmid(String(value)) : undefined;
  return typeof value === 'string' ? normalizePmid(value) : undefined;
}

/** arXiv categories from a space-separated string or an array, primary first, without duplicates. */
export function categoryList(value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const cat = item.trim();
    if (cat && !out.includes(cat)) out.push(cat);
  }
  return out;
}

/**
 * Removes parenthesised groups, nested ones too: affiliations in arXiv author strings. An unclosed "(" drops
 * the rest, since affiliations come last ("D. Brinkmann (Physik-Institut, University Zurich").
 */
export function dropParenthesised(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      // A stray ")" is dropped too.
      if (depth > 0 && --depth === 0) out += ' ';
    } else if (depth === 0) {
      out += ch;
    }
  }
  return out;
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** One author name: TeX accents to Unicode, a leading "and " dropped, whitespace collapsed. */
export function cleanAuthor(name: string): string {
  return cleanField(name)
    .replace(/^and\s+/i, '')
    .replace(/^[,;\s]+|[,;\s]+$/g, '');
}

/**
 * Splits an arXiv-style author string ("A. One, B. Two and C. Three (Univ. X)") into names:
 * affiliations in parentheses are dropped, "Jr."-like suffixes stay with their name, "et al." is dropped.
 */
export function splitAuthors(text: string): string[] {
  const names: string[] = [];
  for (const piece of dropParenthesised(texToUnicode(text)).split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/)) {
    const name = cleanAuthor(piece);
    if (!name || /^et\.? al\.?$/i.test(name)) continue;
    if (SUFFIX.test(name) && names.length) names[names.length - 1] += `, ${name}`;
    else names.push(name);
  }
  return names;
}
