// The saved library: saving and removing papers, the user's fields on them, citation files, backup and restore.
import { wordedWrite } from '../../db/storageErrors.ts';
import { backupLibrary, exportLibrary, importLibrary, restoreLibrary, savedPaperOf, updateSaved, userFields } from '../libraryFiles.ts';
import { LIMITS, type SavedPaper } from '../../messaging/shapes.ts';
import { BackupTransfers } from '../backupTransfers.ts';
import type { WorkerServices } from '../services.ts';
import type { PageHandlers } from './context.ts';

type LibraryHandlers = Pick<
  PageHandlers,
  'setSaved' | 'listSaved' | 'updateSaved' | 'exportLibrary' | 'importLibrary' | 'backup' | 'backupPart' | 'restoreBegin' | 'restorePart' | 'restore'
>;

/** Saved papers read from the database at a time while a page of `listSaved` is filled. */
const LIST_BATCH = 200;

export function libraryHandlers({ userDb: db, catalogue, savedKeys, seen, taxonomy, interests, tellTabs }: WorkerServices): LibraryHandlers {
  // A backup, either way, crosses in bounded parts: one message of a whole library could pass Chrome's 64 MiB limit.
  const transfers = new BackupTransfers(LIMITS.backupPart, LIMITS.backupFile);
  return {
    async setSaved({ paper, saved }) {
      const keys = await savedKeys.get();
      if (saved) {
        const [index, existing] = await Promise.all([catalogue.index(), db.savedPapers.get(paper.key)]);
        const tags = await index.withSections(() => index.tagsFor(paper));
        // Answered once it is on disk (the database writes durably); a failure is answered in words, never as saved.
        await wordedWrite(() =>
          db.savedPapers.put({
            // Saving again must not lose the user's tags, note and read mark.
            ...userFields(existing),
            key: paper.key,
            title: paper.title,
            authors: paper.authors ?? [],
            url: paper.url,
            ref: paper,
            tags,
            savedAt: Date.now(),
          }),
        );
        keys.add(paper.key);
      } else {
        await wordedWrite(() => db.savedPapers.delete(paper.key));
        keys.delete(paper.key);
        savedKeys.tagsChanged();
      }
      interests.changed();
      await tellTabs({ type: 'savedChanged', request: { key: paper.key, saved } });
      return { key: paper.key, saved };
    },

    async listSaved({ from = 0 }) {
      const page: SavedPaper[] = [];
      let chars = 0;
      for (let at = from; ; at += LIST_BATCH) {
        const batch = await db.savedPapers.orderBy('savedAt').reverse().offset(at).limit(LIST_BATCH).toArray();
        for (const record of batch) {
          const paper = savedPaperOf(record);
          const size = JSON.stringify(paper).length;
          if (page.length > 0 && chars + size > LIMITS.backupPart) return page;
          page.push(paper);
          chars += size;
        }
        if (batch.length < LIST_BATCH) return page;
      }
    },

    async updateSaved(request) {
      const paper = await updateSaved(db, request);
      // The user's tags are what the model learns besides the papers (a note or a read mark is not), and pages' feed
      // bars filter by them: tabs ask again once the model is learned again (several edits, one rescan).
      if (request.userTags !== undefined) {
        savedKeys.tagsChanged();
        interests.changed({ shownOnPages: true });
      }
      return paper;
    },

    async exportLibrary(request) {
      return exportLibrary(db, await catalogue.index(), request);
    },

    async importLibrary(request) {
      const { added, merged, keys } = await importLibrary(db, await catalogue.index(), request);
      const saved = await savedKeys.get();
      for (const key of keys) saved.add(key);
      savedKeys.tagsChanged();
      interests.changed();
      // One rescan per tab rather than a message per imported paper.
      await tellTabs({ type: 'settingsChanged', request: {} });
      return { added, merged };
    },

    async backup() {
      const { filename, text } = await backupLibrary(db);
      return { filename, ...transfers.offer(text) };
    },

    async backupPart({ id, index }) {
      return { text: transfers.part(id, index) };
    },

    async restoreBegin({ chars, parts }) {
      return { uploadId: transfers.beginUpload(chars, parts) };
    },

    async restorePart({ uploadId, index, text }) {
      transfers.addPart(uploadId, index, text);
      return { received: index + 1 };
    },

    async restore({ uploadId }) {
      // Applied only once every part has come: an upload cut short changes nothing. Sightings waiting go in first, so
      // the backup's seen papers replace them too.
      await seen.settled();
      const result = await restoreLibrary(db, transfers.finishUpload(uploadId));
      savedKeys.forget();
      // The backup's seen papers and their switches replace the remembered ones.
      seen.reloaded();
      // The backup's taxonomy edits (in its settings) apply from now on.
      await taxonomy.reload();
      interests.changed();
      // Saved papers and site switches may both have changed: every tab rescans.
      await tellTabs({ type: 'settingsChanged', request: {} });
      return result;
    },
  };
}
