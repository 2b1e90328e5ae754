// The first-run page: what Paperscope does, where it works, where the data stays, a larger catalogue, the shortcuts.
import browser from 'webextension-polyfill';
import { SITES } from '../../adapters/sites.ts';
import { t, tWith } from '../../shared/i18n.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';

/** The options page beside this one (both are built under src/ui/), at the catalogue import. */
export const OPTIONS_PAGE = '../options/index.html';
export const CATALOGUE_IMPORT_ANCHOR = '#catalogue-import';

/** Commands the browser runs itself: they carry no description of their own. */
const POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** Hosts shown per site; Google Scholar alone has a dozen country domains. */
const SHOWN_HOSTS = 2;

/** "biorxiv.org, medrxiv.org", or "scholar.google.com, scholar.google.co.uk and 11 more": without "www.", each once. */
export function hostsInShort(hosts: readonly string[]): string {
  const distinct = [...new Set(hosts.map((host) => host.replace(/^www\./, '')))];
  const shown = distinct.slice(0, SHOWN_HOSTS).join(', ');
  return distinct.length > SHOWN_HOSTS ? t('welcomeSiteMoreHosts', [shown, distinct.length - SHOWN_HOSTS]) : shown;
}

export interface Shortcut {
  name: string;
  description: string;
  /** The keys as the browser shows them ("Alt+Shift+S"); '' when none is set. */
  keys: string;
}

/** The shortcuts as the browser has them now (the manifest's suggestions, or what the user changed them to). */
export async function readShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands.map((command) => ({
    name: command.name ?? '',
    description: POPUP_COMMANDS.has(command.name ?? '') ? t('welcomeShortcutPopup') : (command.description ?? command.name ?? ''),
    keys: command.shortcut ?? '',
  }));
}

export function Welcome() {
  const shortcuts = useLoader(readShortcuts, []);
  const optionsLink = (
    <a key="options" href={OPTIONS_PAGE} data-link="options">
      {t('welcomeOptionsLink')}
    </a>
  );
  const importLink = (
    <a key="import" href={`${OPTIONS_PAGE}${CATALOGUE_IMPORT_ANCHOR}`} data-link="catalogue-import">
      {t('welcomeImportLink')}
    </a>
  );
  return (
    <main class="page page--welcome">
      <header class="page-header page-header--stacked">
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="welcome-lead">{t('welcomeLead')}</p>
      <Section name="sites" title={t('welcomeSitesTitle')}>
        <ul class="welcome-sites" data-welcome-sites="">
          {SITES.map((site) => (
            <li key={site.id} data-site-id={site.id}>
              <span class="welcome-site-name">{site.name}</span>
              <span class="welcome-site-hosts">{hostsInShort(site.hosts)}</span>
            </li>
          ))}
        </ul>
        <p class="hint">{tWith('welcomeSitesHint', [optionsLink])}</p>
      </Section>
      <Section name="privacy" title={t('welcomePrivacyTitle')}>
        <p data-privacy="">{t('welcomePrivacyText')}</p>
      </Section>
      <Section name="catalogue" title={t('welcomeCatalogueTitle')}>
        <p>{tWith('welcomeCatalogueText', [importLink])}</p>
      </Section>
      <Section name="shortcuts" title={t('welcomeShortcutsTitle')}>
        <ErrorNote error={shortcuts.error} action={t('welcomeShortcutsNone')} />
        {shortcuts.value === undefined ? (
          !shortcuts.error && <p class="empty">{t('commonLoading')}</p>
        ) : (
          <dl class="shortcuts" data-shortcuts="">
            {shortcuts.value.map((shortcut) => (
              <div key={shortcut.name} class="shortcut" data-command={shortcut.name}>
                <dt>{shortcut.keys ? <kbd>{shortcut.keys}</kbd> : <span class="hint">{t('welcomeShortcutNotSet')}</span>}</dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        )}
        <p class="hint">{t('welcomeShortcutsHint')}</p>
      </Section>
    </main>
  );
}
