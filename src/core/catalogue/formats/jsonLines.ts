// Parser for Paperscope's JSON-lines paper format: one {id, title, abstract, authors[], categories[], date, source} per line.
import { normalizeArxivId } from '../../identity/paperKey.ts';
import { categoryList, cleanAuthor, cleanField, firstDoi, pmidOf, splitAuthors, yearFromArxivId, yearOfDate } from './common.ts';
import type { ParsedPaper, ParsedRecord, RecordParser } from './types.ts';

/** Parses one JSON line into an object, or says why it is not one. */
export function parseJsonObjectLine(line: string): { value: Record<string, unknown> } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { reason: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: `expected a JSON object per line, found ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : `a ${typeof value}`}` };
  }
  return { value: value as Record<string, unknown> };
}

function authorList(value: unknown): string[] {
  if (typeof value === 'string') return splitAuthors(value);
  if (!Array.isArray(value)) return [];
  const names = value.filter((a): a is string => typeof a === 'string');
  // Lists split from an arXiv author string can carry affiliations, sometimes cut at their commas
  // (["D. Brinkmann (Physik-Institut", "University Zurich)"]): re-read those as the one string they were.
  if (names.some((a) => a.includes('(') || a.includes(')'))) return splitAuthors(names.join(', '));
  return names.map(cleanAuthor).filter((a) => a !== '');
}

/** Maps one parsed JSON object of our format to a paper, or says why it cannot be one. */
export function paperFromJsonLine(obj: Record<string, unknown>): ParsedPaper | { reason: string } {
  const title = typeof obj.title === 'string' ? cleanField(obj.title) : '';
  if (!title) return { reason: obj.title === undefined ? 'the record has no "title"' : 'the record\'s "title" is empty or not a string' };
  const paper: ParsedPaper = { title };
  if (typeof obj.abstract === 'string' && obj.abstract.trim()) paper.abstract = cleanField(obj.abstract);
  const authors = authorList(obj.authors);
  if (authors.length) paper.authors = authors;
  const categories = categoryList(obj.categories);
  if (categories.length) paper.categories = categories;
  const id = typeof obj.id === 'string' ? normalizeArxivId(obj.id) : undefined;
  if (id) paper.arxivId = id;
  const doi = typeof obj.doi === 'string' ? firstDoi(obj.doi) : undefined;
  if (doi) paper.doi = doi;
  const pmid = pmidOf(obj.pmid);
  if (pmid) paper.pmid = pmid;
  const date = typeof obj.date === 'string' ? obj.date.trim() : '';
  if (date) paper.date = date;
  const year = yearOfDate(date) ?? yearFromArxivId(id);
  if (year) paper.year = year;
  return paper;
}

/** One JSON object per non-blank line, each made into a paper by `toPaper`; nothing is kept between lines. */
export function jsonObjectLineParser(toPaper: (value: Record<string, unknown>) => ParsedPaper | { reason: string }): RecordParser {
  let lineNo = 0;
  return {
    push(raw: string): ParsedRecord[] {
      lineNo++;
      const line = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (!line) return [];
      const parsed = parseJsonObjectLine(line);
      if ('reason' in parsed) return [{ ok: false, line: lineNo, reason: parsed.reason }];
      const paper = toPaper(parsed.value);
      if ('reason' in paper) return [{ ok: false, line: lineNo, reason: paper.reason }];
      return [{ ok: true, paper, line: lineNo }];
    },
    end: () => [],
  };
}

/** Line-at-a-time parser of our JSON lines. */
export function createJsonLinesParser(): RecordParser {
  return jsonObjectLineParser(paperFromJsonLine);
}
