// TeX accents and special letters → Unicode in metadata text (names, titles, abstracts); math `$...$` stays as is.

/** Accent commands and the Unicode combining mark each one puts on its letter. */
const ACCENT_MARKS: Readonly<Record<string, string>> = {
  "'": '\u0301', // acute: \'e → é
  '`': '\u0300', // grave: \`a → à
  '^': '\u0302', // circumflex: \^o → ô
  '"': '\u0308', // diaeresis: \"u → ü
  '~': '\u0303', // tilde: \~n → ñ
  '=': '\u0304', // macron: \=a → ā
  '.': '\u0307', // dot above: \.z → ż
  c: '\u0327', // cedilla: \c{c} → ç
  v: '\u030C', // caron: \v{s} → š
  u: '\u0306', // breve: \u{a} → ă
  H: '\u030B', // double acute: \H{o} → ő
  k: '\u0328', // ogonek: \k{a} → ą
  r: '\u030A', // ring: \r{u} → ů
  d: '\u0323', // dot below: \d{s} → ṣ
  b: '\u0331', // macron below: \b{t} → ṯ
};

/** Letters that are commands of their own: {\o}, {\ss}, {\aa}, \l ... */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  ss: 'ß',
  SS: 'SS',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  dj: 'đ',
  DJ: 'Đ',
  ng: 'ŋ',
  NG: 'Ŋ',
  th: 'þ',
  TH: 'Þ',
  dh: 'ð',
  DH: 'Ð',
};

// The base letter of an accent: X, {X}, { X }, \i, {\i} (dotless i/j take the accent as plain i/j); X may
// already carry an accent (Nguy\~{ê}n → Nguyễn). After a bare \i or \j, spaces before a lowercase letter
// belong to the command (Kre\u\i n → Kreĭn).
const LETTER = '\\p{L}';
const BASE = `(?:\\{\\s*(\\\\[ij]|${LETTER})\\s*\\}|(\\\\[ij])(?![A-Za-z])(?:[ \\t]+(?=\\p{Ll}))?`;
// Symbol accents may be followed by spaces or not (\'e, \' e); letter accents need a brace or a space
// (\c{c}, \c c), so \beta or \dots are never read as \b or \d.
const SYMBOL_ACCENT = new RegExp(`\\\\([\`'^"~=.])\\s*${BASE}|(${LETTER}))`, 'gu');
const LETTER_ACCENT = new RegExp(`\\\\([cvuHkrdb])(?:\\s*${BASE}|[ \\t]+(${LETTER})))`, 'gu');
// Single-letter commands swallow the spaces before a lowercase continuation, as TeX does (M\o ller → Møller,
// \L ojasiewicz → Łojasiewicz); the longer ones keep them (5008 \AA Lines, Weierstra\ss type).
const SPECIAL_LETTER = /\\(ss|SS|aa|AA|ae|AE|oe|OE|dj|DJ|ng|NG|th|TH|dh|DH|[oOlLij])(?![A-Za-z])(\{\}|[ \t]+(?=[a-z]))?/g;
const ESCAPED = /\\([&%_#{}$ ])/g;
// A forced line break (\\) is a space; a discretionary hyphen (\-) and a backslash left at the end are nothing.
const LINE_BREAK = /\\\\/g;
const SOFT_HYPHEN_OR_TRAILING = /\\-|\\$/g;
// A backslash before a letter that is already Unicode (a stray "\é").
const STRAY_BACKSLASH = /\\(?=[^\x00-\x7F])/g;
// Braces that only group letters: {\'E}cole → École, {BERT} → BERT, {} → nothing. A command's argument
// (\emph{word}, \cite[p. 2]{key}), a sub- or superscript (x_{ij}) and anything not purely letters ({f>0}) keep theirs.
const GROUP = /(?<!\\[A-Za-z]+\*?\s*|[_^}\]]\s*)\{([\p{L}\p{M}]*)\}/gu;

function accented(mark: string | undefined, base: string): string {
  const letter = base === '\\i' ? 'i' : base === '\\j' ? 'j' : base;
  return mark ? `${letter}${mark}`.normalize('NFC') : letter;
}

function convertText(text: string): string {
  if (!text.includes('\\') && !text.includes('{')) return text;
  let out = text
    .replace(LINE_BREAK, ' ')
    .replace(SOFT_HYPHEN_OR_TRAILING, '')
    .replace(SYMBOL_ACCENT, (_m, cmd: string, braced?: string, bare?: string, letter?: string) => accented(ACCENT_MARKS[cmd], braced ?? bare ?? letter ?? ''))
    .replace(LETTER_ACCENT, (_m, cmd: string, braced?: string, bare?: string, letter?: string) => accented(ACCENT_MARKS[cmd], braced ?? bare ?? letter ?? ''))
    .replace(SPECIAL_LETTER, (_m, name: string) => SPECIAL_LETTERS[name] ?? name)
    .replace(STRAY_BACKSLASH, '');
  // Groups can nest ({{\o}}): unwrap until nothing changes.
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(GROUP, '$1');
  }
  return out.replace(ESCAPED, '$1');
}

/** Splits text into text and math runs: `$...$`, `$$...$$`, `\\(...\\)`, `\\[...\\]` (an escaped `\\$` is text). */
function segments(text: string): { math: boolean; text: string }[] {
  const parts: { math: boolean; text: string }[] = [];
  let start = 0;
  let closer = ''; // '' outside math, else what closes the open math run
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const pair = text.slice(i, i + 2);
    let open = '';
    let close = false;
    if (closer === '') {
      if (pair === '$$') open = '$$';
      else if (ch === '$') open = '$';
      else if (pair === '\\(') open = '\\)';
      else if (pair === '\\[') open = '\\]';
    } else {
      close = text.startsWith(closer, i);
    }
    if (open) {
      if (i > start) parts.push({ math: false, text: text.slice(start, i) });
      start = i;
      closer = open;
      i += open.length - 1;
    } else if (close) {
      parts.push({ math: true, text: text.slice(start, i + closer.length) });
      i += closer.length - 1;
      start = i + 1;
      closer = '';
    } else if (ch === '\\') {
      i++; // an escaped character (\$) never opens or closes math
    }
  }
  // An unclosed `$` is not math: convert the rest as text.
  if (start < text.length) parts.push({ math: false, text: text.slice(start) });
  return parts;
}

/** Converts TeX accents, special letters ({\o}, {\ss}), escapes (\&) and grouping braces to plain Unicode. */
export function texToUnicode(text: string): string {
  if (!text.includes('\\') && !text.includes('{')) return text;
  return segments(text)
    .map((part) => (part.math ? part.text : convertText(part.text)))
    .join('');
}
