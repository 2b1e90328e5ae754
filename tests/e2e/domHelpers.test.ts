// The adapter DOM helpers' fast paths in real Chromium: the same nodes as querySelectorAll/querySelector, the same text
// as a selector match per node, on every fixture page, as a standards-mode and as a quirks-mode document.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures');
const pages = readdirSync(FIXTURES)
  .flatMap((dir) => readdirSync(resolve(FIXTURES, dir)).map((file) => `${dir}/${file}`))
  .filter((file) => file.endsWith('.html'));

/** The helpers as one script for the page (vite is what builds the extension too). */
async function helpersScript(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(process.cwd(), 'tests/e2e/domHelpersEntry.ts'), formats: ['iife'], name: 'paperscopeDomHelpers' },
    },
  });
  const result = (Array.isArray(out) ? out[0] : out) as { output: Array<{ type: string; code?: string }> };
  return result.output.find((o) => o.type === 'chunk')!.code!;
}

/** Runs in the page: every mismatch between a fast path and its reference, as text (a string, so no bundler helper leaks in). */
const CHECK = `(html) => {
  const d = globalThis.paperscopeDom;
  const out = [];
  for (const doc of [new DOMParser().parseFromString(html, 'text/html'), new DOMParser().parseFromString(html.replace(/^\\s*<!doctype[^>]*>/i, ''), 'text/html')]) {
    for (const root of d.sampleRoots(doc, 300)) {
      const where = root.nodeType === 9 ? 'document' : root.localName + (root.className && typeof root.className === 'string' ? '.' + root.className : '');
      for (const selector of d.SELECTORS) {
        let want;
        try { want = Array.from(root.querySelectorAll(selector)); } catch { continue; }
        const got = d.queryAll(root, selector);
        if (got.length !== want.length || got.some((el, i) => el !== want[i])) out.push(doc.compatMode + ' queryAll ' + where + ' ' + JSON.stringify(selector));
        if (d.queryFirst(root, selector) !== root.querySelector(selector)) out.push(doc.compatMode + ' queryFirst ' + where + ' ' + JSON.stringify(selector));
      }
      if (root.nodeType !== 1) continue;
      for (const skip of d.SKIPS) {
        if (d.textAsWritten(root, skip) !== d.referenceTextAsWritten(root, skip)) out.push(doc.compatMode + ' textAsWritten ' + where + ' ' + JSON.stringify(skip));
      }
      const t = root.textContent;
      if (d.tidyText(t) !== d.cleanText(t)) out.push('tidyText ' + where);
    }
  }
  return out.slice(0, 20);
}`;

describe('adapter DOM helpers in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const script = await helpersScript();
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><title>helpers</title>');
    await page.addScriptTag({ content: script });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('quirks mode matches class names in any case, and textAsWritten follows it', async () => {
    const read = await page.evaluate(`(() => {
      const d = globalThis.paperscopeDom;
      const html = '<div id="t"><span class="Descriptor">Title:</span> Attention <span class="mathjax_preview">x</span></div>';
      return ['', '<!DOCTYPE html>'].map((doctype) => {
        const doc = new DOMParser().parseFromString(doctype + html, 'text/html');
        return [doc.compatMode, d.textAsWritten(doc.getElementById('t'), '.descriptor')];
      });
    })()`);
    expect(read).toEqual([
      ['BackCompat', 'Attention'],
      ['CSS1Compat', 'Title: Attention x'],
    ]);
  });

  it.each(pages)('%s: fast paths give what the plain calls give', async (file) => {
    const html = readFileSync(resolve(FIXTURES, file), 'utf8');
    expect(await page.evaluate(`(${CHECK})(${JSON.stringify(html)})`)).toEqual([]);
  });
});
