// What a failed or refused write tells the user: a full disk in words, figures when a large write would not fit; never `ok`.
import Dexie from 'dexie';
import { megabytes } from '../core/megabytes.ts';
import { WordedError } from '../messaging/wordedError.ts';
import { storageErrorName } from './database.ts';

export type StorageEstimate = { usage?: number; quota?: number };
/** The browser's own figures for this extension (navigator.storage.estimate); undefined where there is none (Node). */
export type EstimateStorage = () => Promise<StorageEstimate | undefined>;

export const browserEstimate: EstimateStorage = async () => (typeof navigator === 'undefined' ? undefined : navigator.storage?.estimate?.());

/** Room kept free besides the write itself: the database's own bookkeeping, and the user's next saves. */
const SPARE_BYTES = 2 * 1024 * 1024;

/** A large write refused before it began, with the figures: nothing was written. */
export class NotEnoughSpace extends WordedError {
  constructor(
    readonly needed: number,
    readonly free: number,
  ) {
    const [need, have] = [megabytes(needed), megabytes(free)];
    super(`This needs about ${need} of disk space and only ${have} is free. Free some space and try again; nothing was changed.`, {
      name: 'storageNeedsSpace',
      substitutions: [need, have],
    });
  }
}

/**
 * Refuses a write of about `bytes` (which the database may need twice over while old and new rows both exist) when the
 * browser says it will not fit. Where the browser gives no figures, the write is tried and its own failure answers.
 */
export async function checkFreeSpace(bytes: number, estimate: EstimateStorage = browserEstimate): Promise<void> {
  const figures = await estimate().catch(() => undefined);
  if (typeof figures?.quota !== 'number' || typeof figures.usage !== 'number') return;
  const free = Math.max(0, figures.quota - figures.usage);
  const needed = Math.ceil(bytes + SPARE_BYTES);
  if (needed > free) throw new NotEnoughSpace(needed, free);
}

export const isNoSpace = (error: unknown) => storageErrorName(error) === 'QuotaExceededError';

/** A user write that failed, in words: a full disk said as such, any other storage failure with its detail. */
export function userWriteFailure(error: unknown): WordedError {
  if (error instanceof WordedError) return error;
  if (isNoSpace(error)) {
    return new WordedError('There is not enough free disk space to save this. Free some space and try again; nothing was changed.', { name: 'storageNoSpace' });
  }
  const detail = (error as Error)?.message ?? String(error);
  return new WordedError(`This could not be saved (${detail}); nothing was changed.`, { name: 'storageFailed', substitutions: [detail] });
}

/** Errors the browser's storage or Dexie raises, as opposed to the program's own refusals (which pass as they are). */
export function isStorageError(error: unknown): boolean {
  return error instanceof Dexie.DexieError || (typeof DOMException !== 'undefined' && error instanceof DOMException);
}

/** Runs a user write and answers a storage failure in words; any other error (a refused edit, a bad file) passes as it is. */
export async function wordedWrite<T>(write: () => PromiseLike<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isStorageError(error) ? userWriteFailure(error) : error;
  }
}
