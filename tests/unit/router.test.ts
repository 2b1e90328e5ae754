// The worker's router: who may send what (a content script only what concerns its page), checks before handlers, and
// errors as values; and, at compile time, that requests are the types their checks give.
import { describe, expect, it, vi } from 'vitest';
import type { ContentToWorker, RequestOf } from '../../src/messaging/protocol.ts';
import { sameShape } from '../../src/messaging/validate.ts';

const EXTENSION = 'chrome-extension://paperscope-test/';
vi.mock('webextension-polyfill', async () => ({
  default: { runtime: { id: 'paperscope-test', getURL: (path: string) => EXTENSION + path }, i18n: (await import('./i18nStub.ts')).i18nStub },
}));
const { createRouter } = await import('../../src/background/router.ts');

const ref = { key: 'arxiv:1', title: 'A paper' };
const contentScript = { id: 'paperscope-test', tab: { id: 3 }, url: 'https://arxiv.org/list/cs.LG/new' } as never;
const optionsInATab = { id: 'paperscope-test', tab: { id: 9 }, url: `${EXTENSION}src/ui/options/index.html` } as never;
const popup = { id: 'paperscope-test', url: `${EXTENSION}src/ui/popup/index.html` } as never;

function setup() {
  const handlers = {
    content: { matchRows: vi.fn(async () => ({ enabled: true, papers: [] })), pageScanned: vi.fn(), setSaved: vi.fn(async () => ({ key: 'k', saved: true })), pickPaper: vi.fn() },
    pages: { restore: vi.fn(async () => ({ savedPapers: 1, settings: 0 })), setSaved: vi.fn(async () => ({ key: 'k', saved: true })), backup: vi.fn() },
  };
  return { handlers, route: createRouter(handlers as never) };
}

describe('the worker router', () => {
  it('tells a handler whether the page is in a private window (its papers are not remembered)', async () => {
    const { handlers, route } = setup();
    const privateTab = { id: 'paperscope-test', tab: { id: 4, incognito: true }, url: 'https://arxiv.org/list/cs.LG/new' } as never;
    await route({ type: 'matchRows', request: { adapterId: 'arxiv', pageKind: 'listing', refs: [], firstRow: 0 } }, privateTab);
    expect(handlers.content.matchRows).toHaveBeenCalledWith(expect.anything(), { tabId: 4, incognito: true, url: 'https://arxiv.org/list/cs.LG/new' });
  });

  it('refuses a content script sending restore, backup, importLibrary or editTaxonomy, and runs no handler', async () => {
    const { handlers, route } = setup();
    for (const type of ['restore', 'backup', 'importLibrary', 'editTaxonomy', 'forgetSeen', 'seenStatus', 'setSeenSettings', 'interestStatus']) {
      expect(await route({ type, request: { text: '{}' } }, contentScript)).toEqual({ ok: false, error: `${type} may not be sent from a web page` });
    }
    expect(handlers.pages.restore).not.toHaveBeenCalled();
    expect(await route({ type: 'noSuchThing', request: {} }, contentScript)).toEqual({ ok: false, error: 'unknown message "noSuchThing"' });
  });

  it("answers a content script's own messages, checked, with its tab", async () => {
    const { handlers, route } = setup();
    const request = { adapterId: 'arxiv', pageKind: 'listing', refs: [{ ...ref, evil: 1 }], firstRow: 0 };
    expect(await route({ type: 'matchRows', request }, contentScript)).toEqual({ ok: true, value: { enabled: true, papers: [] } });
    expect(handlers.content.matchRows).toHaveBeenCalledWith(
      { adapterId: 'arxiv', pageKind: 'listing', refs: [ref], firstRow: 0 },
      { tabId: 3, incognito: false, url: 'https://arxiv.org/list/cs.LG/new' },
    );
    const bad = await route({ type: 'matchRows', request: { ...request, refs: [{ key: 'k' }] } }, contentScript);
    expect(bad).toEqual({ ok: false, error: 'refs[0].title should be a string of at most 1000 characters' });
    expect(handlers.content.matchRows).toHaveBeenCalledTimes(1);
    await route({ type: 'setSaved', request: { paper: ref, saved: true } }, contentScript);
    expect(handlers.content.setSaved).toHaveBeenCalled();
  });

  it("answers the extension's pages, in a tab or not, and only their messages", async () => {
    const { handlers, route } = setup();
    expect(await route({ type: 'restore', request: { uploadId: 'u1' } }, optionsInATab)).toEqual({ ok: true, value: { savedPapers: 1, settings: 0 } });
    expect(handlers.pages.restore).toHaveBeenCalledWith({ uploadId: 'u1' }, { tabId: 9, incognito: false, url: `${EXTENSION}src/ui/options/index.html` });
    await route({ type: 'setSaved', request: { paper: ref, saved: false } }, popup);
    expect(handlers.pages.setSaved).toHaveBeenCalledWith({ paper: ref, saved: false }, { tabId: undefined, incognito: false, url: `${EXTENSION}src/ui/popup/index.html` });
    expect(await route({ type: 'matchRows', request: {} }, popup)).toEqual({ ok: false, error: 'unknown message "matchRows"' });
    // The worker's news to the pages is not a request to it.
    expect(route({ type: 'tabScanned', request: { tabId: 1 } }, popup)).toBeUndefined();
  });

  it('ignores other extensions, and says why a request failed', async () => {
    const { handlers, route } = setup();
    expect(route({ type: 'restore', request: { text: '{}' } }, { id: 'someone-else', url: 'chrome-extension://someone-else/x' } as never)).toBeUndefined();
    handlers.pages.backup.mockRejectedValueOnce(new Error('disk full'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await route({ type: 'backup', request: {} }, popup)).toEqual({ ok: false, error: 'disk full' });
    errors.mockRestore();
  });
});

describe('requests are the types their checks give (compile-time)', () => {
  it('a field the check requires cannot be left out, and a shape must agree field by field', () => {
    // @ts-expect-error firstRow is required by matchRows's check, so a request without it does not compile
    const missing: RequestOf<ContentToWorker, 'matchRows'> = { adapterId: 'arxiv', pageKind: 'listing', refs: [] };
    // @ts-expect-error a check without one of the shape's optional fields does not agree with it
    sameShape<{ key: string }, { key: string; title?: string }>(true);
    sameShape<{ key: string; title?: string }, { key: string; title?: string }>(true);
    expect(missing).toBeDefined();
  });
});
