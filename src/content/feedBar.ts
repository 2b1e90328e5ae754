// The feed bar at the top of a listing: counts of its papers per topic, per tag of the reader's, new and for you, filters that dim the rows not
// chosen, and "next relevant". It lives in a closed shadow root, before the page's <body> (outside what the page's own
// scripts and our rescans watch); its words are generated content with an aria-label, like the badge's, so the page's
// window.find() learns nothing from them. On the page's rows it changes one thing, their opacity, and removing the bar
// puts every row's style attribute back as it was.
import type { PaperRow } from '../adapters/types.ts';
import {
  countFeed,
  countMatching,
  type FeedFilter,
  type FeedRow,
  feedRowOf,
  isFiltering,
  nextMatching,
  rowMatches,
  type TopicCount,
  toggleFilter,
} from '../core/feed/feedFilter.ts';
import type { Enrichment } from '../messaging/shapes.ts';
import { t } from '../shared/i18n.ts';
import { BADGE_TAG, focusBadge } from './badge.ts';
import type { PageTheme } from './pageTheme.ts';
import STYLE from './styles/feedBar.css?inline';
import STYLE_DARK from './styles/feedBarDark.css?inline';

export const FEED_BAR_TAG = 'paperscope-feed-bar';

/** A row of the listing with the worker's answer and whether it is new in this view. */
export interface FeedBarRow {
  row: PaperRow;
  info: Enrichment;
  isNew: boolean;
}

export interface FeedBar {
  /** Counts the rows answered so far and applies the filter to them (rows added later included). */
  update(rows: FeedBarRow[]): void;
  /** Takes the bar away and puts every row it dimmed back as it was. */
  remove(): void;
}

const DIMMED_OPACITY = '0.3';

let feedBarTheme: PageTheme = 'light';
/** The shown bar's dark palette, switched on and off by its media attribute. */
let shownDarkStyle: HTMLStyleElement | undefined;

const darkMedia = (theme: PageTheme) => (theme === 'dark' ? 'all' : 'not all');

/** Colours the feed bar, shown or to come, for a light or a dark page. */
export function setFeedBarTheme(theme: PageTheme): void {
  feedBarTheme = theme;
  if (shownDarkStyle) shownDarkStyle.media = darkMedia(theme);
}

function button(part: string, label: string, attrs: Record<string, string> = {}): HTMLButtonElement {
  const node = document.createElement('button');
  node.type = 'button';
  node.setAttribute('part', part);
  node.setAttribute('data-label', label);
  node.setAttribute('aria-label', label);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/** Shows a count on a filter button, in its generated content and its accessible name. */
function showCount(node: HTMLElement, label: string, count: number): void {
  node.setAttribute('data-count', String(count));
  node.setAttribute('aria-label', `${label} (${count})`);
}

/** The row's badge, if it has one yet. */
function badgeOf(row: PaperRow): Element | undefined {
  for (const badge of row.rowEl.querySelectorAll(BADGE_TAG)) if (badge.getAttribute('data-paper-key') === row.ref.key) return badge;
  return undefined;
}

/** Creates the bar at the top of the page; `onClose` runs when the reader closes it (after it is gone). */
export function createFeedBar(siteName: string, onClose: () => void): FeedBar {
  const host = document.createElement(FEED_BAR_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const darkStyle = document.createElement('style');
  darkStyle.textContent = STYLE_DARK;
  darkStyle.media = darkMedia(feedBarTheme);
  shownDarkStyle = darkStyle;
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('feedBarLabel'));
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('part', 'status');
  status.setAttribute('role', 'status');
  const newWords = t('feedBarNew');
  const forYouWords = t('feedBarForYou');
  const newButton = button('new', newWords, { 'aria-pressed': 'false' });
  const forYouButton = button('for-you', forYouWords, { 'aria-pressed': 'false', hidden: '' });
  const topics = document.createElement('div');
  topics.className = 'topics';
  topics.setAttribute('role', 'group');
  topics.setAttribute('aria-label', t('feedBarTopics'));
  // The reader's own tags come first in the same strip: they are the reader's words for what they follow.
  const userTags = document.createElement('span');
  userTags.setAttribute('role', 'group');
  userTags.setAttribute('aria-label', t('feedBarYourTags'));
  userTags.style.display = 'contents';
  topics.append(userTags);
  const topicButtons = document.createElement('span');
  topicButtons.style.display = 'contents';
  topics.append(topicButtons);
  const nextButton = button('next', t('feedBarNext'), { title: t('feedBarNextTitle'), 'aria-keyshortcuts': 'N Shift+N' });
  const closeWords = t('feedBarClose', siteName);
  const closeButton = button('close', '×', { title: closeWords });
  closeButton.setAttribute('aria-label', closeWords);
  bar.append(status, newButton, forYouButton, topics, nextButton, closeButton);
  root.append(style, darkStyle, bar);

  let entries: FeedBarRow[] = [];
  let rows: FeedRow[] = [];
  let filter: FeedFilter = {};
  /** Each row dimmed, with its style attribute as the page had it (null: none). */
  const dimmed = new Map<HTMLElement, string | null>();
  /** The row "next relevant" last went to. */
  let lastVisited: Element | undefined;
  let notice = '';

  const undim = (el: HTMLElement, style: string | null) => {
    if (style === null) el.removeAttribute('style');
    else el.setAttribute('style', style);
  };

  const applyFilter = () => {
    const toDim = new Set<HTMLElement>();
    if (isFiltering(filter)) {
      entries.forEach((entry, i) => {
        if (!rowMatches(rows[i]!, filter) && entry.row.rowEl instanceof HTMLElement) toDim.add(entry.row.rowEl);
      });
    }
    for (const [el, style] of dimmed) {
      if (toDim.has(el)) continue;
      undim(el, style);
      dimmed.delete(el);
    }
    for (const el of toDim) {
      if (dimmed.has(el)) continue;
      dimmed.set(el, el.getAttribute('style'));
      el.style.setProperty('opacity', DIMMED_OPACITY);
    }
  };

  const render = () => {
    const counts = countFeed(rows, new Map(entries.flatMap((e) => e.info.tags.map((tag) => [tag.id, tag.label] as const))));
    const kept = countMatching(rows, filter);
    const words = notice || (isFiltering(filter) ? t('feedBarShownOf', [kept, counts.rows]) : t('feedBarPapers', counts.rows));
    status.setAttribute('data-label', words);
    status.setAttribute('aria-label', words);
    status.setAttribute('data-shown', String(kept));
    status.setAttribute('data-total', String(counts.rows));
    // "New" only while the reader's memory answers (not paused, not a private window).
    newButton.toggleAttribute('hidden', !counts.remembered && !filter.onlyNew);
    showCount(newButton, newWords, counts.new);
    newButton.setAttribute('aria-pressed', String(!!filter.onlyNew));
    // "For you" only once the worker ranks rows (a library big enough to learn from).
    forYouButton.toggleAttribute('hidden', !counts.ranked && !filter.onlyForYou);
    showCount(forYouButton, forYouWords, counts.forYou);
    forYouButton.setAttribute('aria-pressed', String(!!filter.onlyForYou));
    showButtons(topicButtons, 'topic', counts.topics, filter.topic);
    showButtons(userTags, 'user-tag', counts.userTags, filter.userTag);
  };

  /** Filter buttons, one per count, reused by id so focus stays on the one pressed while counts change. */
  const showButtons = (group: HTMLElement, part: 'topic' | 'user-tag', list: readonly TopicCount[], chosen: string | undefined) => {
    const present = new Map<string, HTMLButtonElement>();
    for (const node of group.querySelectorAll<HTMLButtonElement>('button')) present.set(node.getAttribute('data-filter-id')!, node);
    const shown = list.map(({ id, label, count }) => {
      const node = present.get(id) ?? button(part, label, { 'data-filter-id': id, ...(part === 'topic' ? { 'data-topic-id': id } : {}) });
      node.setAttribute('data-label', label);
      showCount(node, label, count);
      node.setAttribute('aria-pressed', String(chosen === id));
      return node;
    });
    const same = shown.length === group.children.length && shown.every((node, i) => group.children[i] === node);
    if (!same) group.replaceChildren(...shown);
  };

  const setFilter = (next: FeedFilter) => {
    filter = next;
    notice = '';
    applyFilter();
    render();
  };

  /** Goes to the next (or previous) row that passes the filter: scrolled to and its badge focused. */
  const visit = (step: 1 | -1) => {
    const active = document.activeElement;
    const focusedRow = active?.localName === BADGE_TAG ? entries.findIndex((e) => e.row.rowEl.contains(active)) : -1;
    const from = focusedRow >= 0 ? focusedRow : entries.findIndex((e) => e.row.rowEl === lastVisited);
    const at = nextMatching(rows, filter, from, step);
    notice = at < 0 ? t('feedBarNoMatch') : '';
    render();
    if (at < 0) return;
    const { row } = entries[at]!;
    lastVisited = row.rowEl;
    row.rowEl.scrollIntoView({ block: 'center' });
    const badge = badgeOf(row);
    if (badge && focusBadge(badge)) return;
    // No badge yet: the title's link, if it has one.
    (row.titleEl.closest('a') ?? row.titleEl.querySelector('a[href]'))?.focus({ preventScroll: true });
  };

  const close = () => {
    remove();
    onClose();
  };

  root.addEventListener('click', (event) => {
    // A page script can dispatch events: only the reader's own clicks act.
    if (!event.isTrusted) return;
    const target = (event.target as Element | null)?.closest?.('button[part]');
    if (!target) return;
    event.stopPropagation();
    const part = target.getAttribute('part');
    if (part === 'new') setFilter(toggleFilter(filter, 'new'));
    else if (part === 'for-you') setFilter(toggleFilter(filter, 'forYou'));
    else if (part === 'topic') setFilter(toggleFilter(filter, { topic: target.getAttribute('data-filter-id')! }));
    else if (part === 'user-tag') setFilter(toggleFilter(filter, { userTag: target.getAttribute('data-filter-id')! }));
    else if (part === 'next') visit(1);
    else if (part === 'close') close();
  });

  // N (Shift+N back) in the bar or on a badge: caught before the page's own key handlers, and only there.
  const onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted || event.key.toLowerCase() !== 'n' || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target as Element | null;
    if (target !== host && target?.localName !== BADGE_TAG) return;
    event.preventDefault();
    event.stopPropagation();
    visit(event.shiftKey ? -1 : 1);
  };
  addEventListener('keydown', onKey, true);

  document.documentElement.insertBefore(host, document.body);
  render();

  function remove(): void {
    removeEventListener('keydown', onKey, true);
    for (const [el, style] of dimmed) undim(el, style);
    dimmed.clear();
    host.remove();
    if (shownDarkStyle === darkStyle) shownDarkStyle = undefined;
  }

  return {
    update(next) {
      entries = next;
      rows = next.map((entry) => feedRowOf(entry.info, entry.isNew));
      applyFilter();
      render();
    },
    remove,
  };
}
