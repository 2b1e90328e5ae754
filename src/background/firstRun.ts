// The first-run page: opened once, when Paperscope is installed; never on an update, nor when the worker wakes again.
import browser from 'webextension-polyfill';

/** The page that tells a new user what Paperscope does (src/ui/welcome, built as an extra page by vite.config.ts). */
export const FIRST_RUN_PAGE = 'src/ui/welcome/index.html';

/**
 * storage.local key: when the first-run page was opened. The install reason alone is not enough: Chromium says "install"
 * again on every start for an extension loaded from the command line, with the extension's data still there.
 */
const SHOWN_KEY = 'firstRunShownAt';

export interface FirstRunDeps {
  shownAt(): Promise<number | undefined>;
  markShown(at: number): Promise<void>;
  open(path: string): Promise<unknown>;
}

const browserDeps: FirstRunDeps = {
  shownAt: async () => {
    const stored = (await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY];
    return typeof stored === 'number' ? stored : undefined;
  },
  markShown: (at) => browser.storage.local.set({ [SHOWN_KEY]: at }),
  open: (path) => browser.tabs.create({ url: browser.runtime.getURL(path) }),
};

/** Handles one runtime.onInstalled: opens the first-run page on the first install only. Answers whether it opened it. */
export async function openFirstRunOnce(reason: string, deps: FirstRunDeps = browserDeps, now = Date.now()): Promise<boolean> {
  if (reason !== 'install' || (await deps.shownAt()) !== undefined) return false;
  // Marked before opening: a page that fails to open is not tried again on every start.
  await deps.markShown(now);
  await deps.open(FIRST_RUN_PAGE);
  return true;
}
