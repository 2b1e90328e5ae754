// The catalogue as the options page and the popup see it: what is installed, switching it, searching it.
import { searchCatalogue } from '../catalogueSearch.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

type CatalogueHandlers = Pick<PageHandlers, 'catalogueInfo' | 'catalogueChanged' | 'restoreBundledCatalogue' | 'searchCatalogue'>;

export function catalogueHandlers({ catalogueDb, catalogue, savedKeys }: WorkerServices): CatalogueHandlers {
  return {
    async catalogueInfo() {
      const index = await catalogue.index();
      const meta = await catalogueDb.catalogueMeta.get('current');
      return {
        version: index.data.version,
        paperCount: index.data.paperCount,
        source: index.data.header.source,
        installedAt: meta?.installedAt ?? 0,
        origin: meta?.origin ?? 'bundled',
      };
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

    async searchCatalogue(request) {
      const [index, saved] = await Promise.all([catalogue.index(), savedKeys.get()]);
      return searchCatalogue(index, request, saved);
    },
  };
}
