// Keeps one catalogue installed and indexed: installs the bundled seed when needed, rebuilds the index on wake.
import browser from 'webextension-polyfill';
import { checkCatalogue, type CatalogueArtifact } from '../core/catalogue.ts';
import { CatalogueIndex } from '../core/catalogueIndex.ts';
import type { PaperscopeDatabase } from '../db/database.ts';
import { installCatalogue, installedCatalogueMeta, loadInstalledCatalogue } from '../db/catalogueStore.ts';
import bundledVersion from '../../assets/catalogue/version.json';
import bundledCatalogueUrl from '../../assets/catalogue/catalogue.json?url';

async function fetchBundledCatalogue(): Promise<CatalogueArtifact> {
  // An extension-internal URL: this reads the packaged file, it is not a network request.
  const response = await fetch(browser.runtime.getURL(bundledCatalogueUrl.replace(/^\//, '')));
  return checkCatalogue(await response.json());
}

export class CatalogueService {
  private indexPromise: Promise<CatalogueIndex> | undefined;

  constructor(private readonly db: PaperscopeDatabase) {}

  /** The index, built once per worker life from the installed catalogue. */
  index(): Promise<CatalogueIndex> {
    this.indexPromise ??= this.load().catch((error) => {
      this.indexPromise = undefined; // let the next request try again
      throw error;
    });
    return this.indexPromise;
  }

  private async load(): Promise<CatalogueIndex> {
    const meta = await installedCatalogueMeta(this.db);
    // A newer bundled seed replaces an older bundled one; a catalogue the user imported stays.
    const needsBundled = !meta || (meta.origin === 'bundled' && meta.version !== bundledVersion.version);
    if (needsBundled) {
      const artifact = await fetchBundledCatalogue();
      await installCatalogue(this.db, artifact, 'bundled');
      return new CatalogueIndex(artifact);
    }
    const artifact = await loadInstalledCatalogue(this.db);
    if (!artifact) throw new Error('The installed catalogue is missing its data; restore the bundled catalogue in options.');
    return new CatalogueIndex(artifact);
  }
}
