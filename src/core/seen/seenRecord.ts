// The reader's memory of papers seen on pages: one record per paper, whatever site showed it, merged by any shared key.
import { arxivIdFromUrl, normalizeArxivId, normalizeDoi, normalizePmid } from '../identity/paperKey.ts';
import { normalizeTitle } from '../identity/titles.ts';
import type { PaperKey, PaperRef } from '../paper.ts';

/** Where one site showed the paper: the page it was last seen on and how often. */
export interface SeenSighting {
  /** A site id (an adapter's). */
  site: string;
  url: string;
  pageKind: 'listing' | 'paper';
  firstSeenAt: number;
  lastSeenAt: number;
  count: number;
}

/** A paper the reader has seen, as the seen store keeps it. */
export interface SeenRecord {
  /** The store's own id: a paper's keys can grow (a DOI learned later), so none of them is the primary key. */
  id?: number;
  /** The best key (arXiv, else DOI, else OpenReview, else title). */
  key: PaperKey;
  /** Every identity key the pages and the catalogue gave: the store finds a paper by any of them. */
  keys: PaperKey[];
  title: string;
  authors: string[];
  abstract?: string;
  /** arXiv category codes, primary first. */
  categories: string[];
  firstSeenAt: number;
  lastSeenAt: number;
  /** Page views that showed it (a rescan of the same page within SAME_VIEW_MS is not another). */
  timesSeen: number;
  /** Per site, most recent first, at most MAX_SIGHTINGS. */
  sightings: SeenSighting[];
}

/** One paper as one page showed it, with every key known for it. */
export interface SeenObservation {
  keys: PaperKey[];
  title: string;
  authors?: string[];
  abstract?: string;
  categories?: string[];
  site: string;
  url: string;
  pageKind: 'listing' | 'paper';
}

/** Sites kept per paper (there are about a dozen supported sites: the bound is for hostile input). */
export const MAX_SIGHTINGS = 12;
export const MAX_KEYS = 8;
/** Stored text is bounded: 200,000 records must fit on a disk. */
export const SEEN_LIMITS = { title: 1000, abstract: 4000, authors: 50, author: 200, categories: 10, url: 2000 } as const;
/** The same page seen again this soon (a rescan, a second tab) is the same view, not another. */
export const SAME_VIEW_MS = 30 * 60 * 1000;
/** A title key joins papers only when the title says enough to be one paper's ("Introduction" is many papers'). */
const MIN_TITLE_KEY_WORDS = 4;

const KEY_RANK = ['arxiv:', 'doi:', 'pmid:', 'openreview:', 'title:'];
const rankOf = (key: string) => {
  const rank = KEY_RANK.findIndex((prefix) => key.startsWith(prefix));
  return rank < 0 ? KEY_RANK.length : rank;
};

/** The keys in the order of preference (arXiv first), without repeats, at most MAX_KEYS. */
function orderedKeys(keys: Iterable<string>): PaperKey[] {
  return [...new Set(keys)]
    .filter((k) => k.length > 0)
    .sort((a, b) => rankOf(a) - rankOf(b))
    .slice(0, MAX_KEYS);
}

/** The title key of a title, when it says enough to identify one paper. */
export function titleKey(title: string): PaperKey | undefined {
  const normal = normalizeTitle(title);
  return normal.split(' ').length >= MIN_TITLE_KEY_WORDS ? `title:${normal}` : undefined;
}

/**
 * Every identity key of a page paper: its own key, its arXiv id and DOI, its title's key, and `more` (what the catalogue
 * knows of it). A title key stays out when the title is too short to tell papers apart.
 */
export function identityKeys(ref: PaperRef, more: readonly PaperKey[] = []): PaperKey[] {
  const keys: string[] = [];
  if (!ref.key.startsWith('title:')) keys.push(ref.key);
  const arxiv = ref.arxivId ? normalizeArxivId(ref.arxivId) : undefined;
  if (arxiv) keys.push(`arxiv:${arxiv}`);
  const doi = ref.doi ? normalizeDoi(ref.doi) : undefined;
  if (doi) keys.push(arxivIdFromUrl(doi) ? `arxiv:${arxivIdFromUrl(doi)}` : `doi:${doi}`);
  const pmid = ref.pmid ? normalizePmid(ref.pmid) : undefined;
  if (pmid) keys.push(`pmid:${pmid}`);
  keys.push(...more.filter((k) => !k.startsWith('title:')));
  const byTitle = titleKey(ref.title);
  if (byTitle) keys.push(byTitle);
  return orderedKeys(keys);
}

const longer = (a: string | undefined, b: string | undefined) => ((b?.length ?? 0) > (a?.length ?? 0) ? b : a);

/** The observation's text cut to what the store keeps. */
function bounded(observation: SeenObservation): Required<Pick<SeenObservation, 'title' | 'authors' | 'categories'>> & { abstract?: string } {
  const abstract = observation.abstract?.trim().slice(0, SEEN_LIMITS.abstract);
  return {
    title: observation.title.trim().slice(0, SEEN_LIMITS.title),
    authors: (observation.authors ?? []).slice(0, SEEN_LIMITS.authors).map((a) => a.slice(0, SEEN_LIMITS.author)),
    categories: (observation.categories ?? []).slice(0, SEEN_LIMITS.categories),
    ...(abstract ? { abstract } : {}),
  };
}

/** Sightings of the same site merged (earliest first seen, latest page, counts added), most recent first, bounded. */
function mergeSightings(lists: readonly SeenSighting[][]): SeenSighting[] {
  const bySite = new Map<string, SeenSighting>();
  for (const sighting of lists.flat()) {
    const had = bySite.get(sighting.site);
    if (!had) {
      bySite.set(sighting.site, { ...sighting });
      continue;
    }
    const latest = sighting.lastSeenAt > had.lastSeenAt ? sighting : had;
    bySite.set(sighting.site, {
      site: sighting.site,
      url: latest.url,
      pageKind: latest.pageKind,
      firstSeenAt: Math.min(had.firstSeenAt, sighting.firstSeenAt),
      lastSeenAt: latest.lastSeenAt,
      count: had.count + sighting.count,
    });
  }
  // Seen in the same millisecond (two requests answered together), the one merged last counts as the more recent.
  const order = [...bySite.values()];
  return order
    .map((sighting, i) => ({ sighting, i }))
    .sort((a, b) => b.sighting.lastSeenAt - a.sighting.lastSeenAt || b.i - a.i)
    .map(({ sighting }) => sighting)
    .slice(0, MAX_SIGHTINGS);
}

/**
 * One record from the records that share a key with the observation, and the observation itself, seen at `now`: keys
 * are united, the richest text wins (the longer title and abstract, the longer author and category lists), first seen
 * is the earliest and last seen the latest; the view counts once unless the same page showed it within SAME_VIEW_MS.
 * The merged record keeps the smallest id of those merged (the caller deletes the others).
 */
export function mergeSeen(records: readonly SeenRecord[], observation: SeenObservation | undefined, now: number): SeenRecord {
  const ids = records.map((r) => r.id).filter((id): id is number => id !== undefined);
  const text = observation ? bounded(observation) : undefined;
  let title = '';
  let abstract: string | undefined;
  let authors: string[] = [];
  let categories: string[] = [];
  for (const source of [...records, ...(text ? [text] : [])]) {
    title = longer(title, source.title) ?? '';
    abstract = longer(abstract, source.abstract);
    if (source.authors.length > authors.length) authors = source.authors;
    if (source.categories.length > categories.length) categories = source.categories;
  }
  const keys = orderedKeys([...records.flatMap((r) => r.keys), ...(observation?.keys ?? [])]);
  const sightings = mergeSightings(records.map((r) => r.sightings));
  let timesSeen = records.reduce((sum, r) => sum + r.timesSeen, 0);
  let firstSeenAt = Math.min(...records.map((r) => r.firstSeenAt));
  let lastSeenAt = Math.max(0, ...records.map((r) => r.lastSeenAt));
  let merged = sightings;
  if (observation) {
    const url = observation.url.slice(0, SEEN_LIMITS.url);
    const same = sightings.find((s) => s.site === observation.site);
    const sameView = same !== undefined && same.url === url && now - same.lastSeenAt < SAME_VIEW_MS;
    if (!sameView) timesSeen += 1;
    const sighting: SeenSighting = { site: observation.site, url, pageKind: observation.pageKind, firstSeenAt: now, lastSeenAt: now, count: sameView ? 0 : 1 };
    merged = mergeSightings([sightings, [sighting]]);
    firstSeenAt = Math.min(firstSeenAt, now);
    lastSeenAt = Math.max(lastSeenAt, now);
  }
  const record: SeenRecord = {
    key: keys[0] ?? '',
    keys,
    title,
    authors,
    categories,
    firstSeenAt: Number.isFinite(firstSeenAt) ? firstSeenAt : now,
    lastSeenAt,
    timesSeen,
    sightings: merged,
  };
  if (abstract) record.abstract = abstract;
  if (ids.length > 0) record.id = Math.min(...ids);
  return record;
}

/**
 * The record without what `site` showed: undefined when no other site showed it (it is forgotten). First and last seen
 * and the count then come from the sightings left.
 */
export function withoutSite(record: SeenRecord, site: string): SeenRecord | undefined {
  const sightings = record.sightings.filter((s) => s.site !== site);
  if (sightings.length === record.sightings.length) return record;
  if (sightings.length === 0) return undefined;
  return {
    ...record,
    sightings,
    firstSeenAt: Math.min(...sightings.map((s) => s.firstSeenAt)),
    lastSeenAt: Math.max(...sightings.map((s) => s.lastSeenAt)),
    timesSeen: sightings.reduce((sum, s) => sum + s.count, 0),
  };
}

/**
 * Whether a row is new to the reader in this page view: a listing's paper first seen no earlier than the view began
 * (so a paper first seen by this view keeps its mark through rescans and repeated answers; a reload does not).
 */
export function isNewInView(firstSeenAt: number | undefined, viewStartedAt: number, pageKind: 'listing' | 'paper'): boolean {
  return pageKind === 'listing' && firstSeenAt !== undefined && firstSeenAt >= viewStartedAt;
}

/** Text enough to compare a seen paper with others (related work, search): a title and an abstract of a few words. */
export function hasTextForRelated(record: Pick<SeenRecord, 'title' | 'abstract'>): boolean {
  return record.title.length >= 10 && (record.abstract?.length ?? 0) >= 100;
}
