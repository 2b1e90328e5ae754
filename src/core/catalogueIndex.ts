// The in-memory index over one catalogue: identity matching, tags and related papers for page papers.
import type { CatalogueData } from './catalogue.ts';
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

  /** The catalogue paper this page paper is, if any. */
  match(ref: PaperRef): CataloguePaper | undefined {
    const i = this.matcher.match(ref);
    return i >= 0 ? this.data.paper(i) : undefined;
  }

  /**
   * Tags for a page paper: the catalogue's topic tags when it knows the paper, else computed from what the
   * page shows; the category facet comes from the page when the catalogue has none.
   */
  tagsFor(ref: PaperRef, known = this.match(ref)): TopicTag[] {
    if (!known) return tagPaper({ title: ref.title, abstract: ref.abstract, categories: ref.categories });
    if (known.categories.length || !ref.categories?.length) return known.tags;
    const withCategory = tagPaper({ title: '', categories: ref.categories }).filter((t) => t.facet === 'category');
    return [...known.tags.filter((t) => t.facet === 'topic').slice(0, 3), ...withCategory];
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
