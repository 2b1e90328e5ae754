// The service worker: validates every message, answers from the catalogue index and the user's tables.
import browser from 'webextension-polyfill';
import { PaperscopeDatabase } from '../db/database.ts';
import { clampRef, requestChecks, type Envelope, type MessageName, type Result } from '../messaging/protocol.ts';
import { InvalidRequest } from '../messaging/validate.ts';
import { wordsOf } from '../messaging/wordedError.ts';
import { t } from '../shared/i18n.ts';
import { CatalogueService } from './catalogueService.ts';
import { createHandlers, type HandlerContext } from './handlers.ts';
import { runCommand } from './commands.ts';
import { paperFromLink, SAVE_LINK_MENU_ID, saveLinkMenuTitle } from './contextMenu.ts';
import { forgetTab, pickedPaper, tabScan } from './tabState.ts';

const db = new PaperscopeDatabase();
const catalogue = new CatalogueService(db);
const handlers = createHandlers(db, catalogue);

async function answer(message: unknown, context: HandlerContext): Promise<Result<unknown>> {
  const type = (message as Partial<Envelope> | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(requestChecks, type)) {
    return { ok: false, error: `unknown message ${JSON.stringify(String(type)).slice(0, 60)}` };
  }
  const name = type as MessageName;
  try {
    const request = requestChecks[name]((message as Envelope).request, '');
    const handler = handlers[name] as (request: unknown, context: HandlerContext) => Promise<unknown>;
    return { ok: true, value: await handler(request, context) };
  } catch (error) {
    // Errors that name their message cross in the user's language; the rest (checks, storage) as they are.
    const words = wordsOf(error);
    const text = words ? t(words.name, words.substitutions) : error instanceof Error ? error.message : String(error);
    if (!(error instanceof InvalidRequest)) console.error(`paperscope: ${name} failed`, error);
    return { ok: false, error: text };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only our own extension's pages and content scripts may talk to the worker.
  if (sender.id !== browser.runtime.id) return undefined;
  return answer(message, { tabId: sender.tab?.id });
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});

// Install the bundled catalogue on install and update; on every other wake, index on first use.
browser.runtime.onInstalled.addListener(() => {
  catalogue.index().catch((error) => console.error('paperscope: catalogue install failed', error));
  // Menus outlive the worker: created once per install or update, on links of the supported sites only.
  void browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: SAVE_LINK_MENU_ID,
        title: saveLinkMenuTitle(),
        contexts: ['link'],
        documentUrlPatterns: browser.runtime.getManifest().host_permissions ?? [],
      }),
    )
    .catch((error) => console.error('paperscope: context menu failed', error));
});

const savePaper = (paper: Parameters<typeof clampRef>[0]) => handlers.setSaved({ paper: clampRef(paper), saved: true }, {});

browser.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId !== SAVE_LINK_MENU_ID || !info.linkUrl) return;
  const linkUrl = info.linkUrl;
  // linkText is Firefox's; Chrome gives only the url.
  const linkText = (info as { linkText?: string }).linkText;
  void catalogue
    .index()
    .then((index) => {
      const paper = paperFromLink(linkUrl, linkText, (ref) => index.match(ref));
      return paper ? savePaper(paper) : undefined;
    })
    .catch((error) => console.error('paperscope: saving the linked paper failed', error));
});

browser.commands.onCommand.addListener((command, tab) => {
  void (async () => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    await runCommand({ tabScan, pickedPaper, save: savePaper }, command, tabId);
  })().catch((error) => console.error(`paperscope: command ${command} failed`, error));
});
