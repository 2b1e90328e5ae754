// Editing the taxonomy in the options page, end to end in Chromium: badges on an open arXiv page follow without a reload.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchWithExtension, readBadges, serveAt, stopServiceWorker, waitForBadges, waitForBadgesTo, type ExtensionBrowser } from './chromium.ts';

const want = JSON.parse(fixture('arxiv/list-new.json')) as { url: string; rows: Array<{ key: string; title: string }> };
const ZERO = 'arxiv:2104.07857'; // ZeRO-Infinity: in the bundled catalogue, tagged "Parallel computing and distributed training"
const CONSENSUS = 'arxiv:2607.23102'; // On the Cost of Consensus in Geo-Replicated Serverless Workflows: not in the catalogue
const AXE = readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Waits until the badge of `key` on the feed page shows (or no longer shows) a tag. */
async function badgeTag(feed: Page, key: string, label: string, present = true): Promise<void> {
  await waitForBadgesTo(
    feed,
    (badges) => {
      const badge = badges.find((b) => b.key === key);
      return !!badge && badge.tags.includes(label) === present;
    },
    `${key} ${present ? 'tagged' : 'not tagged'} ${label}`,
    30_000,
  );
}

const tagsOf = async (feed: Page, key: string) => (await readBadges(feed)).find((b) => b.key === key)?.tags ?? [];

/** The options page's topic item for `id`, opened. */
async function openTopic(options: Page, id: string): Promise<void> {
  const item = options.locator(`[data-topic-id="${id}"]`);
  if (!(await item.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))) await item.locator('summary').click();
}

/** Presses Tab until `selector` has the focus (failing if it never does), and checks the control shows a focus ring. */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el?.matches(sel)) return undefined;
      const style = getComputedStyle(el);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    }, selector);
    if (reached !== undefined) {
      expect(reached, `a focus ring on ${selector}`).toBe(true);
      return;
    }
  }
  throw new Error(`${selector} was not reached in ${max} presses of Tab`);
}

async function search(options: Page, text: string): Promise<void> {
  await options.fill('[data-control=taxonomy-search]', text);
}

async function doneRetagging(options: Page): Promise<void> {
  await options.waitForSelector('[data-field=taxonomy-status][data-state=done]', { timeout: 60_000 });
}

/** Runs `act` (an edit), waits until the page has the answer (the count of edits changes), then until re-tagging is done. */
async function editAndRetag(options: Page, act: () => Promise<void>): Promise<void> {
  const before = await options.textContent('[data-field=taxonomy-edits]');
  await act();
  await options.waitForFunction((text) => document.querySelector('[data-field=taxonomy-edits]')?.textContent !== text, before, { timeout: 30_000 });
  await doneRetagging(options);
}

describe('editing the taxonomy in options', () => {
  let browser: ExtensionBrowser;
  let feed: Page;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveAt(browser.context, want.url, fixture('arxiv/list-new.html'));
    feed = await browser.context.newPage();
    await feed.goto(want.url);
    await waitForBadges(feed, want.rows.length);
    options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForSelector('[data-section=taxonomy] [data-topic-id]', { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a topic renamed from the keyboard shows on an open arXiv page without a reload', async () => {
    expect(await tagsOf(feed, ZERO)).toContain('Parallel computing and distributed training');
    await options.focus('[data-control=taxonomy-search]');
    await options.keyboard.type('distributed training');
    await tabTo(options, '[data-topic-id="parallel-computing-and-distributed-training"] summary');
    await options.keyboard.press('Enter');
    await tabTo(options, '[data-topic-id="parallel-computing-and-distributed-training"] [data-action=rename-topic]');
    await options.keyboard.press('Enter');
    // The name field has the focus; Enter saves.
    await options.waitForFunction(() => document.activeElement?.getAttribute('data-control') === 'topic-label');
    await options.keyboard.press('ControlOrMeta+a');
    await options.keyboard.type('Parallel training at scale');
    await options.keyboard.press('Enter');
    await badgeTag(feed, ZERO, 'Parallel training at scale');
    expect(await tagsOf(feed, ZERO)).not.toContain('Parallel computing and distributed training');
    expect(await options.textContent('[data-topic-id="parallel-computing-and-distributed-training"] .taxonomy-label')).toBe('Parallel training at scale');
  });

  it('bad input (no name, a taken name, no terms) says why and changes nothing', async () => {
    const before = await options.textContent('[data-field=taxonomy-edits]');
    await options.fill('[data-control=add-label]', '   ');
    await options.fill('[data-control=add-terms]', 'origami robot');
    await options.click('[data-action=add-topic]');
    await options.waitForSelector('[data-taxonomy-error]');
    expect(await options.textContent('[data-taxonomy-error]')).toContain('A topic needs a name. Nothing was changed.');
    await options.fill('[data-control=add-label]', 'model compression and QUANTIZATION');
    await options.click('[data-action=add-topic]');
    await options.waitForFunction(() =>
      document.querySelector('[data-taxonomy-error]')?.textContent?.includes('There is already a topic named “Model compression and quantization”'),
    );
    await options.fill('[data-control=add-label]', 'Origami robots');
    await options.fill('[data-control=add-terms]', ' , ');
    await options.click('[data-action=add-topic]');
    await options.waitForFunction(() => document.querySelector('[data-taxonomy-error]')?.textContent?.includes('at least one term'));
    // The worker checks too (a page that skipped the checks gets a refusal in words, and nothing is stored).
    const refused = await options.evaluate(() =>
      (globalThis as any).chrome.runtime.sendMessage({
        type: 'editTaxonomy',
        request: { edit: { op: 'rename', id: 'model-compression-and-quantization', label: 'parallel TRAINING at scale' } },
      }),
    );
    expect(refused).toEqual({ ok: false, error: 'There is already a topic named "Parallel training at scale".' });
    await options.reload();
    await options.waitForSelector('[data-field=taxonomy-edits]');
    expect(await options.textContent('[data-field=taxonomy-edits]')).toBe(before);
  });

  it('an added topic tags page papers that contain its terms, catalogue papers after re-tagging', async () => {
    await options.fill('[data-control=add-label]', 'Consensus costs');
    await options.fill('[data-control=add-description]', 'What agreement costs in replicated systems.');
    await options.fill('[data-control=add-terms]', 'geo-replicated serverless workflow, memory wall');
    await editAndRetag(options, () => options.click('[data-action=add-topic]'));
    expect(await options.getAttribute('[data-field=taxonomy-status]', 'data-retagged')).toBe('63');
    await badgeTag(feed, CONSENSUS, 'Consensus costs');
    await badgeTag(feed, ZERO, 'Consensus costs');
    await search(options, 'consensus');
    expect(await options.locator('[data-topic-id="user-consensus-costs"]').count()).toBe(1);
  });

  it('merging moves a topic’s papers to the topic it merges into', async () => {
    await options.fill('[data-control=merge-filter]', 'training at scale');
    await options.check('[data-merge-from="parallel-computing-and-distributed-training"]');
    await options.selectOption('[data-control=merge-into]', 'hpc-and-cloud-computing-infrastructure');
    await editAndRetag(options, () => options.click('[data-action=merge-topics]'));
    await badgeTag(feed, ZERO, 'Parallel training at scale', false);
    await badgeTag(feed, ZERO, 'HPC, cloud and distributed systems');
    await search(options, '');
    expect(await options.locator('[data-topic-id="parallel-computing-and-distributed-training"]').count()).toBe(0);
    await openTopic(options, 'hpc-and-cloud-computing-infrastructure');
    expect(await options.textContent('[data-topic-id="hpc-and-cloud-computing-infrastructure"]')).toContain('Merged from: Parallel training at scale');
  });

  it('removing a topic (from the keyboard, after a confirmation) takes its tag off the page', async () => {
    await search(options, 'consensus');
    await openTopic(options, 'user-consensus-costs');
    await options.focus('[data-topic-id="user-consensus-costs"] [data-action=remove-topic]');
    await options.keyboard.press('Enter');
    // The confirmation takes the focus: Enter confirms.
    await options.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'confirm-remove');
    await editAndRetag(options, () => options.keyboard.press('Enter'));
    // The removed topic's buttons are gone: the focus goes on from the search box, not lost.
    await options.waitForFunction(() => document.activeElement?.getAttribute('data-control') === 'taxonomy-search');
    await badgeTag(feed, CONSENSUS, 'Consensus costs', false);
    await badgeTag(feed, ZERO, 'Consensus costs', false);
  });

  it('the topics section has no serious accessibility violation with a topic open, light and dark', async () => {
    await search(options, 'model compression');
    await openTopic(options, 'model-compression-and-quantization');
    await options.click('[data-topic-id="model-compression-and-quantization"] [data-action=edit-topic]');
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      await options.evaluate(AXE);
      const violations = (await options.evaluate(async () => {
        const result = await (globalThis as any).axe.run(document.querySelector('[data-section=taxonomy]'), { resultTypes: ['violations'] });
        return result.violations
          .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: { id: string; nodes: unknown[] }) => `${v.id}: ${JSON.stringify(v.nodes)}`.slice(0, 400));
      })) as string[];
      expect(violations).toEqual([]);
    }
    await options.click('[data-topic-id="model-compression-and-quantization"] [data-form=terms] button[type=button]');
  });

  it('a restarted worker keeps the edits and the re-tagged topics without re-tagging again', async () => {
    const overlayTime = () =>
      options.evaluate(
        () =>
          new Promise<number[]>((ok, fail) => {
            const open = indexedDB.open('paperscope');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction('catalogueTopics').objectStore('catalogueTopics').getAll();
              all.onsuccess = () => {
                ok((all.result as Array<{ createdAt: number }>).map((r) => r.createdAt));
                open.result.close();
              };
            };
          }),
      );
    const before = await overlayTime();
    expect(before).toHaveLength(1);
    await stopServiceWorker(browser, options);
    const page = await browser.context.newPage();
    await page.goto(want.url);
    await waitForBadges(page, want.rows.length);
    const tags = await tagsOf(page, ZERO);
    expect(tags).toContain('HPC, cloud and distributed systems');
    expect(tags).not.toContain('Parallel training at scale');
    expect(tags).not.toContain('Parallel computing and distributed training');
    expect(tags).not.toContain('Consensus costs');
    await options.reload();
    await options.waitForSelector('[data-field=taxonomy-edits]');
    expect(await options.textContent('[data-field=taxonomy-edits]')).toContain('built-in topics: 4');
    expect(await overlayTime()).toEqual(before);
    await page.close();
  });

  it('reset brings the built-in topics back everywhere', async () => {
    await options.click('[data-action=reset-taxonomy]');
    await options.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'confirm-reset');
    await options.keyboard.press('Enter');
    await badgeTag(feed, ZERO, 'Parallel computing and distributed training');
    await options.waitForFunction(() => document.querySelector('[data-field=taxonomy-edits]')?.textContent?.includes('unchanged'));
  });
});
