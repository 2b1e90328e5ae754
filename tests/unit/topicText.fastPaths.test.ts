// The tagger's fast paths read a text exactly as the plain definitions do: words found by character class with their
// stems from a bounded cache keyed by hash, and a paper's model vector counted from numbered words.
import { describe, expect, it } from 'vitest';
import { bundledTopicModel } from '../../src/core/topics/tagger.ts';
import { readTopicText, stemWord, tokensWithOffsets, topicTerms } from '../../src/core/topics/topicText.ts';

const TEXTS = [
  'Semi-supervised learning (SSL) with Mixture-of-Experts (MoE): SSL beats RL; GPUs, LLMs and SSDs.',
  'Ünïcödé naïve café: Schrödinger équations, Ångström-scale 𝐱-ray 𝑓(𝑥) and Σ-protocols in 日本語 text.',
  "Inline math $\\mathbb{R}^l$ and $\\Phi^3$ theory; the model\u2019s loss, the paper's claim. e.g. 3D point clouds",
  'word word word. word, word; pair pair (pair) [x] {y} \u25aa masked ▪ next',
  '',
  '   ',
  '12345 67 a b c deep-learning-based x86_64 CO2 H2O',
  'Trailing letter Z',
  '\ud835 lone surrogates \udc00 around words\ud835',
];

/** tokensWithOffsets as first written: each match of the word pattern, stemmed through stemWord. */
function referenceTokens(text: string) {
  const { plain } = tokensWithOffsets(text);
  const breaks = new Set([...'.,;:!?()[]{}\u25aa'].map((c) => c.charCodeAt(0)));
  const tokens: { stem: string; start: number; end: number; segment: number }[] = [];
  let segment = 0;
  let previousEnd = 0;
  for (const m of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (let i = previousEnd; i < m.index; i++) {
      if (breaks.has(plain.charCodeAt(i))) {
        segment++;
        break;
      }
    }
    previousEnd = m.index + m[0].length;
    tokens.push({ stem: stemWord(m[0]), start: m.index, end: previousEnd, segment });
  }
  return tokens;
}

describe('tokensWithOffsets', () => {
  it('finds the words and stems the word pattern finds, non-ASCII letters and astral ones included', () => {
    for (const text of TEXTS) expect(tokensWithOffsets(text).tokens).toEqual(referenceTokens(text));
  });

  it('gives every word its own stem when many words share cache slots', () => {
    // More distinct words than the cache has slots, each asked twice: a slot taken by another word is never its answer.
    const words = Array.from({ length: 300_000 }, (_, i) => `Wq${i.toString(36)}ings`);
    for (const round of [0, 1]) {
      const text = words.slice(round * 1000, round * 1000 + 300_000).join(' ');
      const stems = tokensWithOffsets(text).tokens.map((t) => t.stem);
      expect(stems).toEqual(words.slice(round * 1000).map((w) => stemWord(w)));
    }
  });
});

describe('TaxonomyModel.vectorOfReading', () => {
  it('is the vector of the terms topicTerms spells out', () => {
    const model = bundledTopicModel()!;
    for (const text of TEXTS) {
      for (const [title, abstract] of [
        [text, ''],
        ['Graph neural networks for molecules', text],
        [text, text],
      ] as const) {
        expect([...model.vectorOfReading(readTopicText(title, abstract))]).toEqual([...model.vector(topicTerms(title, abstract))]);
      }
    }
  });
});
