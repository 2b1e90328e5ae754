// Builds a packed catalogue from parsed papers: merges duplicates by key, learns the vocabulary, packs vectors.
import { categoryName } from '../categories/arxivCategories.ts';
import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION, CatalogueError, idsFitOneByte, NONE8, NONE16, type CatalogueHeader, type CatalogueView } from './artifact.ts';
import { isoDate, isoDatePrefix } from './formats/common.ts';
import type { ParsedPaper } from './formats/types.ts';
import type { ChunkSpill } from '../text/byteChunks.ts';
import { PackedIdLists } from '../text/packedIdLists.ts';
import { TopTerms } from '../text/topTerms.ts';
import { KeyDocumentFrequencies, type KeySpill, sortedIndexOf } from '../text/documentFrequency.ts';
import { ByteWriter, encodeLines, hashSections, packSections, type SectionData } from './packed.ts';
import { PaperChunks, type PaperChunksImage, PaperList, type PaperRecords, type StoredPaper } from './paperRecords.ts';
import { type PaperTextSections, paperTextSections } from './textSections.ts';
import { frontCode } from './textCoding.ts';
import { HeaviestTerms, writeVectorRecord } from './vectorCoding.ts';
import { SUPERSEDES_SECTION } from './layered.ts';
import { normalizeArxivId, normalizeDoi, normalizePmid, paperKey } from '../identity/paperKey.ts';
import { contentWords } from '../text/terms.ts';
import { cleanText } from '../identity/titles.ts';
import { TOPICS } from '../topics/taxonomy.ts';
import { tagPaperOnce } from '../topics/tagger.ts';

export interface BuildOptions {
  /** Where the papers came from, in words (shown in options). */
  source: string;
  withAbstracts: boolean;
  /** Terms kept per paper vector. */
  vectorTerms?: number;
  /**
   * The likeliest arXiv category of a paper from its text, for papers whose source names none (the CLI passes the
   * shipped learned model): stored as the paper's category, marked as predicted. Left out, such papers have none.
   */
  predictCategory?: (paper: { title: string; abstract: string; authors: string[] }) => { category: string; probability: number } | undefined;
  onProgress?: (stage: 'vocabulary' | 'vectors' | 'packing', done: number, total: number) => void;
  /**
   * Where word-pair counts go past a memory budget (sorted runs, merged back exactly): they are the build's largest
   * structure (about 100 distinct pairs a paper, 8 bytes each). Left out, they stay in memory; the bytes are the same.
   */
  pairSpill?: KeySpill;
  /**
   * Where the papers read and their words go once they pass a few MB (`store` names which): chunks written once, read
   * back in order. Left out, they stay in memory; the bytes are the same.
   */
  chunkSpill?: (store: 'papers' | 'words') => ChunkSpill;
  /** Bytes a chunk holds before it spills (CHUNK_BYTES when left out; tests make it tiny). */
  spillChunkBytes?: number;
  /**
   * Builds an update layer on top of this catalogue (src/core/catalogue/layered.ts) instead of a catalogue that stands
   * alone: its vocabulary and idf, category table (extended) and topic table, so the two read as one, and a list of
   * the papers below that the new ones replace (same key). Its vocabulary ("terms", "idf") must be loaded; the cost is
   * the new papers', not the catalogue's below (canLayerOn says whether it can be).
   */
  layerOf?: CatalogueView;
}

/** Whether this build's papers can go on top of a catalogue as an update layer (the same topic table and vectors). */
export function canLayerOn(below: Pick<CatalogueHeader, 'topics' | 'vectorTerms' | 'topicsPerPaper' | 'categoriesPerPaper'>, vectorTerms = 48): boolean {
  return (
    below.vectorTerms === vectorTerms &&
    below.topicsPerPaper === TOPICS_PER_PAPER &&
    below.categoriesPerPaper === CATEGORIES_PER_PAPER &&
    below.topics.length === TOPICS.length &&
    below.topics.every((t, i) => t.id === TOPICS[i]!.id)
  );
}

export interface BuildCounts {
  added: number;
  merged: number;
  /** Papers whose category was predicted (known after build). */
  predicted: number;
}

const TOPICS_PER_PAPER = 3;
const CATEGORIES_PER_PAPER = 4;
const MAX_VOCABULARY = 0xfffe; // term ids are Uint16, NONE16 marks an empty slot
/** Papers between two progress reports: tagging runs at a few hundred papers a second, so a report every few seconds. */
const PROGRESS_EVERY = 500;
/** Word pairs are numbered first * PAIR_BASE + second (exact in a double up to 2^26 distinct words). */
const PAIR_BASE = 2 ** 26;
const pairKey = (a: number, b: number) => a * PAIR_BASE + b;

/** The terms of the vectors with their idf, and how a paper's words and adjacent pairs map to them. */
interface Vocabulary {
  terms: string[];
  idf: Float32Array;
  /** Word id → term id, or -1. */
  wordTerm: Int32Array;
  /** [pair number, term id] of the pair terms. */
  pairTerms: Array<[number, number]>;
}

/** A copy of `array` with room for `length` entries. */
function grown(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}

/** A topic as the catalogue stores it for a paper: its id and confidence (0 to 1). */
export type CatalogueTopic = [id: string, confidence: number];

/** What a paper is tagged from: the fields of its entry as the builder keeps them. */
export interface TaggedText {
  title: string;
  abstract: string;
  categories: string[];
}

/** The words a paper's vector is made of (the title counts twice): the same function wherever a build reads them. */
export function catalogueWords(text: TaggedText): string[] {
  return contentWords(`${text.title} ${text.title} ${text.abstract}`);
}

/** A paper as read in a tagging thread: its topics and its words (space-separated, as catalogueWords gives them). */
export interface TaggedPaper {
  topics: CatalogueTopic[];
  words: string;
}

/** A paper's catalogue topics (at most TOPICS_PER_PAPER, best first): the same function wherever a build tags. */
export function catalogueTopics(text: TaggedText): CatalogueTopic[] {
  return tagPaperOnce(text)
    .filter((t) => t.facet === 'topic')
    .slice(0, TOPICS_PER_PAPER)
    .map((t) => [t.id, t.confidence]);
}

/** Ids into a table of `tableSize` in one byte each when they fit (NONE16 becomes NONE8), else as they are. */
function narrowIds(ids: Uint16Array, tableSize: number): Uint8Array | Uint16Array {
  if (!idsFitOneByte(tableSize)) return ids;
  // A loop, not Uint8Array.from(ids, map): that lists every id first (about 460 MB of heap at 2.8M papers).
  const narrow = new Uint8Array(ids.length);
  for (let i = 0; i < ids.length; i++) narrow[i] = ids[i] === NONE16 ? NONE8 : ids[i]!;
  return narrow;
}

/** The vocabulary's document-frequency limits, scaled to the catalogue's size. */
function documentFrequencyBounds(n: number): { minDf: number; maxDf: number } {
  // A term in one paper only relates it to nothing, yet would take vector slots and norm: keep it only in tiny sets.
  if (n < 200) return { minDf: n < 20 ? 1 : 2, maxDf: Math.max(1, Math.floor(n * 0.5)) };
  return { minDf: n < 5000 ? 2 : 5, maxDf: Math.floor(n * 0.1) };
}

/** What the builder learns of each paper as it reads (topics and words from the tagging threads), grown as papers come. */
class PaperColumns {
  capacity = 0;
  topicIds = new Uint16Array(0);
  topicConfidence = new Uint8Array(0);
  /** 1 once the paper's topics and words are known for its current revision. */
  tagged = new Uint8Array(0);
  /** Each paper's words: their place in the builder's word lists. */
  wordPlaces = new Float64Array(0);

  ensure(n: number): void {
    if (n <= this.capacity) return;
    const capacity = Math.max(1024, this.capacity * 2, n);
    const grow = <T extends Uint8Array | Uint16Array | Float64Array>(old: T, make: (length: number) => T, width: number): T => {
      const grown = make(capacity * width);
      grown.set(old);
      return grown;
    };
    this.topicIds = grow(this.topicIds, (l) => new Uint16Array(l), TOPICS_PER_PAPER);
    this.topicIds.fill(NONE16, this.capacity * TOPICS_PER_PAPER);
    this.topicConfidence = grow(this.topicConfidence, (l) => new Uint8Array(l), TOPICS_PER_PAPER);
    this.tagged = grow(this.tagged, (l) => new Uint8Array(l), 1);
    this.wordPlaces = grow(this.wordPlaces, (l) => new Float64Array(l), 1);
    this.capacity = capacity;
  }
}

/** Topic ids by topic id string, for the catalogue's topicIds section. */
const TOPIC_INDEX = new Map(TOPICS.map((t, i) => [t.id, i]));

/** What termSections makes, for assembleSections. */
export interface TermSections {
  n: number;
  categoryIds: Uint16Array;
  categoryCodes: string[];
  /** Only when some paper's category was predicted. */
  categoryPredicted: Uint8Array | undefined;
  years: Uint16Array;
  newestPaperDate: string;
  vectorTerms: number;
  terms: string[];
  idf: Float32Array;
  vectors: Uint8Array;
  vectorOffsets: Uint32Array;
  vectorScales: Float32Array;
}

export class CatalogueBuilder {
  private readonly papers: PaperRecords;
  private readonly byKey = new Map<string, number>();
  /** Papers changed by a later record, by index: how many times (topics tagged from an older revision are stale). */
  private readonly revisions = new Map<number, number>();
  private readonly columns = new PaperColumns();
  private newestNoted = '';
  readonly counts: BuildCounts = { added: 0, merged: 0, predicted: 0 };

  constructor(private readonly options: BuildOptions) {
    const spill = options.chunkSpill;
    this.papers = spill ? new PaperChunks(spill('papers'), options.spillChunkBytes) : new PaperList();
    this.wordLists = new PackedIdLists(spill?.('words'), options.spillChunkBytes);
  }

  /** Adds a paper; a later record of the same paper (same key) fills in and overrides the earlier one. */
  add(raw: ParsedPaper): 'added' | 'merged' {
    const title = cleanText(raw.title);
    const arxivId = raw.arxivId ? normalizeArxivId(raw.arxivId) : undefined;
    const doi = raw.doi ? (normalizeDoi(raw.doi) ?? '') : '';
    const pmid = raw.pmid ? (normalizePmid(raw.pmid) ?? '') : '';
    const key = paperKey({ arxivId, doi, pmid, title });
    const entry: StoredPaper = {
      key,
      title,
      abstract: cleanText(raw.abstract),
      authors: (raw.authors ?? []).map((a) => cleanText(a).replace(/;/g, ',')).filter(Boolean),
      categories: (raw.categories ?? []).filter(Boolean),
      doi: doi.startsWith('10.48550/') ? '' : doi,
      pmid,
      year: raw.year && raw.year > 0 && raw.year < 0xffff ? raw.year : 0,
      date: isoDatePrefix(raw.date) ?? '',
    };
    const at = this.byKey.get(key);
    if (at === undefined) {
      this.lastIndex = this.papers.size;
      this.byKey.set(key, this.papers.size);
      this.papers.push(entry);
      this.columns.ensure(this.papers.size);
      this.counts.added++;
      return 'added';
    }
    const old = this.papers.get(at);
    this.papers.set(at, {
      key,
      title: entry.title || old.title,
      abstract: entry.abstract || old.abstract,
      authors: entry.authors.length ? entry.authors : old.authors,
      categories: entry.categories.length ? entry.categories : old.categories,
      doi: entry.doi || old.doi,
      pmid: entry.pmid || old.pmid,
      year: entry.year || old.year,
      date: entry.date || old.date,
    });
    this.revisions.set(at, (this.revisions.get(at) ?? 0) + 1);
    this.columns.tagged[at] = 0;
    this.lastIndex = at;
    this.counts.merged++;
    return 'merged';
  }

  /** The paper that the last add() added or merged into, by its index. */
  lastIndex = -1;

  /** What paper `index` is tagged from now, and its revision (for provideTopics). */
  textForTagging(index: number): TaggedText & { revision: number } {
    const e = this.papers.get(index);
    return { title: e.title, abstract: e.abstract, categories: e.categories, revision: this.revisions.get(index) ?? 0 };
  }

  /**
   * A paper tagged elsewhere (the CLI tags in threads while it reads) from textForTagging(index): kept unless the paper
   * changed since (another revision), in which case build() tags it itself. It must be catalogueTopics' and
   * catalogueWords' answer.
   */
  provideTagged(index: number, revision: number, tagged: TaggedPaper): void {
    if (index >= this.papers.size || (this.revisions.get(index) ?? 0) !== revision) return;
    this.noteTagged(index, tagged.topics, this.wordIdsOf(tagged.words === '' ? [] : tagged.words.split(' ')));
    // Read and tagged: the abstract is needed again only if kept, or to predict a missing category.
    if (this.papers.onHeap && !this.options.withAbstracts && this.papers.get(index).categories.length > 0) this.papers.dropAbstract(index);
  }

  private noteTagged(index: number, topics: CatalogueTopic[], wordPlace: number): void {
    const { columns } = this;
    columns.topicIds.fill(NONE16, index * TOPICS_PER_PAPER, (index + 1) * TOPICS_PER_PAPER);
    columns.topicConfidence.fill(0, index * TOPICS_PER_PAPER, (index + 1) * TOPICS_PER_PAPER);
    topics.forEach(([id, confidence], j) => {
      columns.topicIds[index * TOPICS_PER_PAPER + j] = TOPIC_INDEX.get(id)!;
      columns.topicConfidence[index * TOPICS_PER_PAPER + j] = Math.round(confidence * 255);
    });
    columns.wordPlaces[index] = wordPlace;
    columns.tagged[index] = 1;
  }

  /** Word ids, numbered in the order words are first met: the catalogue's bytes do not depend on that order. */
  private readonly wordId = new Map<string, number>();
  private readonly words: string[] = [];

  /** Every paper's word ids, packed (build() reads each paper's back by its place). */
  private readonly wordLists: PackedIdLists;

  /** The tokens' word ids, stored: answers their place in wordLists. */
  private wordIdsOf(tokens: readonly string[]): number {
    if (this.scratch.length < tokens.length) this.scratch = new Uint32Array(tokens.length * 2);
    const ids = this.scratch.subarray(0, tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]!;
      let id = this.wordId.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(w);
        this.wordId.set(w, id);
      }
      ids[k] = id;
    }
    return this.wordLists.add(ids);
  }

  private scratch = new Uint32Array(1024);

  /**
   * A newest paper date known for papers added with their years only: those of a catalogue merged in, which keeps
   * each paper's year but of their dates only the newest (CatalogueHeader.newestPaperDate).
   */
  noteNewestPaperDate(date: string | undefined): void {
    const valid = isoDatePrefix(date);
    if (valid && valid === date && valid > this.newestNoted) this.newestNoted = valid;
  }

  get size(): number {
    return this.papers.size;
  }

  build(): Uint8Array {
    const { header, sections } = this.buildSections();
    return packSections({ ...header }, sections);
  }

  /** A catalogue's own vocabulary: its MAX_VOCABULARY most frequent words and pairs within the document-frequency bounds. */
  private learnVocabulary(n: number, docAt: (d: number) => Uint32Array): Vocabulary {
    const words = this.words;
    // Document frequencies of words, then of pairs of frequent words (a pair is never more frequent than its
    // words), counted by sorting one array of pair numbers: exact, and far lighter than a map of strings.
    const { minDf, maxDf } = documentFrequencyBounds(n);
    const wordDf = new Uint32Array(words.length);
    const lastDoc = new Int32Array(words.length).fill(-1);
    for (let d = 0; d < n; d++) {
      const ids = docAt(d);
      for (let k = 0; k < ids.length; k++) {
        const w = ids[k]!;
        if (lastDoc[w] !== d) {
          lastDoc[w] = d;
          wordDf[w]!++;
        }
      }
    }
    const pairFrequencies = new KeyDocumentFrequencies(this.options.pairSpill);
    let docPairs = new Float64Array(1024);
    for (let d = 0; d < n; d++) {
      const ids = docAt(d);
      if (ids.length > docPairs.length) docPairs = new Float64Array(ids.length * 2);
      let pairs = 0;
      for (let k = 0; k + 1 < ids.length; k++) {
        if (wordDf[ids[k]!]! >= minDf && wordDf[ids[k + 1]!]! >= minDf) docPairs[pairs++] = pairKey(ids[k]!, ids[k + 1]!);
      }
      pairFrequencies.addDocument(docPairs.subarray(0, pairs));
    }
    // The vocabulary: the MAX_VOCABULARY most frequent words and pairs within the bounds (ref: pair number, or -1 - word id).
    const vocabulary = new TopTerms(MAX_VOCABULARY);
    wordDf.forEach((df, w) => {
      if (df >= minDf && df <= maxDf) vocabulary.offer(df, -1 - w, () => words[w]!);
    });
    pairFrequencies.forEachKey((p, df) => {
      if (df >= minDf && df <= maxDf) vocabulary.offer(df, p, () => `${words[Math.floor(p / PAIR_BASE)]} ${words[p % PAIR_BASE]}`);
    });
    const kept = vocabulary.byTerm();
    const terms = kept.map(([t]) => t);
    const idf = Float32Array.from(kept, ([, df]) => Math.log((1 + n) / (1 + df)) + 1);
    const wordTerm = new Int32Array(words.length).fill(-1);
    const pairTerms: Array<[number, number]> = [];
    kept.forEach(([, , ref], t) => (ref < 0 ? (wordTerm[-1 - ref] = t) : pairTerms.push([ref, t])));
    return { terms, idf, wordTerm, pairTerms };
  }

  /** A layer's vocabulary: the catalogue's below, its terms mapped to this build's word ids (a term of words no new paper has never occurs). */
  private vocabularyOf(below: CatalogueView): Vocabulary {
    const terms = below.lines('terms');
    const wordTerm = new Int32Array(this.words.length).fill(-1);
    const pairTerms: Array<[number, number]> = [];
    terms.forEach((term, t) => {
      const space = term.indexOf(' ');
      if (space < 0) {
        const w = this.wordId.get(term);
        if (w !== undefined) wordTerm[w] = t;
        return;
      }
      const [a, b] = [this.wordId.get(term.slice(0, space)), this.wordId.get(term.slice(space + 1))];
      if (a !== undefined && b !== undefined) pairTerms.push([pairKey(a, b), t]);
    });
    return { terms, idf: Float32Array.from(below.idf), wordTerm, pairTerms };
  }

  /** The catalogue's header and sections, for packSections (or a writer that streams them to a file). */
  buildSections(): { header: Omit<CatalogueHeader, 'sections'>; sections: Array<[string, SectionData]> } {
    const made = this.termSections();
    (this.options.onProgress ?? (() => undefined))('packing', 0, 1);
    return this.assembleSections(made, this.textSections());
  }

  /** The sections made from the papers' text, in this thread (see chunkedPapers for another). */
  textSections(): PaperTextSections {
    return paperTextSections(this.papers, { withAbstracts: this.options.withAbstracts, below: this.options.layerOf });
  }

  /**
   * The papers as records in chunks, for a reader in another thread (paperTextSections there), or undefined when they
   * live on the heap or the build is a layer (its text sections look up the catalogue below).
   */
  chunkedPapers(): PaperChunksImage | undefined {
    return this.papers instanceof PaperChunks && !this.options.layerOf ? this.papers.image() : undefined;
  }

  /**
   * Everything but the text sections, from the papers' words: categories, years, the vocabulary and the vectors (and,
   * for papers no thread tagged, their topics and words).
   */
  termSections(): TermSections {
    const { papers, options, columns } = this;
    const n = papers.size;
    const K = options.vectorTerms ?? 48;
    const progress = options.onProgress ?? (() => undefined);

    // 1. Per paper, in one read: its categories (predicted, and marked so, when its source named none and a predictor
    // is given), year, topics and words (tagged and tokenized here when the threads did not; the title counts twice).
    const categoryPredicted = new Uint8Array(n);
    const categoryIds = new Uint16Array(n * CATEGORIES_PER_PAPER).fill(NONE16);
    const years = new Uint16Array(n);
    const below = options.layerOf;
    if (below && !canLayerOn(below.header, K)) throw new CatalogueError('These papers cannot be added on top of the installed catalogue: it was built with another topic table.');
    // A layer numbers categories as the catalogue below does, new ones after its own.
    const categoryCodes: string[] = below ? [...below.header.categories] : [];
    const categoryIndex = new Map<string, number>(categoryCodes.map((c, i) => [c, i]));
    let newestPaperDate = this.newestNoted;
    for (let i = 0; i < n; i++) {
      const e = papers.get(i);
      let categories = e.categories;
      if (!categories.length && options.predictCategory) {
        const guess = options.predictCategory({ title: e.title, abstract: e.abstract, authors: e.authors });
        if (guess) {
          categoryPredicted[i] = Math.max(1, Math.min(255, Math.round(guess.probability * 255)));
          categories = [guess.category];
        }
      }
      categories.slice(0, CATEGORIES_PER_PAPER).forEach((code, j) => {
        let c = categoryIndex.get(code);
        if (c === undefined) {
          c = categoryCodes.length;
          categoryCodes.push(code);
          categoryIndex.set(code, c);
        }
        categoryIds[i * CATEGORIES_PER_PAPER + j] = c;
      });
      years[i] = e.year;
      // ISO dates of one year sort as strings, and a bare year before its own months and days.
      const date = e.date || isoDate(e.year) || '';
      if (date > newestPaperDate) newestPaperDate = date;
      if (!columns.tagged[i]) this.noteTagged(i, catalogueTopics(e), this.wordIdsOf(catalogueWords(e)));
      if ((i + 1) % PROGRESS_EVERY === 0) progress('vocabulary', i + 1, n);
    }
    this.counts.predicted = categoryPredicted.reduce((count, p) => count + (p > 0 ? 1 : 0), 0);
    const anyPredicted = this.counts.predicted > 0;
    const words = this.words;
    const lists = this.wordLists;
    let buffer = new Uint32Array(1024);
    /** Paper d's word ids, decoded into a buffer reused from paper to paper. */
    const docAt = (d: number): Uint32Array => {
      const ids = lists.read(columns.wordPlaces[d]!, buffer);
      if (ids.buffer !== buffer.buffer) buffer = new Uint32Array(ids.length * 2);
      return ids;
    };
    // 2. The vocabulary: learned from these papers, or a layer's: the catalogue's below.
    const { terms, idf, wordTerm, pairTerms } = below ? this.vocabularyOf(below) : this.learnVocabulary(n, docAt);
    this.wordId.clear();
    pairTerms.sort((a, b) => a[0] - b[0]);

    const pairNumbers = Float64Array.from(pairTerms, ([p]) => p);
    const pairTermIds = Int32Array.from(pairTerms, ([, t]) => t);
    // Most words begin no kept pair: their pairs are not looked up at all.
    const beginsPair = new Uint8Array(words.length);
    for (const [p] of pairTerms) beginsPair[Math.floor(p / PAIR_BASE)] = 1;
    const pairTerm = (a: number, b: number): number => {
      if (!beginsPair[a]) return -1;
      const at = sortedIndexOf(pairNumbers, pairKey(a, b));
      return at < 0 ? -1 : pairTermIds[at]!;
    };

    // 3. Per paper: a sparse tf-idf vector (top K terms, uint8 weights scaled per paper).
    const vectorRecords = new ByteWriter();
    const vectorOffsets = new Uint32Array(n + 1);
    const vectorScales = new Float32Array(n);
    /** Each term's count in the paper at hand, and the terms it has (in the order first met) with their weights. */
    const termCounts = new Uint32Array(terms.length);
    let paperTerms: Int32Array = new Int32Array(256);
    let termWeights = new Float64Array(256);
    let termCount = 0;
    const count = (t: number) => {
      if (termCounts[t]!++ !== 0) return;
      if (termCount === paperTerms.length) {
        paperTerms = grown(paperTerms, termCount * 2);
        termWeights = new Float64Array(termCount * 2);
      }
      paperTerms[termCount++] = t;
    };
    /** The weights of the paper at hand's terms, by term id. */
    const weightOfTerm = new Float64Array(terms.length);
    const heaviest = new HeaviestTerms(K);
    const topIds: number[] = [];
    const topWeights: number[] = [];
    for (let i = 0; i < n; i++) {
      const ids = docAt(i);
      termCount = 0;
      for (let k = 0; k < ids.length; k++) {
        const t = wordTerm[ids[k]!]!;
        if (t >= 0) count(t);
        if (k + 1 < ids.length) {
          const pt = pairTerm(ids[k]!, ids[k + 1]!);
          if (pt >= 0) count(pt);
        }
      }
      for (let k = 0; k < termCount; k++) {
        const t = paperTerms[k]!;
        termWeights[k] = (1 + Math.log(termCounts[t]!)) * idf[t]!;
        weightOfTerm[t] = termWeights[k]!;
        termCounts[t] = 0;
      }
      const top = heaviest.choose(paperTerms, termWeights, termCount);
      topIds.length = 0;
      topWeights.length = 0;
      for (const t of top) topWeights.push(weightOfTerm[t]!);
      const norm = Math.hypot(...topWeights) || 1;
      let max = 0;
      for (const w of topWeights) max = Math.max(max, w / norm);
      vectorScales[i] = max;
      for (let k = 0; k < top.length; k++) {
        topIds.push(top[k]!);
        topWeights[k] = max > 0 ? Math.max(1, Math.round((topWeights[k]! / norm / max) * 255)) : 0;
      }
      writeVectorRecord(vectorRecords, topIds, topWeights);
      vectorOffsets[i + 1] = vectorRecords.length;
      if ((i + 1) % PROGRESS_EVERY === 0) progress('vectors', i + 1, n);
    }

    return {
      n,
      categoryIds,
      categoryCodes,
      categoryPredicted: anyPredicted ? categoryPredicted : undefined,
      years,
      newestPaperDate,
      vectorTerms: K,
      terms,
      idf,
      vectors: vectorRecords.view(),
      vectorOffsets,
      vectorScales,
    };
  }

  /** The catalogue's header and sections from its term sections and its text sections (hashed into its version). */
  assembleSections(made: TermSections, texts: PaperTextSections): { header: Omit<CatalogueHeader, 'sections'>; sections: Array<[string, SectionData]> } {
    const { options, columns } = this;
    const { n, categoryCodes, categoryPredicted, newestPaperDate, terms } = made;
    const below = options.layerOf;
    const sections: Array<[string, SectionData]> = [
      ...texts.lookups,
      ['normTitlesTable', texts.normTitlesTable],
      ['words', texts.words],
      ['texts', texts.texts],
      ['textOffsets', texts.textOffsets],
      ['years', made.years],
      ['categoryIds', narrowIds(made.categoryIds, categoryCodes.length)],
      ...(categoryPredicted ? [['categoryPredicted', categoryPredicted] as [string, Uint8Array]] : []),
      ['topicIds', narrowIds(columns.topicIds.subarray(0, n * TOPICS_PER_PAPER), TOPICS.length)],
      ['topicConfidence', columns.topicConfidence.subarray(0, n * TOPICS_PER_PAPER)],
      ['terms', encodeLines(frontCode(terms))],
      ['idf', made.idf],
      ['vectors', made.vectors],
      ['vectorOffsets', made.vectorOffsets],
      ['vectorScales', made.vectorScales],
    ];
    if (options.withAbstracts && texts.abstracts) sections.push(['abstracts', texts.abstracts]);
    if (below) sections.push([SUPERSEDES_SECTION, texts.replaced]);
    const header: Omit<CatalogueHeader, 'sections'> = {
      format: CATALOGUE_FORMAT,
      formatVersion: CATALOGUE_FORMAT_VERSION,
      source: options.source,
      paperCount: n,
      hasAbstracts: options.withAbstracts,
      vocabularySize: terms.length,
      wordCount: texts.wordCount,
      vectorTerms: made.vectorTerms,
      quantization: 'uint8, scaled per paper',
      topicsPerPaper: TOPICS_PER_PAPER,
      categoriesPerPaper: CATEGORIES_PER_PAPER,
      topics: TOPICS.map((t) => ({ id: t.id, label: t.label })),
      categories: categoryCodes,
      categoryLabels: categoryCodes.map((c) => categoryName(c) ?? c),
      ...(categoryPredicted ? { predictedCategories: true } : {}),
      ...(texts.hasPmids ? { hasPmids: true } : {}),
      ...(newestPaperDate ? { newestPaperDate } : {}),
      ...(below ? { layerOf: below.version } : {}),
      version: hashSections(sections),
    };
    return { header, sections };
  }
}
