// What content scripts get for `webextension-polyfill` (vite.config.ts aliases it in their builds only): the browser's
// own promise-based API, with the one thing Chrome lacks added. The polyfill is about 3 KB of each site's gzipped
// script, yet a content script uses only runtime.sendMessage, runtime.onMessage, runtime.id / getURL and
// i18n.getMessage. Firefox has them all as `browser`; Chrome has them as `chrome`, promise-based since MV3, except that
// a message listener there cannot answer by returning a promise: it answers through sendResponse.

type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;
type NativeListener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean | Promise<unknown> | undefined;

interface NativeApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: NativeListener): void; removeListener(listener: NativeListener): void };
  };
  i18n: { getMessage(name: string, substitutions?: string[]): string };
}

/** A listener that answers with a promise, made one that answers through sendResponse (what Chrome understands). */
export function answeringBySendResponse(listener: Listener): NativeListener {
  return (message, sender, sendResponse) => {
    const answer = listener(message, sender);
    if (!answer) return undefined;
    answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }));
    // Keeps the channel open until the answer is sent.
    return true;
  };
}

/** The API as the polyfill's callers use it, over Chrome's `chrome` (Firefox's `browser` is that already). */
export function promisingApi(native: NativeApi): NativeApi {
  const wrapped = new Map<Listener, NativeListener>();
  return {
    i18n: native.i18n,
    runtime: {
      get id() {
        return native.runtime.id;
      },
      getURL: (path) => native.runtime.getURL(path),
      sendMessage: (message) => native.runtime.sendMessage(message),
      onMessage: {
        addListener(listener) {
          const answering = answeringBySendResponse(listener as Listener);
          wrapped.set(listener as Listener, answering);
          native.runtime.onMessage.addListener(answering);
        },
        removeListener(listener) {
          const answering = wrapped.get(listener as Listener);
          if (!answering) return;
          wrapped.delete(listener as Listener);
          native.runtime.onMessage.removeListener(answering);
        },
      },
    },
  };
}

const scope = globalThis as { browser?: NativeApi; chrome?: NativeApi };

// Neither exists outside an extension (unit tests import the functions above only).
const api = (scope.browser?.runtime?.id ? scope.browser : scope.chrome && promisingApi(scope.chrome)) as NativeApi;

export default api;
