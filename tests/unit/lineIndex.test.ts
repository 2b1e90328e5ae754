import { describe, expect, it } from 'vitest';
import { encodeLines, LineWriter } from '../../src/core/catalogue/packed.ts';
import { buildLineTable, LineLookup, lineOffsets } from '../../src/core/catalogue/lineIndex.ts';

describe('line lookup tables', () => {
  const lines = ['arxiv:2104.07857', '', 'title:schrödinger bridges', 'arxiv:2104.07857', 'doi:10.1101/696633'];
  const bytes = encodeLines(lines);
  const offsets = lineOffsets(bytes, lines.length);
  const lookup = new LineLookup(bytes, offsets, buildLineTable(bytes, offsets));

  it('finds every line equal to a value, and nothing else', () => {
    expect(lookup.find('arxiv:2104.07857')).toEqual([0, 3]);
    expect(lookup.find('title:schrödinger bridges')).toEqual([2]);
    expect(lookup.find('doi:10.1101/696633')).toEqual([4]);
    expect(lookup.find('arxiv:2104.0785')).toEqual([]);
    expect(lookup.find('')).toEqual([]);
  });

  it('keeps line boundaries exact', () => {
    expect(Array.from(offsets)).toEqual([0, 17, 18, 45, 62, bytes.length + 1]);
  });

  it('stays correct when the table is crowded with collisions', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `key-${i}`);
    const b = encodeLines(many);
    const o = lineOffsets(b, many.length);
    const l = new LineLookup(b, o, buildLineTable(b, o));
    for (const i of [0, 1, 2499, 4999]) expect(l.find(`key-${i}`)).toEqual([i]);
    expect(l.find('key-5000')).toEqual([]);
  });

  it('are written line by line as encodeLines writes them all at once: breaks inside a line, empty lines, any script', () => {
    for (const lines of [[], [''], ['', ''], ['a\nb', 'c\r\n\r\nd', ''], ['Schrödinger', '数学 \u{1F600}', 'lone \uD800 half', 'x']]) {
      const writer = new LineWriter();
      for (const line of lines) writer.add(line);
      expect(Array.from(writer.bytes())).toEqual(Array.from(encodeLines(lines)));
    }
  });
});
