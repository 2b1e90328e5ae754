// Reference files (BibTeX, CSL-JSON) read into library papers, whole, before anything is saved; runs in pages (the parser is large).
import { detectFormat, parseText } from '../catalogue/formats/detect.ts';
import type { ParsedPaper } from '../catalogue/formats/types.ts';
import { mergeImported, type ImportedPaper } from './importedPaper.ts';
import type { PaperRef } from '../paper.ts';
import { paperKey } from '../identity/paperKey.ts';

export type ReferenceFormat = 'bibtex' | 'csl-json';

const FORMAT_NAMES: Record<ReferenceFormat, string> = { bibtex: 'BibTeX', 'csl-json': 'CSL-JSON' };

export interface ReferenceFile {
  papers: ImportedPaper[];
  /** Papers that appeared more than once in the file and were merged into one. */
  repeats: number;
  /** "line N: why", for each entry that could not be read. */
  rejected: string[];
  /** "refs.bib line N: what", for each field of a paper read anyway that was kept as raw text or dropped. */
  warnings: string[];
}

/** The file is none of the papers it should hold: nothing from it may be saved. */
export class ReferenceFileError extends Error {}

/** How many skipped-entry reasons are kept (a file of 10,000 broken entries must not make a 10,000-line message). */
const MAX_REASONS = 200;

function refOf(paper: ParsedPaper): PaperRef {
  const ref: PaperRef = { key: paperKey({ arxivId: paper.arxivId, doi: paper.doi, pmid: paper.pmid, title: paper.title }), title: paper.title };
  if (paper.arxivId) ref.arxivId = paper.arxivId;
  if (paper.doi) ref.doi = paper.doi;
  if (paper.pmid) ref.pmid = paper.pmid;
  const url = paper.url && /^https?:\/\//i.test(paper.url) ? paper.url : paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : undefined;
  if (url) ref.url = url;
  if (paper.authors?.length) ref.authors = paper.authors;
  if (paper.categories?.length) ref.categories = paper.categories;
  if (paper.abstract) ref.abstract = paper.abstract;
  return ref;
}

/** Reads a whole reference file, or throws a ReferenceFileError saying why none of it can be used. */
export function readReferenceFile(format: ReferenceFormat, text: string, fileName = 'the file'): ReferenceFile {
  const name = FORMAT_NAMES[format];
  const detected = detectFormat(text.slice(0, 64 * 1024));
  if (detected && detected !== format) {
    const what = detected === 'bibtex' || detected === 'csl-json' ? FORMAT_NAMES[detected] : 'a catalogue file';
    throw new ReferenceFileError(`This file looks like ${what}, not ${name}. Nothing was imported.`);
  }
  const byKey = new Map<string, ImportedPaper>();
  const rejected: string[] = [];
  const warnings: string[] = [];
  let warned = 0;
  let skipped = 0;
  let repeats = 0;
  for (const record of parseText(format, text)) {
    if (!record.ok) {
      if (rejected.length < MAX_REASONS) rejected.push(`line ${record.line}: ${record.reason}`);
      skipped++;
      continue;
    }
    for (const warning of record.warnings ?? []) {
      if (warnings.length < MAX_REASONS) warnings.push(`${fileName} line ${warning.line}: ${warning.text}`);
      warned++;
    }
    const paper: ImportedPaper = { ref: refOf(record.paper) };
    if (record.paper.year) paper.year = record.paper.year;
    if (record.paper.venue) paper.venue = record.paper.venue;
    const earlier = byKey.get(paper.ref.key);
    if (earlier) repeats++;
    byKey.set(paper.ref.key, earlier ? mergeImported(earlier, paper) : paper);
  }
  if (skipped > rejected.length) rejected.push(`… and ${skipped - rejected.length} more entries skipped`);
  if (warned > warnings.length) warnings.push(`… and ${warned - warnings.length} more fields`);
  if (byKey.size === 0) {
    const why = rejected.length ? ` (${rejected.slice(0, 3).join('; ')})` : '';
    throw new ReferenceFileError(`No papers could be read from this ${name} file${why}. Nothing was imported.`);
  }
  return { papers: [...byKey.values()], repeats, rejected, warnings };
}
