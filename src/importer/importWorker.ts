// The import worker: parses, builds and installs a catalogue off the options page's main thread.
import { CatalogueDatabase } from '../db/database.ts';
import { CatalogueInstallError, describeStorageError, storageFailureOf } from '../db/catalogueStore.ts';
import { CatalogueError } from '../core/catalogue/artifact.ts';
import { importCatalogue, ImportCancelled, ImportError } from './importCatalogue.ts';
import type { ImportEvent, ImportFailure, ImportRequest } from './protocol.ts';

const db = new CatalogueDatabase();
let cancelled = false;
const emit = (event: ImportEvent) => postMessage(event);

/** The failed event for an error: plain English text, and the reason as a code for the options page. */
function explain(error: unknown): Extract<ImportEvent, { type: 'failed' }> {
  const failed = (text: string, failure: ImportFailure) => ({ type: 'failed' as const, error: text, failure });
  if (error instanceof ImportError || error instanceof CatalogueInstallError) return failed(error.message, error.failure);
  if (error instanceof ImportCancelled) return failed(error.message, { code: 'cancelled' });
  if (error instanceof CatalogueError) return failed(error.message, { code: 'unreadable', detail: error.message });
  const storage = storageFailureOf(error);
  if (storage.code === 'noSpace') return failed(describeStorageError(error), storage);
  const detail = (error as Error)?.message ?? String(error);
  return failed(`The import failed: ${detail}. Your catalogue and saved papers are unchanged.`, { code: 'failed', detail });
}

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  importCatalogue(db, request.file, request.mode, { emit, cancelled: () => cancelled }).catch((error) => emit(explain(error)));
});
