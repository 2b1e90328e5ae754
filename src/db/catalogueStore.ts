// Installing and reading the catalogue: one transaction over catalogue tables only, so a failure changes nothing.
import type { CatalogueArtifact } from '../core/catalogue.ts';
import { checkCatalogue } from '../core/catalogue.ts';
import type { CatalogueMeta, PaperscopeDatabase } from './database.ts';

export async function installCatalogue(
  db: PaperscopeDatabase,
  artifact: CatalogueArtifact,
  origin: CatalogueMeta['origin'],
  now = Date.now(),
): Promise<CatalogueMeta> {
  const meta: CatalogueMeta = {
    id: 'current',
    version: artifact.version,
    paperCount: artifact.paperCount,
    source: artifact.source,
    origin,
    installedAt: now,
  };
  await db.transaction('rw', [db.catalogueBlobs, db.catalogueMeta, db.cataloguePapers], async () => {
    await db.cataloguePapers.clear();
    await db.cataloguePapers.bulkPut(artifact.papers);
    await db.catalogueBlobs.put({ name: 'artifact', version: artifact.version, json: JSON.stringify(artifact) });
    await db.catalogueMeta.put(meta);
  });
  return meta;
}

export async function installedCatalogueMeta(db: PaperscopeDatabase): Promise<CatalogueMeta | undefined> {
  return db.catalogueMeta.get('current');
}

/** The installed artifact from its packed record, or undefined when none is installed. */
export async function loadInstalledCatalogue(db: PaperscopeDatabase): Promise<CatalogueArtifact | undefined> {
  const blob = await db.catalogueBlobs.get('artifact');
  return blob ? checkCatalogue(JSON.parse(blob.json)) : undefined;
}
