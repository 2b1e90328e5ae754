// Runs one adapter on this page: reads rows (a long listing while it is still parsed), asks the background about each
// row once (in parts on a long page), renders badges in chunks, rescans on change, and keeps what the page shows for the
// popup, the side panel and the keyboard shortcut, which ask the tab.
import type { fallbackRows } from '../adapters/structural.ts';
import type { PaperRow, SiteAdapter } from '../adapters/types.ts';
import type { PaperRef } from '../core/paper.ts';
import { isNewInView } from '../core/seen/seenRecord.ts';
import { listenAsTab, sendFromContent } from '../messaging/client.ts';
import { t } from '../shared/i18n.ts';
import { clampRef, LIMITS, type Enrichment, type PagePaper, type PageScan } from '../messaging/shapes.ts';
import { BADGE_TAG, type BadgeActions, createBadge, setBadgeSaved, setBadgeTheme, updateBadge } from './badge.ts';
import { createFeedBar, type FeedBar, setFeedBarTheme } from './feedBar.ts';
import { showNotice } from './notice.ts';
import { followPageTheme, type PageTheme } from './pageTheme.ts';
import { mark } from './timeline.ts';

/**
 * Rows read before the reader yields to the page, so no task of ours comes near 50 ms. The first slice runs inside the
 * page's DOMContentLoaded, before the page lays itself out for its load event (on a big listing, its longest task):
 * what is read there (the rows of the parser's last chunk, or the whole page when it was not read while parsed) is
 * asked of the background while the page lays out; an idle machine reads 2,000 rows in about 30 ms.
 */
const FIRST_READ_SLICE_MS = 35;
const READ_SLICE_MS = 10;
/** While the page is being parsed, how often the rows parsed since are read. */
const LOADING_POLL_MS = 30;
/** A page with more rows than twice this reads and sends this many, its top (what the user sees), on their own first. */
const FIRST_ROWS = 40;
/** While a long page is still being read, rows read since the last request go ahead in batches of at least this many. */
const AHEAD_ROWS = 250;
/**
 * Badge building per frame. Each frame that changes the page costs the browser a walk of the page below the change (on
 * a 2,000-row listing, tens of ms however few rows changed), so rows go in few, full frames rather than many thin ones.
 */
const RENDER_SLICE_MS = 12;
/** While the page is parsed, the parser takes its turn between our tasks: a part is built in fewer, longer slices. */
const LOADING_RENDER_SLICE_MS = 30;
const RESCAN_DELAY_MS = 250;
/** A page that never goes quiet (a clock ticking every 200 ms) is still rescanned, this long after its first change. */
const RESCAN_MAX_WAIT_MS = 1000;

/** Whether this script started before the page was parsed (a site's, at document_start). */
const startedWhileLoading = typeof document !== 'undefined' && document.readyState === 'loading';

/** Compact badges (beside links in running text) reflow the lines around each: built in thinner frames. */
const COMPACT_RENDER_SLICE_MS = 6;
/**
 * And at most this many a frame: what such a frame costs is the browser's style and layout for them, not our script, so
 * a fast machine must not put more in one frame than the browser lays out well within 50 ms.
 */
const COMPACT_BADGES_PER_FRAME = 64;

export function removeAllBadges(): void {
  for (const badge of document.querySelectorAll(BADGE_TAG)) badge.remove();
}

/** Runs `then` now if the page is parsed, else at DOMContentLoaded. */
export function whenParsed(then: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
  else then();
}

/** A task of its own for what follows, without setTimeout's 4 ms clamp on chained timers. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Waits until the next frame has been drawn, true; a tab in the background draws none, so after 100 ms it goes on
 * anyway, false.
 */
function nextFrame(): Promise<boolean> {
  return new Promise((resolve) => {
    const fallback = setTimeout(() => resolve(false), 100);
    requestAnimationFrame(() => {
      void yieldToPage().then(() => {
        clearTimeout(fallback);
        resolve(true);
      });
    });
  });
}

/**
 * A site's fallback reader for listings its selectors read badly (adapters/structural.ts, given by the sites' content
 * scripts; the on-request scan of any page has none: it reads every paper link already).
 */
export type FallbackReader = typeof fallbackRows;

/** What a scan has read of the page so far, and how many of those rows, from the top, it has asked about. */
interface Reading {
  /** The next row reader to call (readers that gave no row are passed over, so this can run ahead of `rows`). */
  next: number;
  rows: PaperRow[];
  asked: number;
}

/**
 * Whether the parser is done with `el`: a node follows it or one of its ancestors (the parser appends in document
 * order, so a row is complete once anything comes after it).
 */
function parsedPast(el: Element): boolean {
  for (let node: Node | null = el; node && node !== document; node = node.parentNode) if (node.nextSibling) return true;
  return false;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * While the page is still being parsed (a long listing arrives and is parsed in chunks, the page drawn between them),
 * reads the rows the parser has finished every LOADING_POLL_MS and asks about them, FIRST_ROWS or more at a time, so
 * their badges go in with the rows rather than after the whole page. A row the reader cannot read yet, or one still
 * being parsed, waits for the next look; from DOMContentLoaded on, `readRows` goes on from where this stopped.
 */
async function readWhileLoading(adapter: SiteAdapter, reading: Reading, signal: AbortSignal, askAhead: () => void): Promise<void> {
  const loaded = new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  while (document.readyState === 'loading' && !signal.aborted) {
    const readers = adapter.rowReaders?.(document) ?? [];
    const sliceStart = performance.now();
    // The last candidate is where the parser is: its row may not be whole yet (a title whose links are still to come),
    // while every earlier one is, as the next candidate follows it. The last is read once the page is parsed.
    while (reading.next < readers.length - 1 && reading.rows.length < LIMITS.rows && performance.now() - sliceStart < READ_SLICE_MS) {
      const row = readers[reading.next]!();
      if (!row || !parsedPast(row.rowEl)) break;
      reading.rows.push(row);
      reading.next++;
    }
    if (reading.rows.length - reading.asked >= FIRST_ROWS) askAhead();
    await Promise.race([loaded, sleep(LOADING_POLL_MS)]);
  }
}

/**
 * Reads the page's rows in slices, from where `reading` stands. On a long page, rows are asked about before the whole
 * page is read, in page order: the first FIRST_ROWS as soon as they are read, then, at each pause while more remain, the
 * rows read since (AHEAD_ROWS or more), so the background matches them while the rest is read.
 */
async function readRows(adapter: SiteAdapter, reading: Reading, signal: AbortSignal, askAhead: () => void): Promise<PaperRow[] | undefined> {
  const readers = adapter.rowReaders?.(document);
  if (!readers) {
    reading.rows.push(...adapter.rows(document).slice(0, LIMITS.rows));
    return reading.rows;
  }
  const split = readers.length > 2 * FIRST_ROWS;
  const { rows } = reading;
  let sliceStart = performance.now();
  // The long first slice is for a script that was there while the page loaded (it runs inside DOMContentLoaded, before
  // the page's own layout); one that came after (registered at document_idle, or injected on request) reads like any.
  let slice = startedWhileLoading ? FIRST_READ_SLICE_MS : READ_SLICE_MS;
  for (; reading.next < readers.length && rows.length < LIMITS.rows; reading.next++) {
    if (performance.now() - sliceStart > slice) {
      if (split && reading.asked > 0 && rows.length - reading.asked >= AHEAD_ROWS) askAhead();
      slice = READ_SLICE_MS;
      await yieldToPage();
      if (signal.aborted) return undefined;
      sliceStart = performance.now();
    }
    const row = readers[reading.next]!();
    if (!row) continue;
    rows.push(row);
    if (split && reading.asked === 0 && rows.length === FIRST_ROWS) askAhead();
  }
  return rows;
}

/**
 * A row's new mark: whether its paper is new to the reader in this page view (first seen since the view began), or
 * undefined for no mark at all (a paper page; nothing remembered: paused, a private window).
 */
type IsNew = (info: Enrichment) => boolean | undefined;

/** Puts one row's badge in place (an existing one for the same paper is reused) and fills it. */
function renderRow(row: PaperRow, info: Enrichment, actions: BadgeActions, isNew: IsNew, compact: boolean): void {
  if (!row.rowEl.isConnected) return;
  if (row.badgeAfter) {
    // The badge is the link's next sibling: the link's own (a link elsewhere in the post is another row).
    const next = row.titleEl.nextElementSibling;
    const present = next?.localName === BADGE_TAG ? (next as HTMLElement) : null;
    if (present && present.getAttribute('data-paper-key') === row.ref.key) {
      updateBadge(present, info, isNew(info));
      return;
    }
    present?.remove();
    const badge = createBadge(row.ref, actions, compact);
    updateBadge(badge, info, isNew(info));
    row.titleEl.after(badge);
    return;
  }
  // The row's badge for this key, found without a selector: Chromium takes ~30 µs per row for a selector with a combinator run from an
  // element, a plain tag name takes ~1 µs.
  const present = row.rowEl.querySelectorAll<HTMLElement>(BADGE_TAG);
  let badge: HTMLElement | null = null;
  for (let j = 0; j < present.length && !badge; j++) if (present[j]!.getAttribute('data-paper-key') === row.ref.key) badge = present[j]!;
  if (!badge) {
    // A row can change paper in place (a client-side app reusing cards): drop the stale badge.
    present.forEach((old) => old.remove());
    badge = createBadge(row.ref, actions, compact);
    updateBadge(badge, info, isNew(info));
    row.titleEl.append(badge);
    return;
  }
  updateBadge(badge, info, isNew(info));
}

/** The run whose badges and feed bar follow the page's theme (from its first render on). */
let themeFollowedFor: AbortSignal | undefined;

/**
 * Colours badges for the page where they sit, before the run's first badge goes in (read before any write, so no extra
 * layout), then follows the page's theme, probing at the first badge in the page.
 */
function matchBadgesToPage(firstTitle: Element, signal: AbortSignal): void {
  if (themeFollowedFor === signal) return;
  themeFollowedFor = signal;
  const apply = (theme: PageTheme) => {
    setBadgeTheme(theme);
    setFeedBarTheme(theme);
  };
  followPageTheme(() => document.querySelector(BADGE_TAG)?.parentElement ?? firstTitle, apply, signal);
}

/** Rows on screen or near it when the page is first laid out (learned without forcing a layout); empty until then. */
function rowsOnScreen(rows: PaperRow[]): Set<Element> {
  const seen = new Set<Element>();
  const watcher = new IntersectionObserver(
    (entries) => {
      // The first report is what counts: watching 2,000 rows on every frame costs each frame several ms.
      watcher.disconnect();
      for (const entry of entries) if (entry.isIntersecting) seen.add(entry.target);
    },
    { rootMargin: '50% 0px' },
  );
  for (const { rowEl } of rows) watcher.observe(rowEl);
  return seen;
}

/**
 * Renders badges frame by frame, RENDER_SLICE_MS of building each, rows on screen first (one big batch would be one
 * long task of style and layout).
 */
async function render(rows: PaperRow[], papers: Enrichment[], signal: AbortSignal, actions: BadgeActions, isNew: IsNew, compact = false): Promise<void> {
  let queue = rows.map((row, i) => ({ row, info: papers[i] })).filter((item): item is { row: PaperRow; info: Enrichment } => !!item.info);
  if (queue.length === 0) return;
  matchBadgesToPage(queue[0]!.row.titleEl, signal);
  // While the page is parsed, parts come top first and the parser draws between its chunks: slices go between tasks.
  const loading = document.readyState === 'loading';
  const onScreen = queue.length > 50 && !loading ? rowsOnScreen(rows) : new Set<Element>();
  let firstOnScreen = true;
  // Frames are waited for while the tab draws them; once one did not come (a tab in the background), no more are.
  let frameMissed = false;
  while (queue.length > 0) {
    const start = performance.now();
    if (onScreen.size > 0 && firstOnScreen) {
      // Once, as soon as it is known: the rows on screen, wherever the page is scrolled.
      firstOnScreen = false;
      const rest: typeof queue = [];
      const first: typeof queue = [];
      for (const item of queue) {
        if (!onScreen.has(item.row.rowEl)) rest.push(item);
        // Compact badges on screen go first, in frames like the rest: running text reflows around each of them.
        else if (compact) first.push(item);
        else renderRow(item.row, item.info, actions, isNew, compact);
      }
      queue = [...first, ...rest];
    }
    let taken = 0;
    const slice = document.readyState === 'loading' ? LOADING_RENDER_SLICE_MS : compact ? COMPACT_RENDER_SLICE_MS : RENDER_SLICE_MS;
    const most = compact ? COMPACT_BADGES_PER_FRAME : queue.length;
    while (taken < queue.length && taken < most && (taken % 16 !== 0 || performance.now() - start < slice)) {
      const item = queue[taken++]!;
      renderRow(item.row, item.info, actions, isNew, compact);
    }
    queue = queue.slice(taken);
    if (queue.length === 0) break;
    if (document.readyState === 'loading' || frameMissed) await yieldToPage();
    else frameMissed = !(await nextFrame());
    if (signal.aborted) return;
  }
}

/** What this page shows, kept as the scan goes: each row with the worker's answer once it came. */
interface KeptScan {
  url: string;
  adapterId: string;
  pageKind: 'listing' | 'paper';
  rows: PaperRow[];
  answers: Array<Enrichment | undefined>;
  scannedAt: number;
  viewStartedAt: number;
  /** The rows are the structural fallback's: the site's own selectors found none, or far fewer (siteReadingFailed). */
  fallback: boolean;
}

/** The papers of a kept scan that have an answer, in page order: what the popup and side panel are told. */
function pageScanOf(kept: KeptScan | undefined, complete: boolean): PageScan | undefined {
  if (!kept) return undefined;
  const papers: PagePaper[] = [];
  kept.answers.forEach((info, i) => {
    if (info) papers.push({ ...info, ref: clampRef(kept.rows[i]!.ref) });
  });
  return { url: kept.url, adapterId: kept.adapterId, pageKind: kept.pageKind, papers, complete, scannedAt: kept.scannedAt, viewStartedAt: kept.viewStartedAt };
}

/**
 * Answers this run has had, by paper (key and title): a rescan (more rows scrolled in, a card re-rendered) asks only
 * about rows it has not had, and settings changes empty it.
 */
type Answered = Map<string, Enrichment>;
const answeredKey = (row: PaperRow) => `${row.ref.key}\n${row.ref.title}`;

/** Consecutive rows of a page from row `firstRow`, all answered before (`known`: their answers) or none of them. */
interface RowRun {
  rows: PaperRow[];
  firstRow: number;
  known?: Enrichment[];
}

/** A part of the page cut into runs of rows answered before and rows to ask about. */
function runsOf(part: PaperRow[], firstRow: number, answered: Answered): RowRun[] {
  const runs: RowRun[] = [];
  part.forEach((row, i) => {
    const known = answered.get(answeredKey(row));
    let run = runs.at(-1);
    if (!run || !!run.known !== !!known) runs.push((run = { rows: [], firstRow: firstRow + i, ...(known ? { known: [] } : {}) }));
    run.rows.push(row);
    if (known) run.known!.push(known);
  });
  return runs;
}

/**
 * Reads the page and asks about each row once: a long page in parts as it is read (its top first, each part rendered as
 * soon as answered, in page order), a short one in one message, and never a row `answered` already has. Keeps the
 * page's scan in `keep` as answers come. Resolves false when the scan is over early
 * (aborted, failed, site switched off).
 */
async function scan(
  adapter: SiteAdapter,
  kind: 'listing' | 'paper',
  signal: AbortSignal,
  answered: Answered,
  actions: BadgeActions,
  keep: (kept: KeptScan | undefined) => void,
  viewStartedAt: number,
  /** After each part is rendered (`feedBar`: whether the worker wants the feed bar; undefined for answers kept from before). */
  onRendered: (kept: KeptScan | undefined, feedBar: boolean | undefined) => void,
  fallback: FallbackReader | undefined,
): Promise<boolean> {
  mark('scan');
  const kept: KeptScan = {
    url: location.href.slice(0, LIMITS.url),
    adapterId: adapter.id,
    pageKind: kind,
    rows: [],
    answers: [],
    scannedAt: Date.now(),
    viewStartedAt,
    fallback: false,
  };
  const isNew: IsNew = (info) => (kind === 'listing' && info.firstSeenAt !== undefined ? isNewInView(info.firstSeenAt, viewStartedAt, kind) : undefined);
  /** Renders one answer; false when the scan is over (aborted, failed, or the site is switched off). */
  const renderAnswer = async (part: PaperRow[], firstRow: number, reply: ReturnType<typeof ask>): Promise<boolean> => {
    const result = await reply;
    mark('reply');
    if (signal.aborted) return false;
    if (!result.ok) {
      console.warn(`Paperscope: ${result.error}`);
      return false;
    }
    if (!result.value.enabled) {
      removeAllBadges();
      keep(undefined);
      onRendered(undefined, false);
      return false;
    }
    result.value.papers.forEach((info, i) => {
      kept.answers[firstRow + i] = info;
      answered.set(answeredKey(part[i]!), info);
    });
    await render(part, result.value.papers, signal, actions, isNew, adapter.compactBadges === true);
    mark('rendered');
    if (!signal.aborted) onRendered(kept, 'feedBar' in result.value ? result.value.feedBar === true : undefined);
    return !signal.aborted;
  };
  const ask = (part: PaperRow[], firstRow: number) => sendFromContent('matchRows', { adapterId: adapter.id, pageKind: kind, refs: part.map((r) => clampRef(r.ref)), firstRow });
  const reading: Reading = { next: 0, rows: kept.rows, asked: 0 };
  keep(kept);
  let partsRendered = Promise.resolve(true);
  const askAhead = () => {
    const part = reading.rows.slice(reading.asked);
    for (const run of runsOf(part, reading.asked, answered)) {
      const reply = run.known ? Promise.resolve({ ok: true as const, value: { enabled: true, papers: run.known } }) : ask(run.rows, run.firstRow);
      partsRendered = partsRendered.then((ok) => ok && renderAnswer(run.rows, run.firstRow, reply));
      if (!run.known) mark(`sent ${run.rows.length}`);
    }
    reading.asked += part.length;
  };
  if (document.readyState === 'loading') await readWhileLoading(adapter, reading, signal, askAhead);
  if (signal.aborted) return false;
  if (!(await readRows(adapter, reading, signal, askAhead)) || signal.aborted) return false;
  mark(`rows ${kept.rows.length}`);
  // A listing its site's selectors read badly (its markup moved on) is read from its structure instead, in a task of its
  // own. A long page already asked about in parts has had its own rows found, so it keeps them.
  if (fallback && kind === 'listing' && reading.asked === 0) {
    await yieldToPage();
    if (signal.aborted) return false;
    const found = fallback(document, kept.rows.length);
    kept.fallback = found !== undefined;
    if (found) kept.rows.splice(0, kept.rows.length, ...found.slice(0, LIMITS.rows));
    mark(`fallback ${found?.length ?? 'unused'}`);
  }
  // What no part has covered yet (a short page: all of it) goes in one last message.
  if (reading.asked < kept.rows.length) askAhead();
  if (!(await partsRendered)) return false;
  kept.scannedAt = Date.now();
  return true;
}

/**
 * Scans now and again whenever the page changes, until `signal` aborts (the page moved on, or the run is over);
 * `fallback` reads a listing the adapter reads badly.
 */
export function runAdapter(adapter: SiteAdapter, kind: 'listing' | 'paper', signal: AbortSignal, fallback?: FallbackReader): void {
  // A page view begins here (a load, or an in-app navigation): papers first seen from now on are new in it.
  const viewStartedAt = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  // What the page shows: the last whole scan (a rescan replaces it once done), or the first one while it is read.
  let shown: { scan: KeptScan | undefined; done: boolean } = { scan: undefined, done: false };
  const answered: Answered = new Map();
  const keep = (scan: KeptScan | undefined, done: boolean) => {
    if (done || !shown.done) shown = { scan, done };
  };
  /** Shows a paper saved or not on every badge of it, and keeps it so for rescans. */
  const showSaved = (key: string, saved: boolean) => {
    for (const badge of document.querySelectorAll<HTMLElement>(BADGE_TAG)) {
      if (badge.getAttribute('data-paper-key') === key) setBadgeSaved(badge, saved);
    }
    for (const info of answered.values()) if (info.key === key) info.saved = saved;
  };
  /** Asks the worker again whether these papers are saved, and shows what the library holds. */
  const recheckSaved = async (refs: PaperRef[]) => {
    if (refs.length === 0 || signal.aborted) return;
    const result = await sendFromContent('matchRows', { adapterId: adapter.id, pageKind: kind, refs: refs.map(clampRef), firstRow: 0 });
    if (!result.ok || !result.value.enabled || signal.aborted) return;
    result.value.papers.forEach((info) => showSaved(info.key, info.saved));
  };
  /** A badge's buttons. Rows go cut to the message limits, as scans do: a 3,000-author paper can be saved too. */
  const actions: BadgeActions = {
    async onSave(ref, saved) {
      // Shown at once; then what the worker says it stored, or, with no answer, what the library holds.
      showSaved(ref.key, saved);
      const result = await sendFromContent('setSaved', { paper: clampRef(ref), saved });
      if (result.ok) return showSaved(result.value.key, result.value.saved);
      console.warn(`Paperscope: ${result.error}`);
      showSaved(ref.key, !saved);
      await recheckSaved([ref]);
    },
    async onRelated(ref) {
      const result = await sendFromContent('pickPaper', { paper: clampRef(ref), openPanel: true });
      // Firefox opens its sidebar only on a click in the browser's own UI: say where, rather than do nothing.
      if (!result.ok || result.value.panelOpened === false) showNotice(t('contentOpenSidebarForRelated'));
    },
  };
  // The feed bar of a listing: there while the worker says so, unless the reader closed it in this view (until settings change).
  let feedBar: FeedBar | undefined;
  let feedBarWanted = false;
  let feedBarClosed = false;
  const showFeedBar = (kept: KeptScan | undefined, wanted: boolean | undefined) => {
    if (kind !== 'listing' || signal.aborted) return;
    if (wanted !== undefined) feedBarWanted = wanted;
    if (!kept || !feedBarWanted || feedBarClosed) {
      feedBar?.remove();
      feedBar = undefined;
      return;
    }
    feedBar ??= createFeedBar(adapter.name, () => {
      feedBar = undefined;
      feedBarClosed = true;
      void sendFromContent('hideFeedBar', { adapterId: adapter.id });
    });
    feedBar.update(
      kept.rows.flatMap((row, i) => {
        const info = kept.answers[i];
        return info ? [{ row, info, isNew: isNewInView(info.firstSeenAt, viewStartedAt, kind) }] : [];
      }),
    );
  };
  const rescan = () => {
    running = running
      .then(async () => {
        if (signal.aborted) return;
        let current: KeptScan | undefined;
        const done = await scan(
          adapter,
          kind,
          signal,
          answered,
          actions,
          (kept) => {
            current = kept;
            keep(kept, !kept);
          },
          viewStartedAt,
          showFeedBar,
          fallback,
        );
        if (!done || !current) return;
        keep(current, true);
        // The worker hears of the page (health figures, side panels following the tab) when its papers changed only.
        const papers = current.rows.map((row) => row.ref.key).join('\n');
        if (papers === reported) return;
        reported = papers;
        void sendFromContent('pageScanned', { adapterId: adapter.id, pageKind: kind, rowCount: current.rows.length, fallback: current.fallback });
      })
      .catch((error) => console.warn('Paperscope:', error));
  };
  let reported: string | undefined;
  let pendingSince: number | undefined;
  const schedule = () => {
    clearTimeout(timer);
    pendingSince ??= performance.now();
    const wait = Math.max(0, Math.min(RESCAN_DELAY_MS, pendingSince + RESCAN_MAX_WAIT_MS - performance.now()));
    timer = setTimeout(() => {
      pendingSince = undefined;
      rescan();
    }, wait);
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
  whenParsed(() => {
    if (!signal.aborted) observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
  });
  const stopListening = listenAsTab({
    async savedChanged({ key, saved }) {
      showSaved(key, saved);
    },
    async settingsChanged() {
      // Tags, switches or saved papers may all have changed: every row is asked again, and the page reported again.
      answered.clear();
      reported = undefined;
      feedBarClosed = false;
      rescan();
    },
    async describePage() {
      return { scan: pageScanOf(shown.scan, shown.done) };
    },
  });
  signal.addEventListener('abort', () => {
    feedBar?.remove();
    clearTimeout(timer);
    observer.disconnect();
    stopListening();
  });
}
