// matchRows asked in parts (firstRow): answered like the whole page, but predictions follow the row's place on the page and
// only the whole page's request is kept as the tab's scan and the site's health figures.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex, PREDICT_CATEGORY_ROWS } from '../../src/core/catalogue/catalogueIndex.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { PaperscopeDatabase } from '../../src/db/database.ts';
import { allSiteStats } from '../../src/db/siteStats.ts';
import { requestChecks } from '../../src/messaging/protocol.ts';
import { InvalidRequest } from '../../src/messaging/validate.ts';

const sessionWrites = vi.fn(async (_items: Record<string, unknown>) => undefined);
vi.mock('webextension-polyfill', async () => ({
  default: {
    tabs: { query: async () => [], sendMessage: async () => undefined },
    storage: { session: { set: sessionWrites, get: async () => ({}), remove: async () => undefined } },
    i18n: (await import('./i18nStub.ts')).i18nStub,
  },
}));
const { createHandlers } = await import('../../src/background/handlers.ts');

const real = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')))));
/** The real index, recording for each tagged row whether a category prediction was allowed. */
function recordingIndex() {
  const predicted: boolean[] = [];
  const index = Object.create(real) as CatalogueIndex;
  index.tagsFor = (ref, known, predict = false) => {
    predicted.push(predict);
    return real.tagsFor(ref, known, false);
  };
  index.loadCategoryModel = async () => undefined;
  return { index, predicted };
}

const opened: PaperscopeDatabase[] = [];
afterEach(async () => {
  sessionWrites.mockClear();
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const refs = (n: number, from = 0): PaperRef[] =>
  Array.from({ length: n }, (_, i) => ({ key: `title:paper ${from + i}`, title: `A study of graph neural network number ${from + i}` }));
const request = (part: PaperRef[], firstRow?: number) => ({
  pageUrl: 'https://arxiv.org/list/cs.LG/new',
  adapterId: 'arxiv',
  pageKind: 'listing' as const,
  refs: part,
  ...(firstRow !== undefined ? { firstRow } : {}),
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('matchRows in parts', () => {
  it('predicts categories by the row’s place on the page, and keeps only the whole page as the tab’s scan', async () => {
    const db = new PaperscopeDatabase(`match-parts-${Date.now()}`);
    opened.push(db);
    const { index, predicted } = recordingIndex();
    const handlers = createHandlers(db, { index: async () => index } as never);

    const top = await handlers.matchRows(request(refs(60), 0), { tabId: 3 });
    const next = await handlers.matchRows(request(refs(60, 60), 60), { tabId: 3 });
    expect(top.papers).toHaveLength(60);
    expect(next.papers).toHaveLength(60);
    // Rows 0–99 of the page may get a prediction, wherever the part that carries them starts.
    expect(predicted.slice(0, 60).every(Boolean)).toBe(true);
    expect(predicted.slice(60, 120).map((p, i) => p === 60 + i < PREDICT_CATEGORY_ROWS).every(Boolean)).toBe(true);
    await settle();
    expect(sessionWrites).not.toHaveBeenCalled();
    expect(await allSiteStats(db)).toEqual({});

    const whole = await handlers.matchRows(request(refs(120)), { tabId: 3 });
    expect(whole.papers.map((p) => p.key)).toEqual([...top.papers, ...next.papers].map((p) => p.key));
    await settle();
    expect(sessionWrites).toHaveBeenCalledTimes(1);
    expect(Object.keys(sessionWrites.mock.calls[0]![0])).toEqual(['scan:3']);
    expect((await allSiteStats(db)).arxiv).toMatchObject({ lastFoundCount: 120 });
  });

  it('checks firstRow: a whole number from 0 to the row limit', () => {
    expect(requestChecks.matchRows(request(refs(1), 40), '').firstRow).toBe(40);
    expect(requestChecks.matchRows(request(refs(1)), '').firstRow).toBeUndefined();
    for (const bad of [-1, 1.5, 5001, '3']) expect(() => requestChecks.matchRows({ ...request(refs(1)), firstRow: bad }, '')).toThrow(InvalidRequest);
  });
});
