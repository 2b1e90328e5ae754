// End to end in real Chromium: links anywhere. The popup's "Show badges on this site" asks for the one site's permission
// in the click (a real mouse click on the toolbar popup, through CDP), badges appear beside the paper links of a served
// Hacker News thread and GitHub README, survive a reload (the registered script), and go when it is turned off, from
// the popup or the options page, with the permission and the registration.
//
// Granting: headless Chromium cannot show the permission prompt and no switch answers it, so the two sites' grant is
// written into the profile before the browser starts (grantHostsInProfile), as a person's earlier "Allow" leaves it;
// `permissions.request` then resolves true at once, and still only inside the click's user gesture (Chromium refuses it
// outside one: checked here too). Firefox grants it through the real request (tests/e2e/linksAnywhere.firefox.test.ts).
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickBadgeButton,
  fixture,
  grantHostsInProfile,
  launchWithExtension,
  openActionPopup,
  readBadges,
  savedKeysOf,
  serveAt,
  type ExtensionBrowser,
  waitForBadgeSaved,
  until,
} from './chromium.ts';
import { badgeKeys, settledBadgeKeys } from './sitesPages.ts';

const HN_URL = 'https://news.ycombinator.com/item?id=37820000';
const GITHUB_URL = 'https://github.com/example/awesome-efficient-llm';
const BLOG_URL = 'https://blog.example.org/papers';
const REDDIT_URL = 'https://www.reddit.com/r/MachineLearning/comments/13wqzab/r_direct_preference_optimization_explained/';
const REDDIT = 'https://www.reddit.com';
const HN = 'https://news.ycombinator.com';
const GITHUB = 'https://github.com';
const keysOf = (name: string) => (JSON.parse(fixture(`links/${name}.json`)) as { papers: Array<{ key: string }> }).papers.map((p) => p.key);

describe('Links anywhere, in Chromium', () => {
  let browser: ExtensionBrowser;
  let cdp: CDPSession;
  const granted = () => browser.worker.evaluate(async () => ((await (globalThis as any).chrome.permissions.getAll()).origins as string[]).filter((o) => !o.includes('scholar')));
  const registered = () =>
    browser.worker.evaluate(async () =>
      (await (globalThis as any).chrome.scripting.getRegisteredContentScripts()).map((s: { id: string; matches: string[] }) => ({ id: s.id, matches: s.matches })),
    );

  beforeAll(async () => {
    // A first start installs the extension into the profile; the grant is written while the browser is closed.
    const first = await launchWithExtension();
    const { profileDir, extensionId } = first;
    await first.close();
    grantHostsInProfile(profileDir, extensionId, [`${HN}/*`, `${GITHUB}/*`, `${REDDIT}/*`]);
    browser = await launchWithExtension(profileDir);
    cdp = await browser.context.browser()!.newBrowserCDPSession();
    await serveAt(browser.context, HN_URL, fixture('links/hn-thread.html'));
    await serveAt(browser.context, GITHUB_URL, fixture('links/github-readme.html'));
    await serveAt(browser.context, BLOG_URL, fixture('links/personal-page.html'));
    await serveAt(browser.context, REDDIT_URL, fixture('links/reddit-thread.html'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openTab(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }

  async function popupFor(page: Page) {
    await page.bringToFront();
    const popup = await openActionPopup(cdp, browser.extensionId, page);
    await until(() => popup.evaluate(`!!document.querySelector('input[data-control="links-site"]')`), 'the links control');
    return popup;
  }

  it('is off by default: a granted site still shows no badges until the reader turns them on', async () => {
    const page = await openTab(HN_URL);
    await page.waitForTimeout(800);
    expect(await badgeKeys(page)).toEqual([]);
    expect(await registered()).toEqual([]);
    await page.close();
  });

  it('refuses a request outside the user gesture: a script click in the popup turns nothing on', async () => {
    const page = await openTab(BLOG_URL);
    const popup = await popupFor(page);
    // Not granted in the profile, and clicked by a script: Chromium refuses before any prompt.
    await popup.evaluate(`document.querySelector('input[data-control="links-site"]').click()`);
    await until(() => popup.evaluate(`document.querySelector('[role="alert"]')?.textContent ?? ''`), 'the error');
    expect(await popup.evaluate(`document.querySelector('input[data-control="links-site"]').checked`)).toBe(false);
    expect(await granted()).not.toContain('https://blog.example.org/*');
    expect(await registered()).toEqual([]);
    expect(await badgeKeys(page)).toEqual([]);
    await page.close();
  });

  it('turns on from the popup with a click: compact badges beside the paper links of a Hacker News thread, again after a reload', async () => {
    const page = await openTab(HN_URL);
    const popup = await popupFor(page);
    expect(await popup.evaluate(`document.querySelector('input[data-control="links-site"]').checked`)).toBe(false);
    await popup.click('input[data-control="links-site"]');
    const want = keysOf('hn-thread');
    expect(await settledBadgeKeys(page, want)).toEqual(want);
    const badges = await readBadges(page);
    // Compact: Save, tags, no Related button; each right after its link.
    expect(badges.every((b) => b.savePressed === 'false' && !b.hasRelated)).toBe(true);
    expect(await page.evaluate(() => [...document.querySelectorAll('paperscope-badge')].every((b) => b.previousElementSibling?.localName === 'a'))).toBe(true);
    expect(await registered()).toEqual([{ id: 'paperscope-links', matches: [`${HN}/*`] }]);
    // The popup lists the page's papers.
    await until(async () => ((await popup.evaluate(`document.querySelectorAll('li[data-paper-key]').length`)) as number) > 0, 'the popup list');

    await page.reload();
    expect(await settledBadgeKeys(page, want)).toEqual(want);
    // Save, with the reader's own click on the compact badge; every badge of that paper follows (two posts link Llama 2).
    await clickBadgeButton(page, 'arxiv:2307.09288', 'save');
    await waitForBadgeSaved(page, 'arxiv:2307.09288', true);
    await until(async () => (await readBadges(page)).filter((b) => b.key === 'arxiv:2307.09288').every((b) => b.saved === 'true'), 'both Llama 2 badges saved');
    const library = await browser.context.newPage();
    await library.goto(browser.pageUrl('src/ui/options/index.html'));
    expect(await savedKeysOf(library)).toEqual(['arxiv:2307.09288']);
    await library.close();
    await page.close();
  });

  it('turns on and off for GitHub from the popup: off removes the badges, the permission and the registration for that site only', async () => {
    const page = await openTab(GITHUB_URL);
    const popup = await popupFor(page);
    await popup.click('input[data-control="links-site"]');
    const want = keysOf('github-readme');
    expect(await settledBadgeKeys(page, want)).toEqual(want);
    expect(await registered()).toEqual([{ id: 'paperscope-links', matches: [`${GITHUB}/*`, `${HN}/*`] }]);

    await until(
      () => popup.evaluate(`document.querySelector('input[data-control="links-site"]').checked && !document.querySelector('input[data-control="links-site"]').disabled`),
      'the control on',
    );
    await popup.click('input[data-control="links-site"]');
    expect(await settledBadgeKeys(page, [])).toEqual([]);
    expect(await granted()).not.toContain(`${GITHUB}/*`);
    expect(await granted()).toContain(`${HN}/*`);
    expect(await registered()).toEqual([{ id: 'paperscope-links', matches: [`${HN}/*`] }]);
    await page.reload();
    await page.waitForTimeout(800);
    expect(await badgeKeys(page)).toEqual([]);
    await page.close();
  });

  it("turns a site off when its permission is taken back outside Paperscope (the browser's site settings)", async () => {
    const page = await openTab(REDDIT_URL);
    const popup = await popupFor(page);
    await popup.click('input[data-control="links-site"]');
    const want = keysOf('reddit-thread');
    expect(await settledBadgeKeys(page, want)).toEqual(want);
    // What the browser's own "site access" settings do: the grant goes, no message of ours involved.
    await browser.worker.evaluate((pattern) => (globalThis as any).chrome.permissions.remove({ origins: [pattern] }), `${REDDIT}/*`);
    expect(await settledBadgeKeys(page, [])).toEqual([]);
    expect(await until(async () => !JSON.stringify(await registered()).includes(REDDIT), 'the registration to drop Reddit')).toBe(true);
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForSelector(`[data-links-site="${HN}"]`);
    expect(await options.locator(`[data-links-site="${REDDIT}"]`).count()).toBe(0);
    await Promise.all([options.close(), page.close()]);
  });

  it('lists the sites in the options page, where turning one off removes its badges', async () => {
    const page = await openTab(HN_URL);
    const want = keysOf('hn-thread');
    expect(await settledBadgeKeys(page, want)).toEqual(want);
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await options.waitForSelector(`[data-links-site="${HN}"]`);
    expect(await options.locator('[data-links-site]').evaluateAll((els) => els.map((el) => el.getAttribute('data-links-site')))).toEqual([HN]);
    await options.click(`[data-links-site="${HN}"] button[data-action="links-off"]`);
    await options.waitForSelector('[data-links-site]', { state: 'detached' });
    expect(await settledBadgeKeys(page, [])).toEqual([]);
    expect(await granted()).not.toContain(`${HN}/*`);
    expect(await registered()).toEqual([]);
    await Promise.all([options.close(), page.close()]);
  });
});
