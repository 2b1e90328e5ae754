// The service worker: routes every message by its sender's direction, answers from the catalogue index and the user's
// tables, and wires the browser's events (install, context menu, keyboard commands).
import browser from 'webextension-polyfill';
import type { PaperRef } from '../core/paper.ts';
import { CatalogueDatabase, UserDatabase } from '../db/database.ts';
import { describeTab } from '../messaging/client.ts';
import { clampRef } from '../messaging/shapes.ts';
import { CatalogueService } from './catalogueService.ts';
import { PAPER_SECTIONS } from '../core/catalogue/sectionGroups.ts';
import { runCommand } from './commands.ts';
import { paperFromLink, SAVE_LINK_MENU_ID, saveLinkMenuTitle } from './contextMenu.ts';
import { openFirstRunOnce } from './firstRun.ts';
import { pickedPaper } from './pickedPaper.ts';
import { createHandlers, createRouter } from './router.ts';
import { createServices } from './services.ts';

const userDb = new UserDatabase();
const catalogueDb = new CatalogueDatabase();
const catalogue = new CatalogueService(catalogueDb);
const services = createServices(userDb, catalogueDb, catalogue);
const handlers = createHandlers(services);
const { pages } = handlers;

browser.runtime.onMessage.addListener(createRouter(handlers));

// Links anywhere: the registered script persists across wakes and browser sessions, so it is brought in line with the
// reader's choices and the permissions held only when those can have changed behind the worker's back: at install or
// update, at browser start, and when a permission is taken back in the browser's own settings (which drops that site's
// choice, and its tabs' badges). Never on an ordinary wake, whose path stays free of it.
const syncLinks = () => services.links.sync().catch((error) => console.error('paperscope: links anywhere did not sync', error));
browser.runtime.onStartup.addListener(() => void syncLinks());
browser.permissions.onRemoved.addListener(() => {
  void services.links
    .sync()
    .then(() => services.tellTabs({ type: 'settingsChanged', request: {} }))
    .catch((error) => console.error('paperscope: links anywhere did not sync', error));
});

// Install the bundled catalogue on install and update; on every other wake, index on first use.
browser.runtime.onInstalled.addListener(({ reason }) => {
  // The first-run page, once, on the first install (a worker that wakes again fires no onInstalled).
  void openFirstRunOnce(reason).catch((error) => console.error('paperscope: the first-run page did not open', error));
  void syncLinks();
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

const savePaper = (paper: PaperRef) => pages.setSaved({ paper: clampRef(paper), saved: true }, {});

browser.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId !== SAVE_LINK_MENU_ID || !info.linkUrl) return;
  const linkUrl = info.linkUrl;
  // linkText is Firefox's; Chrome gives only the url.
  const linkText = (info as { linkText?: string }).linkText;
  void catalogue
    .index()
    .then(async (index) => {
      await index.ensureSections(PAPER_SECTIONS); // the paper is saved as the catalogue knows it
      const paper = paperFromLink(linkUrl, linkText, (ref) => index.match(ref));
      return paper ? savePaper(paper) : undefined;
    })
    .catch((error) => console.error('paperscope: saving the linked paper failed', error));
});

browser.commands.onCommand.addListener((command, tab) => {
  void (async () => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    await runCommand({ pageScan: describeTab, pickedPaper, save: savePaper }, command, tabId);
  })().catch((error) => console.error(`paperscope: command ${command} failed`, error));
});
