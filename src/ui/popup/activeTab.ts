// Which tab the popup describes: the active tab of this window, or `?tabId=` when the popup runs in a tab of its own.
import browser from 'webextension-polyfill';

export interface TargetTab {
  tabId?: number;
  windowId?: number;
}

export async function targetTab(search: string = globalThis.location?.search ?? ''): Promise<TargetTab> {
  const requested = Number(new URLSearchParams(search).get('tabId') ?? NaN);
  if (Number.isInteger(requested) && requested >= 0) {
    const windowId = await browser.tabs.get(requested).then(
      (tab) => tab.windowId,
      () => undefined,
    );
    return { tabId: requested, windowId };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id, windowId: tab?.windowId };
}
