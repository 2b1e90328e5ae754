// Typed senders and listeners, one pair per direction of protocol.ts; errors come back as values.
import browser from 'webextension-polyfill';
import {
  type ContentToWorker,
  type Envelope,
  type HandlersOf,
  type MessageMap,
  type PagesToWorker,
  type RequestOf,
  type ResponseOf,
  type Result,
  TO_TAB,
  type ToTab,
  WORKER_TO_PAGES,
  type WorkerToPages,
} from './protocol.ts';
import type { PageScan, SavedPaper } from './shapes.ts';

/**
 * A message that reaches a service worker while Chrome is stopping it fails with "Could not establish connection.
 * Receiving end does not exist."; the next attempt starts a new worker, so such failures are retried after these waits.
 */
const RECONNECT_WAITS_MS = [50, 200, 800];
const NO_RECEIVER = /Could not establish connection|Receiving end does not exist/i;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function sendToWorker<M extends MessageMap, K extends keyof M & string>(type: K, request: RequestOf<M, K>): Promise<Result<ResponseOf<M, K>>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage({ type, request })) as Result<ResponseOf<M, K>> | undefined;
      return reply ?? { ok: false, error: `No answer to ${type}` };
    } catch (error) {
      const wait = RECONNECT_WAITS_MS[attempt];
      if (wait === undefined || !NO_RECEIVER.test(messageOf(error))) return { ok: false, error: messageOf(error) };
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** A content script asks the worker (it may send only what CONTENT_TO_WORKER lists). */
export function sendFromContent<K extends keyof ContentToWorker & string>(type: K, request: RequestOf<ContentToWorker, K>) {
  return sendToWorker<ContentToWorker, K>(type, request);
}

/** An extension page asks the worker. */
export function send<K extends keyof PagesToWorker & string>(type: K, request: RequestOf<PagesToWorker, K>) {
  return sendToWorker<PagesToWorker, K>(type, request);
}

/** Like `send`, but throws the error text: for UI code that shows failures in one place. */
export async function call<K extends keyof PagesToWorker & string>(type: K, request: RequestOf<PagesToWorker, K>): Promise<ResponseOf<PagesToWorker, K>> {
  const result = await send(type, request);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The whole saved library, newest first, asked for in as many messages as it needs (`listSaved` answers in parts). */
export async function listAllSaved(): Promise<SavedPaper[]> {
  const papers: SavedPaper[] = [];
  const seen = new Set<string>();
  for (let from = 0; ; ) {
    const page = await call('listSaved', { from });
    if (page.length === 0) return papers;
    from += page.length;
    // A paper saved between two parts shifts the list by one: keep each paper once.
    for (const paper of page) {
      if (seen.has(paper.key)) continue;
      seen.add(paper.key);
      papers.push(paper);
    }
  }
}

/** The worker or an extension page asks one tab's content script; a tab with none (not a supported page) answers an error. */
export async function askTab<K extends keyof ToTab & string>(tabId: number, type: K, request: RequestOf<ToTab, K>): Promise<Result<ResponseOf<ToTab, K>>> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type, request })) as Result<ResponseOf<ToTab, K>> | undefined;
    return reply ?? { ok: false, error: `No answer to ${type}` };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** What a tab's page shows, as its content script keeps it; undefined for a tab with no scan (or no content script). */
export async function describeTab(tabId: number): Promise<PageScan | undefined> {
  const answer = await askTab(tabId, 'describePage', {});
  return answer.ok ? answer.value.scan : undefined;
}

/** The worker tells the extension's open pages; none may be open, which is fine. */
export function notifyPages<K extends keyof WorkerToPages & string>(type: K, request: RequestOf<WorkerToPages, K>): void {
  browser.runtime.sendMessage({ type, request }).catch(() => undefined);
}

type Sender = browser.Runtime.MessageSender;

/** Whether a message comes from the extension's own pages or worker, not from a content script in a web page. */
export function fromExtension(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

/**
 * Answers messages of `map` that pass `allowed`, each checked at run time before its handler sees it; everything else is
 * left to other listeners. Returns the unsubscribe.
 */
function listen<M extends MessageMap>(map: M, handlers: Partial<HandlersOf<M, Sender>>, allowed: (sender: Sender) => boolean): () => void {
  const listener = (message: unknown, sender: Sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(map, type) || !allowed(sender)) return undefined;
    const handler = handlers[type as keyof M] as ((request: unknown, sender: Sender) => Promise<unknown>) | undefined;
    if (!handler) return undefined;
    let request: unknown;
    try {
      request = map[type]!.check((message as Envelope<M>).request, '');
    } catch (error) {
      return Promise.resolve({ ok: false, error: messageOf(error) });
    }
    return handler(request, sender).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: messageOf(error) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** A content script answers what the worker and the extension's pages ask of its tab (nothing from web pages). */
export function listenAsTab(handlers: Partial<HandlersOf<ToTab, Sender>>): () => void {
  return listen(TO_TAB, handlers, (sender) => sender.id === browser.runtime.id && !sender.tab);
}

/** An extension page hears the worker's news (never a content script's). */
export function listenToWorker(handlers: Partial<HandlersOf<WorkerToPages, Sender>>): () => void {
  return listen(WORKER_TO_PAGES, handlers, fromExtension);
}
