// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// Bidi overrides and zero-width characters in page text: removed where page text enters (the adapters' text helpers),
// so a title can neither read backwards nor hide words; Arabic, Hebrew, Persian and emoji stay as written.
import { describe, expect, it } from 'vitest';
import { arxiv } from '../../src/adapters/arxiv.ts';
import { tidyText } from '../../src/adapters/dom.ts';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { cleanText } from '../../src/core/identity/titles.ts';
import { withoutInvisibleControls } from '../../src/core/text/invisibleControls.ts';

const CONTROLS = ['\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200E', '\u200F', '\uFEFF', '\u2060', '\u061C'];

describe('invisible controls', () => {
  it('removes every bidi override, embedding, isolate, mark and zero-width character', () => {
    for (const control of CONTROLS) {
      expect(withoutInvisibleControls(`Safe ${control}title${control}`), `U+${control.codePointAt(0)!.toString(16)}`).toBe('Safe title');
    }
    // The classic trick: "exe.txt" shown as "txt.exe".
    expect(withoutInvisibleControls('Attention\u202Egnp.exe')).toBe('Attentiongnp.exe');
  });

  it('keeps right-to-left scripts, and joiners where a script or an emoji needs them', () => {
    const arabic = 'التعلم العميق للغات الطبيعية';
    const hebrew = 'למידה עמוקה';
    const persian = 'می\u200Cخواهم'; // the non-joiner between two letters is part of the spelling
    const family = '👩\u200D🔬 scientists';
    for (const text of [arabic, hebrew, persian, family, 'Plain ASCII title']) expect(withoutInvisibleControls(text)).toBe(text);
    expect(withoutInvisibleControls('\u200Dhidden\u200C ')).toBe('hidden ');
  });

  it('is applied by the text helpers that read pages and catalogues', () => {
    expect(tidyText('  A\u202E title\u200B  with\n\u2066hidden\u2069 parts ')).toBe('A title with hidden parts');
    expect(cleanText('\uFEFFA\u200F title ')).toBe('A title');
  });

  it('an arXiv listing row with an override in its title and authors is read without it', () => {
    const html = demoListingHtml([
      { arxivId: '2401.00001', title: 'Safe title \u202Edesrever\u202C and \u200Bhidden', authors: ['Ada\u202E Lovelace'], categories: ['cs.LG'], abstract: '' },
      { arxivId: '2401.00002', title: 'نماذج اللغة الكبيرة', authors: ['سارة أحمد'], categories: ['cs.CL'], abstract: '' },
    ]);
    const rows = arxiv.rows(new DOMParser().parseFromString(html, 'text/html'));
    expect(rows.map((r) => r.ref.title)).toEqual(['Safe title desrever and hidden', 'نماذج اللغة الكبيرة']);
    expect(rows.map((r) => r.ref.authors)).toEqual([['Ada Lovelace'], ['سارة أحمد']]);
  });
});
