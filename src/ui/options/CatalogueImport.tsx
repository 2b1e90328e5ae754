// Options "Import a catalogue": pick a file, replace or merge, watch the progress, cancel; the work runs in a worker.
import { useEffect, useRef, useState } from 'preact/hooks';
import { megabytes } from '../../core/megabytes.ts';
import { call } from '../../messaging/client.ts';
import type { ImportEvent, ImportFailure, ImportMode, ImportRequest, ImportStage } from '../../importer/protocol.ts';
import { t, tCount, tWith, type MessageName } from '../../shared/i18n.ts';
import { formatBytes, MAX_CATALOGUE_PAPERS, MAX_PACKED_CATALOGUE_BYTES, MAX_PACKED_CATALOGUE_PAPERS } from '../../core/catalogue/formats/inputLimits.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; event?: Extract<ImportEvent, { type: 'progress' }>; switched?: boolean }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const STAGE_MESSAGES: Record<ImportStage, MessageName> = {
  reading: 'optionsImportReading',
  building: 'optionsImportBuilding',
  installing: 'optionsImportInstalling',
};

/** "Reading 12,000 papers, 40 merged, 3 skipped (35% of the file)". */
function progressText(progress: Extract<ImportEvent, { type: 'progress' }>): string {
  const parts = [t(STAGE_MESSAGES[progress.stage], progress.papers.toLocaleString())];
  if (progress.merged) parts.push(t('optionsImportProgressMerged', progress.merged.toLocaleString()));
  if (progress.rejected) parts.push(t('optionsImportProgressSkipped', progress.rejected.toLocaleString()));
  return t('optionsImportProgress', [parts.join(', '), Math.round((100 * progress.bytesRead) / Math.max(1, progress.bytesTotal))]);
}

/** Why an import failed, in the user's language (the worker sends a code; technical details stay as they are). */
export function failureText(failure: ImportFailure): string {
  switch (failure.code) {
    case 'cancelled':
      return t('optionsImportCancelled');
    case 'noSpace':
      // Refused before writing, with the browser's figures; or the disk filled up while writing.
      return failure.needed !== undefined && failure.free !== undefined
        ? t('optionsImportNeedsSpace', [megabytes(failure.needed), megabytes(failure.free)])
        : t('optionsImportNoSpace');
    case 'storage':
      return t('optionsImportStorageFailed', failure.detail);
    case 'empty':
      return t('optionsImportEmptyFile', failure.file);
    case 'noPapers':
      return failure.firstProblem ? t('optionsImportNoPapersProblem', [failure.file, failure.firstProblem]) : t('optionsImportNoPapers', failure.file);
    case 'unknownFormat':
      return t('optionsImportUnknownFormat', failure.file);
    case 'tooLarge':
      return t('optionsImportTooLarge', [
        failure.file,
        formatBytes(failure.limitBytes),
        (failure.limitBytes === MAX_PACKED_CATALOGUE_BYTES ? MAX_PACKED_CATALOGUE_PAPERS : MAX_CATALOGUE_PAPERS).toLocaleString(),
      ]);
    case 'tooManyPapers':
      return t('optionsImportTooManyPapers', [failure.file, failure.limit.toLocaleString()]);
    case 'mergeTooLarge':
      return t('optionsImportMergeTooLarge', [failure.total.toLocaleString(), failure.limit.toLocaleString()]);
    case 'unreadable':
      return t('optionsImportUnreadable', failure.detail);
    case 'failed':
      return t('optionsImportFailed', failure.detail);
  }
}

export function CatalogueImport({ onChanged }: { onChanged: () => Promise<void> }) {
  const [file, setFile] = useState<File | undefined>();
  const [mode, setMode] = useState<ImportMode>('replace');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const worker = useRef<Worker | undefined>(undefined);
  /** The version installed when the import started: after a cancel, it tells whether the import got as far as the switch. */
  const versionBefore = useRef<Promise<string | undefined>>(Promise.resolve(undefined));

  useEffect(() => () => worker.current?.terminate(), []);

  const start = () => {
    if (!file) return;
    worker.current?.terminate();
    const w = new Worker(new URL('../../importer/importWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    versionBefore.current = call('catalogueInfo', {}).then(
      (info) => info.version,
      () => undefined,
    );
    setStatus({ kind: 'running' });
    // The background reloading the new catalogue and this page showing it; "done" waits for both.
    let refreshed: Promise<void> = Promise.resolve();
    w.onmessage = async (message: MessageEvent<ImportEvent>) => {
      const event = message.data;
      if (event.type === 'progress') setStatus((s) => ({ kind: 'running', event, switched: s.kind === 'running' && s.switched }));
      else if (event.type === 'switched') {
        setStatus((s) => ({ ...(s.kind === 'running' ? s : { kind: 'running' }), switched: true }));
        refreshed = call('catalogueChanged', {}).then(onChanged, onChanged);
        await refreshed;
      } else if (event.type === 'done') {
        await refreshed;
        const papers = tCount(event.paperCount, 'commonPaperCountOne', 'commonPaperCountMany');
        const parts = [
          event.layered ? t('optionsImportAddedLayer', [tCount(event.layered.added, 'commonPaperCountOne', 'commonPaperCountMany'), papers]) : t('optionsImportInstalled', papers),
        ];
        if (event.merged) parts.push(t('optionsImportDuplicatesMerged', event.merged.toLocaleString()));
        if (event.rejected) parts.push(t('optionsImportRecordsSkipped', [event.rejected.toLocaleString(), event.firstRejections.join('; ')]));
        setStatus({ kind: 'done', message: t('optionsImportDone', parts.join('; ')) });
        w.terminate();
      } else if (event.type === 'failed') {
        setStatus({ kind: 'failed', message: failureText(event.failure) });
        w.terminate();
      }
    };
    w.onerror = (error) => setStatus({ kind: 'failed', message: t('optionsImportStopped', error.message) });
    w.postMessage({ type: 'start', file, mode } satisfies ImportRequest);
  };

  /**
   * Stops the worker where it is: a parse or a build is one long step that would never see a message, so the worker is
   * terminated, not asked. It may have been stopped in the middle of installing, where the database either switched
   * or did not: the background, reloading from it, says which catalogue is current.
   */
  const cancel = async () => {
    const w = worker.current;
    if (!w) return;
    w.onmessage = null;
    w.onerror = null;
    w.terminate();
    worker.current = undefined;
    const was = await versionBefore.current;
    const now = await call('catalogueChanged', {}).catch(() => undefined);
    if (!now || now.version === was) {
      setStatus({ kind: 'failed', message: t('optionsImportCancelled') });
      return;
    }
    setStatus({ kind: 'done', message: t('optionsImportCancelledTooLate', tCount(now.paperCount, 'commonPaperCountOne', 'commonPaperCountMany')) });
    await onChanged();
  };

  const restore = async () => {
    setStatus({ kind: 'running' });
    try {
      const result = await call('restoreBundledCatalogue', {});
      setStatus({ kind: 'done', message: t('optionsRestoredBundled', result.paperCount) });
      void onChanged();
    } catch (error) {
      setStatus({ kind: 'failed', message: t('optionsRestoreBundledFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  const running = status.kind === 'running';
  const progress = status.kind === 'running' ? status.event : undefined;
  return (
    <div class="import" id="catalogue-import" data-import="">
      <h3>{t('optionsImportTitle')}</h3>
      <p class="hint">{tWith('optionsImportHint', [<code key="extension">.psc</code>, <code key="command">npx paperscope build-catalogue</code>])}</p>
      <div class="import-controls">
        <label>
          {t('optionsImportFile')}{' '}
          <input type="file" data-control="catalogue-file" disabled={running} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
        <fieldset class="import-mode" disabled={running}>
          <legend>{t('optionsImportHow')}</legend>
          <label>
            <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('optionsImportReplace')}
          </label>
          <label>
            <input type="radio" name="import-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('optionsImportMerge')}
          </label>
        </fieldset>
        <div class="paper-actions">
          <button type="button" class="button" data-action="import" disabled={!file || running} onClick={start}>
            {t('optionsImportButton')}
          </button>
          <button type="button" class="button" data-action="cancel-import" disabled={!running || (status.kind === 'running' && status.switched)} onClick={() => void cancel()}>
            {t('commonCancel')}
          </button>
          <button type="button" class="button" data-action="restore-bundled" disabled={running} onClick={restore}>
            {t('optionsRestoreBundled')}
          </button>
        </div>
      </div>
      {running && (
        <div class="import-progress" role="status" aria-live="polite" data-import-status="running">
          <progress max={progress?.bytesTotal || 1} value={progress ? Math.min(progress.bytesRead, progress.bytesTotal) : undefined} />
          <span data-field="import-counts">{progress ? progressText(progress) : t('optionsImportStarting')}</span>
        </div>
      )}
      {status.kind === 'done' && (
        <p class="note" role="status" data-import-status="done">
          {status.message}
        </p>
      )}
      {status.kind === 'failed' && (
        <p class="note note--error" role="alert" data-import-status="failed">
          {status.message}
        </p>
      )}
    </div>
  );
}
