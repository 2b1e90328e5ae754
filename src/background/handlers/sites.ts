// The supported sites as the options page lists them: each switch and its health figures.
import { ADAPTERS, adapterById } from '../../adapters/registry.ts';
import { setSiteSwitch, siteSwitches } from '../../db/settings.ts';
import { allSiteStats, type SiteStats } from '../../db/siteStats.ts';
import type { SiteSetting } from '../../messaging/shapes.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

function sites(switches: Record<string, boolean>, stats: Record<string, SiteStats>): SiteSetting[] {
  return ADAPTERS.map((a) => ({ id: a.id, name: a.name, enabled: switches[a.id] !== false, ...stats[a.id] }));
}

export function siteHandlers({ db, tellTabs }: WorkerServices): Pick<PageHandlers, 'listSites' | 'setSiteEnabled'> {
  return {
    async listSites() {
      return sites(await siteSwitches(db), await allSiteStats(db));
    },

    async setSiteEnabled({ siteId, enabled }) {
      if (!adapterById(siteId)) throw new Error(`unknown site ${siteId}`);
      const switches = await setSiteSwitch(db, siteId, enabled);
      await tellTabs({ type: 'settingsChanged', request: {} });
      return sites(switches, await allSiteStats(db));
    },
  };
}
