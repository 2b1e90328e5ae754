// The content script, one classic script (no module chain to load), injected at document_start: at DOMContentLoaded it
// picks the adapter for this URL and runs it (reads rows, asks the background, renders badges frame by frame), so the
// reading and the background's answer overlap the page's own first layout instead of waiting behind it.
import { adapterForPage } from './loadAdapter.ts';
import { removeAllBadges, runAdapter } from './runAdapter.ts';
import { mark } from './timeline.ts';

/** One run per URL: single-page apps navigate without reloading, so a URL change aborts the run and starts anew. */
async function run(signal: AbortSignal): Promise<void> {
  mark('start');
  const match = await adapterForPage(new URL(location.href));
  mark('adapter');
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

// Nothing runs while the page is parsed (an observer then would see every parsed node): the listener runs inside the
// parser's last task, before the page's first layout of the whole document.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
