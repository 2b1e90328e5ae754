// The side panel: related catalogue work for the picked paper, with why each is related, sortable, each savable.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PaperRef } from '../../core/paper.ts';
import { call } from '../../messaging/client.ts';
import type { RelatedPaper } from '../../messaging/protocol.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';
import { paperFromQuery, storedPickedPaper, watchPickedPaper } from './pickedPaper.ts';
import { RelatedItem } from './RelatedItem.tsx';

export type SortOrder = 'score' | 'title';

const RELATED_LIMIT = 20;

export function sortRelated(papers: readonly RelatedPaper[], order: SortOrder): RelatedPaper[] {
  const sorted = [...papers];
  if (order === 'title') sorted.sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }));
  else sorted.sort((a, b) => b.score - a.score);
  return sorted;
}

export function SidePanel({ search = globalThis.location?.search ?? '' }: { search?: string }) {
  const fromQuery = useMemo(() => paperFromQuery(search), [search]);
  // Bumped whenever a paper is picked elsewhere; the first pick comes from the query when there is one.
  const [pickCount, setPickCount] = useState(0);
  useEffect(() => watchPickedPaper(() => setPickCount((n) => n + 1)), []);

  const picked = useLoader<PaperRef | undefined>(
    async () => (pickCount === 0 && fromQuery ? fromQuery : storedPickedPaper()),
    [pickCount, fromQuery],
  );
  const paper = picked.value;

  const related = useLoader(
    async () => (paper ? call('related', { paper, limit: RELATED_LIMIT }) : undefined),
    [paper?.key, paper?.title],
  );

  const [order, setOrder] = useState<SortOrder>('score');
  const [busyKeys, setBusyKeys] = useState<ReadonlySet<string>>(new Set());
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [actionError, setActionError] = useState<unknown>(undefined);

  const relatedWork = related.value?.paper.key === paper?.key ? related.value : undefined;
  const list = useMemo(() => sortRelated(relatedWork?.related ?? [], order), [relatedWork, order]);

  const toggleSave = async (item: RelatedPaper, wanted: boolean) => {
    setBusyKeys((keys) => new Set(keys).add(item.key));
    setActionError(undefined);
    try {
      const result = await call('setSaved', { paper: { key: item.key, title: item.title, authors: item.authors }, saved: wanted });
      setOverrides((map) => new Map(map).set(result.key, result.saved));
      await related.reload();
    } catch (error) {
      setActionError(new Error(`Could not ${wanted ? 'save' : 'remove'} “${item.title}”: ${error instanceof Error ? error.message : String(error)}`));
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
  const loadingPick = picked.loading && paper === undefined;

  return (
    <main class="page page--sidepanel">
      <header class="page-header page-header--stacked">
        {heading !== undefined && <p class="eyebrow">Related work for</p>}
        <h1 data-picked-key={paper?.key}>{heading ?? 'Related work'}</h1>
      </header>
      <ErrorNote error={picked.error} action="Could not read the picked paper" />
      <ErrorNote error={actionError} />
      {loadingPick ? (
        <p class="empty">Loading…</p>
      ) : !paper ? (
        <EmptyState name="no-pick">Pick a paper with a badge's Related button or from the popup.</EmptyState>
      ) : (
        <Section
          name="related"
          title="Related papers"
          count={relatedWork?.related.length}
          actions={
            <div class="toolbar">
              <label for="sort-order">Sort by</label>
              <select
                id="sort-order"
                data-control="sort"
                value={order}
                onChange={(event) => setOrder((event.currentTarget as HTMLSelectElement).value as SortOrder)}
              >
                <option value="score">Similarity</option>
                <option value="title">Title</option>
              </select>
            </div>
          }
        >
          <ErrorNote error={related.error} action="Could not find related papers" />
          {relatedWork === undefined ? (
            related.error === undefined && <p class="empty">Finding related papers…</p>
          ) : list.length === 0 ? (
            <EmptyState name="no-related">No related papers were found in the installed catalogue.</EmptyState>
          ) : (
            <ol class="paper-list" data-sort={order}>
              {list.map((item) => (
                <RelatedItem
                  key={item.key}
                  paper={item}
                  saved={overrides.get(item.key) ?? item.saved}
                  busy={busyKeys.has(item.key)}
                  onToggleSave={(p, wanted) => void toggleSave(p, wanted)}
                />
              ))}
            </ol>
          )}
        </Section>
      )}
    </main>
  );
}
