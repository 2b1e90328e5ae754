// A paper's text as the learned category model reads it: scikit-learn TfidfVectorizer's tokens (accents stripped
// (NFKD), lowercase, /\b[a-zA-Z_][a-zA-Z0-9_]+\b/, English stop words removed), word 1- and 2-grams looked up in a
// fitted vocabulary, tf = 1 + ln(count) (sublinear) times the term's idf, rows L2-normalised. The extension builds this
// vectorizer from the vocabulary and idf in assets/models/categories.bin; fitting a vocabulary to papers (min_df,
// max_df, max_features, smooth idf) is training: src/training/tfidfFitting.ts.

/** The Glasgow IR group's English stop words, as scikit-learn ships them ("no one" never matches a token). */
const ENGLISH_STOP_WORDS = new Set(
  `a about above across after afterwards again against all almost alone along already also although always am among
  amongst amount an and another any anyhow anyone anything anyway anywhere are around as at back be became because
  become becomes becoming been before beforehand behind being below beside besides between beyond bill both bottom but
  by call can cannot cant co con could couldn't cry de describe detail do done down due during each eg eight either
  eleven else elsewhere empty enough etc even ever every everyone everything everywhere except few fifteen fifty fill
  find fire first five for former formerly forty found four from front full further get give go had has hasn't have he
  hence her here hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in inc indeed
  interest into is it its itself keep last latter latterly least less ltd made many may me meanwhile might mill mine
  more moreover most mostly move much must my myself name namely neither never nevertheless next nine no nobody none
  nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over
  own part per perhaps please put rather re same see seem seemed seeming seems serious several she should show side
  since sincere six sixty so some somehow someone something sometime sometimes somewhere still such system take ten
  than that the their them themselves then thence there thereafter thereby therefore therein thereupon these they
  thick thin third this those though three through throughout thru thus to together too top toward towards twelve
  twenty two un under until up upon us very via was we well were what whatever when whence whenever where whereafter
  whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with
  within without would yet you your yours yourself yourselves`.split(/\s+/),
);

const TOKEN = /(?<![\p{L}\p{N}_])[a-z_][a-z0-9_]+(?![\p{L}\p{N}_])/gu;
/** Word ids are below this; a bigram's key is WORD_BASE + first · WORD_BASE + second (exact in a double). */
export const WORD_BASE = 2 ** 24;

/** The key of the bigram (first, second) of word ids: above every word id, and unique. */
export function bigramKey(first: number, second: number): number {
  return WORD_BASE + first * WORD_BASE + second;
}

/** A vocabulary's fitting settings (kept in the model file) and whether the text includes author names. */
export interface TfidfOptions {
  maxFeatures: number;
  minDf: number;
  /** A fraction of the documents. */
  maxDf: number;
  /** Whether author names are part of the text (arxiv-sanity-lite reads them); true when left out. */
  authors?: boolean;
}

/** What the vectorizer reads of a paper (the title at least). */
export interface PaperText {
  title: string;
  abstract?: string;
  authors?: string[];
}

/** A document's text: title, abstract, then author names (arxiv-sanity-lite's order) unless `authors` is false. */
export function documentText(doc: PaperText, authors = true): string {
  return [doc.title, doc.abstract ?? '', authors ? (doc.authors ?? []).join(' ') : ''].join(' ');
}

/** scikit-learn's preprocessing and tokenization with stop words removed. */
export function tfidfTokens(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const out: string[] = [];
  for (const m of plain.matchAll(TOKEN)) if (!ENGLISH_STOP_WORDS.has(m[0])) out.push(m[0]);
  return out;
}

/** A paper's tf-idf row: feature ids ascending, values L2-normalised. */
export interface TfidfRow {
  ids: Uint32Array;
  values: Float32Array;
}

/**
 * The features of a document's word ids (-1: not in the vocabulary) and how often each occurs: a word's feature
 * (`wordFeature[id]`, -1 for none) and the feature of each pair of adjacent words (`bigramFeature`, by bigramKey).
 */
export function featureCounts(ids: Int32Array, wordFeature: Int32Array, bigramFeature: ReadonlyMap<number, number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let k = 0; k < ids.length; k++) {
    const w = ids[k]!;
    if (w < 0) continue;
    const u = wordFeature[w]!;
    if (u >= 0) counts.set(u, (counts.get(u) ?? 0) + 1);
    const next = k + 1 < ids.length ? ids[k + 1]! : -1;
    if (next >= 0) {
      const b = bigramFeature.get(bigramKey(w, next));
      if (b !== undefined) counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  return counts;
}

/** The tf-idf row of feature counts: (1 + ln count) · idf, features ascending, L2-normalised. */
export function tfidfRow(counts: ReadonlyMap<number, number>, idf: Float32Array): TfidfRow {
  const features = [...counts.keys()].sort((a, b) => a - b);
  const values = new Float32Array(features.length);
  let norm = 0;
  features.forEach((f, j) => {
    const v = (1 + Math.log(counts.get(f)!)) * idf[f]!;
    values[j] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < values.length; j++) values[j]! /= norm;
  return { ids: Uint32Array.from(features), values };
}

/** A vectorizer over a fitted vocabulary (terms, by feature id) and its idf: a paper's text to its tf-idf row. */
export class TfidfVectorizer {
  private readonly wordId = new Map<string, number>();
  private readonly wordFeature: Int32Array;
  private readonly bigramFeature = new Map<number, number>();

  private constructor(
    readonly options: TfidfOptions,
    readonly terms: readonly string[],
    readonly idf: Float32Array,
  ) {
    const parts = terms.map((t) => this.learnIds(t.split(' ')));
    this.wordFeature = new Int32Array(this.wordId.size).fill(-1);
    parts.forEach((ids, f) => {
      if (ids.length === 1) this.wordFeature[ids[0]!] = f;
      else if (ids.length === 2) this.bigramFeature.set(bigramKey(ids[0]!, ids[1]!), f);
      else throw new Error(`tf-idf vocabulary: term ${JSON.stringify(terms[f])} is not a 1- or 2-gram`);
    });
  }

  /** A vectorizer from a fitted vocabulary (terms as `word` or `word word`, ascending feature ids) and its idf. */
  static fromVocabulary(options: TfidfOptions, terms: readonly string[], idf: Float32Array): TfidfVectorizer {
    if (terms.length !== idf.length) throw new Error('tf-idf vocabulary: terms and idf differ in length');
    return new TfidfVectorizer(options, [...terms], idf);
  }

  private learnIds(words: string[]): number[] {
    return words.map((w) => {
      let id = this.wordId.get(w);
      if (id === undefined) {
        id = this.wordId.size;
        if (id >= WORD_BASE) throw new Error('tf-idf: too many distinct words');
        this.wordId.set(w, id);
      }
      return id;
    });
  }

  /** One document's row (words outside the vocabulary are dropped). */
  vector(doc: PaperText): TfidfRow {
    const tokens = tfidfTokens(documentText(doc, this.options.authors !== false));
    const ids = Int32Array.from(tokens, (t) => this.wordId.get(t) ?? -1);
    return tfidfRow(featureCounts(ids, this.wordFeature, this.bigramFeature), this.idf);
  }
}

/** Anything that turns a tf-idf row into one probability per class. */
export interface ClassProbabilities {
  readonly classes: readonly string[];
  probabilities(row: TfidfRow): Float64Array;
}
