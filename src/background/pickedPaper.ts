// The paper picked for the side panel, kept in session storage so a restarted worker still has it; only the worker reads
// or writes it (pages ask with getPickedPaper and hear paperPicked).
import browser from 'webextension-polyfill';
import type { PaperRef } from '../core/paper.ts';

const PICKED_KEY = 'pickedPaper';

export async function setPickedPaper(paper: PaperRef): Promise<void> {
  await browser.storage.session.set({ [PICKED_KEY]: paper });
}

export async function pickedPaper(): Promise<PaperRef | undefined> {
  const stored = await browser.storage.session.get(PICKED_KEY);
  return stored[PICKED_KEY] as PaperRef | undefined;
}
