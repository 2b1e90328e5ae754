// Parser for arXiv's bulk metadata snapshot (one JSON object per line: authors string, versions[], TeX accents).
import { normalizeArxivId } from '../../identity/paperKey.ts';
import { categoryList, cleanField, firstDoi, isoDateFromRfc2822, splitAuthors, yearFromArxivId, yearOfDate } from './common.ts';
import { jsonObjectLineParser } from './jsonLines.ts';
import type { ParsedPaper, RecordParser } from './types.ts';

/** The created date of the first version, as `YYYY-MM-DD`. */
function firstVersionDate(versions: unknown): string | undefined {
  if (!Array.isArray(versions)) return undefined;
  // Versions are listed in order, but pick v1 by name when it is there.
  const v1 = versions.find((v) => (v as { version?: unknown } | null)?.version === 'v1') ?? versions[0];
  const created = (v1 as { created?: unknown } | null | undefined)?.created;
  return typeof created === 'string' ? isoDateFromRfc2822(created) : undefined;
}

/** Maps one snapshot record to a paper, or says why it cannot be one. */
export function paperFromSnapshot(obj: Record<string, unknown>): ParsedPaper | { reason: string } {
  const title = typeof obj.title === 'string' ? cleanField(obj.title) : '';
  if (!title) return { reason: obj.title === undefined ? 'the record has no "title"' : 'the record\'s "title" is empty or not a string' };
  const paper: ParsedPaper = { title };
  if (typeof obj.abstract === 'string' && obj.abstract.trim()) paper.abstract = cleanField(obj.abstract);
  const authors =
    typeof obj.authors === 'string'
      ? splitAuthors(obj.authors)
      : Array.isArray(obj.authors)
        ? obj.authors.filter((a): a is string => typeof a === 'string').flatMap(splitAuthors)
        : [];
  if (authors.length) paper.authors = authors;
  const categories = categoryList(obj.categories);
  if (categories.length) paper.categories = categories;
  const id = typeof obj.id === 'string' ? normalizeArxivId(obj.id) : undefined;
  if (id) paper.arxivId = id;
  const doi = typeof obj.doi === 'string' ? firstDoi(obj.doi) : undefined;
  if (doi) paper.doi = doi;
  if (typeof obj['journal-ref'] === 'string' && obj['journal-ref'].trim()) paper.venue = cleanField(obj['journal-ref']);
  const date = firstVersionDate(obj.versions);
  if (date) paper.date = date;
  // update_date is the last revision, so it only stands in when nothing better says when the paper appeared.
  const year = yearOfDate(date) ?? yearFromArxivId(id) ?? yearOfDate(typeof obj.update_date === 'string' ? obj.update_date : undefined);
  if (year) paper.year = year;
  return paper;
}

/** Line-at-a-time parser of the snapshot: one record per line; nothing is kept between lines. */
export function createOaiSnapshotParser(): RecordParser {
  return jsonObjectLineParser(paperFromSnapshot);
}
