// Parser for BibTeX/BibLaTeX files as Zotero and Better BibTeX export them, on top of @retorquere/bibtex-parser.
import { parse, type Creator, type Entry, type Library, type Options } from '@retorquere/bibtex-parser';
import { normalizeArxivId } from '../../identity/paperKey.ts';
import { arxivIdFromText, categoryList, firstDoi, isoDate, plausibleYear, squash, yearOfDate } from './common.ts';
import type { ParsedPaper, ParsedRecord, RecordParser } from './types.ts';

// Keep titles as written (no sentence-casing, which is for citation styles), and let unknown commands
// fall back to their text instead of failing the entry.
const OPTIONS: Options = { sentenceCase: false, english: false, caseProtection: false, unsupported: 'ignore' };

// The parser renders markup as HTML (<i>, <sup>, <span class="nocase">, <a href>); we want plain text.
const INLINE_TAG = /<\/?(?:i|b|em|strong|u|sup|sub|sc|span|a|ncx|nc|tt|code|enquote)(?:\s[^>]*)?>/gi;
const BLOCK_TAG = /<\/?(?:p|br|div|h[1-6]|blockquote|ul|ol|li|pre)(?:\s[^>]*)?\/?>/gi;

function plain(text: string | undefined): string {
  return squash((text ?? '').replace(BLOCK_TAG, ' ').replace(INLINE_TAG, ''));
}

function authorName(c: Creator): string {
  if (c.name) return plain(c.name);
  return plain([c.firstName, c.prefix, c.lastName].filter(Boolean).join(' ') + (c.suffix ? `, ${c.suffix}` : ''));
}

function entryLabel(type: string, key: string): string {
  return key ? `@${type}{${key}}` : `@${type} entry`;
}

/** A field that may be a string or (publisher, institution ...) a list of strings, as one string. */
function text(value: string | string[] | Creator[] | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : '')).join(' ');
  return undefined;
}

/** The arXiv id of an entry: eprint (+ archivePrefix/eprinttype arXiv), or one named in journal, number, note, url or DOI. */
function arxivIdOf(entry: Entry): string | undefined {
  const f = entry.fields;
  const prefix = (f.archiveprefix ?? f.eprinttype ?? '').trim().toLowerCase();
  if (f.eprint && (prefix === '' || prefix === 'arxiv')) {
    const id = normalizeArxivId(f.eprint) ?? arxivIdFromText(f.eprint);
    if (id) return id;
  }
  for (const field of [f.journal, f.journaltitle, f.number, f.note, f.howpublished, f.url, f.doi, f.eprint]) {
    const id = arxivIdFromText(field);
    if (id) return id;
  }
  // Zotero preprints: publisher/repository "arXiv" with the bare id as the number.
  const where = [text(f.publisher), f.archive, f.repository, f.howpublished, text(f.institution)].join(' ');
  if (f.number && /arxiv/i.test(where)) return normalizeArxivId(f.number);
  return undefined;
}

function dateOf(entry: Entry): { year?: number; date?: string } {
  const f = entry.fields;
  const iso = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(f.date ?? '')?.[1];
  const yearText = /\d{4}/.exec(f.year ?? '')?.[0];
  const year = (yearText ? plausibleYear(Number(yearText)) : undefined) ?? yearOfDate(iso);
  if (iso && yearOfDate(iso) === year) return { year, date: iso };
  const month = f.month && /^\d{1,2}$/.test(f.month) ? Number(f.month) : undefined;
  const day = f.day && /^\d{1,2}$/.test(f.day) ? Number(f.day) : undefined;
  const date = isoDate(year, month, month ? day : undefined);
  return date ? { year, date } : year ? { year } : {};
}

/**
 * Plain text of a field. TeX's old text encoding prints a bare < and > as ¡ and ¿, and the parser follows it;
 * files from Google Scholar and the like mean "p < 0.05", so when the entry had < or > and no ¡ or ¿, undo that.
 */
function prose(entry: Entry, value: string | undefined): string {
  let out = plain(value);
  if (entry.input.includes('<') && !entry.input.includes('¡')) out = out.replaceAll('¡', '<');
  if (entry.input.includes('>') && !entry.input.includes('¿')) out = out.replaceAll('¿', '>');
  return out;
}

/** Maps one parsed entry to a paper, or says why it cannot be one. */
export function paperFromBibtexEntry(entry: Entry): ParsedPaper | { reason: string } {
  const f = entry.fields;
  const title = prose(entry, f.title);
  if (!title) return { reason: `${entryLabel(entry.type, entry.key)} has no title` };
  const paper: ParsedPaper = { title };
  const abstract = prose(entry, f.abstract);
  if (abstract) paper.abstract = abstract;
  const authors = (f.author ?? []).map(authorName).filter((a) => a !== '');
  if (authors.length) paper.authors = authors;
  const categories = categoryList(f.primaryclass);
  if (categories.length) paper.categories = categories;
  const arxivId = arxivIdOf(entry);
  if (arxivId) paper.arxivId = arxivId;
  const doi = firstDoi(f.doi);
  if (doi) paper.doi = doi;
  const { year, date } = dateOf(entry);
  if (year) paper.year = year;
  if (date) paper.date = date;
  const venue = plain(f.journal ?? f.journaltitle ?? f.booktitle);
  if (venue && !/^arxiv\b/i.test(venue)) paper.venue = venue;
  if (f.url) paper.url = f.url.trim();
  return paper;
}

/** 1-based line of a character offset, given the offsets where lines start. */
function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The first line of a parser message, without its own position (the record's line is reported instead). */
function firstLine(message: string): string {
  const line = message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+(?: in "[^"]*")?/, '')
    .trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Records of one parsed library, placed at the lines where their entries start in `text`. */
function recordsOf(lib: Library, text: string, lineStarts: number[], lineOffset: number): ParsedRecord[] {
  const placed: { offset: number; record: ParsedRecord }[] = [];
  const find = (input: string, from: number) => {
    const at = text.indexOf(input, from);
    return at >= 0 ? at : text.indexOf(input);
  };
  let cursor = 0;
  for (const entry of lib.entries) {
    // An entry the parser gave up on keeps no input; its error below says why.
    if (!entry.input) continue;
    const at = find(entry.input, cursor);
    if (at >= 0) cursor = at + entry.input.length;
    const offset = Math.max(at, 0);
    const line = lineAt(lineStarts, offset) + lineOffset;
    let paper: ParsedPaper | { reason: string };
    try {
      paper = paperFromBibtexEntry(entry);
    } catch (err) {
      paper = { reason: `${entryLabel(entry.type, entry.key)}: ${err instanceof Error ? err.message : String(err)}` };
    }
    placed.push({ offset, record: 'reason' in paper ? { ok: false, line, reason: paper.reason } : { ok: true, paper, line } });
  }
  let errorCursor = 0;
  for (const error of lib.errors) {
    // Errors whose input is an entry ("@article{...") lost that entry; others are warnings about a field.
    const input = error.input?.trim();
    if (!input?.startsWith('@')) continue;
    const at = find(input, errorCursor);
    if (at >= 0) errorCursor = at + input.length;
    const offset = Math.max(at, 0);
    const head = /^@\s*(\w+)\s*[{(]\s*([^,\s]*)/.exec(input);
    const label = head ? entryLabel(head[1]!.toLowerCase(), head[2] ?? '') : 'an entry';
    placed.push({ offset, record: { ok: false, line: lineAt(lineStarts, offset) + lineOffset, reason: `${label} is malformed: ${firstLine(error.error)}` } });
  }
  return placed.sort((a, b) => a.offset - b.offset).map((p) => p.record);
}

function lineStartsOf(lines: string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/** Parses a whole BibTeX document (lines without their newlines) into records, never throwing. */
export function parseBibtexLines(lines: string[]): ParsedRecord[] {
  const text = lines.join('\n');
  if (!text.trim()) return [];
  let records: ParsedRecord[];
  try {
    records = recordsOf(parse(text, OPTIONS), text, lineStartsOf(lines), 0);
  } catch {
    // The parser should not throw, but if some input makes it, parse entry by entry so one bad entry
    // costs only itself.
    records = parseEntryByEntry(lines);
  }
  if (records.length === 0 && !/^\s*@/m.test(text)) {
    return [{ ok: false, line: 1, reason: 'no BibTeX entries found (no line starts with "@type{")' }];
  }
  return records;
}

/** Fallback: split at lines that start with "@" and parse each piece alone, carrying @string macros along. */
export function parseEntryByEntry(lines: string[]): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  const strings: Record<string, string> = {};
  let start = 0;
  const flush = (end: number) => {
    const chunk = lines.slice(start, end);
    const text = chunk.join('\n');
    if (text.trim()) {
      try {
        const lib = parse(text, { ...OPTIONS, strings: { ...strings } });
        Object.assign(strings, lib.strings);
        records.push(...recordsOf(lib, text, lineStartsOf(chunk), start));
      } catch (err) {
        records.push({ ok: false, line: start + 1, reason: `the BibTeX parser failed on this entry: ${firstLine(err instanceof Error ? err.message : String(err))}` });
      }
    }
    start = end;
  };
  lines.forEach((line, i) => {
    if (i > start && /^\s*@/.test(line)) flush(i);
  });
  flush(lines.length);
  return records;
}

/** Buffers the document and parses it at `end()`: BibTeX entries span lines and may refer to @string macros. */
export function createBibtexParser(): RecordParser {
  let lines: string[] = [];
  return {
    push(line: string): ParsedRecord[] {
      lines.push(lines.length === 0 ? line.replace(/^\uFEFF/, '') : line);
      return [];
    },
    end(): ParsedRecord[] {
      const records = parseBibtexLines(lines.map((l) => l.replace(/\r$/, '')));
      lines = [];
      return records;
    },
  };
}
