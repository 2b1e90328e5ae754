// Every bound on what an input file (a catalogue, metadata, a reference file) may cost to read, in one place, each with its why.

/** The biggest catalogue Paperscope supports: building one in the browser takes about 7 MB per 1,000 papers (683 MB at 100k), so 300k is about 2 GB. */
export const MAX_CATALOGUE_PAPERS = 300_000;

/**
 * The biggest packed catalogue the options page installs as it is (no build in the browser: it is read, checked and
 * written section by section): a million papers, the issue 17 aim (arXiv's computer science is about 800k).
 */
export const MAX_PACKED_CATALOGUE_PAPERS = 1_000_000;

/** A packed catalogue, decompressed: about 490 bytes a paper (49.9 MB at 100k), so a million papers are about 490 MB; 600 MB for room. */
export const MAX_PACKED_CATALOGUE_BYTES = 600_000_000;

/** Metadata (JSON lines, arXiv snapshot, BibTeX, CSL-JSON), decompressed: arXiv's records average 1.6 KB (162 MB for 101,573), so 300k of them with twice the room. */
export const MAX_METADATA_BYTES = 1_000_000_000;

/** One line of a line format (JSON lines, arXiv snapshot): the longest of arXiv's 101,573 records is 56 KB; a line of 1 million characters is no paper. */
export const MAX_RECORD_LINE_CHARS = 1_000_000;

/** BibTeX and CSL-JSON are parsed whole: 200 million characters is about 100k entries with abstracts, well under a JavaScript string's 512 million. */
export const MAX_DOCUMENT_CHARS = 200_000_000;

/** Characters @string macros may add to one BibTeX entry: the longest field kept is a 10,000-character abstract; twice that is no real use of macros. */
export const MAX_ENTRY_MACRO_CHARS = 20_000;

/** Characters @string macros may add to a whole BibTeX file: months and journal names add tens a use, so 50,000 entries stay far below 5 million. */
export const MAX_FILE_MACRO_CHARS = 5_000_000;

/** "1.2 GB", "300 MB", "56 KB": a size as people read it (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${Number((bytes / 1e9).toFixed(1))} GB`;
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(1))} MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
