// The options page: which sites are on, what catalogue is installed, and the privacy promise.
import { useState } from 'preact/hooks';
import { Section } from '../components/Section.tsx';
import { t } from '../../shared/i18n.ts';
import { CatalogueSection } from './CatalogueSection.tsx';
import { LibrarySection } from './LibrarySection.tsx';
import { SeenSection } from './SeenSection.tsx';
import { LinksSection } from './LinksSection.tsx';
import { SitesSection } from './SitesSection.tsx';
import { TaxonomySection } from './TaxonomySection.tsx';

/** The page's sections, linked from its top: the topic list alone is hundreds of Tab stops long. */
const SECTIONS = [
  ['sites', 'optionsSitesTitle'],
  ['catalogue', 'optionsCatalogueTitle'],
  ['taxonomy', 'taxonomyTitle'],
  ['library', 'optionsLibraryTitle'],
  ['seen', 'optionsSeenTitle'],
  ['privacy', 'optionsPrivacyTitle'],
] as const;

export function Options() {
  // A restore may switch sites on or off: the sites list is read again.
  const [restores, setRestores] = useState(0);
  return (
    <main class="page page--options">
      <header class="page-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <nav class="page-nav" aria-label={t('optionsSectionsNav')}>
        <ul>
          {SECTIONS.map(([name, title]) => (
            <li key={name}>
              <a href={`#section-${name}`} data-nav={name}>
                {t(title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SitesSection key={restores} />
      <LinksSection key={`links-${restores}`} />
      <CatalogueSection />
      <TaxonomySection key={`taxonomy-${restores}`} />
      <LibrarySection onRestored={() => setRestores((n) => n + 1)} />
      <SeenSection key={`seen-${restores}`} />
      <Section name="privacy" title={t('optionsPrivacyTitle')}>
        <p data-privacy="">{t('optionsPrivacyText')}</p>
      </Section>
    </main>
  );
}
