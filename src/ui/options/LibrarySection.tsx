// Options "Your library": export saved papers (BibTeX, RIS, CSL-JSON), import reference files, back up and restore.
import { useId, useRef, useState } from 'preact/hooks';
import type { ReferenceFile } from '../../core/citations/referenceImport.ts';
import type { ReferenceReply, ReferenceRequest } from '../../importer/protocol.ts';
import { call } from '../../messaging/client.ts';
import { clampRef, LIMITS } from '../../messaging/shapes.ts';
import { textParts } from '../../core/textParts.ts';
import { parseBackup } from '../../db/backup.ts';
import { wordsOf } from '../../messaging/wordedError.ts';
import { downloadParts, downloadText } from '../components/download.ts';
import { Section } from '../components/Section.tsx';
import { t, tCount, type MessageName } from '../../shared/i18n.ts';

interface Outcome {
  message: string;
  details?: string[];
  /** Fields of imported papers kept as raw text or dropped ("refs.bib line 120: abstract kept as raw text: unbalanced $"). */
  warnings?: string[];
}

type Status = { kind: 'idle' } | ({ kind: 'running' | 'done' | 'failed' } & Outcome);

const EXPORTS = [
  { format: 'bibtex', action: 'export-bibtex', label: 'BibTeX' },
  { format: 'ris', action: 'export-ris', label: 'RIS' },
  { format: 'csl-json', action: 'export-csl', label: 'CSL-JSON' },
] as const;

/** Skipped entries listed under an import's result; the rest are counted. */
const SHOWN_REJECTIONS = 10;

/** "1 paper", "12 papers". */
function papers(n: number): string {
  return tCount(n, 'commonPaperCountOne', 'commonPaperCountMany');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error this page worded itself from the messages file: shown as it is, without a lead. */
class WordedError extends Error {}

/** Skipped entries: one reason each, except that a long list ends with "… and N more entries skipped". */
function skippedCount(reasons: string[]): number {
  const more = /^… and (\d+) more/.exec(reasons.at(-1) ?? '');
  return more ? reasons.length - 1 + Number(more[1]) : reasons.length;
}

/** Warnings listed under an import's result; the rest are counted. */
const SHOWN_WARNINGS = 10;

/** The user cancelled reading a reference file: nothing was saved. */
class ImportCancelled extends Error {}

/**
 * Reads a whole reference file in a worker of its own (the parser is large and a hostile file can be slow: the page stays
 * responsive, and `stop` terminates the worker), then has the background save every paper in one transaction.
 */
async function importReferences(
  file: File,
  onWorker: (stop: (() => void) | undefined) => void,
): Promise<{ added: number; merged: number; rejected: string[]; warnings: string[] }> {
  const read = await new Promise<ReferenceFile>((resolve, reject) => {
    const worker = new Worker(new URL('../../importer/referenceWorker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      onWorker(undefined);
    };
    onWorker(() => {
      finish();
      reject(new ImportCancelled());
    });
    worker.onmessage = (event: MessageEvent<ReferenceReply>) => {
      finish();
      if (event.data.ok) resolve(event.data.file);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message));
    };
    worker.postMessage({ file } satisfies ReferenceRequest);
  });
  if (read.papers.length > LIMITS.importedPapers) {
    throw new WordedError(t('optionsLibraryTooManyPapers', [read.papers.length.toLocaleString(), LIMITS.importedPapers.toLocaleString()]));
  }
  const papers = read.papers.map((paper) => ({ ...paper, ref: clampRef(paper.ref), venue: paper.venue?.slice(0, LIMITS.title) }));
  const saved = await call('importLibrary', { papers });
  return { added: saved.added, merged: saved.merged + read.repeats, rejected: read.rejected, warnings: read.warnings };
}

/** The chosen file, at most `maxBytes`; the input is cleared so choosing the same file again works again. */
function chosenFileOf(input: HTMLInputElement, maxBytes: number): File | undefined {
  const file = input.files?.[0];
  input.value = '';
  if (file && file.size > maxBytes) {
    throw new WordedError(t('optionsLibraryFileTooLarge', [file.name, (file.size / 1e6).toFixed(1), Math.floor(maxBytes / 1e6)]));
  }
  return file;
}

/** The chosen file's text; the input is cleared so choosing the same file again works again. */
async function chosenFile(input: HTMLInputElement, maxBytes: number): Promise<{ name: string; text: string } | undefined> {
  const file = chosenFileOf(input, maxBytes);
  return file && { name: file.name, text: await file.text() };
}

/** The backup, fetched from the worker in parts (one message of a whole library could pass the browser's limit). */
async function fetchBackup(): Promise<{ filename: string; parts: string[] }> {
  const { id, filename, parts: count } = await call('backup', {});
  const parts: string[] = [];
  for (let index = 0; index < count; index++) parts.push((await call('backupPart', { id, index })).text);
  return { filename, parts };
}

/**
 * Checks a backup file here first (a file that is not a backup is told without sending it), then sends it to the
 * worker in parts; the worker checks it again and applies it only once every part has come, all or nothing.
 */
async function sendBackup(text: string): Promise<{ savedPapers: number; settings: number }> {
  try {
    // The database's version is the worker's to check; here, everything else.
    parseBackup(text, Number.MAX_SAFE_INTEGER);
  } catch (error) {
    const words = wordsOf(error);
    throw words ? new WordedError(t('optionsLibraryRestoreFailed', t(words.name, words.substitutions))) : error;
  }
  const parts = textParts(text, LIMITS.backupPart);
  const { uploadId } = await call('restoreBegin', { chars: text.length, parts: parts.length });
  for (const [index, part] of parts.entries()) await call('restorePart', { uploadId, index, text: part });
  return call('restore', { uploadId });
}

export function LibrarySection({ onRestored }: { onRestored?: () => void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const warningId = useId();
  const running = status.kind === 'running';
  /** Stops the reference-file worker while it reads; undefined when nothing can be cancelled. */
  const stopReading = useRef<(() => void) | undefined>(undefined);
  const [cancellable, setCancellable] = useState(false);

  /**
   * Runs one action, showing its progress, its result, or its error in the one status line. Errors from elsewhere (the
   * background, the file readers) get the action's lead in the user's language before their own words.
   */
  const run = async (working: string, failed: MessageName, action: () => Promise<Outcome>) => {
    setStatus({ kind: 'running', message: working });
    try {
      setStatus({ kind: 'done', ...(await action()) });
    } catch (error) {
      if (error instanceof ImportCancelled) setStatus({ kind: 'done', message: t('optionsLibraryImportCancelled') });
      else setStatus({ kind: 'failed', message: error instanceof WordedError ? error.message : t(failed, messageOf(error)) });
    }
  };

  const exportAs = (format: (typeof EXPORTS)[number]['format'], label: string) =>
    run(t('optionsLibraryExporting', label), 'optionsLibraryExportFailed', async () => {
      const file = await call('exportLibrary', { format });
      if (file.count === 0) return { message: t('optionsLibraryExportEmpty') };
      downloadText(file.text, file.filename, file.mime);
      return { message: t('optionsLibraryExported', [papers(file.count), label, file.filename]) };
    });

  const importFile = (input: HTMLInputElement) =>
    run(t('optionsLibraryImporting'), 'optionsLibraryImportFailed', async () => {
      const file = chosenFileOf(input, LIMITS.libraryFile);
      if (!file) return { message: t('optionsLibraryNoFile') };
      const result = await importReferences(file, (stop) => {
        stopReading.current = stop;
        setCancellable(stop !== undefined);
      });
      const parts = [t('optionsLibraryAdded', [papers(result.added), file.name])];
      if (result.merged) parts.push(t('optionsLibraryAlreadyThere', papers(result.merged)));
      if (result.rejected.length) parts.push(t('optionsLibrarySkipped', tCount(skippedCount(result.rejected), 'optionsLibraryEntryCountOne', 'optionsLibraryEntryCountMany')));
      const details = result.rejected.slice(0, SHOWN_REJECTIONS);
      if (result.rejected.length > SHOWN_REJECTIONS) details.push(t('optionsLibraryMoreSkipped', skippedCount(result.rejected) - SHOWN_REJECTIONS));
      if (result.warnings.length) parts.push(t('optionsLibraryFieldWarnings', tCount(result.warnings.length, 'optionsLibraryFieldCountOne', 'optionsLibraryFieldCountMany')));
      return { message: t('optionsLibraryImported', parts.join('; ')), details, warnings: result.warnings.slice(0, SHOWN_WARNINGS) };
    });

  const backup = () =>
    run(t('optionsLibraryBackingUp'), 'optionsLibraryBackupFailed', async () => {
      const file = await fetchBackup();
      downloadParts(file.parts, file.filename, 'application/json');
      return { message: t('optionsLibraryBackedUp', file.filename) };
    });

  const restore = (input: HTMLInputElement) =>
    run(t('optionsLibraryRestoring'), 'optionsLibraryRestoreFailed', async () => {
      const file = await chosenFile(input, LIMITS.backupFile);
      if (!file) return { message: t('optionsLibraryNoFile') };
      const result = await sendBackup(file.text);
      onRestored?.();
      const savedPapers = tCount(result.savedPapers, 'optionsLibrarySavedPaperCountOne', 'optionsLibrarySavedPaperCountMany');
      const settings = tCount(result.settings, 'optionsLibrarySettingCountOne', 'optionsLibrarySettingCountMany');
      return { message: t('optionsLibraryRestored', [savedPapers, settings, file.name]) };
    });

  return (
    <Section name="library" title={t('optionsLibraryTitle')}>
      <p class="hint">{t('optionsLibraryHint')}</p>
      <div class="import">
        <h3>{t('optionsLibraryExportTitle')}</h3>
        <div class="paper-actions">
          {EXPORTS.map(({ format, action, label }) => (
            <button key={format} type="button" class="button" data-action={action} disabled={running} onClick={() => void exportAs(format, label)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      <div class="import">
        <h3>{t('optionsLibraryImportTitle')}</h3>
        <p class="hint">{t('optionsLibraryImportHint')}</p>
        <label>
          {t('optionsLibraryReferenceFile')}{' '}
          <input
            type="file"
            accept=".bib,.bibtex,.json,application/json,application/x-bibtex"
            data-control="library-import"
            disabled={running}
            onChange={(event) => void importFile(event.currentTarget as HTMLInputElement)}
          />
        </label>{' '}
        <button type="button" class="button" data-action="cancel-library-import" disabled={!cancellable} onClick={() => stopReading.current?.()}>
          {t('commonCancel')}
        </button>
      </div>
      <div class="import">
        <h3>{t('optionsLibraryBackupTitle')}</h3>
        <p class="hint">{t('optionsLibraryBackupHint')}</p>
        <div class="import-controls">
          <button type="button" class="button" data-action="backup" disabled={running} onClick={() => void backup()}>
            {t('optionsLibraryBackupButton')}
          </button>
          <p class="hint" id={warningId}>
            {t('optionsLibraryRestoreWarning')}
          </p>
          <label>
            {t('optionsLibraryRestoreLabel')}{' '}
            <input
              type="file"
              accept=".json,application/json"
              data-control="restore-file"
              aria-describedby={warningId}
              disabled={running}
              onChange={(event) => void restore(event.currentTarget as HTMLInputElement)}
            />
          </label>
        </div>
      </div>
      {status.kind !== 'idle' && (
        <div
          class={status.kind === 'failed' ? 'note note--error' : 'note'}
          role={status.kind === 'failed' ? 'alert' : 'status'}
          aria-live={status.kind === 'failed' ? undefined : 'polite'}
          data-library-status={status.kind}
        >
          <p>{status.message}</p>
          {status.details && status.details.length > 0 && (
            <ul data-library-rejected="">
              {status.details.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          )}
          {status.warnings && status.warnings.length > 0 && (
            <ul data-library-warnings="">
              {status.warnings.map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}
