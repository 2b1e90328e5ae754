// The builder's spilling path (word-pair counts in sorted runs, papers and their words in chunk files, past a tiny memory
// budget) gives the same bytes as the in-memory one.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogueFiles } from '../../src/cli/buildCatalogue.ts';
import { fileKeyRunStore } from '../../src/cli/keyRunFiles.ts';
import { type BuildOptions, CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { fileChunkSpill, readChunkFile } from '../../src/cli/chunkFiles.ts';
import { PaperChunks } from '../../src/core/catalogue/paperRecords.ts';
import { paperTextSections } from '../../src/core/catalogue/textSections.ts';
import { createOaiSnapshotParser } from '../../src/core/catalogue/formats/oaiSnapshot.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { hashSections, packSections, unpackSections } from '../../src/core/catalogue/packed.ts';
import { hashBytes } from '../../src/core/hash.ts';
import { KeyDocumentFrequencies, type KeyRunStore, memoryKeyRunStore } from '../../src/core/text/documentFrequency.ts';
import { seededRandom } from '../../scripts/snapshotRecords.ts';

const SAMPLE = resolve(process.cwd(), '../shared/data/arxiv-oai-snapshot-sample.jsonl');
const hasSample = existsSync(SAMPLE);

/** Every (key, df) visited, in order. */
function frequencies(docs: number[][], spill?: { budgetKeys: number; store: KeyRunStore }): Array<[number, number]> {
  const f = new KeyDocumentFrequencies(spill);
  for (const doc of docs) f.addDocument([...doc]);
  const out: Array<[number, number]> = [];
  f.forEachKey((key, df) => out.push([key, df]));
  return out;
}

/** A store that counts the runs it was given, so a test knows the spilling path really ran. */
function counting(store: KeyRunStore): KeyRunStore & { saved: number } {
  const counted = {
    ...store,
    saved: 0,
    save: (k: Float64Array, c: Uint32Array) => {
      counted.saved++;
      store.save(k, c);
    },
  };
  return counted;
}

describe('document frequencies past a memory budget', () => {
  const random = seededRandom(5);
  const docs = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 500) * 2 ** 26 + Math.floor(random() * 50)));

  it('are the same, in the same order, from runs in memory or in files as without a budget', () => {
    const whole = frequencies(docs);
    const inMemory = counting(memoryKeyRunStore(3));
    expect(frequencies(docs, { budgetKeys: 37, store: inMemory })).toEqual(whole);
    expect(inMemory.saved).toBeGreaterThan(100);
    const files = counting(fileKeyRunStore(tmpdir(), 5));
    expect(frequencies(docs, { budgetKeys: 64, store: files })).toEqual(whole);
    expect(files.saved).toBeGreaterThan(50);
    expect(whole.reduce((sum, [, df]) => sum + df, 0)).toBe(docs.reduce((sum, d) => sum + new Set(d).size, 0));
  });

  it('delete their temporary files once merged', () => {
    const parent = mkdtempSync(join(tmpdir(), 'paperscope-runs-test-'));
    frequencies(docs, { budgetKeys: 100, store: fileKeyRunStore(parent) });
    expect(readdirSync(parent)).toEqual([]);
  });
});

/** The sample snapshot's papers, parsed afresh. */
function samplePapers(): ParsedPaper[] {
  const parser = createOaiSnapshotParser();
  const records = [
    ...readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .flatMap((l) => parser.push(l)),
    ...parser.end(),
  ];
  return records.flatMap((r) => (r.ok ? [r.paper] : []));
}

describe.skipIf(!hasSample)('a build past a tiny memory budget', () => {
  const papers = samplePapers;
  const build = (spill?: { budgetKeys: number; store: KeyRunStore }, chunks?: { spill: BuildOptions['chunkSpill']; bytes: number }, withAbstracts = true) => {
    const builder = new CatalogueBuilder({ source: 'sample', withAbstracts, pairSpill: spill, chunkSpill: chunks?.spill, spillChunkBytes: chunks?.bytes });
    for (const p of papers()) builder.add(p);
    // Later records of a third of the papers: merged into records written chunks ago.
    for (const [i, p] of papers().entries()) if (i % 3 === 1) builder.add({ ...p, title: `${p.title} (revised)`, abstract: i % 2 ? '' : `${p.abstract} Revised.` });
    return builder.build();
  };

  it('writes the same bytes as the in-memory build', () => {
    const store = counting(fileKeyRunStore(tmpdir(), 7));
    const spilled = build({ budgetKeys: 50, store });
    expect(store.saved).toBeGreaterThan(100);
    expect(Buffer.from(spilled).equals(Buffer.from(build()))).toBe(true);
  });

  it('with its papers and their words in chunk files of a few hundred bytes, duplicates merged', () => {
    for (const withAbstracts of [true, false]) {
      const dir = mkdtempSync(join(tmpdir(), 'paperscope-chunks-'));
      let saved = 0;
      const opened: Array<ReturnType<typeof fileChunkSpill>> = [];
      const spill: BuildOptions['chunkSpill'] = (store) => {
        const files = fileChunkSpill(dir, store);
        opened.push(files);
        return {
          save: (index, bytes) => {
            saved++;
            files.save(index, bytes);
          },
          load: (index) => files.load(index),
        };
      };
      const spilled = build({ budgetKeys: 50, store: fileKeyRunStore(tmpdir(), 7) }, { spill, bytes: 300 }, withAbstracts);
      for (const files of opened) files.close();
      rmSync(dir, { recursive: true });
      expect(saved).toBeGreaterThan(200);
      expect(Buffer.from(spilled).equals(Buffer.from(build(undefined, undefined, withAbstracts)))).toBe(true);
    }
  });

  it('through the command line too, with a budget given in pair keys and chunk bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-bounded-'));
    const input = join(dir, 'sample.jsonl');
    writeFileSync(input, readFileSync(SAMPLE));
    await buildCatalogueFiles({ inputs: [input], outDir: join(dir, 'small'), withAbstracts: false, pairKeysInMemory: 16, spillChunkBytes: 512 });
    await buildCatalogueFiles({ inputs: [input], outDir: join(dir, 'whole'), withAbstracts: false });
    expect(readFileSync(join(dir, 'small', 'catalogue.psc')).equals(readFileSync(join(dir, 'whole', 'catalogue.psc')))).toBe(true);
  });

  it('makes the text sections in a second thread from the papers spilled to a file: the bytes of the whole build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-bounded-'));
    const input = join(dir, 'sample.jsonl');
    writeFileSync(input, readFileSync(SAMPLE));
    const logged: string[] = [];
    await buildCatalogueFiles({ inputs: [input], outDir: join(dir, 'threaded'), withAbstracts: true, spillChunkBytes: 700 }, (line) => logged.push(line));
    await buildCatalogueFiles({ inputs: [input], outDir: join(dir, 'whole'), withAbstracts: true });
    expect(logged.filter((line) => line.includes('thread'))).toEqual([]);
    expect(readFileSync(join(dir, 'threaded', 'catalogue.psc')).equals(readFileSync(join(dir, 'whole', 'catalogue.psc')))).toBe(true);
    rmSync(dir, { recursive: true });
  });
});

describe.skipIf(!hasSample)('the text sections read from another thread', () => {
  it('are the same from an image of the papers and their chunk file as from the builder itself, duplicates merged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-image-'));
    const files = new Map<string, ReturnType<typeof fileChunkSpill>>();
    const builder = new CatalogueBuilder({
      source: 'sample',
      withAbstracts: true,
      spillChunkBytes: 400,
      chunkSpill: (store) => {
        files.set(store, fileChunkSpill(dir, store));
        return files.get(store)!;
      },
    });
    const papers = samplePapers();
    for (const p of papers) builder.add(p);
    for (const [i, p] of papers.entries()) if (i % 4 === 1) builder.add({ ...p, title: `${p.title} (revised)`, authors: [...(p.authors ?? []), 'A. Later'] });
    const image = builder.chunkedPapers()!;
    const fileImage = files.get('papers')!.image();
    expect(fileImage.places.length).toBeGreaterThan(50);
    const reader = readChunkFile(fileImage);
    const elsewhere = paperTextSections(PaperChunks.fromImage(structuredClone(image), reader), { withAbstracts: true });
    reader.close();
    const here = builder.textSections();
    expect(elsewhere.texts.length).toBeGreaterThan(1000);
    expect(elsewhere).toEqual(here);
    for (const f of files.values()) f.close();
    rmSync(dir, { recursive: true });
  });
});

describe('the version hash of packed sections', () => {
  it('is the hash of the packed data, padding included, computed without packing', () => {
    const sections: Array<[string, Uint8Array | Uint16Array | Float32Array]> = [
      ['a', Uint8Array.from([1, 2, 3])],
      ['b', Uint16Array.from([500, 7, 9])],
      ['c', new Uint8Array(0)],
      ['d', Float32Array.from([0.5, -2])],
    ];
    const data = unpackSections(packSections({ version: '' }, sections)).data;
    expect(data.length).toBe(24);
    expect(hashSections(sections)).toBe(hashBytes(data));
    expect(hashSections([['a', Uint8Array.from([1, 2, 4])], ...sections.slice(1)])).not.toBe(hashBytes(data));
  });
});
