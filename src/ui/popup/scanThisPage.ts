// The popup's "Scan this page for papers": injects the generic scan into the tab (activeTab allows it after the click).
import browser from 'webextension-polyfill';
import { describeTab } from '../../messaging/client.ts';
// crxjs builds the script as one self-contained IIFE file and gives its path in the extension: no web-accessible loader.
import scanScript from '../../content/scanPage.ts?script&iife';

const WAIT_MS = 5000;
const POLL_MS = 100;

/** Injects the scan and waits until the page has read and asked about all its papers; false if it never did. */
export async function scanThisPage(tabId: number): Promise<boolean> {
  const startedAt = Date.now();
  await browser.scripting.executeScript({ target: { tabId }, files: [scanScript] });
  return waitForScan(tabId, startedAt);
}

/** Waits until the tab's content script has a whole scan made since `startedAt`; false if none came within WAIT_MS. */
export async function waitForScan(tabId: number, startedAt: number): Promise<boolean> {
  while (Date.now() - startedAt < WAIT_MS) {
    const scan = await describeTab(tabId);
    if (scan?.complete && scan.scannedAt >= startedAt) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}
