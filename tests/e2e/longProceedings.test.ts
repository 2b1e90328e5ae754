// A long proceedings listing in Chromium (a CVF "all papers" page: thousands of papers, each a dt title then a dd of
// authors and a dd of links), badged while the page is parsed: a paper whose links the parser has not reached yet is not
// read until they are, so it keeps its arXiv key rather than a title key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serveAt, waitForBadges, type ExtensionBrowser } from './chromium.ts';
import { settledBadgeKeys, waitForScan } from './sitesPages.ts';

const ROWS = 1500;
const URL_ = 'https://openaccess.thecvf.com/CVPR2024?day=all';
const HOLD = 'https://openaccess.thecvf.com/static/paperscope-test-hold.js';
const SUBJECTS = ['Gaussian Splatting for Dynamic Scenes', 'Open-Vocabulary Semantic Segmentation', 'Video Diffusion with Motion Priors', 'Monocular Depth Estimation in the Wild'];

interface Paper {
  title: string;
  authors: string[];
  arxivId: string;
}

const papers: Paper[] = Array.from({ length: ROWS }, (_, i) => ({
  title: `${SUBJECTS[i % SUBJECTS.length]}: Study ${i + 1}`,
  authors: [`Author ${i + 1}`, 'Second Author'],
  arxivId: `2403.${String(10000 + i).padStart(5, '0')}`,
}));

/** One paper as CVF's listing writes it; `hold` puts a script between its authors and its links, where the parser stops. */
function paperHtml(p: Paper, i: number, hold: boolean): string {
  const file = `Paper_${i + 1}_CVPR_2024_paper`;
  const authors = p.authors
    .map((a) => `<form class="authsearch" action="/CVPR2024" method="post"><input type="hidden" name="query_author" value="${a}"><a href="#">${a}</a></form>,`)
    .join('\n');
  // Filler as long as a real entry's hidden BibTeX block, so the page is parsed in many chunks.
  const bibtex =
    `<div class="bibref pre-white-space">@InProceedings{P${i}_2024_CVPR, title = {${p.title}}, booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)}, month = {June}, year = {2024}, pages = {1-10}}</div>`.repeat(
      3,
    );
  return [
    `<dt class="ptitle"><br><a href="/content/CVPR2024/html/${file}.html">${p.title}</a></dt>`,
    `<dd>\n${authors}\n</dd>`,
    hold ? `<script src="${HOLD}"></script>` : '',
    `<dd>[<a href="/content/CVPR2024/papers/${file}.pdf">pdf</a>] [<a href="http://arxiv.org/abs/${p.arxivId}">arXiv</a>]`,
    `<div class="link2">[<a class="fakelink">bibtex</a>]${bibtex}</div></dd>`,
  ].join('\n');
}

function listingHtml(holdAt: number): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>CVPR 2024 Open Access Repository</title></head><body>',
    '<div id="header"><div id="header_title"><a href="/CVPR2024">CVPR 2024</a> open access</div></div>',
    '<div id="content"><dl>',
    ...papers.map((p, i) => paperHtml(p, i, i === holdAt)),
    '</dl></div></body></html>',
  ].join('\n');
}

describe('a long proceedings listing in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is badged while it is parsed, and the paper the parser stopped inside is read whole, with its arXiv key', async () => {
    const holdAt = ROWS / 4;
    await serveAt(browser.context, URL_, listingHtml(holdAt));
    const page = await browser.context.newPage();
    // The parser waits at the held script, inside paper holdAt (its title and authors parsed, its links not), until the
    // page has a badge or 30 s have passed.
    let badgedWhileHeld = 0;
    await browser.context.route(HOLD, async (route) => {
      const badged = () => page.evaluate(() => document.getElementsByTagName('paperscope-badge').length).catch(() => 0);
      for (let waited = 0; waited < 30_000 && badgedWhileHeld === 0; waited += 100) {
        badgedWhileHeld = await badged();
        if (badgedWhileHeld === 0) await new Promise((r) => setTimeout(r, 100));
      }
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    });
    await page.goto(URL_, { timeout: 60_000 });
    await waitForBadges(page, ROWS);
    const keys = papers.map((p) => `arxiv:${p.arxivId}`);
    expect(await settledBadgeKeys(page, keys)).toEqual(keys);
    // Badges came while the parser waited inside paper holdAt: only papers before it were read, it not.
    expect(badgedWhileHeld).toBeGreaterThan(0);
    expect(badgedWhileHeld).toBeLessThanOrEqual(holdAt);

    await expect.poll(async () => (await waitForScan(browser.worker, page))?.papers.length, { timeout: 15_000 }).toBe(ROWS);
    const scan = (await waitForScan(browser.worker, page))!;
    expect(scan.papers.map((p) => [p.key, p.ref.title, p.ref.authors])).toEqual(papers.map((p) => [`arxiv:${p.arxivId}`, p.title, p.authors]));
    await page.close();
  }, 120_000);
});
