import { describe, expect, it } from 'vitest';
import { texToUnicode } from '../../src/core/catalogue/formats/tex.ts';

const t = String.raw;

describe('TeX accents to Unicode', () => {
  it.each([
    [t`M\"uller`, 'Müller'],
    [t`M\"{u}ller`, 'Müller'],
    [t`M{\"u}ller`, 'Müller'],
    [t`{\'E}cole`, 'École'],
    [t`Ram\'on`, 'Ramón'],
    [t`Verdi\`ere`, 'Verdière'],
    [t`Ant\^onio`, 'Antônio'],
    [t`Jo\~ao`, 'João'],
    [t`\=a`, 'ā'],
    [t`B{\l}a\.zej`, 'Błażej'],
    [t`Fran\c{c}ois`, 'François'],
    [t`Fran\c cois`, 'François'],
    [t`\v{S}r\'amek`, 'Šrámek'],
    [t`Tom\'a\v{s}`, 'Tomáš'],
    [t`Rom\u{a}nia`, 'Romănia'],
    [t`Erd\H{o}s`, 'Erdős'],
    [t`D\k{a}browski`, 'Dąbrowski'],
    [t`\r{u}`, 'ů'],
    [t`\d{s}`, 'ṣ'],
    [t`Garc\'{\i}a`, 'García'],
    [t`Garc\'\i a`, 'García'],
    [t`Kre\u\i n`, 'Kreĭn'],
    [t`Nguy\~{ê}n`, 'Nguyễn'],
  ])('%s → %s', (tex, text) => {
    expect(texToUnicode(tex)).toBe(text);
  });

  it('turns special letters into their Unicode letters', () => {
    expect(texToUnicode(t`{\o}`)).toBe('ø');
    expect(texToUnicode(t`{\O}bro`)).toBe('Øbro');
    expect(texToUnicode(t`S{{\o}}ren`)).toBe('Søren');
    expect(texToUnicode(t`Stra{\ss}e`)).toBe('Straße');
    expect(texToUnicode(t`Bl{\aa}ste {\AA}ngstr\"om`)).toBe('Blåste Ångström');
    expect(texToUnicode(t`{\ae} {\AE} {\oe} {\OE} {\L}{\l}`)).toBe('æ Æ œ Œ Łł');
    expect(texToUnicode(t`\dj{}uro {\DJ}`)).toBe('đuro Đ');
    // TeX swallows the space after a one-letter command before a lowercase continuation...
    expect(texToUnicode(t`M\o ller and \L ojasiewicz`)).toBe('Møller and Łojasiewicz');
    // ...but a unit or word after a longer one keeps its space.
    expect(texToUnicode(t`5008 \AA Lines`)).toBe('5008 Å Lines');
  });

  it('keeps math as it is', () => {
    expect(texToUnicode(t`the $\alpha$-divergence of $\"x$`)).toBe(t`the $\alpha$-divergence of $\"x$`);
    expect(texToUnicode(t`$$\'a_{ij}$$ and \'a`)).toBe(t`$$\'a_{ij}$$ and á`);
    expect(texToUnicode(t`\( \"o \) and \[ \frac{a}{b} \] and \"o`)).toBe(t`\( \"o \) and \[ \frac{a}{b} \] and ö`);
    expect(texToUnicode(t`x_{ij} and 2^{n} outside math`)).toBe(t`x_{ij} and 2^{n} outside math`);
  });

  it('handles escapes, grouping braces and leaves other commands alone', () => {
    expect(texToUnicode(t`R\&D costs \$5, 50\% of \#1, a\_b`)).toBe('R&D costs $5, 50% of #1, a_b');
    expect(texToUnicode(t`{BERT} and {H}igh`)).toBe('BERT and High');
    expect(texToUnicode(t`\emph{word} \cite[p. 2]{key} {f>0}`)).toBe(t`\emph{word} \cite[p. 2]{key} {f>0}`);
    expect(texToUnicode(t`\beta \dots \ldots`)).toBe(t`\beta \dots \ldots`);
    expect(texToUnicode(t`line\\break`)).toBe('line break');
    expect(texToUnicode('plain text, nothing to do')).toBe('plain text, nothing to do');
  });

  it('leaves no accent command behind in mixed text', () => {
    const out = texToUnicode(t`P\'eter Frenkel, Bro\v{n}a Brejov\'a, G\"ahler, Universit\"at, Tur\'{a}n, \'Swi\k{e}ch`);
    expect(out).toBe('Péter Frenkel, Broňa Brejová, Gähler, Universität, Turán, Święch');
    expect(out).not.toMatch(/\\/);
  });
});
