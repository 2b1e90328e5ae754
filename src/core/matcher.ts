// Identity matching: which catalogue paper (if any) a page's paper is, by key, arXiv id, DOI or normalized title.
import type { CatalogueData } from './catalogue.ts';
import type { PaperRef } from './paper.ts';
import { normalizeArxivId, normalizeDoi } from './paperKey.ts';
import { normalizeTitle } from './titles.ts';

export class CatalogueMatcher {
  private readonly byKey = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  private readonly byTitle = new Map<string, number>();

  constructor(private readonly data: CatalogueData) {
    const keys = data.lines('keys');
    const titles = data.lines('normTitles');
    const dois = data.lines('dois');
    for (let i = 0; i < keys.length; i++) {
      this.byKey.set(keys[i]!, i);
      if (dois[i]) this.byDoi.set(dois[i]!, i);
      const title = titles[i]!;
      // Two catalogue papers with one title cannot be told apart by title: match neither.
      if (title) this.byTitle.set(title, this.byTitle.has(title) ? -1 : i);
    }
  }

  /** Index of the matching catalogue paper, or -1. */
  match(ref: PaperRef): number {
    const byKey = this.byKey.get(ref.key);
    if (byKey !== undefined) return byKey;
    const arxiv = ref.arxivId ? normalizeArxivId(ref.arxivId) : undefined;
    const byArxiv = arxiv ? this.byKey.get(`arxiv:${arxiv}`) : undefined;
    if (byArxiv !== undefined) return byArxiv;
    const doi = ref.doi ? normalizeDoi(ref.doi) : undefined;
    const byDoi = doi ? (this.byDoi.get(doi) ?? this.byKey.get(`doi:${doi}`)) : undefined;
    if (byDoi !== undefined) return byDoi;
    const byTitle = this.byTitle.get(normalizeTitle(ref.title)) ?? -1;
    // Same title but a different arXiv id is a different paper (e.g. "Part II", or a namesake).
    const other = byTitle >= 0 ? this.data.lines('keys')[byTitle]! : '';
    return arxiv && other.startsWith('arxiv:') && other !== `arxiv:${arxiv}` ? -1 : byTitle;
  }
}
