// Vectorising a text the catalogue does not hold: the single-pass way gives exactly the vectors of counting
// termCounts' terms (the ranker's quality figures and related work depend on them), for plain, TeX and accented text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { authorKey } from '../../src/core/personal/authors.ts';
import { contentWords, eachWord, STOPWORDS, termCounts } from '../../src/core/text/terms.ts';

const data = readCatalogue(new Uint8Array(readFileSync(resolve(process.cwd(), 'assets/catalogue/catalogue.psc'))));
const index = new CatalogueIndex(data);

/** The vector as it was computed before: termCounts of the text, looked up in a map of the terms. */
function referenceVector(title: string, abstract = '') {
  const termId = new Map(data.lines('terms').map((t, i) => [t, i]));
  const entries: Array<[number, number]> = [];
  for (const [term, count] of termCounts(`${title} ${title} ${abstract}`)) {
    const id = termId.get(term);
    if (id !== undefined) entries.push([id, (1 + Math.log(count)) * data.idf[id]!]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const norm = Math.hypot(...entries.map(([, w]) => w)) || 1;
  return { ids: Uint32Array.from(entries, ([id]) => id), weights: Float32Array.from(entries, ([, w]) => w / norm) };
}

const crafted: Array<[string, string]> = [
  ['', ''],
  ['GPU memory wall', 'The GPU memory wall: breaking the GPU memory wall, again and again. 2024 3D x 100B models'],
  ['Zéro-Infinity: Breaking the GPU Memory Wall', 'Kühne & Søren use $\\alpha$-quantized \\emph{LLM} serving with “quotes” — dashes'],
  ['a an the of', 'e g i e et al 12 345 x y'],
  ['LoRA-based LLMs', 'Serverless   inference\n\tfor\r\nLoRA-based LLMs; cold-start latency (p99) at 1.5x'],
  ['\\"{o} TeX accents', 'back\\slash and {braces} and ^carets_ and $math$'],
];

describe('vectorising a text', () => {
  it('reads the words contentWords gives (with the stopwords, which the lookup tells apart), one pass or not', () => {
    for (const [title, abstract] of crafted) {
      const words: string[] = [];
      eachWord(`${title} ${abstract}`, (w) => {
        if (!STOPWORDS.has(w)) words.push(w);
      });
      expect(words).toEqual(contentWords(`${title} ${abstract}`));
    }
  });

  it('gives exactly the vectors of termCounts, for every seed paper and crafted texts', () => {
    const texts: Array<[string, string]> = [...bundledPapers().map((p): [string, string] => [p.title, p.abstract]), ...crafted];
    let nonEmpty = 0;
    for (const [title, abstract] of texts) {
      const got = index.vectorize(title, abstract);
      const want = referenceVector(title, abstract);
      expect(got.ids).toEqual(want.ids);
      expect(got.weights).toEqual(want.weights);
      if (got.ids.length > 0) nonEmpty++;
    }
    // Not vacuous: the seed papers' words are the vocabulary's.
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it('keys plain ASCII author names as the general way does (the ranker compares names by them)', () => {
    const general = (name: string) =>
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    for (const name of ['Ada  Lovelace', "O'Brien, J.-P.", ' X Æ A-12 ', 'van der Berg_3', '', 'José García', 'ß-Straße']) expect(authorKey(name)).toBe(general(name));
  });
});
