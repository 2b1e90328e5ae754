// Related work for a paper, the paper picked for the side panel, and opening the extension's own pages.
import browser from 'webextension-polyfill';
import { notifyPages } from '../../messaging/client.ts';
import { EXTENSION_PAGES } from '../../messaging/shapes.ts';
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

export function relatedHandlers({ catalogue, savedKeys }: WorkerServices): Pick<PageHandlers, 'related' | 'pickPaper' | 'getPickedPaper' | 'openPage'> {
  return {
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
