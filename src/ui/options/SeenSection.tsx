// Options "Papers you have seen": pause remembering, the cap, what it costs on disk, and forgetting a paper, a site or all.
import { useEffect, useState } from 'preact/hooks';
import { SITES } from '../../adapters/sites.ts';
import { megabytes } from '../../core/megabytes.ts';
import { call } from '../../messaging/client.ts';
import type { SeenStatus } from '../../messaging/shapes.ts';
import { t } from '../../shared/i18n.ts';
import { seenAgo } from '../components/dates.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';

export function SeenSection() {
  const loaded = useLoader(() => call('seenStatus', {}), []);
  const [status, setStatus] = useState<SeenStatus | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [site, setSite] = useState<string>(SITES[0]?.id ?? '');
  useEffect(() => setStatus(loaded.value), [loaded.value]);

  const act = async (action: () => Promise<SeenStatus>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      setStatus(await action());
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  };
  const siteName = (id: string) => SITES.find((s) => s.id === id)?.name ?? id;

  return (
    <Section name="seen" title={t('optionsSeenTitle')}>
      <p class="hint">{t('optionsSeenHint')}</p>
      <ErrorNote error={loaded.error} />
      <ErrorNote error={actionError} />
      {status === undefined ? (
        !loaded.error && <p class="empty">{t('commonLoading')}</p>
      ) : (
        <>
          <p data-seen-count={String(status.count)}>{t('optionsSeenCount', [status.count.toLocaleString(), megabytes(status.bytes)])}</p>
          <label>
            <input
              type="checkbox"
              data-control="seen-paused"
              checked={status.paused}
              disabled={busy}
              onChange={(event) => void act(() => call('setSeenSettings', { paused: (event.currentTarget as HTMLInputElement).checked }))}
            />{' '}
            {t('optionsSeenPause')}
          </label>
          <p>
            <label>
              {t('optionsSeenCap')}{' '}
              <input
                type="number"
                data-control="seen-cap"
                min={100}
                max={500000}
                step={1000}
                value={status.cap}
                disabled={busy}
                onChange={(event) => {
                  const cap = Number((event.currentTarget as HTMLInputElement).value);
                  if (Number.isFinite(cap) && cap > 0) void act(() => call('setSeenSettings', { cap }));
                }}
              />
            </label>
          </p>
          <div class="toolbar">
            <label>
              {t('optionsSeenSite')}{' '}
              <select data-control="seen-site" value={site} onChange={(event) => setSite((event.currentTarget as HTMLSelectElement).value)}>
                {SITES.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" class="button" data-action="forget-seen-site" disabled={busy} onClick={() => void act(() => call('forgetSeen', { site }))}>
              {t('optionsSeenForgetSite')}
            </button>{' '}
            <button
              type="button"
              class="button"
              data-action="forget-seen-all"
              disabled={busy || status.count === 0}
              onClick={() => {
                if (confirm(t('optionsSeenForgetAllConfirm'))) void act(() => call('forgetSeen', { all: true }));
              }}
            >
              {t('optionsSeenForgetAll')}
            </button>
          </div>
          {status.recent.length > 0 && (
            <>
              <h3>{t('optionsSeenRecent')}</h3>
              <ul class="paper-list" data-seen-recent="">
                {status.recent.map((paper) => (
                  <li key={paper.key} data-seen-key={paper.key}>
                    <span dir="auto">{paper.title}</span> <span class="seen-note">{seenAgo(siteName(paper.sites[0] ?? ''), paper.lastSeenAt)}</span>{' '}
                    <button type="button" class="button" data-action="forget-seen-paper" disabled={busy} onClick={() => void act(() => call('forgetSeen', { key: paper.key }))}>
                      {t('optionsSeenForgetPaper')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Section>
  );
}
