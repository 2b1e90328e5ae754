// End to end in firefox-esr: the Firefox build badges the fixtures of a feed (Hugging Face, Google Scholar), of PubMed and
// of the proceedings and publisher sites (listings and paper pages) with the right keys, and reads drifted listings by their structure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBadges } from './chromium.ts';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from './firefox.ts';
import { HF_FIRST_CARDS, HF_NEXT_CARDS, expectedTagLabels, fixtureCases, hfSpaHtml, serveExact, settledBadgeKeys, titleWordsShown } from './sitesPages.ts';
import { FIREFOX_TOO_OLD } from './firefox.ts';

// arXiv in Firefox is covered by firefox.test.ts.
const SITES_IN_FIREFOX = ['huggingface', 'googlescholar', 'pubmed', 'neurips', 'pmlr', 'cvf', 'acm', 'ieee', 'journals'];
/** Each site kind the fallback serves, in Firefox: an arXiv listing of 2018 and an OpenReview venue page of 2017. */
const DRIFTS_IN_FIREFOX = ['arxiv/drift-2018', 'openreview/drift-2017'];

/** Sites whose fixture rows carry all the adapter sends, so the tags can be computed here and compared. */
const FULL_ROWS = ['huggingface', 'googlescholar'];

describe.skipIf(FIREFOX_TOO_OLD)('Paperscope in Firefox on more sites', () => {
  let browser: FirefoxWithExtension;
  beforeAll(async () => {
    browser = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const site of fixtureCases().filter((s) => SITES_IN_FIREFOX.includes(s.adapterId))) {
    for (const fx of site.cases.filter((c) => !c.drift && c.rows.length > 0)) {
      it(`${site.adapterId}/${fx.name}: one badge per row, right keys, in order`, async () => {
        const page = await browser.context.newPage();
        try {
          await serveExact(page, fx.url, fx.html);
          await page.goto(fx.url);
          const want = fx.rows.map((r) => r.key);
          expect(await settledBadgeKeys(page, want, 20_000)).toEqual(want);
          const badges = await readBadges(page);
          for (const [i, badge] of badges.entries()) {
            const row = fx.rows[i]!;
            expect(titleWordsShown(row.title, badge.title), `badge ${i} shows "${badge.title}"`).toBeGreaterThanOrEqual(0.8);
            // Same tags as Chromium gets (both builds share src/core): what the core gives for the fixture's row, where the
            // fixture's rows carry every field their adapters send (title, ids, abstract), as these two sites' do.
            // (Others' tags are checked in Chromium, which may find none for a paper outside every arXiv field.)
            if (FULL_ROWS.includes(site.adapterId)) expect(badge.tags, `tags of ${row.key}`).toEqual(expectedTagLabels({ ...row, key: row.key, title: row.title }, i));
            expect(badge.saved).toBe('false');
          }
          // The shadow root is closed to the page, and has its parts in Firefox too.
          expect(badges.every((b) => b.savePressed === 'false' && b.hasRelated)).toBe(true);
          expect(await page.$eval('paperscope-badge', (b) => ({ root: b.shadowRoot, attributes: b.getAttributeNames() }))).toEqual({ root: null, attributes: ['data-paper-key'] });
        } finally {
          await page.close();
        }
      });
    }
  }

  const drifts = fixtureCases().flatMap((site) => site.cases.filter((c) => c.drift && DRIFTS_IN_FIREFOX.includes(`${c.adapterId}/${c.name}`)));
  it('has the drifted pages it names', () => {
    expect(drifts.map((c) => `${c.adapterId}/${c.name}`).sort()).toEqual([...DRIFTS_IN_FIREFOX].sort());
  });
  for (const fx of drifts) {
    it(`${fx.adapterId}/${fx.name}: a markup the site's selectors miss is read by its structure, one badge per paper`, async () => {
      expect(fx.fallback.length).toBeGreaterThan(0);
      const page = await browser.context.newPage();
      try {
        await serveExact(page, fx.url, fx.html);
        await page.goto(fx.url);
        const want = fx.fallback.map((r) => r.key);
        expect(await settledBadgeKeys(page, want, 20_000)).toEqual(want);
        const badges = await readBadges(page);
        for (const [i, badge] of badges.entries()) expect(titleWordsShown(fx.fallback[i]!.title, badge.title), `badge ${i} shows "${badge.title}"`).toBeGreaterThanOrEqual(0.8);
      } finally {
        await page.close();
      }
    });
  }

  it('huggingface: follows an in-app navigation (pushState + new cards)', async () => {
    const url = 'https://huggingface.co/papers';
    const page = await browser.context.newPage();
    try {
      await serveExact(page, url, hfSpaHtml());
      await page.goto(url);
      const first = HF_FIRST_CARDS.map((c) => `arxiv:${c.arxivId}`);
      const next = HF_NEXT_CARDS.map((c) => `arxiv:${c.arxivId}`);
      expect(await settledBadgeKeys(page, first, 20_000)).toEqual(first);
      await page.click('#next');
      expect(await settledBadgeKeys(page, next, 20_000)).toEqual(next);
      expect((await readBadges(page)).every((b) => b.tags.length > 0)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
