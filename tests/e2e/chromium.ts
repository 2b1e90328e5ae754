// Launches Debian's Chromium with the built extension loaded, and serves fixture pages under real site URLs.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

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

export async function launchWithExtension(profileDir = mkdtempSync(join(tmpdir(), 'paperscope-chromium-'))): Promise<ExtensionBrowser> {
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) throw new Error('dist/chrome is missing: run npm run build first');
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
      `--disable-extensions-except=${CHROME_DIST}`,
      `--load-extension=${CHROME_DIST}`,
    ],
  });
  // Nothing in these tests may reach the network: anything not routed by a test is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    pageUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    close: () => context.close(),
  };
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

/** Waits until the page shows `count` badges that have received their tags from the background. */
export async function waitForBadges(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const badges = [...document.querySelectorAll('paperscope-badge')];
      return badges.length === n && badges.every((b) => b.shadowRoot?.querySelector('[part=tag]'));
    },
    count,
    { timeout: 15_000 },
  );
}

export interface BadgeInfo {
  key: string | null;
  inCatalogue: string | null;
  saved: string | null;
  tags: string[];
  title: string;
}

export function readBadges(page: Page): Promise<BadgeInfo[]> {
  return page.$$eval('paperscope-badge', (badges) =>
    badges.map((b) => ({
      key: b.getAttribute('data-paper-key'),
      inCatalogue: b.getAttribute('data-in-catalogue'),
      saved: b.getAttribute('data-saved'),
      tags: [...(b.shadowRoot?.querySelectorAll('[part=tag]') ?? [])].map((t) => t.textContent ?? ''),
      title: (b.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
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
