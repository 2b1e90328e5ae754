// The adapter DOM helpers as they were before their fast paths (plain selectors and `matches` per node): the reference
// that tests/unit/dom.fastPaths.test.ts (happy-dom) and tests/e2e/domHelpers.test.ts (Chromium) hold the fast ones to.
import { cleanText } from '../../src/core/identity/titles.ts';

const MATHJAX_OUTPUT = '.MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_SVG, .MathJax_CHTML, .MJX_Assistive_MathML';

export function referenceTextAsWritten(el: Element | null | undefined, skip: string): string {
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
        const type = (e.getAttribute('type')?.trim() ?? '').toLowerCase();
        if (type.startsWith('math/tex')) {
          const tex = e.textContent ?? '';
          out += type.includes('mode=display') ? `$$${tex}$$` : `$${tex}$`;
        }
        continue;
      }
      if (tag === 'mjx-container') {
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

/** Selectors of the kinds adapters use: plain compounds, descendant and child combinators, lists, :scope, attributes. */
export const SELECTORS = [
  'a',
  '.list-authors a',
  '.list-title .descriptor',
  'dd > div',
  'div a[href*="/abs/"]',
  'dt a[title="Abstract"]',
  'a + a',
  'dt ~ dd',
  'p.mathjax',
  'a, span',
  ':scope a',
  ':scope > div',
  'div :not(.descriptor) a',
  'div:not(.meta .x) span',
  'body div span',
  'html a',
  '* a',
  'a[title="a b"] span',
  'a[href~="x y"]',
  '.gs_ri h3.gs_rt a[href*="arxiv.org/"]',
  'cite span[itemprop="author"] span[itemprop="name"]',
  'h4 > a[href^="/forum?id="]',
  'div:has(> a) span',
  'li:nth-child(2n+1) a',
  'section#main dl',
  ' .descriptor',
  '.descriptor ',
];

/** Class-list skips (the fast path) and others (kept on `matches`). */
export const SKIPS = ['', '.descriptor', '.descriptor, .mathjax', ' .hidden ,.descriptor ', 'span.descriptor', '.list-title .descriptor', '.MathJax'];

/** Elements to read from: every element up to `limit`, the document root first. */
export function sampleRoots(doc: Document, limit = 400): ParentNode[] {
  const all = Array.from(doc.querySelectorAll('*'));
  const step = Math.max(1, Math.floor(all.length / limit));
  return [doc, ...all.filter((_, i) => i % step === 0)];
}
