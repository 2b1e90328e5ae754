// `npm start`: opens Chromium with the built extension on a demo arXiv listing made from the seed catalogue.
// With a display it stays open for you to use; without one it saves screenshots and prints where.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_URL, demoEntries, demoListingHtml } from '../src/cli/demoPage.ts';
import { bundledPapers } from '../src/cli/bundled.ts';
import { chromiumPath, waitForBadges } from '../tests/e2e/chromium.ts';

const dist = resolve('dist/chrome');
const shotsDir = resolve('screenshots');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const catalogue = { papers: bundledPapers() };
const entries = demoEntries(catalogue.papers, 20);
const html = demoListingHtml(entries);

// One profile per build of the worker: Chromium keeps running an unpacked extension's previous service worker when its
// version did not change, so a new build starts a new profile (your saves last as long as the build does).
const workerBuild = createHash('sha256')
  .update(readFileSync(resolve(dist, 'service-worker-loader.js')))
  .digest('hex')
  .slice(0, 12);
const profile = resolve('.profiles', `start-${workerBuild}`);
mkdirSync(resolve('.profiles'), { recursive: true });
for (const old of readdirSync(resolve('.profiles'))) {
  if (old.startsWith('start') && resolve('.profiles', old) !== profile) rmSync(resolve('.profiles', old), { recursive: true, force: true });
}
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless,
  viewport: { width: 1280, height: 900 },
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
// The demo page is served from this machine under arXiv's URL; nothing else goes to the network.
await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
await context.route(
  (u) => u.href.startsWith(DEMO_URL),
  (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO_URL);
await waitForBadges(page, entries.length, 20_000);
console.log(`Paperscope badged ${entries.length} papers on the demo listing ${DEMO_URL}`);

if (!headless) {
  console.log('Chromium is open with Paperscope loaded: click the toolbar icon for the popup. Close the window to stop.');
  await new Promise((done) => context.on('close', done));
} else {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: resolve(shotsDir, 'feed.png') });
  const tabId = await worker.evaluate(async (url) => {
    const tabs: Array<{ id?: number; url?: string }> = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t) => t.url?.startsWith(url))?.id;
  }, DEMO_URL);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tabId=${tabId ?? ''}`);
  await popup.waitForSelector('li[data-paper-key]', { timeout: 10_000 }).catch(() => undefined);
  await popup.screenshot({ path: resolve(shotsDir, 'popup.png') });
  const seed = entries[6]!;
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/src/ui/sidepanel/index.html?key=${encodeURIComponent(`arxiv:${seed.arxivId}`)}&title=${encodeURIComponent(seed.title)}`);
  await panel.waitForSelector('ol li[data-paper-key]', { timeout: 10_000 }).catch(() => undefined);
  await panel.screenshot({ path: resolve(shotsDir, 'sidepanel.png') });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await options.waitForSelector('[data-field=paperCount]', { timeout: 10_000 }).catch(() => undefined);
  await options.screenshot({ path: resolve(shotsDir, 'options.png') });
  await context.close();
  console.log(`No display here, so Paperscope ran headless. Screenshots of the page, popup, side panel and options:\n  ${shotsDir}/{feed,popup,sidepanel,options}.png`);
}
