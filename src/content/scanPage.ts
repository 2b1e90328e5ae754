// Injected by the popup's "Scan this page for papers": runs the generic adapter on this page with the usual badges.
import { generic } from '../adapters/generic.ts';
import { runAdapter } from './runAdapter.ts';

/** Set on the isolated world's window, which every injection into this page shares: a second click restarts the run, never adds one. */
const RUNNING = '__paperscopeScanPage';

interface PageScan {
  url: string;
  controller: AbortController;
}

function scanPage(): void {
  const scope = window as unknown as Record<typeof RUNNING, PageScan | undefined>;
  scope[RUNNING]?.controller.abort();
  const kind = generic.detect(new URL(location.href));
  if (!kind) return;
  const controller = new AbortController();
  const url = location.href;
  scope[RUNNING] = { url, controller };
  runAdapter(generic, kind, controller.signal);
  // The user asked about this page only: once a single-page app moves to another URL, stop watching.
  const stopIfMoved = () => {
    if (location.href !== url) controller.abort();
  };
  const observer = new MutationObserver(stopIfMoved);
  observer.observe(document, { childList: true, subtree: true });
  addEventListener('popstate', stopIfMoved);
  controller.signal.addEventListener('abort', () => {
    observer.disconnect();
    removeEventListener('popstate', stopIfMoved);
  });
}

scanPage();
