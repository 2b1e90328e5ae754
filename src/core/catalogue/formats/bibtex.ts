// Parser for BibTeX/BibLaTeX files as Zotero and Better BibTeX export them, on top of @retorquere/bibtex-parser.
import { parse, type Creator, type Entry, type Library, type Options } from '@retorquere/bibtex-parser';
import { normalizeArxivId } from '../../identity/paperKey.ts';
import { arxivIdFromText, categoryList, firstDoi, isoDate, plausibleYear, pmidOf, squash, yearOfDate } from './common.ts';
import type { ParsedPaper, ParsedRecord, RecordParser, RecordWarning } from './types.ts';
import { macroCosts } from './bibtexMacros.ts';
import { MAX_ENTRY_MACRO_CHARS, MAX_FILE_MACRO_CHARS } from './inputLimits.ts';

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
  const pmid = pmidOf(f.pmid) ?? (/^pubmed$/i.test((f.eprinttype ?? '').trim()) ? pmidOf(f.eprint) : undefined);
  if (pmid) paper.pmid = pmid;
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
  // An entry with an error is read again below, field by field; the parser's own account of it is set aside.
  const failed = new Set(lib.errors.map((e) => e.input?.trim()).filter((input) => input?.startsWith('@')));
  for (const entry of lib.entries) {
    // An entry the parser gave up on keeps no input; its error below says why.
    if (!entry.input || failed.has(entry.input.trim())) continue;
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
    const line = lineAt(lineStarts, offset) + lineOffset;
    const repaired = entryFieldByField(input, line);
    if (repaired) {
      placed.push({ offset, record: repaired });
      continue;
    }
    const head = /^@\s*(\w+)\s*[{(]\s*([^,\s]*)/.exec(input);
    const label = head ? entryLabel(head[1]!.toLowerCase(), head[2] ?? '') : 'an entry';
    placed.push({ offset, record: { ok: false, line, reason: `${label} is malformed: ${firstLine(error.error)}` } });
  }
  return placed.sort((a, b) => a.offset - b.offset).map((p) => p.record);
}

/** Fields whose raw text is still worth keeping when they cannot be read as TeX: a reader would rather see it than nothing. */
const RAW_TEXT_FIELDS = new Set(['title', 'abstract', 'journal', 'journaltitle', 'booktitle', 'note']);

/** What a parser error about one field means, in a few words. */
function fieldProblem(error: string): string {
  if (/math/i.test(error)) return 'unbalanced $';
  if (/token mismatch|expected "[{}]"|brace/i.test(error)) return 'unbalanced braces';
  return firstLine(error);
}

/** The field's text without its delimiters ({...} or "..."), whitespace collapsed. */
function rawFieldText(value: string): string {
  const v = value.trim();
  const unwrapped = (v.startsWith('{') && v.endsWith('}')) || (v.startsWith('"') && v.endsWith('"')) ? v.slice(1, -1) : v;
  return squash(unwrapped);
}

// A field starts on its own line, as every exporter writes them (Zotero, Better BibTeX, JabRef, Google Scholar, arXiv).
const FIELD_START = /^[ \t]*([A-Za-z][\w:.+-]*)[ \t]*=/gm;

/**
 * An entry the parser failed on, read again field by field: each field is parsed alone, and one the parser refuses
 * is kept as raw text (title, abstract, venue, note) or dropped, with a warning at its line. Undefined when the entry
 * is not laid out one field to a line, or is broken beyond its fields.
 */
function entryFieldByField(input: string, line: number): ParsedRecord | undefined {
  const head = /^@\s*(\w+)\s*\{\s*([^,\s{}]*)\s*,/.exec(input);
  if (!head) return undefined;
  const body = input.slice(head[0].length).replace(/\}\s*$/, '');
  const starts = [...body.matchAll(FIELD_START)];
  if (starts.length === 0) return undefined;
  const good: string[] = [];
  const raw: Record<string, string> = {};
  const warnings: RecordWarning[] = [];
  let broken = false;
  const linesBefore = (index: number) => input.slice(0, index).split('\n').length - 1;
  starts.forEach((start, i) => {
    const name = start[1]!.toLowerCase();
    const field = body.slice(start.index, starts[i + 1]?.index ?? body.length).replace(/,\s*$/, '');
    const alone = parse(`@misc{field,\n${field}\n}`, OPTIONS);
    if (alone.errors.length === 0) {
      good.push(field);
      return;
    }
    const value = field.slice(field.indexOf('=') + 1).trim();
    // A value that does not even end where it began (`title = {never closes`) breaks more than its field.
    if (!/^\{[\s\S]*\}$|^"[\s\S]*"$/.test(value)) {
      broken = true;
      return;
    }
    const at = line + linesBefore(head[0].length + start.index + (start[0].length - start[0].trimStart().length));
    const why = fieldProblem(alone.errors[0]!.error);
    if (RAW_TEXT_FIELDS.has(name) && rawFieldText(value)) {
      raw[name] = rawFieldText(value);
      warnings.push({ line: at, text: `${name} kept as raw text: ${why}` });
    } else {
      warnings.push({ line: at, text: `${name} dropped: ${why}` });
    }
  });
  if (broken || warnings.length === 0) return undefined;
  const lib = parse(`@${head[1]}{${head[2]},\n${good.join(',\n')}\n}`, OPTIONS);
  const entry = lib.entries[0];
  if (!entry || lib.errors.length > 0) return undefined;
  Object.assign(entry.fields, raw);
  entry.input = input;
  let paper: ParsedPaper | { reason: string };
  try {
    paper = paperFromBibtexEntry(entry);
  } catch (err) {
    paper = { reason: `${entryLabel(entry.type, entry.key)}: ${err instanceof Error ? err.message : String(err)}` };
  }
  return 'reason' in paper ? { ok: false, line, reason: `${paper.reason} (${warnings.map((w) => w.text).join('; ')})` } : { ok: true, paper, line, warnings };
}

/**
 * The text with entries whose @string macros would add too much blanked out (line breaks kept, so lines still count),
 * and a record saying why for each; or a refusal of the whole file when its macros add too much in all.
 */
function withinMacroBounds(text: string, lineStarts: number[]): { text: string; refused: ParsedRecord[] } | { refusal: ParsedRecord } {
  if (!/@\s*string/i.test(text)) return { text, refused: [] };
  const refused: ParsedRecord[] = [];
  let total = 0;
  let out = text;
  for (const entry of macroCosts(text, MAX_FILE_MACRO_CHARS + 1)) {
    if (entry.added <= MAX_ENTRY_MACRO_CHARS) {
      if (!entry.isString) total += entry.added;
      continue;
    }
    out = out.slice(0, entry.start) + out.slice(entry.start, entry.end).replace(/[^\n]/g, ' ') + out.slice(entry.end);
    const added = entry.added > MAX_FILE_MACRO_CHARS ? `over ${MAX_FILE_MACRO_CHARS.toLocaleString('en')}` : entry.added.toLocaleString('en');
    refused.push({
      ok: false,
      line: lineAt(lineStarts, entry.start),
      reason: entry.isString
        ? `${entry.label} was not read: it expands to ${added} characters, over the ${MAX_ENTRY_MACRO_CHARS.toLocaleString('en')} macros may add to an entry`
        : `${entry.label} was not read: its @string macros add ${added} characters, over the ${MAX_ENTRY_MACRO_CHARS.toLocaleString('en')} an entry may have`,
    });
  }
  if (total > MAX_FILE_MACRO_CHARS) {
    const reason = `the file's @string macros add ${total > MAX_FILE_MACRO_CHARS * 2 ? 'over ' : ''}${Math.min(total, MAX_FILE_MACRO_CHARS * 2).toLocaleString('en')} characters, over the ${MAX_FILE_MACRO_CHARS.toLocaleString('en')} a file may have; nothing in it was read`;
    return { refusal: { ok: false, line: 1, reason } };
  }
  return { text: out, refused };
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
  const written = lines.join('\n');
  if (!written.trim()) return [];
  const lineStarts = lineStartsOf(lines);
  const bounded = withinMacroBounds(written, lineStarts);
  if ('refusal' in bounded) return [bounded.refusal];
  const text = bounded.text;
  let records: ParsedRecord[];
  try {
    records = recordsOf(parse(text, OPTIONS), text, lineStarts, 0);
  } catch {
    // The parser should not throw, but if some input makes it, parse entry by entry so one bad entry
    // costs only itself.
    records = parseEntryByEntry(text.split('\n'));
  }
  if (bounded.refused.length) records = [...bounded.refused, ...records].sort((a, b) => a.line - b.line);
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
        for (const record of recordsOf(lib, text, lineStartsOf(chunk), start)) records.push(record);
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
