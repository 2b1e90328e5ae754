// What @string macros would add to each BibTeX entry, found by a cheap scan before the parser expands them (a macro bomb).

/**
 * One entry or @string definition (not @comment or @preamble): where it is in the text, and the characters its macros
 * add (for a definition, what the macro expands to).
 */
export interface EntryMacroCost {
  start: number;
  end: number;
  /** "@article{key}" or "@string{name}" as written. */
  label: string;
  isString: boolean;
  added: number;
}

const ENTRY_HEAD = /@\s*([A-Za-z]+)\s*([{(])\s*([^,\s{}()]*)/y;
const IDENTIFIER = /[^\s"#%'(),={}]+/y;
// A line that starts with "@" starts an entry, even when the one before left a brace open (the parser recovers there too).
const NEXT_ENTRY = /\n[ \t]*@/y;

function nextEntryAt(text: string, i: number): boolean {
  if (text[i] !== '\n') return false;
  NEXT_ENTRY.lastIndex = i;
  return NEXT_ENTRY.test(text);
}

/** The index just past the brace group that opens at `at` (or the text's end when it never closes). */
function pastBraces(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
    else if (nextEntryAt(text, i)) return i;
  }
  return text.length;
}

/** The index just past the quoted value that opens at `at` (braces inside it may hold a quote). */
function pastQuotes(text: string, at: number): number {
  let depth = 0;
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '"' && depth === 0) return i + 1;
    else if (nextEntryAt(text, i)) return i;
  }
  return text.length;
}

/**
 * Scans the text once, as BibTeX reads it at the top level of each entry: `name = piece # piece`, where a piece is
 * {...}, "..." , a number or a macro name. A macro's length is what its definition expands to (macros may use macros,
 * so lengths can grow exponentially: they are capped at `cap`). Returns each entry with the characters its macros add,
 * and each definition with its length.
 */
export function macroCosts(text: string, cap: number): EntryMacroCost[] {
  const macros = new Map<string, number>();
  const entries: EntryMacroCost[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    ENTRY_HEAD.lastIndex = at;
    const head = ENTRY_HEAD.exec(text);
    if (!head) continue;
    const type = head[1]!.toLowerCase();
    const close = head[2] === '{' ? '}' : ')';
    const open = text.indexOf(head[2]!, at);
    if (type === 'comment') {
      if (head[2] === '{') at = pastBraces(text, open) - 1;
      continue;
    }
    let i = type === 'string' || type === 'preamble' ? open + 1 : at + head[0].length;
    let added = 0;
    let valueLength = 0;
    let name = '';
    let expectValue = false;
    for (; i < text.length && text[i] !== close && !nextEntryAt(text, i); ) {
      const ch = text[i]!;
      if (ch === '{' || ch === '"') {
        const end = ch === '{' ? pastBraces(text, i) : pastQuotes(text, i);
        valueLength += end - i - 2;
        i = end;
        expectValue = false;
      } else if (ch === '=' || ch === '#') {
        expectValue = true;
        i++;
      } else if (ch === ',') {
        expectValue = false;
        i++;
      } else if (/\s/.test(ch)) {
        i++;
      } else {
        IDENTIFIER.lastIndex = i;
        const word = IDENTIFIER.exec(text)?.[0] ?? ch;
        if (expectValue && !/^\d+$/.test(word)) {
          const length = macros.get(word.toLowerCase()) ?? 0;
          added = Math.min(cap, added + length);
          valueLength += length;
        } else if (expectValue) {
          valueLength += word.length;
        } else {
          name = word.toLowerCase();
        }
        expectValue = false;
        i += word.length;
      }
    }
    const end = text[i] === close ? i + 1 : i;
    if (type === 'string') {
      macros.set(name, Math.min(cap, valueLength));
      entries.push({ start: at, end, label: `@string{${name}}`, isString: true, added: Math.min(cap, valueLength) });
    } else if (type !== 'preamble') {
      entries.push({ start: at, end, label: `@${type}{${head[3]}}`, isString: false, added });
    }
    at = Math.max(at, end - 1);
  }
  return entries;
}
