// The first-run page opens on the first install only: not on an update, not on a second "install" of the same data.
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { FIRST_RUN_PAGE, openFirstRunOnce } = await import('../../src/background/firstRun.ts');

function fakeDeps() {
  const opened: string[] = [];
  let shownAt: number | undefined;
  return {
    opened,
    deps: {
      shownAt: async () => shownAt,
      markShown: async (at: number) => void (shownAt = at),
      open: async (path: string) => void opened.push(path),
    },
  };
}

describe('openFirstRunOnce', () => {
  it('opens the first-run page on install, and never again', async () => {
    const { opened, deps } = fakeDeps();
    expect(await openFirstRunOnce('install', deps, 1000)).toBe(true);
    expect(opened).toEqual([FIRST_RUN_PAGE]);
    // Chromium says "install" again on each start of an extension loaded from the command line.
    expect(await openFirstRunOnce('install', deps, 2000)).toBe(false);
    expect(await openFirstRunOnce('update', deps, 3000)).toBe(false);
    expect(opened).toEqual([FIRST_RUN_PAGE]);
  });

  it('does not open on an update or a browser update', async () => {
    const { opened, deps } = fakeDeps();
    expect(await openFirstRunOnce('update', deps)).toBe(false);
    expect(await openFirstRunOnce('chrome_update', deps)).toBe(false);
    expect(await openFirstRunOnce('browser_update', deps)).toBe(false);
    expect(opened).toEqual([]);
  });
});
