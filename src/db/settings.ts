// User settings stored in the settings table: which sites are on, where the reader hid the feed bar, and the sites the
// reader turned "Show badges on this site" on for (links anywhere).
import { type LinksSite, linksSiteFromOrigin } from '../core/identity/paperLinks.ts';
import type { UserDatabase } from './database.ts';
import { wordedWrite } from './storageErrors.ts';

const SITES_KEY = 'sitesEnabled';
const FEED_BAR_HIDDEN_KEY = 'feedBarHidden';
const LINKS_SITES_KEY = 'linksSites';

/** Site id → on/off; sites never switched stay on. */
export async function siteSwitches(db: UserDatabase): Promise<Record<string, boolean>> {
  const record = await db.settings.get(SITES_KEY);
  return (record?.value as Record<string, boolean> | undefined) ?? {};
}

export async function setSiteSwitch(db: UserDatabase, siteId: string, enabled: boolean): Promise<Record<string, boolean>> {
  return wordedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const switches = { ...(await siteSwitches(db)), [siteId]: enabled };
      await db.settings.put({ key: SITES_KEY, value: switches });
      return switches;
    }),
  );
}

/** The sites where the reader closed the feed bar (site id → true); it shows everywhere else. */
export async function feedBarHiddenSites(db: UserDatabase): Promise<Set<string>> {
  const record = await db.settings.get(FEED_BAR_HIDDEN_KEY);
  const hidden = record?.value;
  // A restored backup may hold anything here: only `true` hides.
  if (!hidden || typeof hidden !== 'object') return new Set();
  return new Set(Object.entries(hidden as Record<string, unknown>).flatMap(([site, value]) => (value === true ? [site] : [])));
}

export async function setFeedBarShown(db: UserDatabase, siteId: string, shown: boolean): Promise<Set<string>> {
  return wordedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const hidden = await feedBarHiddenSites(db);
      if (shown) hidden.delete(siteId);
      else hidden.add(siteId);
      await db.settings.put({ key: FEED_BAR_HIDDEN_KEY, value: Object.fromEntries([...hidden].map((site) => [site, true])) });
      return hidden;
    }),
  );
}

/** The sites links anywhere is on for, by origin, sorted; a restored backup may hold anything here: only true and valid origins count. */
export async function linksSites(db: UserDatabase): Promise<LinksSite[]> {
  const record = await db.settings.get(LINKS_SITES_KEY);
  const on = record?.value;
  if (!on || typeof on !== 'object') return [];
  return Object.entries(on as Record<string, unknown>)
    .flatMap(([origin, value]) => {
      const site = value === true ? linksSiteFromOrigin(origin) : undefined;
      return site ? [site] : [];
    })
    .sort((a, b) => a.origin.localeCompare(b.origin));
}

/** Turns links anywhere on or off for one site (by origin, already checked); answers every site it is on for. */
export async function setLinksSite(db: UserDatabase, origin: string, on: boolean): Promise<LinksSite[]> {
  return wordedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const sites = new Set((await linksSites(db)).map((site) => site.origin));
      if (on) sites.add(origin);
      else sites.delete(origin);
      await db.settings.put({ key: LINKS_SITES_KEY, value: Object.fromEntries([...sites].map((site) => [site, true])) });
      return linksSites(db);
    }),
  );
}
