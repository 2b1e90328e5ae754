// The supported sites as the options page lists them (from the light site list: the worker loads no adapter), each
// with its switch and its health figures.
import { SITES } from '../../adapters/sites.ts';
import { setSiteSwitch, siteSwitches } from '../../db/settings.ts';
import { allSiteStats, type SiteStats } from '../../db/siteStats.ts';
import type { SiteSetting } from '../../messaging/shapes.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

function sites(switches: Record<string, boolean>, stats: Record<string, SiteStats>): SiteSetting[] {
  return SITES.map((s) => ({ id: s.id, name: s.name, enabled: switches[s.id] !== false, ...stats[s.id] }));
}

export function siteHandlers({ db, tellTabs }: WorkerServices): Pick<PageHandlers, 'listSites' | 'setSiteEnabled'> {
  return {
    async listSites() {
      return sites(await siteSwitches(db), await allSiteStats(db));
    },

    async setSiteEnabled({ siteId, enabled }) {
      if (!SITES.some((site) => site.id === siteId)) throw new Error(`unknown site ${siteId}`);
      const switches = await setSiteSwitch(db, siteId, enabled);
      await tellTabs({ type: 'settingsChanged', request: {} });
      return sites(switches, await allSiteStats(db));
    },
  };
}
