// Links anywhere, as the popup and the options page ask for it: the sites it is on for, and turning one on or off.
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

export function linksHandlers({ links, tellTabs }: WorkerServices): Pick<PageHandlers, 'listLinksSites' | 'setLinksSite'> {
  return {
    async listLinksSites() {
      // In step with the permissions first: one taken back in the browser's settings, or a restored backup's site never
      // granted in this browser, is not listed as on.
      return links.sync();
    },

    async setLinksSite({ origin, on }) {
      const sites = on ? await links.turnOn(origin) : await links.turnOff(origin);
      // A site turned off: its tabs ask again, hear it is off, and drop their badges.
      if (!on) await tellTabs({ type: 'settingsChanged', request: {} });
      return sites;
    },
  };
}
