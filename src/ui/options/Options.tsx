// The options page: which sites are on, what catalogue is installed, and the privacy promise.
import { useState } from 'preact/hooks';
import { Section } from '../components/Section.tsx';
import { CatalogueSection } from './CatalogueSection.tsx';
import { LibrarySection } from './LibrarySection.tsx';
import { SitesSection } from './SitesSection.tsx';

export function Options() {
  // A restore may switch sites on or off: the sites list is read again.
  const [restores, setRestores] = useState(0);
  return (
    <main class="page page--options">
      <header class="page-header">
        <h1>Paperscope options</h1>
      </header>
      <SitesSection key={restores} />
      <CatalogueSection />
      <LibrarySection onRestored={() => setRestores((n) => n + 1)} />
      <Section name="privacy" title="Privacy">
        <p data-privacy="">Paperscope works offline and sends nothing anywhere: the papers you see, save and pick stay in this browser.</p>
      </Section>
    </main>
  );
}
