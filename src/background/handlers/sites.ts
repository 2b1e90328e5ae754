// The supported sites as the options page lists them (from the light site list: the worker loads no adapter), each
// with its switch, whether its listings show the feed bar, and its health figures.
import { SITES } from '../../adapters/sites.ts';
import { feedBarHiddenSites, setFeedBarShown, setSiteSwitch, siteSwitches } from '../../db/settings.ts';
import { allSiteStats, type SiteStats } from '../../db/siteStats.ts';
import type { SiteSetting } from '../../messaging/shapes.ts';
import type { WorkerServices } from '../services.ts';
import type { ContentHandlers, PageHandlers } from './context.ts';

/** Whether `id` names a supported site (from the light site list: the worker loads no adapter). */
export function isSite(id: string): boolean {
  return SITES.some((site) => site.id === id);
}

/** The figures of a site's stats, and nothing else: a restored backup's record cannot rename or re-id a site. */
function healthOf(stats: SiteStats | undefined): SiteStats {
  const health: SiteStats = {};
  for (const field of ['lastFoundAt', 'lastFoundCount', 'lastEmptyListingAt', 'lastFallbackAt'] as const) {
    const value = stats?.[field];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) health[field] = value;
  }
  return health;
}

function sites(switches: Record<string, boolean>, barHidden: Set<string>, stats: Record<string, SiteStats>): SiteSetting[] {
  return SITES.map((site) => ({ id: site.id, name: site.name, enabled: switches[site.id] !== false, feedBar: !barHidden.has(site.id), ...healthOf(stats[site.id]) }));
}

export function siteHandlers({ userDb, tellTabs }: WorkerServices): Pick<PageHandlers, 'listSites' | 'setSiteEnabled' | 'setFeedBarShown'> & Pick<ContentHandlers, 'hideFeedBar'> {
  const checkSite = (siteId: string) => {
    if (!isSite(siteId)) throw new Error(`unknown site ${siteId}`);
  };
  return {
    async listSites() {
      return sites(await siteSwitches(userDb), await feedBarHiddenSites(userDb), await allSiteStats(userDb));
    },

    async setSiteEnabled({ siteId, enabled }) {
      checkSite(siteId);
      const switches = await setSiteSwitch(userDb, siteId, enabled);
      await tellTabs({ type: 'settingsChanged', request: {} });
      return sites(switches, await feedBarHiddenSites(userDb), await allSiteStats(userDb));
    },

    async setFeedBarShown({ siteId, shown }) {
      checkSite(siteId);
      const hidden = await setFeedBarShown(userDb, siteId, shown);
      // Every tab asks again, and its listing shows or drops the bar with the answer.
      await tellTabs({ type: 'settingsChanged', request: {} });
      return sites(await siteSwitches(userDb), hidden, await allSiteStats(userDb));
    },

    async hideFeedBar({ adapterId }) {
      checkSite(adapterId);
      await setFeedBarShown(userDb, adapterId, false);
      // The site's other tabs drop their bars too (the tab that asked has already).
      await tellTabs({ type: 'settingsChanged', request: {} });
      return { hidden: true };
    },
  };
}
