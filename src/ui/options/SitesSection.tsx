// Options "Sites": one checkbox per supported site; toggling switches Paperscope on or off there.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../messaging/client.ts';
import type { SiteSetting } from '../../messaging/shapes.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';
import { formatDate } from '../components/dates.ts';
import { t } from '../../shared/i18n.ts';

/** Plain words on whether a site is working: when it last showed papers, and whether a listing came up empty since. */
export function healthText(site: SiteSetting): string {
  const found = site.lastFoundAt ? t('optionsSiteLastFound', [site.lastFoundCount ?? 0, formatDate(site.lastFoundAt)]) : t('optionsSiteNeverFound');
  if (site.lastEmptyListingAt && (!site.lastFoundAt || site.lastEmptyListingAt > site.lastFoundAt)) {
    return t('optionsSiteEmptyListing', [found, formatDate(site.lastEmptyListingAt)]);
  }
  return found;
}

export function SitesSection() {
  const loaded = useLoader(() => call('listSites', {}), []);
  const [sites, setSites] = useState<SiteSetting[] | undefined>(undefined);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(undefined);
  useEffect(() => setSites(loaded.value), [loaded.value]);

  const toggle = async (site: SiteSetting, enabled: boolean) => {
    setActionError(undefined);
    setPending((ids) => new Set(ids).add(site.id));
    // Shown at once; the answer (the whole list as stored) replaces it, or the old state comes back on failure.
    setSites((list) => list?.map((s) => (s.id === site.id ? { ...s, enabled } : s)));
    try {
      setSites(await call('setSiteEnabled', { siteId: site.id, enabled }));
    } catch (error) {
      setSites((list) => list?.map((s) => (s.id === site.id ? { ...s, enabled: !enabled } : s)));
      const detail = error instanceof Error ? error.message : String(error);
      setActionError(new Error(t(enabled ? 'optionsSiteTurnOnFailed' : 'optionsSiteTurnOffFailed', [site.name, detail])));
    } finally {
      setPending((ids) => {
        const next = new Set(ids);
        next.delete(site.id);
        return next;
      });
    }
  };

  return (
    <Section name="sites" title={t('optionsSitesTitle')}>
      <p class="hint">{t('optionsSitesHint')}</p>
      <ErrorNote error={loaded.error} action={t('optionsSitesLoadError')} />
      <ErrorNote error={actionError} />
      {sites === undefined ? (
        !loaded.error && <p class="empty">{t('commonLoading')}</p>
      ) : sites.length === 0 ? (
        <EmptyState name="no-sites">{t('optionsSitesNone')}</EmptyState>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site.id}>
              <label>
                <input
                  type="checkbox"
                  data-site-id={site.id}
                  checked={site.enabled}
                  aria-busy={pending.has(site.id) || undefined}
                  onChange={(event) => void toggle(site, (event.currentTarget as HTMLInputElement).checked)}
                />
                {site.name}
              </label>
              <span class="hint" data-site-health={site.id}>
                {healthText(site)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
