// A paper's key, DOI, title and authors as one short record: the key and DOI packed, the texts as word codes against a
// catalogue-wide dictionary of repeated words.
//
// A new-style arXiv key ("arxiv:2101.01234") takes 6 bytes, any other key its own bytes; a DOI its bytes, none one byte.
// Text is split at "; " (between authors) and then at " ", which joins back exactly for any string. Each word is a
// dictionary id (1 byte for the 192 commonest, 2 for the next 12,288, 3 beyond) or, when the catalogue holds it once,
// its own bytes. A record is the key, the DOI, the title's words, END_OF_TITLE, then the authors' words: one paper
// decodes alone, and its key and DOI without any of its words.

import { keyCheck } from './lineIndex.ts';
import type { ByteWriter } from './packed.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const ONE_BYTE = 0xc0;
const TWO_BYTE_LEADS = 0x30; // 0xc0..0xef
const THREE_BYTE_LEADS = 0x0c; // 0xf0..0xfb
const TWO_BYTE_IDS = TWO_BYTE_LEADS << 8;
const THREE_BYTE_IDS = THREE_BYTE_LEADS << 16;
const LITERAL = 0xfc;
const NEXT_PART = 0xfd;
const END_OF_TITLE = 0xfe;
/** The most words a dictionary can number. */
export const MAX_DICTIONARY = ONE_BYTE + TWO_BYTE_IDS + THREE_BYTE_IDS;

/** How a record's key is written: its bytes, or a new-style arXiv id of 4 or 5 digits after the dot as numbers. */
const KEY_BYTES = 0;
const KEY_ARXIV_4 = 1;
const KEY_ARXIV_5 = 2;
const ARXIV_PREFIX = new TextEncoder().encode('arxiv:');
const NEW_STYLE_ARXIV = /^arxiv:(\d{4})\.(\d{4,5})$/;

export class TextCodingError extends Error {}

/** A paper's record, decoded. */
export interface PaperTexts {
  key: string;
  doi: string;
  title: string;
  authors: string;
}

/** The words of a text: parts between "; ", each split at " ". */
function partsOf(text: string): string[][] {
  return text.split('; ').map((part) => part.split(' '));
}

/**
 * The dictionary for a set of texts: every word used at least twice (never one holding a line break, as the dictionary
 * is stored as lines), commonest first and ties by code point, so the same texts give the same dictionary.
 */
export function textDictionary(texts: Iterable<string>): string[] {
  const counts = new TextWordCounts();
  for (const text of texts) counts.add(text);
  return counts.dictionary();
}

/** The word counts textDictionary is made from, added one text at a time (a build adds them as it reads its papers). */
export class TextWordCounts {
  private readonly counts = new Map<string, number>();

  add(text: string): void {
    for (const part of partsOf(text)) for (const w of part) this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
  }

  dictionary(): string[] {
    const repeated: Array<[string, number]> = [];
    for (const [w, c] of this.counts) if (c >= 2 && !/[\r\n]/.test(w)) repeated.push([w, c]);
    repeated.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return repeated.slice(0, MAX_DICTIONARY).map(([w]) => w);
  }
}

/** Appends a whole number as 7-bit groups, low first, the high bit set on all but the last. */
export function writeVarint(out: ByteWriter, value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Appends a string as its UTF-8 length, then its bytes. */
function writeBytes(out: ByteWriter, text: string): void {
  const bytes = encoder.encode(text);
  writeVarint(out, bytes.length);
  out.pushBytes(bytes);
}

/** Where the bytes of the field writeBytes wrote at bytes[at] start, and where they end (the next field), within `end`. */
function fieldBounds(bytes: Uint8Array, at: number, end: number): [number, number] {
  let length = 0;
  let shift = 1;
  let p = at;
  for (let k = 0; ; k++) {
    if (p >= end || k > 4) throw new TextCodingError('a field ends past its record');
    const v = bytes[p++]!;
    length += (v & 0x7f) * shift;
    shift *= 0x80;
    if (v < 0x80) break;
  }
  if (p + length > end) throw new TextCodingError('a field ends past its record');
  return [p, p + length];
}

/** Reads what writeBytes wrote from bytes[at], within `end`: the string and where the next field starts. */
function readBytes(bytes: Uint8Array, at: number, end: number): [string, number] {
  const [from, to] = fieldBounds(bytes, at, end);
  return [stringOf(bytes, from, to), to];
}

/** UTF-8 bytes[start, end) as a string: short ASCII runs (most literals, keys) without a TextDecoder call. */
function stringOf(bytes: Uint8Array, start: number, end: number): string {
  if (end === start) return '';
  if (end - start > 64) return decoder.decode(bytes.subarray(start, end));
  let text = '';
  for (let p = start; p < end; p++) {
    const b = bytes[p]!;
    if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
    text += String.fromCharCode(b);
  }
  return text;
}

/** How many bytes follow a word code's lead byte `b` (below LITERAL): none, one or two. */
function codeTail(b: number): number {
  return b < ONE_BYTE ? 0 : b < ONE_BYTE + TWO_BYTE_LEADS ? 1 : 2;
}

/** The dictionary id a word code stands for: its lead byte `b`, then its tail from bytes[at] (within `end`). */
function wordIdAt(bytes: Uint8Array, at: number, end: number, b: number): number {
  if (b < ONE_BYTE) return b;
  if (at + codeTail(b) > end) throw new TextCodingError('a word ends past its record');
  if (b < ONE_BYTE + TWO_BYTE_LEADS) return ONE_BYTE + ((b - ONE_BYTE) << 8) + bytes[at]!;
  return ONE_BYTE + TWO_BYTE_IDS + ((b - ONE_BYTE - TWO_BYTE_LEADS) << 16) + (bytes[at]! << 8) + bytes[at + 1]!;
}

/** A new-style arXiv key packed at bytes[start] (its code first): its month, number and digits after the dot, checked. */
function arxivKeyAt(bytes: Uint8Array, start: number, end: number): { month: number; number: number; width: number } {
  if (start + 6 > end) throw new TextCodingError('a key ends past its record');
  const month = (bytes[start + 1]! << 8) | bytes[start + 2]!;
  const number = (bytes[start + 3]! << 16) | (bytes[start + 4]! << 8) | bytes[start + 5]!;
  const width = bytes[start] === KEY_ARXIV_4 ? 4 : 5;
  if (month > 9999 || number >= 10 ** width) throw new TextCodingError('an arXiv key is out of range');
  return { month, number, width };
}

/** Reads a record's key and DOI: what a lookup checks, without decoding any word. */
export function readIdentity(bytes: Uint8Array, start: number, end: number): { key: string; doi: string; next: number } {
  if (start >= end) throw new TextCodingError('a record is empty');
  const how = bytes[start]!;
  let key: string;
  let at: number;
  if (how === KEY_ARXIV_4 || how === KEY_ARXIV_5) {
    const { month, number, width } = arxivKeyAt(bytes, start, end);
    key = `arxiv:${String(month).padStart(4, '0')}.${String(number).padStart(width, '0')}`;
    at = start + 6;
  } else if (how === KEY_BYTES) [key, at] = readBytes(bytes, start + 1, end);
  else throw new TextCodingError(`unknown key code ${how}`);
  const [doi, next] = readBytes(bytes, at, end);
  return { key, doi, next };
}

/** Writes records of texts against one dictionary. */
export class TextEncoderOf {
  private readonly ids = new Map<string, number>();

  constructor(dictionary: readonly string[]) {
    dictionary.forEach((w, i) => this.ids.set(w, i));
  }

  private writeText(out: ByteWriter, text: string): void {
    partsOf(text).forEach((part, p) => {
      if (p > 0) out.push(NEXT_PART);
      for (const w of part) {
        const id = this.ids.get(w);
        if (id === undefined) {
          out.push(LITERAL);
          writeBytes(out, w);
        } else if (id < ONE_BYTE) out.push(id);
        else if (id < ONE_BYTE + TWO_BYTE_IDS) {
          const v = id - ONE_BYTE;
          out.push(ONE_BYTE + (v >> 8), v & 0xff);
        } else {
          const v = id - ONE_BYTE - TWO_BYTE_IDS;
          out.push(ONE_BYTE + TWO_BYTE_LEADS + (v >> 16), (v >> 8) & 0xff, v & 0xff);
        }
      }
    });
  }

  /** Appends one paper's record: its key and DOI ('' for none), its title, then its authors joined by "; ". */
  writeRecord(out: ByteWriter, key: string, doi: string, title: string, authors: string): void {
    const arxiv = NEW_STYLE_ARXIV.exec(key);
    if (arxiv) {
      const month = Number(arxiv[1]);
      const number = Number(arxiv[2]);
      out.push(arxiv[2]!.length === 4 ? KEY_ARXIV_4 : KEY_ARXIV_5, month >> 8, month & 0xff, number >> 16, (number >> 8) & 0xff, number & 0xff);
    } else {
      out.push(KEY_BYTES);
      writeBytes(out, key);
    }
    writeBytes(out, doi);
    this.writeText(out, title);
    out.push(END_OF_TITLE);
    this.writeText(out, authors);
  }
}

/**
 * Decodes one record, bytes[start, end); its authors are left '' when `titleOnly`. Throws TextCodingError on any byte
 * sequence the encoder does not write (an unknown code, an id past the dictionary, a field past the record's end, no
 * END_OF_TITLE or two of them).
 */
export function decodeRecord(bytes: Uint8Array, start: number, end: number, dictionary: readonly string[], titleOnly = false): PaperTexts {
  const { key, doi, next } = readIdentity(bytes, start, end);
  let title: string | undefined;
  // Pieces joined once: a flat string, where concatenating word by word leaves a tree that costs on every later use.
  const pieces: string[] = [];
  let first = true; // the next word starts a part: no space before it
  let at = next;
  while (at < end) {
    const b = bytes[at++]!;
    let w: string | undefined;
    if (b < LITERAL) {
      w = dictionary[wordIdAt(bytes, at, end, b)];
      at += codeTail(b);
    } else if (b === LITERAL) {
      [w, at] = readBytes(bytes, at, end);
    } else if (b === NEXT_PART) {
      pieces.push('; ');
      first = true;
      continue;
    } else if (b === END_OF_TITLE) {
      if (title !== undefined) throw new TextCodingError('a record has two titles');
      title = pieces.join('');
      if (titleOnly) return { key, doi, title, authors: '' };
      pieces.length = 0;
      first = true;
      continue;
    } else throw new TextCodingError(`unknown code ${b}`);
    if (w === undefined) throw new TextCodingError(`a word is past the dictionary of ${dictionary.length}`);
    if (!first) pieces.push(' ');
    pieces.push(w);
    first = false;
  }
  if (title === undefined) throw new TextCodingError('a record has no end of its title');
  return { key, doi, title, authors: pieces.join('') };
}

/**
 * Checks one record as decodeRecord reads it, without building its strings (an import checks every record of a file):
 * throws TextCodingError where decodeRecord would, and answers keyCheck of the record's key. `scratch` (at least 32
 * bytes) is where an arXiv key is spelled out to be hashed.
 */
export function checkRecord(bytes: Uint8Array, start: number, end: number, dictionarySize: number, scratch: Uint8Array): number {
  if (start >= end) throw new TextCodingError('a record is empty');
  const how = bytes[start]!;
  let check: number;
  let at: number;
  if (how === KEY_ARXIV_4 || how === KEY_ARXIV_5) {
    const { month, number, width } = arxivKeyAt(bytes, start, end);
    scratch.set(ARXIV_PREFIX, 0);
    let length = ARXIV_PREFIX.length;
    for (let place = 1000; place >= 1; place /= 10) scratch[length++] = 0x30 + (Math.floor(month / place) % 10);
    scratch[length++] = 0x2e;
    for (let place = 10 ** (width - 1); place >= 1; place /= 10) scratch[length++] = 0x30 + (Math.floor(number / place) % 10);
    check = keyCheck(scratch, 0, length);
    at = start + 6;
  } else if (how === KEY_BYTES) {
    const [from, to] = fieldBounds(bytes, start + 1, end);
    check = keyCheck(bytes, from, to);
    at = to;
  } else throw new TextCodingError(`unknown key code ${how}`);
  at = fieldBounds(bytes, at, end)[1];
  let titles = 0;
  while (at < end) {
    const b = bytes[at++]!;
    let id = -1;
    if (b < LITERAL) {
      id = wordIdAt(bytes, at, end, b);
      at += codeTail(b);
    } else if (b === LITERAL) at = fieldBounds(bytes, at, end)[1];
    else if (b === END_OF_TITLE) {
      if (++titles > 1) throw new TextCodingError('a record has two titles');
    } else if (b !== NEXT_PART) throw new TextCodingError(`unknown code ${b}`);
    if (id >= dictionarySize) throw new TextCodingError(`a word is past the dictionary of ${dictionarySize}`);
  }
  if (titles === 0) throw new TextCodingError('a record has no end of its title');
  return check;
}

/** The longest prefix one front-coded line shares with the line before it (its first character says how long). */
const MAX_SHARED = 0x7e - 0x20;

/**
 * Sorted lines (the vocabulary) front-coded: each line starts with one printable ASCII character, 0x20 + how many UTF-16
 * units it shares with the line before, then the rest of the line. Never splits a surrogate pair, so it stays valid UTF-8.
 */
export function frontCode(lines: readonly string[]): string[] {
  let previous = '';
  return lines.map((line) => {
    let shared = 0;
    const most = Math.min(previous.length, line.length, MAX_SHARED);
    while (shared < most && previous.charCodeAt(shared) === line.charCodeAt(shared)) shared++;
    const unit = line.charCodeAt(shared - 1);
    if (shared > 0 && unit >= 0xd800 && unit <= 0xdbff) shared--;
    previous = line;
    return String.fromCharCode(0x20 + shared) + line.slice(shared);
  });
}

/** The lines frontCode wrote, back; throws TextCodingError on a line with no length character or one past the line before. */
export function frontDecode(coded: readonly string[]): string[] {
  let previous = '';
  return coded.map((line, i) => {
    const shared = line.charCodeAt(0) - 0x20;
    if (!(shared >= 0 && shared <= MAX_SHARED) || shared > previous.length) throw new TextCodingError(`line ${i} does not say what it shares with the line before`);
    previous = previous.slice(0, shared) + line.slice(1);
    return previous;
  });
}

/** A growing byte buffer for one column of decodeAllRecords. */
class Column {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  copy(from: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    const to = this.bytes;
    let at = this.length;
    for (let p = start; p < end; p++) to[at++] = from[p]!; // words are short: a loop beats a subarray and set
    this.length = at;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }

  /** The column's lines, in one decode and one split: flat strings, as format 2's line sections gave. */
  lines(count: number): string[] {
    if (count === 0) return [];
    const lines = decoder.decode(this.bytes.subarray(0, this.length)).split('\n');
    if (lines.length !== count) throw new TextCodingError('a record holds a line break');
    return lines;
  }
}

/**
 * Every record at once, as columns of lines: what decodeRecord gives paper by paper, but written as UTF-8 bytes (the
 * dictionary's words copied from its section, `words` with `wordStarts` from lineOffsets) and decoded once per column,
 * several times faster for a whole catalogue. Throws TextCodingError as decodeRecord does.
 */
export function decodeAllRecords(
  bytes: Uint8Array,
  offsets: Uint32Array,
  count: number,
  words: Uint8Array,
  wordStarts: Uint32Array,
): { keys: string[]; dois: string[]; titles: string[]; authors: string[] } {
  const wordCount = wordStarts.length - 1;
  const keys = new Column();
  const dois = new Column();
  const titles = new Column();
  const authors = new Column();
  const field = (column: Column, at: number, end: number): number => {
    const [from, to] = fieldBounds(bytes, at, end);
    column.copy(bytes, from, to);
    return to;
  };
  const digits = (column: Column, value: number, width: number) => {
    for (let place = 10 ** (width - 1); place >= 1; place /= 10) column.byte(0x30 + (Math.floor(value / place) % 10));
  };
  for (let i = 0; i < count; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    if (i > 0) for (const column of [keys, dois, titles, authors]) column.byte(0x0a);
    if (start >= end) throw new TextCodingError('a record is empty');
    const how = bytes[start]!;
    let at: number;
    if (how === KEY_ARXIV_4 || how === KEY_ARXIV_5) {
      const { month, number, width } = arxivKeyAt(bytes, start, end);
      keys.copy(ARXIV_PREFIX, 0, ARXIV_PREFIX.length);
      digits(keys, month, 4);
      keys.byte(0x2e);
      digits(keys, number, width);
      at = start + 6;
    } else if (how === KEY_BYTES) at = field(keys, start + 1, end);
    else throw new TextCodingError(`unknown key code ${how}`);
    at = field(dois, at, end);
    let column = titles;
    let first = true;
    while (at < end) {
      const b = bytes[at++]!;
      let id: number;
      if (b < LITERAL) {
        id = wordIdAt(bytes, at, end, b);
        at += codeTail(b);
      } else if (b === LITERAL) {
        if (!first) column.byte(0x20);
        at = field(column, at, end);
        first = false;
        continue;
      } else if (b === NEXT_PART) {
        column.byte(0x3b);
        column.byte(0x20);
        first = true;
        continue;
      } else if (b === END_OF_TITLE) {
        if (column !== titles) throw new TextCodingError('a record has two titles');
        column = authors;
        first = true;
        continue;
      } else throw new TextCodingError(`unknown code ${b}`);
      if (id >= wordCount) throw new TextCodingError(`a word is past the dictionary of ${wordCount}`);
      if (!first) column.byte(0x20);
      column.copy(words, wordStarts[id]!, wordStarts[id + 1]! - 1);
      first = false;
    }
    if (column !== authors) throw new TextCodingError('a record has no end of its title');
  }
  return { keys: keys.lines(count), dois: dois.lines(count), titles: titles.lines(count), authors: authors.lines(count) };
}
