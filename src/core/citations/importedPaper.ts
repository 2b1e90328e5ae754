// A paper read from a reference file, as the library keeps it, and merging two accounts of the same paper.
import type { PaperRef } from '../paper.ts';

export interface ImportedPaper {
  ref: PaperRef;
  year?: number;
  /** Journal or proceedings. */
  venue?: string;
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}

/** `into` with its gaps filled from `from`: what `into` already says wins, and its key stays. */
export function mergeImported(into: ImportedPaper, from: ImportedPaper): ImportedPaper {
  const merged: ImportedPaper = { ref: { ...from.ref, ...definedFields(into.ref), key: into.ref.key } };
  const year = into.year ?? from.year;
  const venue = into.venue ?? from.venue;
  if (year !== undefined) merged.year = year;
  if (venue !== undefined) merged.venue = venue;
  return merged;
}
