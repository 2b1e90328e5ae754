// The shapes every context shares: a paper as a page shows it, and as the catalogue knows it.

/** One canonical key per paper across sites: `arxiv:…`, `doi:…`, `pmid:…`, `openreview:…` or `title:…`. */
export type PaperKey = string;

/** What an adapter reads off a page for one paper row (plain data, safe to send in a message). */
export interface PaperRef {
  key: PaperKey;
  title: string;
  arxivId?: string;
  doi?: string;
  /** PubMed id (digits), when the page shows one: kept beside a DOI key so either can match. */
  pmid?: string;
  url?: string;
  authors?: string[];
  /** arXiv category codes, primary first, when the page shows them. */
  categories?: string[];
  abstract?: string;
  /** Publication year, when the page shows one (Google Scholar rows do): corroborates a match by a cut-off title. */
  year?: number;
}

/** A topic tag with why it was given. */
export interface TopicTag {
  id: string;
  label: string;
  /** 0..1, how strongly the text supports the tag. */
  confidence: number;
  /** The terms in the text that earned the tag. */
  terms: string[];
  facet: 'topic' | 'category';
  /** Set on an arXiv category predicted from the text (the page and the catalogue named none); `terms` is then empty. */
  predicted?: true;
  /** Of a predicted category: the names of close runners-up, the other categories the authors may have chosen. */
  alsoLikely?: string[];
}

/** A paper in the catalogue. */
export interface CataloguePaper {
  key: PaperKey;
  title: string;
  authors: string[];
  categories: string[];
  abstract: string;
  arxivId?: string;
  doi?: string;
  /** PubMed id, when the catalogue's source gave one. */
  pmid?: string;
  year?: number;
  tags: TopicTag[];
}
