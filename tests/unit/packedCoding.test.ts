// Format 3's record codings: word-coded titles and authors, variable-length vectors, normalized titles by hash only.
import { describe, expect, it } from 'vitest';
import { buildLineTable, HashLookup, keyCheckOf, lineOffsets } from '../../src/core/catalogue/lineIndex.ts';
import { ByteWriter, encodeLines } from '../../src/core/catalogue/packed.ts';
import {
  checkRecord,
  decodeAllRecords,
  decodeRecord,
  frontCode,
  frontDecode,
  MAX_DICTIONARY,
  readIdentity,
  TextCodingError,
  TextEncoderOf,
  textDictionary,
  writeVarint,
} from '../../src/core/catalogue/textCoding.ts';
import { readVectorRecord, VectorCodingError, writeVectorRecord } from '../../src/core/catalogue/vectorCoding.ts';

/** Encodes [title, authors] pairs with a dictionary learned from them; answers the records and their offsets. */
function encodeAll(papers: Array<[string, string]>, dictionary = textDictionary(papers.flat())) {
  const writer = new TextEncoderOf(dictionary);
  const out = new ByteWriter();
  const offsets = [0];
  for (const [title, authors] of papers) {
    writer.writeRecord(out, `arxiv:2101.${String(offsets.length).padStart(5, '0')}`, '', title, authors);
    offsets.push(out.length);
  }
  return { bytes: out.bytes(), offsets, dictionary };
}

describe('word-coded texts', () => {
  const papers: Array<[string, string]> = [
    ['Attention Is All You Need', 'Ashish Vaswani; Noam Shazeer; Niki Parmar'],
    ['Attention is not Explanation', 'Sarthak Jain; Byron C. Wallace'],
    ['', ''],
    ['  two  spaces ', 'One Author'],
    ['A title; with a semicolon', ';; odd; '],
    ['Schrödinger bridges ∂ über 日本語', 'Zoë Ünal; Noam Shazeer'],
    ['Attention Is All You Need', 'Ashish Vaswani'],
    ['x'.repeat(300), 'a'],
  ];

  it('round-trips every title and author list exactly, each record alone', () => {
    const { bytes, offsets, dictionary } = encodeAll(papers);
    papers.forEach(([title, authors], i) => {
      const key = `arxiv:2101.${String(i + 1).padStart(5, '0')}`;
      expect(decodeRecord(bytes, offsets[i]!, offsets[i + 1]!, dictionary)).toEqual({ key, doi: '', title, authors });
      expect(decodeRecord(bytes, offsets[i]!, offsets[i + 1]!, dictionary, true)).toEqual({ key, doi: '', title, authors: '' });
    });
  });

  it('packs new-style arXiv keys in 6 bytes and keeps any other key and DOI exactly', () => {
    const writer = new TextEncoderOf([]);
    for (const [key, doi, size] of [
      ['arxiv:2101.01234', '', 6],
      ['arxiv:0704.0001', '10.1103/PhysRevD.76.013009', 6],
      ['arxiv:9912.99999', '', 6],
      ['arxiv:hep-th/9901001', '', 22],
      ['arxiv:2101.1234', '', 6],
      ['arxiv:2101.123456', '', 19],
      ['doi:10.1101/696633', '10.1101/696633', 20],
      ['title:schrödinger bridges', '', 28],
      ['', '', 2],
    ] as const) {
      const out = new ByteWriter();
      writer.writeRecord(out, key, doi, 't', 'a');
      const bytes = out.bytes();
      expect(readIdentity(bytes, 0, bytes.length).next - 1 - new TextEncoder().encode(doi).length).toBe(size);
      expect(decodeRecord(bytes, 0, bytes.length, [])).toEqual({ key, doi, title: 't', authors: 'a' });
    }
  });

  it('decodes every record at once to the same texts, and refuses the same damage', () => {
    const { bytes, offsets, dictionary } = encodeAll(papers);
    const words = encodeLines(dictionary);
    const starts = lineOffsets(words, dictionary.length);
    const all = decodeAllRecords(bytes, Uint32Array.from(offsets), papers.length, words, starts);
    papers.forEach((_, i) => {
      const one = decodeRecord(bytes, offsets[i]!, offsets[i + 1]!, dictionary);
      expect([all.keys[i], all.dois[i], all.titles[i], all.authors[i]]).toEqual([one.key, one.doi, one.title, one.authors]);
    });
    expect(decodeAllRecords(bytes, Uint32Array.of(0), 0, words, starts)).toEqual({ keys: [], dois: [], titles: [], authors: [] });
    const damaged = bytes.slice();
    damaged[offsets[2]!] = 0xff;
    expect(() => decodeAllRecords(damaged, Uint32Array.from(offsets), papers.length, words, starts)).toThrow(/unknown key code/);
    expect(() => decodeAllRecords(bytes, Uint32Array.from(offsets), papers.length, words, starts.subarray(0, 2))).toThrow(/past the dictionary/);
    const breaking = new ByteWriter();
    new TextEncoderOf([]).writeRecord(breaking, 'k', '', 'a\nb', '');
    expect(() => decodeAllRecords(breaking.bytes(), Uint32Array.of(0, breaking.length), 1, words, starts)).toThrow(/line break/);
  });

  it("checks a record as decodeRecord reads it, without its strings: the key's check, and the same refusals", () => {
    const { bytes, offsets, dictionary } = encodeAll(papers);
    const scratch = new Uint8Array(32);
    papers.forEach((_, i) => {
      const { key } = decodeRecord(bytes, offsets[i]!, offsets[i + 1]!, dictionary);
      expect(checkRecord(bytes, offsets[i]!, offsets[i + 1]!, dictionary.length, scratch)).toBe(keyCheckOf(key));
    });
    for (const [key, doi] of [
      ['arxiv:0704.0001', '10.1103/PhysRevD.76.013009'],
      ['arxiv:hep-th/9901001', ''],
      ['title:schrödinger bridges', ''],
    ]) {
      const out = new ByteWriter();
      new TextEncoderOf([]).writeRecord(out, key!, doi!, 't', 'a');
      expect(checkRecord(out.bytes(), 0, out.length, 0, scratch)).toBe(keyCheckOf(key!));
    }
    // Every one-byte damage and every cut: refused exactly where decodeRecord refuses.
    const refuses = (f: () => unknown) => {
      try {
        f();
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(TextCodingError);
        return true;
      }
    };
    for (let i = 0; i < papers.length; i++) {
      const record = bytes.slice(offsets[i], offsets[i + 1]);
      for (let at = 0; at < record.length; at++) {
        for (const value of [0, 0xc5, 0xf2, 0xfc, 0xfd, 0xfe, 0xff, 200]) {
          const damaged = record.slice();
          damaged[at] = value;
          expect(
            refuses(() => checkRecord(damaged, 0, damaged.length, dictionary.length, scratch)),
            `paper ${i} byte ${at} = ${value}`,
          ).toBe(refuses(() => decodeRecord(damaged, 0, damaged.length, dictionary)));
        }
        expect(refuses(() => checkRecord(record, 0, at, dictionary.length, scratch))).toBe(refuses(() => decodeRecord(record, 0, at, dictionary)));
      }
    }
  });

  it('keeps a word of 300,000 characters', () => {
    const long = 'x'.repeat(300_000);
    const out = new ByteWriter();
    new TextEncoderOf([]).writeRecord(out, 'k', '', long, long);
    const bytes = out.bytes();
    expect(decodeRecord(bytes, 0, bytes.length, [])).toEqual({ key: 'k', doi: '', title: long, authors: long });
  });

  it('learns only repeated words, commonest first, the same way every time', () => {
    const dictionary = textDictionary(papers.flat());
    expect(dictionary.slice(0, 2)).toEqual(['', 'Attention']);
    expect(dictionary).toContain('Shazeer');
    expect(dictionary).not.toContain('Explanation');
    expect(textDictionary([...papers].reverse().flat())).toEqual(dictionary);
  });

  it('codes ids of one, two and three bytes', () => {
    const dictionary = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const writer = new TextEncoderOf(dictionary);
    for (const [id, size] of [
      [5, 1],
      [191, 1],
      [192, 2],
      [12_479, 2],
      [12_480, 3],
      [19_999, 3],
    ] as const) {
      const out = new ByteWriter();
      writer.writeRecord(out, 'k', '', `w${id}`, '');
      const bytes = out.bytes();
      // the key (its code, length and byte), no DOI, END_OF_TITLE, and the empty author list as a literal of length 0
      expect(bytes.length - 7).toBe(size);
      expect(decodeRecord(bytes, 0, bytes.length, dictionary)).toEqual({ key: 'k', doi: '', title: `w${id}`, authors: '' });
    }
    expect(MAX_DICTIONARY).toBeGreaterThan(700_000);
  });

  it('refuses damaged records with a TextCodingError', () => {
    const { bytes, offsets, dictionary } = encodeAll(papers);
    const first = bytes.slice(offsets[0], offsets[1]);
    expect(() => decodeRecord(first, 0, first.length - 1, dictionary)).toThrow(TextCodingError); // cut short
    expect(() => decodeRecord(first, 0, first.length, dictionary.slice(0, 1))).toThrow(/past the dictionary/);
    const noKey = [0, 0, 0]; // a key of no bytes, no DOI
    expect(() => decodeRecord(Uint8Array.of(...noKey, 0xff), 0, 4, dictionary)).toThrow(/unknown code/);
    expect(() => decodeRecord(Uint8Array.of(...noKey, 0), 0, 4, dictionary)).toThrow(/no end of its title/);
    expect(() => decodeRecord(Uint8Array.of(...noKey, 0xfe, 0xfe), 0, 5, dictionary)).toThrow(/two titles/);
    expect(() => decodeRecord(Uint8Array.of(...noKey, 0xfc, 9, 65, 0xfe), 0, 7, dictionary)).toThrow(/past its record/);
    expect(() => decodeRecord(Uint8Array.of(...noKey, 0xc5), 0, 4, dictionary)).toThrow(/past its record/);
    expect(() => decodeRecord(Uint8Array.of(9, 0, 0xfe), 0, 3, dictionary)).toThrow(/unknown key code/);
    expect(() => decodeRecord(Uint8Array.of(1, 0, 1), 0, 3, dictionary)).toThrow(/key ends past/);
    expect(() => decodeRecord(Uint8Array.of(1, 0x27, 0x10, 0, 0, 1, 0, 0xfe), 0, 8, dictionary)).toThrow(/out of range/);
    expect(() => decodeRecord(Uint8Array.of(0, 5, 65), 0, 3, dictionary)).toThrow(/field ends past/);
    expect(() => decodeRecord(Uint8Array.of(), 0, 0, dictionary)).toThrow(/empty/);
  });

  it('writes varints of any safe size', () => {
    const out = new ByteWriter();
    writeVarint(out, 0);
    writeVarint(out, 127);
    writeVarint(out, 128);
    writeVarint(out, 300_000);
    expect(Array.from(out.bytes())).toEqual([0, 127, 0x80, 1, 0xe0, 0xa7, 0x12]);
  });
});

describe('variable-length vectors', () => {
  const K = 48;
  const read = (bytes: Uint8Array, vocabulary = 60_000, width = K) => {
    const ids = new Uint16Array(width);
    const weights = new Uint8Array(width);
    const count = readVectorRecord(bytes, 0, bytes.length, width, vocabulary, ids, weights);
    return { ids: Array.from(ids.subarray(0, count)), weights: Array.from(weights.subarray(0, count)) };
  };
  const write = (ids: number[], weights: number[]) => {
    const out = new ByteWriter();
    writeVectorRecord(out, ids, weights);
    return out.bytes();
  };

  it('round-trips ascending ids and their weights, an empty vector in two bytes', () => {
    const ids = [0, 1, 127, 128, 129, 16_511, 16_512, 59_999];
    const weights = [1, 255, 3, 4, 5, 6, 7, 8];
    expect(read(write(ids, weights))).toEqual({ ids, weights });
    expect(write([], [])).toEqual(Uint8Array.of(0, 0));
    expect(read(write([], []))).toEqual({ ids: [], weights: [] });
    expect(read(write([65_534], [7]), 65_535)).toEqual({ ids: [65_534], weights: [7] });
  });

  it('round-trips gaps of every size, each k from 0 to 15, and a record that ends the section', () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const seen = new Set<number>();
    for (let trial = 0; trial < 400; trial++) {
      // A spread of 1 to 65,534 ids: dense vectors code with small k, sparse ones with large k.
      const spread = Math.max(2, Math.floor(2 ** (1 + random() * 15)));
      const ids = [...new Set(Array.from({ length: 1 + Math.floor(random() * 48) }, () => Math.floor(random() * Math.min(spread, 65_534))))].sort((a, b) => a - b);
      const weights = ids.map(() => Math.floor(random() * 256));
      const bytes = write(ids, weights);
      seen.add(bytes[1]!);
      expect(read(bytes, 65_535)).toEqual({ ids, weights });
      // Inside a longer section: the bits after it are another record's.
      const within = Uint8Array.of(...bytes, 0xff, 0xff, 0xff, 0xff);
      const out = new Uint16Array(K);
      expect(readVectorRecord(within, 0, bytes.length, K, 65_535, out, new Uint8Array(K))).toBe(ids.length);
      expect(Array.from(out.subarray(0, ids.length))).toEqual(ids);
    }
    expect(seen.size).toBeGreaterThanOrEqual(12); // most values of k met
  });

  it('codes a typical vector in well under two bytes a term', () => {
    let seed = 17;
    const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 50; trial++) {
      const ids = [...new Set(Array.from({ length: 48 }, () => Math.floor(random() * 65_534)))].sort((a, b) => a - b);
      const weights = ids.map(() => 1 + Math.floor(random() * 255));
      const bytes = write(ids, weights);
      expect(read(bytes, 65_534)).toEqual({ ids, weights });
      expect(bytes.length - ids.length).toBeLessThan(ids.length * 1.7);
    }
  });

  it('refuses ids that do not ascend when writing', () => {
    expect(() => write([3, 3], [1, 1])).toThrow(VectorCodingError);
  });

  it('refuses damaged records with a VectorCodingError', () => {
    const good = write([10, 20, 30], [1, 2, 3]);
    expect(() => read(good.subarray(0, good.length - 1))).toThrow(VectorCodingError);
    expect(() => read(Uint8Array.of(...good, 9))).toThrow(/does not end/);
    expect(() => read(good, 25)).toThrow(/past the 25/);
    expect(() => read(good, 60_000, 2)).toThrow(/more than 2/);
    expect(() => read(Uint8Array.of(0x81))).toThrow(/inside its count/);
    expect(() => read(Uint8Array.of(1))).toThrow(/before its gaps/);
    expect(() => read(Uint8Array.of(1, 16, 0, 5))).toThrow(/k = 16/);
    expect(() => read(Uint8Array.of(1, 0, 0xff, 5))).toThrow(/past its record/);
    expect(() => read(Uint8Array.of(3, 0, 5))).toThrow(/too short/);
    expect(() => read(Uint8Array.of())).toThrow(/empty/);
  });
});

describe('front-coded vocabulary', () => {
  it('round-trips sorted terms, long shared prefixes and pairs outside the basic plane', () => {
    const terms = ['', 'a', 'neural', 'neural network', 'neural networks', 'neuron', `${'x'.repeat(200)}1`, `${'x'.repeat(200)}2`, '𝔽 field', '𝔽𝔾', 'ü', 'üb'];
    const coded = frontCode(terms);
    expect(coded[3]).toBe(`${String.fromCharCode(0x20 + 6)} network`);
    expect(frontDecode(coded)).toEqual(terms);
    // what the file holds is UTF-8: no lone surrogate may be cut out of a pair
    const through = new TextDecoder().decode(new TextEncoder().encode(coded.join('\n'))).split('\n');
    expect(frontDecode(through)).toEqual(terms);
  });

  it('refuses a line that claims more than the line before, or says nothing', () => {
    expect(() => frontDecode([' ab', '%x'])).toThrow(TextCodingError);
    expect(() => frontDecode([''])).toThrow(/line 0/);
    expect(() => frontDecode([' a', '\u00ffb'])).toThrow(/line 1/);
  });
});

describe('a hash table without its lines', () => {
  it('finds values by hash and checks each hit against the derived value', () => {
    const values = ['deep learning', '', 'graph neural networks', 'deep learning'];
    const bytes = encodeLines(values);
    const table = buildLineTable(bytes, lineOffsets(bytes, values.length), true);
    const lookup = new HashLookup(table, values.length, (i, value) => values[i] === value);
    expect(lookup.find('deep learning')).toEqual([0, 3]);
    expect(lookup.find('graph neural networks')).toEqual([2]);
    expect(lookup.find('graph neural')).toEqual([]);
    expect(lookup.find('')).toEqual([]);
    expect(new HashLookup(table.subarray(0, 0), values.length, () => true).find('deep learning')).toEqual([]);
  });
});
