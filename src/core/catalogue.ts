// The catalogue artifact: its versioned shape, how it is assembled from papers, and how it is checked on load.
import { paperKey, normalizeArxivId } from './paperKey.ts';
import type { CataloguePaper } from './paper.ts';
import { cleanText } from './titles.ts';
import { tagPaper } from './topics.ts';
import { buildVocabulary, type Vocabulary } from './related.ts';

export const CATALOGUE_FORMAT = 'paperscope-catalogue';
export const CATALOGUE_FORMAT_VERSION = 1;
export const CATALOGUE_FILE = 'catalogue.json';

export interface CatalogueArtifact {
  format: typeof CATALOGUE_FORMAT;
  formatVersion: number;
  /** Content hash: the same papers give the same version. */
  version: string;
  /** Where the papers came from, in words. */
  source: string;
  paperCount: number;
  papers: CataloguePaper[];
  vocabulary: Vocabulary;
}

/** A paper as parsed from some input, before keys and tags. */
export interface RawPaper {
  title: string;
  abstract?: string;
  authors?: string[];
  categories?: string[];
  arxivId?: string;
  doi?: string;
  year?: number;
}

export function toCataloguePaper(raw: RawPaper): CataloguePaper {
  const title = cleanText(raw.title);
  const abstract = cleanText(raw.abstract);
  const categories = raw.categories ?? [];
  const arxivId = raw.arxivId ? normalizeArxivId(raw.arxivId) : undefined;
  const paper: CataloguePaper = {
    key: paperKey({ arxivId, doi: raw.doi, title }),
    title,
    authors: raw.authors ?? [],
    categories,
    abstract,
    tags: tagPaper({ title, abstract, categories }),
  };
  if (arxivId) paper.arxivId = arxivId;
  if (raw.doi) paper.doi = raw.doi.toLowerCase();
  if (raw.year) paper.year = raw.year;
  return paper;
}

/** Assemble an artifact; `hash` is injected so core stays free of Node and browser crypto. */
export function assembleCatalogue(
  raws: RawPaper[],
  source: string,
  hash: (text: string) => string,
): { artifact: CatalogueArtifact; merged: number } {
  const byKey = new Map<string, CataloguePaper>();
  let merged = 0;
  for (const raw of raws) {
    const paper = toCataloguePaper(raw);
    if (byKey.has(paper.key)) merged++;
    byKey.set(paper.key, paper); // a later record of the same paper wins
  }
  const papers = [...byKey.values()];
  const vocabulary = buildVocabulary(papers);
  const version = hash(JSON.stringify([papers, vocabulary]));
  return {
    artifact: {
      format: CATALOGUE_FORMAT,
      formatVersion: CATALOGUE_FORMAT_VERSION,
      version,
      source,
      paperCount: papers.length,
      papers,
      vocabulary,
    },
    merged,
  };
}

export class CatalogueError extends Error {}

/** Check that a parsed JSON value is a catalogue this code can read; throws CatalogueError in plain words. */
export function checkCatalogue(value: unknown): CatalogueArtifact {
  const v = value as Partial<CatalogueArtifact> | null;
  if (!v || typeof v !== 'object' || v.format !== CATALOGUE_FORMAT) {
    throw new CatalogueError('This file is not a Paperscope catalogue.');
  }
  if (v.formatVersion !== CATALOGUE_FORMAT_VERSION) {
    throw new CatalogueError(`This catalogue has format version ${String(v.formatVersion)}; this Paperscope reads version ${CATALOGUE_FORMAT_VERSION}.`);
  }
  if (!Array.isArray(v.papers) || v.papers.length !== v.paperCount || typeof v.version !== 'string') {
    throw new CatalogueError('This catalogue is damaged: its paper list does not match its header.');
  }
  if (!v.vocabulary || !Array.isArray(v.vocabulary.terms) || !Array.isArray(v.vocabulary.idf)) {
    throw new CatalogueError('This catalogue is damaged: its vocabulary is missing.');
  }
  return v as CatalogueArtifact;
}
