// Per-tab scan results and the paper picked for the side panel, kept in session storage so a restarted worker still has them.
import browser from 'webextension-polyfill';
import type { PaperRef } from '../core/paper.ts';
import type { TabScan } from '../messaging/protocol.ts';

const scanKey = (tabId: number) => `scan:${tabId}`;
const PICKED_KEY = 'pickedPaper';

export async function saveTabScan(tabId: number, scan: TabScan): Promise<void> {
  await browser.storage.session.set({ [scanKey(tabId)]: scan });
}

export async function tabScan(tabId: number): Promise<TabScan | undefined> {
  const stored = await browser.storage.session.get(scanKey(tabId));
  return stored[scanKey(tabId)] as TabScan | undefined;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(scanKey(tabId));
}

export async function setPickedPaper(paper: PaperRef): Promise<void> {
  await browser.storage.session.set({ [PICKED_KEY]: paper });
}

export async function pickedPaper(): Promise<PaperRef | undefined> {
  const stored = await browser.storage.session.get(PICKED_KEY);
  return stored[PICKED_KEY] as PaperRef | undefined;
}

export const PICKED_PAPER_STORAGE_KEY = PICKED_KEY;
