// Identity matching: which catalogue paper (if any) a page's paper is, by key, arXiv id, DOI or normalized title.
import type { CatalogueData } from './catalogue.ts';
import type { PaperRef } from './paper.ts';
import { normalizeArxivId, normalizeDoi } from './paperKey.ts';
import { normalizeTitle } from './titles.ts';

export class CatalogueMatcher {
  constructor(private readonly data: CatalogueData) {}

  private one(name: 'keys' | 'normTitles' | 'dois', value: string): number {
    const found = this.data.find(name, value);
    // Two catalogue papers with one title (or DOI) cannot be told apart by it: match neither.
    return found.length === 1 ? found[0]! : -1;
  }

  /** Index of the matching catalogue paper, or -1. */
  match(ref: PaperRef): number {
    const byKey = this.one('keys', ref.key);
    if (byKey >= 0) return byKey;
    const arxiv = ref.arxivId ? normalizeArxivId(ref.arxivId) : undefined;
    const byArxiv = arxiv ? this.one('keys', `arxiv:${arxiv}`) : -1;
    if (byArxiv >= 0) return byArxiv;
    const doi = ref.doi ? normalizeDoi(ref.doi) : undefined;
    if (doi) {
      const byDoi = this.one('dois', doi);
      if (byDoi >= 0) return byDoi;
      const byDoiKey = this.one('keys', `doi:${doi}`);
      if (byDoiKey >= 0) return byDoiKey;
    }
    const byTitle = this.one('normTitles', normalizeTitle(ref.title));
    // Same title but a different arXiv id is a different paper (e.g. "Part II", or a namesake).
    const other = byTitle >= 0 ? this.data.lineOf('keys', byTitle) : '';
    return arxiv && other.startsWith('arxiv:') && other !== `arxiv:${arxiv}` ? -1 : byTitle;
  }
}
