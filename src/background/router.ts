// Which messages the worker answers, and from whom: a content script (page-derived data) may send only what
// CONTENT_TO_WORKER lists, the extension's own pages what PAGES_TO_WORKER lists; every request is checked before its
// handler sees it, and every failure is answered as a value.
import browser from 'webextension-polyfill';
import { isStorageError, userWriteFailure } from '../db/storageErrors.ts';
import { fromExtension } from '../messaging/client.ts';
import { CONTENT_TO_WORKER, type MessageMap, PAGES_TO_WORKER, type Result, WORKER_TO_PAGES } from '../messaging/protocol.ts';
import { InvalidRequest } from '../messaging/validate.ts';
import { wordsOf } from '../messaging/wordedError.ts';
import { t } from '../shared/i18n.ts';
import { catalogueHandlers } from './handlers/catalogue.ts';
import type { ContentHandlers, HandlerContext, PageHandlers } from './handlers/context.ts';
import { interestHandlers } from './handlers/interests.ts';
import { libraryHandlers } from './handlers/library.ts';
import { linksHandlers } from './handlers/links.ts';
import { pagePaperHandlers } from './handlers/pagePapers.ts';
import { relatedHandlers } from './handlers/related.ts';
import { seenHandlers } from './handlers/seen.ts';
import { siteHandlers } from './handlers/sites.ts';
import { taxonomyHandlers } from './handlers/taxonomy.ts';
import type { WorkerServices } from './services.ts';

export function createHandlers(services: WorkerServices): { content: ContentHandlers; pages: PageHandlers } {
  const library = libraryHandlers(services);
  const related = relatedHandlers(services);
  const { hideFeedBar, ...sites } = siteHandlers(services);
  const pages: PageHandlers = {
    ...library,
    ...related,
    ...catalogueHandlers(services),
    ...sites,
    ...taxonomyHandlers(services),
    ...seenHandlers(services),
    ...interestHandlers(services),
    ...linksHandlers(services),
  };
  const content: ContentHandlers = { ...pagePaperHandlers(services), setSaved: library.setSaved, pickPaper: related.pickPaper, hideFeedBar };
  return { content, pages };
}

type AnyHandler = (request: unknown, context: HandlerContext) => Promise<unknown>;

async function answerWith(map: MessageMap, handlers: Record<string, AnyHandler>, type: string, request: unknown, context: HandlerContext): Promise<Result<unknown>> {
  try {
    const checked = map[type]!.check(request, '');
    return { ok: true, value: await handlers[type]!(checked, context) };
  } catch (error) {
    // Errors that name their message cross in the user's language, and so do the browser's storage failures (a full
    // disk, a database that would not open); the rest (checks) as they are.
    const words = wordsOf(error) ?? (isStorageError(error) ? userWriteFailure(error).words : undefined);
    const text = words ? t(words.name, words.substitutions) : error instanceof Error ? error.message : String(error);
    if (!(error instanceof InvalidRequest)) console.error(`paperscope: ${type} failed`, error);
    return { ok: false, error: text };
  }
}

/** The worker's one answer to a message: refused unless its sender may send it in that direction. */
export function createRouter(typed: { content: ContentHandlers; pages: PageHandlers }) {
  const handlers = typed as unknown as { content: Record<string, AnyHandler>; pages: Record<string, AnyHandler> };
  return function route(message: unknown, sender: browser.Runtime.MessageSender): Promise<Result<unknown>> | undefined {
    // Only this extension's pages and content scripts are heard.
    if (sender.id !== browser.runtime.id) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    const name = JSON.stringify(String(type)).slice(0, 60);
    const context: HandlerContext = { tabId: sender.tab?.id, incognito: sender.tab?.incognito === true, url: sender.url ?? sender.tab?.url };
    if (typeof type !== 'string') return Promise.resolve({ ok: false, error: `unknown message ${name}` });
    const request = (message as { request?: unknown }).request;
    if (fromExtension(sender)) {
      if (Object.hasOwn(PAGES_TO_WORKER, type)) return answerWith(PAGES_TO_WORKER, handlers.pages, type, request, context);
      // News for the pages (paperPicked, tabScanned) is no request: the pages hear it, the worker stays out.
      if (Object.hasOwn(WORKER_TO_PAGES, type)) return undefined;
      return Promise.resolve({ ok: false, error: `unknown message ${name}` });
    }
    if (!sender.tab) return undefined;
    if (Object.hasOwn(CONTENT_TO_WORKER, type)) return answerWith(CONTENT_TO_WORKER, handlers.content, type, request, context);
    const known = Object.hasOwn(PAGES_TO_WORKER, type);
    return Promise.resolve({ ok: false, error: known ? `${type} may not be sent from a web page` : `unknown message ${name}` });
  };
}
