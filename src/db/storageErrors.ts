// What a failed or refused write tells the user: a full disk in words, figures when a large write would not fit; never `ok`.
import Dexie from 'dexie';
import { megabytes } from '../core/megabytes.ts';
import { WordedError } from '../messaging/wordedError.ts';
import { storageErrorName } from './database.ts';

export type StorageEstimate = { usage?: number; quota?: number };
/** The browser's own figures for this extension (navigator.storage.estimate); undefined where there is none (Node). */
export type EstimateStorage = () => Promise<StorageEstimate | undefined>;

export const browserEstimate: EstimateStorage = async () => (typeof navigator === 'undefined' ? undefined : navigator.storage?.estimate?.());

/**
 * Free space Paperscope never writes into. A write that meets a full disk can be torn half-way, and Chromium deletes a
 * store it finds torn at its next start (the whole library, not one save): so writes stop while less than this is free.
 */
export const KEPT_FREE_BYTES = 8 * 1024 * 1024;

/** A write refused before it began because the disk is (nearly) full, with the figures: nothing was written. */
export class NotEnoughSpace extends WordedError {
  constructor(
    readonly needed: number,
    readonly free: number,
    /** What the write itself needs, without the space kept free. */
    bytes: number,
  ) {
    const [need, have, kept] = [megabytes(needed), megabytes(free), megabytes(KEPT_FREE_BYTES)];
    const large = bytes >= 1024 * 1024;
    super(
      large
        ? `This needs about ${need} of disk space and only ${have} is free. Free some space and try again; nothing was changed.`
        : `The disk is nearly full (only ${have} free). Paperscope writes nothing while less than ${kept} is free, so that a full disk cannot damage your library. Free some space and try again; nothing was changed.`,
      large ? { name: 'storageNeedsSpace', substitutions: [need, have] } : { name: 'storageNearlyFull', substitutions: [have, kept] },
    );
  }
}

/**
 * Refuses a write of about `bytes` when the browser says that it, and the space always kept free, will not fit. Where
 * the browser gives no figures (Node), the write is tried and its own failure answers.
 */
export async function checkFreeSpace(bytes: number, estimate: EstimateStorage = browserEstimate): Promise<void> {
  const figures = await estimate().catch(() => undefined);
  if (typeof figures?.quota !== 'number' || typeof figures.usage !== 'number') return;
  const free = Math.max(0, figures.quota - figures.usage);
  const needed = Math.ceil(bytes + KEPT_FREE_BYTES);
  if (needed > free) throw new NotEnoughSpace(needed, free, bytes);
}

/** A full disk: the quota error, or Chromium's own words when a disk write failed for space (FILE_ERROR_NO_SPACE). */
export function isNoSpace(error: unknown): boolean {
  if (storageErrorName(error) === 'QuotaExceededError') return true;
  const e = error as { message?: unknown; inner?: { message?: unknown } } | null;
  return /NO_SPACE|No space left/i.test(`${e?.message ?? ''} ${e?.inner?.message ?? ''}`);
}

/** A storage failure in words: a full disk said as such, any other failure (a database that would not open) with its detail. */
export function userWriteFailure(error: unknown): WordedError {
  if (error instanceof WordedError) return error;
  if (isNoSpace(error)) {
    return new WordedError('There is not enough free disk space to save this. Free some space and try again; nothing was changed.', { name: 'storageNoSpace' });
  }
  const detail = (error as Error)?.message ?? String(error);
  return new WordedError(`The browser could not read or write Paperscope's data (${detail}); nothing was changed. If the disk is full, free some space and try again.`, {
    name: 'storageFailed',
    substitutions: [detail],
  });
}

/** Errors the browser's storage or Dexie raises, as opposed to the program's own refusals (which pass as they are). */
export function isStorageError(error: unknown): boolean {
  return error instanceof Dexie.DexieError || (typeof DOMException !== 'undefined' && error instanceof DOMException);
}

/**
 * Runs a user write of about `bytes` (a record or two when left out): refused first when the disk is nearly full, and a
 * storage failure answered in words; any other error (a refused edit, a bad file) passes as it is.
 */
export async function wordedWrite<T>(write: () => PromiseLike<T>, bytes = 0, estimate: EstimateStorage = browserEstimate): Promise<T> {
  await checkFreeSpace(bytes, estimate);
  try {
    return await write();
  } catch (error) {
    throw isStorageError(error) ? userWriteFailure(error) : error;
  }
}
