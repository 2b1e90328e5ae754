// Typo-tolerant full-text search over a packed catalogue's titles and authors: MiniSearch's radix tree finds the terms
// (exact, within an edit distance, or by prefix), compact typed-array postings rank the papers (BM25).
import SearchableMap from 'minisearch/SearchableMap';
import { NONE16, type CatalogueView } from '../catalogue/artifact.ts';
import { normalizeTitle } from '../identity/titles.ts';

/** What narrows a catalogue search; each field left out matches every paper. */
export interface CatalogueSearchFilters {
  year?: number;
  /** A topic label or an arXiv category label or code, compared without case. */
  tag?: string;
  /** A site id (src/adapters/sites.ts): catalogue papers keyed `arxiv:` are arXiv's; others have no site. */
  site?: string;
}

export interface CatalogueSearchHit {
  index: number;
  score: number;
}

export interface CatalogueSearchResult {
  hits: CatalogueSearchHit[];
  /** Papers that matched the query and filters, before the limit. */
  total: number;
}

/** Field flags kept per posting. */
const TITLE = 1;
const AUTHORS = 2;
const TITLE_BOOST = 2;
const K1 = 1.2;
const B = 0.75;
/** A query word found in more than this share of papers narrows nothing: it ranks, but is not required. */
const COMMON_SHARE = 0.2;
/** ...in catalogues at least this large (in a handful of papers, every word is common). */
const COMMON_MIN_PAPERS = 1000;
/** Prefix completions followed per query word (the most frequent first), so "a" does not expand to every term. */
const MAX_PREFIX_TERMS = 40;
/** How much a typo or a completion is worth against the exact word. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.6;
/** Papers and terms indexed between two pauses of a sliced build (about 20 to 30 ms each on these machines). */
const PAPERS_PER_SLICE = 1000;
const TERMS_PER_SLICE = 10_000;

/** Words of a title or author list, as the index and the query see them. */
export function searchWords(text: string): string[] {
  // Plain ASCII (most titles and names) splits directly; anything else goes through the title normaliser (TeX, accents).
  const plain = /^[\x00-\x5b\x5d-\x7f]*$/.test(text);
  return (plain ? text.toLowerCase().split(/[^a-z0-9]+/) : normalizeTitle(text).split(' ')).filter((w) => w.length > 0);
}

/** Edits a query word of this length may contain: none for short words, one from 4 letters, two from 8. */
export function allowedTypos(word: string): number {
  return word.length < 4 || /^\d+$/.test(word) ? 0 : word.length < 8 ? 1 : 2;
}

function grow<T extends Uint32Array>(array: T, length: number): T {
  const bigger = new Uint32Array(length);
  bigger.set(array);
  return bigger as T;
}

/** A growable Uint32Array (the build does not know its totals before reading every paper). */
class U32List {
  array = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = new Uint32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
}

export class CatalogueSearch {
  private constructor(
    private readonly data: CatalogueView,
    /** Term → term id. */
    private readonly terms: SearchableMap<number>,
    /** Postings of term t are starts[t] .. starts[t+1]: paper, and field flags (TITLE | AUTHORS). */
    private readonly starts: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly fields: Uint8Array,
    /** Words in each paper's title (BM25 length normalisation). */
    private readonly titleLengths: Uint16Array,
    private readonly averageTitleLength: number,
  ) {}

  /** Indexes every paper's title and authors at once (linear in the catalogue). */
  static build(data: CatalogueView): CatalogueSearch {
    const steps = CatalogueSearch.buildSteps(data);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same, in slices of a few tens of milliseconds with `pause()` awaited between them, so a worker building it keeps
   * answering other messages (a page's badges must not wait for a search index).
   */
  static async buildInSlices(data: CatalogueView, pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0))): Promise<CatalogueSearch> {
    const steps = CatalogueSearch.buildSteps(data);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await pause();
    }
  }

  /** The build, yielding after every slice of papers and of terms. */
  private static *buildSteps(data: CatalogueView): Generator<void, CatalogueSearch> {
    const n = data.paperCount;
    const titles = data.lines('titles');
    const authors = data.lines('authors');
    const termIds = new Map<string, number>();
    // One pass: each paper's distinct (term, fields) pairs, flattened as term × 4 + fields; counts per term.
    const pairs = new U32List();
    const paperStarts = new Uint32Array(n + 1);
    const titleLengths = new Uint16Array(n);
    let df = new Uint32Array(4096);
    /** Where a term's pair for the current paper is (typed arrays: no per-paper map). */
    let lastPaper = new Int32Array(4096).fill(-1);
    let pairAt = new Uint32Array(4096);
    let titleWords = 0;
    const add = (word: string, field: number, paper: number) => {
      let id = termIds.get(word);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(word, id);
        if (id === df.length) {
          df = grow(df, df.length * 2);
          pairAt = grow(pairAt, df.length);
          const last = new Int32Array(df.length).fill(-1);
          last.set(lastPaper);
          lastPaper = last;
        }
      }
      if (lastPaper[id] === paper) {
        pairs.array[pairAt[id]!]! |= field;
        return;
      }
      lastPaper[id] = paper;
      pairAt[id] = pairs.length;
      pairs.push(id * 4 + field);
      df[id]!++;
    };
    for (let i = 0; i < n; i++) {
      const words = searchWords(titles[i]!);
      titleLengths[i] = Math.min(words.length, 0xffff);
      titleWords += words.length;
      for (const w of words) add(w, TITLE, i);
      // Initials find nothing by themselves and would add a posting per author.
      if (authors[i]) for (const w of searchWords(authors[i]!)) if (w.length > 1) add(w, AUTHORS, i);
      paperStarts[i + 1] = pairs.length;
      if (i % PAPERS_PER_SLICE === PAPERS_PER_SLICE - 1) yield;
    }
    const V = termIds.size;
    const starts = new Uint32Array(V + 1);
    for (let t = 0; t < V; t++) starts[t + 1] = starts[t]! + df[t]!;
    const fill = starts.slice(0, V);
    const docs = new Uint32Array(pairs.length);
    const fields = new Uint8Array(pairs.length);
    for (let i = 0; i < n; i++) {
      for (let p = paperStarts[i]!; p < paperStarts[i + 1]!; p++) {
        const pair = pairs.array[p]!;
        const at = fill[pair >>> 2]!++;
        docs[at] = i; // papers in ascending order within each term
        fields[at] = pair & 3;
      }
    }
    yield;
    const terms = new SearchableMap<number>();
    for (const [term, id] of termIds) {
      terms.set(term, id);
      if (id % TERMS_PER_SLICE === TERMS_PER_SLICE - 1) yield;
    }
    return new CatalogueSearch(data, terms, starts, docs, fields, titleLengths, n ? titleWords / n : 1);
  }

  get termCount(): number {
    return this.starts.length - 1;
  }

  /** Bytes held by the typed arrays (the radix tree of terms is on top of this). */
  get postingBytes(): number {
    return this.starts.byteLength + this.docs.byteLength + this.fields.byteLength + this.titleLengths.byteLength;
  }

  /** The terms a query word stands for, each with what finding it is worth (1 for the word itself). */
  private expansions(word: string, allowPrefix: boolean): Map<number, number> {
    const out = new Map<number, number>();
    const take = (id: number, weight: number) => {
      if ((out.get(id) ?? 0) < weight) out.set(id, weight);
    };
    const exact = this.terms.get(word);
    if (exact !== undefined) take(exact, 1);
    const typos = allowedTypos(word);
    if (typos > 0) {
      for (const [, [id, distance]] of this.terms.fuzzyGet(word, typos)) {
        if (distance > 0) take(id, FUZZY_WEIGHT / distance);
      }
      // Two letters swapped, the commonest typo, is one slip but two edits: looked up directly.
      for (let i = 0; i + 1 < word.length; i++) {
        if (word[i] === word[i + 1]) continue;
        const id = this.terms.get(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
        if (id !== undefined) take(id, FUZZY_WEIGHT);
      }
    }
    if (allowPrefix && word.length >= 2) {
      const completions: Array<[number, number]> = [];
      for (const [term, id] of this.terms.atPrefix(word)) {
        if (term.length > word.length) completions.push([id, term.length]);
      }
      // The most frequent completions: what a person typing is likeliest to mean.
      completions.sort((a, b) => this.df(b[0]) - this.df(a[0]) || a[0] - b[0]);
      for (const [id, length] of completions.slice(0, MAX_PREFIX_TERMS)) take(id, PREFIX_WEIGHT * (word.length / length));
    }
    return out;
  }

  private df(term: number): number {
    return this.starts[term + 1]! - this.starts[term]!;
  }

  /**
   * Papers matching every query word (a word may be misspelt, and the last one may be unfinished), best first, within
   * the filters. With no words, the papers passing the filters, newest first. Words too common to narrow anything only
   * rank.
   */
  /**
   * `topicLabelsOf`, when given, says paper i's topic labels (the user's edited taxonomy); else the catalogue's own
   * topics are tested, without decoding strings.
   */
  search(query: string, filters: CatalogueSearchFilters = {}, limit = 20, topicLabelsOf?: (i: number) => string[]): CatalogueSearchResult {
    const accept = this.filterOf(filters, topicLabelsOf);
    const words = [...new Set(searchWords(query))];
    if (words.length === 0) return this.browse(accept, limit);
    const n = this.data.paperCount;
    const total = new Float32Array(n);
    const matched = new Uint8Array(n);
    const best = new Float32Array(n);
    let required = 0;
    const endsWithSpace = /\s$/.test(query);
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const isLast = w === words.length - 1;
      const expansions = this.expansions(word, isLast && !endsWithSpace);
      const touched: number[] = [];
      let postings = 0;
      for (const [term, weight] of expansions) {
        const df = this.df(term);
        postings += df;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let p = this.starts[term]!; p < this.starts[term + 1]!; p++) {
          const d = this.docs[p]!;
          const f = this.fields[p]!;
          let s = 0;
          if (f & TITLE) s += TITLE_BOOST * ((K1 + 1) / (1 + K1 * (1 - B + (B * this.titleLengths[d]!) / this.averageTitleLength)));
          if (f & AUTHORS) s += 1;
          s *= idf * weight;
          if (best[d] === 0) touched.push(d);
          if (s > best[d]!) best[d] = s;
        }
      }
      // A word in a fifth of the catalogue ("the", "of") ranks but does not narrow.
      const narrows = postings <= COMMON_SHARE * n || n < COMMON_MIN_PAPERS || words.length === 1;
      if (narrows) required++;
      for (const d of touched) {
        total[d]! += best[d]!;
        if (narrows) matched[d]!++;
        best[d] = 0;
      }
    }
    const hits: CatalogueSearchHit[] = [];
    for (let d = 0; d < n; d++) {
      if (total[d]! > 0 && matched[d] === required && accept(d)) hits.push({ index: d, score: total[d]! });
    }
    hits.sort((a, b) => b.score - a.score || this.data.years[b.index]! - this.data.years[a.index]! || a.index - b.index);
    return { hits: hits.slice(0, limit), total: hits.length };
  }

  /** Papers passing the filters alone, newest first (a filter with an empty search box). */
  private browse(accept: (i: number) => boolean, limit: number): CatalogueSearchResult {
    const all: number[] = [];
    for (let i = 0; i < this.data.paperCount; i++) if (accept(i) && !this.data.isHidden(i)) all.push(i);
    all.sort((a, b) => this.data.years[b]! - this.data.years[a]! || b - a);
    return { hits: all.slice(0, limit).map((index) => ({ index, score: 0 })), total: all.length };
  }

  /** One test per paper for the filters, cheap enough to run over every hit (typed arrays, no strings decoded). */
  private filterOf({ year, tag, site }: CatalogueSearchFilters, topicLabelsOf?: (i: number) => string[]): (i: number) => boolean {
    const tests: Array<(i: number) => boolean> = [];
    const { header, years, topicIds, categoryIds } = this.data;
    if (year !== undefined) tests.push((i) => years[i] === year);
    if (tag) {
      const wanted = tag.toLowerCase();
      const topic = header.topics.findIndex((t) => t.label.toLowerCase() === wanted || t.id.toLowerCase() === wanted);
      const category = header.categories.findIndex((c, k) => c.toLowerCase() === wanted || header.categoryLabels[k]!.toLowerCase() === wanted);
      const has = (ids: Uint16Array, per: number, i: number, id: number) => {
        for (let j = i * per; j < (i + 1) * per; j++) {
          if (ids[j] === NONE16) return false;
          if (ids[j] === id) return true;
        }
        return false;
      };
      const hasTopic = topicLabelsOf
        ? (i: number) => topicLabelsOf(i).some((label) => label.toLowerCase() === wanted)
        : (i: number) => topic >= 0 && has(topicIds, header.topicsPerPaper, i, topic);
      tests.push((i) => hasTopic(i) || (category >= 0 && has(categoryIds, header.categoriesPerPaper, i, category)));
    }
    if (site) tests.push(site === 'arxiv' ? (i) => this.data.lineOf('keys', i).startsWith('arxiv:') : () => false);
    return (i) => tests.every((test) => test(i));
  }
}
