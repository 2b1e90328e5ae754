// The import worker: parses, builds and installs a catalogue off the options page's main thread.
import { PaperscopeDatabase } from '../db/database.ts';
import { describeStorageError, CatalogueInstallError } from '../db/catalogueStore.ts';
import { CatalogueError } from '../core/catalogue.ts';
import { importCatalogue, ImportCancelled } from './importCatalogue.ts';
import type { ImportEvent, ImportRequest } from './protocol.ts';

const db = new PaperscopeDatabase();
let cancelled = false;
const emit = (event: ImportEvent) => postMessage(event);

function explain(error: unknown): string {
  if (error instanceof CatalogueError || error instanceof ImportCancelled || error instanceof CatalogueInstallError) return error.message;
  if ((error as { name?: string })?.name === 'QuotaExceededError' || (error as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError') {
    return describeStorageError(error);
  }
  return `The import failed: ${(error as Error)?.message ?? String(error)}. Your catalogue and saved papers are unchanged.`;
}

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  importCatalogue(db, request.file, request.mode, { emit, cancelled: () => cancelled }).catch((error) => emit({ type: 'failed', error: explain(error) }));
});
