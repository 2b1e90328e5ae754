// End to end in Chromium for every site adapter: each fixture page badged at its real URL, an SPA, infinite scroll, site health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../src/adapters/registry.ts';
import { SITES } from '../../src/adapters/sites.ts';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { clickBadgeButton, launchWithExtension, readBadges, waitForBadgesTo, type ExtensionBrowser } from './chromium.ts';
import { shownTags } from '../../src/core/topics/shownTags.ts';
import {
  HF_FIRST_CARDS,
  HF_NEXT_CARDS,
  HF_NEXT_PATH,
  badgeKeys,
  expectedRunnersUp,
  expectedTagLabels,
  fixtureCases,
  hfSpaHtml,
  infiniteListingHtml,
  listedIds,
  oracle,
  scrollEntries,
  serveExact,
  settledBadgeKeys,
  squash,
  tabIdOf,
  titleWordsShown,
  waitForScan,
  type FixtureCase,
} from './sitesPages.ts';

const SITE_FIXTURES = fixtureCases();

/** Rows that legitimately show a badge without tags (no topic in their text, no category), noted after the run. */
const untagged: string[] = [];

describe('every adapter has fixtures', () => {
  for (const site of SITE_FIXTURES) {
    it(`${site.adapterId}: a fixture folder with at least one page that has rows, and drift cases its own selectors miss`, () => {
      expect(site.folderExists, `tests/fixtures/${site.adapterId}/ is missing`).toBe(true);
      expect(site.cases.some((c) => !c.drift && c.rows.length > 0)).toBe(true);
      const drifts = site.cases.filter((c) => c.drift);
      expect(drifts.length).toBeGreaterThan(0);
      expect(drifts.map((c) => c.rows.length)).toEqual(drifts.map(() => 0));
    });
  }
});

describe('each fixture page in Chromium gets one badge per row', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (untagged.length > 0) {
      console.log(`note: ${untagged.length} badges legitimately carry no tag (no topic term in their text, no arXiv category):\n  ${untagged.join('\n  ')}`);
    }
  });

  for (const site of SITE_FIXTURES) {
    describe(site.adapterId, () => {
      for (const fx of site.cases.filter((c) => !c.drift)) {
        it(`${fx.name} (${fx.kind}, ${fx.rows.length} rows)`, async () => {
          // The fixture's URL is this adapter's, and no other adapter's (the first claimant wins).
          expect(adapterFor(fx.url)).toMatchObject({ adapter: { id: site.adapterId }, kind: fx.kind });
          const page = await browser.context.newPage();
          try {
            await serveExact(page, fx.url, fx.html);
            await page.goto(fx.url);
            const scan = await waitForScan(browser.worker, page);
            expect(scan).toMatchObject({ adapterId: site.adapterId, pageKind: fx.kind });
            // One badge per row, not per key: googlescholar/results-2016 has two results (the journal article and the
            // earlier arXiv version) that both link e-print 1206.5538, so two rows and two badges share a key.
            const want = fx.rows.map((r) => r.key);
            expect(await settledBadgeKeys(page, want)).toEqual(want);
            const badges = await readBadges(page);
            // The background answered for the rows the adapter read, and the page shows exactly that.
            expect(scan.papers.map((p) => p.key)).toEqual(want);
            expect(badges.map((b) => b.tags)).toEqual(scan.papers.map((p) => shownTags(p.tags).map((t) => t.label)));
            expect(badges.map((b) => b.inCatalogue)).toEqual(scan.papers.map((p) => String(p.inCatalogue)));
            for (const [i, badge] of badges.entries()) {
              const row = fx.rows[i]!;
              const sent = scan.papers[i]!.ref;
              // The badge sits in its own row's title element.
              expect(titleWordsShown(row.title, badge.title), `badge ${i} of ${fx.name} shows "${badge.title}"`).toBeGreaterThanOrEqual(0.8);
              expect(squash(sent.title)).toBe(squash(row.title));
              // Tags and catalogue membership are what the core gives for the row as sent.
              const expectedTags = expectedTagLabels(sent, i);
              expect(badge.tags, `tags of ${row.key} in ${fx.name}`).toEqual(expectedTags);
              // A predicted category's tooltip names its close runners-up, the categories the authors may have chosen.
              expectedRunnersUp(sent, i).forEach((others, t) => {
                for (const other of others) expect(badge.tagTooltips?.[t], `tooltip of ${row.key}'s ${expectedTags[t]}`).toContain(other);
              });
              expect(badge.inCatalogue).toBe(String(oracle.match(sent) !== undefined));
              if (expectedTags.length > 0) continue;
              // No tag is right only when the row has no category (a category always gives one) and its text no topic.
              expect(sent.categories ?? []).toEqual([]);
              untagged.push(`${site.adapterId}/${fx.name}: ${row.key} (${sent.abstract ? 'title and abstract' : 'title only'})`);
            }
          } finally {
            await page.close();
          }
        });
      }
    });
  }
});

describe('pages that change under the content script (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('follows a Hugging Face in-app navigation (pushState + new cards) and Back (popstate)', async () => {
    const url = 'https://huggingface.co/papers';
    const page = await browser.context.newPage();
    try {
      await serveExact(page, url, hfSpaHtml());
      await page.goto(url);
      const first = HF_FIRST_CARDS.map((c) => `arxiv:${c.arxivId}`);
      const next = HF_NEXT_CARDS.map((c) => `arxiv:${c.arxivId}`);
      expect(await settledBadgeKeys(page, first)).toEqual(first);

      await page.click('#next');
      expect(new URL(page.url()).pathname).toBe(HF_NEXT_PATH);
      expect(await settledBadgeKeys(page, next)).toEqual(next);
      // One badge per card, each inside its own card's title, all tagged.
      const perCard = await page.$$eval('article', (cards) => cards.map((c) => c.querySelectorAll('paperscope-badge').length));
      expect(perCard).toEqual(next.map(() => 1));
      const badges = await readBadges(page);
      expect(badges.map((b) => squash(b.title))).toEqual(HF_NEXT_CARDS.map((c) => squash(c.title)));
      expect(badges.every((b) => b.tags.length > 0)).toBe(true);
      // The background now describes the new URL for this tab.
      const scan = await waitForScan(browser.worker, page);
      expect(scan.papers.map((p) => p.key)).toEqual(next);

      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/papers');
      expect(await settledBadgeKeys(page, first)).toEqual(first);
      expect((await waitForScan(browser.worker, page)).papers.map((p) => p.key)).toEqual(first);
    } finally {
      await page.close();
    }
  });

  it('keeps badges in step with an infinite-scroll arXiv listing that adds and removes entries', async () => {
    const titles = [
      'Graph Neural Networks for Molecular Property Prediction',
      'Diffusion Models for High-Resolution Image Synthesis',
      'Reinforcement Learning from Human Feedback for Language Models',
      'Federated Learning with Differential Privacy',
      'Speech Recognition with Self-Supervised Transformers',
      'Neural Machine Translation for Low-Resource Languages',
      'Robotic Manipulation with Deep Reinforcement Learning',
      'Vision Transformers for Medical Image Segmentation',
      'Adversarial Robustness of Image Classifiers',
      'Retrieval-Augmented Generation for Question Answering',
    ];
    const initial = scrollEntries(titles.slice(0, 6));
    const later = scrollEntries([...titles, ...titles, ...titles].slice(0, 24), 100);
    const url = 'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=25';
    const page = await browser.context.newPage();
    const expectInStep = async (label: string) => {
      const ids = (await listedIds(page)).map((id) => `arxiv:${id}`);
      expect(await settledBadgeKeys(page, ids), label).toEqual(ids);
      // Exactly one badge per entry, in the entry's own title.
      const perEntry = await page.$$eval('#articles > dd', (dds) => dds.map((dd) => dd.querySelectorAll('paperscope-badge').length));
      expect(perEntry, label).toEqual(ids.map(() => 1));
      return ids;
    };
    try {
      await serveExact(page, url, infiniteListingHtml(initial, later, 6));
      await page.goto(url);
      expect(await expectInStep('first load')).toHaveLength(6);

      // Clicked in the page: Playwright's click scrolls the button into view first, which can fire the page's own
      // load-on-scroll too (one batch or two, depending on where the layout puts the button).
      await page.evaluate(() => document.getElementById('more')!.click());
      expect(await expectInStep('after one "More"')).toHaveLength(12);

      // Entries leave (including one that just arrived): their badges leave with them, no others are touched.
      await page.evaluate(() => (window as any).dropEntries(['2612.00002', '2612.00005', '2612.00103']));
      expect(await expectInStep('after removing three')).toHaveLength(9);

      // Scrolling to the end loads the next batch.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction(() => document.body.dataset.loaded === '12');
      expect(await expectInStep('after scrolling')).toHaveLength(15);

      // A burst: more, remove, more, all within one debounce window.
      await page.evaluate(() => {
        document.getElementById('more')!.click();
        (window as any).dropEntries(['2612.00001', '2612.00113']);
        document.getElementById('more')!.click();
      });
      const ids = await expectInStep('after a burst of changes');
      expect(ids).toHaveLength(25);
      expect(new Set(ids).size).toBe(ids.length);
      expect((await readBadges(page)).every((b) => b.tags.length > 0)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('badges rows added to a page whose clock never lets it go quiet (a change every 200 ms)', async () => {
    const initial = scrollEntries(['Graph Neural Networks for Molecular Property Prediction', 'Diffusion Models for High-Resolution Image Synthesis']);
    const later = scrollEntries(['Federated Learning with Differential Privacy', 'Speech Recognition with Self-Supervised Transformers'], 300);
    const url = 'https://arxiv.org/list/cs.LG/pastweek?skip=0&show=4';
    const page = await browser.context.newPage();
    try {
      await serveExact(page, url, infiniteListingHtml(initial, later, 2));
      await page.goto(url);
      expect(
        await settledBadgeKeys(
          page,
          initial.map((e) => `arxiv:${e.arxivId}`),
        ),
      ).toHaveLength(2);
      await page.evaluate(() => {
        const clock = document.body.appendChild(document.createElement('span'));
        setInterval(() => {
          clock.textContent = new Date().toISOString();
        }, 200);
        document.getElementById('more')!.click();
      });
      const want = [...initial, ...later].map((e) => `arxiv:${e.arxivId}`);
      expect(await settledBadgeKeys(page, want, 5_000)).toEqual(want);
    } finally {
      await page.close();
    }
  });

  // Pages that go beyond adding rows: oversized rows, cards reused in place, titles re-rendered as text.
  describe('hard pages', () => {
    it('an arXiv listing with one 250-author paper still badges every row', async () => {
      const entries = scrollEntries(['Graph Neural Networks for Molecules', 'Diffusion Models for Images', 'Federated Learning at Scale']);
      entries[1]!.authors = Array.from({ length: 250 }, (_, i) => `Author ${i + 1}`);
      const url = 'https://arxiv.org/list/hep-ex/new';
      const page = await browser.context.newPage();
      try {
        await serveExact(page, url, demoListingHtml(entries));
        await page.goto(url);
        const want = entries.map((e) => `arxiv:${e.arxivId}`);
        expect(await settledBadgeKeys(page, want, 4_000)).toEqual(want);
        // Its Save works too: the row goes cut to the message limits, as the scan sent it.
        await clickBadgeButton(page, want[1]!, 'save');
        await waitForBadgesTo(page, (badges) => badges.find((b) => b.key === want[1])?.savePressed === 'true', 'Save pressed');
      } finally {
        await page.close();
      }
    });

    const openHf = async () => {
      const url = 'https://huggingface.co/papers';
      const page = await browser.context.newPage();
      await serveExact(page, url, hfSpaHtml());
      await page.goto(url);
      const first = HF_FIRST_CARDS.map((c) => `arxiv:${c.arxivId}`);
      expect(await settledBadgeKeys(page, first)).toEqual(first);
      return page;
    };

    it('a card reused in place for another paper (new href and title text, no new element) gets a new badge', async () => {
      const page = await openHf();
      try {
        await page.evaluate(() => {
          const card = document.querySelector('article')!;
          for (const link of card.querySelectorAll('a')) link.setAttribute('href', '/papers/2511.29999');
          (card.querySelector('h3 a')!.firstChild as Text).data = 'Diffusion Models for Video Generation';
        });
        const want = ['arxiv:2511.29999', ...HF_FIRST_CARDS.slice(1).map((c) => `arxiv:${c.arxivId}`)];
        expect(await settledBadgeKeys(page, want, 3_000)).toEqual(want);
      } finally {
        await page.close();
      }
    });

    it('a title re-rendered with textContent (which wipes the badge and adds only a text node) gets its badge back', async () => {
      const page = await openHf();
      try {
        await page.evaluate(() => {
          document.querySelectorAll('article h3')[1]!.textContent = 'Speech Recognition with Transformers';
        });
        const want = HF_FIRST_CARDS.map((c) => `arxiv:${c.arxivId}`);
        expect(await settledBadgeKeys(page, want, 3_000)).toEqual(want);
      } finally {
        await page.close();
      }
    });
  });
});

describe('site health: a listing that shows no papers (Chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const drifts = SITE_FIXTURES.map((site) => ({
    site,
    // A drift page the structural fallback finds nothing on either (see the next block for those it reads).
    drift: site.cases.find((c) => c.drift && c.fallback.length === 0),
    good: site.cases.find((c) => !c.drift && c.kind === 'listing' && c.rows.length > 0),
  }));

  for (const { site, drift, good } of drifts) {
    it(`${site.adapterId}: the popup warns on the drift listing, and options says the site may have changed`, async (ctx) => {
      if (!drift || !good) {
        ctx.skip();
        return;
      }
      const siteName = SITES.find((s) => s.id === site.adapterId)!.name;
      const open = async (fx: FixtureCase) => {
        const page = await browser.context.newPage();
        await serveExact(page, fx.url, fx.html);
        await page.goto(fx.url);
        const scan = await waitForScan(browser.worker, page);
        return { page, scan };
      };
      // First a listing that works, so options has a "last found" to show; then the same site with drifted markup.
      const working = await open(good);
      expect(working.scan.papers.length).toBe(good.rows.length);
      await working.page.close();
      expect(drift.kind).toBe('listing');
      expect(adapterFor(drift.url)).toMatchObject({ adapter: { id: site.adapterId }, kind: 'listing' });
      const { page, scan } = await open(drift);
      try {
        expect(scan).toMatchObject({ adapterId: site.adapterId, pageKind: 'listing', papers: [] });
        expect(await badgeKeys(page)).toEqual([]);

        const tabId = await tabIdOf(browser.worker, page);
        const popup = await browser.context.newPage();
        await popup.goto(browser.pageUrl(`src/ui/popup/index.html?tabId=${tabId}`));
        // The site's name comes with a second answer (listSites): wait for the text that names it.
        const warning = popup.locator('section[data-section=page] [data-empty="layout-changed"]', {
          hasText: `${siteName} listing, but no papers were found`,
        });
        await warning.waitFor();
        expect(await popup.locator('section[data-section=page] li[data-paper-key]').count()).toBe(0);
        await popup.close();

        const options = await browser.context.newPage();
        await options.goto(browser.pageUrl('src/ui/options/index.html'));
        const health = options.locator(`[data-site-health="${site.adapterId}"]`);
        await health.waitFor();
        const text = (await health.textContent()) ?? '';
        expect(text).toMatch(new RegExp(`^Last found ${good.rows.length} papers on .+\\.`));
        expect(text).toContain('showed no papers: the site may have changed its layout.');
        // Every site in the registry has a health line.
        const others = await options.$$eval('[data-site-health]', (els) => els.map((el) => ({ id: el.getAttribute('data-site-health'), text: el.textContent ?? '' })));
        expect(others.map((o) => o.id).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
        await options.close();
      } finally {
        await page.close();
      }
    });
  }
});

describe("site health: a listing its site's selectors miss, read from its structure (Chromium)", () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const read = SITE_FIXTURES.flatMap((site) => site.cases.filter((c) => c.drift && c.fallback.length > 0));

  it('has such pages: the 2018 arXiv listing among them', () => {
    expect(read.map((c) => `${c.adapterId}/${c.name}`)).toContain('arxiv/drift-2018');
  });

  for (const fx of read) {
    it(`${fx.adapterId}/${fx.name}: one badge per paper at its title, and options says the fallback read the page`, async () => {
      expect(adapterFor(fx.url)).toMatchObject({ adapter: { id: fx.adapterId }, kind: 'listing' });
      const page = await browser.context.newPage();
      try {
        await serveExact(page, fx.url, fx.html);
        await page.goto(fx.url);
        const scan = await waitForScan(browser.worker, page);
        const want = fx.fallback.map((r) => r.key);
        expect(scan).toMatchObject({ adapterId: fx.adapterId, pageKind: 'listing' });
        expect(await settledBadgeKeys(page, want)).toEqual(want);
        expect(scan.papers.map((p) => p.key)).toEqual(want);
        const badges = await readBadges(page);
        for (const [i, badge] of badges.entries()) {
          expect(titleWordsShown(fx.fallback[i]!.title, badge.title), `badge ${i} of ${fx.name} shows "${badge.title}"`).toBeGreaterThanOrEqual(0.8);
          expect(squash(scan.papers[i]!.ref.title)).toBe(squash(fx.fallback[i]!.title));
        }

        const options = await browser.context.newPage();
        try {
          await options.goto(browser.pageUrl('src/ui/options/index.html'));
          const health = options.locator(`[data-site-health="${fx.adapterId}"]`, { hasText: 'reading the page' });
          await health.waitFor({ timeout: 10_000 });
          const text = (await health.textContent()) ?? '';
          expect(text).toMatch(new RegExp(`^Last found ${want.length} papers on .+\\. Its own layout was not recognised: they were found by reading the page's structure`));
        } finally {
          await options.close();
        }
      } finally {
        await page.close();
      }
    });
  }
});
