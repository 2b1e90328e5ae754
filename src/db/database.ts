// The Dexie database: replaceable catalogue tables kept apart from the user's own tables.
import Dexie, { type Table } from 'dexie';
import type { PaperKey, PaperRef, TopicTag } from '../core/paper.ts';
import { dropJsonCatalogue } from './upgrades/2026-11-26-packed-catalogue.ts';
import { forgetPaperRows } from './upgrades/2026-12-03-drop-catalogue-papers.ts';

/** The installed catalogue's packed bytes: a waking worker rebuilds its index from this one record. */
export interface CatalogueBlob {
  version: string;
  bytes: ArrayBuffer;
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
  /** Publication year and venue, when an imported reference file gave them (pages rarely show them). */
  year?: number;
  venue?: string;
  /** The user's own tags, notes and read mark (not indexed: the popup searches them in memory). */
  userTags?: string[];
  note?: string;
  read?: boolean;
}

/** Catalogue papers' topics re-tagged under the user's taxonomy (src/core/topics/overlay.ts), for one catalogue version. */
export interface TopicOverlayRecord {
  /** `<catalogue version>|<taxonomy revision>`. */
  key: string;
  catalogueVersion: string;
  revision: string;
  topicIds: string[];
  perPaper: number;
  ids: ArrayBuffer;
  confidence: ArrayBuffer;
  changed: number;
  createdAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class PaperscopeDatabase extends Dexie {
  catalogueBlobs!: Table<CatalogueBlob, string>;
  catalogueMeta!: Table<CatalogueMeta, string>;
  savedPapers!: Table<SavedRecord, string>;
  settings!: Table<SettingRecord, string>;
  catalogueTopics!: Table<TopicOverlayRecord, string>;

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
    // v2 (2026-11-26): drop v1's catalogue tables, whose primary keys change (Dexie cannot change one in place).
    this.version(2).stores({ catalogueBlobs: null, cataloguePapers: null });
    // v3 (2026-11-26): catalogues are packed blobs keyed by version, so a new one lands beside the old one.
    this.version(3)
      .stores({
        catalogueBlobs: 'version',
        cataloguePapers: 'key, year',
      })
      .upgrade(dropJsonCatalogue);
    // v4 (2026-11-26): catalogue papers re-tagged under the user's taxonomy, kept so a waking worker need not redo it.
    this.version(4).stores({ catalogueTopics: 'key' });
    // v5 (2026-12-03): drop the per-paper catalogue table, written on every install and never read (the packed blob serves all).
    this.version(5).stores({ cataloguePapers: null }).upgrade(forgetPaperRows);
  }
}
