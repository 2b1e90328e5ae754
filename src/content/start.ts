// What every site's content script does (src/content/sites/<site>.iife.ts: one classic script per site, holding that
// site's adapter only, injected at document_start): it asks the adapter about the URL and runs it (reads rows, asks the
// background, renders badges frame by frame). An adapter that reads rows one by one starts while the page is parsed, so
// a long listing's badges go in with its rows; the others start at DOMContentLoaded.
import type { SiteAdapter } from '../adapters/types.ts';
import { removeAllBadges, runAdapter, whenParsed } from './runAdapter.ts';
import { mark } from './timeline.ts';

/** One run per URL: single-page apps navigate without reloading, so a URL change aborts the run and starts anew. */
function run(adapter: SiteAdapter, signal: AbortSignal): void {
  mark('start');
  const kind = adapter.detect(new URL(location.href));
  mark('adapter');
  if (!kind) removeAllBadges();
  else runAdapter(adapter, kind, signal);
}

function start(adapter: SiteAdapter): void {
  let url = location.href;
  let controller = new AbortController();
  run(adapter, controller.signal);
  const restartIfMoved = () => {
    if (location.href === url) return;
    url = location.href;
    controller.abort();
    controller = new AbortController();
    run(adapter, controller.signal);
  };
  // The page's own history calls are invisible from here; DOM changes and popstate reveal a new URL. Watched from
  // DOMContentLoaded on: an observer during parsing would be told of every parsed node.
  whenParsed(() => {
    new MutationObserver(restartIfMoved).observe(document, { childList: true, subtree: true });
    addEventListener('popstate', restartIfMoved);
  });
}

/** Starts Paperscope on this page with the site's adapter: at once if it can read rows while the page is parsed. */
export function startContentScript(adapter: SiteAdapter): void {
  if (adapter.rowReaders) start(adapter);
  else whenParsed(() => start(adapter));
}
