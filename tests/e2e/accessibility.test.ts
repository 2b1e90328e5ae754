// Accessibility in Chromium: axe-core on the popup, side panel, options and first-run pages, and on a badged feed page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchWithExtension, openListingTab, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const AXE = readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe in the page (evaluate is not subject to the page's CSP, so extension pages can be checked too). */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  const { violations, passes } = (await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return { violations: result.violations, passes: result.passes.length };
  })) as { violations: Violation[]; passes: number };
  expect(passes, 'axe ran its rules').toBeGreaterThan(5);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (vs: Violation[]) => vs.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`).join('\n');

describe('accessibility (axe-core)', () => {
  let browser: ExtensionBrowser;
  let tabId: number | undefined;
  const want = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: unknown[] };

  beforeAll(async () => {
    browser = await launchWithExtension();
    ({ tabId } = await openListingTab(browser, 'arxiv/list-new'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, path] of [
    ['popup', () => `src/ui/popup/index.html?tabId=${tabId ?? ''}`],
    [
      'side panel',
      () =>
        `src/ui/sidepanel/index.html?key=${encodeURIComponent('arxiv:2104.07857')}&title=${encodeURIComponent('ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning')}`,
    ],
    ['options', () => 'src/ui/options/index.html'],
    ['first-run page', () => 'src/ui/welcome/index.html'],
  ] as const) {
    it(`the ${name} has no serious or critical violation, in light and dark mode`, async () => {
      const page = await browser.context.newPage();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(browser.pageUrl(path()));
        await page.waitForSelector('main, [role=main], h1');
        await page.waitForTimeout(500);
        const violations = await seriousViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      }
      await page.close();
    });
  }

  it('badges on a feed page add no serious or critical violation, and their buttons are named and pressed as shown', async () => {
    const page = await browser.context.newPage();
    await page.goto(want.url);
    await waitForBadges(page, want.rows.length);
    const violations = (await seriousViolations(page)).filter((v) => JSON.stringify(v.nodes).includes('paperscope-badge'));
    expect(violations, describeViolations(violations)).toEqual([]);
    // axe runs in the page, which cannot enter the badges' closed roots; the browser's accessibility tree can: every
    // badge's two buttons are there, named, and Save says whether it is pressed.
    const cdp = await browser.context.newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const buttons = nodes.filter((n) => n.role?.value === 'button' && !n.ignored);
    const named = (name: string) => buttons.filter((n) => n.name?.value === name);
    expect(named('Save')).toHaveLength(want.rows.length);
    expect(named('Related')).toHaveLength(want.rows.length);
    expect(named('Save').map((n) => n.properties?.find((p) => p.name === 'pressed')?.value.value)).toEqual(want.rows.map(() => 'false'));
    await page.close();
  });
});
