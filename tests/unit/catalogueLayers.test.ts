// Adding papers to an installed catalogue: a layer on top of it when they are few beside it (the base's records are not
// rewritten), a rebuild of the whole catalogue past the layers' share, nothing changed when the stack moved meanwhile.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildCatalogueFiles, describeReport } from '../../src/cli/buildCatalogue.ts';
import { readCatalogue, type CatalogueData, type CatalogueHeader } from '../../src/core/catalogue/artifact.ts';
import { packSections, type SectionData, unpackSections } from '../../src/core/catalogue/packed.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import type { ParsedPaper } from '../../src/core/catalogue/formats/types.ts';
import { LayeredCatalogue } from '../../src/core/catalogue/layered.ts';
import { CatalogueChangedMeanwhile, installCatalogue, installLayer, loadInstalledCatalogue, removeUnusedSections } from '../../src/db/catalogueStore.ts';
import { CatalogueDatabase } from '../../src/db/database.ts';
import { importCatalogue } from '../../src/importer/importCatalogue.ts';
import type { ImportEvent } from '../../src/importer/protocol.ts';
import { toyArxivPapers } from './eval.toyCorpus.ts';
import { storedVersions } from './smallCatalogue.ts';

const papers = toyArxivPapers;

const basePapers = papers(100, 1, 0); // 300 papers
const base = (() => {
  const builder = new CatalogueBuilder({ source: 'base', withAbstracts: false });
  for (const p of basePapers) builder.add(p);
  return readCatalogue(builder.build());
})();

/** arXiv JSON lines of these papers, as a file to import. */
function jsonLines(name: string, list: readonly ParsedPaper[]): File {
  const lines = list.map((p) => JSON.stringify({ id: p.arxivId, title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories })).join('\n');
  return new File([`${lines}\n`], name);
}

let opened: CatalogueDatabase[] = [];
afterEach(async () => {
  for (const db of opened) {
    db.close();
    await Dexie.delete(db.name);
  }
  opened = [];
});

async function installedBase(name: string): Promise<CatalogueDatabase> {
  const db = new CatalogueDatabase(`layers-${name}`);
  opened.push(db);
  await installCatalogue(db, base, 'imported', 1000);
  return db;
}

async function add(db: CatalogueDatabase, file: File): Promise<ImportEvent[]> {
  const events: ImportEvent[] = [];
  await importCatalogue(db, file, 'merge', { emit: (e) => events.push(e), cancelled: () => false, minLayeredBase: 100 });
  return events;
}

describe('adding papers to an installed catalogue', () => {
  it('puts a few papers on top as a layer: the base stays as stored, and both read as one', async () => {
    const db = await installedBase('one');
    const baseRecords = await db.catalogueSections.where('version').equals(base.version).count();
    const revised = { ...basePapers[5]!, title: 'Revised: a new title for an old paper' };
    const events = await add(db, jsonLines('update.jsonl', [...papers(6, 2, 1000), revised]));
    const meta = (await db.catalogueMeta.get('current'))!;
    expect(meta.version).toBe(base.version);
    expect(meta.layers).toHaveLength(1);
    expect(meta.origin).toBe('imported');
    expect(await db.catalogueSections.where('version').equals(base.version).count()).toBe(baseRecords);
    const done = events.find((e) => e.type === 'done');
    expect(done).toMatchObject({ paperCount: 318, merged: 1 });
    expect(meta.paperCount).toBe(318);
    const installed = await loadInstalledCatalogue(db);
    expect(installed).toBeInstanceOf(LayeredCatalogue);
    expect(installed!.version).toBe((done as { version: string }).version);
    expect(installed!.paperCount).toBe(319);
    expect(installed!.hiddenCount).toBe(1);
    await installed!.ensureSections(installed!.sectionNames);
    const at = installed!.find('keys', 'arxiv:2401.00005');
    expect(at).toHaveLength(1);
    expect(installed!.paper(at[0]!).title).toBe(revised.title);
    expect(installed!.find('keys', 'arxiv:2401.01000')).toEqual([300]);
    installed!.verify();
  });

  it('stacks a second layer, then rebuilds the whole catalogue once the layers would pass a quarter of it', async () => {
    const db = await installedBase('stack');
    await add(db, jsonLines('first.jsonl', papers(5, 2, 1000)));
    await add(db, jsonLines('second.jsonl', papers(5, 3, 2000)));
    expect((await db.catalogueMeta.get('current'))!.layers).toHaveLength(2);
    expect(await storedVersions(db)).toHaveLength(3);
    const events = await add(db, jsonLines('big.jsonl', papers(20, 4, 3000)));
    const meta = (await db.catalogueMeta.get('current'))!;
    expect(meta.layers).toBeUndefined();
    expect(meta.paperCount).toBe(390);
    expect(events.find((e) => e.type === 'done')).toMatchObject({ paperCount: 390 });
    expect(await storedVersions(db)).toEqual([meta.version]);
    const installed = (await loadInstalledCatalogue(db)) as CatalogueData;
    expect(installed).not.toBeInstanceOf(LayeredCatalogue);
    expect(installed.find('keys', 'arxiv:2401.02000')).toHaveLength(1);
  });

  it('drops the layers with their base when a catalogue replaces it', async () => {
    const db = await installedBase('replace');
    await add(db, jsonLines('first.jsonl', papers(5, 2, 1000)));
    await importCatalogue(db, jsonLines('other.jsonl', papers(3, 5, 4000)), 'replace', { emit: () => undefined, cancelled: () => false });
    const meta = (await db.catalogueMeta.get('current'))!;
    expect(meta.layers).toBeUndefined();
    expect(await storedVersions(db)).toEqual([meta.version]);
  });

  it('changes nothing when another install switched while the layer was built', async () => {
    const db = await installedBase('meanwhile');
    const builder = new CatalogueBuilder({ source: 'late', withAbstracts: false, layerOf: base });
    for (const p of papers(3, 6, 5000)) builder.add(p);
    const layer = readCatalogue(builder.build());
    const staleBelow = { version: base.version, layers: ['0000000000000000'] };
    await expect(installLayer(db, layer, staleBelow, { paperCount: 309, source: 'x' })).rejects.toBeInstanceOf(CatalogueChangedMeanwhile);
    await removeUnusedSections(db, Date.now() + 3_600_000);
    expect(await storedVersions(db)).toEqual([base.version]);
    expect((await db.catalogueMeta.get('current'))!.layers).toBeUndefined();
  });

  it('a merge cancelled while its layer is written leaves the catalogue as it was', async () => {
    const db = await installedBase('cancel');
    let installing = false;
    const control = {
      emit: (e: ImportEvent) => void (installing ||= e.type === 'progress' && e.stage === 'installing'),
      cancelled: () => installing,
      minLayeredBase: 100,
    };
    await expect(importCatalogue(db, jsonLines('update.jsonl', papers(5, 2, 1000)), 'merge', control)).rejects.toThrow(/cancelled/);
    expect((await db.catalogueMeta.get('current'))!).toMatchObject({ version: base.version, paperCount: 300 });
    expect((await db.catalogueMeta.get('current'))!.layers).toBeUndefined();
    await removeUnusedSections(db, Date.now() + 3_600_000);
    expect(await storedVersions(db)).toEqual([base.version]);
    expect((await loadInstalledCatalogue(db))!.paperCount).toBe(300);
  });

  it('keeps every layer’s sections when unused ones are removed', async () => {
    const db = await installedBase('keep');
    await add(db, jsonLines('first.jsonl', papers(5, 2, 1000)));
    const before = await storedVersions(db);
    await removeUnusedSections(db, Date.now() + 3_600_000);
    expect(await storedVersions(db)).toEqual(before);
    expect(before).toHaveLength(2);
  });
});

describe('an update built with build-catalogue --on-top-of', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-layer-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Builds `list` with the CLI (the papers as arXiv JSON lines), on top of `onTopOf` when given. */
  async function cliBuild(name: string, list: readonly ParsedPaper[], onTopOf?: string[]) {
    const input = join(dir, `${name}.jsonl`);
    writeFileSync(input, list.map((p) => JSON.stringify({ id: p.arxivId, title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories })).join('\n'));
    const lines: string[] = [];
    const report = await buildCatalogueFiles({ inputs: [input], outDir: join(dir, name), withAbstracts: false, tagThreads: 0, ...(onTopOf ? { onTopOf } : {}) }, (l) =>
      lines.push(l),
    );
    return { report, lines: describeReport(report), file: report.outFile, data: readCatalogue(new Uint8Array(readFileSync(report.outFile))) };
  }

  it('is a layer of that catalogue, which the options page installs as it is', async () => {
    const base = await cliBuild('base', basePapers);
    const revised = { ...basePapers[9]!, title: 'Revised in the CLI: a new title' };
    const update = await cliBuild('update', [...papers(4, 7, 6000), revised], [base.file]);
    expect(update.data.header.layerOf).toBe(base.data.version);
    expect(update.report.layer).toEqual({ layerOf: base.data.version, replaced: 1 });
    expect(update.lines.join('\n')).toMatch(/an update for catalogue .*: it replaces 1 of its papers/);
    expect(update.data.lines('terms')).toEqual(base.data.lines('terms'));

    const db = new CatalogueDatabase('layers-cli');
    opened.push(db);
    await installCatalogue(db, base.data, 'imported', 1000);
    const events: ImportEvent[] = [];
    // No small-catalogue setting needed: the layer was built for this catalogue.
    await importCatalogue(db, new File([readFileSync(update.file)], 'update.psc'), 'merge', { emit: (e) => events.push(e), cancelled: () => false });
    const meta = (await db.catalogueMeta.get('current'))!;
    expect(meta.layers).toEqual([update.data.version]);
    expect(events.find((e) => e.type === 'done')).toMatchObject({ paperCount: 312, merged: 1, layered: { added: 13 } });
    const installed = (await loadInstalledCatalogue(db))!;
    await installed.ensureSections(installed.sectionNames);
    expect(installed.paper(installed.find('keys', 'arxiv:2401.00009')[0]!).title).toBe(revised.title);

    // Built for another catalogue, the same file's papers go in as any merge does (here: rebuilt with the catalogue).
    const other = new CatalogueDatabase('layers-cli-other');
    opened.push(other);
    await installCatalogue(other, (await cliBuild('another', papers(50, 8, 7000))).data, 'imported', 1000);
    await importCatalogue(other, new File([readFileSync(update.file)], 'update.psc'), 'merge', { emit: () => undefined, cancelled: () => false });
    expect((await other.catalogueMeta.get('current'))!.layers).toBeUndefined(); // a catalogue under 10,000: rebuilt whole
  });

  it('a file that names the installed catalogue but has another vocabulary is not installed as a layer of it', async () => {
    const base = await cliBuild('base2', basePapers);
    const standalone = await cliBuild('standalone', papers(4, 9, 8000));
    // Its header says it updates the installed catalogue; its sections (and so its content hash) are its own.
    const unpacked = unpackSections<CatalogueHeader>(standalone.data.bytes);
    const { sections, ...header } = unpacked.header;
    const crafted = packSections(
      { ...header, layerOf: base.data.version },
      sections.map((info): [string, SectionData] => [info.name, unpacked.section(info.name)]),
    );
    const db = new CatalogueDatabase('layers-crafted');
    opened.push(db);
    await installCatalogue(db, base.data, 'imported', 1000);
    await importCatalogue(db, new File([crafted as Uint8Array<ArrayBuffer>], 'crafted.psc'), 'merge', { emit: () => undefined, cancelled: () => false, minLayeredBase: 100 });
    const meta = (await db.catalogueMeta.get('current'))!;
    // Its papers went in as any file's: a layer built here, against the installed vocabulary.
    expect(meta.layers).toHaveLength(1);
    expect(meta.layers![0]).not.toBe(standalone.data.version);
    const installed = (await loadInstalledCatalogue(db)) as LayeredCatalogue;
    await installed.ensureSections(['terms']);
    expect(installed.parts[1]!.lines('terms')).toEqual(base.data.lines('terms'));
  });
});
