// Hostile catalogue inputs: gzip bombs and endless lines are bounded by the pure readers and by the importer that uses them.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { boundedBytes, boundedLines, decodedText, InputTooLarge, type BoundedLine } from '../../src/core/catalogue/formats/boundedInput.ts';
import { MAX_PACKED_CATALOGUE_BYTES, MAX_RECORD_LINE_CHARS } from '../../src/core/catalogue/formats/inputLimits.ts';
import { installCatalogue, installedCatalogueMeta } from '../../src/db/catalogueStore.ts';
import { CatalogueDatabase } from '../../src/db/database.ts';
import { ImportCancelled, ImportError, importCatalogue } from '../../src/importer/importCatalogue.ts';
import type { ImportEvent } from '../../src/importer/protocol.ts';

/** Gzip of `parts` repeated until `bytes` are written, made as a stream: a bomb of hundreds of MB is a few hundred KB here, and never held whole. */
async function gzipOf(bytes: number, part: Uint8Array = new Uint8Array(1 << 20), head?: Uint8Array): Promise<Uint8Array> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  if (head) gzip.write(head);
  for (let left = bytes; left > 0; left -= part.length) {
    if (!gzip.write(left >= part.length ? part : part.subarray(0, left))) await once(gzip, 'drain');
  }
  gzip.end();
  await once(gzip, 'end');
  return Buffer.concat(out);
}

async function* gunzipped(gz: Uint8Array, pulled: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of Readable.from([gz]).pipe(createGunzip())) {
    pulled.bytes += (chunk as Buffer).byteLength;
    yield chunk as Buffer;
  }
}

async function* textChunks(...chunks: string[]): AsyncGenerator<string> {
  yield* chunks;
}

async function collect(lines: AsyncIterable<BoundedLine>): Promise<BoundedLine[]> {
  const out: BoundedLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('boundedBytes', () => {
  it('stops a gzip bomb at the limit, pulling little more than the limit from the decompressor', async () => {
    const bomb = await gzipOf(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const pulled = { bytes: 0 };
    let kept = 0;
    const reading = (async () => {
      for await (const chunk of boundedBytes(gunzipped(bomb, pulled), 1_000_000)) kept += chunk.byteLength;
    })();
    await expect(reading).rejects.toBeInstanceOf(InputTooLarge);
    expect(kept).toBeLessThanOrEqual(1_000_000);
    expect(pulled.bytes).toBeLessThan(2_000_000);
  });

  it('passes an input within the limit through whole', async () => {
    const gz = await gzipOf(300_000);
    let kept = 0;
    for await (const chunk of boundedBytes(gunzipped(gz, { bytes: 0 }), 300_000)) kept += chunk.byteLength;
    expect(kept).toBe(300_000);
  });
});

describe('boundedLines', () => {
  it('splits lines across chunks, drops a \\r before \\n, and numbers them', async () => {
    const lines = await collect(boundedLines(textChunks('first\r', '\nsec', 'ond\n\nla', 'st'), 100));
    expect(lines).toEqual([
      { number: 1, text: 'first' },
      { number: 2, text: 'second' },
      { number: 3, text: '' },
      { number: 4, text: 'last' },
    ]);
  });

  it('skips a line over the limit, counting it without holding it, and reads on', async () => {
    // 50 MB of one line, given in 64 KB chunks that are never joined.
    async function* endless(): AsyncGenerator<string> {
      yield '{"id":"1"}\n{"title":"';
      const chunk = 'x'.repeat(65_536);
      for (let i = 0; i < 800; i++) yield chunk;
      yield '"}\n{"id":"3"}\n';
    }
    const lines = await collect(boundedLines(endless(), 1_000_000));
    expect(lines).toEqual([
      { number: 1, text: '{"id":"1"}' },
      { number: 2, tooLong: true, chars: 10 + 800 * 65_536 + 2 },
      { number: 3, text: '{"id":"3"}' },
    ]);
  });

  it('a line of exactly the limit is kept', async () => {
    const lines = await collect(boundedLines(textChunks('abc\n', 'abcd'), 4));
    expect(lines).toEqual([
      { number: 1, text: 'abc' },
      { number: 2, text: 'abcd' },
    ]);
  });
});

describe('decodedText', () => {
  it('keeps a character whose bytes are split between chunks', async () => {
    const bytes = new TextEncoder().encode('Schrödinger 🐈');
    async function* split(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    let text = '';
    for await (const piece of decodedText(split())) text += piece;
    expect(text).toBe('Schrödinger 🐈');
  });
});

describe('the catalogue importer refuses bombs and skips endless lines', () => {
  const seed = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
  let counter = 0;
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await Dexie.delete(name);
  });

  async function importInto(bytes: Uint8Array, fileName: string, cancelled = () => false) {
    const name = `bounded-${++counter}`;
    names.push(name);
    const db = new CatalogueDatabase(name);
    await installCatalogue(db, seed, 'bundled', 1000);
    const events: ImportEvent[] = [];
    const file = new File([bytes as Uint8Array<ArrayBuffer>], fileName);
    const error = await importCatalogue(db, file, 'replace', { emit: (e) => events.push(e), cancelled }).then(
      () => undefined,
      (e: Error) => e,
    );
    const version = (await installedCatalogueMeta(db))?.version;
    db.close();
    return { error, events, version };
  }

  it('a .psc.gz that decompresses past the biggest supported catalogue is refused with the limit, the catalogue unchanged', async () => {
    const bomb = await gzipOf(MAX_PACKED_CATALOGUE_BYTES + 1_000_000);
    expect(bomb.length).toBeLessThan(1_000_000);
    const { error, events, version } = await importInto(bomb, 'shared.psc.gz');
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).failure).toEqual({ code: 'tooLarge', file: 'shared.psc.gz', limitBytes: MAX_PACKED_CATALOGUE_BYTES });
    expect(error!.message).toBe('shared.psc.gz holds more than 600 MB.');
    expect(events.some((e) => e.type === 'switched')).toBe(false);
    expect(version).toBe(seed.version);
  }, 60_000);

  it('cancel stops the importer in the middle of decompressing a bomb', async () => {
    const bomb = await gzipOf(MAX_PACKED_CATALOGUE_BYTES + 1_000_000);
    let asked = 0;
    const { error, version } = await importInto(bomb, 'shared.psc.gz', () => ++asked > 3);
    expect(error).toBeInstanceOf(ImportCancelled);
    expect(version).toBe(seed.version);
  }, 60_000);

  it('a .jsonl.gz with one 20 MB line skips that line, naming it, and imports the rest', async () => {
    const paper = (id: string) => JSON.stringify({ id, title: `A paper numbered ${id}`, abstract: 'About sparse attention.', authors: ['A. Author'], categories: ['cs.LG'] });
    const head = new TextEncoder().encode(`${paper('2501.00001')}\n{"id":"2501.00002","title":"`);
    const tail = new TextEncoder().encode(`"}\n${paper('2501.00003')}\n`);
    const longLine = await gzipOf(20_000_000, new TextEncoder().encode('y'.repeat(1 << 16)), head);
    // gzip members concatenate: the head and bomb, then the tail, read as one stream.
    const file = new Uint8Array([...longLine, ...(await gzipOf(tail.length, tail))]);
    const { error, events, version } = await importInto(file, 'papers.jsonl.gz');
    expect(error).toBeUndefined();
    const done = events.find((e) => e.type === 'done');
    expect(done).toMatchObject({ paperCount: 2, rejected: 1 });
    expect((done as Extract<ImportEvent, { type: 'done' }>).firstRejections[0]).toMatch(
      new RegExp(`^line 2: 20,000,0\\d\\d characters long, over the ${MAX_RECORD_LINE_CHARS.toLocaleString('en')} a record may have; skipped$`),
    );
    expect(version).not.toBe(seed.version);
  }, 60_000);
});
