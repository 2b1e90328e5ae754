// What every message handler of the worker shares: the two databases, the catalogue, the saved keys and how to tell tabs.
import browser from 'webextension-polyfill';
import type { CatalogueDatabase, UserDatabase } from '../db/database.ts';
import { askTab } from '../messaging/client.ts';
import type { Envelope, ToTab } from '../messaging/protocol.ts';
import type { CatalogueService } from './catalogueService.ts';
import { InterestService } from './interestService.ts';
import { LinksService } from './linksService.ts';
import { SavedKeys } from './savedKeys.ts';
import { SeenService } from './seenService.ts';
import { TaxonomyService } from './taxonomyService.ts';

export interface WorkerServices {
  /** The user's own data: saved papers, settings, taxonomy edits, site figures. */
  userDb: UserDatabase;
  /** The installed catalogue and what is derived from it: replaceable, never holds user data. */
  catalogueDb: CatalogueDatabase;
  catalogue: CatalogueService;
  savedKeys: SavedKeys;
  /** The papers the reader has seen: recording, first-seen answers, and their related-work index. */
  seen: SeenService;
  taxonomy: TaxonomyService;
  /** The reader's interest model: learned from the saved library on first need, again after the library changes. */
  interests: InterestService;
  /** Links anywhere: the sites it is on for, their permissions and the registered content script. */
  links: LinksService;
  /** Tells every tab's content script (a tab whose site was switched off has no scan, yet must hear it is back on). */
  tellTabs(message: Envelope<ToTab>): Promise<void>;
}

async function tellTabs({ type, request }: Envelope<ToTab>): Promise<void> {
  for (const { id: tabId } of await browser.tabs.query({})) {
    // The tab may be gone or not ours: the answer is not awaited.
    if (tabId !== undefined) void askTab(tabId, type, request as never);
  }
}

export function createServices(userDb: UserDatabase, catalogueDb: CatalogueDatabase, catalogue: CatalogueService): WorkerServices {
  // After a taxonomy edit every tab asks for its papers' tags again.
  const taxonomy = new TaxonomyService(
    userDb,
    catalogueDb,
    catalogue,
    () => tellTabs({ type: 'settingsChanged', request: {} }),
    () => browser.runtime.getPlatformInfo(),
  );
  const savedKeys = new SavedKeys(userDb);
  // After a retrain in the background every tab asks for its papers again (their relevance changed).
  const interests = new InterestService(userDb, catalogue, () => tellTabs({ type: 'settingsChanged', request: {} }));
  return { userDb, catalogueDb, catalogue, savedKeys, seen: new SeenService(userDb, savedKeys), taxonomy, interests, links: new LinksService(userDb), tellTabs };
}
