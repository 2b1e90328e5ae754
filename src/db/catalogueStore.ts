// Installing and reading catalogues: the new catalogue's sections land beside the old one's and a one-record switch
// makes it current, so a failed or cancelled install changes nothing; a waking worker reads only the sections matching
// needs. The user's database is never touched.
import { CatalogueError, catalogueFromSections, type CatalogueData, type CatalogueHeader, type CatalogueView, type SectionSource } from '../core/catalogue/artifact.ts';
import { LayeredCatalogue } from '../core/catalogue/layered.ts';
import { wakeSections } from '../core/catalogue/sectionGroups.ts';
import { HEADER_SECTION, joinChunks, recordBytes, sectionKeys, sectionRecords } from './catalogueSections.ts';
import { storageErrorName, type CatalogueDatabase, type CatalogueMeta, type CatalogueSectionRecord } from './database.ts';
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

/** Records are written in transactions of about this many bytes: progress to show, and no giant write at once. */
const WRITE_BATCH_BYTES = 32 * 2 ** 20;

/** Told after each batch of an install is written; throwing stops the install (a cancel), with the old catalogue in use. */
export type InstallProgress = (written: number, total: number) => void;

/**
 * Stores the catalogue's sections beside the current catalogue's, in batches, and then switches to it in one durable
 * one-record write, once `beforeSwitch` (if given) has resolved. Every failure up to and including the switch throws
 * CatalogueInstallError with the previous catalogue still in use (an error thrown by `onProgress` or `beforeSwitch` is
 * thrown as it is); the sections written are removed then
 * or on a later start. After the switch only the old sections' removal is left, and its failure is no failure of the
 * install. `data` is a catalogue read from a file or from this database. The user's database is never touched.
 */
export async function installCatalogue(
  db: CatalogueDatabase,
  data: CatalogueData,
  origin: CatalogueMeta['origin'],
  now = Date.now(),
  estimate: EstimateStorage = browserEstimate,
  onProgress?: InstallProgress,
  beforeSwitch?: () => Promise<void>,
): Promise<CatalogueMeta> {
  const meta: CatalogueMeta = {
    id: 'current',
    version: data.version,
    paperCount: data.paperCount,
    source: data.header.source,
    origin,
    installedAt: now,
  };
  return storeAndSwitch(db, data, () => meta, estimate, onProgress, beforeSwitch);
}

/** The installed catalogue changed while an update was being added to it: the update was built for the other one. */
export class CatalogueChangedMeanwhile extends Error {}

/**
 * Adds an update layer (built against the installed catalogue, `below`: its version and layers as read) on top of it,
 * as installCatalogue installs a catalogue: its sections stored, then one switch record naming it among the layers. Its
 * cost is the layer's, not the catalogue's. Throws CatalogueChangedMeanwhile when another install switched meanwhile.
 */
export async function installLayer(
  db: CatalogueDatabase,
  layer: CatalogueData,
  below: Pick<CatalogueMeta, 'version' | 'layers'>,
  layered: { paperCount: number; source: string },
  now = Date.now(),
  estimate: EstimateStorage = browserEstimate,
  onProgress?: InstallProgress,
  beforeSwitch?: () => Promise<void>,
): Promise<CatalogueMeta> {
  const stack = (meta: Pick<CatalogueMeta, 'version' | 'layers'> | undefined) => (meta ? [meta.version, ...(meta.layers ?? [])].join(' ') : '');
  return storeAndSwitch(
    db,
    layer,
    (current) => {
      if (stack(current) !== stack(below)) throw new CatalogueChangedMeanwhile('Another catalogue was installed meanwhile; add the papers again.');
      // An imported catalogue from now on: a newer bundled seed must not replace the papers the user added.
      return { ...current!, origin: 'imported', layers: [...(below.layers ?? []), layer.version], paperCount: layered.paperCount, source: layered.source, installedAt: now };
    },
    estimate,
    onProgress,
    beforeSwitch,
  );
}

/**
 * Stores a catalogue's sections under its version in batches, then, in one transaction that checks they are all there,
 * writes the switch record `switchTo` makes from the current one. See installCatalogue for what a failure leaves.
 */
async function storeAndSwitch(
  db: CatalogueDatabase,
  data: CatalogueData,
  switchTo: (current: CatalogueMeta | undefined) => CatalogueMeta,
  estimate: EstimateStorage,
  onProgress: InstallProgress | undefined,
  beforeSwitch: (() => Promise<void>) | undefined,
): Promise<CatalogueMeta> {
  let meta: CatalogueMeta | undefined;
  let stopped: { error: unknown } | undefined;
  let records = 0;
  let writing = false;
  try {
    await checkFreeSpace(catalogueBytesNeeded(data.byteSize), estimate);
    // Progress counts the sections' bytes (the header record is a few kB).
    const total = data.header.sections.reduce((sum, info) => sum + info.byteLength, 0);
    await data.ensureSections(data.sectionNames);
    writing = true;
    await db.catalogueInstalls.put({ version: data.version, startedAt: Date.now() });
    let batch: CatalogueSectionRecord[] = [];
    let batchBytes = 0;
    let written = 0;
    const flush = async () => {
      await db.catalogueSections.bulkPut(batch);
      written += batchBytes;
      batch = [];
      batchBytes = 0;
      try {
        onProgress?.(written, total);
      } catch (error) {
        stopped = { error };
        throw error;
      }
    };
    for (const record of sectionRecords(data.header, (name) => data.sectionBytes(name))) {
      batch.push(record);
      records++;
      if (record.section !== HEADER_SECTION) batchBytes += recordBytes(record);
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    }
    if (batch.length > 0) await flush();
    // What must hold before the catalogue is used (an import's checks of its contents, run while it was written).
    if (beforeSwitch) {
      try {
        await beforeSwitch();
      } catch (error) {
        stopped = { error };
        throw error;
      }
    }
    // The switch: every section is written (and still there: checked in the switch's own transaction), so the one
    // record that names the current catalogue may point at it.
    await db.transaction('rw', [db.catalogueMeta, db.catalogueSections, db.catalogueInstalls], async () => {
      const stored = await db.catalogueSections.where('version').equals(data.version).count();
      if (stored !== records) throw new Error(`${records - stored} of the new catalogue's ${records} records were removed before the switch`);
      try {
        meta = switchTo(await db.catalogueMeta.get('current'));
      } catch (error) {
        stopped = { error };
        throw error;
      }
      await db.catalogueMeta.put(meta);
      await db.catalogueInstalls.delete(data.version);
    });
  } catch (error) {
    if (writing) {
      await db.catalogueInstalls.delete(data.version).catch(() => undefined);
      await removeUnusedSections(db).catch(() => undefined);
    }
    if (stopped) throw stopped.error;
    throw new CatalogueInstallError(storageFailureOf(error));
  }
  // Switched: from here on the new catalogue is the one in use, whatever happens to the old one's sections.
  await removeUnusedSections(db).catch((error) => console.error('paperscope: the previous catalogue could not be removed yet', error));
  return meta!;
}

/** An install not heard of for this long was stopped (a closed options page, a crash): its sections are leftovers. */
export const INSTALL_STALE_MS = 30 * 60_000;

/**
 * Sections of versions the switch record does not name: the catalogue an install replaced, or one whose install never
 * switched (crash, cancel, full disk). An install under way (begun less than INSTALL_STALE_MS ago) keeps its own.
 */
export async function removeUnusedSections(db: CatalogueDatabase, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.catalogueMeta, db.catalogueSections, db.catalogueInstalls], async () => {
    const current = storedVersions(await db.catalogueMeta.get('current'));
    const installs = await db.catalogueInstalls.toArray();
    const stale = installs.filter((i) => now - i.startedAt >= INSTALL_STALE_MS || current.includes(i.version)).map((i) => i.version);
    await db.catalogueInstalls.bulkDelete(stale);
    const kept = [...current, ...installs.filter((i) => !stale.includes(i.version)).map((i) => i.version)];
    if (kept.length === 0) await db.catalogueSections.clear();
    else await db.catalogueSections.where('version').noneOf(kept).delete();
  });
}

/** The versions whose sections the installed catalogue reads: its base and its update layers. */
export function storedVersions(meta: Pick<CatalogueMeta, 'version' | 'layers'> | undefined): string[] {
  return meta ? [meta.version, ...(meta.layers ?? [])] : [];
}

/** Whether sections of a version the current catalogue does not read are stored (read from the version index alone). */
export async function hasUnusedSections(db: CatalogueDatabase, current: readonly string[]): Promise<boolean> {
  return (
    (await db.catalogueSections
      .where('version')
      .noneOf([...current])
      .count()) > 0
  );
}

export async function installedCatalogueMeta(db: CatalogueDatabase): Promise<CatalogueMeta | undefined> {
  return db.catalogueMeta.get('current');
}

const decoder = new TextDecoder();

/** Sections together this small are read in one request (a waking worker's, about 24 MB at a million papers). */
const ONE_READ_BYTES = 64 * 2 ** 20;

/** A stored version's sections, read when asked for: each section in one read transaction, its chunks joined. */
function storedSections(db: CatalogueDatabase, header: CatalogueHeader): SectionSource {
  const loaded = new Map<string, Uint8Array>();
  const sizes = new Map(header.sections.map((info) => [info.name, info.byteLength]));
  return {
    header,
    loaded,
    async load(names) {
      /** These sections' records, in one read transaction (Blob handles, or old records' bytes). */
      const records = (wanted: readonly string[]) =>
        db.transaction('r', db.catalogueSections, async () => {
          const keys = wanted.map((name) => sectionKeys(header.version, name, sizes.get(name) ?? 0));
          const found = await db.catalogueSections.bulkGet(keys.flat());
          let at = 0;
          return wanted.map((name, k) => {
            const own = found.slice(at, (at += keys[k]!.length));
            if (own.some((r) => r === undefined)) {
              throw new CatalogueError(`The catalogue's "${name}" section is not in the database (was the catalogue replaced meanwhile?).`);
            }
            return own as CatalogueSectionRecord[];
          });
        });
      let read: Array<[string, Uint8Array]>;
      if (names.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0) <= ONE_READ_BYTES) {
        // A few small sections (a wake's): one request for all their records, not a round trip each; read together.
        const found = await records(names);
        read = await Promise.all(names.map(async (name, k) => [name, await joinChunks(found[k]!)] as [string, Uint8Array]));
      } else {
        // One section at a time: at most one section's chunks and its joined copy are held at once.
        read = [];
        for (const name of names) read.push([name, await joinChunks((await records([name]))[0]!)]);
      }
      for (const [name, bytes] of read) loaded.set(name, bytes);
    },
  };
}

/**
 * The installed catalogue with the sections matching needs read (wakeSections), the others read on ensureSections, its
 * update layers on top when it has some; or undefined when none is installed or a header is gone. Throws
 * CatalogueError when what it reads is damaged.
 */
export async function loadInstalledCatalogue(db: CatalogueDatabase): Promise<CatalogueView | undefined> {
  const meta = await db.catalogueMeta.get('current');
  if (!meta) return undefined;
  const parts: CatalogueData[] = [];
  for (const version of storedVersions(meta)) {
    const part = await loadStoredVersion(db, version);
    if (!part) return undefined;
    parts.push(part);
  }
  return parts.length === 1 ? parts[0] : new LayeredCatalogue(parts);
}

/** One stored version (a catalogue or an update layer) with its wake sections read, or undefined without its header. */
async function loadStoredVersion(db: CatalogueDatabase, version: string): Promise<CatalogueData | undefined> {
  const record = await db.catalogueSections.get([version, HEADER_SECTION, 0]);
  if (!record) return undefined;
  let header: CatalogueHeader;
  try {
    header = JSON.parse(decoder.decode(record.bytes instanceof Blob ? await record.bytes.arrayBuffer() : record.bytes)) as CatalogueHeader;
    if (!Array.isArray(header?.sections)) throw new Error('it lists no sections');
  } catch (error) {
    throw new CatalogueError(`This catalogue is damaged: its stored header is not readable (${(error as Error).message}).`);
  }
  const source = storedSections(db, header);
  await source.load(wakeSections(header));
  return catalogueFromSections(source);
}
