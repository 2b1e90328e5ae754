// The options page's site list: each site's switch and health figures, never fields a restored backup slipped in.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserDatabase } from '../../src/db/database.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub } }));
const { siteHandlers } = await import('../../src/background/handlers/sites.ts');
const { healthText } = await import('../../src/ui/options/SitesSection.tsx');

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

describe('healthText', () => {
  const site = { id: 'arxiv', name: 'arXiv', enabled: true, feedBar: true };
  const day = 86_400_000;
  const found = { lastFoundAt: 1_700_000_000_000, lastFoundCount: 87 };

  it("says when the last papers came from the structural fallback, not the site's own layout", () => {
    const text = healthText({ ...site, ...found, lastFallbackAt: found.lastFoundAt });
    expect(text).toMatch(/^Last found 87 papers on .+\. Its own layout was not recognised: they were found by reading the page's structure/);
  });

  it('drops the note once the site is read by its own layout again, and an empty listing since says so instead', () => {
    expect(healthText({ ...site, ...found, lastFallbackAt: found.lastFoundAt - day })).toMatch(/^Last found 87 papers on [^.]+\.$/);
    const empty = healthText({ ...site, ...found, lastFallbackAt: found.lastFoundAt, lastEmptyListingAt: found.lastFoundAt + day });
    expect(empty).toContain('showed no papers: the site may have changed its layout.');
    expect(empty).not.toContain('structure');
  });

  it('keeps a stored fallback time through listSites, and only a finite one', async () => {
    const db = new UserDatabase(`site-health-fallback-${Date.now()}`);
    opened.push(db);
    await db.settings.put({ key: 'siteStats', value: { arxiv: { ...found, lastFallbackAt: found.lastFoundAt }, openreview: { ...found, lastFallbackAt: 'yes' } } });
    const sites = await siteHandlers({ userDb: db, tellTabs: async () => undefined } as never).listSites({}, {});
    expect(sites.find((s) => s.id === 'arxiv')?.lastFallbackAt).toBe(found.lastFoundAt);
    expect(sites.find((s) => s.id === 'openreview')).not.toHaveProperty('lastFallbackAt');
  });
});
