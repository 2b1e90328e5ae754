// Keeps one catalogue installed and indexed: installs the bundled seed when needed, rebuilds the index on wake.
import browser from 'webextension-polyfill';
import { CatalogueError, readCatalogue, type CatalogueData, type CatalogueView } from '../core/catalogue/artifact.ts';
import { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { decodeCategoryLinear, type CategoryLinear } from '../core/categories/categoryModel.ts';
import { bundledTopicModel, provideTopicModel } from '../core/topics/tagger.ts';
import type { CatalogueDatabase } from '../db/database.ts';
import { hasUnusedSections, installCatalogue, installedCatalogueMeta, loadInstalledCatalogue, removeUnusedSections, storedVersions } from '../db/catalogueStore.ts';
import bundledVersion from '../../assets/catalogue/version.json';
import bundledCatalogueUrl from '../../assets/catalogue/catalogue.psc?url';
import categoryModelUrl from '../../assets/models/categories.bin?url';
import topicModelUrl from '../../assets/models/topics.bin?url';

async function fetchBundledCatalogue(): Promise<CatalogueData> {
  // An extension-internal URL: this reads the packaged file, it is not a network request.
  const response = await fetch(browser.runtime.getURL(bundledCatalogueUrl.replace(/^\//, '')));
  return readCatalogue(new Uint8Array(await response.arrayBuffer()));
}

let categoryModel: Promise<CategoryLinear> | undefined;

/**
 * The shipped arXiv category model (scripts/train-categories.ts), read on the first prediction, not at worker start;
 * read once per worker life (a new catalogue's index reuses it).
 */
function fetchCategoryModel(): Promise<CategoryLinear> {
  categoryModel ??= (async () => {
    // An extension-internal URL: this reads the packaged file, it is not a network request.
    const response = await fetch(browser.runtime.getURL(categoryModelUrl.replace(/^\//, '')));
    if (!response.ok) throw new Error(`category model: ${response.status}`);
    return decodeCategoryLinear(new Uint8Array(await response.arrayBuffer()));
  })();
  return categoryModel;
}

let topicModel: Promise<void> | undefined;

/**
 * The shipped topic model (assets/models/topics.bin), read and decoded once per worker life while the catalogue is read
 * from the database, so the index is handed out only with it: no paper is ever tagged without it. A file that cannot
 * be read leaves tagging to the seed terms, with the tagger's warning.
 */
function loadTopicModel(): Promise<void> {
  topicModel ??= (async () => {
    try {
      // An extension-internal URL: this reads the packaged file, it is not a network request.
      const response = await fetch(browser.runtime.getURL(topicModelUrl.replace(/^\//, '')));
      if (!response.ok) throw new Error(`topic model: ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      provideTopicModel(() => bytes);
    } catch (error) {
      provideTopicModel(() => {
        throw error;
      });
    }
    bundledTopicModel();
  })();
  return topicModel;
}

/** An index over a catalogue, with the shipped category model to load when a prediction first needs it. */
function indexOf(data: CatalogueView): CatalogueIndex {
  const index = new CatalogueIndex(data);
  index.useCategoryModel(fetchCategoryModel);
  return index;
}

export class CatalogueService {
  private indexPromise: Promise<CatalogueIndex> | undefined;
  private prepare: (index: CatalogueIndex) => Promise<void> = async () => undefined;

  constructor(private readonly db: CatalogueDatabase) {}

  /** Runs on every index before it is handed out (the user's taxonomy edits). */
  prepareWith(prepare: (index: CatalogueIndex) => Promise<void>): void {
    this.prepare = prepare;
  }

  /** The index, built once per worker life from the installed catalogue. */
  index(): Promise<CatalogueIndex> {
    this.indexPromise ??= this.load().catch((error) => {
      this.indexPromise = undefined; // let the next request try again
      throw error;
    });
    return this.indexPromise;
  }

  /** Forget the index: another context installed a catalogue. */
  reload(): void {
    this.indexPromise = undefined;
  }

  async restoreBundled(): Promise<CatalogueIndex> {
    const modelReady = loadTopicModel();
    const data = await fetchBundledCatalogue();
    await installCatalogue(this.db, data, 'bundled');
    await modelReady;
    const index = indexOf(data);
    await this.prepare(index);
    this.indexPromise = Promise.resolve(index);
    return index;
  }

  private async load(): Promise<CatalogueIndex> {
    const modelReady = loadTopicModel(); // read while the catalogue is
    const meta = await installedCatalogueMeta(this.db);
    // A newer bundled seed replaces an older bundled one; a catalogue the user imported stays.
    if (!meta || (meta.origin === 'bundled' && meta.version !== bundledVersion.version)) return this.restoreBundled();
    let data: CatalogueView | undefined;
    try {
      // Only the sections matching needs, with cheap checks (sizes and table shapes; probes are bounded): the contents
      // were checked at import. The others are read when a feature first needs them (ensureSections).
      data = await loadInstalledCatalogue(this.db);
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      // Installed before imports checked every section: the seed is better than a catalogue that cannot be read.
      console.error('paperscope: the installed catalogue is damaged; restoring the bundled one', error);
    }
    if (!data) return this.restoreBundled(); // the stored header is gone: the seed is better than nothing
    // An install whose old sections could not be removed after its switch (a full disk), or one stopped before its
    // switch (the worker or options page stopped mid-install): removed now, in the background.
    void hasUnusedSections(this.db, storedVersions(meta))
      .then((unused) => (unused ? removeUnusedSections(this.db) : undefined))
      .catch(() => undefined);
    await modelReady;
    const index = indexOf(data);
    await this.prepare(index);
    return index;
  }
}
