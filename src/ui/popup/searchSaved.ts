// Search and filters over the saved library (typo-tolerant full text via MiniSearch, then tag, year and unread filters).
import MiniSearch from 'minisearch';
import { SITES } from '../../adapters/sites.ts';
import type { SavedPaper } from '../../messaging/shapes.ts';

export interface SavedFilters {
  /** Free text; empty means every paper (in the given order). */
  query: string;
  /** A user tag or topic label (compared without case); empty means any. */
  tag: string;
  /** A publication year; empty means any. */
  year: string;
  unreadOnly: boolean;
  /** A site id (src/adapters/sites.ts) the paper was saved from; empty means any. */
  site: string;
}

export const NO_FILTERS: SavedFilters = { query: '', tag: '', year: '', unreadOnly: false, site: '' };

/** The site a saved paper came from, by its link's host (an arXiv link is arXiv's), if it is one Paperscope knows. */
export function siteOf(paper: Pick<SavedPaper, 'url' | 'key'>): string | undefined {
  let host = '';
  try {
    host = paper.url ? new URL(paper.url).hostname : '';
  } catch {
    // a page-derived url that does not parse names no site
  }
  const site = SITES.find((s) => s.hosts.includes(host));
  if (site) return site.id;
  return !host && paper.key.startsWith('arxiv:') ? 'arxiv' : undefined;
}

export const SEARCH_OPTIONS = { fuzzy: 0.2, prefix: true, combineWith: 'AND' } as const;

interface SearchDoc {
  id: string;
  title: string;
  authors: string;
  topics: string;
  userTags: string;
  note: string;
}

/** The full-text index of a library; build it once per list and reuse it for every keystroke. */
export function indexSaved(papers: readonly SavedPaper[]): MiniSearch<SearchDoc> {
  const search = new MiniSearch<SearchDoc>({
    fields: ['title', 'authors', 'topics', 'userTags', 'note'],
    storeFields: [],
    searchOptions: { ...SEARCH_OPTIONS, boost: { title: 3, userTags: 2, topics: 1.5 } },
  });
  search.addAll(
    papers.map((p) => ({
      id: p.key,
      title: p.title,
      authors: p.authors.join(' '),
      topics: p.tags.map((t) => t.label).join(' '),
      userTags: (p.userTags ?? []).join(' '),
      note: p.note ?? '',
    })),
  );
  return search;
}

function hasTag(paper: SavedPaper, tag: string): boolean {
  const wanted = tag.toLowerCase();
  return (paper.userTags ?? []).some((t) => t.toLowerCase() === wanted) || paper.tags.some((t) => t.label.toLowerCase() === wanted);
}

/**
 * The papers that pass the filters: by relevance when there is a query (typos and word beginnings count), otherwise
 * in the order given.
 */
/** `index` is built here when the query needs one and none is given. */
export function searchSaved(papers: readonly SavedPaper[], filters: SavedFilters, index?: MiniSearch<SearchDoc>): SavedPaper[] {
  const query = filters.query.trim();
  let found: SavedPaper[];
  if (query) {
    const byKey = new Map(papers.map((p) => [p.key, p]));
    found = (index ?? indexSaved(papers))
      .search(query)
      .map((hit) => byKey.get(hit.id as string))
      .filter((p): p is SavedPaper => p !== undefined);
  } else {
    found = [...papers];
  }
  return found.filter(
    (p) =>
      (!filters.tag || hasTag(p, filters.tag)) &&
      (!filters.year || String(p.year ?? '') === filters.year) &&
      (!filters.unreadOnly || !p.read) &&
      (!filters.site || siteOf(p) === filters.site),
  );
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** Every user tag in the library, each once (first spelling), sorted: the add-tag autocomplete. */
export function allUserTags(papers: readonly SavedPaper[]): string[] {
  const seen = new Map<string, string>();
  for (const p of papers) for (const t of p.userTags ?? []) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort(byText);
}

/** What the filters offer: user tags, topic labels (not repeating a user tag) and years, newest first. */
export function filterOptions(papers: readonly SavedPaper[]): { userTags: string[]; topics: string[]; years: number[] } {
  const userTags = allUserTags(papers);
  const taken = new Set(userTags.map((t) => t.toLowerCase()));
  const topics = new Map<string, string>();
  for (const p of papers) for (const t of p.tags) if (!taken.has(t.label.toLowerCase()) && !topics.has(t.label.toLowerCase())) topics.set(t.label.toLowerCase(), t.label);
  const years = [...new Set(papers.map((p) => p.year).filter((y): y is number => y !== undefined))].sort((a, b) => b - a);
  return { userTags, topics: [...topics.values()].sort(byText), years };
}
