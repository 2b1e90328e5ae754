// The in-memory index over one catalogue: identity matching, tags and related papers for page papers.
import { NONE16, type CatalogueData } from './catalogue.ts';
import { CatalogueMatcher } from './matcher.ts';
import type { CataloguePaper, PaperRef, TopicTag } from './paper.ts';
import { RelatedIndex, type RelatedMatch } from './related.ts';
import { tagPaper } from './topics.ts';

export interface RelatedResult extends RelatedMatch {
  paper: CataloguePaper;
  sharedTopics: string[];
}

export class CatalogueIndex {
  private readonly matcher: CatalogueMatcher;
  private readonly related: RelatedIndex;

  constructor(readonly data: CatalogueData) {
    this.matcher = new CatalogueMatcher(data);
    this.related = new RelatedIndex(data);
  }

  get paperCount(): number {
    return this.data.paperCount;
  }

  /** Index of the catalogue paper this page paper is, or -1 (cheap: no per-paper strings are decoded). */
  matchIndex(ref: PaperRef): number {
    return this.matcher.match(ref);
  }

  /** The catalogue paper this page paper is, if any. */
  match(ref: PaperRef): CataloguePaper | undefined {
    const i = this.matcher.match(ref);
    return i >= 0 ? this.data.paper(i) : undefined;
  }

  keyOf(index: number): string {
    return this.data.lineOf('keys', index);
  }

  /**
   * Tags for a page paper: the catalogue's topic tags when it knows the paper, else computed from what the
   * page shows; the category facet comes from the page when the catalogue has none.
   */
  tagsFor(ref: PaperRef, known = this.matcher.match(ref)): TopicTag[] {
    if (known < 0) return tagPaper({ title: ref.title, abstract: ref.abstract, categories: ref.categories });
    const tags = this.data.tagsOf(known);
    if (this.data.categoryIds[known * this.data.header.categoriesPerPaper] !== NONE16 || !ref.categories?.length) return tags;
    const withCategory = tagPaper({ title: '', categories: ref.categories }).filter((t) => t.facet === 'category');
    return [...tags.filter((t) => t.facet === 'topic').slice(0, 3), ...withCategory];
  }

  relatedTo(ref: PaperRef, limit: number): RelatedResult[] {
    const known = this.matcher.match(ref);
    const query = known >= 0 ? this.related.vectorOf(known) : this.related.vectorize(ref.title, ref.abstract);
    const queryTopics = new Set(this.tagsFor(ref).filter((t) => t.facet === 'topic').map((t) => t.label));
    return this.related.nearest(query, limit, known).map((m) => {
      const paper = this.data.paper(m.index);
      const sharedTopics = paper.tags.filter((t) => t.facet === 'topic' && queryTopics.has(t.label)).map((t) => t.label);
      return { ...m, paper, sharedTopics };
    });
  }
}
