// The catalogue as the options page and the popup see it: what is installed, switching it, searching it.
import { paperUrl } from '../../core/identity/paperKey.ts';
import type { CatalogueResult } from '../../messaging/shapes.ts';
import { searchCatalogue } from '../catalogueSearch.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

type CatalogueHandlers = Pick<PageHandlers, 'catalogueInfo' | 'catalogueChanged' | 'restoreBundledCatalogue' | 'searchCatalogue'>;

/** Seen papers a search shows at most, after the catalogue's best (they take the last places of the list). */
const SEEN_SEARCH_MAX = 5;

export function catalogueHandlers({ catalogueDb, catalogue, savedKeys, seen, interests }: WorkerServices): CatalogueHandlers {
  return {
    async catalogueInfo() {
      const index = await catalogue.index();
      const meta = await catalogueDb.catalogueMeta.get('current');
      const newestPaperDate = index.data.header.newestPaperDate;
      return {
        version: index.data.version,
        paperCount: index.heldPaperCount,
        source: index.data.header.source,
        installedAt: meta?.installedAt ?? 0,
        origin: meta?.origin ?? 'bundled',
        ...(newestPaperDate ? { newestPaperDate } : {}),
      };
    },

    async catalogueChanged() {
      catalogue.reload();
      const index = await catalogue.index();
      // The model is learned over the catalogue's vocabulary and papers: learned again over the new one.
      interests.changed();
      return { version: index.data.version, paperCount: index.heldPaperCount };
    },

    async restoreBundledCatalogue() {
      const index = await catalogue.restoreBundled();
      interests.changed();
      return { version: index.data.version, paperCount: index.heldPaperCount };
    },

    async searchCatalogue(request) {
      const [index, saved] = await Promise.all([catalogue.index(), savedKeys.get()]);
      const response = await searchCatalogue(index, request, saved);
      // Papers the reader saw on pages, by their title and authors; the tag and year filters are the catalogue's.
      if (request.prepare) void seen.index(index).catch(() => undefined);
      if (!request.query.trim() || request.tag || request.year || request.limit === 0) return response;
      const hits = (await seen.index(index)).search(request.query, 100).filter((entry) => !request.site || entry.site === request.site);
      if (hits.length === 0) return response;
      const shown = hits.slice(0, Math.min(SEEN_SEARCH_MAX, request.limit));
      const fromSeen: CatalogueResult[] = shown.map((entry) => {
        const url = paperUrl(entry.key);
        return {
          key: entry.key,
          title: entry.title,
          authors: entry.authors,
          tags: index.tagsFor({ key: entry.key, title: entry.title }, -1),
          saved: entry.keys.some((k) => saved.has(k)),
          ...(url ? { url } : {}),
          seen: { site: entry.site, at: entry.lastSeenAt },
        };
      });
      response.results = [...response.results.slice(0, request.limit - shown.length), ...fromSeen];
      response.total += hits.length;
      return response;
    },
  };
}
