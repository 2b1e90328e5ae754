// The <paperscope-badge> element: plain DOM in a closed shadow root, page-derived text only via textContent. The page's
// own scripts share the DOM, so nothing of the user's state shows outside the root: the host carries only the paper's
// key (the page shows that paper already), and the badge acts only on the user's own (trusted) clicks and keys.
import type { PaperRef } from '../core/paper.ts';
import { shownTags } from '../core/topics/shownTags.ts';
import type { Enrichment } from '../messaging/shapes.ts';
import { t, tTemplate } from '../shared/i18n.ts';
import { isForYou, relevanceWords } from '../shared/relevanceWords.ts';

export const BADGE_TAG = 'paperscope-badge';

// content-visibility: auto lets the browser skip style and layout inside badges far from the viewport (on a 2,000-row
// listing that halves the layout work badges cause); the size they keep meanwhile is one line of about three tags, then
// the size they last had. Its paint containment clips at the padding box: the padding, taken back by the margins,
// leaves room for the focus ring.
const STYLE = `
:host { all: initial; unicode-bidi: isolate; display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px; padding: 3px;
  margin: -3px -3px -3px 5px; vertical-align: middle; content-visibility: auto; contain-intrinsic-size: auto 320px 24px;
  font: 500 11px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2937; }
[part=tag] { padding: 0 6px; border-radius: 999px; background: #e8eefc; color: #1e3a8a; white-space: nowrap; }
[part=tag][data-facet=category] { background: #f1f5f9; color: #334155; }
[part=tag][data-low] { opacity: .75; }
/* A predicted category says so on the chip; generated content keeps the chip's text the category's name. */
[part=tag][data-predicted]::after { content: " (" attr(data-predicted) ")"; font-style: italic; font-weight: 400; }
button { all: unset; cursor: pointer; padding: 0 6px; border-radius: 999px; border: 1px solid #cbd5e1; color: #334155;
  background: #fff; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
button[part=save][aria-pressed=true] { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
/* Both labels are laid out in one cell, the other one hidden, so the button is as wide saved as not (a page can measure
   the host); they are generated content, which the page's window.find() does not search. */
button[part=save] { display: inline-grid; text-align: center; }
/* "New" is generated content too, and its place is kept when hidden: a page can learn neither which rows the reader had
   seen before from find() nor from the badge's size. */
[part=new] { padding: 0 6px; border-radius: 999px; background: #fef3c7; color: #92400e; font-weight: 600; }
[part=new]::before { content: attr(data-label); }
[part=new]:not([data-new]) { visibility: hidden; }
/* "For you" likewise: generated content, its place kept on every badge once the reader's interests are learned. Pressed,
   it shows why (also its accessible name and tooltip); the reason is generated content too, so find() cannot read it. */
button[part=for-you] { border-color: #f59e0b; background: #fffbeb; color: #92400e; font-weight: 600; }
button[part=for-you][data-level=high] { background: #f59e0b; border-color: #d97706; color: #1c1917; }
button[part=for-you]::before { content: attr(data-label); }
button[part=for-you][aria-expanded=true]::after { content: ": " attr(data-reason); font-weight: 400; }
button[part=for-you]:not([data-level]) { visibility: hidden; }
button[part=save]::before, button[part=save]::after { grid-area: 1 / 1; }
button[part=save]::before { content: attr(data-label-save); }
button[part=save]::after { content: attr(data-label-saved); visibility: hidden; }
button[part=save][aria-pressed=true]::before { visibility: hidden; }
button[part=save][aria-pressed=true]::after { visibility: visible; }
.state { display: contents; }
.catalogue { display: inline-block; width: 7px; height: 7px; flex: none; border-radius: 50%; background: #16a34a; }
@media (prefers-color-scheme: dark) {
  :host { color: #e5e7eb; }
  [part=tag] { background: #1e3a8a; color: #dbeafe; }
  [part=tag][data-facet=category] { background: #334155; color: #e2e8f0; }
  [part=new] { background: #78350f; color: #fef3c7; }
  button[part=for-you] { background: #451a03; color: #fde68a; border-color: #b45309; }
  button[part=for-you][data-level=high] { background: #b45309; color: #fffbeb; }
  button { background: #111827; color: #e5e7eb; border-color: #475569; }
}`;

/** The badge's words, asked of the browser once per page rather than once per row. */
let badgeWords:
  | {
      save: string;
      saved: string;
      saveTitle: string;
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
    saveTitle: t('badgeSaveTitle'),
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

/** One stylesheet shared by every badge (a <style> per badge costs style work per row); a <style> where unsupported. */
function style(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  root.append(el('style', {}, STYLE));
}

/** Each badge's closed root: the only way in, and only this module holds it. */
const badgeRoots = new WeakMap<Element, ShadowRoot>();

/** What a badge's buttons act on, kept beside the badge rather than in two closures per badge. */
const badgeTargets = new WeakMap<ShadowRoot, { ref: PaperRef; actions: BadgeActions }>();

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
    state.append(
      el('span', { class: 'tags' }),
      el('button', { part: 'save', type: 'button', 'aria-pressed': 'false', 'aria-label': w.save, 'data-label-save': w.save, 'data-label-saved': w.saved, title: w.saveTitle }),
      el('button', { part: 'related', type: 'button', title: w.relatedTitle }, w.related),
    );
    shell.append(state);
  }
  return shell;
}

/** Creates a badge for one row (without inserting it). */
export function createBadge(ref: PaperRef, actions: BadgeActions): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  host.setAttribute('data-paper-key', ref.key);
  const root = host.attachShadow({ mode: 'closed' });
  style(root);
  root.append(badgeShell().cloneNode(true));
  badgeRoots.set(host, root);
  badgeTargets.set(root, { ref, actions });
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
  for (const tag of shownTags(info.tags)) {
    const chip = el(
      'span',
      { part: 'tag', 'data-facet': tag.facet, title: tag.predicted ? w.predictedTooltip(tag.label) : tag.terms.length ? w.tagTooltip(tag.label, tag.terms.join(', ')) : tag.label },
      tag.label,
    );
    if (tag.confidence < 0.5) chip.setAttribute('data-low', '');
    if (tag.predicted) chip.setAttribute('data-predicted', w.predicted);
    tags.append(chip);
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
  button.setAttribute('aria-label', saved ? words().saved : words().save);
}

/** Puts the keyboard focus on a badge's first button (the feed bar's "next relevant"); false when it has none yet. */
export function focusBadge(host: Element): boolean {
  const button = badgeRoots.get(host)?.querySelector<HTMLElement>('button');
  button?.focus({ preventScroll: true });
  return !!button;
}
