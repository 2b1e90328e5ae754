// The worker records what pages show (batched, per request) and answers when each paper was first seen; never while
// paused, for a private window, a site switched off or the on-request scan; seen papers join related work and search.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { CatalogueDatabase, UserDatabase } from '../../src/db/database.ts';

vi.mock('webextension-polyfill', async () => ({
  default: {
    runtime: { sendMessage: async () => undefined },
    tabs: { query: async () => [], sendMessage: async () => undefined },
    i18n: (await import('./i18nStub.ts')).i18nStub,
  },
}));
const { createHandlers } = await import('../../src/background/router.ts');
const { createServices } = await import('../../src/background/services.ts');

const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')))));

let counter = 0;
const opened: (UserDatabase | CatalogueDatabase)[] = [];
function setup() {
  const db = new UserDatabase(`seen-recording-${++counter}`, { combinedName: `seen-recording-combined-${counter}` });
  const catalogueDb = new CatalogueDatabase(`seen-recording-catalogue-${counter}`);
  opened.push(db, catalogueDb);
  const services = createServices(db, catalogueDb, { index: async () => index } as never);
  return { db, services, ...createHandlers(services) };
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

// Papers the seed catalogue does not hold, with an abstract: they can only come to related work through the seen store.
const outside: PaperRef[] = [
  {
    key: 'arxiv:2612.00001',
    arxivId: '2612.00001',
    title: 'Paging key value caches between GPU and host memory for long context LLM serving',
    abstract:
      'Long-context inference exhausts GPU memory with key-value caches. We offload inactive KV blocks to host CPU memory over PCIe and prefetch them ahead of decoding, raising serving throughput at equal latency.',
  },
  {
    key: 'arxiv:2612.00002',
    arxivId: '2612.00002',
    title: 'Sparse voxel transformers for outdoor LiDAR point cloud segmentation',
    abstract:
      'We segment outdoor LiDAR point clouds with sparse voxel transformers, attending over occupied voxels only, and reach high accuracy on driving benchmarks at a fraction of the memory.',
  },
];
const listing = (refs: PaperRef[], adapterId = 'arxiv') => ({ adapterId, pageKind: 'listing' as const, refs, firstRow: 0 });
const fromTab = { tabId: 1, incognito: false, url: 'https://arxiv.org/list/cs.DC/new' };

describe('recording what pages show', () => {
  it('answers now for a paper never seen, its first sighting afterwards; one record per paper', async () => {
    const { content, services, db } = setup();
    const before = Date.now();
    const first = await content.matchRows(listing(outside), fromTab);
    expect(first.papers.every((p) => p.firstSeenAt! >= before)).toBe(true);
    await services.seen.settled();
    const again = await content.matchRows(listing(outside), { ...fromTab, url: 'https://arxiv.org/list/cs.CV/new' });
    expect(again.papers.map((p) => p.firstSeenAt)).toEqual(first.papers.map((p) => p.firstSeenAt));
    await services.seen.settled();
    const records = await db.seenPapers.toArray();
    expect(records.map((r) => r.key).sort()).toEqual(['arxiv:2612.00001', 'arxiv:2612.00002']);
    expect(records[0]).toMatchObject({ timesSeen: 2, sightings: [{ site: 'arxiv', url: 'https://arxiv.org/list/cs.CV/new', pageKind: 'listing', count: 2 }] });
    expect(records[0]!.abstract).toBe(outside[0]!.abstract);
  });

  it('answers without waiting for the write: a paper still waiting to be written answers its first sighting from memory', async () => {
    const { content, services, db } = setup();
    const first = await content.matchRows(listing(outside.slice(0, 1)), fromTab);
    // A second part of the page (and another page) before anything is written: one paper is known, one is new.
    const again = await content.matchRows(listing(outside), { ...fromTab, url: 'https://arxiv.org/list/cs.CV/new' });
    expect(await db.seenPapers.count()).toBe(0);
    expect(again.papers[0]!.firstSeenAt).toBe(first.papers[0]!.firstSeenAt);
    expect(again.papers[1]!.firstSeenAt).toBeGreaterThanOrEqual(first.papers[0]!.firstSeenAt!);
    // Both requests go in one write, in order.
    await services.seen.settled();
    const records = await db.seenPapers.orderBy('id').toArray();
    expect(records.map((r) => [r.key, r.firstSeenAt, r.timesSeen])).toEqual([
      ['arxiv:2612.00001', first.papers[0]!.firstSeenAt, 2],
      ['arxiv:2612.00002', again.papers[1]!.firstSeenAt, 1],
    ]);
    // Written, the store answers the same.
    const third = await content.matchRows(listing(outside), { ...fromTab, url: 'https://arxiv.org/list/cs.AI/new' });
    expect(third.papers.map((p) => p.firstSeenAt)).toEqual(again.papers.map((p) => p.firstSeenAt));
  });

  it('records nothing, and marks nothing, while paused, in a private window, for a site switched off or the on-request scan', async () => {
    const { content, pages, services, db } = setup();
    await pages.setSeenSettings({ paused: true }, {});
    expect((await content.matchRows(listing(outside), fromTab)).papers.every((p) => p.firstSeenAt === undefined)).toBe(true);
    await pages.setSeenSettings({ paused: false }, {});
    expect((await content.matchRows(listing(outside), { ...fromTab, incognito: true })).papers.every((p) => p.firstSeenAt === undefined)).toBe(true);
    expect((await content.matchRows(listing(outside, 'generic'), fromTab)).papers.every((p) => p.firstSeenAt === undefined)).toBe(true);
    await pages.setSiteEnabled({ siteId: 'huggingface', enabled: false }, {});
    expect(await content.matchRows(listing(outside, 'huggingface'), fromTab)).toEqual({ enabled: false, papers: [] });
    await services.seen.settled();
    expect(await db.seenPapers.count()).toBe(0);
    expect((await pages.seenStatus({}, {})).count).toBe(0);
  });

  it('forgets a paper, a site, everything; the status says how many and what they cost', async () => {
    const { content, pages, services } = setup();
    await content.matchRows(listing(outside), fromTab);
    await content.matchRows(listing(outside.slice(0, 1), 'huggingface'), { ...fromTab, url: 'https://huggingface.co/papers' });
    await services.seen.settled();
    const status = await pages.seenStatus({}, {});
    expect(status).toMatchObject({ paused: false, cap: 50_000, count: 2 });
    expect(status.bytes).toBeGreaterThan(500);
    expect(status.recent[0]).toMatchObject({ key: 'arxiv:2612.00001', sites: ['huggingface', 'arxiv'], timesSeen: 2 });
    expect((await pages.forgetSeen({ site: 'arxiv' }, {})).recent.map((r) => [r.key, r.sites])).toEqual([['arxiv:2612.00001', ['huggingface']]]);
    expect((await pages.forgetSeen({ key: 'arxiv:2612.00001' }, {})).count).toBe(0);
    await content.matchRows(listing(outside), fromTab);
    expect((await pages.forgetSeen({ all: true }, {})).count).toBe(0);
    await expect(pages.forgetSeen({ site: 'nowhere' }, {})).rejects.toThrow(/unknown site/);
  });
});

describe('seen papers in related work and search', () => {
  it('a seen paper with text joins related work, marked with where and when it was seen', async () => {
    const { content, pages, services } = setup();
    const query: PaperRef = {
      key: 'title:kv cache offloading',
      title: 'Offloading the KV cache of LLM inference to host memory',
      abstract: 'GPU memory, key-value caches and long context serving.',
    };
    const without = await pages.related({ paper: query, limit: 10 }, {});
    expect(without.related.some((r) => r.seen)).toBe(false);
    await content.matchRows(listing(outside), fromTab);
    await services.seen.settled();
    const withSeen = await pages.related({ paper: query, limit: 10 }, {});
    const seen = withSeen.related.find((r) => r.key === 'arxiv:2612.00001');
    expect(seen?.seen).toMatchObject({ site: 'arxiv', at: expect.any(Number) });
    expect(seen?.sharedTerms.length).toBeGreaterThan(0);
    expect(withSeen.related).toHaveLength(10);
    // The paper itself is never its own related paper.
    const itself = await pages.related({ paper: outside[0]!, limit: 10 }, {});
    expect(itself.related.some((r) => r.key === 'arxiv:2612.00001')).toBe(false);
  });

  it("the popup's search finds a seen paper by its title words and authors; forgetting it takes it out", async () => {
    const { content, pages, services } = setup();
    await content.matchRows(listing([{ ...outside[1]!, authors: ['Quirina Voxelmann'] }]), fromTab);
    await services.seen.settled();
    const found = await pages.searchCatalogue({ query: 'voxel transf', limit: 20 }, {});
    expect(found.results.find((r) => r.key === 'arxiv:2612.00002')?.seen?.site).toBe('arxiv');
    expect((await pages.searchCatalogue({ query: 'voxelmann', limit: 20 }, {})).results.map((r) => r.key)).toEqual(['arxiv:2612.00002']);
    await pages.forgetSeen({ key: 'arxiv:2612.00002' }, {});
    expect((await pages.searchCatalogue({ query: 'voxelmann', limit: 20 }, {})).results).toEqual([]);
  });
});
