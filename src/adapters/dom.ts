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

/** Every element of the first alternative that matches anything (alternatives are tried in order). */
export function allOf(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const els = root.querySelectorAll(selector);
    if (els.length > 0) return Array.from(els);
  }
  return [];
}

// What MathJax adds when it typesets: v2 previews/frames/assistive MathML, v3 containers.
const MATHJAX_OUTPUT = '.MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_SVG, .MathJax_CHTML, .MJX_Assistive_MathML';

/**
 * Text as the author wrote it, with the same result before and after MathJax typesets the page:
 * skips children matching `skip`, badges and MathJax output, and turns MathJax 2 source scripts back into `$TeX$`.
 */
export function textAsWritten(el: Element | null | undefined, skip: string): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        out += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const e = child as Element;
      const tag = e.localName;
      if (tag === 'paperscope-badge' || tag === 'style' || (skip && e.matches(skip))) continue;
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
      if (e.matches(MATHJAX_OUTPUT)) continue;
      walk(e);
    }
  };
  walk(el);
  return cleanText(out);
}
