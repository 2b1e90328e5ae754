// The popup's "Catalogue" results: catalogue papers matching the search box and filters, searched in the background,
// each with Save and Related (opens the side panel).
import { useEffect, useState } from 'preact/hooks';
import { SITES } from '../../adapters/sites.ts';
import { seenAgo } from '../components/dates.ts';
import type { PaperRef } from '../../core/paper.ts';
import { call } from '../../messaging/client.ts';
import type { CatalogueResult, CatalogueSearchResponse } from '../../messaging/shapes.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { SaveToggle } from '../components/SaveToggle.tsx';
import { Section } from '../components/Section.tsx';
import { t } from '../../shared/i18n.ts';
import { PopupRow } from './PopupRow.tsx';
import { onResultsKeyDown } from './resultKeys.ts';
import type { SavedFilters } from './searchSaved.ts';

/** Results asked for per search. */
export const CATALOGUE_RESULTS = 20;
/** Quiet time after a keystroke before searching (each search is a message to the worker). */
const DEBOUNCE_MS = 120;

export interface CatalogueResultsProps {
  filters: SavedFilters;
  /** Saved keys as the popup knows them now (a result saved here shows at once). */
  isSaved: (key: string) => boolean | undefined;
  busyKeys: ReadonlySet<string>;
  onToggleSave: (paper: PaperRef, wanted: boolean) => void;
  onRelated: (paper: PaperRef) => void;
}

/** Whether the search box or a filter asks anything of the catalogue. */
export function searchesCatalogue(filters: SavedFilters): boolean {
  return Boolean(filters.query.trim() || filters.tag || filters.year || filters.site);
}

export function refOf(result: CatalogueResult): PaperRef {
  const ref: PaperRef = { key: result.key, title: result.title, authors: result.authors };
  if (result.url) ref.url = result.url;
  if (result.arxivId) ref.arxivId = result.arxivId;
  if (result.doi) ref.doi = result.doi;
  if (result.year) ref.year = result.year;
  return ref;
}

function authorsLine(authors: string[]): string {
  const shown = authors.slice(0, 3).join(', ');
  return authors.length > 3 ? t('searchAuthorsMore', [shown, authors.length - 3]) : shown;
}

type State = { status: 'searching' } | { status: 'done'; response: CatalogueSearchResponse } | { status: 'failed'; error: unknown };

export function CatalogueResults({ filters, isSaved, busyKeys, onToggleSave, onRelated }: CatalogueResultsProps) {
  const [state, setState] = useState<State>({ status: 'searching' });
  const { query, tag, year, site } = filters;

  useEffect(() => {
    let stale = false;
    setState((s) => (s.status === 'done' ? s : { status: 'searching' }));
    const timer = setTimeout(() => {
      call('searchCatalogue', { query, tag: tag || undefined, year: year ? Number(year) : undefined, site: site || undefined, limit: CATALOGUE_RESULTS })
        .then((response) => !stale && setState({ status: 'done', response }))
        .catch((error: unknown) => !stale && setState({ status: 'failed', error }));
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, tag, year, site]);

  const response = state.status === 'done' ? state.response : undefined;
  const siteName = (id: string | undefined) => SITES.find((s) => s.id === id)?.name;
  return (
    <Section name="catalogue" title={t('searchCatalogueTitle')} count={response?.total}>
      {state.status === 'failed' && <ErrorNote error={new Error(t('searchCatalogueFailed', state.error instanceof Error ? state.error.message : String(state.error)))} />}
      {state.status === 'searching' && (
        <p class="empty" aria-live="polite">
          {t('searchCatalogueSearching')}
        </p>
      )}
      {response && (
        <>
          <p class="visually-hidden" aria-live="polite" data-catalogue-shown={response.results.length} data-catalogue-total={response.total}>
            {t('searchCatalogueShown', [response.results.length, response.total])}
          </p>
          {response.results.length === 0 && <EmptyState name="no-catalogue-match">{t('searchCatalogueNoMatch')}</EmptyState>}
          <ul class="paper-list paper-list--rows" data-results="catalogue" onKeyDown={onResultsKeyDown}>
            {response.results.map((result) => {
              const saved = isSaved(result.key) ?? result.saved;
              const ref = refOf(result);
              return (
                <PopupRow
                  key={result.key}
                  paperKey={result.key}
                  title={result.title}
                  url={result.url}
                  tags={result.tags}
                  attributes={{ 'data-saved': saved ? 'true' : 'false' }}
                  marks={
                    <>
                      {result.authors.length > 0 && (
                        <span class="paper-date paper-authors" data-field="authors">
                          {authorsLine(result.authors)}
                        </span>
                      )}
                      {result.year !== undefined && (
                        <span class="paper-date" data-field="year">
                          {result.year}
                        </span>
                      )}
                      {siteName(result.site) && (
                        <span class="paper-date" data-field="site">
                          {siteName(result.site)}
                        </span>
                      )}
                      {result.seen && (
                        <span class="paper-date seen-note" data-field="seen">
                          {seenAgo(siteName(result.seen.site) ?? result.seen.site, result.seen.at)}
                        </span>
                      )}
                    </>
                  }
                  actions={(titleId) => (
                    <>
                      <SaveToggle saved={saved} busy={busyKeys.has(result.key)} describedBy={titleId} onToggle={() => onToggleSave(ref, !saved)} />
                      <button type="button" class="button" data-action="related" aria-describedby={titleId} title={t('searchRelatedTitle')} onClick={() => onRelated(ref)}>
                        {t('commonRelated')}
                      </button>
                    </>
                  )}
                />
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}

/** What the catalogue's filters offer (topic and category labels, years), asked once per popup. */
export function useCatalogueOptions(): { tags: string[]; years: number[] } | undefined {
  const [options, setOptions] = useState<{ tags: string[]; years: number[] }>();
  useEffect(() => {
    call('searchCatalogue', { query: '', limit: 0, withOptions: true })
      .then((r) => setOptions(r.options))
      .catch(() => undefined); // the filters then offer the library's own tags and years
  }, []);
  return options;
}

/** Builds the worker's search index while the user types the first letters (a large catalogue takes a moment). */
export function prepareCatalogueSearch(): void {
  void call('searchCatalogue', { query: '', limit: 0, prepare: true }).catch(() => undefined);
}
