// A shared .psc is hostile input: crafted catalogues whose content hash is right but whose sections lie are refused at
// import (naming the section, nothing installed), and whatever reads file data stays bounded on the worker's wake path.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError, readCatalogue, type CatalogueHeader } from '../../src/core/catalogue/artifact.ts';
import { TEXT_SECTIONS, wakeSections } from '../../src/core/catalogue/sectionGroups.ts';
import { buildLineTable, LineLookup, lineOffsets } from '../../src/core/catalogue/lineIndex.ts';
import { ByteWriter, encodeLines, packSections, PACKED_MAGIC, unpackSections } from '../../src/core/catalogue/packed.ts';
import { writeVectorRecord } from '../../src/core/catalogue/vectorCoding.ts';
import { hashBytes } from '../../src/core/hash.ts';
import { installCatalogue, installedCatalogueMeta, loadInstalledCatalogue } from '../../src/db/catalogueStore.ts';
import { CatalogueDatabase } from '../../src/db/database.ts';
import { importCatalogue } from '../../src/importer/importCatalogue.ts';
import type { ImportEvent } from '../../src/importer/protocol.ts';

const SEED_PATH = resolve(process.cwd(), 'assets/catalogue/catalogue.psc');
const seedBytes = new Uint8Array(readFileSync(SEED_PATH));
const seed = readCatalogue(seedBytes);
const n = seed.paperCount;

type Header = Omit<CatalogueHeader, 'sections'> & { sections?: CatalogueHeader['sections'] };
type Sections = Map<string, Uint8Array>;

const u16 = (b: Uint8Array) => new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
const u32 = (b: Uint8Array) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
const bytesOf = (a: Uint16Array | Uint32Array | Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The seed with its sections edited, repacked with a right content hash (computed as the builder does). */
function craft(edit: (header: Header, sections: Sections) => void): Uint8Array {
  const { header, section } = unpackSections<CatalogueHeader>(seedBytes);
  const h = JSON.parse(JSON.stringify(header)) as Header;
  const sections: Sections = new Map(header.sections.map((s) => [s.name, section(s.name).slice()]));
  delete h.sections;
  edit(h, sections);
  const list = [...sections];
  const unversioned = unpackSections(packSections({ ...h, version: '' }, list));
  return packSections({ ...h, version: hashBytes(unversioned.data) }, list);
}

/** The seed with its JSON header edited in place (the sections, and so the content hash, unchanged). */
function craftHeader(edit: (header: CatalogueHeader) => void): Uint8Array {
  const { header, data } = unpackSections<CatalogueHeader>(seedBytes);
  const h = JSON.parse(JSON.stringify(header)) as CatalogueHeader;
  edit(h);
  const magic = new TextEncoder().encode(PACKED_MAGIC);
  const json = new TextEncoder().encode(JSON.stringify(h));
  const dataStart = (magic.length + 4 + json.length + 7) & ~7;
  const out = new Uint8Array(dataStart + data.length);
  out.set(magic, 0);
  new DataView(out.buffer).setUint32(magic.length, json.length, true);
  out.set(json, magic.length + 4);
  out.set(data, dataStart);
  return out;
}

let counter = 0;
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Imports the bytes as a .psc over an installed seed; returns the error, and checks the seed is still installed. */
async function importRefused(bytes: Uint8Array): Promise<Error> {
  const name = `crafted-${++counter}`;
  names.push(name);
  const db = new CatalogueDatabase(name);
  await installCatalogue(db, seed, 'bundled', 1000);
  const events: ImportEvent[] = [];
  const file = new File([bytes as Uint8Array<ArrayBuffer>], 'shared.psc');
  const outcome = await importCatalogue(db, file, 'replace', { emit: (e) => events.push(e), cancelled: () => false }).then(
    () => undefined,
    (error: Error) => error,
  );
  expect(outcome, 'the crafted catalogue was installed').toBeInstanceOf(CatalogueError);
  expect(events.some((e) => e.type === 'switched' || e.type === 'done')).toBe(false);
  expect((await installedCatalogueMeta(db))?.version).toBe(seed.version);
  const installed = await loadInstalledCatalogue(db);
  await installed?.ensureSections(TEXT_SECTIONS); // format 3 keeps keys in the papers' records
  expect(installed?.lines('keys')).toEqual(seed.lines('keys'));
  // Written while it was checked, the refused catalogue's sections are gone again: only the seed's are stored.
  expect(new Set((await db.catalogueSections.toArray()).map((record) => record.version))).toEqual(new Set([seed.version]));
  db.close();
  return outcome!;
}

describe('crafted catalogues with a right content hash are refused at import', () => {
  it('the crafting keeps the content hash right (an unedited repack imports)', () => {
    const same = craft(() => undefined);
    expect(() => readCatalogue(same).verify()).not.toThrow();
    expect(() => readCatalogue(same).validate()).not.toThrow();
  });

  it('an empty keys table', async () => {
    const bytes = craft((_, s) => s.set('keysTable', new Uint8Array(0)));
    const { header, data } = unpackSections<CatalogueHeader>(bytes);
    expect(hashBytes(data)).toBe(header.version); // the content hash alone does not catch it
    expect((await importRefused(bytes)).message).toMatch(/damaged.*"keysTable"/);
  });

  it('a keys table with no free slot', async () => {
    const bytes = craft((_, s) => {
      const table = u32(s.get('keysTable')!);
      for (let i = 0; i < table.length; i++) if (table[i] === 0) table[i] = 1;
    });
    expect((await importRefused(bytes)).message).toMatch(/"keysTable".*free slot/);
  });

  it("a key check that is not its paper's key's (a key table hit would be confirmed for another key)", async () => {
    const bytes = craft((_, s) => {
      const checks = u32(s.get('keyChecks')!);
      checks[3] = checks[3]! ^ 1;
    });
    expect((await importRefused(bytes)).message).toMatch(/"keyChecks".*paper 3/);
  });

  it('a catalogue written before key checks still reads: its key hits are checked against the records, read at wake', () => {
    const older = readCatalogue(craft((_, s) => s.delete('keyChecks')));
    expect(() => older.validate()).not.toThrow();
    const key = seed.lineOf('keys', 7);
    expect(older.find('keys', key)).toEqual([7]);
    expect(older.find('keys', `${key}9`)).toEqual([]);
    expect(wakeSections(older.header)).toEqual(expect.arrayContaining(['keysTable', 'texts', 'textOffsets']));
    expect(wakeSections(seed.header)).not.toContain('texts');
  });

  it('key checks of the wrong length', async () => {
    const bytes = craft((_, s) => s.set('keyChecks', s.get('keyChecks')!.slice(0, -4)));
    expect((await importRefused(bytes)).message).toMatch(/"keyChecks" has \d+ entries, expected/);
  });

  it('a table that ends inside an entry', async () => {
    const bytes = craft((_, s) => s.set('normTitlesTable', s.get('normTitlesTable')!.slice(0, -2)));
    expect((await importRefused(bytes)).message).toMatch(/"normTitlesTable".*inside an entry/);
  });

  it('a table entry past the last paper', async () => {
    const bytes = craft((_, s) => {
      const table = u32(s.get('doisTable')!);
      table[table.indexOf(0)] = n + 5;
    });
    expect((await importRefused(bytes)).message).toMatch(/"doisTable"/);
  });

  it('record offsets past the end of their section', async () => {
    const bytes = craft((_, s) => {
      u32(s.get('textOffsets')!)[5] = s.get('texts')!.length + 1000;
    });
    expect((await importRefused(bytes)).message).toMatch(/"textOffsets"/);
  });

  it('record offsets that go backwards', async () => {
    const bytes = craft((_, s) => {
      const offsets = u32(s.get('textOffsets')!);
      [offsets[3], offsets[4]] = [offsets[4]!, offsets[3]!];
    });
    expect((await importRefused(bytes)).message).toMatch(/"textOffsets"/);
  });

  it('a keys table naming a paper whose key is elsewhere in the table', async () => {
    const bytes = craft((_, s) => {
      const table = u32(s.get('keysTable')!);
      const taken = table.findIndex((entry) => entry !== 0);
      table[table.indexOf(0)] = table[taken]!;
    });
    expect((await importRefused(bytes)).message).toMatch(/"keysTable".*twice/);
  });

  it('topic ids past the topic table', async () => {
    const bytes = craft((h, s) => {
      u16(s.get('topicIds')!)[0] = h.topics.length + 3;
    });
    expect((await importRefused(bytes)).message).toMatch(/"topicIds".*topic/);
  });

  it('category ids past the category table', async () => {
    const bytes = craft((h, s) => {
      u16(s.get('categoryIds')!)[4] = h.categories.length;
    });
    expect((await importRefused(bytes)).message).toMatch(/"categoryIds"/);
  });

  it('vector term ids past the vocabulary', async () => {
    const bytes = craft((h, s) => {
      const out = new ByteWriter();
      const offsets = new Uint32Array(n + 1);
      for (let i = 0; i < n; i++) {
        const { ids, weights } = seed.vectorOf(i);
        writeVectorRecord(out, i === 1 ? [h.vocabularySize + 1] : ids, i === 1 ? [9] : weights);
        offsets[i + 1] = out.length;
      }
      s.set('vectors', out.bytes());
      s.set('vectorOffsets', bytesOf(offsets));
    });
    expect((await importRefused(bytes)).message).toMatch(/"vectors".*paper 1.*vocabulary/);
  });

  it('vector records whose offsets go backwards', async () => {
    const bytes = craft((_, s) => {
      const offsets = u32(s.get('vectorOffsets')!);
      [offsets[3], offsets[4]] = [offsets[4]!, offsets[3]!];
    });
    expect((await importRefused(bytes)).message).toMatch(/"vectorOffsets"/);
  });

  it('a vocabulary size that disagrees with the terms', async () => {
    const bytes = craft((h, s) => {
      h.vocabularySize += 1;
      s.set('idf', bytesOf(Float32Array.from([...new Float32Array(s.get('idf')!.slice().buffer), 1])));
    });
    expect((await importRefused(bytes)).message).toMatch(/"terms"/);
  });

  it('a per-paper array of the wrong length', async () => {
    const bytes = craft((_, s) => s.set('topicConfidence', s.get('topicConfidence')!.slice(0, n)));
    expect((await importRefused(bytes)).message).toMatch(/"topicConfidence"/);
  });

  it('a texts record with a code the encoder never writes', async () => {
    const bytes = craft((_, s) => {
      s.get('texts')![u32(s.get('textOffsets')!)[7]!] = 0xff;
    });
    expect((await importRefused(bytes)).message).toMatch(/"texts".*paper 7.*unknown key code/);
  });

  it('a words section with fewer lines than its header says', async () => {
    const bytes = craft((_, s) => s.set('words', encodeLines(seed.lines('words').slice(1))));
    expect((await importRefused(bytes)).message).toMatch(/"words"/);
  });

  it('text offsets that do not end at the end of the texts', async () => {
    const bytes = craft((_, s) => s.set('texts', s.get('texts')!.slice(0, -1)));
    expect((await importRefused(bytes)).message).toMatch(/"textOffsets"/);
  });

  it('a section placed before the data (a negative offset)', async () => {
    const bytes = craftHeader((h) => {
      h.sections.find((x) => x.name === 'texts')!.offset = -8;
    });
    expect((await importRefused(bytes)).message).toMatch(/"texts"/);
  });
});

describe('reading file data stays bounded on the wake path', () => {
  it('a probe on a full table stops after the table length and finds nothing', () => {
    const lines = Array.from({ length: 6 }, (_, i) => `key-${i}`);
    const bytes = encodeLines(lines);
    const offsets = lineOffsets(bytes, lines.length);
    const table = buildLineTable(bytes, offsets).fill(3); // every slot taken, by a line that is not the query
    let reads = 0;
    const counted = new Proxy(table, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key) && ++reads > 10 * target.length) throw new Error(`probed ${reads} slots of ${target.length}`);
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const lookup = new LineLookup(bytes, offsets, counted);
    expect(lookup.find('no such key')).toEqual([]);
    expect(new Set(lookup.find('key-2'))).toEqual(new Set([2]));
    expect(reads).toBeLessThanOrEqual(4 * table.length);
  });

  it('an installed catalogue with a full keys table answers a lookup (in a child process, so a hang is a failure)', () => {
    const bytes = craft((_, s) => {
      const table = u32(s.get('keysTable')!);
      for (let i = 0; i < table.length; i++) if (table[i] === 0) table[i] = 1;
    });
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-crafted-'));
    const file = join(dir, 'full.psc');
    writeFileSync(file, bytes);
    const script = [
      `import { readFileSync } from 'node:fs';`,
      `import { readCatalogue } from ${JSON.stringify(resolve(process.cwd(), 'src/core/catalogue/artifact.ts'))};`,
      `const data = readCatalogue(new Uint8Array(readFileSync(${JSON.stringify(file)})));`,
      `console.log(JSON.stringify(data.find('keys', 'arxiv:0000.00000')));`,
    ].join('\n');
    writeFileSync(join(dir, 'probe.ts'), script);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(dir, 'probe.ts')], { timeout: 10_000, encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual([]);
  }, 30_000);

  it('out-of-range topic and category ids in an installed catalogue drop those tags, not the whole badge', () => {
    const bytes = craft((h, s) => {
      u16(s.get('topicIds')!)[0] = h.topics.length + 3;
      u16(s.get('categoryIds')!)[0] = h.categories.length + 1;
    });
    const data = readCatalogue(bytes); // the wake path reads without the full check
    const tags = data.tagsOf(0);
    expect(tags.every((t) => typeof t.id === 'string' && typeof t.label === 'string')).toBe(true);
    expect(data.categoriesOf(0).every((c) => typeof c === 'string')).toBe(true);
    expect(() => data.paper(0)).not.toThrow();
  });
});
