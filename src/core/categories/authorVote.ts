// arXiv categories voted by a paper's authors: each author the catalogue knows votes the primary categories of their
// catalogue papers (as a distribution, so a prolific author weighs as much as any other). prediction.ts adds a small
// share of it to the blend: authors tend to stay in their fields, and the text alone often hesitates between two.
import { NONE16, type CatalogueData } from '../catalogue/artifact.ts';

/** An author's name as compared: accents dropped, lowercase, letters and digits only ("Zoë  O'Neil" → "zoe o neil"). */
export function authorKey(name: string): string {
  // Most names are plain ASCII: they skip the (costly) Unicode decomposition and letter classes.
  if (!/[^\x00-\x7f]/.test(name))
    return name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A 32-bit FNV-1a hash of a string's UTF-16 code units: names are found by hash (a collision only adds a stray vote). */
function nameHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Paper numbers take this many bits beside a 32-bit hash in one double (2,097,152 papers, past any catalogue). */
const PAPER_BITS = 21;

export class AuthorVote {
  /** (name hash, paper) pairs sorted by hash, then paper: 8 bytes per author of each paper with a category. */
  private readonly hashes: Uint32Array;
  private readonly papers: Uint32Array;

  constructor(private readonly data: CatalogueData) {
    const per = data.header.categoriesPerPaper;
    const lines = data.lines('authors');
    // Each pair as one number, hash · 2^PAPER_BITS + paper (exact in a double), sorted natively; plain loops, as
    // typed-array callbacks and sets per paper cost seconds at 100k papers.
    let pairs = new Float64Array(1024);
    let count = 0;
    const seen: string[] = [];
    for (let i = 0; i < data.paperCount && i < 2 ** PAPER_BITS; i++) {
      // A category the builder predicted would only echo the learned model back.
      if (data.categoryIds[i * per] === NONE16 || data.categoryPredicted?.[i]) continue;
      const line = lines[i]!;
      if (!line) continue;
      seen.length = 0;
      for (const author of line.split('; ')) {
        const name = authorKey(author);
        if (!name || seen.includes(name)) continue;
        seen.push(name);
        if (count === pairs.length) {
          const grown = new Float64Array(pairs.length * 2);
          grown.set(pairs);
          pairs = grown;
        }
        pairs[count++] = nameHash(name) * 2 ** PAPER_BITS + i;
      }
    }
    const sorted = pairs.subarray(0, count).sort();
    this.hashes = new Uint32Array(count);
    this.papers = new Uint32Array(count);
    for (let k = 0; k < count; k++) {
      const paper = sorted[k]! % 2 ** PAPER_BITS;
      this.papers[k] = paper;
      this.hashes[k] = (sorted[k]! - paper) / 2 ** PAPER_BITS;
    }
  }

  /** Author entries held (for sizes). */
  get entries(): number {
    return this.hashes.length;
  }

  /**
   * Category index → share: each known author's primary categories over their papers (`exclude` left out), summed over
   * the authors and normalised; all zero when no author is known.
   */
  distribution(authors: readonly string[] | undefined, exclude = -1): Float64Array {
    const out = new Float64Array(this.data.header.categories.length);
    const per = this.data.header.categoriesPerPaper;
    let total = 0;
    for (const name of new Set((authors ?? []).map(authorKey))) {
      if (!name) continue;
      const h = nameHash(name);
      let lo = 0;
      let hi = this.hashes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.hashes[mid]! < h) lo = mid + 1;
        else hi = mid;
      }
      let count = 0;
      for (let j = lo; j < this.hashes.length && this.hashes[j] === h; j++) if (this.papers[j] !== exclude) count++;
      if (count === 0) continue;
      for (let j = lo; j < this.hashes.length && this.hashes[j] === h; j++) {
        const i = this.papers[j]!;
        if (i === exclude) continue;
        out[this.data.categoryIds[i * per]!]! += 1 / count;
      }
      total++;
    }
    if (total > 0) for (let c = 0; c < out.length; c++) out[c]! /= total;
    return out;
  }
}
