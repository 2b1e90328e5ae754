// Where the feed bar shows: every supported site's listings until the reader closes it there (a content script may say
// so, for its own site only), and again once the options page shows it; the worker's answer to a page carries it.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { UserDatabase } from '../../src/db/database.ts';
import { feedBarHiddenSites } from '../../src/db/settings.ts';

vi.mock('webextension-polyfill', async () => ({
  default: {
    runtime: { id: 'paperscope-test', getURL: (path: string) => `chrome-extension://paperscope-test/${path}`, sendMessage: async () => undefined },
    tabs: { query: async () => [], sendMessage: async () => undefined },
    i18n: (await import('./i18nStub.ts')).i18nStub,
  },
}));
const { pagePaperHandlers } = await import('../../src/background/handlers/pagePapers.ts');
const { siteHandlers } = await import('../../src/background/handlers/sites.ts');
const { SeenService } = await import('../../src/background/seenService.ts');
const { InterestService } = await import('../../src/background/interestService.ts');
const { createRouter } = await import('../../src/background/router.ts');

const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc')))));
index.loadCategoryModel = async () => undefined;

const opened: UserDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function setup() {
  const db = new UserDatabase(`feed-bar-${Date.now()}-${Math.random()}`);
  opened.push(db);
  const savedKeys = { get: async () => new Set<string>(), userTags: async () => new Map<string, string[]>() };
  const tellTabs = vi.fn(async () => undefined);
  const catalogue = { index: async () => index };
  const services = { userDb: db, catalogue, savedKeys, seen: new SeenService(db, savedKeys as never), interests: new InterestService(db, catalogue), tellTabs } as never;
  return { db, tellTabs, pages: pagePaperHandlers(services), sites: siteHandlers(services) };
}

const ref = { key: 'arxiv:2401.00001', title: 'Diffusion models for image synthesis' };
const ask = (adapterId: string, pageKind: 'listing' | 'paper' = 'listing') => ({ adapterId, pageKind, refs: [ref], firstRow: 0 });

describe('the feed bar setting', () => {
  it('shows on listings of every site until closed there; closing tells every tab; the options show it again', async () => {
    const { tellTabs, pages, sites } = setup();
    expect((await pages.matchRows(ask('arxiv'), {})).feedBar).toBe(true);
    expect((await pages.matchRows(ask('arxiv', 'paper'), {})).feedBar).toBe(false);
    expect((await pages.matchRows(ask('generic'), {})).feedBar).toBe(false);

    expect(await sites.hideFeedBar({ adapterId: 'arxiv' }, {})).toEqual({ hidden: true });
    expect(tellTabs).toHaveBeenCalledWith({ type: 'settingsChanged', request: {} });
    expect((await pages.matchRows(ask('arxiv'), {})).feedBar).toBe(false);
    expect((await pages.matchRows(ask('huggingface'), {})).feedBar).toBe(true);
    const listed = await sites.listSites({}, {});
    expect(listed.filter((s) => !s.feedBar).map((s) => s.id)).toEqual(['arxiv']);
    // Closing the bar is not switching the site off.
    expect(listed.find((s) => s.id === 'arxiv')!.enabled).toBe(true);

    const after = await sites.setFeedBarShown({ siteId: 'arxiv', shown: true }, {});
    expect(after.every((s) => s.feedBar)).toBe(true);
    expect(tellTabs).toHaveBeenCalledTimes(2);
    expect((await pages.matchRows(ask('arxiv'), {})).feedBar).toBe(true);
  });

  it('refuses an unknown site, and reads a restored record that is not a map of true as hiding nothing it does not say', async () => {
    const { db, sites } = setup();
    await expect(sites.hideFeedBar({ adapterId: 'nosuchsite' }, {})).rejects.toThrow(/unknown site/);
    await expect(sites.setFeedBarShown({ siteId: 'nosuchsite', shown: false }, {})).rejects.toThrow(/unknown site/);
    for (const value of ['arxiv', ['arxiv'], null, { arxiv: 'yes', huggingface: 1, openreview: true }]) {
      await db.settings.put({ key: 'feedBarHidden', value });
      expect([...(await feedBarHiddenSites(db))]).toEqual(value && typeof value === 'object' && !Array.isArray(value) ? ['openreview'] : []);
    }
  });

  it('a content script may close the bar on its site, but only an extension page may show it again', async () => {
    const handlers = {
      content: { hideFeedBar: vi.fn(async () => ({ hidden: true })) },
      pages: { setFeedBarShown: vi.fn(async () => []) },
    };
    const route = createRouter(handlers as never);
    const contentScript = { id: 'paperscope-test', tab: { id: 3 }, url: 'https://arxiv.org/list/cs.LG/new' } as never;
    const options = { id: 'paperscope-test', url: 'chrome-extension://paperscope-test/src/ui/options/index.html' } as never;
    expect(await route({ type: 'hideFeedBar', request: { adapterId: 'arxiv', evil: 1 } }, contentScript)).toEqual({ ok: true, value: { hidden: true } });
    expect(handlers.content.hideFeedBar).toHaveBeenCalledWith({ adapterId: 'arxiv' }, expect.anything());
    expect(await route({ type: 'setFeedBarShown', request: { siteId: 'arxiv', shown: true } }, contentScript)).toEqual({
      ok: false,
      error: 'setFeedBarShown may not be sent from a web page',
    });
    expect(await route({ type: 'setFeedBarShown', request: { siteId: 'arxiv', shown: 'yes' } }, options)).toMatchObject({ ok: false });
    expect(handlers.pages.setFeedBarShown).not.toHaveBeenCalled();
  });
});
