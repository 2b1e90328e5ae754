// What the page itself leaves for badges after DOMContentLoaded, on the 2,000-row listing of feed.ts: how many rows
// Chromium parses in its last chunk (the rows no reader can see before DOMContentLoaded) and when the main thread is
// first free after DOMContentLoaded (no answer from the background can be handled before then). Measured on the page
// without the extension and with it, in the same browser.
import { existsSync } from 'node:fs';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { launchWithExtension, serveAt } from '../e2e/chromium.ts';
import { BASELINE_URL, DATA, FEED_URL, firstEntries, ROWS } from './feed.ts';
import { machineLine, median, table } from './machine.ts';

/** Counts the rows parsed by the last frame before DOMContentLoaded (frames drawn every rAF), and the first free task after it. */
const probe = `(() => {
  const rows = document.getElementsByTagName('dt');
  let seen = 0;
  const tick = () => { seen = rows.length; if (document.readyState === 'loading') requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  document.addEventListener('DOMContentLoaded', () => {
    const start = performance.now();
    window.__floor = { lastChunk: ${ROWS} - seen };
    setTimeout(() => { window.__floor.freeMs = performance.now() - start; }, 0);
  });
})();`;

interface FloorSample {
  lastChunk: number;
  freeMs: number;
}

export async function benchFeedFloor(runs: number): Promise<string> {
  if (!existsSync(DATA)) return 'feed floor: skipped (../shared/data/arxiv-before-2026.jsonl.gz is absent)';
  const html = demoListingHtml(firstEntries(ROWS));
  const browser = await launchWithExtension();
  const samples: Record<'page alone' | 'with Paperscope', FloorSample[]> = { 'page alone': [], 'with Paperscope': [] };
  try {
    await serveAt(browser.context, FEED_URL, html);
    await serveAt(browser.context, BASELINE_URL, html);
    for (let r = 0; r < runs + 1; r++) {
      for (const [label, url] of [
        ['page alone', BASELINE_URL],
        ['with Paperscope', FEED_URL],
      ] as const) {
        const page = await browser.context.newPage();
        await page.addInitScript(probe);
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await page.waitForFunction(() => (window as any).__floor?.freeMs !== undefined, undefined, { timeout: 60_000 });
        const sample = (await page.evaluate(() => (window as any).__floor)) as FloorSample;
        await page.close();
        if (r > 0) samples[label].push(sample); // the first load of each warms the worker and caches
      }
    }
  } finally {
    await browser.close();
  }
  const rows = Object.entries(samples).map(([label, s]) => ({
    page: label,
    'rows in the last parser chunk (median)': median(s.map((x) => x.lastChunk)),
    'per run': s.map((x) => x.lastChunk).join(', '),
    'first free task after DOMContentLoaded, ms (median)': median(s.map((x) => x.freeMs)).toFixed(0),
    'per run ': s.map((x) => x.freeMs.toFixed(0)).join(', '),
  }));
  return [
    `Feed floor: the ${ROWS.toLocaleString('en')}-row listing of the feed benchmark, every frame drawn; ${runs} loads each, interleaved, after one not counted.`,
    machineLine(),
    'Rows in the last parser chunk are parsed in the task that fires DOMContentLoaded: no reader sees them earlier. The first free task is a ' +
      'setTimeout(0) queued at DOMContentLoaded: the page lays itself out for its load event in the same task, and a reply from the background is a task too.',
    table(rows),
  ].join('\n');
}
