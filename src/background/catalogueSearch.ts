// The popup's catalogue search: a search index per catalogue, built on the first search and kept for the worker's life.
import type { CatalogueView } from '../core/catalogue/artifact.ts';
import type { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { PAPER_SECTIONS } from '../core/catalogue/sectionGroups.ts';
import { CatalogueSearch } from '../core/search/catalogueSearch.ts';
import { paperUrl } from '../core/identity/paperKey.ts';
import type { PagesToWorker, RequestOf, ResponseOf } from '../messaging/protocol.ts';
import type { CatalogueResult } from '../messaging/shapes.ts';

/** One search index per catalogue read: a new catalogue (import, restore) gets its own, the old one is collected. */
const indexes = new WeakMap<CatalogueView, Promise<CatalogueSearch>>();
const filterOptions = new WeakMap<CatalogueView, { tags: string[]; years: number[] }>();

/** Built in slices (seconds of work at 100k papers): matching requests from pages keep being answered meanwhile. */
function searchIndex(data: CatalogueView): Promise<CatalogueSearch> {
  let index = indexes.get(data);
  if (!index) {
    // Titles and authors are indexed, and results are whole papers: read on the first search, not at wake.
    index = data.ensureSections(PAPER_SECTIONS).then(() => CatalogueSearch.buildInSlices(data));
    indexes.set(data, index);
    index.catch(() => indexes.delete(data)); // the next search tries again
  }
  return index;
}

/** Topic and category labels, and the years papers have: what the filters offer (cheap: no index needed). */
function optionsOf(index: CatalogueIndex): { tags: string[]; years: number[] } {
  const data = index.data;
  let options = filterOptions.get(data);
  if (!options) {
    const years = new Set<number>();
    for (const y of data.years) if (y) years.add(y);
    options = { tags: [], years: [...years].sort((a, b) => b - a) };
    filterOptions.set(data, options);
  }
  // Topic labels follow the user's taxonomy edits, so they are not cached with the years.
  const topics = index.editedTopics ?? data.header.topics;
  const labels = new Set([...topics.map((t) => t.label), ...data.header.categoryLabels]);
  return { ...options, tags: [...labels].sort((a, b) => a.localeCompare(b)) };
}

function resultOf(index: CatalogueIndex, i: number, saved: ReadonlySet<string>): CatalogueResult {
  const paper = index.paperAt(i); // tags under the user's taxonomy
  const result: CatalogueResult = {
    key: paper.key,
    title: paper.title,
    authors: paper.authors,
    tags: paper.tags,
    saved: saved.has(paper.key),
  };
  if (paper.year) result.year = paper.year;
  const url = paperUrl(paper.key);
  if (url) result.url = url;
  if (paper.arxivId) {
    result.arxivId = paper.arxivId;
    result.site = 'arxiv';
  }
  if (paper.doi) result.doi = paper.doi;
  return result;
}

export async function searchCatalogue(
  index: CatalogueIndex,
  request: RequestOf<PagesToWorker, 'searchCatalogue'>,
  saved: ReadonlySet<string>,
): Promise<ResponseOf<PagesToWorker, 'searchCatalogue'>> {
  const { query, tag, year, site, limit, prepare, withOptions } = request;
  const data = index.data;
  const response: ResponseOf<PagesToWorker, 'searchCatalogue'> = { total: 0, results: [], paperCount: index.heldPaperCount };
  if (withOptions) response.options = optionsOf(index);
  const filtered = Boolean(tag || year || site);
  // Nothing asked: answer at once, building the index only when the popup says a search is coming.
  if (!query.trim() && !filtered) {
    if (prepare) void searchIndex(data).catch(() => undefined);
    return response;
  }
  const search = await searchIndex(data);
  const started = performance.now();
  const topicLabelsOf = index.editedTopics
    ? (i: number) =>
        index
          .catalogueTags(i)
          .filter((t) => t.facet === 'topic')
          .map((t) => t.label)
    : undefined;
  const { hits, total } = search.search(query, { tag, year, site }, limit, topicLabelsOf);
  response.total = total;
  response.results = hits.map((h) => resultOf(index, h.index, saved));
  response.tookMs = Math.round(performance.now() - started);
  return response;
}
