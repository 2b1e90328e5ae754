// Per-site health: when a site last showed papers and how many, and when a listing last showed none.
import type { UserDatabase } from './database.ts';
import { wordedWrite } from './storageErrors.ts';

const STATS_KEY = 'siteStats';

export interface SiteStats {
  lastFoundAt?: number;
  lastFoundCount?: number;
  /** A listing page that showed no papers at all: the site may have changed its layout. */
  lastEmptyListingAt?: number;
  /** A listing whose papers the site's own selectors missed and the structural fallback found: its layout has changed. */
  lastFallbackAt?: number;
}

export async function allSiteStats(db: UserDatabase): Promise<Record<string, SiteStats>> {
  return ((await db.settings.get(STATS_KEY))?.value as Record<string, SiteStats> | undefined) ?? {};
}

/** Records a scan's papers; `fallback`: they were found by the structural reader, the site's own selectors having failed. */
export async function recordScan(db: UserDatabase, siteId: string, pageKind: 'listing' | 'paper', found: number, now = Date.now(), fallback = false): Promise<void> {
  if (found === 0 && pageKind !== 'listing') return;
  await wordedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const stats = await allSiteStats(db);
      const site = { ...stats[siteId] };
      if (found > 0) {
        site.lastFoundAt = now;
        site.lastFoundCount = found;
        if (fallback) site.lastFallbackAt = now;
      } else {
        site.lastEmptyListingAt = now;
      }
      await db.settings.put({ key: STATS_KEY, value: { ...stats, [siteId]: site } });
    }),
  );
}
