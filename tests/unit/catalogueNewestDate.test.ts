// The catalogue header's newest paper date: taken from the papers (never the clock), read back, kept by an import's
// merge, absent from catalogues without dated papers and from those written before the field, refused when not a date.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue, type CatalogueHeader } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { isoDatePrefix } from '../../src/core/catalogue/formats/common.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { packSections, unpackSections, type SectionData } from '../../src/core/catalogue/packed.ts';
import { installCatalogue, loadInstalledCatalogue } from '../../src/db/catalogueStore.ts';
import { CatalogueDatabase } from '../../src/db/database.ts';
import { importCatalogue } from '../../src/importer/importCatalogue.ts';

const BUNDLED = resolve(process.cwd(), 'assets/catalogue/catalogue.psc');

function build(papers: ParsedPaper[], noted?: string): Uint8Array {
  const builder = new CatalogueBuilder({ source: 'test', withAbstracts: false });
  for (const paper of papers) builder.add(paper);
  if (noted !== undefined) builder.noteNewestPaperDate(noted);
  return builder.build();
}

/** The same catalogue with its header changed (the sections, and so the version, stay as they are). */
function withHeader(bytes: Uint8Array, change: (header: Record<string, unknown>) => void): Uint8Array {
  const unpacked = unpackSections<CatalogueHeader>(bytes);
  const { sections, ...header } = unpacked.header;
  change(header as Record<string, unknown>);
  return packSections(
    header,
    sections.map((s): [string, SectionData] => [s.name, unpacked.section(s.name)]),
  );
}

describe('isoDatePrefix', () => {
  it('keeps as much of a date as is valid, and nothing of a text that does not start with a year', () => {
    expect(isoDatePrefix('2025-12-04')).toBe('2025-12-04');
    expect(isoDatePrefix(' 2025-12-04T09:30:00Z')).toBe('2025-12-04');
    expect(isoDatePrefix('2025-12')).toBe('2025-12');
    expect(isoDatePrefix('2025')).toBe('2025');
    expect(isoDatePrefix('2025-13-01')).toBe('2025');
    expect(isoDatePrefix('2025-12-32')).toBe('2025-12');
    expect(isoDatePrefix('2025-1-4')).toBe('2025');
    expect(isoDatePrefix('20251204')).toBeUndefined();
    expect(isoDatePrefix('Dec 2025')).toBeUndefined();
    expect(isoDatePrefix('0999-01-01')).toBeUndefined();
    expect(isoDatePrefix(undefined)).toBeUndefined();
  });
});

describe('the newest paper date in the catalogue header', () => {
  const dated: ParsedPaper[] = [
    { title: 'Older, with a day', date: '2024-06-30', year: 2024 },
    { title: 'Newest, with a day', date: '2025-12-04T10:00:00Z', year: 2025 },
    { title: 'Same year, month only', date: '2025-11' },
    { title: 'A year only', year: 2023 },
    { title: 'Nothing said' },
  ];

  it('is the newest of the papers’ dates, read back as written, and the same whatever order the papers come in', () => {
    const bytes = build(dated);
    const data = readCatalogue(bytes);
    expect(data.header.newestPaperDate).toBe('2025-12-04');
    expect(() => data.verify()).not.toThrow();
    expect(() => data.validate()).not.toThrow();
    expect(build(dated)).toEqual(bytes);
    expect(readCatalogue(build([...dated].reverse())).header.newestPaperDate).toBe('2025-12-04');
  });

  it('falls back on years, and a bare year counts before the dated days of the same year', () => {
    expect(
      readCatalogue(
        build([
          { title: 'A', year: 2021 },
          { title: 'B', year: 2019 },
        ]),
      ).header.newestPaperDate,
    ).toBe('2021');
    expect(
      readCatalogue(
        build([
          { title: 'A', year: 2025 },
          { title: 'B', date: '2025-03-01' },
        ]),
      ).header.newestPaperDate,
    ).toBe('2025-03-01');
    expect(
      readCatalogue(
        build([
          { title: 'A', year: 2026 },
          { title: 'B', date: '2025-03-01' },
        ]),
      ).header.newestPaperDate,
    ).toBe('2026');
  });

  it('keeps a merged paper’s date when its later record has none', () => {
    const data = readCatalogue(
      build([
        { title: 'One paper', arxivId: '2512.00001v1', date: '2025-12-01' },
        { title: 'One paper, revised', arxivId: '2512.00001v2' },
      ]),
    );
    expect(data.paperCount).toBe(1);
    expect(data.header.newestPaperDate).toBe('2025-12-01');
  });

  it('takes a noted date (an installed catalogue merged in, its papers back with years only) when it is newer', () => {
    expect(readCatalogue(build([{ title: 'A', year: 2025 }], '2025-12-04')).header.newestPaperDate).toBe('2025-12-04');
    expect(readCatalogue(build([{ title: 'A', date: '2026-01-02' }], '2025-12-04')).header.newestPaperDate).toBe('2026-01-02');
    expect(readCatalogue(build([{ title: 'A', year: 2025 }], 'not a date')).header.newestPaperDate).toBe('2025');
  });

  it('is left out when no paper has a date or a year: the header is the one written before the field existed', () => {
    const bytes = build([{ title: 'No date here' }, { title: 'Nor here' }]);
    const data = readCatalogue(bytes);
    expect(data.header.newestPaperDate).toBeUndefined();
    expect('newestPaperDate' in data.header).toBe(false);
    expect(build([{ title: 'No date here' }, { title: 'Nor here' }])).toEqual(bytes);
  });

  it('is absent from the bundled catalogue, built from text without dates, which still loads', () => {
    const data = readCatalogue(new Uint8Array(readFileSync(BUNDLED)));
    expect(data.paperCount).toBeGreaterThan(0);
    expect(data.header.newestPaperDate).toBeUndefined();
    expect(() => data.verify()).not.toThrow();
  });

  it('is not part of the version, which hashes the papers; a header whose date is not a date is refused as damaged', () => {
    const bytes = build(dated);
    const without = withHeader(bytes, (header) => {
      delete header.newestPaperDate;
    });
    const old = readCatalogue(without);
    expect(old.header.newestPaperDate).toBeUndefined();
    expect(old.version).toBe(readCatalogue(bytes).version);
    expect(() => old.verify()).not.toThrow();
    for (const bad of ['yesterday', '2025-12-4', 20251204, '']) {
      expect(() => readCatalogue(withHeader(bytes, (header) => void (header.newestPaperDate = bad)))).toThrow(/newest paper date is not a date/);
    }
  });
});

describe('importing into an installed catalogue whose newest paper has a date', () => {
  /** Installs a catalogue whose newest paper is of 2025-12-04, imports `file` over it, and answers the newest date then. */
  async function newestAfter(file: File, mode: 'merge' | 'replace'): Promise<string | undefined> {
    const name = `newest-date-${file.name}-${mode}`;
    const db = new CatalogueDatabase(name);
    try {
      const installed = readCatalogue(build([{ title: 'Installed, newest', arxivId: '2512.00004', date: '2025-12-04' }]));
      await installCatalogue(db, installed, 'bundled', 1000);
      await importCatalogue(db, file, mode, { emit: () => undefined, cancelled: () => false });
      return (await loadInstalledCatalogue(db))?.header.newestPaperDate;
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  }
  const fileOf = (name: string, bytes: string | Uint8Array) => new File([bytes as string], name);

  it('a merge keeps the installed catalogue’s newest date (its papers come back with years only); a replacement does not', async () => {
    const lines = `${JSON.stringify({ id: '2401.00001', title: 'Imported, older', abstract: 'An abstract.', authors: ['A. Author'], categories: ['cs.LG'], date: '2024-01-02' })}\n`;
    expect(await newestAfter(fileOf('older.jsonl', lines), 'merge')).toBe('2025-12-04');
    expect(await newestAfter(fileOf('older.jsonl', lines), 'replace')).toBe('2024-01-02');
  });

  it('a merged packed catalogue brings its own newest date, newer here', async () => {
    const packed = build([{ title: 'Packed, newer', arxivId: '2602.00003', date: '2026-02-03' }]);
    expect(await newestAfter(fileOf('newer.psc', packed), 'merge')).toBe('2026-02-03');
  });
});
