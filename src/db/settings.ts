// User settings stored in the settings table: which sites are on.
import type { PaperscopeDatabase } from './database.ts';

const SITES_KEY = 'sitesEnabled';

/** Site id → on/off; sites never switched stay on. */
export async function siteSwitches(db: PaperscopeDatabase): Promise<Record<string, boolean>> {
  const record = await db.settings.get(SITES_KEY);
  return (record?.value as Record<string, boolean> | undefined) ?? {};
}

export async function setSiteSwitch(db: PaperscopeDatabase, siteId: string, enabled: boolean): Promise<Record<string, boolean>> {
  return db.transaction('rw', db.settings, async () => {
    const switches = { ...(await siteSwitches(db)), [siteId]: enabled };
    await db.settings.put({ key: SITES_KEY, value: switches });
    return switches;
  });
}
