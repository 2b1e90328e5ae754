// The saved library as files, for the background's messages: citation export, reference import, backup and restore.
import type { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { PAPER_SECTIONS, TEXT_SECTIONS } from '../core/catalogue/sectionGroups.ts';
import { CITATION_FILES, formatCitations, type CitablePaper, type CitationFormat } from '../core/citations/citationExport.ts';
import { mergeImported, type ImportedPaper } from '../core/citations/importedPaper.ts';
import { backupFileName, exportBackup, restoreBackup } from '../db/backup.ts';
import type { SavedRecord, UserDatabase } from '../db/database.ts';
import { browserEstimate, type EstimateStorage, wordedWrite } from '../db/storageErrors.ts';
import type { PaperRef } from '../core/paper.ts';
import { clampRef, type SavedPaper, type SavedPaperUpdate } from '../messaging/shapes.ts';
import { WordedError } from '../messaging/wordedError.ts';

/** A saved paper with what the catalogue knows and the record does not (year, categories, abstract). */
function citable(record: SavedRecord, index: CatalogueIndex): CitablePaper {
  const known = index.match(record.ref);
  const ref = record.ref;
  return {
    key: record.key,
    title: record.title || ref.title,
    authors: record.authors.length ? record.authors : (ref.authors ?? known?.authors ?? []),
    arxivId: ref.arxivId ?? known?.arxivId,
    doi: ref.doi ?? known?.doi,
    url: record.url ?? ref.url,
    categories: ref.categories?.length ? ref.categories : known?.categories,
    year: record.year ?? known?.year,
    venue: record.venue,
    abstract: ref.abstract || known?.abstract || undefined,
  };
}

export async function exportLibrary(
  db: UserDatabase,
  index: CatalogueIndex,
  { format, keys, papers }: { format: CitationFormat; keys?: string[]; papers?: PaperRef[] },
): Promise<{ filename: string; mime: string; text: string; count: number }> {
  await index.ensureSections(PAPER_SECTIONS); // citations carry what the catalogue knows of each paper
  if (papers) return exportPapers(db, index, format, papers);
  // Oldest first: the order the user built the library in (and a stable order for diffs of repeated exports).
  const records = keys ? (await db.savedPapers.bulkGet(keys)).filter((r): r is SavedRecord => r !== undefined) : await db.savedPapers.orderBy('savedAt').toArray();
  const { extension, mime } = CITATION_FILES[format];
  const text = formatCitations(
    records.map((r) => citable(r, index)),
    format,
  );
  return { filename: `paperscope-library.${extension}`, mime, text, count: records.length };
}

/** Papers from a page (the popup's bulk selection), saved or not: a saved record wins, as it may know more (year, venue). */
async function exportPapers(
  db: UserDatabase,
  index: CatalogueIndex,
  format: CitationFormat,
  papers: PaperRef[],
): Promise<{ filename: string; mime: string; text: string; count: number }> {
  const seen = new Set<string>();
  const refs = papers.map(clampRef).filter((ref) => !seen.has(ref.key) && seen.add(ref.key));
  const existing = await db.savedPapers.bulkGet(refs.map((ref) => ref.key));
  const records = refs.map(
    (ref, i): SavedRecord =>
      existing[i] ?? { key: ref.key, title: ref.title, authors: ref.authors ?? [], url: ref.url, ref, tags: [], savedAt: 0, ...(ref.year ? { year: ref.year } : {}) },
  );
  const { extension, mime } = CITATION_FILES[format];
  const text = formatCitations(
    records.map((r) => citable(r, index)),
    format,
  );
  return { filename: `paperscope-selection.${extension}`, mime, text, count: records.length };
}

function savedRecordOf(paper: ImportedPaper, index: CatalogueIndex, savedAt: number): SavedRecord {
  const ref = clampRef(paper.ref);
  const record: SavedRecord = { key: ref.key, title: ref.title, authors: ref.authors ?? [], ref, tags: index.tagsFor(ref), savedAt };
  if (ref.url) record.url = ref.url;
  if (paper.year) record.year = paper.year;
  if (paper.venue) record.venue = paper.venue.slice(0, 1000);
  return record;
}

/** What the saved record already says wins; the file only fills gaps (a missing year, venue, DOI, abstract …). */
function mergedRecord(existing: SavedRecord, paper: ImportedPaper, index: CatalogueIndex): SavedRecord {
  const merged = mergeImported({ ref: existing.ref, year: existing.year, venue: existing.venue }, paper);
  const record = savedRecordOf(merged, index, existing.savedAt);
  return {
    ...record,
    ...userFields(existing),
    title: existing.title || record.title,
    authors: existing.authors.length ? existing.authors : record.authors,
    url: existing.url ?? record.url,
  };
}

/** The fields only the user writes: whatever else replaces a saved record must carry these over. */
export function userFields(record: SavedRecord | undefined): Pick<SavedRecord, 'userTags' | 'note' | 'read'> {
  const out: Pick<SavedRecord, 'userTags' | 'note' | 'read'> = {};
  if (record?.userTags?.length) out.userTags = record.userTags;
  if (record?.note) out.note = record.note;
  if (record?.read) out.read = true;
  return out;
}

/** A saved record as the protocol lists it. */
export function savedPaperOf(record: SavedRecord): SavedPaper {
  const { key, title, authors, url, savedAt, tags } = record;
  const paper: SavedPaper = { key, title, authors, url, savedAt, tags, ...userFields(record) };
  const year = record.year ?? record.ref.year;
  if (year !== undefined) paper.year = year;
  return paper;
}

/** Trimmed, inner spaces collapsed, empty ones dropped, and each tag once (the first spelling wins, case aside). */
export function normaliseUserTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** Changes the user's tags, note or read mark of one saved paper (fields left out stay); fails if it is not saved. */
export async function updateSaved(db: UserDatabase, { key, userTags, note, read }: SavedPaperUpdate): Promise<SavedPaper> {
  return wordedWrite(() =>
    db.transaction('rw', db.savedPapers, async () => {
      const record = await db.savedPapers.get(key);
      if (!record) throw new WordedError('This paper is not in your library (it may have been removed)', { name: 'commonNotInLibrary' });
      const next: SavedRecord = { ...record };
      if (userTags !== undefined) {
        const tags = normaliseUserTags(userTags);
        if (tags.length) next.userTags = tags;
        else delete next.userTags;
      }
      if (note !== undefined) {
        if (note.trim()) next.note = note;
        else delete next.note;
      }
      if (read !== undefined) {
        if (read) next.read = true;
        else delete next.read;
      }
      await db.savedPapers.put(next);
      return savedPaperOf(next);
    }),
  );
}

/**
 * Adds and merges the papers of a whole reference file (parsed by the page, see src/core/citations/referenceImport.ts) in one
 * transaction: all of them or, on a failure, none.
 */
export async function importLibrary(
  db: UserDatabase,
  index: CatalogueIndex,
  { papers: given }: { papers: ImportedPaper[] },
  now = Date.now(),
  estimate: EstimateStorage = browserEstimate,
): Promise<{ added: number; merged: number; keys: string[] }> {
  await index.ensureSections(TEXT_SECTIONS); // tagging matches papers by their titles and authors too
  // One paper once: a key given twice is merged like a paper already saved.
  const byKey = new Map<string, ImportedPaper>();
  for (const paper of given) {
    const ref = clampRef(paper.ref);
    const earlier = byKey.get(ref.key);
    byKey.set(ref.key, earlier ? mergeImported(earlier, { ...paper, ref }) : { ...paper, ref });
  }
  const papers = [...byKey.values()];
  const repeats = given.length - papers.length;
  // A whole file at once: refused with the figures when it would not fit, rather than failing half-way through the disk.
  return wordedWrite(
    () =>
      db.transaction('rw', db.savedPapers, async () => {
        const existing = await db.savedPapers.bulkGet(papers.map((p) => p.ref.key));
        // Newest first in the library lists the file's first entry first.
        const records = papers.map((paper, i) => (existing[i] ? mergedRecord(existing[i], paper, index) : savedRecordOf(paper, index, now - i)));
        await db.savedPapers.bulkPut(records);
        const merged = existing.filter(Boolean).length;
        return { added: papers.length - merged, merged: merged + repeats, keys: records.map((r) => r.key) };
      }),
    JSON.stringify(papers).length,
    estimate,
  );
}

export async function backupLibrary(db: UserDatabase, now = Date.now()): Promise<{ filename: string; text: string }> {
  return { filename: backupFileName(now), text: `${JSON.stringify(await exportBackup(db, now))}\n` };
}

export async function restoreLibrary(db: UserDatabase, text: string): Promise<{ savedPapers: number; settings: number }> {
  return restoreBackup(db, text);
}
