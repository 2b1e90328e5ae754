// Picks an input's format from its first bytes (not its file name) and creates the matching line-fed parser.
import { createBibtexParser } from './bibtex.ts';
import { createCslJsonParser } from './cslJson.ts';
import { createFeedTextParser } from './feedTextParser.ts';
import { createJsonLinesParser } from './jsonLines.ts';
import { createOaiSnapshotParser } from './oaiSnapshot.ts';
import type { FormatId, ParsedRecord, RecordParser } from './types.ts';

/** How much of the input detection looks at; callers pass about this much. */
export const DETECT_HEAD_BYTES = 64 * 1024;

const MAX_SAMPLE_LINES = 50;

const BIBTEX_ENTRY =
  /^[ \t]*@(?:article|book|booklet|inbook|incollection|inproceedings|conference|manual|mastersthesis|misc|phdthesis|proceedings|techreport|unpublished|online|electronic|www|report|thesis|software|dataset|patent|collection|periodical|preprint|string|preamble|comment)\s*[{(]/im;

type LineKind = 'jsonl' | 'oai-snapshot' | 'other';

function lineKind(obj: Record<string, unknown>): LineKind {
  // arXiv's snapshot: one authors string, versions[], space-separated categories, update_date.
  if (typeof obj.authors === 'string' || Array.isArray(obj.versions) || typeof obj.categories === 'string' || 'update_date' in obj) {
    return 'oai-snapshot';
  }
  // Our JSON lines: a title with something else a paper list carries (categories, an id, an abstract or authors).
  if (typeof obj.title === 'string' && (Array.isArray(obj.categories) || typeof obj.id === 'string' || typeof obj.abstract === 'string' || Array.isArray(obj.authors))) {
    return 'jsonl';
  }
  return 'other';
}

/** 'jsonl' or 'oai-snapshot' when most sampled lines are JSON objects of that kind. */
function jsonLinesFormat(text: string): FormatId | undefined {
  const lines = text.split('\n');
  // The head is cut at a byte count, so its last line may be cut short: judge it only if it is the only one.
  if (lines.length > 1 && !text.endsWith('\n')) lines.pop();
  const votes = { jsonl: 0, 'oai-snapshot': 0, other: 0, invalid: 0 };
  let sampled = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (++sampled > MAX_SAMPLE_LINES) break;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) votes[lineKind(value as Record<string, unknown>)]++;
      else votes.invalid++;
    } catch {
      votes.invalid++;
    }
  }
  const total = votes.jsonl + votes['oai-snapshot'] + votes.other + votes.invalid;
  const best = votes['oai-snapshot'] >= votes.jsonl ? 'oai-snapshot' : 'jsonl';
  if (votes[best] > 0 && votes[best] * 2 >= total) return best;
  // One record longer than the head: recognise it by its keys.
  if (sampled <= 1 && votes[best] === 0) {
    if (/"(?:versions|update_date|authors_parsed)"\s*:/.test(text)) return 'oai-snapshot';
    if (/"title"\s*:\s*"/.test(text) && /"(?:id|abstract|authors|categories)"\s*:/.test(text)) return 'jsonl';
  }
  return undefined;
}

function looksLikeCsl(text: string): boolean {
  const author = /"author"\s*:\s*\[\s*\{[^\]]*?"(?:family|literal)"\s*:/.test(text);
  const issued = /"issued"\s*:\s*\{\s*"(?:date-parts|raw|literal)"/.test(text);
  return /"type"\s*:/.test(text) && /"title"\s*:/.test(text) && (author || issued);
}

function looksLikeFeedText(text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith('Subscribe') && l.length > 'Subscribe'.length);
  return start >= 0 && lines.slice(start + 1).some((l) => l !== '');
}

/** The format of an input from its first ~64 KB of content, or undefined when it is none we read. */
export function detectFormat(head: string): FormatId | undefined {
  const text = head.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const start = text.trimStart();
  if (!start) return undefined;
  if (start.startsWith('[')) return looksLikeCsl(start) ? 'csl-json' : undefined;
  if (start.startsWith('{')) {
    const lineFormat = jsonLinesFormat(start);
    if (lineFormat) return lineFormat;
    return looksLikeCsl(start) ? 'csl-json' : undefined; // one pretty-printed CSL item
  }
  if (BIBTEX_ENTRY.test(text)) return 'bibtex';
  if (looksLikeFeedText(text)) return 'feed-text';
  return undefined;
}

/** A fresh parser for one input of the given format. */
export function createParser(format: FormatId): RecordParser {
  switch (format) {
    case 'jsonl':
      return createJsonLinesParser();
    case 'oai-snapshot':
      return createOaiSnapshotParser();
    case 'bibtex':
      return createBibtexParser();
    case 'csl-json':
      return createCslJsonParser();
    case 'feed-text':
      return createFeedTextParser();
    default: {
      const unknown: never = format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
}

/** Parses a whole text in memory (tests, small files, the options page): splits lines and feeds a parser. */
export function parseText(format: FormatId, text: string): ParsedRecord[] {
  const parser = createParser(format);
  const records: ParsedRecord[] = [];
  // One record at a time: spreading a whole file's records into push() overflows the stack past about 130,000.
  const add = (batch: ParsedRecord[]) => {
    for (const record of batch) records.push(record);
  };
  for (const line of text.split('\n')) add(parser.push(line.endsWith('\r') ? line.slice(0, -1) : line));
  add(parser.end());
  return records;
}
