// Options "Catalogue": what is installed (paper count, version, source, installed date), and importing another.
import { call } from '../../messaging/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { formatDate, isoDate } from '../components/dates.ts';
import { useLoader } from '../components/useLoader.ts';
import { CatalogueImport } from './CatalogueImport.tsx';

export function CatalogueSection() {
  const info = useLoader(() => call('catalogueInfo', {}), []);
  const catalogue = info.value;
  return (
    <Section name="catalogue" title="Catalogue">
      <p class="hint">The papers Paperscope knows about ship with it and live in this browser.</p>
      <ErrorNote error={info.error} action="Could not read the installed catalogue" />
      {catalogue === undefined ? (
        !info.error && <p class="empty">Loading…</p>
      ) : (
        <dl class="facts">
          <dt>Papers</dt>
          <dd data-field="paperCount">{String(catalogue.paperCount)}</dd>
          <dt>Version</dt>
          <dd data-field="version">{catalogue.version}</dd>
          <dt>Source</dt>
          <dd data-field="source">{catalogue.source}</dd>
          <dt>Kind</dt>
          <dd data-field="origin">{catalogue.origin === 'bundled' ? 'Bundled with Paperscope' : 'Imported by you'}</dd>
          <dt>Installed</dt>
          <dd data-field="installedAt">
            {catalogue.installedAt > 0 ? <time dateTime={isoDate(catalogue.installedAt)}>{formatDate(catalogue.installedAt)}</time> : 'Not recorded'}
          </dd>
        </dl>
      )}
      <CatalogueImport onChanged={() => void info.reload()} />
    </Section>
  );
}
