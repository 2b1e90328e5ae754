// The content script: pick the adapter for this URL, then run it (scan, ask the background once, render badges in chunks).
import { adapterForPage } from './loadAdapter.ts';
import { removeAllBadges, runAdapter } from './runAdapter.ts';

/** One run per URL: single-page apps navigate without reloading, so a URL change aborts the run and starts anew. */
async function run(signal: AbortSignal): Promise<void> {
  const match = await adapterForPage(new URL(location.href));
  if (!match || signal.aborted) {
    if (!match) removeAllBadges();
    return;
  }
  runAdapter(match.adapter, match.kind, signal);
}

function start(): void {
  let url = location.href;
  let controller = new AbortController();
  void run(controller.signal);
  const restartIfMoved = () => {
    if (location.href === url) return;
    url = location.href;
    controller.abort();
    controller = new AbortController();
    void run(controller.signal);
  };
  // The page's own history calls are invisible from here; DOM changes and popstate reveal a new URL.
  new MutationObserver(restartIfMoved).observe(document, { childList: true, subtree: true });
  addEventListener('popstate', restartIfMoved);
}

start();
