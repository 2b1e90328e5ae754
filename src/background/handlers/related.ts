// Related work for a paper, the paper picked for the side panel, and opening the extension's own pages.
import browser from 'webextension-polyfill';
import { PAPER_SECTIONS, VECTOR_SECTIONS } from '../../core/catalogue/sectionGroups.ts';
import { withSeenRelated } from '../../core/seen/seenIndex.ts';
import { identityKeys } from '../../core/seen/seenRecord.ts';
import { notifyPages } from '../../messaging/client.ts';
import { EXTENSION_PAGES, type RelatedPaper } from '../../messaging/shapes.ts';
import { pickedPaper, setPickedPaper } from '../pickedPaper.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) for a badge's Related; whether it opened. Firefox opens its sidebar
 * only within a user's click on an extension page, never from a message, so a badge there is told to show the way.
 */
async function openSidePanel(tabId: number | undefined): Promise<boolean> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (chromeSidePanel && tabId !== undefined) await chromeSidePanel.open({ tabId });
    else if (firefoxSidebar) await firefoxSidebar.open();
    else return false;
    return true;
  } catch (error) {
    // The picked paper is stored: the panel shows it once opened by hand. The caller tells the user how.
    console.warn('paperscope: the related-work panel did not open', error);
    return false;
  }
}

const rounded = (x: number) => Math.round(x * 1000) / 1000;

export function relatedHandlers({ catalogue, savedKeys, seen }: WorkerServices): Pick<PageHandlers, 'related' | 'pickPaper' | 'getPickedPaper' | 'openPage'> {
  return {
    async related({ paper, limit }) {
      const [index, saved] = await Promise.all([catalogue.index(), savedKeys.get()]);
      // The category model's probabilities re-rank related papers by field; the vectors and whole papers are read on first use.
      await Promise.all([index.loadCategoryModel(), index.ensureSections([...VECTOR_SECTIONS, ...PAPER_SECTIONS])]);
      const knownIndex = index.matchIndex(paper);
      const known = knownIndex >= 0 ? index.paperAt(knownIndex) : undefined;
      const fromCatalogue: RelatedPaper[] = index.relatedTo(paper, limit).map((r) => ({
        key: r.paper.key,
        title: r.paper.title,
        authors: r.paper.authors,
        score: rounded(r.score),
        similarity: rounded(r.similarity ?? r.score),
        sharedTerms: r.sharedTerms,
        sharedTopics: r.sharedTopics,
        saved: saved.has(r.paper.key),
        year: r.paper.year,
        topics: r.paper.tags.filter((t) => t.facet === 'topic').map((t) => t.label),
      }));
      // Papers the reader saw on pages that the catalogue does not hold join the list by their similarity.
      const query = index.vectorFor(paper, knownIndex);
      const itself = new Set([paper.key, ...identityKeys(paper, known ? [known.key] : [])]);
      const fromSeen: RelatedPaper[] = (await seen.index(index)).nearest(query, limit, itself).map(({ entry, similarity }) => ({
        key: entry.key,
        title: entry.title,
        authors: entry.authors,
        score: rounded(similarity),
        similarity: rounded(similarity),
        sharedTerms: index.sharedTerms(query, entry.vector),
        sharedTopics: [],
        saved: entry.keys.some((k) => saved.has(k)),
        seen: { site: entry.site, at: entry.lastSeenAt },
      }));
      return { paper: { key: paper.key, title: known?.title ?? paper.title }, related: withSeenRelated(fromCatalogue, fromSeen, limit) };
    },

    async pickPaper({ paper, openPanel }, { tabId }) {
      await setPickedPaper(paper);
      notifyPages('paperPicked', { paper });
      if (!openPanel) return { key: paper.key };
      return { key: paper.key, panelOpened: await openSidePanel(tabId) };
    },

    async getPickedPaper() {
      return { paper: await pickedPaper() };
    },

    async openPage({ page, query }) {
      await browser.tabs.create({ url: browser.runtime.getURL(EXTENSION_PAGES[page]) + (query ? `?${query}` : '') });
      return { opened: true };
    },
  };
}
