// Identity matching: which catalogue paper (if any) a page's paper is, by arXiv id, DOI or normalized title.
import type { CataloguePaper, PaperRef } from './paper.ts';
import { normalizeArxivId, normalizeDoi } from './paperKey.ts';
import { normalizeTitle } from './titles.ts';

export class CatalogueMatcher {
  private readonly byKey = new Map<string, number>();
  private readonly byArxiv = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  private readonly byTitle = new Map<string, number>();

  constructor(private readonly papers: readonly CataloguePaper[]) {
    papers.forEach((p, i) => {
      this.byKey.set(p.key, i);
      if (p.arxivId) this.byArxiv.set(p.arxivId, i);
      if (p.doi) this.byDoi.set(p.doi, i);
      const title = normalizeTitle(p.title);
      // Two catalogue papers with one title cannot be told apart by title: match neither.
      this.byTitle.set(title, this.byTitle.has(title) ? -1 : i);
    });
  }

  /** Index of the matching catalogue paper, or -1. */
  match(ref: PaperRef): number {
    const byKey = this.byKey.get(ref.key);
    if (byKey !== undefined) return byKey;
    const arxiv = ref.arxivId ? normalizeArxivId(ref.arxivId) : undefined;
    if (arxiv && this.byArxiv.has(arxiv)) return this.byArxiv.get(arxiv)!;
    const doi = ref.doi ? normalizeDoi(ref.doi) : undefined;
    if (doi && this.byDoi.has(doi)) return this.byDoi.get(doi)!;
    const byTitle = this.byTitle.get(normalizeTitle(ref.title)) ?? -1;
    // Same title but a different arXiv id is a different paper (e.g. "Part II", or a namesake).
    const other = byTitle >= 0 ? this.papers[byTitle]?.arxivId : undefined;
    return arxiv && other && other !== arxiv ? -1 : byTitle;
  }
}
