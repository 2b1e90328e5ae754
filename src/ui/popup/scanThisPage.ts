// The popup's "Scan this page for papers": injects the generic scan into the tab (activeTab allows it after the click).
import browser from 'webextension-polyfill';
import { call } from '../../messaging/client.ts';
// crxjs builds the script as one self-contained IIFE file and gives its path in the extension: no web-accessible loader.
import scanScript from '../../content/scanPage.ts?script&iife';

const WAIT_MS = 5000;
const POLL_MS = 100;

/** Injects the scan and waits until the background has stored its result for the tab; false if it never came. */
export async function scanThisPage(tabId: number): Promise<boolean> {
  const startedAt = Date.now();
  await browser.scripting.executeScript({ target: { tabId }, files: [scanScript] });
  while (Date.now() - startedAt < WAIT_MS) {
    const { scan } = await call('getTabScan', { tabId });
    if (scan && scan.scannedAt >= startedAt) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}
