// Links anywhere in the worker: a site is on only while its permission is held, the one registered content script
// follows the choices, turning off gives the permission back, the choice is a user setting (in the backup), and the
// messages that carry an origin are checked.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserDatabase } from '../../src/db/database.ts';
import { linksSites } from '../../src/db/settings.ts';
import { exportBackup } from '../../src/db/backup.ts';
import { PAGES_TO_WORKER } from '../../src/messaging/protocol.ts';
import { InvalidRequest } from '../../src/messaging/validate.ts';

vi.mock('webextension-polyfill', async () => ({
  default: { tabs: { query: async () => [], sendMessage: async () => undefined }, i18n: (await import('./i18nStub.ts')).i18nStub },
}));
const { LinksService, LINKS_SCRIPT_ID, checkedLinksSite } = await import('../../src/background/linksService.ts');

interface Registered {
  id: string;
  js?: string[];
  matches?: string[];
  persistAcrossSessions?: boolean;
}

/** The browser as the service sees it: granted origins, registered scripts, open tabs, injections. */
function fakeBrowser(granted: string[] = []) {
  const state = {
    granted: new Set(granted),
    scripts: new Map<string, Registered>(),
    injected: [] as Array<{ tabId: number; files: string[] }>,
    tabs: [] as Array<{ id: number; url: string }>,
  };
  const api = {
    permissions: {
      getAll: async () => ({ origins: [...state.granted], permissions: [] }),
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => state.granted.has(o)),
      remove: async ({ origins = [] }: { origins?: string[] }) => {
        for (const o of origins) state.granted.delete(o);
        return true;
      },
    },
    scripting: {
      registerContentScripts: async (scripts: Registered[]) => {
        for (const s of scripts) {
          if (state.scripts.has(s.id)) throw new Error(`duplicate script id ${s.id}`);
          state.scripts.set(s.id, s);
        }
      },
      getRegisteredContentScripts: async ({ ids = [] }: { ids?: string[] } = {}) => [...state.scripts.values()].filter((s) => ids.includes(s.id)),
      unregisterContentScripts: async ({ ids = [] }: { ids?: string[] } = {}) => {
        for (const id of ids) state.scripts.delete(id);
      },
      executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
        state.injected.push({ tabId: target.tabId, files });
        return [];
      },
    },
    tabs: {
      // Match patterns of the form scheme://host/* only, as the service asks.
      query: async ({ url }: { url?: string }) => state.tabs.filter((tab) => !url || tab.url.startsWith(url.slice(0, -1))),
    },
  };
  return { state, api: api as never };
}

const opened: UserDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
function database(): UserDatabase {
  const db = new UserDatabase(`links-${Date.now()}-${Math.random()}`);
  opened.push(db);
  return db;
}

const HN = 'https://news.ycombinator.com';
/** The built script's path (the unit project's plugin names it as vite.config.ts does, less the src/ folder). */
const SCRIPT = expect.stringMatching(/content\/linksPage\.js$/);
const HN_PATTERN = 'https://news.ycombinator.com/*';

describe('links anywhere in the worker', () => {
  it('turns a site on only with its permission, registers one script for it, and badges its open tabs at once', async () => {
    const db = database();
    const { state, api } = fakeBrowser();
    const links = new LinksService(db, api);
    await expect(links.turnOn(HN)).rejects.toThrow(/no permission/);
    expect(await linksSites(db)).toEqual([]);
    expect(state.scripts.size).toBe(0);

    state.granted.add(HN_PATTERN);
    state.tabs.push({ id: 7, url: `${HN}/item?id=1` }, { id: 8, url: 'https://github.com/a/b' });
    expect(await links.turnOn(HN)).toEqual([{ origin: HN, pattern: HN_PATTERN }]);
    expect([...state.scripts.values()]).toEqual([{ id: LINKS_SCRIPT_ID, js: [SCRIPT], matches: [HN_PATTERN], runAt: 'document_idle', persistAcrossSessions: true }]);
    expect(state.injected).toEqual([{ tabId: 7, files: [SCRIPT] }]);
    expect(await links.isOnFor(`${HN}/news`)).toBe(true);
    expect(await links.isOnFor('http://news.ycombinator.com/news')).toBe(false);
    expect(await links.isOnFor('https://github.com/')).toBe(false);

    // A second site joins the same registration.
    state.granted.add('https://github.com/*');
    await links.turnOn('https://github.com');
    expect(state.scripts.get(LINKS_SCRIPT_ID)?.matches).toEqual(['https://github.com/*', HN_PATTERN]);
  });

  it('turning off forgets the choice, gives the permission back and drops the registration', async () => {
    const db = database();
    const { state, api } = fakeBrowser([HN_PATTERN, 'https://arxiv.org/*']);
    const links = new LinksService(db, api);
    await links.turnOn(HN);
    expect(await links.turnOff(HN)).toEqual([]);
    expect(state.granted.has(HN_PATTERN)).toBe(false);
    // The required permissions are no business of this switch.
    expect(state.granted.has('https://arxiv.org/*')).toBe(true);
    expect(state.scripts.size).toBe(0);
    expect(await links.isOnFor(`${HN}/`)).toBe(false);
  });

  it('drops a choice whose permission the browser no longer holds (taken back in its settings, or a backup from elsewhere)', async () => {
    const db = database();
    const { state, api } = fakeBrowser([HN_PATTERN, 'https://github.com/*']);
    const links = new LinksService(db, api);
    await links.turnOn(HN);
    await links.turnOn('https://github.com');
    state.granted.delete(HN_PATTERN);
    expect(await links.sync()).toEqual([{ origin: 'https://github.com', pattern: 'https://github.com/*' }]);
    expect(await linksSites(db)).toEqual([{ origin: 'https://github.com', pattern: 'https://github.com/*' }]);
    expect(state.scripts.get(LINKS_SCRIPT_ID)?.matches).toEqual(['https://github.com/*']);
    // Syncing again changes nothing (no unregister and register again).
    const before = state.scripts.get(LINKS_SCRIPT_ID);
    await links.sync();
    expect(state.scripts.get(LINKS_SCRIPT_ID)).toBe(before);
  });

  it('keeps the choice in the user settings, so the backup carries it; junk restored there is ignored', async () => {
    const db = database();
    const { api } = fakeBrowser([HN_PATTERN]);
    await new LinksService(db, api).turnOn(HN);
    const backup = await exportBackup(db);
    expect(backup.tables.settings).toContainEqual({ key: 'linksSites', value: { [HN]: true } });
    await db.settings.put({ key: 'linksSites', value: { [HN]: true, 'https://*.evil.example': true, 'javascript:alert(1)': true, 'https://github.com': 'yes' } });
    expect(await linksSites(db)).toEqual([{ origin: HN, pattern: HN_PATTERN }]);
    await db.settings.put({ key: 'linksSites', value: 'nonsense' });
    expect(await linksSites(db)).toEqual([]);
  });

  it('refuses origins that are no single web site, and the sites with badges of their own', () => {
    expect(checkedLinksSite('https://bsky.app').pattern).toBe('https://bsky.app/*');
    for (const origin of ['https://arxiv.org', 'https://openreview.net', '<all_urls>', 'https://*/*', 'file://', 'https://github.com/x']) {
      expect(() => checkedLinksSite(origin), origin).toThrow();
    }
  });

  it('checks the messages: an origin string of bounded length and a boolean', () => {
    const check = PAGES_TO_WORKER.setLinksSite.check;
    expect(check({ origin: HN, on: true, extra: 1 }, '')).toEqual({ origin: HN, on: true });
    for (const bad of [{ origin: HN }, { origin: 3, on: true }, { origin: 'x'.repeat(301), on: false }, null]) {
      expect(() => check(bad, ''), JSON.stringify(bad)).toThrow(InvalidRequest);
    }
  });
});
