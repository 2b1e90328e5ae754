// Message handlers: one per protocol message, each answering from the in-memory index or the user's tables.
import browser from 'webextension-polyfill';
import { SITES } from '../adapters/sites.ts';
import { GENERIC_ID } from '../adapters/types.ts';
import { PREDICT_CATEGORY_ROWS } from '../core/catalogue/catalogueIndex.ts';
import type { PaperscopeDatabase } from '../db/database.ts';
import { setSiteSwitch, siteSwitches } from '../db/settings.ts';
import { allSiteStats, recordScan, type SiteStats } from '../db/siteStats.ts';
import { EXTENSION_PAGES, type Enrichment, type MessageName, type RequestOf, type ResponseOf, type SiteSetting } from '../messaging/protocol.ts';
import type { ContentMessage } from '../messaging/client.ts';
import { searchCatalogue } from './catalogueSearch.ts';
import type { CatalogueService } from './catalogueService.ts';
import { backupLibrary, exportLibrary, importLibrary, restoreLibrary, savedPaperOf, updateSaved, userFields } from './library.ts';
import { pickedPaper, saveTabScan, setPickedPaper, tabScan } from './tabState.ts';
import { TaxonomyService } from './taxonomyService.ts';

export interface HandlerContext {
  tabId?: number;
}

type Handlers = {
  [K in MessageName]: (request: RequestOf<K>, context: HandlerContext) => Promise<ResponseOf<K>>;
};

/** Keys the user saved, cached for the worker's life so matching never reads the database per row. */
class SavedKeys {
  private keys: Promise<Set<string>> | undefined;
  constructor(private readonly db: PaperscopeDatabase) {}
  get(): Promise<Set<string>> {
    this.keys ??= this.db.savedPapers.toCollection().primaryKeys().then((k) => new Set(k));
    return this.keys;
  }
  /** After a restore replaced the whole table. */
  forget(): void {
    this.keys = undefined;
  }
}

async function broadcast(message: ContentMessage): Promise<void> {
  // Every tab: a tab whose site was switched off has no scan, yet must hear that it is back on.
  for (const { id: tabId } of await browser.tabs.query({})) {
    if (tabId === undefined) continue;
    browser.tabs.sendMessage(tabId, message).catch(() => undefined); // the tab may be gone or not ours any more
  }
}

function sites(switches: Record<string, boolean>, stats: Record<string, SiteStats>): SiteSetting[] {
  return SITES.map((s) => ({ id: s.id, name: s.name, enabled: switches[s.id] !== false, ...stats[s.id] }));
}

/** Sites come from the light list (src/adapters/sites.ts): the worker never loads an adapter. */
function isSite(id: string): boolean {
  return SITES.some((site) => site.id === id);
}

async function openSidePanel(tabId: number | undefined): Promise<void> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (chromeSidePanel && tabId !== undefined) await chromeSidePanel.open({ tabId });
    else if (firefoxSidebar) await firefoxSidebar.open();
  } catch {
    // Browsers only open panels on a user gesture; the picked paper is stored, so opening it by hand shows it.
  }
}

export function createHandlers(db: PaperscopeDatabase, catalogue: CatalogueService): Handlers {
  const savedKeys = new SavedKeys(db);
  // After a taxonomy edit every tab asks for its papers' tags again.
  const taxonomy = new TaxonomyService(
    db,
    catalogue,
    () => broadcast({ type: 'settingsChanged', request: {} }),
    () => browser.runtime.getPlatformInfo(),
  );

  return {
    async matchRows(request, { tabId }) {
      const started = performance.now();
      const switches = await siteSwitches(db);
      // The on-request scan of any page is no site: it answers like one, but has no switch and no health figures.
      const isGeneric = request.adapterId === GENERIC_ID;
      if (!isSite(request.adapterId) && !isGeneric) throw new Error(`unknown site ${request.adapterId}`);
      if (switches[request.adapterId] === false) {
        if (tabId !== undefined) await browser.storage.session.remove(`scan:${tabId}`);
        return { enabled: false, papers: [] };
      }
      const [index, saved] = await Promise.all([catalogue.index(), savedKeys.get()]);
      // The learned category model is read on the first scan that may need a prediction, never at worker start.
      const firstRow = request.firstRow ?? 0;
      const predicts = (i: number) => firstRow + i < PREDICT_CATEGORY_ROWS;
      if (request.refs.some((ref, i) => predicts(i) && !ref.categories?.length)) await index.loadCategoryModel();
      const papers: Enrichment[] = request.refs.map((ref, i) => {
        const known = index.matchIndex(ref);
        return {
          key: ref.key,
          inCatalogue: known >= 0,
          saved: saved.has(ref.key) || (known >= 0 && saved.has(index.keyOf(known))),
          // Predicting a category costs a search: done for the top of a page only (what the user sees first).
          tags: index.tagsFor(ref, known, predicts(i)),
        };
      });
      // The writes start in a later task, after the reply has gone: even unawaited, storage.session.set copies its
      // value before returning (~100 ms for 2,000 rows with abstracts), and the badges must not wait for that.
      // A part asked ahead is not the page: the whole page's request, which follows, is what they keep.
      if (request.firstRow === undefined) setTimeout(() => {
        // Health figures are a side note: the badges do not wait for them.
        if (!isGeneric) void recordScan(db, request.adapterId, request.pageKind, request.refs.length).catch(() => undefined);
        if (tabId !== undefined) {
          // The popup reads this later; the page's badges do not wait for it.
          void saveTabScan(tabId, {
            url: request.pageUrl,
            adapterId: request.adapterId,
            pageKind: request.pageKind,
            papers: papers.map((p, i) => ({ ...p, ref: request.refs[i]! })),
            scannedAt: Date.now(),
          }).catch(() => undefined);
        }
      }, 0);
      // The last scan's time in the worker, for the feed benchmark (a user-timing measure; one kept at a time).
      performance.clearMeasures('paperscope:matchRows');
      performance.measure('paperscope:matchRows', { start: started });
      return { enabled: true, papers };
    },

    async setSaved({ paper, saved }) {
      const keys = await savedKeys.get();
      if (saved) {
        const [index, existing] = await Promise.all([catalogue.index(), db.savedPapers.get(paper.key)]);
        await db.savedPapers.put({
          // Saving again must not lose the user's tags, note and read mark.
          ...userFields(existing),
          key: paper.key,
          title: paper.title,
          authors: paper.authors ?? [],
          url: paper.url,
          ref: paper,
          tags: index.tagsFor(paper),
          savedAt: Date.now(),
        });
        keys.add(paper.key);
      } else {
        await db.savedPapers.delete(paper.key);
        keys.delete(paper.key);
      }
      await broadcast({ type: 'savedChanged', request: { key: paper.key, saved } });
      return { key: paper.key, saved };
    },

    async pickPaper({ paper, openPanel }, { tabId }) {
      await setPickedPaper(paper);
      if (openPanel) await openSidePanel(tabId);
      return { key: paper.key };
    },

    async getPickedPaper() {
      return { paper: await pickedPaper() };
    },

    async getTabScan({ tabId }) {
      const [scan, saved] = await Promise.all([tabScan(tabId), savedKeys.get()]);
      if (!scan) return {};
      // Saved state changes after the scan (popup, other tabs): answer it as it is now.
      const papers = scan.papers.map((p) => ({ ...p, saved: saved.has(p.key) || saved.has(p.ref.key) }));
      return { scan: { ...scan, papers } };
    },

    async listSaved() {
      const records = await db.savedPapers.orderBy('savedAt').reverse().toArray();
      return records.map(savedPaperOf);
    },

    async updateSaved(request) {
      return updateSaved(db, request);
    },

    async related({ paper, limit }) {
      const [index, saved] = await Promise.all([catalogue.index(), savedKeys.get()]);
      await index.loadCategoryModel(); // its probabilities re-rank related papers by field
      const known = index.match(paper);
      return {
        paper: { key: paper.key, title: known?.title ?? paper.title },
        related: index.relatedTo(paper, limit).map((r) => ({
          key: r.paper.key,
          title: r.paper.title,
          authors: r.paper.authors,
          score: Math.round(r.score * 1000) / 1000,
          similarity: Math.round((r.similarity ?? r.score) * 1000) / 1000,
          sharedTerms: r.sharedTerms,
          sharedTopics: r.sharedTopics,
          saved: saved.has(r.paper.key),
          year: r.paper.year,
          topics: r.paper.tags.filter((t) => t.facet === 'topic').map((t) => t.label),
        })),
      };
    },

    async catalogueInfo() {
      const index = await catalogue.index();
      const meta = await db.catalogueMeta.get('current');
      return {
        version: index.data.version,
        paperCount: index.data.paperCount,
        source: index.data.header.source,
        installedAt: meta?.installedAt ?? 0,
        origin: meta?.origin ?? 'bundled',
      };
    },

    async listSites() {
      return sites(await siteSwitches(db), await allSiteStats(db));
    },

    async setSiteEnabled({ siteId, enabled }) {
      if (!isSite(siteId)) throw new Error(`unknown site ${siteId}`);
      const switches = await setSiteSwitch(db, siteId, enabled);
      await broadcast({ type: 'settingsChanged', request: {} });
      return sites(switches, await allSiteStats(db));
    },

    async catalogueChanged() {
      catalogue.reload();
      const index = await catalogue.index();
      return { version: index.data.version, paperCount: index.data.paperCount };
    },

    async restoreBundledCatalogue() {
      const index = await catalogue.restoreBundled();
      return { version: index.data.version, paperCount: index.data.paperCount };
    },

    async openPage({ page, query }) {
      await browser.tabs.create({ url: browser.runtime.getURL(EXTENSION_PAGES[page]) + (query ? `?${query}` : '') });
      return { opened: true };
    },

    async exportLibrary(request) {
      return exportLibrary(db, await catalogue.index(), request);
    },

    async importLibrary(request) {
      const { added, merged, keys } = await importLibrary(db, await catalogue.index(), request);
      const saved = await savedKeys.get();
      for (const key of keys) saved.add(key);
      // One rescan per tab rather than a message per imported paper.
      await broadcast({ type: 'settingsChanged', request: {} });
      return { added, merged };
    },

    async backup() {
      return backupLibrary(db);
    },

    async restore({ text }) {
      const result = await restoreLibrary(db, text);
      savedKeys.forget();
      // The backup's taxonomy edits (in its settings) apply from now on.
      await taxonomy.reload();
      // Saved papers and site switches may both have changed: every tab rescans.
      await broadcast({ type: 'settingsChanged', request: {} });
      return result;
    },

    async getTaxonomy() {
      return taxonomy.state();
    },

    async editTaxonomy({ edit }) {
      return taxonomy.edit(edit);
    },

    async resetTaxonomy() {
      return taxonomy.reset();
    },

    async taxonomyStatus() {
      return taxonomy.retagStatus();
    },

    async searchCatalogue(request) {
      const [index, saved] = await Promise.all([catalogue.index(), savedKeys.get()]);
      return searchCatalogue(index, request, saved);
    },
  } satisfies Handlers;
}

