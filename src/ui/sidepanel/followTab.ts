// Which paper the side panel shows as the user picks papers and moves between tabs: a pure reducer plus the tab watchers.
import browser from 'webextension-polyfill';
import type { PaperRef } from '../../core/paper.ts';
import { listenToWorker } from '../../messaging/client.ts';
import type { PageScan } from '../../messaging/shapes.ts';

/**
 * The rule, kept simple on purpose: the latest user action wins.
 * - On open, the paper the panel was opened for (`?key=`, else the stored pick) is shown; with neither, the paper of
 *   the active tab when that tab is a paper page.
 * - An explicit pick (a badge's Related button, the popup) shows the picked paper.
 * - Switching to a tab that is a paper page shows that tab's paper.
 * - When the active tab's scan changes to a different paper (the user navigated), its paper is shown; a rescan of the
 *   same paper (the page changed, settings changed) does not take the panel away from a paper picked since.
 */
export interface FollowState {
  paper?: PaperRef;
  source: 'none' | 'pick' | 'tab';
  activeTabId?: number;
  /** The key of the paper the active tab showed when last seen, to tell navigation from a rescan. */
  tabPaperKey?: string;
}

export type FollowEvent =
  | { kind: 'opened'; picked?: PaperRef; tabId?: number; tabPaper?: PaperRef }
  | { kind: 'picked'; paper?: PaperRef }
  | { kind: 'tabActivated'; tabId: number; tabPaper?: PaperRef }
  | { kind: 'tabScanned'; tabId: number; tabPaper?: PaperRef };

export const INITIAL_FOLLOW: FollowState = { source: 'none' };

/** The paper of a scan when it is one paper's own page. */
export function paperOfScan(scan: PageScan | undefined): PaperRef | undefined {
  return scan?.pageKind === 'paper' && scan.papers.length === 1 ? scan.papers[0]!.ref : undefined;
}

export function follow(state: FollowState, event: FollowEvent): FollowState {
  switch (event.kind) {
    case 'opened': {
      const base = { activeTabId: event.tabId, tabPaperKey: event.tabPaper?.key };
      if (event.picked) return { ...base, paper: event.picked, source: 'pick' };
      if (event.tabPaper) return { ...base, paper: event.tabPaper, source: 'tab' };
      return { ...base, source: 'none' };
    }
    case 'picked':
      return event.paper ? { ...state, paper: event.paper, source: 'pick' } : state;
    case 'tabActivated': {
      const next = { ...state, activeTabId: event.tabId, tabPaperKey: event.tabPaper?.key };
      return event.tabPaper ? { ...next, paper: event.tabPaper, source: 'tab' } : next;
    }
    case 'tabScanned': {
      if (event.tabId !== state.activeTabId) return state;
      const navigated = event.tabPaper !== undefined && event.tabPaper.key !== state.tabPaperKey;
      const next = { ...state, tabPaperKey: event.tabPaper?.key };
      return navigated ? { ...next, paper: event.tabPaper, source: 'tab' } : next;
    }
  }
}

/** The active tab of the panel's window, if the browser says. */
export async function activeTabId(): Promise<number | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onActivated` when the user switches tabs in the panel's window, and `onScanned` when a tab has scanned its page
 * (the worker says so). Returns the unsubscribe.
 */
export function watchTabs(onActivated: (tabId: number) => void, onScanned: (tabId: number) => void): () => void {
  const activated = (info: { tabId: number }) => {
    // Only this window's tab switches: the panel of another window follows its own.
    void activeTabId().then((id) => {
      if (id === info.tabId) onActivated(info.tabId);
    });
  };
  const onActivatedEvent = browser.tabs.onActivated as typeof browser.tabs.onActivated | undefined;
  onActivatedEvent?.addListener(activated);
  const stopListening = listenToWorker({
    async tabScanned({ tabId }) {
      onScanned(tabId);
    },
  });
  return () => {
    onActivatedEvent?.removeListener(activated);
    stopListening();
  };
}
