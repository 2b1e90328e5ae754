// Which paper the side panel shows: `?key=&title=` when the page was opened with them, else the worker's pick.
import type { PaperRef } from '../../core/paper.ts';
import { call, listenToWorker } from '../../messaging/client.ts';

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
export function watchPickedPaper(onPicked: (paper: PaperRef) => void): () => void {
  return listenToWorker({
    async paperPicked({ paper }) {
      onPicked(paper);
    },
  });
}
