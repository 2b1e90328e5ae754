// Launches Debian's Chromium with the built extension loaded, and serves fixture pages under real site URLs.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CDPSession, chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PagesToWorker, RequestOf, ResponseOf, Result } from '../../src/messaging/protocol.ts';

export const CHROME_DIST = resolve(process.cwd(), process.env.PAPERSCOPE_DIST ?? 'dist', 'chrome');
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  pageUrl(path: string): string;
  close(): Promise<void>;
}

export function chromiumPath(): string {
  const found = CHROMIUM_PATHS.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium is not installed: apt-get install -y chromium');
  return found;
}

/** The page the worker opens once after install (src/background/index.ts). */
export const FIRST_RUN_PAGE = 'src/ui/welcome/index.html';

export interface LaunchOptions {
  /**
   * Leave the first-run tab open. By default a fresh profile's first-run tab is waited for and closed, so that it takes
   * no test's "active tab" or "new tab" (tests/e2e/firstRun.test.ts checks the page itself).
   */
  keepFirstRunPage?: boolean;
  /**
   * The browser's default font size in px (Settings > Appearance > Font size; Chromium's own default is 16), written
   * into a fresh profile's preferences before the first start, as the settings page would store it.
   */
  defaultFontSize?: number;
  /** Another build's dist/chrome to load (a benchmark's baseline build), instead of this tree's. */
  dist?: string;
}

export async function launchWithExtension(profileDir = mkdtempSync(join(tmpdir(), 'paperscope-chromium-')), options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? CHROME_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run npm run build first`);
  // A profile Chromium has never run is a fresh install: the extension opens its first-run page.
  const freshInstall = !existsSync(join(profileDir, 'Default'));
  if (options.defaultFontSize !== undefined) {
    if (!freshInstall) throw new Error('defaultFontSize is only written into a fresh profile');
    mkdirSync(join(profileDir, 'Default'));
    writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: options.defaultFontSize } } }));
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
  });
  // Nothing in these tests may reach the network: anything not routed by a test is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (freshInstall && !options.keepFirstRunPage) await (await firstRunPageOf(context, extensionId)).close();
  return {
    context,
    worker,
    extensionId,
    profileDir,
    pageUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    close: () => context.close(),
  };
}

/** The extension's first-run tab, once it has opened (it opens on its own, from the worker's onInstalled). */
export async function firstRunPageOf(context: BrowserContext, extensionId: string, timeoutMs = 30_000): Promise<Page> {
  const url = `chrome-extension://${extensionId}/${FIRST_RUN_PAGE}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    // Polled: a tab the extension opens is announced before it has navigated to its address.
    const page = context.pages().find((p) => p.url().startsWith(url));
    if (page) return page;
    if (Date.now() > until) throw new Error(`the first-run page did not open within ${timeoutMs} ms; tabs: ${context.pages().map((p) => p.url())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the options page and starts importing `path` as the catalogue (replacing it, or merged in); answers the page, the import under way. */
export async function startCatalogueImport(browser: ExtensionBrowser, path: string, mode: 'replace' | 'merge' = 'replace'): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(browser.pageUrl('src/ui/options/index.html'));
  await options.setInputFiles('input[data-control=catalogue-file]', path);
  await options.check(`input[name=import-mode][value=${mode}]`);
  await options.click('button[data-action=import]');
  return options;
}

/** Serve `html` whenever the browser asks for `url` (exact, ignoring the query string unless given). */
export async function serveAt(context: BrowserContext, url: string, html: string): Promise<void> {
  const target = new URL(url);
  await context.route(
    (u) => u.origin === target.origin && u.pathname === target.pathname,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export function fixture(path: string): string {
  return readFileSync(resolve(process.cwd(), 'tests/fixtures', path), 'utf8');
}

/** The ids of the browser's open tabs, as the extension's worker sees them. */
const tabIds = (browser: ExtensionBrowser) => browser.worker.evaluate(async () => ((await (globalThis as any).chrome.tabs.query({})) as Array<{ id: number }>).map((t) => t.id));

/**
 * Opens a fixture listing (`tests/fixtures/<name>.html` under the URL its `.json` names) in a new tab, waits for all its
 * badges, and answers the page with the tab's id in the browser, which the popup takes as `?tabId=` when it is opened
 * as a page rather than over the tab.
 */
export async function openListingTab(browser: ExtensionBrowser, name = 'arxiv/list-new'): Promise<{ page: Page; tabId: number }> {
  const listing = JSON.parse(fixture(`${name}.json`)) as { url: string; rows: unknown[] };
  await serveAt(browser.context, listing.url, fixture(`${name}.html`));
  const before = new Set(await tabIds(browser));
  const page = await browser.context.newPage();
  await page.goto(listing.url);
  await waitForBadges(page, listing.rows.length);
  const tabId = (await tabIds(browser)).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error(`no new tab was found for ${listing.url}`);
  return { page, tabId };
}

/**
 * Badges keep their state in a closed shadow root, which no page script (and no Playwright locator) can enter. Tests read
 * it through the browser's debugging protocol: Chromium's CDP here (`DOM.getDocument` with `pierce: true`), Firefox's
 * remote debugging protocol for a context that firefox.ts registers in `badgeInsides`.
 */
export interface BadgeInfo {
  key: string | null;
  inCatalogue: string | null;
  saved: string | null;
  tags: string[];
  /** Each tag chip's tooltip (null without one), in the order of `tags`; read by the Chromium reader. */
  tagTooltips?: Array<string | null>;
  /** The row's title text as the page has it (without the badge). */
  title: string;
  /** The save button's aria-pressed, null without a save button. */
  savePressed: string | null;
  hasRelated: boolean;
  /** The "new" mark: 'true' shown, 'false' its place kept but hidden, null no mark (paper page, nothing remembered). */
  isNew?: string | null;
  /**
   * The "for you" mark: its level (null when its place is kept but hidden) and its accessible name (the reason); null
   * no mark (the library is too small to learn from).
   */
  forYou?: { level: string | null; label: string | null } | null;
}

export type BadgeButton = 'save' | 'related';

/** How a test reads inside badges of one browser context, and where on screen a badge's button is. */
export interface BadgeInside {
  read(page: Page): Promise<BadgeInfo[]>;
  /** Scrolls the button of the first badge of `key` into view; its centre, in the page's CSS pixels. */
  buttonCentre(page: Page, key: string, button: BadgeButton): Promise<{ x: number; y: number }>;
}

/** Non-Chromium contexts (Firefox) say how they read badges; Chromium's is the default. */
export const badgeInsides = new WeakMap<BrowserContext, BadgeInside>();

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const attributeOf = (node: CdpNode, name: string): string | null => {
  const at = node.attributes?.findIndex((value, i) => i % 2 === 0 && value === name) ?? -1;
  return at >= 0 ? node.attributes![at + 1]! : null;
};

/** A node's text as textContent has it: its light-DOM text, nothing of shadow roots. */
function lightText(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return (node.children ?? []).map(lightText).join('');
}

/** Every element in and under `node`, shadow roots included, each with its parent. */
function* descendants(node: CdpNode, parent?: CdpNode): Generator<[CdpNode, CdpNode | undefined]> {
  yield [node, parent];
  for (const child of node.children ?? []) yield* descendants(child, node);
  for (const root of node.shadowRoots ?? []) yield* descendants(root, node);
  if (node.contentDocument) yield* descendants(node.contentDocument, node);
}

interface CdpBadge {
  info: BadgeInfo;
  buttons: Partial<Record<BadgeButton, number>>;
}

async function cdpBadges(page: Page): Promise<CdpBadge[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const badges: CdpBadge[] = [];
    for (const [host, parent] of descendants(root)) {
      if (host.localName !== 'paperscope-badge') continue;
      const inside = [...descendants(host.shadowRoots?.[0] ?? { nodeType: 11, backendNodeId: 0 })].map(([n]) => n);
      const state = inside.find((n) => attributeOf(n, 'data-saved') !== null);
      const part = (name: string) => inside.filter((n) => attributeOf(n, 'part') === name);
      const save = part('save')[0];
      const related = part('related')[0];
      const newMark = part('new')[0];
      const forYou = part('for-you')[0];
      badges.push({
        info: {
          key: attributeOf(host, 'data-paper-key'),
          inCatalogue: state ? attributeOf(state, 'data-in-catalogue') : null,
          saved: state ? attributeOf(state, 'data-saved') : null,
          tags: part('tag').map(lightText),
          tagTooltips: part('tag').map((n) => attributeOf(n, 'title')),
          title: (parent ? lightText(parent) : '').replace(/\s+/g, ' ').trim(),
          savePressed: save ? attributeOf(save, 'aria-pressed') : null,
          hasRelated: !!related,
          isNew: newMark ? String(attributeOf(newMark, 'data-new') !== null) : null,
          forYou: forYou ? { level: attributeOf(forYou, 'data-level'), label: attributeOf(forYou, 'aria-label') } : null,
        },
        buttons: { ...(save ? { save: save.backendNodeId } : {}), ...(related ? { related: related.backendNodeId } : {}) },
      });
    }
    return badges;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const chromiumInside: BadgeInside = {
  read: async (page) => (await cdpBadges(page)).map((b) => b.info),
  async buttonCentre(page, key, button) {
    const backendNodeId = (await cdpBadges(page)).find((b) => b.info.key === key)?.buttons[button];
    if (!backendNodeId) throw new Error(`no ${button} button on the badge of ${key}`);
    const cdp = await page.context().newCDPSession(page);
    try {
      const centre = async () => {
        const quad = (await cdp.send('DOM.getContentQuads', { backendNodeId })).quads[0]!;
        return { x: (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4, y: (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4 };
      };
      // Badges scrolled into view lay out anew (content-visibility: auto), moving what follows: wait until it holds still.
      let before = { x: Number.NaN, y: Number.NaN };
      for (let i = 0; i < 20; i++) {
        await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const now = await centre();
        if (now.x === before.x && now.y === before.y) return now;
        before = now;
      }
      return before;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  },
};

const insideOf = (page: Page) => badgeInsides.get(page.context()) ?? chromiumInside;

/** Every badge of the page in page order, read inside its closed shadow root. */
export function readBadges(page: Page): Promise<BadgeInfo[]> {
  return insideOf(page).read(page);
}

/** Polls the page's badges until `done` holds of them; answers them. */
export async function waitForBadgesTo(page: Page, done: (badges: BadgeInfo[]) => boolean, what: string, timeoutMs = 15_000): Promise<BadgeInfo[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const badges = await readBadges(page);
    if (done(badges)) return badges;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the badges: ${JSON.stringify(badges.map((b) => [b.key, b.saved, b.tags.length]))}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the page shows `count` badges that have received their tags from the background. */
export async function waitForBadges(page: Page, count: number, timeoutMs = 15_000): Promise<void> {
  await waitForBadgesTo(page, (badges) => badges.length === count && badges.every((b) => b.tags.length > 0), `${count} tagged badges`, timeoutMs);
}

/** Waits until the badge of `key` shows it saved (or not). */
export async function waitForBadgeSaved(page: Page, key: string, saved: boolean, timeoutMs = 15_000): Promise<void> {
  await waitForBadgesTo(page, (badges) => badges.some((b) => b.key === key && b.saved === String(saved)), `${key} shown ${saved ? 'saved' : 'not saved'}`, timeoutMs);
}

/** Clicks a badge's button as the user does (a trusted click at its place on screen: locators cannot enter the root). */
export async function clickBadgeButton(page: Page, key: string, button: BadgeButton): Promise<void> {
  const { x, y } = await insideOf(page).buttonCentre(page, key, button);
  await page.mouse.click(x, y);
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle (Playwright keeps it alive otherwise),
 * and resolves once it is stopped. `page` is any page of the context, used for the CDP session.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const versions = new Map<string, { runningStatus: string; scriptURL: string }>();
    cdp.on(
      'ServiceWorker.workerVersionUpdated' as never,
      ((event: { versions: Array<{ versionId: string; runningStatus: string; scriptURL: string }> }) => {
        for (const v of event.versions) versions.set(v.versionId, v);
      }) as never,
    );
    await cdp.send('ServiceWorker.enable');
    const ours = () => [...versions].filter(([, v]) => v.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`));
    const live = () => ours().filter(([, v]) => v.runningStatus !== 'stopped');
    // Wake it first if needed, so there is a running version to stop (a worker may be starting or stopping).
    for (let i = 0; i < 100 && !ours().some(([, v]) => v.runningStatus === 'running'); i++) await page.waitForTimeout(20);
    for (let attempt = 0; attempt < 5 && live().length; attempt++) {
      for (const [versionId, v] of live()) if (v.runningStatus === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId }).catch(() => undefined);
      for (let i = 0; i < 50 && live().length; i++) await page.waitForTimeout(20);
    }
    if (live().length)
      throw new Error(
        `the service worker did not stop (${live()
          .map(([, v]) => v.runningStatus)
          .join(', ')})`,
      );
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The world of the extension's content script on a page, reached through CDP, to evaluate in as many times as needed. */
export interface ContentScriptWorld {
  /** Evaluates `expression` (an async function's source, called with no arguments) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

/** Finds the world of the extension's content script on `page`: what a content script may send the worker, exactly. */
export async function contentScriptWorld(browser: ExtensionBrowser, page: Page): Promise<ContentScriptWorld> {
  const cdp = await browser.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`);
  if (!world) {
    await cdp.detach();
    throw new Error(`no content script world on ${page.url()}: ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData?.type]))}`);
  }
  return {
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: `(${expression})()`, contextId: world.id, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(`in the content script: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as T;
    },
    detach: () => cdp.detach(),
  };
}

/** Evaluates `expression` once in the world of the extension's content script on `page` (see contentScriptWorld). */
export async function inContentScript<T>(browser: ExtensionBrowser, page: Page, expression: string): Promise<T> {
  const world = await contentScriptWorld(browser, page);
  try {
    return await world.evaluate<T>(expression);
  } finally {
    await world.detach();
  }
}

/** Asks the worker from one of the extension's own pages (`page`), as those pages do; throws its error. */
export async function askWorker<K extends keyof PagesToWorker & string>(page: Page, type: K, request: RequestOf<PagesToWorker, K>): Promise<ResponseOf<PagesToWorker, K>> {
  const result = (await page.evaluate(([type, request]) => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.sendMessage({ type, request }), [
    type,
    request,
  ] as const)) as Result<ResponseOf<PagesToWorker, K>>;
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.value;
}

/** The keys of the saved library, sorted, asked from an extension page. */
export async function savedKeysOf(page: Page): Promise<string[]> {
  return (await askWorker(page, 'listSaved', {})).map((p) => p.key).sort();
}

/** The toolbar popup, driven through CDP: evaluate in it, or click in it as a person would (real mouse events, so a user gesture). */
export interface ActionPopup {
  evaluate(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
}

/**
 * The extension's real toolbar popup for the tab showing `page`, opened as a click on the toolbar button would
 * (CDP Extensions.triggerAction), which is also what grants activeTab. Playwright does not attach to action popups,
 * so the popup is driven through the browser's CDP session.
 */
export async function openActionPopup(cdp: CDPSession, extensionId: string, page: Page): Promise<ActionPopup> {
  const { targetInfos: tabs } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = tabs.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target shows ${page.url()}`);
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  let popupId: string | undefined;
  for (let i = 0; i < 100 && !popupId; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    popupId = targetInfos.find((t) => t.type === 'page' && t.url === `chrome-extension://${extensionId}/src/ui/popup/index.html`)?.targetId;
    if (!popupId) await new Promise((r) => setTimeout(r, 50));
  }
  if (!popupId) throw new Error('the action popup did not open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: popupId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, (reply: { result?: { result?: { value?: unknown } }; error?: unknown }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  const send = (method: string, params: Record<string, unknown>) =>
    new Promise<{ result?: { value?: unknown } } | undefined>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (reply) => (reply.error ? reject(new Error(JSON.stringify(reply.error))) : resolve(reply.result)));
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const evaluate = async (expression: string) => (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }))?.result?.value;
  return {
    evaluate,
    async click(selector) {
      const box = (await evaluate(
        `(() => { const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect(); return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
      )) as { x: number; y: number } | undefined;
      if (!box) throw new Error(`nothing in the popup matches ${selector}`);
      for (const type of ['mousePressed', 'mouseReleased']) await send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
    },
  };
}

/**
 * Writes into a closed profile that the user has granted the extension these hosts, where Chromium keeps a grant (the
 * extension's granted and active permissions in Default/Preferences). Headless Chromium cannot show the permission
 * prompt, and has no switch that answers it: with the grant recorded, `permissions.request` for those hosts resolves
 * true at once, still only inside a user gesture, as it does for a person who allowed them before.
 */
export function grantHostsInProfile(profileDir: string, extensionId: string, patterns: readonly string[]): void {
  const path = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(path, 'utf8')) as { extensions?: { settings?: Record<string, Record<string, { explicit_host?: string[] }>> } };
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`the profile has no settings for extension ${extensionId}`);
  for (const field of ['granted_permissions', 'active_permissions']) {
    const record = (settings[field] ??= {});
    record.explicit_host = [...new Set([...(record.explicit_host ?? []), ...patterns])];
  }
  writeFileSync(path, JSON.stringify(prefs));
}

/** `probe`'s first truthy answer, asked every 100 ms; an error naming `what` after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
