// User settings stored in the settings table: which sites are on.
import type { UserDatabase } from './database.ts';
import { wordedWrite } from './storageErrors.ts';

const SITES_KEY = 'sitesEnabled';

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
