// Runs one adapter on this page: scans rows, asks the background once per scan, renders badges in chunks, rescans on change.
import browser from 'webextension-polyfill';
import type { PaperRow, SiteAdapter } from '../adapters/types.ts';
import type { PaperRef } from '../core/paper.ts';
import { send, type ContentMessage } from '../messaging/client.ts';
import { clampRef, LIMITS, type Enrichment } from '../messaging/protocol.ts';
import { BADGE_TAG, createBadge, setBadgeSaved, updateBadge } from './badge.ts';

/** Render for at most this long before yielding to the page, so no task of ours comes near 50 ms. */
const SLICE_MS = 8;
const RESCAN_DELAY_MS = 250;

const actions = {
  async onSave(ref: PaperRef, saved: boolean, badge: HTMLElement) {
    const result = await send('setSaved', { paper: ref, saved });
    if (result.ok) setBadgeSaved(badge, result.value.saved);
  },
  onRelated(ref: PaperRef) {
    void send('pickPaper', { paper: ref, openPanel: true });
  },
};

export function removeAllBadges(): void {
  for (const badge of document.querySelectorAll(BADGE_TAG)) badge.remove();
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function render(rows: PaperRow[], papers: Enrichment[]): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < rows.length; i++) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
    const row = rows[i]!;
    const info = papers[i];
    if (!info || !row.rowEl.isConnected) continue;
    // The row's badge for this key, found without a selector: Chromium takes ~30 µs per row for a selector with a combinator run from an
    // element, a plain tag name takes ~1 µs.
    const present = row.rowEl.querySelectorAll<HTMLElement>(BADGE_TAG);
    let badge: HTMLElement | null = null;
    for (let j = 0; j < present.length && !badge; j++) if (present[j]!.getAttribute('data-paper-key') === row.ref.key) badge = present[j]!;
    if (!badge) {
      // A row can change paper in place (a client-side app reusing cards): drop the stale badge.
      present.forEach((old) => old.remove());
      badge = createBadge(row.ref, actions);
      row.titleEl.append(badge);
    }
    updateBadge(badge, info);
  }
}

async function scan(adapter: SiteAdapter, kind: 'listing' | 'paper', signal: AbortSignal): Promise<void> {
  /** A page with more rows than twice this sends this many, its top, on their own first. */
  const FIRST_ROWS = 100;
  const rows = adapter.rows(document).slice(0, LIMITS.rows);
  const ask = (part: PaperRow[]) =>
    send('matchRows', {
      pageUrl: location.href.slice(0, 4000),
      adapterId: adapter.id,
      pageKind: kind,
      refs: part.map((r) => clampRef(r.ref)),
    });
  // One message per scan, two on a long page: its top (what the user sees) alone, answered at once, then the whole page
  // again (the background keeps the last answer as the tab's scan, so it must be the whole page), sent in a later task.
  const split = rows.length > 2 * FIRST_ROWS;
  const top = split ? ask(rows.slice(0, FIRST_ROWS)) : undefined;
  if (split) await nextTask();
  const whole = ask(rows);
  let from = 0;
  for (const reply of top ? [top, whole] : [whole]) {
    const result = await reply;
    if (signal.aborted) return;
    if (!result.ok) {
      console.warn(`Paperscope: ${result.error}`);
      return;
    }
    if (!result.value.enabled) {
      removeAllBadges();
      return;
    }
    // The whole page's answer repeats the top's: render only the rows not yet rendered.
    await render(rows.slice(from), result.value.papers.slice(from));
    from = result.value.papers.length;
  }
}

/** Scans now and again whenever the page changes, until `signal` aborts (the page moved on, or the run is over). */
export function runAdapter(adapter: SiteAdapter, kind: 'listing' | 'paper', signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  const rescan = () => {
    running = running.then(() => (signal.aborted ? undefined : scan(adapter, kind, signal))).catch((error) => console.warn('Paperscope:', error));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(rescan, RESCAN_DELAY_MS);
  };
  rescan();
  // Rows added, removed or rewritten later (more results, client-side rendering, a card reused for another paper)
  // get their badges again; our own badge insertions are ignored, but a badge the page wiped out counts.
  const observer = new MutationObserver((records) => {
    const isBadge = (n: Node) => n.nodeType === 1 && (n as Element).localName === BADGE_TAG;
    const changed = records.some((r) => {
      if (r.type !== 'childList') return !(r.target.parentElement?.closest(BADGE_TAG) ?? isBadge(r.target));
      return [...r.addedNodes].some((n) => !isBadge(n)) || [...r.removedNodes].some(isBadge);
    });
    if (changed) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
  const onMessage = (message: unknown) => {
    const msg = message as ContentMessage;
    if (msg?.type === 'savedChanged') {
      for (const badge of document.querySelectorAll<HTMLElement>(BADGE_TAG)) {
        if (badge.getAttribute('data-paper-key') === msg.request.key) setBadgeSaved(badge, msg.request.saved);
      }
    } else if (msg?.type === 'settingsChanged') {
      rescan();
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    observer.disconnect();
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
