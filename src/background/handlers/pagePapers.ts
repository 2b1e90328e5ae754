// What a page's content script asks: which of its papers the catalogue knows, their tags and saved state; and its report
// of what the page showed (the site's health figures).
import { GENERIC_ID, LINKS_ID } from '../../adapters/types.ts';
import { PREDICT_CATEGORY_ROWS } from '../../core/catalogue/catalogueIndex.ts';
import { feedBarHiddenSites, siteSwitches } from '../../db/settings.ts';
import { recordScan } from '../../db/siteStats.ts';
import { notifyPages } from '../../messaging/client.ts';
import { identityKeys, type SeenObservation } from '../../core/seen/seenRecord.ts';
import type { Enrichment } from '../../messaging/shapes.ts';
import type { WorkerServices } from '../services.ts';
import type { ContentHandlers } from './context.ts';
import { isSite } from './sites.ts';

/**
 * The site a page's content script runs for. The on-request scan of any page is no site: it answers like one, but has
 * no switch and no health figures.
 */
function checkSite(adapterId: string): { isGeneric: boolean; isLinks: boolean } {
  const isLinks = adapterId === LINKS_ID;
  // Links anywhere is no site either: papers shared in posts are no feed the reader browses.
  const isGeneric = adapterId === GENERIC_ID || isLinks;
  if (!isGeneric && !isSite(adapterId)) throw new Error(`unknown site ${adapterId}`);
  return { isGeneric, isLinks };
}

const MATCH_MEASURE = 'paperscope:matchRows';
const MEASURES_KEPT = 500;

export function pagePaperHandlers({ userDb, catalogue, savedKeys, seen, interests, links }: WorkerServices): Pick<ContentHandlers, 'matchRows' | 'pageScanned'> {
  return {
    async matchRows({ adapterId, pageKind, refs, firstRow }, { incognito, url }) {
      const started = performance.now();
      const { isGeneric, isLinks } = checkSite(adapterId);
      const [switches, barHidden] = await Promise.all([siteSwitches(userDb), feedBarHiddenSites(userDb)]);
      if (switches[adapterId] === false) return { enabled: false, papers: [] };
      // Links anywhere answers on the sites the reader turned it on for, and only there (the sender's page, not its word).
      if (isLinks && !(await links.isOnFor(url))) return { enabled: false, papers: [] };
      const [index, saved, userTags] = await Promise.all([catalogue.index(), savedKeys.get(), savedKeys.userTags()]);
      // Predicting a category costs a search: done for the top of a page only (what the user sees first), by the
      // row's place on the page. The learned model is read on the first scan that may need it, never at worker start.
      const predicts = (i: number) => firstRow + i < PREDICT_CATEGORY_ROWS;
      const observations: SeenObservation[] = [];
      // Matching reads the sections loaded at wake; a cut title or a category to predict may load more (withSections).
      const known = await index.withSections(() => refs.map((ref) => index.matchIndex(ref)));
      // Only a row the catalogue does not know has its category predicted: a scan of known rows never loads the model.
      if (refs.some((ref, i) => known[i]! < 0 && predicts(i) && !ref.categories?.length)) await index.loadCategoryModel();
      const tags = await index.withSections(() => refs.map((ref, i) => index.tagsFor(ref, known[i]!, predicts(i))));
      const papers: Enrichment[] = refs.map((ref, i) => {
        const catalogueIndex = known[i]!;
        const catalogueKey = catalogueIndex >= 0 ? index.keyOf(catalogueIndex) : undefined;
        // The reader's memory of the page: its site, this page, and every key known for the paper.
        if (!isGeneric) {
          observations.push({
            keys: identityKeys(ref, catalogueKey ? [catalogueKey] : []),
            title: ref.title,
            authors: ref.authors,
            abstract: ref.abstract,
            categories: ref.categories,
            site: adapterId,
            url: url ?? '',
            pageKind,
          });
        }
        const ownTags = userTags.get(ref.key) ?? (catalogueKey !== undefined ? userTags.get(catalogueKey) : undefined);
        return {
          key: ref.key,
          inCatalogue: catalogueIndex >= 0,
          saved: saved.has(ref.key) || (catalogueKey !== undefined && saved.has(catalogueKey)),
          tags: tags[i]!,
          ...(ownTags ? { userTags: ownTags } : {}),
        };
      });
      // The reader's interests: every row's relevance once the library has enough papers (the generic scan's too).
      const relevance = await interests.relevanceOf(index, refs, known);
      if (relevance) papers.forEach((paper, i) => (paper.relevance = relevance[i]));
      const firstSeen = await seen.observe(observations, incognito === true);
      if (firstSeen) papers.forEach((paper, i) => (paper.firstSeenAt = firstSeen[i]));
      // Each request's time in the worker, for the feed benchmark (user-timing measures; the newest few hundred kept).
      if (performance.getEntriesByName(MATCH_MEASURE).length >= MEASURES_KEPT) performance.clearMeasures(MATCH_MEASURE);
      performance.measure(MATCH_MEASURE, { start: started });
      return { enabled: true, papers, feedBar: pageKind === 'listing' && !isGeneric && !barHidden.has(adapterId) };
    },

    async pageScanned({ adapterId, pageKind, rowCount, fallback }, { tabId }) {
      const { isGeneric } = checkSite(adapterId);
      if (tabId !== undefined) notifyPages('tabScanned', { tabId });
      if (isGeneric) return { recorded: false };
      await recordScan(userDb, adapterId, pageKind, rowCount, Date.now(), fallback === true);
      return { recorded: true };
    },
  };
}
