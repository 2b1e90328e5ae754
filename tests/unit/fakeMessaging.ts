// A fake of the extension's messaging for page tests: requests to the worker (`runtime.sendMessage`) and to a tab
// (`tabs.sendMessage`, whose handlers also get the `tabId`) go to the handlers a test registers by message type, answers
// come back as Result values, and every call is recorded; `fromWorker` delivers the worker's news to the page's listeners.
type Handler = (request: any) => unknown;
type Listener = (message: unknown, sender: { id: string; url: string }) => unknown;

export const FAKE_EXTENSION_ID = 'paperscope-test';
const EXTENSION_URL = `chrome-extension://${FAKE_EXTENSION_ID}/`;

export function fakeMessaging() {
  const handlers: Record<string, Handler> = {};
  const calls: { type: string; request: unknown }[] = [];
  const listeners = new Set<Listener>();
  const answer = async (type: string, request: unknown) => {
    calls.push({ type, request });
    const handler = handlers[type];
    if (!handler) return { ok: false, error: `no handler for ${type}` };
    try {
      return { ok: true, value: await handler(request) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };
  const sendMessage = ({ type, request }: { type: string; request: unknown }) => answer(type, request);
  const sendTabMessage = (tabId: number, { type, request }: { type: string; request: object }) => answer(type, { ...request, tabId });
  /** What the worker's `runtime.sendMessage` would deliver to the page's `runtime.onMessage` listeners. */
  const fromWorker = (type: string, request: unknown) => {
    for (const listener of listeners) listener({ type, request }, { id: FAKE_EXTENSION_ID, url: `${EXTENSION_URL}service-worker-loader.js` });
  };
  const runtime = {
    id: FAKE_EXTENSION_ID,
    getURL: (path: string) => EXTENSION_URL + path,
    sendMessage,
    onMessage: { addListener: (l: Listener) => void listeners.add(l), removeListener: (l: Listener) => void listeners.delete(l) },
  };
  return { handlers, calls, sendMessage, sendTabMessage, fromWorker, runtime, listeners };
}
