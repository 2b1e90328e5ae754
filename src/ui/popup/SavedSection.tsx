// The popup's "Saved" section: the user's library, newest first, with search and filters, and per paper its read mark, tags, note and Remove.
import { useId, useMemo, useState } from 'preact/hooks';
import type { SavedPaper } from '../../messaging/protocol.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PaperItem } from '../components/PaperItem.tsx';
import { Section } from '../components/Section.tsx';
import { formatDate, isoDate } from '../components/dates.ts';
import { t, tWith } from '../i18n.ts';
import { NoteEditor, ReadToggle, UserTags, type SavedChange } from './SavedPaperControls.tsx';
import { allUserTags, filterOptions, indexSaved, NO_FILTERS, searchSaved, type SavedFilters } from './searchSaved.ts';

export interface SavedSectionProps {
  saved: SavedPaper[] | undefined;
  busyKeys: ReadonlySet<string>;
  onRemove: (paper: SavedPaper) => void;
  /** Changes a paper's read mark, user tags or note. */
  onUpdate?: (paper: SavedPaper, change: SavedChange) => void;
}

function SavedFiltersBar({ papers, filters, onChange }: { papers: SavedPaper[]; filters: SavedFilters; onChange: (change: Partial<SavedFilters>) => void }) {
  const searchId = useId();
  const tagId = useId();
  const yearId = useId();
  const options = useMemo(() => filterOptions(papers), [papers]);
  const set = onChange;
  return (
    <div class="saved-filters" role="search">
      <label class="visually-hidden" for={searchId}>
        {t('popupSearchSaved')}
      </label>
      <input
        id={searchId}
        type="search"
        data-control="search-saved"
        placeholder={t('popupSearchSaved')}
        value={filters.query}
        onInput={(event) => set({ query: event.currentTarget.value })}
      />
      <div class="toolbar">
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
        {options.years.length > 0 && (
          <>
            <label for={yearId}>{t('popupFilterYear')}</label>
            <select id={yearId} data-control="filter-year" value={filters.year} onChange={(event) => set({ year: event.currentTarget.value })}>
              <option value="">{t('popupFilterAny')}</option>
              {options.years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </>
        )}
        <label class="checkbox-label">
          <input type="checkbox" data-control="unread-only" checked={filters.unreadOnly} onChange={(event) => set({ unreadOnly: event.currentTarget.checked })} />
          {t('popupUnreadOnly')}
        </label>
      </div>
    </div>
  );
}

export function SavedSection({ saved, busyKeys, onRemove, onUpdate }: SavedSectionProps) {
  const listId = useId();
  const [filters, setFilters] = useState<SavedFilters>(NO_FILTERS);
  const index = useMemo(() => (saved ? indexSaved(saved) : undefined), [saved]);
  const shown = useMemo(() => (saved && index ? searchSaved(saved, filters, index) : []), [saved, index, filters]);
  const tagSuggestions = useMemo(() => (saved ? allUserTags(saved) : []), [saved]);
  const update = (paper: SavedPaper, change: SavedChange) => onUpdate?.(paper, change);

  return (
    <Section name="saved" title={t('popupSavedTitle')} count={saved?.length}>
      {saved === undefined ? (
        <p class="empty">{t('commonLoading')}</p>
      ) : saved.length === 0 ? (
        <EmptyState name="no-saved">{t('popupNoSaved')}</EmptyState>
      ) : (
        <>
          <SavedFiltersBar papers={saved} filters={filters} onChange={(change) => setFilters((current) => ({ ...current, ...change }))} />
          <datalist id={listId}>
            {tagSuggestions.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <p class="visually-hidden" aria-live="polite" data-saved-shown={shown.length}>
            {shown.length === saved.length ? t('popupSavedCount', saved.length) : t('popupSavedShownCount', [shown.length, saved.length])}
          </p>
          {shown.length === 0 && <EmptyState name="no-match">{t('popupNoMatch')}</EmptyState>}
          <ul class="paper-list">
            {shown.map((paper) => (
              <PaperItem
                key={paper.key}
                paperKey={paper.key}
                title={paper.title}
                url={paper.url}
                tags={paper.tags}
                attributes={{ 'data-read': paper.read ? 'true' : 'false' }}
                meta={
                  <>
                    <span>
                      {tWith('popupSavedOn', [<time dateTime={isoDate(paper.savedAt)}>{formatDate(paper.savedAt)}</time>])}
                    </span>
                    {paper.year !== undefined && <span data-field="year">{paper.year}</span>}
                  </>
                }
                details={
                  <>
                    <UserTags paper={paper} listId={listId} onUpdate={(change) => update(paper, change)} />
                    <NoteEditor paper={paper} onUpdate={(change) => update(paper, change)} />
                  </>
                }
                actions={(titleId) => (
                  <>
                    <ReadToggle paper={paper} describedBy={titleId} onUpdate={(change) => update(paper, change)} />
                    <button
                      type="button"
                      class="button"
                      data-action="remove"
                      aria-describedby={titleId}
                      disabled={busyKeys.has(paper.key)}
                      onClick={() => onRemove(paper)}
                    >
                      {t('popupRemove')}
                    </button>
                  </>
                )}
              />
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
