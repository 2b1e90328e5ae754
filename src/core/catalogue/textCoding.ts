// A paper's title and authors as word codes: a catalogue-wide dictionary of repeated words, one short record per paper.
//
// Text is split at "; " (between authors) and then at " ", which joins back exactly for any string. Each word is a
// dictionary id (1 byte for the 192 commonest, 2 for the next 12,288, 3 beyond) or, when the catalogue holds it once,
// its own bytes. A record is the title's words, END_OF_TITLE, then the authors' words: one paper decodes alone.

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

export class TextCodingError extends Error {}

/** The words of a text: parts between "; ", each split at " ". */
function partsOf(text: string): string[][] {
  return text.split('; ').map((part) => part.split(' '));
}

/**
 * The dictionary for a set of texts: every word used at least twice (never one holding a line break, as the dictionary
 * is stored as lines), commonest first and ties by code point, so the same texts give the same dictionary.
 */
export function textDictionary(texts: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const part of partsOf(text)) for (const w of part) counts.set(w, (counts.get(w) ?? 0) + 1);
  const repeated: Array<[string, number]> = [];
  for (const [w, c] of counts) if (c >= 2 && !/[\r\n]/.test(w)) repeated.push([w, c]);
  repeated.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return repeated.slice(0, MAX_DICTIONARY).map(([w]) => w);
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
          const bytes = encoder.encode(w);
          out.push(LITERAL);
          writeVarint(out, bytes.length);
          out.push(...bytes);
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

  /** Appends one paper's record: its title, then its authors joined by "; ". */
  writeRecord(out: ByteWriter, title: string, authors: string): void {
    this.writeText(out, title);
    out.push(END_OF_TITLE);
    this.writeText(out, authors);
  }
}

/**
 * Decodes the texts of one record, bytes[start, end): [title, authors], or only the title when `titleOnly`. Throws
 * TextCodingError on any byte sequence the encoder does not write (an unknown code, an id past the dictionary, a
 * literal past the record's end, no END_OF_TITLE or two of them).
 */
export function decodeRecord(bytes: Uint8Array, start: number, end: number, dictionary: readonly string[], titleOnly = false): string[] {
  const texts: string[] = [];
  let text = '';
  let first = true; // the next word starts a part: no space before it
  let at = start;
  const word = (w: string) => {
    text = first ? text + w : `${text} ${w}`;
    first = false;
  };
  const id = (i: number) => {
    const w = dictionary[i];
    if (w === undefined) throw new TextCodingError(`word ${i} is past the dictionary of ${dictionary.length}`);
    word(w);
  };
  while (at < end) {
    const b = bytes[at++]!;
    if (b < ONE_BYTE) id(b);
    else if (b < ONE_BYTE + TWO_BYTE_LEADS) {
      if (at + 1 > end) throw new TextCodingError('a word ends past its record');
      id(ONE_BYTE + ((b - ONE_BYTE) << 8) + bytes[at++]!);
    } else if (b < LITERAL) {
      if (at + 2 > end) throw new TextCodingError('a word ends past its record');
      id(ONE_BYTE + TWO_BYTE_IDS + ((b - ONE_BYTE - TWO_BYTE_LEADS) << 16) + (bytes[at]! << 8) + bytes[at + 1]!);
      at += 2;
    } else if (b === LITERAL) {
      let length = 0;
      let shift = 1;
      for (let k = 0; ; k++) {
        if (at >= end || k > 4) throw new TextCodingError('a word ends past its record');
        const v = bytes[at++]!;
        length += (v & 0x7f) * shift;
        shift *= 0x80;
        if (v < 0x80) break;
      }
      if (at + length > end) throw new TextCodingError('a word ends past its record');
      word(decoder.decode(bytes.subarray(at, at + length)));
      at += length;
    } else if (b === NEXT_PART) {
      text += '; ';
      first = true;
    } else if (b === END_OF_TITLE) {
      if (texts.length > 0) throw new TextCodingError('a record has two titles');
      texts.push(text);
      if (titleOnly) return texts;
      text = '';
      first = true;
    } else throw new TextCodingError(`unknown code ${b}`);
  }
  if (texts.length !== 1) throw new TextCodingError('a record has no end of its title');
  texts.push(text);
  return texts;
}
