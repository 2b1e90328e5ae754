// Options "Sites": one checkbox per supported site; toggling switches Paperscope on or off there. A second one shows the
// feed bar on the site's listings (the bar's own close button hides it there).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../messaging/client.ts';
import type { SiteSetting } from '../../messaging/shapes.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';
import { formatDate } from '../components/dates.ts';
import { t } from '../../shared/i18n.ts';

/**
 * Plain words on whether a site is working: when it last showed papers, whether a listing came up empty since, and
 * whether those papers were last found only by reading the page's structure (the site's own layout not recognised).
 */
export function healthText(site: SiteSetting): string {
  const found = site.lastFoundAt ? t('optionsSiteLastFound', [site.lastFoundCount ?? 0, formatDate(site.lastFoundAt)]) : t('optionsSiteNeverFound');
  if (site.lastEmptyListingAt && (!site.lastFoundAt || site.lastEmptyListingAt > site.lastFoundAt)) {
    return t('optionsSiteEmptyListing', [found, formatDate(site.lastEmptyListingAt)]);
  }
  if (site.lastFallbackAt && site.lastFoundAt && site.lastFallbackAt >= site.lastFoundAt) return t('optionsSiteFallback', [found]);
  return found;
}

export function SitesSection() {
  const loaded = useLoader(() => call('listSites', {}), []);
  const [sites, setSites] = useState<SiteSetting[] | undefined>(undefined);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(undefined);
  useEffect(() => setSites(loaded.value), [loaded.value]);

  /** Changes one switch of a site: shown at once; the answer (the whole list as stored) replaces it, or the old state comes back on failure. */
  const change = async (site: SiteSetting, field: 'enabled' | 'feedBar', on: boolean) => {
    const busy = `${site.id}:${field}`;
    setActionError(undefined);
    setPending((ids) => new Set(ids).add(busy));
    setSites((list) => list?.map((s) => (s.id === site.id ? { ...s, [field]: on } : s)));
    try {
      setSites(await (field === 'enabled' ? call('setSiteEnabled', { siteId: site.id, enabled: on }) : call('setFeedBarShown', { siteId: site.id, shown: on })));
    } catch (error) {
      setSites((list) => list?.map((s) => (s.id === site.id ? { ...s, [field]: !on } : s)));
      const detail = error instanceof Error ? error.message : String(error);
      const failed = field === 'feedBar' ? (on ? 'optionsFeedBarShowFailed' : 'optionsFeedBarHideFailed') : on ? 'optionsSiteTurnOnFailed' : 'optionsSiteTurnOffFailed';
      setActionError(new Error(t(failed, [site.name, detail])));
    } finally {
      setPending((ids) => {
        const next = new Set(ids);
        next.delete(busy);
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
            // A grid: the switch in a gutter, and the site's name, its feed bar switch and its status line in one column.
            <li key={site.id} class="site">
              <input
                type="checkbox"
                id={`site-${site.id}`}
                class="site-switch"
                data-site-id={site.id}
                checked={site.enabled}
                aria-busy={pending.has(`${site.id}:enabled`) || undefined}
                aria-describedby={`site-${site.id}-health`}
                onChange={(event) => void change(site, 'enabled', (event.currentTarget as HTMLInputElement).checked)}
              />
              <label for={`site-${site.id}`} class="site-name" data-site-label={site.id}>
                {site.name}
              </label>
              <span class="status-line" id={`site-${site.id}-health`} data-site-health={site.id}>
                {healthText(site)}
              </span>
              <label class="site-option">
                <input
                  type="checkbox"
                  data-feed-bar-site-id={site.id}
                  checked={site.feedBar}
                  disabled={!site.enabled}
                  aria-busy={pending.has(`${site.id}:feedBar`) || undefined}
                  onChange={(event) => void change(site, 'feedBar', (event.currentTarget as HTMLInputElement).checked)}
                />
                {t('optionsFeedBar')}
              </label>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
