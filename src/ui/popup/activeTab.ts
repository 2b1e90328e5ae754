// Which tab the popup describes: the active tab of this window, or `?tabId=` when the popup runs in a tab of its own.
import browser from 'webextension-polyfill';

export interface TargetTab {
  tabId?: number;
  windowId?: number;
  /** The tab's address, when the browser lets the extension see it (activeTab after the toolbar click, or host permission). */
  url?: string;
}

export async function targetTab(search: string = globalThis.location?.search ?? ''): Promise<TargetTab> {
  const requested = Number(new URLSearchParams(search).get('tabId') ?? NaN);
  if (Number.isInteger(requested) && requested >= 0) {
    const tab = await browser.tabs.get(requested).catch(() => undefined);
    return { tabId: requested, windowId: tab?.windowId, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id, windowId: tab?.windowId, url: tab?.url };
}
