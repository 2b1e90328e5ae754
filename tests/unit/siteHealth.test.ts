// The options page's site list: each site's switch and health figures, never fields a restored backup slipped in.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserDatabase } from '../../src/db/database.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub } }));
const { siteHandlers } = await import('../../src/background/handlers/sites.ts');

const opened: UserDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('listSites', () => {
  it("keeps each site's id and name, and only its finite health figures, whatever the stored stats say", async () => {
    const db = new UserDatabase(`site-health-${Date.now()}`);
    opened.push(db);
    await db.settings.put({
      key: 'siteStats',
      value: { arxiv: { id: 'evil', name: 'Evil site', enabled: false, lastFoundCount: 12, lastFoundAt: 1_700_000_000_000, lastEmptyListingAt: 'soon' } },
    });
    const sites = await siteHandlers({ userDb: db, tellTabs: async () => undefined } as never).listSites({}, {});
    expect(sites.find((s) => s.id === 'arxiv')).toEqual({ id: 'arxiv', name: 'arXiv', enabled: true, feedBar: true, lastFoundCount: 12, lastFoundAt: 1_700_000_000_000 });
    expect(sites.some((s) => s.id === 'evil' || s.name === 'Evil site')).toBe(false);
  });
});
