// What every message handler of the worker shares: the database, the catalogue, the saved keys and how to tell tabs.
import browser from 'webextension-polyfill';
import type { PaperscopeDatabase } from '../db/database.ts';
import { askTab } from '../messaging/client.ts';
import type { Envelope, ToTab } from '../messaging/protocol.ts';
import type { CatalogueService } from './catalogueService.ts';
import { TaxonomyService } from './taxonomyService.ts';

/** Keys the user saved, cached for the worker's life so matching never reads the database per row. */
export class SavedKeys {
  private keys: Promise<Set<string>> | undefined;
  constructor(private readonly db: PaperscopeDatabase) {}
  get(): Promise<Set<string>> {
    this.keys ??= this.db.savedPapers
      .toCollection()
      .primaryKeys()
      .then((k) => new Set(k));
    return this.keys;
  }
  /** After a restore replaced the whole table. */
  forget(): void {
    this.keys = undefined;
  }
}

export interface WorkerServices {
  db: PaperscopeDatabase;
  catalogue: CatalogueService;
  savedKeys: SavedKeys;
  taxonomy: TaxonomyService;
  /** Tells every tab's content script (a tab whose site was switched off has no scan, yet must hear it is back on). */
  tellTabs(message: Envelope<ToTab>): Promise<void>;
}

async function tellTabs({ type, request }: Envelope<ToTab>): Promise<void> {
  for (const { id: tabId } of await browser.tabs.query({})) {
    // The tab may be gone or not ours: the answer is not awaited.
    if (tabId !== undefined) void askTab(tabId, type, request as never);
  }
}

export function createServices(db: PaperscopeDatabase, catalogue: CatalogueService): WorkerServices {
  // After a taxonomy edit every tab asks for its papers' tags again.
  const taxonomy = new TaxonomyService(
    db,
    catalogue,
    () => tellTabs({ type: 'settingsChanged', request: {} }),
    () => browser.runtime.getPlatformInfo(),
  );
  return { db, catalogue, savedKeys: new SavedKeys(db), taxonomy, tellTabs };
}
