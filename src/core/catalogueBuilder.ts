// Builds a packed catalogue from parsed papers: merges duplicates by key, learns the vocabulary, packs vectors.
import { categoryName } from './arxivCategories.ts';
import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION, NONE16, type CatalogueHeader, type RawPaper } from './catalogue.ts';
import { hashBytes } from './hash.ts';
import { encodeLines, packSections } from './packed.ts';
import { normalizeArxivId, normalizeDoi, paperKey } from './paperKey.ts';
import { termCounts } from './text.ts';
import { cleanText, normalizeTitle } from './titles.ts';
import { TOPICS } from './taxonomy.ts';
import { tagPaper } from './topics.ts';

export interface BuildOptions {
  /** Where the papers came from, in words (shown in options). */
  source: string;
  withAbstracts: boolean;
  /** Terms kept per paper vector. */
  vectorTerms?: number;
  onProgress?: (stage: 'vocabulary' | 'vectors' | 'packing', done: number, total: number) => void;
}

export interface BuildCounts {
  added: number;
  merged: number;
}

const TOPICS_PER_PAPER = 3;
const CATEGORIES_PER_PAPER = 4;
const MAX_VOCABULARY = 0xfffe; // term ids are Uint16, NONE16 marks an empty slot
/** Bigram counts of 1 are dropped this often, so the counting table stays small on large inputs. */
const PRUNE_EVERY = 10_000;

interface Entry {
  key: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  doi: string;
  year: number;
}

/** The vocabulary's document-frequency limits, scaled to the catalogue's size. */
function documentFrequencyBounds(n: number): { minDf: number; maxDf: number } {
  if (n < 200) return { minDf: 1, maxDf: Math.max(1, Math.floor(n * 0.5)) };
  return { minDf: n < 5000 ? 2 : 5, maxDf: Math.floor(n * 0.1) };
}

export class CatalogueBuilder {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, number>();
  readonly counts: BuildCounts = { added: 0, merged: 0 };

  constructor(private readonly options: BuildOptions) {}

  /** Adds a paper; a later record of the same paper (same key) fills in and overrides the earlier one. */
  add(raw: RawPaper): 'added' | 'merged' {
    const title = cleanText(raw.title);
    const arxivId = raw.arxivId ? normalizeArxivId(raw.arxivId) : undefined;
    const doi = raw.doi ? (normalizeDoi(raw.doi) ?? '') : '';
    const key = paperKey({ arxivId, doi, title });
    const entry: Entry = {
      key,
      title,
      abstract: cleanText(raw.abstract),
      authors: (raw.authors ?? []).map((a) => cleanText(a).replace(/;/g, ',')).filter(Boolean),
      categories: (raw.categories ?? []).filter(Boolean),
      doi: doi.startsWith('10.48550/') ? '' : doi,
      year: raw.year && raw.year > 0 && raw.year < 0xffff ? raw.year : 0,
    };
    const at = this.byKey.get(key);
    if (at === undefined) {
      this.byKey.set(key, this.entries.length);
      this.entries.push(entry);
      this.counts.added++;
      return 'added';
    }
    const old = this.entries[at]!;
    this.entries[at] = {
      key,
      title: entry.title || old.title,
      abstract: entry.abstract || old.abstract,
      authors: entry.authors.length ? entry.authors : old.authors,
      categories: entry.categories.length ? entry.categories : old.categories,
      doi: entry.doi || old.doi,
      year: entry.year || old.year,
    };
    this.counts.merged++;
    return 'merged';
  }

  get size(): number {
    return this.entries.length;
  }

  build(): Uint8Array {
    const { entries, options } = this;
    const n = entries.length;
    const K = options.vectorTerms ?? 48;
    const progress = options.onProgress ?? (() => undefined);
    const texts = (e: Entry) => `${e.title} ${e.title} ${e.abstract}`; // the title counts twice

    // 1. Vocabulary: document frequencies of words and word pairs.
    const df = new Map<string, number>();
    entries.forEach((e, i) => {
      for (const term of termCounts(texts(e)).keys()) df.set(term, (df.get(term) ?? 0) + 1);
      if ((i + 1) % PRUNE_EVERY === 0) {
        for (const [term, count] of df) if (count === 1 && term.includes(' ')) df.delete(term);
        progress('vocabulary', i + 1, n);
      }
    });
    const { minDf, maxDf } = documentFrequencyBounds(n);
    const kept = [...df.entries()].filter(([, c]) => c >= minDf && c <= maxDf);
    kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const terms = kept.slice(0, MAX_VOCABULARY).map(([t]) => t).sort();
    const termId = new Map(terms.map((t, i) => [t, i]));
    const idf = Float32Array.from(terms, (t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);
    df.clear();

    // 2. Per paper: a sparse tf-idf vector (top K terms, uint8 weights scaled per paper), topics, categories.
    const vectorIds = new Uint16Array(n * K).fill(NONE16);
    const vectorWeights = new Uint8Array(n * K);
    const vectorScales = new Float32Array(n);
    const topicIds = new Uint16Array(n * TOPICS_PER_PAPER).fill(NONE16);
    const topicConfidence = new Uint8Array(n * TOPICS_PER_PAPER);
    const categoryIds = new Uint16Array(n * CATEGORIES_PER_PAPER).fill(NONE16);
    const years = new Uint16Array(n);
    const topicIndex = new Map(TOPICS.map((t, i) => [t.id, i]));
    const categoryCodes: string[] = [];
    const categoryIndex = new Map<string, number>();

    entries.forEach((e, i) => {
      const weights: Array<[number, number]> = [];
      for (const [term, count] of termCounts(texts(e))) {
        const id = termId.get(term);
        if (id !== undefined) weights.push([id, (1 + Math.log(count)) * idf[id]!]);
      }
      weights.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const top = weights.slice(0, K).sort((a, b) => a[0] - b[0]);
      const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
      const max = top.reduce((m, [, w]) => Math.max(m, w / norm), 0);
      vectorScales[i] = max;
      top.forEach(([id, w], j) => {
        vectorIds[i * K + j] = id;
        vectorWeights[i * K + j] = max > 0 ? Math.max(1, Math.round((w / norm / max) * 255)) : 0;
      });

      const tags = tagPaper({ title: e.title, abstract: e.abstract }).filter((t) => t.facet === 'topic');
      tags.slice(0, TOPICS_PER_PAPER).forEach((t, j) => {
        topicIds[i * TOPICS_PER_PAPER + j] = topicIndex.get(t.id)!;
        topicConfidence[i * TOPICS_PER_PAPER + j] = Math.round(t.confidence * 255);
      });
      e.categories.slice(0, CATEGORIES_PER_PAPER).forEach((code, j) => {
        let c = categoryIndex.get(code);
        if (c === undefined) {
          c = categoryCodes.length;
          categoryCodes.push(code);
          categoryIndex.set(code, c);
        }
        categoryIds[i * CATEGORIES_PER_PAPER + j] = c;
      });
      years[i] = e.year;
      if ((i + 1) % PRUNE_EVERY === 0) progress('vectors', i + 1, n);
    });

    // 3. Pack. The version hashes the sections, so the same papers give the same bytes and version.
    progress('packing', 0, 1);
    const sections: Array<[string, Uint8Array | Uint16Array | Float32Array]> = [
      ['keys', encodeLines(entries.map((e) => e.key))],
      ['titles', encodeLines(entries.map((e) => e.title))],
      ['normTitles', encodeLines(entries.map((e) => normalizeTitle(e.title)))],
      ['authors', encodeLines(entries.map((e) => e.authors.join('; ')))],
      ['dois', encodeLines(entries.map((e) => e.doi))],
      ['years', years],
      ['categoryIds', categoryIds],
      ['topicIds', topicIds],
      ['topicConfidence', topicConfidence],
      ['terms', encodeLines(terms)],
      ['idf', idf],
      ['vectorIds', vectorIds],
      ['vectorWeights', vectorWeights],
      ['vectorScales', vectorScales],
    ];
    if (options.withAbstracts) sections.push(['abstracts', encodeLines(entries.map((e) => e.abstract))]);
    const header: Omit<CatalogueHeader, 'sections' | 'version'> = {
      format: CATALOGUE_FORMAT,
      formatVersion: CATALOGUE_FORMAT_VERSION,
      source: options.source,
      paperCount: n,
      hasAbstracts: options.withAbstracts,
      vocabularySize: terms.length,
      vectorTerms: K,
      quantization: 'uint8, scaled per paper',
      topicsPerPaper: TOPICS_PER_PAPER,
      categoriesPerPaper: CATEGORIES_PER_PAPER,
      topics: TOPICS.map((t) => ({ id: t.id, label: t.label })),
      categories: categoryCodes,
      categoryLabels: categoryCodes.map((c) => categoryName(c) ?? c),
    };
    const unversioned = packSections({ ...header, version: '' }, sections);
    return packSections({ ...header, version: hashBytes(unversioned) }, sections);
  }
}
