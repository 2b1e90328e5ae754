// Launches Debian's firefox-esr with the built Firefox extension installed in a fresh profile.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firefox, type BrowserContext, type Page } from 'playwright-core';
import { GECKO_ID } from '../../vite.config.ts';
import { type BadgeButton, type BadgeInfo, type BadgeInside, badgeInsides } from './chromium.ts';
import { FirefoxDebugger, freePort } from './firefoxRdp.ts';

export const FIREFOX_DIST = resolve(process.cwd(), process.env.PAPERSCOPE_DIST ?? 'dist', 'firefox');
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/**
 * The oldest Firefox playwright-core 1.64.1 can drive: it sends WebDriver BiDi's `network.addDataCollector` at launch,
 * which Debian bookworm's firefox-esr 140 answers "unknown command" (ESR 153 has it; Debian ships only ESR majors).
 */
const FIREFOX_MIN_MAJOR = 153;

/** The installed Firefox's major version, 0 when it cannot say (then the runs go ahead and fail in words). */
function firefoxMajor(): number {
  try {
    return Number(/(\d+)\./.exec(execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8', timeout: 30_000 }))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const installedMajor = firefoxMajor();
/** True when this machine's Firefox is too old for the test driver: the Firefox runs are skipped with a notice. */
export const FIREFOX_TOO_OLD = installedMajor > 0 && installedMajor < FIREFOX_MIN_MAJOR;
if (FIREFOX_TOO_OLD) {
  console.log(
    `notice: ${FIREFOX_PATH} is Firefox ${installedMajor}; playwright-core 1.64.1 drives Firefox ${FIREFOX_MIN_MAJOR} or later, so the Firefox end-to-end runs are skipped`,
  );
}

/** Fixed so tests know the moz-extension:// origin. */
export const FIREFOX_UUID = '5b0f3a52-8d7e-4c39-9a52-2f6d1e7c4b10';

let packed: string | undefined;
/** The built extension as Firefox installs it, packed once per test file. */
function packXpi(): string {
  packed ??= packOnce();
  return packed;
}

function packOnce(): string {
  const out = mkdtempSync(join(tmpdir(), 'paperscope-xpi-'));
  execFileSync(resolve(process.cwd(), 'node_modules/.bin/web-ext'), ['build', '--source-dir', FIREFOX_DIST, '--artifacts-dir', out, '--overwrite-dest'], { stdio: 'pipe' });
  const zip = readdirSync(out).find((f) => f.endsWith('.zip'));
  if (!zip) throw new Error('web-ext build produced no package');
  return join(out, zip);
}

/** What a page's badges hold, read in the page's document with a way into closed roots (run inside Firefox, as source). */
function badgesIn(doc: Document, rootOf: (host: Element) => ShadowRoot | null): BadgeInfo[] {
  return [...doc.querySelectorAll('paperscope-badge')].map((host) => {
    const root = rootOf(host);
    const state = root?.querySelector('[data-saved]');
    const save = root?.querySelector('[part=save]');
    return {
      key: host.getAttribute('data-paper-key'),
      inCatalogue: state?.getAttribute('data-in-catalogue') ?? null,
      saved: state?.getAttribute('data-saved') ?? null,
      tags: [...(root?.querySelectorAll('[part=tag]') ?? [])].map((t) => t.textContent ?? ''),
      title: (host.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      savePressed: save?.getAttribute('aria-pressed') ?? null,
      hasRelated: !!root?.querySelector('[part=related]'),
      isNew: root?.querySelector('[part=new]') ? String(root.querySelector('[part=new]')!.hasAttribute('data-new')) : null,
      forYou: (() => {
        const mark = root?.querySelector('[part=for-you]');
        return mark ? { level: mark.getAttribute('data-level'), label: mark.getAttribute('aria-label') } : null;
      })(),
    };
  });
}

/** Names each page's window for evaluateInFirefoxTab. */
const tabNames = new WeakMap<Page, string>();

/**
 * Evaluates `body` (an async function body given `win`, the tab's window) with chrome privileges in the content process
 * that holds the tab, where `element.openOrClosedShadowRoot` exists. The tab's window is found by a name the test gives it.
 */
export async function evaluateInFirefoxTab<T>(rdp: FirefoxDebugger, page: Page, body: string): Promise<T> {
  let name = tabNames.get(page);
  if (!name) tabNames.set(page, (name = `paperscope-test-${Math.random().toString(36).slice(2)}`));
  // window.name survives nothing but the page: given again before each look.
  await page.evaluate((n) => {
    window.name = n;
  }, name);
  const { processes } = (await rdp.request('root', 'listProcesses')) as unknown as { processes: Array<{ actor: string; isParent: boolean }> };
  for (const process of processes.filter((p) => !p.isParent)) {
    const { process: target } = (await rdp.request(process.actor, 'getTarget')) as unknown as { process: { consoleActor: string } };
    const found = (await rdp.evaluate(
      target.consoleActor,
      `const windows = Services.ww.getWindowEnumerator();
       let win;
       while (windows.hasMoreElements()) { const w = windows.getNext(); if (w.name === ${JSON.stringify(name)}) win = w; }
       if (!win) return null;
       return { value: await (async (win) => { ${body} })(win) };`,
    )) as { value: T } | null;
    if (found) return found.value;
  }
  throw new Error(`no content process holds ${page.url()}`);
}

/**
 * As evaluateInFirefoxTab, for a document found by its address rather than a Playwright page: a tab the extension
 * opened itself, which Playwright may not have attached to. Answers undefined while no process shows that address.
 */
export async function evaluateInFirefoxDocument<T>(rdp: FirefoxDebugger, urlPrefix: string, body: string): Promise<T | undefined> {
  const { processes } = (await rdp.request('root', 'listProcesses')) as unknown as { processes: Array<{ actor: string; isParent: boolean }> };
  for (const process of processes.filter((p) => !p.isParent)) {
    const { process: target } = (await rdp.request(process.actor, 'getTarget')) as unknown as { process: { consoleActor: string } };
    const found = (await rdp.evaluate(
      target.consoleActor,
      `const windows = Services.ww.getWindowEnumerator();
       let win;
       while (windows.hasMoreElements()) { const w = windows.getNext(); if (String(w.location?.href ?? '').startsWith(${JSON.stringify(urlPrefix)})) win = w; }
       if (!win) return null;
       return { value: await (async (win) => { ${body} })(win) };`,
    )) as { value: T } | null;
    if (found) return found.value;
  }
  return undefined;
}

/** Firefox's way into badges' closed roots (evaluateInFirefoxTab). */
function firefoxInside(rdp: FirefoxDebugger): BadgeInside {
  const inTab = <T>(page: Page, body: string) => evaluateInFirefoxTab<T>(rdp, page, body);
  return {
    read: (page) => inTab(page, `return (${badgesIn.toString()})(win.document, (host) => host.openOrClosedShadowRoot);`),
    buttonCentre: async (page, key: string, button: BadgeButton) => {
      const centre = await inTab<{ x: number; y: number } | null>(
        page,
        `const host = [...win.document.querySelectorAll('paperscope-badge')].find((b) => b.getAttribute('data-paper-key') === ${JSON.stringify(key)});
         const target = host?.openOrClosedShadowRoot?.querySelector(${JSON.stringify(`[part=${button}]`)});
         if (!target) return null;
         target.scrollIntoView({ block: 'center' });
         const box = target.getBoundingClientRect();
         return { x: box.x + box.width / 2, y: box.y + box.height / 2 };`,
      );
      if (!centre) throw new Error(`no ${button} button on the badge of ${key}`);
      return centre;
    },
  };
}

export interface FirefoxWithExtension {
  context: BrowserContext;
  /** The browser's remote debugging protocol (tests/e2e/firefoxRdp.ts), also how tests read inside badges. */
  rdp: FirefoxDebugger;
  close(): Promise<void>;
}

/**
 * Starts Firefox's remote debugging server (the protocol web-ext and about:debugging use) too: headless Firefox cannot
 * navigate to moz-extension:// pages or press extension shortcuts, and Playwright cannot enter closed shadow roots.
 */
/**
 * How the extension gets into the browser: `profile` puts the packed extension in the profile before the start (Firefox
 * starts it as already installed: no runtime.onInstalled install); `install` installs it into the running browser, as
 * about:debugging and web-ext do, which is an install as a user's (onInstalled with reason "install").
 */
export type FirefoxInstall = 'profile' | 'install';

export async function launchFirefoxWithExtension(install: FirefoxInstall = 'profile'): Promise<FirefoxWithExtension> {
  // A start that hangs (seen a few times in full runs under load) is given up after a minute and tried once more.
  const started = Date.now();
  try {
    const launched = await launchOnce(install);
    if (Date.now() - started > 20_000) console.log(`firefox: started after ${Date.now() - started} ms`);
    return launched;
  } catch (error) {
    console.log(`firefox: the start failed (${String(error).split('\n')[0]}); starting again`);
    return launchOnce(install);
  }
}

async function launchOnce(install: FirefoxInstall = 'profile'): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error('dist/firefox is missing: run npm run build first');
  const profileDir = mkdtempSync(join(tmpdir(), 'paperscope-firefox-'));
  mkdirSync(join(profileDir, 'extensions'));
  if (install === 'profile') copyFileSync(packXpi(), join(profileDir, 'extensions', `${GECKO_ID}.xpi`));
  const port = await freePort();
  const context = await firefox.launchPersistentContext(profileDir, {
    channel: 'moz-firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    timeout: 60_000,
    // The port goes in a pref: Playwright refuses arguments that do not start with a dash.
    args: ['-start-debugger-server'],
    firefoxUserPrefs: {
      'devtools.debugger.remote-enabled': true,
      'devtools.debugger.remote-port': port,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // MV3 host permissions are opt-in in Firefox; a test profile grants them as the install prompt would.
      'extensions.originControls.grantByDefault': true,
      // permissions.request (in a user's click) is granted without the prompt a person would answer: headless Firefox
      // shows none. Firefox's own tests use this pref; the request still has to come from a user input handler.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const rdp = await FirefoxDebugger.connect(port).catch(async (error) => {
    await context.close().catch(() => undefined);
    throw error;
  });
  if (install === 'install') {
    const { addonsActor } = (await rdp.request('root', 'getRoot')) as unknown as { addonsActor: string };
    await rdp.request(addonsActor, 'installTemporaryAddon', { addonPath: FIREFOX_DIST });
  }
  badgeInsides.set(context, firefoxInside(rdp));
  return {
    context,
    rdp,
    close: async () => {
      rdp.close();
      await context.close();
    },
  };
}

/** How long a test file's setup may take to start Firefox and open its options page, a fresh second start included. */
export const FIREFOX_SETUP_TIMEOUT_MS = 330_000;

export interface FirefoxWithOptions {
  browser: FirefoxWithExtension;
  /** The browser console's actor, for chrome-privileged scripts (BROWSER_WINDOW). */
  browserConsole: string;
  /** The options page, shown once the first wake has installed the bundled catalogue. */
  options: Page;
}

/**
 * Starts Firefox and opens the options page once its controls show. A start that stalls at any step (seen about once
 * in twenty full runs on a loaded machine) is closed and made again, whole, once: a fresh browser is a surer remedy than
 * retrying a step inside a stuck one. Use FIREFOX_SETUP_TIMEOUT_MS as the hook's timeout.
 */
export async function launchFirefoxWithOptions(): Promise<FirefoxWithOptions> {
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    let browser: FirefoxWithExtension | undefined;
    try {
      // Each step has its own bound, yet one CI run hung in a step for the whole setup: an attempt as a whole is bounded
      // too, so a stuck start gets a fresh browser rather than the file's timeout.
      return await within(ATTEMPT_MS, 'starting Firefox with its options page', async () => {
        browser = await launchOnce();
        const browserConsole = await browser.rdp.browserConsole();
        const options = await openExtensionPage(browser, browserConsole, 'src/ui/options/index.html');
        await options.waitForSelector('input[data-control=library-import]', { timeout: 60_000 });
        if (Date.now() - started > 30_000) console.log(`firefox: options shown after ${Date.now() - started} ms`);
        return { browser, browserConsole, options };
      });
    } catch (error) {
      if (browser) await closeWithin(browser, 15_000);
      if (attempt === 2) throw error;
      console.log(`firefox: no options page after ${Date.now() - started} ms (${String(error).split('\n')[0]}); starting a fresh browser`);
    }
  }
}

/** One attempt of launchFirefoxWithOptions: two fit in FIREFOX_SETUP_TIMEOUT_MS with time to close the first. */
const ATTEMPT_MS = 150_000;

/** `run`'s result, or an error naming `what` once `ms` have passed. */
async function within<T>(ms: number, what: string, run: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([run(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a browser that may be stuck, giving up on it after `ms`. */
async function closeWithin(browser: FirefoxWithExtension, ms: number): Promise<void> {
  await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, ms).unref())]);
}

/** Chrome-privileged script (the browser console's) that names the browser window `w`. */
export const BROWSER_WINDOW = "const w = Services.wm.getMostRecentWindow('navigator:browser');";

/**
 * The longest openExtensionPage can take before it answers or says why not (the extension started, the tab, a second
 * load of a tab that drew nothing): a test that opens a page has at least this, plus its own steps.
 */
export const OPEN_EXTENSION_PAGE_MS = 30_000 + 20_000 + 2 * 30_000;

/** Opens one of the extension's pages in a new tab of the browser window, as a person opens a link, and answers it as a Playwright page. */
export async function openExtensionPage(browser: FirefoxWithExtension, browserConsole: string, path: string): Promise<Page> {
  await extensionActive(browser.rdp, browserConsole);
  const opened = browser.context.waitForEvent('page', { timeout: 20_000 });
  await browser.rdp.evaluate(
    browserConsole,
    `${BROWSER_WINDOW} w.openTrustedLinkIn(${JSON.stringify(`moz-extension://${FIREFOX_UUID}/${path}`)}, 'tab', { inBackground: false }); return true;`,
  );
  const page = await opened;
  // In front: a background tab draws no frames, and Playwright waits for frames to see what is visible.
  await page.bringToFront();
  // Read in the page itself: Playwright's own navigation events do not follow moz-extension:// documents. A page that
  // loaded but drew nothing (seen a few times in full runs under load, options with no controls after 60 s) is loaded
  // once more; each step says how long it took, so a failure shows where it stopped.
  const started = Date.now();
  const step = (what: string) => console.log(`firefox: ${path}: ${what} after ${Date.now() - started} ms`);
  const drawn = () =>
    page.waitForFunction(
      () => location.protocol === 'moz-extension:' && document.readyState !== 'loading' && (document.getElementById('app')?.childElementCount ?? 1) > 0,
      undefined,
      {
        timeout: 30_000,
      },
    );
  if (
    await drawn().then(
      () => false,
      () => true,
    )
  ) {
    step(`not drawn (${await page.evaluate(() => `${location.href}, ${document.readyState}`).catch(String)}); loading it again`);
    await page.evaluate(() => location.reload()).catch(() => undefined);
  }
  if (Date.now() - started > 20_000) step('drawn');
  await page
    .waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState !== 'loading' && (document.getElementById('app')?.childElementCount ?? 1) > 0, undefined, {
      timeout: 30_000,
    })
    .catch(async () => {
      throw new Error(`the ${path} tab did not load: ${await page.evaluate(() => `${location.href} (${document.readyState})`).catch(String)}`);
    });
  return page;
}

/**
 * Waits until Firefox has started the extension from the profile: a moz-extension:// address opened before that is an
 * error page that never becomes the extension's (which a person, who opens the page from the extension itself, never meets).
 */
async function extensionActive(rdp: FirefoxDebugger, browserConsole: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const active = await rdp.evaluate(browserConsole, `return !!WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.active;`);
    if (active === true) return;
    if (Date.now() > deadline) throw new Error('Firefox did not start the extension within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}
