// Reading and clicking the feed bar from tests. Its shadow root is closed: Chromium reaches it through CDP (a node found
// with `pierce: true`, resolved to an object and called on), Firefox with chrome privileges over its debugging protocol.
// The same in-page functions read it in both.
import type { Page } from 'playwright-core';
import type { FirefoxDebugger } from './firefoxRdp.ts';
import { evaluateInFirefoxTab } from './firefox.ts';

/** Calls `fn` (a function's source, `(root, arg) => …`) on the bar's shadow root; null when the page has no bar. */
export type BarEvaluator = <T>(page: Page, fn: string, arg?: unknown) => Promise<T | null>;

interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findHost(node: CdpNode): CdpNode | undefined {
  if (node.localName === 'paperscope-feed-bar') return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

export const chromiumBar: BarEvaluator = async (page, fn, arg) => {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: `function (arg) { return (${fn})(this, arg); }`,
      objectId: object.objectId!,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in the bar: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as never;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
};

export function firefoxBar(rdp: FirefoxDebugger): BarEvaluator {
  return (page, fn, arg) =>
    evaluateInFirefoxTab(
      rdp,
      page,
      `const host = win.document.querySelector('paperscope-feed-bar');
       if (!host) return null;
       return (${fn})(host.openOrClosedShadowRoot, ${JSON.stringify(arg ?? null)});`,
    );
}

export interface BarTopic {
  id: string;
  label: string;
  count: number;
  pressed: boolean;
}

export interface BarState {
  status: string;
  shown: number;
  total: number;
  newCount: number;
  newPressed: boolean;
  forYouHidden: boolean;
  forYouCount: number;
  topics: BarTopic[];
  /** The reader's own tags on the page's saved papers (id and label are the tag). */
  userTags: BarTopic[];
}

const READ_BAR = `(root) => {
  const attr = (selector, name) => root.querySelector(selector)?.getAttribute(name) ?? null;
  return {
    status: attr('[part=status]', 'aria-label'),
    shown: Number(attr('[part=status]', 'data-shown')),
    total: Number(attr('[part=status]', 'data-total')),
    newCount: Number(attr('[part=new]', 'data-count')),
    newPressed: attr('[part=new]', 'aria-pressed') === 'true',
    forYouHidden: root.querySelector('[part=for-you]').hasAttribute('hidden'),
    forYouCount: Number(attr('[part=for-you]', 'data-count')),
    topics: [...root.querySelectorAll('[part=topic]')].map((b) => ({
      id: b.getAttribute('data-topic-id'),
      label: b.getAttribute('data-label'),
      count: Number(b.getAttribute('data-count')),
      pressed: b.getAttribute('aria-pressed') === 'true',
    })),
    userTags: [...root.querySelectorAll('[part=user-tag]')].map((b) => ({
      id: b.getAttribute('data-filter-id'),
      label: b.getAttribute('data-label'),
      count: Number(b.getAttribute('data-count')),
      pressed: b.getAttribute('aria-pressed') === 'true',
    })),
  };
}`;

export function readBar(bar: BarEvaluator, page: Page): Promise<BarState | null> {
  return bar<BarState>(page, READ_BAR);
}

/** Polls the bar until `done` holds of it. */
export async function waitForBarTo(bar: BarEvaluator, page: Page, done: (state: BarState | null) => boolean, what: string, timeoutMs = 15_000): Promise<BarState | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await readBar(bar, page);
    if (done(state)) return state;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the bar: ${JSON.stringify(state)}`);
    await page.waitForTimeout(100);
  }
}

/** Clicks a button of the bar as the user does (a trusted click at its place on screen). */
export async function clickInBar(bar: BarEvaluator, page: Page, selector: string): Promise<void> {
  const centre = await bar<{ x: number; y: number }>(
    page,
    `(root, selector) => {
      const target = root.querySelector(selector);
      if (!target) return null;
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = target.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }`,
    selector,
  );
  if (!centre) throw new Error(`no ${selector} in the feed bar`);
  await page.mouse.click(centre.x, centre.y);
}

/** The paper keys of the badges whose row the bar dimmed (an ancestor with the bar's opacity), in page order. */
export function dimmedKeys(page: Page): Promise<string[]> {
  return page.$$eval('paperscope-badge', (badges) =>
    badges.filter((b) => (b.parentElement?.closest('[style*="opacity"]') as HTMLElement | null)?.style.opacity === '0.3').map((b) => b.getAttribute('data-paper-key')!),
  );
}

/** The page as its own markup has it: the whole document without Paperscope's elements. */
export function pageWithoutPaperscope(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as Element;
    for (const el of [...copy.querySelectorAll('*')]) if (el.localName.startsWith('paperscope-')) el.remove();
    return copy.outerHTML;
  });
}

/** The paper key of the badge that holds the keyboard focus, if one does. */
export function focusedBadgeKey(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement?.localName === 'paperscope-badge' ? document.activeElement.getAttribute('data-paper-key') : null));
}
