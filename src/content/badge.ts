// The <paperscope-badge> element: plain DOM in a closed shadow root, page-derived text only via textContent. The page's
// own scripts share the DOM, so nothing of the user's state shows outside the root: the host carries only the paper's
// key (the page shows that paper already), and the badge acts only on the user's own (trusted) clicks and keys.
import type { PaperRef } from '../core/paper.ts';
import { shownTags } from '../core/topics/shownTags.ts';
import type { Enrichment } from '../messaging/shapes.ts';
import { t, tTemplate } from '../shared/i18n.ts';
import { isForYou, relevanceWords } from '../shared/relevanceWords.ts';
import type { PageTheme } from './pageTheme.ts';
// Minified by the build (the reasons for the rules are comments in the files).
import STYLE from './styles/badge.css?inline';
import THEME_DARK from './styles/badgeDark.css?inline';

export const BADGE_TAG = 'paperscope-badge';

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
      predictedAlsoTooltip: (category: string, others: string) => string;
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
    predictedAlsoTooltip: tTemplate('commonPredictedCategoryAlsoTooltip', 2),
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
      {
        part: 'tag',
        'data-facet': tag.facet,
        // A predicted category says so (naming close runners-up); a topic names the words that earned it.
        title: tag.alsoLikely
          ? w.predictedAlsoTooltip(tag.label, tag.alsoLikely.join(', '))
          : tag.predicted
            ? w.predictedTooltip(tag.label)
            : tag.terms.length
              ? w.tagTooltip(tag.label, tag.terms.join(', '))
              : tag.label,
      },
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
