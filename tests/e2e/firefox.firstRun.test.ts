// The first-run page in firefox-esr: installed into a running browser (as a user installs it), Paperscope opens its
// first-run page once, drawn, with the supported sites; and not again when its background page starts again. The page
// is read with chrome privileges: Playwright does not follow a tab the extension opens at install.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../../src/adapters/sites.ts';
import { GECKO_ID } from '../../vite.config.ts';
import { FIRST_RUN_PAGE } from './chromium.ts';
import { BROWSER_WINDOW, evaluateInFirefoxDocument, FIREFOX_SETUP_TIMEOUT_MS, FIREFOX_UUID, type FirefoxWithExtension, launchFirefoxWithExtension } from './firefox.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

const WELCOME_URL = `moz-extension://${FIREFOX_UUID}/${FIRST_RUN_PAGE}`;

interface Drawn {
  heading: string | null;
  sites: Array<string | null>;
}

/** Polls `read` until it answers something `done` accepts, for at most 30 s. */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(FIREFOX_TOO_OLD)('the first-run page (Firefox)', () => {
  let browser: FirefoxWithExtension;
  let browserConsole: string;
  /** The browser window's tabs showing the first-run page. */
  const welcomeTabs = () =>
    browser.rdp.evaluate(
      browserConsole,
      `${BROWSER_WINDOW} return w.gBrowser.tabs.filter((tab) => tab.linkedBrowser.currentURI.spec.startsWith(${JSON.stringify(WELCOME_URL)})).length;`,
    ) as Promise<number>;
  const drawn = () =>
    evaluateInFirefoxDocument<Drawn>(
      browser.rdp,
      WELCOME_URL,
      `const d = win.document;
       return { heading: d.querySelector('h1')?.textContent ?? null, sites: [...d.querySelectorAll('[data-welcome-sites] li')].map((li) => li.getAttribute('data-site-id')) };`,
    );

  beforeAll(async () => {
    browser = await launchFirefoxWithExtension('install');
    browserConsole = await browser.rdp.browserConsole();
  }, FIREFOX_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens once after an install, drawn, naming every supported site', async () => {
    await until('first-run tabs', welcomeTabs, (n) => n > 0);
    const page = await until('the first-run page', drawn, (d) => !!d && d.sites.length > 0);
    expect(page!.heading).toBe('Welcome to Paperscope');
    expect(page!.sites).toEqual(SITES.map((s) => s.id));
    expect(await welcomeTabs()).toBe(1);
  });

  it('does not open again when the background page starts again', async () => {
    // Firefox's event page stopped and started again, as after it idled.
    await browser.rdp.evaluate(
      browserConsole,
      `const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
       await extension.terminateBackground({ disableResetIdleForTest: true });
       await extension.wakeupBackground();
       return true;`,
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(await welcomeTabs()).toBe(1);
  });
});
