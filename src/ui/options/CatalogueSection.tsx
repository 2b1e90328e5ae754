// Options "Catalogue": what is installed (paper count, version, source, installed date), and importing another.
import { call } from '../../messaging/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { formatDate, isoDate } from '../components/dates.ts';
import { useLoader } from '../components/useLoader.ts';
import { t } from '../../shared/i18n.ts';
import { CatalogueImport } from './CatalogueImport.tsx';

export function CatalogueSection() {
  const info = useLoader(() => call('catalogueInfo', {}), []);
  const catalogue = info.value;
  return (
    <Section name="catalogue" title={t('optionsCatalogueTitle')}>
      <p class="hint">{t('optionsCatalogueHint')}</p>
      <ErrorNote error={info.error} action={t('optionsCatalogueLoadError')} />
      {catalogue === undefined ? (
        !info.error && <p class="empty">{t('commonLoading')}</p>
      ) : (
        <dl class="facts">
          <dt>{t('optionsCataloguePapers')}</dt>
          <dd data-field="paperCount">{String(catalogue.paperCount)}</dd>
          <dt>{t('optionsCatalogueVersion')}</dt>
          <dd data-field="version">{catalogue.version}</dd>
          <dt>{t('optionsCatalogueSource')}</dt>
          <dd data-field="source">{catalogue.source}</dd>
          <dt>{t('optionsCatalogueKind')}</dt>
          <dd data-field="origin">{catalogue.origin === 'bundled' ? t('optionsCatalogueBundled') : t('optionsCatalogueImported')}</dd>
          <dt>{t('optionsCatalogueInstalled')}</dt>
          <dd data-field="installedAt">
            {catalogue.installedAt > 0 ? <time dateTime={isoDate(catalogue.installedAt)}>{formatDate(catalogue.installedAt)}</time> : t('optionsCatalogueNotRecorded')}
          </dd>
        </dl>
      )}
      <CatalogueImport onChanged={info.reload} />
    </Section>
  );
}
