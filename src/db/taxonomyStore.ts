// The user's taxonomy edits (a settings record, user database) and the catalogue's re-tagged topics (one overlay per
// catalogue version, catalogue database: derived, so replaceable).
import type { PaperRef, TopicTag } from '../core/paper.ts';
import { effectiveTaxonomyLenient, withEdit, type EffectiveTaxonomy, type TaxonomyEdit } from '../core/topics/editedTaxonomy.ts';
import type { TopicOverlay } from '../core/topics/overlay.ts';
import { upgradeEdits } from '../core/topics/taxonomyUpgrade.ts';
import type { Check } from '../messaging/validate.ts';
import type { CatalogueDatabase, TopicOverlayRecord, UserDatabase } from './database.ts';
import { checkFreeSpace, wordedWrite } from './storageErrors.ts';

const EDITS_KEY = 'taxonomyEdits';

export interface StoredTaxonomy {
  edits: TaxonomyEdit[];
  /** Counts every change (edit or reset), so a page can tell the taxonomy it shows is stale. */
  revision: number;
  updatedAt: number;
}

/**
 * The stored edits (carried to the current built-in taxonomy) and the taxonomy they give; edits that no longer apply (an
 * old backup) or are malformed are skipped.
 */
export async function storedTaxonomy(db: UserDatabase, check: Check<TaxonomyEdit>): Promise<StoredTaxonomy & { taxonomy: EffectiveTaxonomy; skipped: number }> {
  const value = (await db.settings.get(EDITS_KEY))?.value as Partial<StoredTaxonomy> | undefined;
  const raw = Array.isArray(value?.edits) ? value.edits : [];
  const wellFormed: TaxonomyEdit[] = [];
  for (const edit of raw) {
    try {
      wellFormed.push(check(edit, 'edit'));
    } catch {
      // A malformed record (a hand-edited backup) is skipped like an edit that no longer applies.
    }
  }
  // Edits made against an earlier built-in taxonomy follow its topics to their successors (or keep them as the user's).
  const { taxonomy, kept, skipped } = effectiveTaxonomyLenient(upgradeEdits(wellFormed));
  return {
    edits: kept,
    revision: typeof value?.revision === 'number' ? value.revision : 0,
    updatedAt: typeof value?.updatedAt === 'number' ? value.updatedAt : 0,
    taxonomy,
    skipped: skipped + raw.length - wellFormed.length,
  };
}

/**
 * Validates one more edit against the stored list and stores it, in one transaction: a refused edit (TaxonomyEditError)
 * writes nothing, so the previous taxonomy and the saved papers stay as they were.
 */
export async function addTaxonomyEdit(
  db: UserDatabase,
  edit: TaxonomyEdit,
  check: Check<TaxonomyEdit>,
  now = Date.now(),
): Promise<StoredTaxonomy & { taxonomy: EffectiveTaxonomy }> {
  return wordedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const current = await storedTaxonomy(db, check);
      const next = withEdit(current.edits, edit);
      const stored: StoredTaxonomy = { edits: next.edits, revision: current.revision + 1, updatedAt: now };
      await db.settings.put({ key: EDITS_KEY, value: stored });
      return { ...stored, taxonomy: next.taxonomy };
    }),
  );
}

/** Back to the built-in taxonomy. */
export async function resetTaxonomyEdits(db: UserDatabase, check: Check<TaxonomyEdit>, now = Date.now()): Promise<StoredTaxonomy> {
  return wordedWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const current = await storedTaxonomy(db, check);
      const stored: StoredTaxonomy = { edits: [], revision: current.revision + 1, updatedAt: now };
      await db.settings.put({ key: EDITS_KEY, value: stored });
      return stored;
    }),
  );
}

export const overlayKey = (catalogueVersion: string, revision: string) => `${catalogueVersion}|${revision}`;

export async function loadTopicOverlay(db: CatalogueDatabase, catalogueVersion: string, revision: string): Promise<TopicOverlay | undefined> {
  const record = await db.catalogueTopics.get(overlayKey(catalogueVersion, revision));
  if (!record) return undefined;
  const ids = new Uint16Array(record.ids);
  const confidence = new Uint8Array(record.confidence);
  if (ids.length !== confidence.length || ids.length % Math.max(1, record.perPaper) !== 0) return undefined; // damaged: re-tag again
  const { done } = record;
  if (done !== undefined && !(Number.isInteger(done) && done >= 0 && done * record.perPaper <= ids.length)) return undefined;
  return { catalogueVersion, revision, topicIds: record.topicIds, perPaper: record.perPaper, ids, confidence, changed: record.changed, ...(done === undefined ? {} : { done }) };
}

/** Stores an overlay as the only one: overlays of other catalogues or revisions are never read again. */
export async function storeTopicOverlay(db: CatalogueDatabase, overlay: TopicOverlay, now = Date.now()): Promise<void> {
  const record: TopicOverlayRecord = {
    key: overlayKey(overlay.catalogueVersion, overlay.revision),
    catalogueVersion: overlay.catalogueVersion,
    revision: overlay.revision,
    topicIds: overlay.topicIds,
    perPaper: overlay.perPaper,
    ids: overlay.ids.slice().buffer as ArrayBuffer,
    confidence: overlay.confidence.slice().buffer as ArrayBuffer,
    changed: overlay.changed,
    ...(overlay.done === undefined ? {} : { done: overlay.done }),
    createdAt: now,
  };
  // Derived data: on a nearly full disk it is not kept (the re-tag is redone on a later wake) rather than written.
  await checkFreeSpace(record.ids.byteLength + record.confidence.byteLength);
  await db.transaction('rw', db.catalogueTopics, async () => {
    await db.catalogueTopics.where('key').notEqual(record.key).delete();
    await db.catalogueTopics.put(record);
  });
}

export async function dropTopicOverlays(db: CatalogueDatabase): Promise<void> {
  await db.catalogueTopics.clear();
}

/** Re-tags every saved paper in one transaction; answers how many papers' tags changed. */
export async function retagSavedPapers(db: UserDatabase, tagsFor: (ref: PaperRef, stored: TopicTag[]) => TopicTag[]): Promise<number> {
  let changed = 0;
  await wordedWrite(() =>
    db.transaction('rw', db.savedPapers, async () => {
      await db.savedPapers.toCollection().modify((record) => {
        const tags = tagsFor(record.ref, record.tags);
        if (JSON.stringify(tags) === JSON.stringify(record.tags)) return;
        record.tags = tags;
        changed++;
      });
    }),
  );
  return changed;
}
