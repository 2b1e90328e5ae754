// Null-safe DOM reads for adapters: a missing element gives '' or undefined, never an exception.
import { cleanText } from '../core/identity/titles.ts';
import { arxivIdFromUrl, normalizeDoi } from '../core/identity/paperKey.ts';
import { withoutInvisibleControls } from '../core/text/invisibleControls.ts';
import type { PaperRow } from './types.ts';

export function first(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const el = queryFirst(root, selector);
    if (el) return el;
  }
  return undefined;
}

// ── Fast scoped queries ─────────────────────────────────────────────────────────────────────────────────────────
// Chromium answers a selector with a combinator (".list-authors a") from an element in tens of µs whatever the
// element's size (~35 µs per dd on a 2,000-row arXiv listing, against ~1 µs for ".list-authors"), which made row reads
// the bulk of a scan. From an element, the last compound's descendants filtered by `matches(selector)` are exactly
// the same elements in the same order, and cost about a microsecond.

/** The selector's last compound ("a" of ".list-authors a"); undefined when the plain query is as good or not equivalent. */
const lastCompounds = new Map<string, string | undefined>();

function lastCompoundOf(selector: string): string | undefined {
  if (lastCompounds.has(selector)) return lastCompounds.get(selector);
  const found = scanLastCompound(selector);
  if (lastCompounds.size >= 500) lastCompounds.clear();
  lastCompounds.set(selector, found);
  return found;
}

function scanLastCompound(selector: string): string | undefined {
  // :scope means the element in querySelectorAll but the candidate in matches: leave those to the browser.
  if (/:scope\b/i.test(selector)) return undefined;
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && c === ',')
      return undefined; // a list: one plain query
    else if (depth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '>' || c === '+' || c === '~')) {
      start = i + 1;
    }
  }
  if (start === 0 || quote || depth !== 0) return undefined; // one compound (already fast), or malformed
  const last = selector.slice(start).trim();
  return last || undefined;
}

/** Elements under `root` matching `selector`, in document order: `root.querySelectorAll(selector)`, faster from an element. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  const last = (root as Node).nodeType === 9 ? undefined : lastCompoundOf(selector);
  if (!last) return Array.from(root.querySelectorAll(selector));
  const out: Element[] = [];
  const candidates = root.querySelectorAll(last);
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.matches(selector)) out.push(candidates[i]!);
  return out;
}

/** The first element under `root` matching `selector`: `root.querySelector(selector)`, faster from an element. */
export function queryFirst(root: ParentNode, selector: string): Element | null {
  const last = (root as Node).nodeType === 9 ? undefined : lastCompoundOf(selector);
  if (!last) return root.querySelector(selector);
  const candidates = root.querySelectorAll(last);
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.matches(selector)) return candidates[i]!;
  return null;
}

/**
 * cleanText, about 4x faster on long text: only whitespace that is not already a single space is replaced (a run of
 * two or more, or one tab, newline, nbsp…), so a 1,000-character abstract is not rebuilt at each of its spaces.
 */
export function tidyText(text: string | null | undefined): string {
  // Bidi overrides and zero-width characters could reverse or hide what the popup and side panel show.
  return withoutInvisibleControls(text ?? '')
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

export function text(el: Element | null | undefined): string {
  return tidyText(el?.textContent);
}

/** Text of an element without the children matching `skip` (e.g. arXiv's "Title:" descriptor). */
export function textWithout(el: Element | null | undefined, skip: string): string {
  if (!el) return '';
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1 && (node as Element).matches(skip)) continue;
    if (node.nodeType === 1 && (node as Element).localName === 'paperscope-badge') continue;
    out += node.textContent ?? '';
  }
  return cleanText(out);
}

export function attr(el: Element | null | undefined, name: string): string {
  return el?.getAttribute(name)?.trim() ?? '';
}

export function meta(root: ParentNode, name: string): string {
  return attr(root.querySelector(`meta[name="${name}"]`), 'content');
}

export function metaAll(root: ParentNode, name: string): string[] {
  return Array.from(root.querySelectorAll(`meta[name="${name}"]`))
    .map((el) => attr(el, 'content'))
    .filter(Boolean);
}

/** Every element of the first alternative that matches anything (alternatives are tried in order). */
export function allOf(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const els = queryAll(root, selector);
    if (els.length > 0) return els;
  }
  return [];
}

// What MathJax adds when it typesets: v2 previews/frames/assistive MathML, v3 containers.
const MATHJAX_OUTPUT = '.MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_SVG, .MathJax_CHTML, .MJX_Assistive_MathML';

/** A list of plain class selectors (".descriptor", ".a, .b") as class names; undefined for anything else. */
const classLists = new Map<string, readonly string[] | undefined>();
const CLASS_LIST = /^\s*\.-?[_a-zA-Z][\w-]*(?:\s*,\s*\.-?[_a-zA-Z][\w-]*)*\s*$/;

function classListOf(selector: string): readonly string[] | undefined {
  if (classLists.has(selector)) return classLists.get(selector);
  const names = CLASS_LIST.test(selector) ? selector.split(',').map((part) => part.trim().slice(1)) : undefined;
  if (classLists.size >= 500) classLists.clear();
  classLists.set(selector, names);
  return names;
}

/**
 * A test for `matches(selector)`, without a selector match per node where the selector is plain class names (most
 * elements have no class at all); quirks-mode pages match classes case-insensitively, so they keep `matches`.
 */
function matcherFor(selector: string, doc: Document | null): (e: Element) => boolean {
  if (!selector) return () => false;
  const names = doc?.compatMode === 'BackCompat' ? undefined : classListOf(selector);
  if (!names) return (e) => e.matches(selector);
  return (e) => {
    const classes = e.classList;
    if (classes.length === 0) return false;
    for (const name of names) if (classes.contains(name)) return true;
    return false;
  };
}

/**
 * Text as the author wrote it, with the same result before and after MathJax typesets the page:
 * skips children matching `skip`, badges and MathJax output, and turns MathJax 2 source scripts back into `$TeX$`.
 */
export function textAsWritten(el: Element | null | undefined, skip: string): string {
  if (!el) return '';
  let out = '';
  const skipped = matcherFor(skip, el.ownerDocument);
  const isMathJaxOutput = matcherFor(MATHJAX_OUTPUT, el.ownerDocument);
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out += (child as Text).data;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const e = child as Element;
      const tag = e.localName;
      if (tag === 'paperscope-badge' || tag === 'style' || skipped(e)) continue;
      if (tag === 'script') {
        // MathJax 2 keeps the TeX source in <script type="math/tex">; ordinary scripts are not text.
        const type = attr(e, 'type').toLowerCase();
        if (type.startsWith('math/tex')) {
          const tex = e.textContent ?? '';
          out += type.includes('mode=display') ? `$$${tex}$$` : `$${tex}$`;
        }
        continue;
      }
      if (tag === 'mjx-container') {
        // MathJax 3 drops the TeX source; its assistive MathML is the closest readable text.
        out += e.querySelector('mjx-assistive-mml')?.textContent ?? '';
        continue;
      }
      if (isMathJaxOutput(e)) continue;
      walk(e);
    }
  };
  walk(el);
  return tidyText(out);
}

const BLOCKS = 'p, div, li, br, blockquote, h1, h2, h3, h4, h5, h6, tr';

/** Like textAsWritten, but paragraphs and other blocks are kept apart by a space ("…sequence. In this work…"). */
export function textOfBlocks(el: Element | null | undefined, skip: string): string {
  if (!el) return '';
  // Read a detached copy with a space after each block; the page itself is never touched.
  const copy = el.cloneNode(true) as Element;
  for (const block of Array.from(copy.querySelectorAll(BLOCKS))) block.after(' ');
  return textAsWritten(copy, skip);
}

/** A meta tag's text from `content`, or from `value` where a page (or a tool that saved it) put it there instead. */
export function metaText(root: ParentNode, name: string): string {
  const el = root.querySelector(`meta[name="${name}"]`);
  return cleanText(attr(el, 'content') || attr(el, 'value'));
}

/** Every meta tag's text of that name, `content` or `value`, empty ones dropped. */
export function metaTextAll(root: ParentNode, name: string): string[] {
  return Array.from(root.querySelectorAll(`meta[name="${name}"]`))
    .map((el) => cleanText(attr(el, 'content') || attr(el, 'value')))
    .filter(Boolean);
}

/** Plain text of a string that holds escaped markup (citation_abstract is often "<p>…</p>"); it is never parsed as HTML. */
export function textOfMarkup(markup: string): string {
  return cleanText(markup.replace(/<\/?(?:p|div|br|li|ul|ol|h\d)\b[^<>]*>/gi, ' ').replace(/<\/?[A-Za-z][^<>]*>/g, ''));
}

/** An absolute URL for an href (relative ones against `base`); undefined when it is not one. */
export function absoluteUrl(href: string, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);

/**
 * The arXiv id and DOI that hrefs point at: arxiv.org abs/pdf/html pages and doi.org (an arXiv DOI gives the arXiv id).
 * Only the link's host counts, so a share link carrying a DOI in its query string is ignored.
 */
export function idsFromHrefs(hrefs: Iterable<string>): { arxivId?: string; doi?: string } {
  const ids: { arxivId?: string; doi?: string } = {};
  for (const raw of hrefs) {
    const href = absoluteUrl(raw);
    if (!href) continue;
    const url = new URL(href);
    const host = url.hostname.toLowerCase();
    if (host === 'arxiv.org' || host.endsWith('.arxiv.org')) {
      ids.arxivId ??= arxivIdFromUrl(url.href);
    } else if (DOI_HOSTS.has(host)) {
      let path = url.pathname.slice(1);
      try {
        path = decodeURIComponent(path);
      } catch {
        // a malformed escape: keep the path as written
      }
      const fromArxivDoi = arxivIdFromUrl(path);
      if (fromArxivDoi) ids.arxivId ??= fromArxivDoi;
      else ids.doi ??= normalizeDoi(path);
    }
    if (ids.arxivId && ids.doi) break;
  }
  if (!ids.arxivId) delete ids.arxivId;
  if (!ids.doi) delete ids.doi;
  return ids;
}

/** The arXiv id and DOI that the links under `root` (matching `selector`) point at; see idsFromHrefs. */
export function idsFromLinks(root: ParentNode, selector = 'a[href]'): { arxivId?: string; doi?: string } {
  return idsFromHrefs(Array.from(root.querySelectorAll(selector), (link) => attr(link, 'href')));
}

/** Every JSON-LD object on the page, arrays and `@graph` lists flattened; a script that is not valid JSON is skipped. */
export function jsonLdObjects(root: ParentNode): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) collect(item, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if ('@graph' in obj) collect(obj['@graph'], depth + 1);
  };
  for (const script of Array.from(root.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // not JSON: skip this script
    }
  }
  return out;
}

/**
 * The widest ancestor of `el` (never body or html) that holds none of `others`: the row around a card whose markup
 * has no stable name, never holding another row's links.
 */
export function widestAncestorWithout(el: Element, others: readonly Element[]): Element {
  let row = el;
  for (let parent = el.parentElement; parent; parent = parent.parentElement) {
    if (parent.localName === 'body' || parent.localName === 'html') break;
    if (others.some((other) => parent.contains(other))) break;
    row = parent;
  }
  return row;
}

/** Every link matching `selector` that names a paper (`idOf` its href), in document order, and where each id's links are. */
export function paperLinks(root: ParentNode, selector: string, idOf: (href: string) => string | undefined): { links: Element[]; ids: string[]; byId: Map<string, number[]> } {
  const links: Element[] = [];
  const ids: string[] = [];
  const byId = new Map<string, number[]>();
  for (const link of Array.from(root.querySelectorAll(selector))) {
    const id = idOf(attr(link, 'href'));
    if (!id) continue;
    const at = byId.get(id);
    if (at) at.push(links.length);
    else byId.set(id, [links.length]);
    links.push(link);
    ids.push(id);
  }
  return { links, ids, byId };
}

/**
 * For links in document order, the nearest link before and after `index` that belongs to another paper: an element
 * around links[index] holds some other paper's link exactly when it holds one of these two (descendants are contiguous
 * in document order), so climbing a long feed stays linear.
 */
export function nearestOthers(links: readonly Element[], ids: readonly string[], index: number): Element[] {
  const own = ids[index];
  const out: Element[] = [];
  for (let i = index - 1; i >= 0; i--) {
    if (ids[i] !== own) {
      out.push(links[i]!);
      break;
    }
  }
  for (let i = index + 1; i < links.length; i++) {
    if (ids[i] !== own) {
      out.push(links[i]!);
      break;
    }
  }
  return out;
}

/** The link whose visible text is longest: a card's likely title when it has no heading. */
export function longestTextLink(links: readonly Element[]): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const link of links) {
    const length = textAsWritten(link, '').length;
    if (length > bestLength) [best, bestLength] = [link, length];
  }
  return best;
}

/** "Vaswani, Ashish" (a citation_author meta) → "Ashish Vaswani", as pages show names; other forms are kept as written. */
export function nameFromCitation(name: string): string {
  const parts = name.split(',').map((part) => cleanText(part));
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : cleanText(name);
}

/** A comma-separated author line ("Ashish Vaswani, Noam Shazeer, …") as names; "and" before the last one is dropped. */
export function namesFromLine(line: string): string[] {
  return cleanText(line)
    .split(/\s*,\s*|\s+and\s+/)
    .map((name) => name.replace(/^and\s+/, '').trim())
    .filter(Boolean);
}

/** A reader per candidate row, in page order, each reading its own row and never throwing (an odd one costs its row). */
export function readersOf<T>(candidates: readonly T[], read: (candidate: T) => PaperRow | undefined): Array<() => PaperRow | undefined> {
  return candidates.map((candidate) => () => {
    try {
      return read(candidate);
    } catch {
      return undefined;
    }
  });
}

/** Every reader's row, in order: what `rows()` is for an adapter that reads in slices (`rowReaders`). */
export function rowsFromReaders(readers: ReadonlyArray<() => PaperRow | undefined>): PaperRow[] {
  const rows: PaperRow[] = [];
  for (const read of readers) {
    const row = read();
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * A page's own paper (if any) then each item's row, each paper once, where it first shows: a paper listed twice (similar
 * articles and cited by, a result drawn in two layouts) gets one badge. Items inside the own paper's row are its own.
 */
export function rowsOncePerPaper(own: PaperRow | undefined, items: readonly Element[], read: (item: Element) => PaperRow | undefined): PaperRow[] {
  const found: PaperRow[] = own ? [own] : [];
  const seen = new Set(own ? [own.ref.key] : []);
  for (const item of items) {
    if (own?.rowEl.contains(item)) continue;
    const row = read(item);
    if (!row || seen.has(row.ref.key)) continue;
    seen.add(row.ref.key);
    found.push(row);
  }
  return found;
}
