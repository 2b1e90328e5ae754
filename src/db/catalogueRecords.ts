// The catalogue database's stored records, apart from the database so its upgrades can name them.

/** The installed catalogue's packed bytes, one record per version, as v3 to v5 kept them (converted by v6). */
export interface CatalogueBlob {
  version: string;
  bytes: ArrayBuffer;
}

/**
 * One section of a stored catalogue, or one chunk of a large one (src/db/catalogueSections.ts): a waking worker reads
 * only the sections matching needs, the others on first use. The header is the record named HEADER_SECTION.
 */
export interface CatalogueSectionRecord {
  version: string;
  section: string;
  chunk: number;
  /**
   * The chunk's bytes: a Blob since 2026-12-06 (the browser reads a Blob's bytes from its file about twice as fast as
   * it clones a large ArrayBuffer out of the database, and joins a section's chunks itself); an ArrayBuffer in records
   * written before, and in the header record (small JSON).
   */
  bytes: ArrayBuffer | Blob;
}
