// Reads the bundled seed catalogue from assets/ (for npm start, tests and benchmarks).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCatalogue, type CatalogueData } from '../core/catalogue/artifact.ts';
import type { CataloguePaper } from '../core/paper.ts';

export const BUNDLED_CATALOGUE = resolve(process.cwd(), 'assets/catalogue/catalogue.psc');

export function readBundledCatalogue(): CatalogueData {
  return readCatalogue(new Uint8Array(readFileSync(BUNDLED_CATALOGUE)));
}

export function bundledPapers(): CataloguePaper[] {
  const data = readBundledCatalogue();
  return Array.from({ length: data.paperCount }, (_, i) => data.paper(i));
}
