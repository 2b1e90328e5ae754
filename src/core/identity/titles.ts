// Title normalization: the one function that decides when two titles name the same paper.
import { withoutInvisibleControls } from '../text/invisibleControls.ts';

// \"o, \'{e}, {\"o}, \v{c}, \c c: the accented letter stays, the accent goes (letter accents need a brace or space).
const TEX_ACCENT = /\{?\\(?:[`'^"~=.]\s*\{?([A-Za-z])\}?|[uvHcdbtkr](?:\{([A-Za-z])\}|\s+([A-Za-z])))\}?/g;
// Formatting commands vanish; symbol commands (\alpha, \ell) keep their name as a word.
const TEX_FORMATTING = /\\(?:text[a-z]*|math[a-z]*|emph|bf|it|rm|sf|tt|cal|bm|boldsymbol|operatorname|left|right)\b\*?/g;
const TEX_COMMAND = /\\([A-Za-z]+)\*?/g;
const PLAIN_ASCII = /^[\x00-\x5b\x5d-\x7f]*$/; // ASCII without a backslash
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const QUOTES = /[\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u00AB\u00BB`´]/g;

/** Lowercase, accent-free, TeX-free, punctuation-free title with single spaces. */
export function normalizeTitle(title: string): string {
  // Fast path for plain ASCII without TeX: the general path below gives the same result, slower.
  if (PLAIN_ASCII.test(title))
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return title
    .replace(TEX_ACCENT, (_m, a?: string, b?: string, c?: string) => a ?? b ?? c ?? '')
    .replace(TEX_FORMATTING, ' ')
    .replace(TEX_COMMAND, ' $1 ')
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[$^_{}]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Collapse whitespace runs (page text is full of newlines and indentation); bidi overrides and zero-width characters go. */
export function cleanText(text: string | null | undefined): string {
  return withoutInvisibleControls(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
