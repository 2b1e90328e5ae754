// Shared shapes of the paper-metadata parsers: format ids, one parsed record, and the line-fed parser interface.
import type { RawPaper } from '../artifact.ts';

export type FormatId = 'feed-text' | 'jsonl' | 'oai-snapshot' | 'bibtex' | 'csl-json';

/** A RawPaper plus what some formats also know; every ParsedPaper is a RawPaper. */
export interface ParsedPaper extends RawPaper {
  /** Publication (or first-version) date, ISO: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  /** Journal, proceedings or journal reference. */
  venue?: string;
  /** A link to the paper as given by the source. */
  url?: string;
}

/** One record read from the input; `line` is the 1-based line where the record starts. */
export type ParsedRecord = { ok: true; paper: ParsedPaper; line: number } | { ok: false; line: number; reason: string };

/**
 * Fed one line at a time (without its newline), returns the records that line completed; `end()` returns
 * the rest. Line formats keep memory flat; whole-document formats buffer and parse at `end()`.
 */
export interface RecordParser {
  push(line: string): ParsedRecord[];
  end(): ParsedRecord[];
}
