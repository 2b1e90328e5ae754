// Which paper the side panel shows: `?key=&title=` when the page was opened with them, else the stored pick.
import browser from 'webextension-polyfill';
import type { PaperRef } from '../../core/paper.ts';
import { call } from '../../messaging/client.ts';

/** The session-storage key the background writes the picked paper under. */
export const PICKED_PAPER_KEY = 'pickedPaper';

export function paperFromQuery(search: string): PaperRef | undefined {
  const params = new URLSearchParams(search);
  const key = params.get('key')?.trim();
  if (!key) return undefined;
  return { key, title: params.get('title')?.trim() || key };
}

export async function storedPickedPaper(): Promise<PaperRef | undefined> {
  return (await call('getPickedPaper', {})).paper;
}

/** Calls `onPicked` whenever a paper is picked elsewhere (a badge, the popup); returns the unsubscribe. */
export function watchPickedPaper(onPicked: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && PICKED_PAPER_KEY in changes) onPicked();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
