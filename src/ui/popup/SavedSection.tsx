// The popup's "Saved" section: the user's library, newest first, with search and filters, and per paper its read mark, tags, note and Remove.
import { useId, useMemo, useState } from 'preact/hooks';
import { SITES } from '../../adapters/sites.ts';
import type { PaperRef } from '../../core/paper.ts';
import type { SavedPaper } from '../../messaging/shapes.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { Section } from '../components/Section.tsx';
import { formatDate, isoDate } from '../components/dates.ts';
import { t, tWith } from '../../shared/i18n.ts';
import { CatalogueResults, prepareCatalogueSearch, searchesCatalogue, useCatalogueOptions } from './CatalogueResults.tsx';
import { onResultsKeyDown, onSearchBoxKeyDown } from './resultKeys.ts';
import { PopupRow } from './PopupRow.tsx';
import { NoteEditor, ReadToggle, UserTags, type SavedChange } from './SavedPaperControls.tsx';
import { allUserTags, filterOptions, indexSaved, searchSaved, type SavedFilters } from './searchSaved.ts';

export interface SavedSectionProps {
  saved: SavedPaper[] | undefined;
  /** The search box's text and the filters: the box is at the top of the popup, the filters here. */
  filters: SavedFilters;
  onFiltersChange: (change: Partial<SavedFilters>) => void;
  busyKeys: ReadonlySet<string>;
  onRemove: (paper: SavedPaper) => void;
  /** Changes a paper's read mark, user tags or note. */
  onUpdate?: (paper: SavedPaper, change: SavedChange) => void;
  /** With these, the search also covers the catalogue: results can be saved or opened in the side panel. */
  catalogue?: {
    isSaved: (key: string) => boolean | undefined;
    onToggleSave: (paper: PaperRef, wanted: boolean) => void;
    onRelated: (paper: PaperRef) => void;
  };
}

/** The library's filter choices with the catalogue's added (its topic and category labels, its years). */
function mergedOptions(own: ReturnType<typeof filterOptions>, catalogue: { tags: string[]; years: number[] } | undefined): ReturnType<typeof filterOptions> {
  if (!catalogue) return own;
  const taken = new Set([...own.userTags, ...own.topics].map((x) => x.toLowerCase()));
  const topics = [...own.topics, ...catalogue.tags.filter((x) => !taken.has(x.toLowerCase()))].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  const years = [...new Set([...own.years, ...catalogue.years])].sort((a, b) => b - a);
  return { userTags: own.userTags, topics, years };
}

/** The popup's search box: it searches the library and, with `withCatalogue`, the catalogue too. */
export function SearchBox({ query, onQuery, withCatalogue }: { query: string; onQuery: (query: string) => void; withCatalogue: boolean }) {
  const searchId = useId();
  const hintId = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: the same search landmark as <search>, with the div's layout the popup's CSS and tests expect
    <div class="saved-filters popup-search" role="search">
      <label class="visually-hidden" for={searchId}>
        {withCatalogue ? t('searchLabel') : t('popupSearchSaved')}
      </label>
      <span class="visually-hidden" id={hintId}>
        {t('searchKeyboardHint')}
      </span>
      <input
        id={searchId}
        type="search"
        data-control="search-saved"
        placeholder={withCatalogue ? t('searchLabel') : t('popupSearchSaved')}
        aria-describedby={hintId}
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={onSearchBoxKeyDown}
        onFocus={withCatalogue ? prepareCatalogueSearch : undefined}
      />
    </div>
  );
}

/** The library's filter menus (tag, year, site, unread only), over the library's list. */
function SavedFiltersBar({
  papers,
  filters,
  onChange,
  withCatalogue,
}: {
  papers: SavedPaper[];
  filters: SavedFilters;
  onChange: (change: Partial<SavedFilters>) => void;
  withCatalogue: boolean;
}) {
  const tagId = useId();
  const yearId = useId();
  const siteId = useId();
  const catalogueOptions = useCatalogueOptions();
  const options = useMemo(() => mergedOptions(filterOptions(papers), withCatalogue ? catalogueOptions : undefined), [papers, catalogueOptions, withCatalogue]);
  const set = onChange;
  return (
    <div class="saved-filters">
      <div class="toolbar">
        <span class="filter">
          <label for={tagId}>{t('popupFilterTag')}</label>
          <select id={tagId} data-control="filter-tag" value={filters.tag} onChange={(event) => set({ tag: event.currentTarget.value })}>
            <option value="">{t('popupFilterAny')}</option>
            {options.userTags.length > 0 && (
              <optgroup label={t('popupYourTags')}>
                {options.userTags.map((t) => (
                  <option key={`u:${t}`} value={t}>
                    {t}
                  </option>
                ))}
              </optgroup>
            )}
            {options.topics.length > 0 && (
              <optgroup label={t('commonTopics')}>
                {options.topics.map((t) => (
                  <option key={`t:${t}`} value={t}>
                    {t}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </span>
        {options.years.length > 0 && (
          <span class="filter">
            <label for={yearId}>{t('popupFilterYear')}</label>
            <select id={yearId} data-control="filter-year" value={filters.year} onChange={(event) => set({ year: event.currentTarget.value })}>
              <option value="">{t('popupFilterAny')}</option>
              {options.years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </span>
        )}
        <span class="filter">
          <label for={siteId}>{t('searchFilterSite')}</label>
          <select id={siteId} data-control="filter-site" value={filters.site} onChange={(event) => set({ site: event.currentTarget.value })}>
            <option value="">{t('popupFilterAny')}</option>
            {SITES.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </span>
        <label class="checkbox-label">
          <input type="checkbox" data-control="unread-only" checked={filters.unreadOnly} onChange={(event) => set({ unreadOnly: event.currentTarget.checked })} />
          {t('popupUnreadOnly')}
        </label>
      </div>
    </div>
  );
}

/** Saved papers drawn at first, and added by each "Show more". */
export const SAVED_ROWS_AT_ONCE = 100;

export function SavedSection({ saved, filters, onFiltersChange, busyKeys, onRemove, onUpdate, catalogue }: SavedSectionProps) {
  const listId = useId();
  // The full-text index is built at the first query: a large library with long notes takes seconds to index.
  const searching = filters.query.trim() !== '';
  const index = useMemo(() => (saved && searching ? indexSaved(saved) : undefined), [saved, searching]);
  const shown = useMemo(() => (saved ? searchSaved(saved, filters, index) : []), [saved, index, filters]);
  // Rows are drawn a part at a time: thousands of rows, each with its note editor, would keep the popup blank for a minute.
  const [rowLimit, setRowLimit] = useState(SAVED_ROWS_AT_ONCE);
  const filtersKey = JSON.stringify(filters);
  const [limitFor, setLimitFor] = useState(filtersKey);
  if (limitFor !== filtersKey) {
    setLimitFor(filtersKey);
    setRowLimit(SAVED_ROWS_AT_ONCE);
  }
  const tagSuggestions = useMemo(() => (saved ? allUserTags(saved) : []), [saved]);
  const update = (paper: SavedPaper, change: SavedChange) => onUpdate?.(paper, change);

  const filtersBar = saved && (saved.length > 0 || catalogue) && (
    <SavedFiltersBar papers={saved} filters={filters} withCatalogue={catalogue !== undefined} onChange={onFiltersChange} />
  );
  return (
    <>
      <Section name="saved" title={t('popupSavedTitle')} count={saved?.length}>
        {saved === undefined ? (
          <p class="empty">{t('commonLoading')}</p>
        ) : saved.length === 0 ? (
          <>
            {filtersBar}
            <EmptyState name="no-saved">{t('popupNoSaved')}</EmptyState>
          </>
        ) : (
          <>
            {filtersBar}
            <datalist id={listId}>
              {tagSuggestions.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
            <p class="visually-hidden" aria-live="polite" data-saved-shown={shown.length}>
              {shown.length === saved.length ? t('popupSavedCount', saved.length) : t('popupSavedShownCount', [shown.length, saved.length])}
            </p>
            {shown.length === 0 && <EmptyState name="no-match">{t('popupNoMatch')}</EmptyState>}
            <ul class="paper-list paper-list--rows" data-results="saved" onKeyDown={onResultsKeyDown}>
              {shown.slice(0, rowLimit).map((paper) => (
                <PopupRow
                  key={paper.key}
                  paperKey={paper.key}
                  title={paper.title}
                  url={paper.url}
                  tags={paper.tags}
                  attributes={{ 'data-read': paper.read ? 'true' : 'false' }}
                  marks={
                    <>
                      <span class="paper-date">{tWith('popupSavedOn', [<time dateTime={isoDate(paper.savedAt)}>{formatDate(paper.savedAt)}</time>])}</span>
                      {paper.year !== undefined && (
                        <span class="paper-date" data-field="year">
                          {paper.year}
                        </span>
                      )}
                    </>
                  }
                  details={
                    <div class="paper-own" data-has-own={paper.userTags?.length || paper.note ? 'true' : 'false'}>
                      <UserTags paper={paper} listId={listId} onUpdate={(change) => update(paper, change)} />
                      <NoteEditor paper={paper} onUpdate={(change) => update(paper, change)} />
                    </div>
                  }
                  actions={(titleId) => (
                    <>
                      <ReadToggle paper={paper} describedBy={titleId} onUpdate={(change) => update(paper, change)} />
                      <button type="button" class="button" data-action="remove" aria-describedby={titleId} disabled={busyKeys.has(paper.key)} onClick={() => onRemove(paper)}>
                        {t('popupRemove')}
                      </button>
                    </>
                  )}
                />
              ))}
            </ul>
            {shown.length > rowLimit && (
              <button type="button" class="button show-more" data-action="show-more-saved" onClick={() => setRowLimit((n) => n + SAVED_ROWS_AT_ONCE)}>
                {t('popupShowMoreSaved', [Math.min(SAVED_ROWS_AT_ONCE, shown.length - rowLimit).toLocaleString(), (shown.length - rowLimit).toLocaleString()])}
              </button>
            )}
          </>
        )}
      </Section>
      {catalogue && saved !== undefined && searchesCatalogue(filters) && <CatalogueResults filters={filters} busyKeys={busyKeys} {...catalogue} />}
    </>
  );
}
