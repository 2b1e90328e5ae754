// Links anywhere in the worker: the sites the reader turned "Show badges on this site" on for (user settings, so they are
// in the backup), kept in step with the host permissions the browser holds and with one registered content script.
import browser from 'webextension-polyfill';
import linksScript from '../content/linksPage.ts?script&iife';
import { type LinksSite, linksSiteFromOrigin, linksSiteOf } from '../core/identity/paperLinks.ts';
import type { UserDatabase } from '../db/database.ts';
import { linksSites, setLinksSite } from '../db/settings.ts';
import { SITES } from '../adapters/sites.ts';

/** The one registered content script, for every site links anywhere is on for. */
export const LINKS_SCRIPT_ID = 'paperscope-links';

/** What the service needs of the browser (the real one in the worker, a fake in unit tests). */
export interface LinksBrowser {
  permissions: Pick<typeof browser.permissions, 'getAll' | 'contains' | 'remove'>;
  scripting: Pick<typeof browser.scripting, 'registerContentScripts' | 'getRegisteredContentScripts' | 'unregisterContentScripts' | 'executeScript'>;
  tabs: Pick<typeof browser.tabs, 'query'>;
}

/** Hosts a full site adapter serves: their pages have their own badges, so links anywhere is never on there. */
const ADAPTER_HOSTS = new Set(SITES.flatMap((site) => site.hosts));

/** The site an origin from a message names, refused when it is none or has a site adapter of its own. */
export function checkedLinksSite(origin: string): LinksSite {
  const site = linksSiteFromOrigin(origin);
  if (!site) throw new Error(`not a web site: ${origin.slice(0, 100)}`);
  if (ADAPTER_HOSTS.has(new URL(site.origin).hostname)) throw new Error(`${site.origin} has Paperscope's own badges`);
  return site;
}

export class LinksService {
  /** Syncs one at a time: a turn-off racing a startup sync must not register the script again. */
  private syncing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: UserDatabase,
    private readonly api: LinksBrowser = browser,
  ) {}

  /** The sites links anywhere is on for and still has the permission of, in origin order. */
  async sites(): Promise<LinksSite[]> {
    return linksSites(this.db);
  }

  /** Whether a page (a content script's sender URL) is on a site links anywhere is on for. */
  async isOnFor(pageUrl: string | undefined): Promise<boolean> {
    const site = linksSiteOf(pageUrl);
    return !!site && (await this.sites()).some((on) => on.origin === site.origin);
  }

  /**
   * Turns links anywhere on for a site whose permission the reader has just granted (the page asked for it in the
   * click: a worker cannot), then badges its open tabs at once.
   */
  async turnOn(origin: string): Promise<LinksSite[]> {
    const site = checkedLinksSite(origin);
    if (!(await this.api.permissions.contains({ origins: [site.pattern] }))) throw new Error(`no permission for ${site.origin}`);
    const sites = await setLinksSite(this.db, site.origin, true);
    await this.sync();
    for (const tab of await this.api.tabs.query({ url: site.pattern })) {
      if (tab.id === undefined) continue;
      // A tab that cannot be injected (an error page) gets its badges when next loaded.
      await this.api.scripting.executeScript({ target: { tabId: tab.id }, files: [linksScript] }).catch(() => undefined);
    }
    return sites;
  }

  /** Turns links anywhere off for a site: the choice, the permission and the registration go; tabs drop their badges once told. */
  async turnOff(origin: string): Promise<LinksSite[]> {
    const site = linksSiteFromOrigin(origin);
    if (!site) throw new Error(`not a web site: ${origin.slice(0, 100)}`);
    const sites = await setLinksSite(this.db, site.origin, false);
    // Removing a permission the browser does not hold (or never granted optionally) is refused: nothing to undo then.
    await this.api.permissions.remove({ origins: [site.pattern] }).catch(() => false);
    await this.sync();
    return sites;
  }

  /**
   * Brings the registration in line with the choices and the permissions: at every worker start, and after any change.
   * A choice whose permission is gone (removed in the browser's own settings) is dropped.
   */
  sync(): Promise<LinksSite[]> {
    const run = this.syncing.then(() => this.syncNow());
    this.syncing = run.catch(() => undefined);
    return run;
  }

  private async syncNow(): Promise<LinksSite[]> {
    const granted = new Set((await this.api.permissions.getAll()).origins ?? []);
    const on: LinksSite[] = [];
    for (const site of await this.sites()) {
      if (granted.has(site.pattern)) on.push(site);
      else await setLinksSite(this.db, site.origin, false);
    }
    const matches = on.map((site) => site.pattern);
    const registered = await this.api.scripting.getRegisteredContentScripts({ ids: [LINKS_SCRIPT_ID] });
    const current = registered[0]?.matches ?? [];
    if (registered.length > 0 && current.length === matches.length && current.every((m, i) => m === matches[i])) return on;
    if (registered.length > 0) await this.api.scripting.unregisterContentScripts({ ids: [LINKS_SCRIPT_ID] });
    if (matches.length > 0) {
      await this.api.scripting.registerContentScripts([{ id: LINKS_SCRIPT_ID, js: [linksScript], matches, runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    return on;
  }
}
