// Related work for a paper, the paper picked for the side panel, and opening the extension's own pages.
import browser from 'webextension-polyfill';
import { notifyPages } from '../../messaging/client.ts';
import { EXTENSION_PAGES } from '../../messaging/shapes.ts';
import { pickedPaper, setPickedPaper } from '../pickedPaper.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

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
      if (openPanel) await openSidePanel(tabId);
      return { key: paper.key };
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
