// The Dexie database: replaceable catalogue tables kept apart from the user's own tables.
import Dexie, { type Table } from 'dexie';
import type { CataloguePaper, PaperKey, PaperRef, TopicTag } from '../core/paper.ts';

/** The installed catalogue as one packed record, so a waking worker rebuilds its index in one read. */
export interface CatalogueBlob {
  name: 'artifact';
  version: string;
  json: string;
}

export interface CatalogueMeta {
  id: 'current';
  version: string;
  paperCount: number;
  source: string;
  /** 'bundled' for the catalogue that ships with the extension. */
  origin: 'bundled' | 'imported';
  installedAt: number;
}

export interface SavedRecord {
  key: PaperKey;
  title: string;
  authors: string[];
  url?: string;
  ref: PaperRef;
  tags: TopicTag[];
  savedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class PaperscopeDatabase extends Dexie {
  catalogueBlobs!: Table<CatalogueBlob, string>;
  catalogueMeta!: Table<CatalogueMeta, string>;
  cataloguePapers!: Table<CataloguePaper, string>;
  savedPapers!: Table<SavedRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name = 'paperscope') {
    super(name);
    // v1 (2026-11-26): first schema; catalogue tables are replaced wholesale, user tables never by an install.
    this.version(1).stores({
      catalogueBlobs: 'name',
      catalogueMeta: 'id',
      cataloguePapers: 'key, arxivId, doi',
      savedPapers: 'key, savedAt',
      settings: 'key',
    });
  }
}

export const CATALOGUE_TABLES = ['catalogueBlobs', 'catalogueMeta', 'cataloguePapers'] as const;
export const USER_TABLES = ['savedPapers', 'settings'] as const;
