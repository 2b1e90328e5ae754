// The worker's taxonomy service: edits stored or refused, re-tagging in slices, overlays kept across a worker restart.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TaxonomyService } from '../../src/background/taxonomyService.ts';
import { readCatalogue, type CatalogueView } from '../../src/core/catalogue/artifact.ts';
import { LayeredCatalogue } from '../../src/core/catalogue/layered.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { CatalogueDatabase, UserDatabase, type SavedRecord } from '../../src/db/database.ts';
import { setSiteSwitch } from '../../src/db/settings.ts';
import { PAGES_TO_WORKER } from '../../src/messaging/protocol.ts';
import { InvalidRequest } from '../../src/messaging/validate.ts';

const seed = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
const ZERO = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning' };
const topicLabels = (index: CatalogueIndex, ref = ZERO) =>
  index
    .tagsFor(ref)
    .filter((t) => t.facet === 'topic')
    .map((t) => t.label);

let counter = 0;
const open: (UserDatabase | CatalogueDatabase)[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A worker's life: its two databases, a catalogue service that prepares each index it builds, tabs that count notices. */
function worker({ db, cdb }: { db: UserDatabase; cdb: CatalogueDatabase }) {
  let prepare: (index: CatalogueIndex) => Promise<void> = async () => undefined;
  let indexPromise: Promise<CatalogueIndex> | undefined;
  let data: CatalogueView = seed;
  const catalogue = {
    /** Another catalogue was installed (an import): the next index is built from it. */
    switchTo(next: CatalogueView) {
      data = next;
      indexPromise = undefined;
    },
    index: () =>
      (indexPromise ??= (async () => {
        const index = new CatalogueIndex(data);
        await prepare(index);
        return index;
      })()),
    prepareWith: (p: typeof prepare) => void (prepare = p),
  };
  const notices = { count: 0 };
  const service = new TaxonomyService(db, cdb, catalogue, async () => void notices.count++);
  return { service, catalogue, notices };
}

async function newDb(): Promise<{ db: UserDatabase; cdb: CatalogueDatabase }> {
  const db = new UserDatabase(`taxonomy-${++counter}`);
  const cdb = new CatalogueDatabase(`taxonomy-catalogue-${counter}`);
  open.push(db, cdb);
  await db.open();
  return { db, cdb };
}

async function settled(service: TaxonomyService): Promise<void> {
  for (let i = 0; i < 2000 && service.retagStatus().state === 'running'; i++) await new Promise((r) => setTimeout(r, 5));
  expect(service.retagStatus().state).not.toBe('running');
}

const saved = (tags: SavedRecord['tags']): SavedRecord => ({ key: ZERO.key, title: ZERO.title, authors: [], ref: ZERO, tags, savedAt: 1 });

/** Two papers, one on origami robots, with arXiv ids of month `yymm`. */
function addOrigamiAndServing(builder: CatalogueBuilder, yymm: string): void {
  builder.add({ title: 'An origami robot that folds itself', abstract: 'We build an origami robot.', arxivId: `${yymm}.00001` });
  builder.add({ title: 'Serving LLMs', abstract: 'Continuous batching for LLM serving.', arxivId: `${yymm}.00002` });
}

describe('taxonomy service', () => {
  it('a rename shows at once on catalogue papers, saved papers and open tabs, without re-tagging', async () => {
    const dbs = await newDb();
    const { db, cdb } = dbs;
    const { service, catalogue, notices } = worker(dbs);
    const index = await catalogue.index();
    await db.savedPapers.put(saved(index.tagsFor(ZERO)));
    const state = await service.edit({ op: 'rename', id: 'parallel-computing-and-distributed-training', label: 'Parallel training at scale' });
    expect(state.editCount).toBe(1);
    expect(state.topics.find((t) => t.id === 'parallel-computing-and-distributed-training')).toMatchObject({ label: 'Parallel training at scale', builtIn: true, edited: true });
    expect(state.status).toMatchObject({ state: 'done', saved: 1 });
    expect(topicLabels(index)).toContain('Parallel training at scale');
    expect((await db.savedPapers.get(ZERO.key))?.tags.map((t) => t.label)).toContain('Parallel training at scale');
    expect(notices.count).toBe(1);
    expect(await cdb.catalogueTopics.count()).toBe(0);
  });

  it('refuses a bad edit in words and changes nothing: the taxonomy, saved papers and settings stay', async () => {
    const dbs = await newDb();
    const { db } = dbs;
    const { service, catalogue } = worker(dbs);
    const index = await catalogue.index();
    await db.savedPapers.put(saved(index.tagsFor(ZERO)));
    await setSiteSwitch(db, 'arxiv', false);
    await service.edit({ op: 'rename', id: 'model-compression-and-quantization', label: 'Low-bit models' });
    const before = { settings: await db.settings.toArray(), saved: await db.savedPapers.toArray() };
    await expect(service.edit({ op: 'add', label: '  ', description: '', terms: ['x'] })).rejects.toThrow('A topic needs a name.');
    await expect(service.edit({ op: 'add', label: 'low-bit models', description: '', terms: ['x'] })).rejects.toThrow('There is already a topic named "Low-bit models".');
    await expect(service.edit({ op: 'merge', from: ['model-compression-and-quantization'], into: 'model-compression-and-quantization' })).rejects.toBeInstanceOf(InvalidRequest);
    await expect(service.edit({ op: 'remove', id: 'no-such-topic' })).rejects.toThrow(/no topic with id "no-such-topic"/);
    expect({ settings: await db.settings.toArray(), saved: await db.savedPapers.toArray() }).toEqual(before);
    expect((await service.state()).editCount).toBe(1);
    expect(topicLabels(index, { key: 'title:q', title: 'Low-bit quantization of transformers' })).toContain('Low-bit models');
  });

  it('an added topic re-tags the catalogue in the background, stores the overlay, and a restarted worker reuses it', async () => {
    const dbs = await newDb();
    const { cdb } = dbs;
    const first = worker(dbs);
    const index = await first.catalogue.index();
    const state = await first.service.edit({ op: 'add', label: 'Memory wall', description: 'Memory bandwidth limits.', terms: ['memory wall'] });
    const added = state.topics.find((t) => t.label === 'Memory wall')!;
    expect(added).toMatchObject({ id: 'user-memory-wall', builtIn: false, terms: ['memory wall'] });
    await settled(first.service);
    const status = first.service.retagStatus();
    expect(status).toMatchObject({ state: 'done', done: 63, total: 63 });
    expect(status.changed).toBeGreaterThan(0);
    expect(topicLabels(index)).toContain('Memory wall');
    expect(first.notices.count).toBeGreaterThanOrEqual(1);
    const overlays = await cdb.catalogueTopics.toArray();
    expect(overlays).toHaveLength(1);

    // The worker stops; a new one starts on the same database.
    const second = worker(dbs);
    const again = await second.catalogue.index();
    expect(topicLabels(again)).toContain('Memory wall');
    expect(second.service.retagStatus().state).toBe('idle'); // nothing to do
    expect(await cdb.catalogueTopics.toArray()).toEqual(overlays); // not redone
  });

  it('a re-tag the user stops keeps what it did, survives a worker restart stopped, and resumes to the end', async () => {
    const dbs = await newDb();
    const { cdb } = dbs;
    const first = worker(dbs);
    const index = await first.catalogue.index();
    await first.service.edit({ op: 'add', label: 'Memory wall', description: '', terms: ['memory wall'] });
    const stopped = await first.service.stop();
    expect(stopped.state).toBe('stopped');
    expect(stopped.done).toBeLessThan(63);
    expect((await cdb.catalogueTopics.toArray()).map((r) => r.done)).toEqual([stopped.done]);
    const zeroIndex = index.data.lines('titles').indexOf(ZERO.title);
    if (stopped.done <= zeroIndex) expect(topicLabels(index)).not.toContain('Memory wall');

    // A new worker does not start it again: it shows it stopped, until the user resumes.
    const second = worker(dbs);
    const again = await second.catalogue.index();
    expect(second.service.retagStatus()).toMatchObject({ state: 'stopped', done: stopped.done, total: 63 });
    expect((await second.service.state()).status.state).toBe('stopped');
    const resumed = await second.service.resume();
    expect(resumed.state).toBe('running');
    expect(resumed.done).toBe(stopped.done);
    await settled(second.service);
    expect(second.service.retagStatus()).toMatchObject({ state: 'done', done: 63, total: 63 });
    expect(topicLabels(again)).toContain('Memory wall');
    expect((await cdb.catalogueTopics.toArray()).map((r) => r.done)).toEqual([undefined]);
    // Stopping when nothing runs changes nothing.
    expect((await second.service.stop()).state).toBe('done');
  });

  it('merge and remove re-tag; reset brings the built-in taxonomy back and drops the overlay', async () => {
    const dbs = await newDb();
    const { cdb } = dbs;
    const { service, catalogue } = worker(dbs);
    const index = await catalogue.index();
    await service.edit({ op: 'merge', from: ['parallel-computing-and-distributed-training'], into: 'hpc-and-cloud-computing-infrastructure' });
    // While re-tagging, the merged topic shows as the one it went into.
    expect(topicLabels(index)).not.toContain('Parallel computing and distributed training');
    await settled(service);
    expect(topicLabels(index)).toContain('HPC, cloud and distributed systems');
    expect(topicLabels(index)).not.toContain('Parallel computing and distributed training');
    await service.edit({ op: 'remove', id: 'hpc-and-cloud-computing-infrastructure' });
    await settled(service);
    expect(topicLabels(index)).not.toContain('HPC, cloud and distributed systems');
    const state = await service.reset();
    expect(state.editCount).toBe(0);
    expect(await cdb.catalogueTopics.count()).toBe(0);
    expect(topicLabels(index)).toContain('Parallel computing and distributed training');
  });

  it('a catalogue switch (an import) re-tags the new catalogue with the edited taxonomy', async () => {
    const dbs = await newDb();
    const { cdb } = dbs;
    const { service, catalogue } = worker(dbs);
    await catalogue.index();
    await service.edit({ op: 'add', label: 'Origami robots', description: '', terms: ['origami robot'] });
    await settled(service);
    const builder = new CatalogueBuilder({ source: 'imported', withAbstracts: true });
    addOrigamiAndServing(builder, '2101');
    const imported = readCatalogue(builder.build());
    catalogue.switchTo(imported);
    const index = await catalogue.index();
    await settled(service);
    expect(service.retagStatus()).toMatchObject({ state: 'done', total: 2 });
    expect(topicLabels(index, { key: 'arxiv:2101.00001', title: 'An origami robot that folds itself' })).toContain('Origami robots');
    expect((await cdb.catalogueTopics.toArray()).map((r) => r.catalogueVersion)).toEqual([imported.version]);
  });

  it('papers added on top of a re-tagged catalogue (an update layer) are the only ones re-tagged', async () => {
    const dbs = await newDb();
    const { cdb } = dbs;
    const { service, catalogue } = worker(dbs);
    await catalogue.index();
    await service.edit({ op: 'add', label: 'Origami robots', description: '', terms: ['origami robot'] });
    await settled(service);
    const builder = new CatalogueBuilder({ source: 'update', withAbstracts: true, layerOf: seed });
    addOrigamiAndServing(builder, '2601');
    const layered = new LayeredCatalogue([seed, readCatalogue(builder.build())]);
    catalogue.switchTo(layered);
    const index = await catalogue.index();
    // It goes on from the seed's 63 papers, already re-tagged.
    expect(service.retagStatus()).toMatchObject({ state: 'running', total: 65 });
    expect(service.retagStatus().done).toBeGreaterThanOrEqual(63);
    await settled(service);
    expect(service.retagStatus()).toMatchObject({ state: 'done', done: 65, total: 65 });
    expect(topicLabels(index, { key: 'arxiv:2601.00001', title: 'An origami robot that folds itself' })).toContain('Origami robots');
    expect((await cdb.catalogueTopics.toArray()).map((r) => r.catalogueVersion)).toEqual([layered.version]);
  });

  it('the message check refuses malformed edits before the worker sees them', () => {
    const check = PAGES_TO_WORKER.editTaxonomy.check;
    expect(() => check({ edit: { op: 'explode' } }, '')).toThrow(/edit.op should be one of/);
    expect(() => check({ edit: { op: 'rename', id: 'x' } }, '')).toThrow(/edit.label should be a string/);
    expect(() => check({ edit: { op: 'merge', from: 'x', into: 'y' } }, '')).toThrow(/edit.from should be a list/);
    expect(check({ edit: { op: 'remove', id: 'x', extra: '<img>' } }, '')).toEqual({ edit: { op: 'remove', id: 'x' } });
  });
});
