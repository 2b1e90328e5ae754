// The options page: which sites are on, what catalogue is installed, and the privacy promise.
import { Section } from '../components/Section.tsx';
import { CatalogueSection } from './CatalogueSection.tsx';
import { SitesSection } from './SitesSection.tsx';

export function Options() {
  return (
    <main class="page page--options">
      <header class="page-header">
        <h1>Paperscope options</h1>
      </header>
      <SitesSection />
      <CatalogueSection />
      <Section name="privacy" title="Privacy">
        <p data-privacy="">Paperscope works offline and sends nothing anywhere: the papers you see, save and pick stay in this browser.</p>
      </Section>
    </main>
  );
}
