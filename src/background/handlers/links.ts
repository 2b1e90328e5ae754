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
      // Tabs already running the links script ask again: turned off, they hear so and drop their badges; turned back on
      // (the script stays in a tab until it reloads), they badge again. Tabs without it were given it by turnOn.
      await tellTabs({ type: 'settingsChanged', request: {} });
      return sites;
    },
  };
}
