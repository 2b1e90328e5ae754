// The <paperscope-badge> element: plain DOM in a closed shadow root, page-derived text only via textContent. The page's
// own scripts share the DOM, so nothing of the user's state shows outside the root: the host carries only the paper's
// key (the page shows that paper already), and the badge acts only on the user's own (trusted) clicks and keys.
import type { PaperRef } from '../core/paper.ts';
import { shownTags } from '../core/topics/shownTags.ts';
import type { Enrichment } from '../messaging/shapes.ts';
import { t, tTemplate } from '../shared/i18n.ts';
import { isForYou, relevanceWords } from '../shared/relevanceWords.ts';
import type { PageTheme } from './pageTheme.ts';

export const BADGE_TAG = 'paperscope-badge';

// content-visibility: auto lets the browser skip style and layout inside badges far from the viewport (on a 2,000-row
// listing that halves the layout work badges cause); the size they keep meanwhile is one line of about three tags, then
// the size they last had. Its paint containment clips at the padding box: the padding, taken back by the margins,
// leaves room for the focus ring. Colours are custom properties on .state (the page cannot reach inside to set them):
// light ones here, dark ones in THEME_DARK, chosen by the page's own colours (pageTheme.ts), not the system's theme.
// Wrapping: marks and tags are the host's flex items, with a gap, and wrap one by one; Save and Related are one item
// together, so they never land on separate lines. The rules' reasons (kept out of the shipped string):
// - A predicted category says so on the chip; generated content keeps the chip's text the category's name.
// - Both labels are laid out in one cell, the other one hidden, so the button is as wide saved as not (a page can
//   measure the host); they are generated content, which the page's window.find() does not search. The star is the
//   popup's.
// - "New" is generated content too, and its place is kept when hidden: a page can learn neither which rows the reader
//   had seen before from find() nor from the badge's size.
// - "For you" likewise: generated content, its place kept on every badge once the reader's interests are learned.
//   Pressed, it shows why (also its accessible name and tooltip); the reason is generated content too, so find()
//   cannot read it.
const STYLE = `
:host { all: initial; unicode-bidi: isolate; display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px; padding: 3px;
  margin: -3px -3px -3px 5px; vertical-align: middle; content-visibility: auto; contain-intrinsic-size: auto 320px 24px;
  font: 500 11px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.state { display: contents; color: var(--ink);
  --ink: #1f2937; --tag-bg: #e8eefc; --tag-ink: #1e3a8a; --category-bg: #eef2f6; --category-ink: #334155;
  --button-bg: #fff; --button-ink: #334155; --button-border: #64748b; --pressed-bg: #1d4ed8; --pressed-ink: #fff; --focus: #2563eb;
  --new-bg: #fef3c7; --new-ink: #92400e; --for-you-bg: #fffbeb; --for-you-ink: #92400e; --for-you-border: #f59e0b;
  --for-you-high-bg: #f59e0b; --for-you-high-ink: #1c1917; --for-you-high-border: #d97706; --dot: #16a34a; }
.tags { display: contents; }
.actions { display: inline-flex; align-items: center; gap: 4px; flex: none; }
[part=tag] { padding: 0 6px; border-radius: 999px; background: var(--tag-bg); color: var(--tag-ink); white-space: nowrap; }
[part=tag][data-facet=category] { background: var(--category-bg); color: var(--category-ink); }
[part=tag][data-low] { opacity: .75; }
[part=tag][data-predicted]::after { content: " (" attr(data-predicted) ")"; font-style: italic; font-weight: 400; }
button { all: unset; cursor: pointer; padding: 0 6px; border-radius: 999px; border: 1px solid var(--button-border); color: var(--button-ink);
  background: var(--button-bg); white-space: nowrap; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
button[part=save][aria-pressed=true] { background: var(--pressed-bg); border-color: var(--pressed-bg); color: var(--pressed-ink); }
button[part=save] { display: inline-grid; text-align: center; }
[part=new] { padding: 0 6px; border-radius: 999px; background: var(--new-bg); color: var(--new-ink); font-weight: 600; }
[part=new]::before { content: attr(data-label); }
[part=new]:not([data-new]) { visibility: hidden; }
button[part=for-you] { border-color: var(--for-you-border); background: var(--for-you-bg); color: var(--for-you-ink); font-weight: 600; }
button[part=for-you][data-level=high] { background: var(--for-you-high-bg); border-color: var(--for-you-high-border); color: var(--for-you-high-ink); }
button[part=for-you]::before { content: attr(data-label); }
button[part=for-you][aria-expanded=true]::after { content: ": " attr(data-reason); font-weight: 400; }
button[part=for-you]:not([data-level]) { visibility: hidden; }
button[part=save]::before, button[part=save]::after { grid-area: 1 / 1; }
button[part=save]::before { content: "\\2606\\00a0" attr(data-label-save); }
button[part=save]::after { content: "\\2605\\00a0" attr(data-label-saved); visibility: hidden; }
button[part=save][aria-pressed=true]::before { visibility: hidden; }
button[part=save][aria-pressed=true]::after { visibility: visible; }
/* A compact badge (beside a link in a post): smaller, closer to the link, two tags and Save. */
.state.compact { font-size: 10px; }
:host([data-compact]) { margin-left: 3px; gap: 3px; contain-intrinsic-size: auto 150px 18px; }
.catalogue { display: inline-block; width: 7px; height: 7px; flex: none; border-radius: 50%; background: var(--dot); }`;

/** The dark palette, for a page that is dark where the badges sit (whatever the system's theme). */
const THEME_DARK = `
.state { --ink: #e5e7eb; --tag-bg: #1e3a8a; --tag-ink: #dbeafe; --category-bg: #334155; --category-ink: #e2e8f0;
  --button-bg: #111827; --button-ink: #e5e7eb; --button-border: #64748b; --pressed-bg: #2563eb; --pressed-ink: #fff; --focus: #93c5fd;
  --new-bg: #78350f; --new-ink: #fef3c7; --for-you-bg: #451a03; --for-you-ink: #fde68a; --for-you-border: #b45309;
  --for-you-high-bg: #b45309; --for-you-high-ink: #fffbeb; --for-you-high-border: #d97706; --dot: #4ade80; }`;

/** The badge's words, asked of the browser once per page rather than once per row. */
let badgeWords:
  | {
      save: string;
      saved: string;
      saveTitle: string;
      savedTitle: string;
      related: string;
      relatedTitle: string;
      inCatalogue: string;
      tagTooltip: (topic: string, terms: string) => string;
      predictedTooltip: (category: string) => string;
      predicted: string;
      isNew: string;
      isNewTitle: string;
      forYou: string;
      forYouLabel: (reason: string) => string;
    }
  | undefined;

function words(): NonNullable<typeof badgeWords> {
  badgeWords ??= {
    save: t('commonSave'),
    saved: t('commonSaved'),
    saveTitle: t('commonSaveTitle'),
    savedTitle: t('commonSavedTitle'),
    related: t('commonRelated'),
    relatedTitle: t('commonRelatedTitle'),
    inCatalogue: t('badgeInCatalogue'),
    tagTooltip: tTemplate('commonTagTooltip', 2),
    predictedTooltip: tTemplate('commonPredictedCategoryTooltip', 1),
    predicted: t('commonPredicted'),
    isNew: t('badgeNew'),
    isNewTitle: t('badgeNewTitle'),
    forYou: t('badgeForYou'),
    forYouLabel: tTemplate('badgeForYouLabel', 1),
  };
  return badgeWords;
}

export interface BadgeActions {
  onSave(ref: PaperRef, saved: boolean): void;
  onRelated(ref: PaperRef): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

let sharedSheet: CSSStyleSheet | null | undefined;
/** The page theme's palette, one sheet every badge adopts: switching the page's theme rewrites it, never a badge. */
let themeSheet: CSSStyleSheet | undefined;
let badgeTheme: PageTheme = 'light';

const themeRules = (theme: PageTheme) => (theme === 'dark' ? THEME_DARK : '');

/** One stylesheet shared by every badge (a <style> per badge costs style work per row); a <style> where unsupported. */
function style(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
      themeSheet = new CSSStyleSheet();
      themeSheet.replaceSync(themeRules(badgeTheme));
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet && themeSheet) {
    try {
      root.adoptedStyleSheets = [sharedSheet, themeSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  // Without constructable sheets a badge keeps the theme of the page when it was made.
  root.append(el('style', {}, STYLE + themeRules(badgeTheme)));
}

/** Colours every badge, present and to come, for a light or a dark page. */
export function setBadgeTheme(theme: PageTheme): void {
  if (theme === badgeTheme) return;
  badgeTheme = theme;
  themeSheet?.replaceSync(themeRules(theme));
}

/** Each badge's closed root: the only way in, and only this module holds it. */
const badgeRoots = new WeakMap<Element, ShadowRoot>();

/** What a badge's buttons act on, kept beside the badge rather than in two closures per badge. */
const badgeTargets = new WeakMap<ShadowRoot, { ref: PaperRef; actions: BadgeActions; compact: boolean }>();

/** Tags a compact badge shows; the rest are named in its tooltip. */
const COMPACT_TAGS = 2;

/** One click listener for every badge: the save and related buttons, told apart by their part. */
function onBadgeClick(this: ShadowRoot, event: Event): void {
  // A page script can call click() or dispatch events: only the user's own clicks and keys act.
  if (!event.isTrusted) return;
  const button = (event.target as Element | null)?.closest?.('button[part]');
  const target = badgeTargets.get(this);
  if (!button || !target) return;
  event.preventDefault();
  event.stopPropagation();
  const part = button.getAttribute('part');
  if (part === 'save') target.actions.onSave(target.ref, button.getAttribute('aria-pressed') !== 'true');
  else if (part === 'for-you') button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true'));
  else target.actions.onRelated(target.ref);
}

/** The inside of a badge before it knows anything, built once and cloned for each badge (no page text in it). */
let shell: DocumentFragment | undefined;

function badgeShell(): DocumentFragment {
  if (!shell) {
    const w = words();
    shell = document.createDocumentFragment();
    const state = el('span', { class: 'state', 'data-in-catalogue': 'false', 'data-saved': 'false' });
    // Save and Related in one box of their own: they wrap together, never apart.
    const actions = el('span', { class: 'actions' });
    actions.append(
      el('button', { part: 'save', type: 'button', 'aria-pressed': 'false', 'aria-label': w.save, 'data-label-save': w.save, 'data-label-saved': w.saved, title: w.saveTitle }),
      el('button', { part: 'related', type: 'button', title: w.relatedTitle }, w.related),
    );
    state.append(el('span', { class: 'tags' }), actions);
    shell.append(state);
  }
  return shell;
}

/**
 * Creates a badge for one row (without inserting it). A compact one (beside a paper link in a post) has its tags, the
 * catalogue mark and Save: no Related button. Its host says it is compact, which the page can see from its size anyway.
 */
export function createBadge(ref: PaperRef, actions: BadgeActions, compact = false): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  host.setAttribute('data-paper-key', ref.key);
  const root = host.attachShadow({ mode: 'closed' });
  style(root);
  root.append(badgeShell().cloneNode(true));
  if (compact) {
    host.setAttribute('data-compact', '');
    root.querySelector('.state')!.classList.add('compact');
    root.querySelector('[part=related]')!.remove();
  }
  badgeRoots.set(host, root);
  badgeTargets.set(root, { ref, actions, compact });
  root.addEventListener('click', onBadgeClick);
  return host;
}

/**
 * Fills a badge with what the background knows. `isNew`: whether the reader sees this paper for the first time (a
 * listing's badge while the reader's memory is on has the mark's place, shown or not); undefined: no mark at all.
 */
export function updateBadge(host: HTMLElement, info: Enrichment, isNew?: boolean): void {
  const root = badgeRoots.get(host);
  if (!root) return;
  setBadgeNew(root, isNew);
  setBadgeForYou(root, info);
  root.querySelector('.state')!.setAttribute('data-in-catalogue', String(info.inCatalogue));
  setBadgeSaved(host, info.saved);
  const tags = root.querySelector('.tags')!;
  tags.replaceChildren();
  const w = words();
  if (info.inCatalogue) tags.append(el('span', { class: 'catalogue', title: w.inCatalogue, role: 'img', 'aria-label': w.inCatalogue }));
  const shown = shownTags(info.tags);
  const compact = badgeTargets.get(root)?.compact === true;
  for (const tag of compact ? shown.slice(0, COMPACT_TAGS) : shown) {
    const chip = el(
      'span',
      { part: 'tag', 'data-facet': tag.facet, title: tag.predicted ? w.predictedTooltip(tag.label) : tag.terms.length ? w.tagTooltip(tag.label, tag.terms.join(', ')) : tag.label },
      tag.label,
    );
    if (tag.confidence < 0.5) chip.setAttribute('data-low', '');
    if (tag.predicted) chip.setAttribute('data-predicted', w.predicted);
    tags.append(chip);
  }
  // A compact badge names its other tags in a tooltip on its last one.
  if (compact && shown.length > COMPACT_TAGS) {
    const last = tags.lastElementChild!;
    last.setAttribute(
      'title',
      `${last.getAttribute('title') ?? ''} (+ ${shown
        .slice(COMPACT_TAGS)
        .map((tag) => tag.label)
        .join(', ')})`,
    );
  }
}

function setBadgeNew(root: ShadowRoot, isNew: boolean | undefined): void {
  let mark = root.querySelector('[part=new]');
  if (isNew === undefined) {
    mark?.remove();
    return;
  }
  if (!mark) {
    const w = words();
    mark = el('span', { part: 'new', 'data-label': w.isNew, title: w.isNewTitle });
    root.querySelector('.state')!.prepend(mark);
  }
  if (isNew) {
    mark.setAttribute('data-new', '');
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', words().isNew);
    mark.removeAttribute('aria-hidden');
  } else {
    mark.removeAttribute('data-new');
    mark.removeAttribute('role');
    mark.removeAttribute('aria-label');
    mark.setAttribute('aria-hidden', 'true');
  }
}

/**
 * Marks a row that fits the reader's interests (level high or medium) with why. Once interests are learned every badge
 * keeps the mark's place, shown or not; before that (too few saved papers) there is no mark at all.
 */
function setBadgeForYou(root: ShadowRoot, { relevance }: Enrichment): void {
  let mark = root.querySelector('[part=for-you]');
  if (!relevance) {
    mark?.remove();
    return;
  }
  if (!mark) {
    mark = el('button', { part: 'for-you', type: 'button', 'aria-expanded': 'false', 'data-label': words().forYou });
    root.querySelector('.state')!.prepend(mark);
  }
  if (isForYou(relevance)) {
    // The reason holds saved papers' titles and authors: attributes and generated content only, never page text nodes.
    const reason = relevanceWords(relevance);
    const label = words().forYouLabel(reason);
    mark.setAttribute('data-level', relevance.level);
    mark.setAttribute('data-reason', reason);
    mark.setAttribute('aria-label', label);
    mark.setAttribute('title', label);
    mark.removeAttribute('aria-hidden');
  } else {
    for (const name of ['data-level', 'data-reason', 'aria-label', 'title']) mark.removeAttribute(name);
    mark.setAttribute('aria-expanded', 'false');
    mark.setAttribute('aria-hidden', 'true');
  }
}

/** Shows a paper saved or not (inside the root only: the page must not learn it). */
export function setBadgeSaved(host: HTMLElement, saved: boolean): void {
  const root = badgeRoots.get(host);
  if (!root) return;
  root.querySelector('.state')!.setAttribute('data-saved', String(saved));
  const button = root.querySelector('[part=save]')!;
  button.setAttribute('aria-pressed', String(saved));
  // The name is the word shown (as in the popup's toggle), the tooltip says what a press does.
  button.setAttribute('aria-label', saved ? words().saved : words().save);
  button.setAttribute('title', saved ? words().savedTitle : words().saveTitle);
}

/** Puts the keyboard focus on a badge's first button (the feed bar's "next relevant"); false when it has none yet. */
export function focusBadge(host: Element): boolean {
  const button = badgeRoots.get(host)?.querySelector<HTMLElement>('button');
  button?.focus({ preventScroll: true });
  return !!button;
}
