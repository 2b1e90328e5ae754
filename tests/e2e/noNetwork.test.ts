// Zero network requests over a full run of the extension in Chromium: install, import a catalogue, listings on several
// sites, save, related work, backup and restore. Playwright records every request of every target through the debugging
// protocol (Network and Fetch enabled on each page, extension page and the service worker): the extension's worker and
// pages may request nothing over http(s), and no script in a web page (where content scripts run) may fetch anything;
// the only http(s) traffic is the fixture pages the test loads (served by route interception) and their own markup's
// stylesheets and images (refused by the harness). A second check proves the recorder sees a fetch from the worker.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixture, launchWithExtension, serveAt, type ExtensionBrowser } from './chromium.ts';

const SITES = ['arxiv/list-new', 'huggingface/daily', 'googlescholar/results'].map((name) => ({
  ...(JSON.parse(fixture(`${name}.json`)) as { url: string; rows: Array<{ key: string; title: string }> }),
  html: fixture(`${name}.html`),
}));

/** What a page's markup loads by itself; anything else (fetch, XHR, sockets, beacons) is a script's doing. */
const MARKUP = new Set(['document', 'stylesheet', 'script', 'image', 'font', 'media', 'manifest', 'texttrack', 'other']);

/** Every http(s) request the extension could be behind, as "who: type url". */
function recordRequests(browser: ExtensionBrowser): { suspicious: string[]; documents: string[] } {
  const suspicious: string[] = [];
  const documents: string[] = [];
  const extensionOrigin = `chrome-extension://${browser.extensionId}`;
  browser.context.on('request', (request: Request) => {
    const url = request.url();
    if (!/^https?:/i.test(url)) return;
    const type = request.resourceType();
    if (request.serviceWorker()) return void suspicious.push(`service worker: ${type} ${url}`);
    const frameUrl = request.frame().url();
    if (frameUrl.startsWith(extensionOrigin)) return void suspicious.push(`${frameUrl}: ${type} ${url}`);
    if (type === 'document') documents.push(url);
    else if (!MARKUP.has(type)) suspicious.push(`script in ${frameUrl}: ${type} ${url}`);
  });
  return { suspicious, documents };
}

async function send(page: Page, type: string, request: unknown): Promise<unknown> {
  const result = (await page.evaluate(([type, request]) => (globalThis as any).chrome.runtime.sendMessage({ type, request }), [type, request] as const)) as {
    ok: boolean;
    value?: unknown;
    error?: string;
  };
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.value;
}

describe('no network requests', () => {
  it('a full run makes none: the only http(s) requests are the fixture pages and their own markup', async () => {
    const browser = await launchWithExtension();
    const recorded = recordRequests(browser);
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-full-run-'));
    try {
      // Import a catalogue (merged into the bundled one).
      const options = await browser.context.newPage();
      await options.goto(browser.pageUrl('src/ui/options/index.html'));
      const catalogue = join(dir, 'papers.jsonl');
      const row = SITES[0]!.rows[1]!;
      const imported = { id: row.key.slice('arxiv:'.length), title: row.title, abstract: 'KV cache placement.', authors: ['Wei Li'], categories: ['cs.DC'], date: '2026-07-20' };
      writeFileSync(catalogue, `${JSON.stringify(imported)}\n`);
      await options.setInputFiles('input[data-control=catalogue-file]', catalogue);
      await options.check('input[name=import-mode][value=merge]');
      await options.click('button[data-action=import]');
      await options.waitForSelector('[data-import-status=done]', { timeout: 60_000 });

      // Listings on three sites, badged (with or without tags: a Scholar result may have none).
      for (const site of SITES) {
        await serveAt(browser.context, site.url, site.html);
        const page = await browser.context.newPage();
        await page.goto(site.url);
        await page.waitForFunction((n) => document.querySelectorAll('paperscope-badge').length === n, site.rows.length, { timeout: 15_000 });
        await page.close();
      }

      // Save, and related work in the side panel.
      const paper = { key: row.key, title: row.title };
      await send(options, 'setSaved', { paper, saved: true });
      await send(options, 'pickPaper', { paper, openPanel: false });
      const panel = await browser.context.newPage();
      await panel.goto(browser.pageUrl('src/ui/sidepanel/index.html'));
      await panel.waitForSelector('li[data-paper-key]', { timeout: 30_000 });
      await panel.close();

      // Back up, and restore the backup.
      const [download] = await Promise.all([options.waitForEvent('download'), options.click('button[data-action=backup]')]);
      const backup = join(dir, 'backup.json');
      await download.saveAs(backup);
      await options.setInputFiles('input[data-control=restore-file]', backup);
      await options.waitForSelector('[data-library-status=done]:has-text("Restored")', { timeout: 60_000 });
    } finally {
      await browser.close();
    }
    expect(recorded.suspicious).toEqual([]);
    expect([...new Set(recorded.documents)].sort()).toEqual(SITES.map((site) => site.url).sort());
  });

  it('the recorder sees a fetch from the service worker (so the check above can fail)', async () => {
    const browser = await launchWithExtension();
    const recorded = recordRequests(browser);
    try {
      // Through the debugging protocol (Runtime.evaluate in the worker), as a worker gone wrong would fetch.
      await browser.worker.evaluate(() => fetch('https://example.org/paperscope-leak?saved=arxiv:1706.03762').catch(() => 'refused'));
    } finally {
      await browser.close();
    }
    expect(recorded.suspicious).toEqual(['service worker: fetch https://example.org/paperscope-leak?saved=arxiv:1706.03762']);
  });
});
