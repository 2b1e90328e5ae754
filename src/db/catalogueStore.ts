// Installing and reading catalogues: the new packed blob lands beside the old one and a one-record switch makes it
// current, so a failed or cancelled install changes nothing; the user's database is never touched.
import { readCatalogue, type CatalogueData } from '../core/catalogue/artifact.ts';
import { storageErrorName, type CatalogueDatabase, type CatalogueMeta } from './database.ts';
import { megabytes } from '../core/megabytes.ts';
import { browserEstimate, checkFreeSpace, NotEnoughSpace, type EstimateStorage } from './storageErrors.ts';

/** Why a catalogue could not be stored, as a code the options page words in the user's language. */
export type StorageFailure = { code: 'noSpace'; needed?: number; free?: number } | { code: 'storage'; detail: string };

export function storageFailureOf(error: unknown): StorageFailure {
  if (error instanceof NotEnoughSpace) return { code: 'noSpace', needed: error.needed, free: error.free };
  return storageErrorName(error) === 'QuotaExceededError' ? { code: 'noSpace' } : { code: 'storage', detail: (error as Error)?.message ?? String(error) };
}

/** An install that failed before its switch: the previous catalogue is still the one in use. */
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
  if (failure.code === 'noSpace' && failure.needed !== undefined && failure.free !== undefined) {
    return `This catalogue needs about ${megabytes(failure.needed)} of disk space and only ${megabytes(failure.free)} is free. Free some space (or pick a smaller catalogue) and try again; your current catalogue and saved papers are unchanged.`;
  }
  if (failure.code === 'noSpace') {
    return 'There is not enough free disk space for this catalogue. Free some space (or pick a smaller catalogue) and try again; your current catalogue and saved papers are unchanged.';
  }
  return `The catalogue could not be stored (${failure.detail}); your current catalogue and saved papers are unchanged.`;
}

/** The catalogue database's room for a packed catalogue of this many bytes (the old one stays until the switch). */
export const catalogueBytesNeeded = (bytes: number) => Math.ceil(bytes * 1.1);

/**
 * Stores the packed catalogue beside the current one and then switches to it in one durable one-record write. Every
 * failure up to and including the switch throws CatalogueInstallError with the previous catalogue still in use; after
 * the switch only the old blob's removal is left, and its failure is no failure of the install (the blob is removed on
 * a later start). `data` must come from `readCatalogue(bytes)`. The user's database is never touched.
 */
export async function installCatalogue(
  db: CatalogueDatabase,
  data: CatalogueData,
  origin: CatalogueMeta['origin'],
  now = Date.now(),
  estimate: EstimateStorage = browserEstimate,
): Promise<CatalogueMeta> {
  const meta: CatalogueMeta = {
    id: 'current',
    version: data.version,
    paperCount: data.paperCount,
    source: data.header.source,
    origin,
    installedAt: now,
  };
  try {
    await checkFreeSpace(catalogueBytesNeeded(data.bytes.byteLength), estimate);
    await db.catalogueBlobs.put({ version: data.version, bytes: data.bytes.slice().buffer as ArrayBuffer });
    // The switch: the new blob is written, so the one record that names the current catalogue may point at it.
    await db.catalogueMeta.put(meta);
  } catch (error) {
    await removeUnusedBlobs(db).catch(() => undefined);
    throw new CatalogueInstallError(storageFailureOf(error));
  }
  // Switched: from here on the new catalogue is the one in use, whatever happens to the old one's bytes.
  await removeUnusedBlobs(db).catch((error) => console.error('paperscope: the previous catalogue could not be removed yet', error));
  return meta;
}

/** Blobs the switch record does not name: the one an install replaced, or one whose install never switched (crash, cancel, full disk). */
export async function removeUnusedBlobs(db: CatalogueDatabase): Promise<void> {
  await db.transaction('rw', [db.catalogueMeta, db.catalogueBlobs], async () => {
    const current = (await db.catalogueMeta.get('current'))?.version;
    await db.catalogueBlobs.filter((b) => b.version !== current).delete();
  });
}

export async function installedCatalogueMeta(db: CatalogueDatabase): Promise<CatalogueMeta | undefined> {
  return db.catalogueMeta.get('current');
}

/** The installed catalogue from its packed record, or undefined when none is installed. */
export async function loadInstalledCatalogue(db: CatalogueDatabase): Promise<CatalogueData | undefined> {
  const meta = await db.catalogueMeta.get('current');
  if (!meta) return undefined;
  const blob = await db.catalogueBlobs.get(meta.version);
  return blob ? readCatalogue(new Uint8Array(blob.bytes)) : undefined;
}
