// Catalogues installed before format 3 keep working: a format 2 file (texts as lines, fixed-width vectors) is read to
// the same papers, lookups and vectors as the format 3 file it was written from; other versions are refused in words.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueError, NONE16, readCatalogue, type CatalogueHeader } from '../../src/core/catalogue/artifact.ts';
import { buildLineTable, lineOffsets } from '../../src/core/catalogue/lineIndex.ts';
import { encodeLines, packSections, unpackSections } from '../../src/core/catalogue/packed.ts';
import { hashSections } from '../../src/core/catalogue/packed.ts';

const seedBytes = new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')));
const seed = readCatalogue(seedBytes);
const n = seed.paperCount;
const K = seed.header.vectorTerms;

/** The seed written as format 2 did: lines for titles, authors and normalized titles; vectors in fixed slots. */
function asFormat2(): Uint8Array {
  const { header, section } = unpackSections<CatalogueHeader>(seedBytes);
  const dropped = new Set(['keysTable', 'doisTable', 'normTitlesTable', 'words', 'texts', 'textOffsets', 'vectors', 'vectorOffsets']);
  const sections: Array<[string, Uint8Array | Uint16Array | Uint32Array]> = header.sections.filter((s) => !dropped.has(s.name)).map((s) => [s.name, section(s.name)]);
  for (const name of ['keys', 'normTitles', 'dois'] as const) {
    const lines = encodeLines(seed.lines(name));
    const offsets = lineOffsets(lines, n);
    sections.push([name, lines], [`${name}Offsets`, offsets], [`${name}Table`, buildLineTable(lines, offsets)]);
  }
  const vectorIds = new Uint16Array(n * K).fill(NONE16);
  const vectorWeights = new Uint8Array(n * K);
  for (let i = 0; i < n; i++) {
    const { ids, weights } = seed.vectorOf(i);
    vectorIds.set(ids, i * K);
    vectorWeights.set(weights, i * K);
  }
  sections.push(['titles', encodeLines(seed.lines('titles'))], ['authors', encodeLines(seed.lines('authors'))], ['vectorIds', vectorIds], ['vectorWeights', vectorWeights]);
  // Format 2 keeps every id in two bytes.
  for (const [name, ids] of [
    ['categoryIds', seed.categoryIds],
    ['topicIds', seed.topicIds],
  ] as const) {
    sections.find(([s]) => s === name)![1] = ids;
  }
  const { sections: _, wordCount: __, ...rest } = header;
  return packSections({ ...rest, formatVersion: 2, version: hashSections(sections) }, sections);
}

describe('reading format 2 beside format 3', () => {
  const old = readCatalogue(asFormat2());

  it('the bundled seed is format 3, and smaller than its format 2 form', () => {
    expect(seed.header.formatVersion).toBe(3);
    expect(seedBytes.length).toBeLessThan(asFormat2().length);
    expect(() => old.validate()).not.toThrow();
    expect(() => old.verify()).not.toThrow();
    expect(() => seed.validate()).not.toThrow();
  });

  it('gives the same papers, texts, vectors and lookups', () => {
    for (let i = 0; i < n; i++) {
      expect(old.paper(i)).toEqual(seed.paper(i));
      expect(old.lineAt('authors', i)).toBe(seed.lineAt('authors', i));
      expect(old.titleOf(i)).toBe(seed.titleOf(i));
      expect(old.lineOf('normTitles', i)).toBe(seed.lineOf('normTitles', i));
      expect(Array.from(old.vectorOf(i).ids)).toEqual(Array.from(seed.vectorOf(i).ids));
      expect(Array.from(old.vectorOf(i).weights)).toEqual(Array.from(seed.vectorOf(i).weights));
      for (const name of ['keys', 'normTitles', 'dois'] as const) {
        const value = seed.lineOf(name, i);
        expect(old.lineOf(name, i)).toBe(value);
        if (value) expect(seed.find(name, value)).toEqual(old.find(name, value));
        if (value) expect(seed.find(name, value)).toContain(i);
      }
    }
    expect(seed.find('normTitles', 'no paper has this title')).toEqual([]);
    expect(seed.find('keys', 'arxiv:9999.99999')).toEqual([]);
    expect(seed.find('dois', '10.0/none')).toEqual([]);
    expect(seed.lines('keys')).toEqual(old.lines('keys'));
    expect(seed.lines('dois')).toEqual(old.lines('dois'));
    expect(seed.lines('titles')).toEqual(old.lines('titles'));
    expect(seed.lines('normTitles')).toEqual(old.lines('normTitles'));
    expect(seed.vectorIds).toEqual(old.vectorIds);
    expect(seed.vectorWeights).toEqual(old.vectorWeights);
  });

  it('refuses a version it does not know, naming the versions it reads', () => {
    const { header, section } = unpackSections<CatalogueHeader>(seedBytes);
    const sections = header.sections.map((s) => [s.name, section(s.name)] as [string, Uint8Array]);
    const { sections: _, ...rest } = header;
    const future = packSections({ ...rest, formatVersion: 4 }, sections);
    expect(() => readCatalogue(future)).toThrow(CatalogueError);
    expect(() => readCatalogue(future)).toThrow(/format version 4.*versions 2 and 3/);
  });
});
