// Upgrade to v6: each packed catalogue blob becomes one record per section (chunked), under the same version, so the
// switch record still names the catalogue in use. A blob that cannot be read is dropped: the worker then installs the
// bundled seed, as it did for a damaged blob before.
import type { Transaction } from 'dexie';
import { unpackSections } from '../../core/catalogue/packed.ts';
import type { CatalogueHeader } from '../../core/catalogue/artifact.ts';
import { sectionRecords } from '../catalogueSections.ts';
import type { CatalogueBlob } from '../catalogueRecords.ts';

export async function splitCatalogueBlobs(tx: Transaction): Promise<void> {
  const sections = tx.table('catalogueSections');
  const blobs = tx.table<CatalogueBlob, string>('catalogueBlobs');
  // One blob at a time: a catalogue may be hundreds of MB.
  for (const version of (await blobs.toCollection().primaryKeys()) as string[]) {
    const blob = await blobs.get(version);
    if (!blob) continue;
    let unpacked;
    try {
      unpacked = unpackSections<CatalogueHeader>(new Uint8Array(blob.bytes));
    } catch (error) {
      console.error(`paperscope: the stored catalogue ${version} is not readable and is dropped`, error);
      continue;
    }
    // The version it was stored under is the one the switch record names (the header's, for every blob we wrote).
    const header = { ...unpacked.header, version };
    for (const record of sectionRecords(header, unpacked.section)) await sections.put(record);
  }
}
