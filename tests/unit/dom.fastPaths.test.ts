// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The adapter helpers' fast paths give what the plain DOM calls give, on every fixture page (Chromium: tests/e2e/domHelpers.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryAll, queryFirst, textAsWritten, tidyText } from '../../src/adapters/dom.ts';
import { cleanText } from '../../src/core/identity/titles.ts';
import { referenceTextAsWritten, sampleRoots, SELECTORS, SKIPS } from './domReference.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures');
const pages = readdirSync(FIXTURES)
  .flatMap((dir) => readdirSync(resolve(FIXTURES, dir)).map((file) => `${dir}/${file}`))
  .filter((file) => file.endsWith('.html'));

const parse = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, file), 'utf8'), 'text/html');

/** The plain call's answer, or 'throws' (a selector the engine does not take). */
function plain<T>(call: () => T): T | 'throws' {
  try {
    return call();
  } catch {
    return 'throws';
  }
}

describe('tidyText', () => {
  it('is cleanText', () => {
    const samples = ['', ' ', '\n', 'a', ' a ', 'a  b', 'a\tb', 'a\u00a0b', 'a \u00a0 b', ' \u3000a \n b\t\tc ', 'x\u2028y\u2029z', '\ufeffa\u200ab', 'a\r\n\r\nb'];
    for (const page of pages.slice(0, 6)) samples.push(parse(page).body?.textContent ?? '');
    for (const s of samples) expect(tidyText(s)).toBe(cleanText(s));
    expect(tidyText(undefined)).toBe('');
    expect(tidyText(null)).toBe('');
  });
});

describe.each(pages)('%s', (file) => {
  it('queryAll and queryFirst find the descendants that match, in document order', () => {
    const doc = parse(file);
    for (const root of sampleRoots(doc, 150)) {
      const descendants = Array.from(root.querySelectorAll('*'));
      for (const selector of SELECTORS) {
        // From a document queryAll is the engine's own querySelectorAll, and happy-dom 21's drops general-sibling matches
        // whose previous sibling does not match ("dt ~ dd" finds one dd of a dt followed by two): Chromium checks those.
        if (root.nodeType === 9 && /\S\s*~\s*[^=]/.test(selector.replace(/\[[^\]]*\]/g, ''))) continue;
        // What querySelectorAll means (and Chromium does): descendants matching the selector, ancestors of the root
        // included in the match; happy-dom's own querySelectorAll leaves those ancestors out, so it is not the reference.
        const want = plain(() => (/:scope/.test(selector) ? Array.from(root.querySelectorAll(selector)) : descendants.filter((e) => e.matches(selector))));
        if (want === 'throws') continue;
        // The very same nodes (toEqual would take equal-looking copies).
        const got = queryAll(root, selector);
        expect(got.length === want.length && got.every((el, i) => el === want[i]), selector).toBe(true);
        expect(queryFirst(root, selector), selector).toBe(want[0] ?? null);
      }
    }
  });

  it('textAsWritten reads what it read with a selector match per node', () => {
    const doc = parse(file);
    for (const root of sampleRoots(doc, 150)) {
      if (root.nodeType !== 1) continue;
      for (const skip of SKIPS) expect(textAsWritten(root as Element, skip)).toBe(referenceTextAsWritten(root as Element, skip));
    }
  });
});
