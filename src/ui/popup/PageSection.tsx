// The popup's "On this page" section: the papers the content script found on the tab, with save and related actions.
import { SITES } from '../../adapters/sites.ts';
import { GENERIC_ID, LINKS_ID } from '../../adapters/types.ts';
import { useState } from 'preact/hooks';
import type { PaperRef } from '../../core/paper.ts';
import { isNewInView } from '../../core/seen/seenRecord.ts';
import type { InterestStatus, PagePaper, PageScan } from '../../messaging/shapes.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { SaveToggle } from '../components/SaveToggle.tsx';
import { Section } from '../components/Section.tsx';
import { t } from '../../shared/i18n.ts';
import { isForYou, relevanceWords } from '../../shared/relevanceWords.ts';
import { PopupRow } from './PopupRow.tsx';

export interface PageSectionProps {
  scan: PageScan | undefined;
  /** False until the scan has been asked for: nothing is said about the page before that. */
  loaded: boolean;
  /** The site's display name for the scan's adapter, when known. */
  siteName?: string;
  isSaved: (paper: PagePaper) => boolean;
  busyKeys: ReadonlySet<string>;
  onToggleSave: (paper: PaperRef, saved: boolean) => void;
  onRelated: (paper: PaperRef) => void;
  /** Injects the on-request scan into the tab; absent when there is no tab to scan. */
  onScanPage?: () => void;
  /** True while an on-request scan is running. */
  scanning?: boolean;
  /** Saves the selected papers that are not saved yet (saving again would move them to the top of the library). */
  onSaveSelected?: (papers: PaperRef[]) => Promise<void> | void;
  /** Exports the selected papers, saved or not, as BibTeX. */
  onExportSelected?: (papers: PaperRef[]) => Promise<void> | void;
  /** Whether listings are ranked for the reader (undefined until asked). */
  interests?: InterestStatus;
}

/** The bulk-selection bar: "Select all" (mixed when some are), the count (announced), and the actions on the selection. */
function SelectionBar({
  total,
  selected,
  busy,
  onSelectAll,
  onSave,
  onExport,
}: {
  total: number;
  selected: number;
  busy: boolean;
  onSelectAll: (all: boolean) => void;
  onSave?: () => void;
  onExport?: () => void;
}) {
  return (
    <div class="toolbar selection-bar" data-selection-bar="">
      <label>
        <input
          type="checkbox"
          data-control="select-all"
          checked={total > 0 && selected === total}
          // A property, not an attribute: set in the same render as the count (an effect ran a frame later).
          indeterminate={selected > 0 && selected < total}
          onChange={(event) => onSelectAll((event.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('popupSelectAll')}
      </label>
      <span class="selection-count" data-selection-count={String(selected)} aria-live="polite" aria-atomic="true">
        {selected > 0 ? t('popupSelectionCount', [selected, total]) : ''}
      </span>
      {selected > 0 && (
        <>
          {onSave && (
            <button type="button" class="button" data-action="save-selected" disabled={busy} aria-busy={busy} onClick={onSave}>
              {t('popupSaveSelected')}
            </button>
          )}
          {onExport && (
            <button type="button" class="button" data-action="export-selected" disabled={busy} onClick={onExport} title={t('popupExportSelectedTitle')}>
              {t('popupExportSelected')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** "a arXiv" reads badly: English picks the article by the name's first letter, so there are two messages. */
function layoutChangedText(name: string): string {
  return t(/^[aeiou]/i.test(name) ? 'popupLayoutChangedVowel' : 'popupLayoutChanged', name);
}

/** The papers of a listing new to the reader in its view; undefined when nothing is remembered (paused, private, not a listing). */
export function newKeysOf(scan: PageScan | undefined): ReadonlySet<string> | undefined {
  if (scan?.pageKind !== 'listing' || scan.viewStartedAt === undefined) return undefined;
  if (!scan.papers.some((p) => p.firstSeenAt !== undefined)) return undefined;
  const viewStartedAt = scan.viewStartedAt;
  return new Set(scan.papers.filter((p) => isNewInView(p.firstSeenAt, viewStartedAt, 'listing')).map((p) => p.key));
}

/** How many of the page's papers are for the reader; or, on a listing while the library is too small, what to do. */
function ForYouLine({ scan, interests }: { scan: PageScan; interests: InterestStatus | undefined }) {
  const forYou = scan.papers.filter((p) => isForYou(p.relevance)).length;
  if (interests?.ranking === false) {
    if (scan.pageKind !== 'listing') return null;
    return (
      <p class="page-for-you page-for-you--needs" data-page-for-you-needs={String(interests.needed - interests.papers)}>
        {t('popupForYouNeedsPapers', [interests.needed.toLocaleString(), interests.papers.toLocaleString()])}
      </p>
    );
  }
  // The page's answers carry relevance only once interests are learned (an older scan has none: nothing is said).
  if (!scan.papers.some((p) => p.relevance)) return null;
  return (
    <p class="page-for-you" data-page-for-you={String(forYou)} aria-live="polite">
      {t('popupForYouOnPage', forYou.toLocaleString())}
    </p>
  );
}

export function PageSection({
  scan,
  loaded,
  siteName,
  isSaved,
  busyKeys,
  onToggleSave,
  onRelated,
  onScanPage,
  scanning,
  onSaveSelected,
  onExportSelected,
  interests,
}: PageSectionProps) {
  const papers = scan?.papers ?? [];
  const newKeys = newKeysOf(scan);
  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(new Set());
  const [bulkBusy, setBulkBusy] = useState(false);
  // Keys no longer on the page (after a rescan) drop out of the selection.
  const selected = papers.filter((p) => selectedKeys.has(p.key));
  const toggle = (key: string, on: boolean) =>
    setSelectedKeys((keys) => {
      const next = new Set(keys);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const runBulk = (action: ((papers: PaperRef[]) => Promise<void> | void) | undefined, which: (paper: PagePaper) => boolean = () => true) =>
    action
      ? async () => {
          setBulkBusy(true);
          try {
            await action(selected.filter(which).map((p) => p.ref));
          } finally {
            setBulkBusy(false);
          }
        }
      : undefined;
  const save = runBulk(onSaveSelected, (paper) => !isSaved(paper));
  const exportSelected = runBulk(onExportSelected);
  const scanButton = onScanPage ? (
    <button type="button" class="button" data-action="scan-page" disabled={scanning} aria-busy={scanning} onClick={onScanPage}>
      {scanning ? t('popupScanning') : t('popupScanPage')}
    </button>
  ) : null;
  return (
    <Section name="page" title={t('popupPageTitle')} count={loaded ? papers.length : undefined}>
      {!loaded ? (
        <p class="empty">{t('commonLoading')}</p>
      ) : papers.length > 0 ? (
        <>
          {/* Select all, then the page's counts, on one line: the rows below get the height. */}
          <div class="page-bar">
            <SelectionBar
              total={papers.length}
              selected={selected.length}
              busy={bulkBusy}
              onSelectAll={(all) => setSelectedKeys(all ? new Set(papers.map((p) => p.key)) : new Set())}
              onSave={save && (() => void save())}
              onExport={exportSelected && (() => void exportSelected())}
            />
            <div class="page-counts">
              {newKeys && (
                <p class="page-new" data-page-new={String(newKeys.size)} aria-live="polite">
                  {t('popupNewOnPage', [newKeys.size.toLocaleString(), papers.length.toLocaleString()])}
                </p>
              )}
              {scan && <ForYouLine scan={scan} interests={interests} />}
            </div>
          </div>
          <ul class="paper-list paper-list--rows">
            {papers.map((paper) => {
              const saved = isSaved(paper);
              const forYou = isForYou(paper.relevance) ? paper.relevance : undefined;
              const reason = forYou && relevanceWords(forYou);
              return (
                <PopupRow
                  key={paper.key}
                  paperKey={paper.key}
                  title={paper.ref.title}
                  url={paper.ref.url}
                  tags={paper.tags}
                  attributes={{ 'data-in-catalogue': String(paper.inCatalogue), 'data-saved': String(saved) }}
                  lead={(titleId) => (
                    <input
                      type="checkbox"
                      class="select-paper"
                      data-control="select-paper"
                      aria-labelledby={titleId}
                      checked={selectedKeys.has(paper.key)}
                      onChange={(event) => toggle(paper.key, (event.currentTarget as HTMLInputElement).checked)}
                    />
                  )}
                  marks={
                    <>
                      {forYou && (
                        <span class="marker marker-for-you" data-marker="for-you" data-level={forYou.level} title={reason}>
                          {t('badgeForYou')}
                        </span>
                      )}
                      {/* Why, for screen readers; sighted readers have the mark's tooltip (a line of its own would make the row tall). */}
                      {forYou && (
                        <span class="visually-hidden" data-for-you-reason="" dir="auto">
                          {reason}
                        </span>
                      )}
                      {newKeys?.has(paper.key) && (
                        <span class="marker marker-new" data-marker="new" title={t('badgeNewTitle')}>
                          {t('badgeNew')}
                        </span>
                      )}
                      {paper.inCatalogue && (
                        <span class="marker" data-marker="in-catalogue" title={t('popupInCatalogueTitle')}>
                          {t('popupInCatalogue')}
                        </span>
                      )}
                    </>
                  }
                  actions={(titleId) => (
                    <>
                      <SaveToggle saved={saved} busy={busyKeys.has(paper.key)} describedBy={titleId} onToggle={() => onToggleSave(paper.ref, !saved)} />
                      <button type="button" class="button" data-action="related" aria-describedby={titleId} title={t('commonRelatedTitle')} onClick={() => onRelated(paper.ref)}>
                        {t('commonRelated')}
                      </button>
                    </>
                  )}
                />
              );
            })}
          </ul>
        </>
      ) : scan?.adapterId === GENERIC_ID || scan?.adapterId === LINKS_ID ? (
        <>
          <EmptyState name="none-found">{t('popupNoneFound')}</EmptyState>
          {scanButton}
        </>
      ) : scan?.pageKind === 'listing' ? (
        <EmptyState tone="warning" name="layout-changed">
          {layoutChangedText(siteName ?? scan.adapterId)}
        </EmptyState>
      ) : (
        <>
          <EmptyState name="no-scan">{t('popupNoScan', SITES.map((site) => site.name).join(', '))}</EmptyState>
          {scanButton}
        </>
      )}
    </Section>
  );
}
