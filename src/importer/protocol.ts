// Messages between the options page and its import worker.

export type ImportMode = 'replace' | 'merge';

export type ImportRequest = { type: 'start'; file: File; mode: ImportMode } | { type: 'cancel' };

export type ImportStage = 'reading' | 'building' | 'installing' | 'filling';

export type ImportEvent =
  | { type: 'progress'; stage: ImportStage; bytesRead: number; bytesTotal: number; papers: number; merged: number; rejected: number }
  /** The new catalogue is current: matching uses it from now on; the per-paper table fills in behind. */
  | { type: 'switched'; version: string; paperCount: number }
  | { type: 'done'; version: string; paperCount: number; merged: number; rejected: number; firstRejections: string[] }
  | { type: 'failed'; error: string };
