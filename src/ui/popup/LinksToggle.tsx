// The popup's "Show badges on this site": links anywhere on or off for the tab's site. Turning it on asks the browser for
// that one site's permission in the click itself (a request outside the user's gesture is refused); off gives it back.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { SITES } from '../../adapters/sites.ts';
import { hasFullAdapter, type LinksSite, linksSiteOf } from '../../core/identity/paperLinks.ts';
import { call } from '../../messaging/client.ts';
import { t } from '../../shared/i18n.ts';

const ADAPTER_HOSTS = SITES.flatMap((site) => site.hosts);

/** The tab's site when the control applies there: a web page of no supported site (those have their own badges). */
export function linksSiteForTab(url: string | undefined): LinksSite | undefined {
  const site = linksSiteOf(url);
  return site && !hasFullAdapter(site, ADAPTER_HOSTS) ? site : undefined;
}

export interface LinksToggleProps {
  site: LinksSite;
  /** Called after the choice changed (the page is scanned again, or its badges went). */
  onChanged?: (on: boolean) => void;
  onError: (error: unknown) => void;
}

export function LinksToggle({ site, onChanged, onError }: LinksToggleProps) {
  const [on, setOn] = useState<boolean | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('listLinksSites', {}).then(
      (sites) => setOn(sites.some((s) => s.origin === site.origin)),
      (error: unknown) => onError(error),
    );
  }, [site.origin]);

  const change = (wanted: boolean) => {
    setBusy(true);
    onError(undefined);
    // Asked first, synchronously in the click's handler: the browser allows the request only inside the user's gesture.
    const permitted = wanted ? browser.permissions.request({ origins: [site.pattern] }) : Promise.resolve(true);
    void permitted
      .then(async (granted) => {
        if (!granted) throw new Error(t('popupLinksNotGranted', new URL(site.origin).hostname));
        const sites = await call('setLinksSite', { origin: site.origin, on: wanted });
        const nowOn = sites.some((s) => s.origin === site.origin);
        setOn(nowOn);
        onChanged?.(nowOn);
      })
      .catch((error: unknown) => onError(new Error(t(wanted ? 'popupLinksOnFailed' : 'popupLinksOffFailed', error instanceof Error ? error.message : String(error)))))
      .finally(() => setBusy(false));
  };

  if (on === undefined) return null;
  return (
    <label class="links-toggle" data-links-site={site.origin} title={t('popupLinksToggleTitle')}>
      <input
        type="checkbox"
        data-control="links-site"
        checked={on}
        disabled={busy}
        aria-busy={busy || undefined}
        onChange={(event) => change((event.currentTarget as HTMLInputElement).checked)}
      />
      {t('popupLinksToggle')}
    </label>
  );
}
