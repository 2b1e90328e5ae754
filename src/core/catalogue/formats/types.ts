// Shared shapes of the paper-metadata parsers: format ids, one parsed record, and the line-fed parser interface.
export type FormatId = 'feed-text' | 'jsonl' | 'oai-snapshot' | 'bibtex' | 'csl-json';

/** A paper as read from an input (a catalogue builder's, or a reference file's), before keys and tags. */
export interface ParsedPaper {
  title: string;
  abstract?: string;
  authors?: string[];
  /** arXiv category codes, primary first. */
  categories?: string[];
  arxivId?: string;
  doi?: string;
  /** PubMed id (digits). */
  pmid?: string;
  year?: number;
  /** Publication (or first-version) date, ISO: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  /** Journal, proceedings or journal reference. */
  venue?: string;
  /** A link to the paper as given by the source. */
  url?: string;
}

/** Something in a record that was read anyway: a field kept as raw text or dropped, at its own 1-based line. */
export interface RecordWarning {
  line: number;
  text: string;
}

/** One record read from the input; `line` is the 1-based line where the record starts. */
export type ParsedRecord = { ok: true; paper: ParsedPaper; line: number; warnings?: RecordWarning[] } | { ok: false; line: number; reason: string };

/**
 * Fed one line at a time (without its newline), returns the records that line completed; `end()` returns
 * the rest. Line formats keep memory flat; whole-document formats buffer and parse at `end()`.
 */
export interface RecordParser {
  push(line: string): ParsedRecord[];
  end(): ParsedRecord[];
}
