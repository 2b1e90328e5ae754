// The import worker: parses, builds and installs a catalogue off the options page's main thread.
import { CatalogueDatabase } from '../db/database.ts';
import { CatalogueInstallError, describeStorageError, storageFailureOf } from '../db/catalogueStore.ts';
import { CatalogueError } from '../core/catalogue/artifact.ts';
import { provideTopicModel } from '../core/topics/tagger.ts';
import { importCatalogue, ImportCancelled, ImportError } from './importCatalogue.ts';
import type { ImportEvent, ImportFailure, ImportRequest } from './protocol.ts';
import topicModelUrl from '../../assets/models/topics.bin?url';

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

let topicModel: Promise<void> | undefined;

/**
 * The shipped topic model, which the builder tags every paper with: read once per worker, before the first import.
 * The worker's own URL is the extension's, so this reads the packaged file; it is not a network request. A file that
 * cannot be read leaves tagging to the seed terms, with the tagger's warning.
 */
function loadTopicModel(): Promise<void> {
  topicModel ??= fetch(new URL(topicModelUrl, self.location.href))
    .then(async (response) => {
      if (!response.ok) throw new Error(`topic model: ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      provideTopicModel(() => bytes);
    })
    .catch((error) =>
      provideTopicModel(() => {
        throw error;
      }),
    );
  return topicModel;
}

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  loadTopicModel()
    .then(() => importCatalogue(db, request.file, request.mode, { emit, cancelled: () => cancelled }))
    .catch((error) => emit(explain(error)));
});
