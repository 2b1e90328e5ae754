// Parser for CSL-JSON as Zotero exports it: one JSON array of items (title, author[], issued date-parts, DOI, URL, number).
import { normalizeArxivId } from '../../identity/paperKey.ts';
import { arxivIdFromText, cleanField, firstDoi, isoDate, plausibleYear, pmidOf, squash, yearOfDate } from './common.ts';
import type { ParsedPaper, ParsedRecord, RecordParser } from './types.ts';

// Zotero keeps rich-text markup in CSL strings (<i>, <sup>, <span class="nocase">).
const MARKUP = /<\/?(?:i|b|sup|sub|sc|span)(?:\s[^>]*)?>/gi;

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function plain(value: unknown): string {
  const s = str(value);
  return s ? squash(s.replace(MARKUP, '')) : '';
}

/** "Given Family" from a CSL name ({family, given, particles, suffix} or {literal}). */
function nameOf(value: unknown): string {
  if (typeof value === 'string') return cleanField(value);
  if (typeof value !== 'object' || value === null) return '';
  const n = value as Record<string, unknown>;
  if (str(n.literal)) return plain(n.literal);
  const parts = [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family].map(plain).filter((p) => p !== '');
  const suffix = plain(n.suffix);
  return parts.join(' ') + (suffix && parts.length ? `, ${suffix}` : '');
}

/** Year and ISO date of a CSL date: {"date-parts": [[y, m, d]]}, or {raw}/{literal} text. */
function dateOf(value: unknown): { year?: number; date?: string } {
  if (typeof value !== 'object' || value === null) return {};
  const d = value as Record<string, unknown>;
  const parts = Array.isArray(d['date-parts']) && Array.isArray(d['date-parts'][0]) ? (d['date-parts'][0] as unknown[]) : undefined;
  if (parts?.length) {
    const [y, m, day] = parts.map((p) => (typeof p === 'number' ? p : typeof p === 'string' && /^\d+$/.test(p.trim()) ? Number(p) : undefined));
    const year = y !== undefined ? plausibleYear(y) : undefined;
    const date = isoDate(year, m, m ? day : undefined);
    return year ? { year, date } : {};
  }
  const text = str(d.raw) ?? str(d.literal) ?? '';
  const iso = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(text)?.[1];
  const year = yearOfDate(iso) ?? plausibleYear(Number(/\b(\d{4})\b/.exec(text)?.[1]));
  return year ? { year, date: iso && yearOfDate(iso) === year ? iso : String(year) } : {};
}

/** The arXiv id of an item: Zotero puts "arXiv:2104.07857" in `number`, or it is in the URL, DOI or note. */
function arxivIdOf(item: Record<string, unknown>): string | undefined {
  for (const field of ['number', 'URL', 'DOI', 'note', 'container-title', 'archive_location']) {
    const id = arxivIdFromText(str(item[field]));
    if (id) return id;
  }
  const where = `${str(item.publisher) ?? ''} ${str(item.archive) ?? ''} ${str(item['container-title']) ?? ''}`;
  const number = str(item.number);
  return number && /arxiv/i.test(where) ? normalizeArxivId(number) : undefined;
}

/** Maps one CSL item to a paper, or says why it cannot be one. */
export function paperFromCslItem(value: unknown, index: number): ParsedPaper | { reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: `item ${index + 1} is not a JSON object` };
  }
  const item = value as Record<string, unknown>;
  const title = plain(item.title);
  const label = typeof item.id === 'string' || typeof item.id === 'number' ? `item ${index + 1} ("${item.id}")` : `item ${index + 1}`;
  if (!title) return { reason: `${label} has no title` };
  const paper: ParsedPaper = { title };
  const abstract = plain(item.abstract);
  if (abstract) paper.abstract = abstract;
  const authors = Array.isArray(item.author) ? item.author.map(nameOf).filter((a) => a !== '') : [];
  if (authors.length) paper.authors = authors;
  const arxivId = arxivIdOf(item);
  if (arxivId) paper.arxivId = arxivId;
  const doi = firstDoi(str(item.DOI));
  if (doi) paper.doi = doi;
  const pmid = pmidOf(item.PMID);
  if (pmid) paper.pmid = pmid;
  const { year, date } = dateOf(item.issued);
  if (year) paper.year = year;
  if (date) paper.date = date;
  const venue = plain(item['container-title']);
  if (venue && !/^arxiv\b/i.test(venue)) paper.venue = venue;
  const url = str(item.URL)?.trim();
  if (url) paper.url = url;
  return paper;
}

/**
 * 1-based start line of each top-level array element, found by a scan that only tracks strings and nesting
 * (so items can be reported at their own line); JSON.parse remains the judge of validity.
 */
export function topLevelElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (depth === 1 && expectValue && ch !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      if (depth === 1 && ch === '[') expectValue = true;
    } else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 1) expectValue = true;
  }
  return lines;
}

/** Parses a whole CSL-JSON document (an array of items, or one item) into records, never throwing. */
export function parseCslJson(text: string): ParsedRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return [{ ok: false, line: 1, reason: 'the CSL-JSON file is empty' }];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message)?.[1];
    const near = at ? `, near line ${body.slice(0, Number(at)).split('\n').length}` : '';
    return [{ ok: false, line: 1, reason: `not valid CSL-JSON: the file is not valid JSON (${message}${near})` }];
  }
  const firstLine = body.slice(0, body.search(/\S/)).split('\n').length;
  if (!Array.isArray(data)) {
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      const paper = paperFromCslItem(data, 0);
      return ['reason' in paper ? { ok: false, line: firstLine, reason: paper.reason } : { ok: true, paper, line: firstLine }];
    }
    return [{ ok: false, line: firstLine, reason: 'not valid CSL-JSON: expected an array of items' }];
  }
  const lines = topLevelElementLines(body);
  return data.map((item, i): ParsedRecord => {
    const line = lines[i] ?? firstLine;
    const paper = paperFromCslItem(item, i);
    return 'reason' in paper ? { ok: false, line, reason: paper.reason } : { ok: true, paper, line };
  });
}

/** Buffers the document and parses it at `end()`: a CSL-JSON file is one JSON value. */
export function createCslJsonParser(): RecordParser {
  let lines: string[] = [];
  return {
    push(line: string): ParsedRecord[] {
      lines.push(line);
      return [];
    },
    end(): ParsedRecord[] {
      const records = parseCslJson(lines.join('\n'));
      lines = [];
      return records;
    },
  };
}
