// The handler maps of the worker, one per direction it answers, and what a handler learns of its sender.
import type { ContentToWorker, HandlersOf, PagesToWorker } from '../../messaging/protocol.ts';

export interface HandlerContext {
  /** The tab the message came from: a content script's, or the tab an extension page sits in. */
  tabId?: number;
  /** The sender's tab is in a private (incognito) window: nothing of it is remembered. */
  incognito?: boolean;
  /** The page (frame) the message came from. */
  url?: string;
}

export type ContentHandlers = HandlersOf<ContentToWorker, HandlerContext>;
export type PageHandlers = HandlersOf<PagesToWorker, HandlerContext>;
