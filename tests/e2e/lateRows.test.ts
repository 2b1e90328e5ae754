// End to end in Chromium: IEEE Xplore serves an empty Angular shell and renders its rows after load, from its API.
// Served here as that shell plus a script that renders the rows (or a document's header) after a delay, in two steps
// as the app does; the content script must badge them when they appear, once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/adapters/registry.ts';
import { paperKey } from '../../src/core/identity/paperKey.ts';
import { launchWithExtension, readBadges, type ExtensionBrowser } from './chromium.ts';
import { badgeKeys, serveExact, settledBadgeKeys, squash, waitForScan } from './sitesPages.ts';

interface LateResult {
  number: string;
  title: string;
  authors: string[];
}

const FIRST: LateResult[] = [
  { number: '8237584', title: 'Mask R-CNN', authors: ['Kaiming He', 'Georgia Gkioxari'] },
  { number: '8237586', title: 'Focal Loss for Dense Object Detection', authors: ['Tsung-Yi Lin', 'Priya Goyal'] },
];
const NEXT: LateResult[] = [{ number: '7780459', title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He', 'Xiangyu Zhang'] }];

/** The shell, and a page script that renders `first` after `delayMs`, then `next` after as long again (page 2 of results). */
function lateSearchHtml(first: LateResult[], next: LateResult[], delayMs: number): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>IEEE Xplore Search Results</title></head>
<body><xpl-root><div class="global-content-wrapper"><p id="loading">Loading…</p></div></xpl-root>
<script>
  const render = (results) => {
    let list = document.querySelector('xpl-results-list');
    if (!list) {
      document.getElementById('loading').remove();
      list = document.createElement('xpl-results-list');
      document.querySelector('.global-content-wrapper').append(list);
    }
    for (const r of results) {
      const item = document.createElement('div');
      item.className = 'List-results-items';
      item.id = r.number;
      const inner = document.createElement('xpl-results-item');
      const h3 = document.createElement('h3');
      const a = document.createElement('a');
      a.className = 'fw-bold';
      a.href = '/document/' + r.number + '/';
      a.textContent = r.title;
      h3.append(a);
      const authors = document.createElement('p');
      authors.className = 'author';
      for (const name of r.authors) {
        const link = document.createElement('a');
        link.href = '/author/1';
        const span = document.createElement('span');
        span.textContent = name;
        link.append(span);
        authors.append(link, '; ');
      }
      inner.append(h3, authors);
      item.append(inner);
      list.append(item);
    }
    document.body.dataset.rendered = String(list.children.length);
  };
  setTimeout(() => render(${JSON.stringify(first)}), ${delayMs});
  setTimeout(() => render(${JSON.stringify(next)}), ${2 * delayMs});
</script></body></html>`;
}

/** A document page's shell whose header is rendered after `delayMs`. */
function lateDocumentHtml(delayMs: number): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>IEEE Xplore</title>
<script>window.xplGlobal = { document: { metadata: { title: 'Mask R-CNN' } } };</script></head>
<body><xpl-root></xpl-root>
<script>
  setTimeout(() => {
    const header = document.createElement('div');
    header.className = 'document-header-inner-container';
    const h1 = document.createElement('h1');
    h1.className = 'document-title';
    const span = document.createElement('span');
    span.textContent = 'Mask R-CNN';
    h1.append(span);
    const doi = document.createElement('div');
    doi.className = 'stats-document-abstract-doi';
    const link = document.createElement('a');
    link.href = 'https://doi.org/10.1109/ICCV.2017.322';
    link.textContent = '10.1109/ICCV.2017.322';
    doi.append('DOI: ', link);
    header.append(h1, doi);
    document.querySelector('xpl-root').append(header);
    document.body.dataset.rendered = '1';
  }, ${delayMs});
</script></body></html>`;
}

/** Search rows show no DOI: each is keyed by its title. */
const keyOf = (r: LateResult) => paperKey({ title: r.title });

describe('IEEE Xplore rows rendered after load (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('badges search results that appear two seconds after load, and the next batch after that, each once', async () => {
    const url = 'https://ieeexplore.ieee.org/search/searchresult.jsp?newsearch=true&queryText=object%20detection';
    expect(adapterFor(url)).toMatchObject({ adapter: { id: 'ieee' }, kind: 'listing' });
    const page = await browser.context.newPage();
    try {
      await serveExact(page, url, lateSearchHtml(FIRST, NEXT, 2_000));
      await page.goto(url);
      // The shell is scanned first, with nothing in it.
      const empty = await waitForScan(browser.worker, page);
      expect(empty).toMatchObject({ adapterId: 'ieee', pageKind: 'listing' });
      expect(await badgeKeys(page)).toEqual([]);
      expect(await page.evaluate(() => document.body.dataset.rendered)).toBeUndefined();

      await page.waitForFunction(() => document.body.dataset.rendered === '2');
      const first = FIRST.map(keyOf);
      expect(await settledBadgeKeys(page, first)).toEqual(first);

      await page.waitForFunction(() => document.body.dataset.rendered === '3');
      const all = [...FIRST, ...NEXT].map(keyOf);
      expect(await settledBadgeKeys(page, all)).toEqual(all);
      // One badge per result, in its own title heading, and the worker hears of all of them.
      const perItem = await page.$$eval('.List-results-items', (items) => items.map((item) => item.querySelectorAll('h3 paperscope-badge').length));
      expect(perItem).toEqual(all.map(() => 1));
      expect((await readBadges(page)).map((b) => squash(b.title))).toEqual([...FIRST, ...NEXT].map((r) => squash(r.title)));
      await expect.poll(async () => (await waitForScan(browser.worker, page)).papers.map((p) => p.key), { timeout: 10_000 }).toEqual(all);
    } finally {
      await page.close();
    }
  });

  it("badges a document page's header when it is rendered, keyed by the DOI it shows (the page script is never read)", async () => {
    const url = 'https://ieeexplore.ieee.org/document/8237584';
    expect(adapterFor(url)).toMatchObject({ adapter: { id: 'ieee' }, kind: 'paper' });
    const page = await browser.context.newPage();
    try {
      await serveExact(page, url, lateDocumentHtml(2_000));
      await page.goto(url);
      expect(await badgeKeys(page)).toEqual([]);
      await page.waitForFunction(() => document.body.dataset.rendered === '1');
      expect(await settledBadgeKeys(page, ['doi:10.1109/iccv.2017.322'])).toEqual(['doi:10.1109/iccv.2017.322']);
      expect(await page.$$eval('h1.document-title paperscope-badge', (badges) => badges.length)).toBe(1);
    } finally {
      await page.close();
    }
  });
});
