// matchRows asked in parts (firstRow): each row is asked once, predictions follow the row's place on the page, the worker
// keeps nothing of the page, and the page's report (pageScanned) is what the site's health figures count.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex, PREDICT_CATEGORY_ROWS } from '../../src/core/catalogue/catalogueIndex.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { UserDatabase } from '../../src/db/database.ts';
import { allSiteStats } from '../../src/db/siteStats.ts';
import { CONTENT_TO_WORKER } from '../../src/messaging/protocol.ts';
import { InvalidRequest } from '../../src/messaging/validate.ts';

const sessionWrites = vi.fn(async (_items: Record<string, unknown>) => undefined);
const pageNews = vi.fn(async (_message: unknown) => undefined);
vi.mock('webextension-polyfill', async () => ({
  default: {
    runtime: { sendMessage: pageNews },
    tabs: { query: async () => [], sendMessage: async () => undefined },
    storage: { session: { set: sessionWrites, get: async () => ({}), remove: async () => undefined } },
    i18n: (await import('./i18nStub.ts')).i18nStub,
  },
}));
const { pagePaperHandlers } = await import('../../src/background/handlers/pagePapers.ts');
const { SeenService } = await import('../../src/background/seenService.ts');
const { InterestService } = await import('../../src/background/interestService.ts');

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

const opened: UserDatabase[] = [];
afterEach(async () => {
  sessionWrites.mockClear();
  pageNews.mockClear();
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const refs = (n: number, from = 0): PaperRef[] =>
  Array.from({ length: n }, (_, i) => ({ key: `title:paper ${from + i}`, title: `A study of graph neural network number ${from + i}` }));
const request = (part: PaperRef[], firstRow = 0) => ({ adapterId: 'arxiv', pageKind: 'listing' as const, refs: part, firstRow });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The page handlers of a worker whose catalogue is `index`, with an empty library. */
function handlersOver(db: UserDatabase, index: CatalogueIndex) {
  const savedKeys = { get: async () => new Set<string>(), userTags: async () => new Map<string, string[]>() };
  return pagePaperHandlers({
    userDb: db,
    catalogue: { index: async () => index },
    savedKeys,
    seen: new SeenService(db, savedKeys as never),
    interests: new InterestService(db, { index: async () => index }),
  } as never);
}

describe('matchRows in parts', () => {
  it('predicts categories by the row’s place on the page, keeps nothing of the page, and counts what the page reports', async () => {
    const db = new UserDatabase(`match-parts-${Date.now()}`);
    opened.push(db);
    const { index, predicted } = recordingIndex();
    const handlers = handlersOver(db, index);

    const top = await handlers.matchRows(request(refs(60), 0), { tabId: 3 });
    const next = await handlers.matchRows(request(refs(60, 60), 60), { tabId: 3 });
    expect(top.papers).toHaveLength(60);
    expect(next.papers).toHaveLength(60);
    // Rows 0–99 of the page may get a prediction, wherever the part that carries them starts.
    expect(predicted.slice(0, 60).every(Boolean)).toBe(true);
    expect(
      predicted
        .slice(60, 120)
        .map((p, i) => p === 60 + i < PREDICT_CATEGORY_ROWS)
        .every(Boolean),
    ).toBe(true);
    await settle();
    expect(sessionWrites).not.toHaveBeenCalled();
    expect(await allSiteStats(db)).toEqual({});

    expect(await handlers.pageScanned({ adapterId: 'arxiv', pageKind: 'listing', rowCount: 120 }, { tabId: 3 })).toEqual({ recorded: true });
    expect(sessionWrites).not.toHaveBeenCalled();
    expect((await allSiteStats(db)).arxiv).toMatchObject({ lastFoundCount: 120 });
    expect((await allSiteStats(db)).arxiv?.lastFallbackAt).toBeUndefined();
    // A listing whose papers the structural fallback found: the health figures say so, until the site's own selectors work again.
    expect(await handlers.pageScanned({ adapterId: 'arxiv', pageKind: 'listing', rowCount: 87, fallback: true }, { tabId: 3 })).toEqual({ recorded: true });
    const afterFallback = (await allSiteStats(db)).arxiv!;
    expect(afterFallback).toMatchObject({ lastFoundCount: 87 });
    expect(afterFallback.lastFallbackAt).toBe(afterFallback.lastFoundAt);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handlers.pageScanned({ adapterId: 'arxiv', pageKind: 'listing', rowCount: 50, fallback: false }, { tabId: 3 });
    const recovered = (await allSiteStats(db)).arxiv!;
    expect(recovered.lastFoundAt).toBeGreaterThan(recovered.lastFallbackAt!);
    // A side panel following tab 3 hears that it has a new scan.
    expect(pageNews).toHaveBeenCalledWith({ type: 'tabScanned', request: { tabId: 3 } });
    // The on-request scan of any page has no health figures.
    expect(await handlers.pageScanned({ adapterId: 'generic', pageKind: 'listing', rowCount: 4 }, { tabId: 3 })).toEqual({ recorded: false });
    await expect(handlers.pageScanned({ adapterId: 'nosuchsite', pageKind: 'listing', rowCount: 4 }, {})).rejects.toThrow(/unknown site/);
  });

  it('loads the category model only for a row the catalogue does not know (known rows take their catalogue tags)', async () => {
    const db = new UserDatabase(`match-model-${Date.now()}`);
    opened.push(db);
    const { index } = recordingIndex();
    let loads = 0;
    index.loadCategoryModel = async () => void loads++;
    const handlers = handlersOver(db, index);
    // Rows of catalogue papers, without categories (as Hugging Face's daily papers show them).
    const known = [0, 1, 2].map((i) => ({ key: real.keyOf(i), title: real.paperAt(i).title }));
    const answer = await handlers.matchRows(request(known), { tabId: 3 });
    expect(answer.papers.map((p) => p.inCatalogue)).toEqual([true, true, true]);
    expect(loads).toBe(0);
    await handlers.matchRows(request([...known, ...refs(1)]), { tabId: 3 });
    expect(loads).toBe(1);
  });

  it('checks firstRow: a whole number from 0 to the row limit, always given', () => {
    const check = CONTENT_TO_WORKER.matchRows.check;
    expect(check(request(refs(1), 40), '').firstRow).toBe(40);
    const { firstRow: _left, ...withoutFirstRow } = request(refs(1));
    expect(() => check(withoutFirstRow, '')).toThrow(InvalidRequest);
    for (const bad of [-1, 1.5, 5001, '3']) expect(() => check({ ...request(refs(1)), firstRow: bad }, '')).toThrow(InvalidRequest);
  });
});
