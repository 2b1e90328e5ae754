// Launches Debian's firefox-esr with the built Firefox extension installed in a fresh profile.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firefox, type BrowserContext } from 'playwright-core';
import { GECKO_ID } from '../../vite.config.ts';

export const FIREFOX_DIST = resolve(process.cwd(), process.env.PAPERSCOPE_DIST ?? 'dist', 'firefox');
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** Fixed so tests know the moz-extension:// origin. */
export const FIREFOX_UUID = '5b0f3a52-8d7e-4c39-9a52-2f6d1e7c4b10';

function packXpi(): string {
  const out = mkdtempSync(join(tmpdir(), 'paperscope-xpi-'));
  execFileSync(resolve(process.cwd(), 'node_modules/.bin/web-ext'), ['build', '--source-dir', FIREFOX_DIST, '--artifacts-dir', out, '--overwrite-dest'], { stdio: 'pipe' });
  const zip = readdirSync(out).find((f) => f.endsWith('.zip'));
  if (!zip) throw new Error('web-ext build produced no package');
  return join(out, zip);
}

/**
 * `debuggerPort` starts Firefox's remote debugging server (the protocol web-ext and about:debugging use) on that port,
 * for tests/e2e/firefoxRdp.ts: headless Firefox cannot navigate to moz-extension:// pages or press extension shortcuts.
 */
export async function launchFirefoxWithExtension(options: { debuggerPort?: number } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error('dist/firefox is missing: run npm run build first');
  const profileDir = mkdtempSync(join(tmpdir(), 'paperscope-firefox-'));
  mkdirSync(join(profileDir, 'extensions'));
  copyFileSync(packXpi(), join(profileDir, 'extensions', `${GECKO_ID}.xpi`));
  const context = await firefox.launchPersistentContext(profileDir, {
    channel: 'moz-firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // The port goes in a pref: Playwright refuses arguments that do not start with a dash.
    args: options.debuggerPort ? ['-start-debugger-server'] : [],
    firefoxUserPrefs: {
      ...(options.debuggerPort
        ? {
            'devtools.debugger.remote-enabled': true,
            'devtools.debugger.remote-port': options.debuggerPort,
            'devtools.chrome.enabled': true,
            'devtools.debugger.prompt-connection': false,
          }
        : {}),
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // MV3 host permissions are opt-in in Firefox; a test profile grants them as the install prompt would.
      'extensions.originControls.grantByDefault': true,
    },
  });
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  return { context, close: () => context.close() };
}
