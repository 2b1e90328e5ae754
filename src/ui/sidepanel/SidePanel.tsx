// The side panel: related catalogue work for the picked paper or the active tab's paper, with why each is related,
// sortable by similarity, date or title, filterable by topic, each openable and savable.
import { withoutInvisibleControls } from '../../core/text/invisibleControls.ts';
import { useEffect, useId, useMemo, useReducer, useState } from 'preact/hooks';
import { cutAtFloor, RELATED_FLOOR } from '../../core/related/relatedFloor.ts';
import type { PaperRef } from '../../core/paper.ts';
import { call, describeTab } from '../../messaging/client.ts';
import type { RelatedPaper } from '../../messaging/shapes.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';
import { t, tCount } from '../../shared/i18n.ts';
import { activeTabId, follow, INITIAL_FOLLOW, paperOfScan, watchTabs } from './followTab.ts';
import { paperFromQuery, storedPickedPaper, watchPickedPaper } from './pickedPaper.ts';
import { RelatedItem, scorePercent } from './RelatedItem.tsx';

export type SortOrder = 'score' | 'date' | 'title';

const RELATED_LIMIT = 20;

export function sortRelated(papers: readonly RelatedPaper[], order: SortOrder): RelatedPaper[] {
  const sorted = [...papers];
  if (order === 'title') sorted.sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }));
  // Newest first; papers without a year last; the more similar first within a year.
  else if (order === 'date') sorted.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || b.score - a.score);
  else sorted.sort((a, b) => b.score - a.score);
  return sorted;
}

/** The topics a related paper is filed under: its own topics when the background sent them, else the shared ones. */
export function topicsOf(paper: RelatedPaper): readonly string[] {
  return paper.topics ?? paper.sharedTopics;
}

/** The similarity a related paper shows ("N% similar"), which the list's floor is on. */
export function shownSimilarity(paper: RelatedPaper): number {
  return paper.similarity ?? paper.score;
}

/** Every topic present in the results, sorted, for the filter. */
export function topicOptions(papers: readonly RelatedPaper[]): string[] {
  return [...new Set(papers.flatMap(topicsOf))].sort((a, b) => a.localeCompare(b));
}

/** The papers filed under `topic` (all of them when `topic` is empty). */
export function filterByTopic(papers: readonly RelatedPaper[], topic: string): RelatedPaper[] {
  return topic ? papers.filter((p) => topicsOf(p).includes(topic)) : [...papers];
}

async function tabPaperOf(tabId: number): Promise<PaperRef | undefined> {
  try {
    return paperOfScan(await describeTab(tabId));
  } catch {
    return undefined;
  }
}

export function SidePanel({ search = globalThis.location?.search ?? '' }: { search?: string }) {
  const fromQuery = useMemo(() => paperFromQuery(search), [search]);
  // What to show follows picks and the active tab (the rule is documented in followTab.ts).
  const [followed, dispatch] = useReducer(follow, INITIAL_FOLLOW);
  const opened = useLoader(async () => {
    const tabId = await activeTabId();
    const tabPaper = tabId === undefined ? undefined : await tabPaperOf(tabId);
    return { picked: fromQuery ?? (await storedPickedPaper()), tabId, tabPaper };
  }, [fromQuery]);
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    if (!opened.value) return;
    dispatch({ kind: 'opened', ...opened.value });
    setOpen(true);
  }, [opened.value]);
  useEffect(() => {
    // Only once opened, so the opening state never overwrites a later pick or tab switch.
    if (!isOpen) return undefined;
    const unwatchPicks = watchPickedPaper((paper) => {
      dispatch({ kind: 'picked', paper });
    });
    const unwatchTabs = watchTabs(
      (tabId) => {
        // Note the switch at once, so a scan stored while the tab's paper is being fetched is not ignored.
        dispatch({ kind: 'tabActivated', tabId });
        void tabPaperOf(tabId).then((tabPaper) => tabPaper && dispatch({ kind: 'tabActivated', tabId, tabPaper }));
      },
      (tabId) => void tabPaperOf(tabId).then((tabPaper) => dispatch({ kind: 'tabScanned', tabId, tabPaper })),
    );
    return () => {
      unwatchPicks();
      unwatchTabs();
    };
  }, [isOpen]);
  const paper = followed.paper;

  const related = useLoader(async () => (paper ? call('related', { paper, limit: RELATED_LIMIT }) : undefined), [paper?.key, paper?.title]);

  const [order, setOrder] = useState<SortOrder>('score');
  const [topicFilter, setTopicFilter] = useState('');
  const [busyKeys, setBusyKeys] = useState<ReadonlySet<string>>(new Set());
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [actionError, setActionError] = useState<unknown>(undefined);

  const relatedWork = related.value?.paper.key === paper?.key ? related.value : undefined;
  const topics = useMemo(() => topicOptions(relatedWork?.related ?? []), [relatedWork]);
  // A topic no longer in the results (another paper was picked) filters nothing.
  const topic = topics.includes(topicFilter) ? topicFilter : '';
  const list = useMemo(() => sortRelated(filterByTopic(relatedWork?.related ?? [], topic), order), [relatedWork, order, topic]);
  const floored = useMemo(() => cutAtFloor(list, shownSimilarity), [list]);
  // The weaker matches stay shown once asked for, until another paper is shown.
  const [weakShownFor, setWeakShownFor] = useState<string | undefined>(undefined);
  const weakShown = weakShownFor !== undefined && weakShownFor === paper?.key;
  const shownKeys = useMemo(() => new Set(floored.shown.map((p) => p.key)), [floored]);
  const visible = weakShown ? list : floored.shown;
  const listId = useId();

  const toggleSave = async (item: RelatedPaper, wanted: boolean) => {
    setBusyKeys((keys) => new Set(keys).add(item.key));
    setActionError(undefined);
    try {
      const result = await call('setSaved', { paper: { key: item.key, title: item.title, authors: item.authors }, saved: wanted });
      setOverrides((map) => new Map(map).set(result.key, result.saved));
      await related.reload();
    } catch (error) {
      setActionError(new Error(t(wanted ? 'commonSaveFailed' : 'commonRemoveFailed', [item.title, error instanceof Error ? error.message : String(error)])));
    } finally {
      setBusyKeys((keys) => {
        const next = new Set(keys);
        next.delete(item.key);
        return next;
      });
    }
  };

  // A fresh answer from the background supersedes what this panel changed.
  useEffect(() => setOverrides(new Map()), [related.value]);

  const heading = relatedWork?.paper.title ?? paper?.title;
  const loadingPick = !isOpen && opened.error === undefined && paper === undefined;

  return (
    <main class="page page--sidepanel">
      <header class="page-header page-header--stacked">
        {heading !== undefined && <p class="eyebrow">{t('panelEyebrow')}</p>}
        <h1 data-picked-key={paper?.key} data-source={followed.source} dir="auto">
          {heading === undefined ? t('panelTitle') : withoutInvisibleControls(heading)}
        </h1>
      </header>
      <ErrorNote error={opened.error} action={t('panelPickError')} />
      <ErrorNote error={actionError} />
      {loadingPick ? (
        <p class="empty">{t('commonLoading')}</p>
      ) : !paper ? (
        <EmptyState name="no-pick">{t('panelNoPick')}</EmptyState>
      ) : (
        <Section
          name="related"
          title={t('panelRelatedTitle')}
          count={relatedWork === undefined ? undefined : visible.length}
          actions={
            <div class="toolbar">
              <span class="toolbar-field">
                <label for="sort-order">{t('panelSortBy')}</label>
                <select id="sort-order" data-control="sort" value={order} onChange={(event) => setOrder((event.currentTarget as HTMLSelectElement).value as SortOrder)}>
                  <option value="score">{t('panelSortSimilarity')}</option>
                  <option value="date">{t('panelSortDate')}</option>
                  <option value="title">{t('panelSortTitle')}</option>
                </select>
              </span>
              <span class="toolbar-field">
                <label for="topic-filter">{t('panelTopic')}</label>
                <select id="topic-filter" data-control="topic" value={topic} onChange={(event) => setTopicFilter((event.currentTarget as HTMLSelectElement).value)}>
                  <option value="">{t('panelAllTopics')}</option>
                  {topics.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </span>
            </div>
          }
        >
          <ErrorNote error={related.error} action={t('panelRelatedError')} />
          {relatedWork === undefined ? (
            related.error === undefined && <p class="empty">{t('panelFinding')}</p>
          ) : relatedWork.related.length === 0 ? (
            <EmptyState name="no-related">{t('panelNoRelated')}</EmptyState>
          ) : list.length === 0 ? (
            <EmptyState name="no-topic">{t('panelNoTopic', topic)}</EmptyState>
          ) : (
            <>
              {floored.allWeak && (
                <p class="note" data-all-weak="">
                  {t('panelAllWeak', scorePercent(RELATED_FLOOR))}
                </p>
              )}
              <ol class="paper-list" id={listId} data-sort={order} data-topic={topic || undefined}>
                {visible.map((item) => (
                  <RelatedItem
                    key={item.key}
                    paper={item}
                    weak={floored.allWeak || !shownKeys.has(item.key)}
                    saved={overrides.get(item.key) ?? item.saved}
                    busy={busyKeys.has(item.key)}
                    onToggleSave={(p, wanted) => void toggleSave(p, wanted)}
                  />
                ))}
              </ol>
              {floored.hidden.length > 0 && (
                <p class="weak-matches" data-weak-count={String(floored.hidden.length)} data-weak-shown={String(weakShown)}>
                  <span>
                    {weakShown
                      ? tCount(floored.hidden.length, 'panelWeakShownOne', 'panelWeakShownMany')
                      : tCount(floored.hidden.length, 'panelWeakHiddenOne', 'panelWeakHiddenMany')}
                  </span>
                  <button
                    type="button"
                    class="button"
                    data-action="show-weak"
                    aria-expanded={weakShown}
                    aria-controls={listId}
                    onClick={() => setWeakShownFor(weakShown ? undefined : paper?.key)}
                  >
                    {weakShown ? t('panelShowFewer') : t('panelShowMore')}
                  </button>
                </p>
              )}
            </>
          )}
        </Section>
      )}
    </main>
  );
}
