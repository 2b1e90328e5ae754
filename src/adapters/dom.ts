// Null-safe DOM reads for adapters: a missing element gives '' or undefined, never an exception.
import { cleanText } from '../core/titles.ts';

export function first(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return undefined;
}

export function text(el: Element | null | undefined): string {
  return cleanText(el?.textContent);
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
