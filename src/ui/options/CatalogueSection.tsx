// Options "Catalogue": what is installed in words (its name, paper count, newest paper and install date; the hash and
// file only under "Details"), and importing another.
import { call } from '../../messaging/client.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { formatDate, formatIsoDate, isoDate } from '../components/dates.ts';
import { useLoader } from '../components/useLoader.ts';
import { t } from '../../shared/i18n.ts';
import { CatalogueImport } from './CatalogueImport.tsx';
import { catalogueName } from './catalogueName.ts';

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
        <div class="catalogue-summary" data-catalogue="">
          <p class="catalogue-name" data-field="name" dir="auto">
            {catalogueName(catalogue)}
          </p>
          <dl class="facts">
            <dt>{t('optionsCataloguePapers')}</dt>
            <dd data-field="paperCount">{catalogue.paperCount.toLocaleString()}</dd>
            {catalogue.newestPaperDate !== undefined && (
              <>
                <dt>{t('optionsCataloguePapersUpTo')}</dt>
                <dd data-field="newestPaperDate">
                  <time dateTime={catalogue.newestPaperDate}>{formatIsoDate(catalogue.newestPaperDate)}</time>
                </dd>
              </>
            )}
            <dt>{t('optionsCatalogueInstalled')}</dt>
            <dd data-field="installedAt">
              {catalogue.installedAt > 0 ? <time dateTime={isoDate(catalogue.installedAt)}>{formatDate(catalogue.installedAt)}</time> : t('optionsCatalogueNotRecorded')}
            </dd>
          </dl>
          <details class="details-line" data-field="details">
            <summary>{t('optionsCatalogueDetails')}</summary>
            <dl class="facts">
              <dt>{t('optionsCatalogueKind')}</dt>
              <dd data-field="origin">{catalogue.origin === 'bundled' ? t('optionsCatalogueBundled') : t('optionsCatalogueImported')}</dd>
              <dt>{t('optionsCatalogueSource')}</dt>
              <dd data-field="source" dir="auto">
                {catalogue.source}
              </dd>
              <dt>{t('optionsCatalogueVersion')}</dt>
              <dd data-field="version">
                <code>{catalogue.version}</code>
              </dd>
            </dl>
          </details>
        </div>
      )}
      <CatalogueImport onChanged={info.reload} />
    </Section>
  );
}
