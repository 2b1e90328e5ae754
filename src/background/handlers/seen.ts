// The reader's memory of seen papers, for the options page: its switches, its figures, and forgetting.
import { evictOverCap, forgetAllSeen, forgetSeenPaper, forgetSeenSite, recentSeen, seenSummary } from '../../db/seenStore.ts';
import type { SeenStatus } from '../../messaging/shapes.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';
import { isSite } from './sites.ts';

const RECENT_SHOWN = 20;

export function seenHandlers({ userDb, seen, savedKeys }: WorkerServices): Pick<PageHandlers, 'seenStatus' | 'setSeenSettings' | 'forgetSeen'> {
  async function status(recent = RECENT_SHOWN): Promise<SeenStatus> {
    await seen.settled();
    const [{ paused, cap }, { count, bytes }, records] = await Promise.all([seen.settings(), seenSummary(userDb), recentSeen(userDb, recent)]);
    return {
      paused,
      cap,
      count,
      bytes,
      recent: records.map((r) => ({
        key: r.key,
        title: r.title,
        sites: r.sightings.map((s) => s.site),
        firstSeenAt: r.firstSeenAt,
        lastSeenAt: r.lastSeenAt,
        timesSeen: r.timesSeen,
      })),
    };
  }

  return {
    seenStatus: ({ recent }) => status(recent),

    async setSeenSettings({ paused, cap }) {
      const next = await seen.setSettings({ ...(paused !== undefined ? { paused } : {}), ...(cap !== undefined ? { cap } : {}) });
      if (cap !== undefined) {
        // A lower cap applies now, not at the next page.
        await seen.settled();
        const saved = await savedKeys.get();
        await evictOverCap(userDb, next.cap, (keys) => keys.some((k) => saved.has(k)));
        seen.forgetIndex();
      }
      return status();
    },

    async forgetSeen({ key, site, all }) {
      await seen.settled();
      if (all) await forgetAllSeen(userDb);
      else if (site !== undefined) {
        if (!isSite(site)) throw new Error(`unknown site ${site}`);
        await forgetSeenSite(userDb, site);
      } else if (key !== undefined) await forgetSeenPaper(userDb, key);
      else throw new Error('forgetSeen needs a key, a site or all');
      seen.forgetIndex();
      return status();
    },
  };
}
