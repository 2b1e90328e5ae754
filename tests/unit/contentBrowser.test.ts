// The content scripts' stand-in for webextension-polyfill: Chrome's `chrome` answered through sendResponse.
import { describe, expect, it, vi } from 'vitest';
import { answeringBySendResponse, promisingApi } from '../../src/content/contentBrowser.ts';

type NativeListener = Parameters<ReturnType<typeof promisingApi>['runtime']['onMessage']['addListener']>[0];

function fakeChrome() {
  const listeners = new Set<NativeListener>();
  return {
    listeners,
    api: {
      runtime: {
        id: 'extension-id',
        getURL: (path: string) => `chrome-extension://extension-id/${path}`,
        sendMessage: vi.fn(async (message: unknown) => ({ ok: true, value: message })),
        onMessage: { addListener: (l: NativeListener) => listeners.add(l), removeListener: (l: NativeListener) => listeners.delete(l) },
      },
      i18n: { getMessage: (name: string, subs?: string[]) => `${name}:${(subs ?? []).join(',')}` },
    },
  };
}

describe('content scripts without the polyfill', () => {
  it('answers a message through sendResponse, keeping the channel open, when the listener answers with a promise', async () => {
    const sendResponse = vi.fn();
    const native = answeringBySendResponse(async (message) => ({ ok: true, value: message }));
    expect(native({ type: 'describePage' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { type: 'describePage' } }));
  });

  it('leaves a message it does not answer to other listeners, and sends a failure as an error value', async () => {
    const sendResponse = vi.fn();
    expect(answeringBySendResponse(() => undefined)({}, {}, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
    expect(answeringBySendResponse(() => Promise.reject(new Error('no rows')))({}, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: 'no rows' }));
  });

  it('adds and removes the same listener on the browser, and passes the rest through', async () => {
    const chrome = fakeChrome();
    const api = promisingApi(chrome.api);
    const listener = async () => 'answer';
    api.runtime.onMessage.addListener(listener as never);
    expect(chrome.listeners.size).toBe(1);
    const sendResponse = vi.fn();
    expect([...chrome.listeners][0]!({}, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith('answer'));
    api.runtime.onMessage.removeListener(listener as never);
    expect(chrome.listeners.size).toBe(0);
    expect(api.runtime.id).toBe('extension-id');
    expect(api.runtime.getURL('x.html')).toBe('chrome-extension://extension-id/x.html');
    expect(api.i18n.getMessage('badgeSave', ['a'])).toBe('badgeSave:a');
    expect(await api.runtime.sendMessage({ type: 'matchRows' })).toEqual({ ok: true, value: { type: 'matchRows' } });
  });
});
