// Options "Links anywhere": the sites the reader turned "Show badges on this site" on for, each with a way to turn it off
// (the badges go and the site's permission is given back). Shown once there is such a site: it is turned on from the popup.
import { useState } from 'preact/hooks';
import { call } from '../../messaging/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';
import { t } from '../../shared/i18n.ts';

export function LinksSection() {
  const loaded = useLoader(() => call('listLinksSites', {}), []);
  const [pending, setPending] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);
  if (loaded.error) return <ErrorNote error={loaded.error} action={t('optionsLinksLoadError')} />;
  const sites = loaded.value ?? [];
  if (sites.length === 0) return null;

  const turnOff = async (origin: string, host: string) => {
    setActionError(undefined);
    setPending(origin);
    try {
      await call('setLinksSite', { origin, on: false });
    } catch (error) {
      setActionError(new Error(t('optionsLinksTurnOffFailed', [host, error instanceof Error ? error.message : String(error)])));
    } finally {
      setPending(undefined);
      await loaded.reload();
    }
  };

  return (
    <Section name="links" title={t('optionsLinksTitle')}>
      <p class="hint">{t('optionsLinksHint')}</p>
      <ErrorNote error={actionError} />
      <ul class="site-list links-sites">
        {sites.map((site) => {
          const host = new URL(site.origin).hostname;
          return (
            <li key={site.origin} class="links-site" data-links-site={site.origin}>
              <span class="site-name" dir="ltr">
                {site.origin}
              </span>
              <button
                type="button"
                class="button"
                data-action="links-off"
                disabled={pending === site.origin}
                aria-busy={pending === site.origin || undefined}
                aria-label={t('optionsLinksTurnOffTitle', host)}
                title={t('optionsLinksTurnOffTitle', host)}
                onClick={() => void turnOff(site.origin, host)}
              >
                {t('optionsLinksTurnOff')}
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
