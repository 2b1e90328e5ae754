// Identity matching: which catalogue paper (if any) a page's paper is, by key, arXiv id, DOI or normalized title;
// a title cut short (Google Scholar's "…", a subtitle left off) matches by prefix when the first author (and the year,
// when the page shows one) agrees.
import type { CatalogueView, LookedUpSection } from '../catalogue/artifact.ts';
import type { PaperRef } from '../paper.ts';
import { normalizeArxivId, normalizeDoi, normalizePmid } from './paperKey.ts';
import { normalizeTitle } from './titles.ts';

/** A title that ends in an ellipsis (Google Scholar, many feeds), with the ellipsis. */
export const ELLIPSIS = /\s*(?:…|\.\.\.)\s*$/u;
/** A cut title needs at least this many words (after normalization) to be looked up by prefix. */
export const MIN_PREFIX_WORDS = 3;
/** More catalogue titles than this starting with the cut title: the prefix says too little, do not guess. */
export const MAX_PREFIX_CANDIDATES = 200;

/** A page title that is a whole main title (the text before a subtitle) needs at least this many characters. */
export const MIN_MAIN_TITLE_CHARS = 2;
/** At most this many catalogue titles are looked at for one main title ("Mamba" starts many titles). */
export const MAX_MAIN_TITLE_CANDIDATES = 5000;

/** Surname and first initial of an author as pages and catalogues write them ("Ada Lovelace", "Lovelace, A.", "A Lovelace"). */
export function nameOf(author: string | undefined): { surname: string; initial: string } {
  if (!author) return { surname: '', initial: '' };
  const comma = author.indexOf(',');
  const words = normalizeTitle(comma > 0 ? author.slice(0, comma) : author)
    .split(' ')
    .filter(Boolean);
  // "Jr" / "III" after the surname.
  while (words.length > 1 && /^(?:jr|sr|ii|iii|iv)$/.test(words[words.length - 1]!)) words.pop();
  const given = comma > 0 ? normalizeTitle(author.slice(comma + 1)) : words.slice(0, -1).join(' ');
  return { surname: words[words.length - 1] ?? '', initial: given.charAt(0) };
}

/** The surname of an author, normalized (see nameOf). */
export function surnameOf(author: string | undefined): string {
  return nameOf(author).surname;
}

/**
 * Whether a page's authors agree with a catalogue paper's: the same first author (surname, and first initial when both
 * show one) and, when both list two or more, the same second author's surname.
 */
export function sameAuthors(page: readonly string[], catalogue: readonly string[]): boolean {
  const a = nameOf(page[0]);
  const b = nameOf(catalogue[0]);
  if (!a.surname || a.surname !== b.surname || (a.initial && b.initial && a.initial !== b.initial)) return false;
  return page.length < 2 || catalogue.length < 2 || nameOf(page[1]).surname === nameOf(catalogue[1]).surname;
}

/**
 * Whether the authors a page lists agree, in order, with a catalogue paper's first ones: each the same surname, and
 * the same first initial when both show one. A page may list fewer (Google Scholar cuts the list), never other ones.
 */
export function authorsAgreeInOrder(page: readonly string[], catalogue: readonly string[]): boolean {
  const n = Math.min(page.length, catalogue.length);
  for (let k = 0; k < n; k++) {
    const a = nameOf(page[k]);
    const b = nameOf(catalogue[k]);
    if (a.surname !== b.surname || (a.initial && b.initial && a.initial !== b.initial)) return false;
  }
  return true;
}

/** The same surnames in the same order. */
export function sameSurnames(page: readonly string[], catalogue: readonly string[]): boolean {
  return page.length === catalogue.length && page.every((a, k) => surnameOf(a) === surnameOf(catalogue[k]));
}

/**
 * A part number in what the page left off ("… Part II: …", "…lines I: …"): the paper is one of a series whose parts
 * share the beginning of the title and the authors, so a cut title cannot say which part it is.
 */
const PART = /(?:^| )(?:part (?:[ivx]+|\d+|one|two|three)|i|ii|iii|iv|vi|vii|viii)(?: |$)/;

/** A numbered instalment where the page left off ("DESI DR1: 2. Constraints…"): the same series problem as PART. */
const NUMBERED_PART = /^ \d{1,2} /;

/**
 * A collaboration or consortium as author: it signs many papers whose titles share their beginning (the catalogue's
 * "GWTC-4.0: …" papers), so its name corroborates no particular one of them.
 */
const COLLECTIVE_AUTHOR = /\b(?:collaboration|consortium|collaborators|team|group|project|network|initiative)s?\b/i;

/** Where the text before a subtitle ends, in a raw title: a colon, or a spaced dash. */
const SUBTITLE = /^(.+?)(?:\s*:\s+|\s+[-–—]{1,2}\s+)/u;

/** A title's main title, the text before its subtitle, normalized; undefined for a title without a subtitle. */
export function mainTitleOf(title: string): string | undefined {
  const main = SUBTITLE.exec(title.trim());
  return main ? normalizeTitle(main[1]!) : undefined;
}

export class CatalogueMatcher {
  /** Paper indexes ordered by normalized title, built on the first cut-title lookup (never at start). */
  private sorted: Uint32Array | undefined;

  constructor(private readonly data: CatalogueView) {}

  private one(name: LookedUpSection, value: string): number {
    const found = this.data.find(name, value);
    // Two catalogue papers with one title (or DOI) cannot be told apart by it: match neither.
    return found.length === 1 ? found[0]! : -1;
  }

  /** Index of the matching catalogue paper, or -1. */
  match(ref: PaperRef): number {
    const byKey = this.one('keys', ref.key);
    if (byKey >= 0) return byKey;
    const arxiv = ref.arxivId ? normalizeArxivId(ref.arxivId) : undefined;
    const byArxiv = arxiv ? this.one('keys', `arxiv:${arxiv}`) : -1;
    if (byArxiv >= 0) return byArxiv;
    const doi = ref.doi ? normalizeDoi(ref.doi) : undefined;
    if (doi) {
      const byDoi = this.one('dois', doi);
      if (byDoi >= 0) return byDoi;
      const byDoiKey = this.one('keys', `doi:${doi}`);
      if (byDoiKey >= 0) return byDoiKey;
    }
    // A PubMed row names the paper by its PubMed id; the catalogue may know it under its DOI.
    const pmid = ref.pmid ? normalizePmid(ref.pmid) : undefined;
    if (pmid) {
      const byPmid = this.one('pmids', pmid);
      if (byPmid >= 0) return byPmid;
      const byPmidKey = this.one('keys', `pmid:${pmid}`);
      if (byPmidKey >= 0) return byPmidKey;
    }
    const truncated = ELLIPSIS.test(ref.title);
    const norm = normalizeTitle(truncated ? ref.title.replace(ELLIPSIS, '') : ref.title);
    let byTitle = truncated ? -1 : this.one('normTitles', norm);
    if (byTitle < 0 && ref.authors?.length) byTitle = this.byPrefix(norm, ref, truncated);
    // Same title but a different arXiv id is a different paper (e.g. "Part II", or a namesake).
    const other = byTitle >= 0 ? this.data.lineOf('keys', byTitle) : '';
    return arxiv && other.startsWith('arxiv:') && other !== `arxiv:${arxiv}` ? -1 : byTitle;
  }

  /**
   * The one catalogue paper whose normalized title starts with `norm` (a whole-word prefix) and whose first author
   * has the page's first author's surname (and whose year is within one of the page's year, when both are known).
   * Without an ellipsis the page title must be the paper's whole main title, the part before a colon or spaced dash.
   */
  private byPrefix(norm: string, ref: PaperRef, truncated: boolean): number {
    const words = norm.split(' ').length;
    if (truncated ? words < MIN_PREFIX_WORDS : norm.length < MIN_MAIN_TITLE_CHARS) return -1;
    const pageAuthors = ref.authors ?? [];
    const surname = surnameOf(pageAuthors[0]);
    if (!surname || COLLECTIVE_AUTHOR.test(pageAuthors[0]!)) return -1;
    const normTitles = this.data.lines('normTitles');
    const order = this.order(normTitles);
    const prefix = `${norm} `;
    // First title >= prefix, then walk while titles start with it.
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (normTitles[order[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const authors = this.data.lines('authors');
    const titles = truncated ? undefined : this.data.lines('titles');
    const cap = truncated ? MAX_PREFIX_CANDIDATES : MAX_MAIN_TITLE_CANDIDATES;
    let found = -1;
    let candidates = 0;
    for (let k = lo; k < order.length; k++) {
      const i = order[k]!;
      if (!normTitles[i]!.startsWith(prefix)) break;
      if (++candidates > cap) return -1;
      const line = authors[i]!;
      // Cheap test first: the first author's surname appears in the line at all.
      if (!line || !normalizeTitle(line.split('; ', 1)[0]!).endsWith(surname)) continue;
      const leftOff = normTitles[i]!.slice(norm.length);
      const listed = line.split('; ');
      // A page that cuts the title (Google Scholar) may cut the author list too: the authors it does show must be the
      // paper's first ones. One that leaves the subtitle off (arXiv-style listings) lists every author: with three or
      // more, all of them must agree.
      if (truncated ? !authorsAgreeInOrder(pageAuthors, listed) : !sameAuthors(pageAuthors, listed)) continue;
      if (!truncated && pageAuthors.length >= 3 && !sameSurnames(pageAuthors, listed)) continue;
      const year = this.data.years[i]!;
      if (ref.year && year && Math.abs(year - ref.year) > 1) continue;
      if (titles && mainTitleOf(titles[i]!) !== norm) continue;
      // One part of a series fits: the cut title may be any of its parts, this one or another (whose title may carry
      // no number at all, as a first part's often does), so it names none.
      if (PART.test(leftOff) || NUMBERED_PART.test(leftOff)) return -1;
      if (found >= 0) return -1; // two corroborated candidates: cannot tell them apart
      found = i;
    }
    return found;
  }

  private order(normTitles: string[]): Uint32Array {
    if (!this.sorted) {
      const order = Uint32Array.from(normTitles.keys());
      order.sort((a, b) => (normTitles[a]! < normTitles[b]! ? -1 : normTitles[a]! > normTitles[b]! ? 1 : a - b));
      this.sorted = order;
    }
    return this.sorted;
  }
}
