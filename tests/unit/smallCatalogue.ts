// Shared by the catalogue store's tests: a three-paper catalogue, and the versions a database holds sections of.
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../../src/core/catalogue/builder.ts';
import type { CatalogueDatabase } from '../../src/db/database.ts';

export function smallCatalogue() {
  const builder = new CatalogueBuilder({ source: 'small', withAbstracts: false });
  builder.add({ title: 'One', arxivId: '2101.00001' });
  builder.add({ title: 'Two', arxivId: '2101.00002' });
  builder.add({ title: 'Three', arxivId: '2101.00003' });
  return readCatalogue(builder.build());
}

/** The catalogue versions with sections stored. */
export const storedVersions = (db: CatalogueDatabase) => db.catalogueSections.orderBy('version').uniqueKeys();
