// Options "Import a catalogue": pick a file, replace or merge, watch the progress, cancel; the work runs in a worker.
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../../messaging/client.ts';
import type { ImportEvent, ImportMode, ImportRequest } from '../../importer/protocol.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; event?: Extract<ImportEvent, { type: 'progress' }>; switched?: boolean }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

const STAGE_WORDS = { reading: 'Reading', building: 'Building the index for', installing: 'Installing', filling: 'Finishing' };

export function CatalogueImport({ onChanged }: { onChanged: () => void }) {
  const [file, setFile] = useState<File | undefined>();
  const [mode, setMode] = useState<ImportMode>('replace');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const worker = useRef<Worker | undefined>(undefined);

  useEffect(() => () => worker.current?.terminate(), []);

  const start = () => {
    if (!file) return;
    worker.current?.terminate();
    const w = new Worker(new URL('../../importer/importWorker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setStatus({ kind: 'running' });
    w.onmessage = async (message: MessageEvent<ImportEvent>) => {
      const event = message.data;
      if (event.type === 'progress') setStatus((s) => ({ kind: 'running', event, switched: s.kind === 'running' && s.switched }));
      else if (event.type === 'switched') {
        setStatus((s) => ({ ...(s.kind === 'running' ? s : { kind: 'running' }), switched: true }));
        await call('catalogueChanged', {}).catch(() => undefined);
        onChanged();
      } else if (event.type === 'done') {
        const extra = [
          event.merged ? `${event.merged.toLocaleString()} duplicates merged` : '',
          event.rejected ? `${event.rejected.toLocaleString()} records skipped (${event.firstRejections.join('; ')})` : '',
        ].filter(Boolean);
        setStatus({ kind: 'done', message: `Installed ${event.paperCount.toLocaleString()} papers${extra.length ? `; ${extra.join('; ')}` : ''}.` });
        w.terminate();
        onChanged();
      } else if (event.type === 'failed') {
        setStatus({ kind: 'failed', message: event.error });
        w.terminate();
      }
    };
    w.onerror = (error) => setStatus({ kind: 'failed', message: `The import stopped: ${error.message}. Your catalogue is unchanged.` });
    w.postMessage({ type: 'start', file, mode } satisfies ImportRequest);
  };

  const cancel = () => {
    worker.current?.postMessage({ type: 'cancel' } satisfies ImportRequest);
  };

  const restore = async () => {
    setStatus({ kind: 'running' });
    try {
      const result = await call('restoreBundledCatalogue', {});
      setStatus({ kind: 'done', message: `Restored the bundled catalogue (${result.paperCount} papers).` });
      onChanged();
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  };

  const running = status.kind === 'running';
  const progress = status.kind === 'running' ? status.event : undefined;
  return (
    <div class="import" data-import="">
      <h3>Import a catalogue</h3>
      <p class="hint">
        A Paperscope catalogue (<code>.psc</code>, built with <code>npx paperscope build-catalogue</code>), or raw metadata: arXiv JSON lines or
        metadata snapshot (gzipped or not), BibTeX or CSL-JSON as Zotero exports them. Your saved papers are never touched.
      </p>
      <div class="import-controls">
        <label>
          File{' '}
          <input type="file" data-control="catalogue-file" disabled={running} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
        <fieldset class="import-mode" disabled={running}>
          <legend>How</legend>
          <label>
            <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace the catalogue
          </label>
          <label>
            <input type="radio" name="import-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge into it
          </label>
        </fieldset>
        <div class="paper-actions">
          <button type="button" class="button" data-action="import" disabled={!file || running} onClick={start}>
            Import
          </button>
          <button type="button" class="button" data-action="cancel-import" disabled={!running || (status.kind === 'running' && status.switched)} onClick={cancel}>
            Cancel
          </button>
          <button type="button" class="button" data-action="restore-bundled" disabled={running} onClick={restore}>
            Restore the bundled catalogue
          </button>
        </div>
      </div>
      {running && (
        <div class="import-progress" role="status" aria-live="polite" data-import-status="running">
          <progress max={progress?.bytesTotal || 1} value={progress ? Math.min(progress.bytesRead, progress.bytesTotal) : undefined} />
          <span data-field="import-counts">
            {progress
              ? `${STAGE_WORDS[progress.stage]} ${progress.papers.toLocaleString()} papers` +
                (progress.merged ? `, ${progress.merged.toLocaleString()} merged` : '') +
                (progress.rejected ? `, ${progress.rejected.toLocaleString()} skipped` : '') +
                ` (${Math.round((100 * progress.bytesRead) / Math.max(1, progress.bytesTotal))}% of the file)`
              : 'Starting…'}
          </span>
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
