// Messages between the options page and its workers: the catalogue import worker, and the library's reference-file worker.
import type { StorageFailure } from '../db/catalogueStore.ts';
import type { ReferenceFile } from '../core/citations/referenceImport.ts';

export type ImportMode = 'replace' | 'merge';

export type ImportRequest = { type: 'start'; file: File; mode: ImportMode } | { type: 'cancel' };

export type ImportStage = 'reading' | 'building' | 'installing';

export type ImportEvent =
  | { type: 'progress'; stage: ImportStage; bytesRead: number; bytesTotal: number; papers: number; merged: number; rejected: number }
  /** The new catalogue is current: matching uses it from now on, and the import can no longer be cancelled. */
  | { type: 'switched'; version: string; paperCount: number }
  /** `layered`: the papers went on top of the installed catalogue as an update layer, `added` of them (not rebuilt). */
  | { type: 'done'; version: string; paperCount: number; merged: number; rejected: number; firstRejections: string[]; layered?: { added: number } }
  /** `error` is plain English (logs, tests); `failure` is what the options page words in the user's language. */
  | { type: 'failed'; error: string; failure: ImportFailure };

/** Why an import failed. `detail` is technical text from the parser or the browser and is shown as it is. */
export type ImportFailure =
  | StorageFailure
  | { code: 'cancelled' }
  | { code: 'empty'; file: string }
  | { code: 'noPapers'; file: string; firstProblem?: string }
  | { code: 'unknownFormat'; file: string }
  /** Past a bound of src/core/catalogue/formats/inputLimits.ts: more bytes (decompressed) than the biggest supported catalogue has. */
  | { code: 'tooLarge'; file: string; limitBytes: number }
  | { code: 'tooManyPapers'; file: string; limit: number }
  /** Added papers that cannot go on top as an update layer, with a catalogue too big to rebuild with them in the browser. */
  | { code: 'mergeTooLarge'; total: number; limit: number }
  | { code: 'unreadable'; detail: string }
  | { code: 'failed'; detail: string };

/** To the library's reference-file worker: the file to read (its size was checked by the page). */
export interface ReferenceRequest {
  file: File;
}

/** From it: the papers read, or why none can be used (`refused`: the file's own fault, worded for the user). */
export type ReferenceReply = { ok: true; file: ReferenceFile } | { ok: false; error: string; refused: boolean };
