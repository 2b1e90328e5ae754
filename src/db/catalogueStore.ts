// Installing and reading catalogues: the new packed blob lands beside the old one and a one-record switch makes it
// current, so a failed or cancelled install changes nothing; user tables are never touched.
import { readCatalogue, type CatalogueData } from '../core/catalogue/artifact.ts';
import type { CatalogueMeta, PaperscopeDatabase } from './database.ts';

/** Why a catalogue could not be stored, as a code the options page words in the user's language. */
export type StorageFailure = { code: 'noSpace' } | { code: 'storage'; detail: string };

export function storageFailureOf(error: unknown): StorageFailure {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.inner?.name ?? (error as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' ? { code: 'noSpace' } : { code: 'storage', detail: (error as Error)?.message ?? String(error) };
}

export class CatalogueInstallError extends Error {
  constructor(readonly failure: StorageFailure) {
    super(describeStorageFailure(failure));
  }
}

/** Plain English words for storage failures (logs and tests; the options page uses its messages file). */
export function describeStorageError(error: unknown): string {
  return describeStorageFailure(storageFailureOf(error));
}

function describeStorageFailure(failure: StorageFailure): string {
  if (failure.code === 'noSpace') {
    return 'There is not enough free disk space for this catalogue. Free some space (or pick a smaller catalogue) and try again; your current catalogue and saved papers are unchanged.';
  }
  return `The catalogue could not be stored (${failure.detail}); your current catalogue and saved papers are unchanged.`;
}

/**
 * Stores the packed catalogue and switches to it. `data` must come from `readCatalogue(bytes)`.
 * Returns once the packed index is current: that one record is all the catalogue there is.
 */
export async function installCatalogue(db: PaperscopeDatabase, data: CatalogueData, origin: CatalogueMeta['origin'], now = Date.now()): Promise<CatalogueMeta> {
  const meta: CatalogueMeta = {
    id: 'current',
    version: data.version,
    paperCount: data.paperCount,
    source: data.header.source,
    origin,
    installedAt: now,
  };
  const bytes = data.bytes.slice().buffer as ArrayBuffer;
  try {
    await db.catalogueBlobs.put({ version: data.version, bytes });
    await db.transaction('rw', [db.catalogueMeta, db.catalogueBlobs], async () => {
      await db.catalogueMeta.put(meta);
      // The previous blob goes only once the switch is certain.
      await db.catalogueBlobs.where('version').notEqual(data.version).delete();
    });
  } catch (error) {
    await removeUnusedBlobs(db).catch(() => undefined);
    throw new CatalogueInstallError(storageFailureOf(error));
  }
  return meta;
}

/** Blobs left by an install that never switched (crash, cancel, full disk). */
export async function removeUnusedBlobs(db: PaperscopeDatabase): Promise<void> {
  await db.transaction('rw', [db.catalogueMeta, db.catalogueBlobs], async () => {
    const current = (await db.catalogueMeta.get('current'))?.version;
    await db.catalogueBlobs.filter((b) => b.version !== current).delete();
  });
}

export async function installedCatalogueMeta(db: PaperscopeDatabase): Promise<CatalogueMeta | undefined> {
  return db.catalogueMeta.get('current');
}

/** The installed catalogue from its packed record, or undefined when none is installed. */
export async function loadInstalledCatalogue(db: PaperscopeDatabase): Promise<CatalogueData | undefined> {
  const meta = await db.catalogueMeta.get('current');
  if (!meta) return undefined;
  const blob = await db.catalogueBlobs.get(meta.version);
  return blob ? readCatalogue(new Uint8Array(blob.bytes)) : undefined;
}
