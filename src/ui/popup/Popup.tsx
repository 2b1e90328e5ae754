// The toolbar popup: the search box first, then two tabs, the papers found on the current tab and the saved library,
// with save, related and remove actions.
import { useCallback, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PaperRef } from '../../core/paper.ts';
import { SITES } from '../../adapters/sites.ts';
import { call, describeTab, listAllSaved } from '../../messaging/client.ts';
import type { SavedPaper, PagePaper } from '../../messaging/shapes.ts';
import { downloadText } from '../components/download.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useLoader } from '../components/useLoader.ts';
import { t } from '../../shared/i18n.ts';
import { targetTab } from './activeTab.ts';
import { openRelatedPanel } from './openRelatedPanel.ts';
import { newKeysOf, PageSection } from './PageSection.tsx';
import { type PopupTabName, PopupTabs, rememberedTab, rememberTab } from './PopupTabs.tsx';
import { SavedSection, SearchBox } from './SavedSection.tsx';
import { NO_FILTERS, type SavedFilters } from './searchSaved.ts';
import { isForYou } from '../../shared/relevanceWords.ts';
import type { SavedChange } from './SavedPaperControls.tsx';
import { LinksToggle, linksSiteForTab } from './LinksToggle.tsx';
import { scanThisPage, waitForScan } from './scanThisPage.ts';

export function Popup() {
  const tab = useLoader(() => targetTab(), []);
  const tabId = tab.value?.tabId;
  const scan = useLoader(async () => ({ tabId, scan: tabId === undefined ? undefined : await describeTab(tabId) }), [tabId]);
  const saved = useLoader(() => listAllSaved(), []);
  // Asked again whenever the library is (a save from here may be the one that starts the ranking).
  const interests = useLoader(() => call('interestStatus', {}), [saved.value]);
  const currentScan = scan.value?.scan;

  const [actionError, setActionError] = useState<unknown>(undefined);
  const [busyKeys, setBusyKeys] = useState<ReadonlySet<string>>(new Set());
  // What this popup changed, so a toggle shows at once even before the lists are fetched again.
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());

  const savedKeys = useMemo(() => (saved.value ? new Set(saved.value.map((p) => p.key)) : undefined), [saved.value]);
  // The stored scan's `saved` flags date from the scan; the library is the truth once it has loaded.
  const isSaved = useCallback((paper: PagePaper) => overrides.get(paper.key) ?? savedKeys?.has(paper.key) ?? paper.saved, [overrides, savedKeys]);

  const setBusy = (key: string, busy: boolean) =>
    setBusyKeys((keys) => {
      const next = new Set(keys);
      if (busy) next.add(key);
      else next.delete(key);
      return next;
    });

  const setSaved = async (paper: PaperRef, wanted: boolean) => {
    setBusy(paper.key, true);
    setActionError(undefined);
    try {
      const result = await call('setSaved', { paper, saved: wanted });
      setOverrides((map) => new Map(map).set(result.key, result.saved));
      await Promise.all([saved.reload(), scan.reload()]);
    } catch (error) {
      setActionError(new Error(t(wanted ? 'commonSaveFailed' : 'commonRemoveFailed', [paper.title, error instanceof Error ? error.message : String(error)])));
    } finally {
      setBusy(paper.key, false);
    }
  };

  /** Saves the papers one message at a time (each broadcast flips that paper's badge), then reloads the lists once. */
  const saveSelected = async (papers: PaperRef[]) => {
    setActionError(undefined);
    setBusyKeys((keys) => new Set([...keys, ...papers.map((p) => p.key)]));
    const failed: string[] = [];
    try {
      for (const paper of papers) {
        try {
          const result = await call('setSaved', { paper, saved: true });
          setOverrides((map) => new Map(map).set(result.key, result.saved));
        } catch {
          failed.push(paper.title);
        }
        setBusy(paper.key, false);
      }
      await Promise.all([saved.reload(), scan.reload()]);
      if (failed.length) {
        const titles = failed
          .slice(0, 3)
          .map((title) => t('commonQuoted', title))
          .join(', ');
        setActionError(new Error(t('popupSaveSelectedFailed', [failed.length, papers.length, titles])));
      }
    } finally {
      setBusyKeys((keys) => new Set([...keys].filter((key) => !papers.some((p) => p.key === key))));
    }
  };

  const exportSelected = async (papers: PaperRef[]) => {
    setActionError(undefined);
    try {
      const file = await call('exportLibrary', { format: 'bibtex', papers });
      downloadText(file.text, file.filename, file.mime);
    } catch (error) {
      setActionError(new Error(t('popupExportSelectedFailed', error instanceof Error ? error.message : String(error))));
    }
  };

  const removeSaved = (paper: SavedPaper) => {
    const ref: PaperRef = { key: paper.key, title: paper.title, authors: paper.authors, ...(paper.url ? { url: paper.url } : {}) };
    void setSaved(ref, false);
  };

  const updateSaved = async (paper: SavedPaper, change: SavedChange) => {
    setActionError(undefined);
    try {
      await call('updateSaved', { key: paper.key, ...change });
      await saved.reload();
    } catch (error) {
      setActionError(new Error(t('popupUpdateFailed', [paper.title, error instanceof Error ? error.message : String(error)])));
    }
  };

  const showRelated = (paper: PaperRef) => {
    setActionError(undefined);
    // The panel is opened first, in the click itself, as Firefox requires; then the paper is picked for it.
    const opened = openRelatedPanel(tab.value?.windowId);
    call('pickPaper', { paper, openPanel: false }).catch((error: unknown) => setActionError(error));
    void opened.then((reason) => {
      if (reason) setActionError(new Error(t('popupSidebarNotOpened', reason)));
    });
  };

  const [scanning, setScanning] = useState(false);
  const scanPage = async () => {
    if (tabId === undefined) return;
    setScanning(true);
    setActionError(undefined);
    try {
      if (!(await scanThisPage(tabId))) throw new Error(t('popupScanNoAnswer'));
      await scan.reload();
    } catch (error) {
      setActionError(new Error(t('popupScanFailed', error instanceof Error ? error.message : String(error))));
    } finally {
      setScanning(false);
    }
  };

  // "Show badges on this site": on a web page of no supported site, once the tab's address is known.
  const linksSite = linksSiteForTab(tab.value?.url);
  const linksChanged = (on: boolean) => {
    if (tabId === undefined) return;
    // Turned on, the worker badges the tab at once: its papers are listed once it has asked about them.
    void (on ? waitForScan(tabId, Date.now()) : Promise.resolve(true)).then(() => scan.reload());
  };

  const openOptions = () => {
    browser.runtime.openOptionsPage().catch((error: unknown) => setActionError(error));
  };

  const siteName = SITES.find((site) => site.id === currentScan?.adapterId)?.name;

  const [filters, setFilters] = useState<SavedFilters>(NO_FILTERS);
  const [activeTab, setActiveTab] = useState<PopupTabName>(rememberedTab);
  const chooseTab = (tab: PopupTabName) => {
    setActiveTab(tab);
    rememberTab(tab);
  };
  const changeFilters = (change: Partial<SavedFilters>) => {
    setFilters((current) => ({ ...current, ...change }));
    // What is typed is looked for in the library and the catalogue: their tab shows the results (not remembered: a choice it was not).
    if (change.query?.trim()) setActiveTab('library');
  };

  const pageLoaded = tab.error !== undefined || (!tab.loading && (scan.value?.tabId === tabId || scan.error !== undefined));
  const pagePapers = pageLoaded ? currentScan?.papers : undefined;
  const newCount = newKeysOf(currentScan)?.size ?? 0;
  const forYouCount = pagePapers?.filter((p) => isForYou(p.relevance)).length ?? 0;

  return (
    <main class="page page--popup">
      <header class="page-header popup-header">
        <PopupLogo />
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="link-button popup-options" data-action="options" title={t('popupOptionsTitle')} onClick={openOptions}>
          {t('popupOptions')}
        </button>
      </header>
      <SearchBox query={filters.query} onQuery={(query) => changeFilters({ query })} withCatalogue={true} />
      <PopupTabs
        active={activeTab}
        onSelect={chooseTab}
        labels={{
          page: (
            <>
              {t('popupTabPage')}
              {pagePapers && <span class="tab-count">{pagePapers.length.toLocaleString()}</span>}
              {newCount > 0 && (
                <span class="tab-chip marker-new" data-tab-new={String(newCount)}>
                  {t('popupTabNew', newCount.toLocaleString())}
                </span>
              )}
              {forYouCount > 0 && (
                <span class="tab-chip marker-for-you" data-tab-for-you={String(forYouCount)}>
                  {t('popupForYouOnPage', forYouCount.toLocaleString())}
                </span>
              )}
            </>
          ),
          library: (
            <>
              {t('popupTabLibrary')}
              {saved.value && <span class="tab-count">{saved.value.length.toLocaleString()}</span>}
            </>
          ),
        }}
        between={
          <>
            <ErrorNote error={actionError} />
            <ErrorNote error={tab.error} action={t('popupTabError')} />
            <ErrorNote error={scan.error} action={t('popupScanReadError')} />
            <ErrorNote error={saved.error} action={t('popupSavedLoadError')} />
          </>
        }
        panels={{
          page: (
            <>
              {linksSite && <LinksToggle site={linksSite} onChanged={linksChanged} onError={setActionError} />}
              <PageSection
                scan={currentScan}
                loaded={pageLoaded}
                siteName={siteName}
                isSaved={isSaved}
                busyKeys={busyKeys}
                onToggleSave={(paper, wanted) => void setSaved(paper, wanted)}
                onRelated={showRelated}
                onScanPage={tabId === undefined ? undefined : () => void scanPage()}
                scanning={scanning}
                onSaveSelected={saveSelected}
                onExportSelected={exportSelected}
                interests={interests.value}
              />
            </>
          ),
          library: (
            <SavedSection
              saved={saved.value}
              filters={filters}
              onFiltersChange={changeFilters}
              busyKeys={busyKeys}
              onRemove={removeSaved}
              onUpdate={(paper, change) => void updateSaved(paper, change)}
              catalogue={{ isSaved: (key) => overrides.get(key) ?? savedKeys?.has(key), onToggleSave: (paper, wanted) => void setSaved(paper, wanted), onRelated: showRelated }}
            />
          ),
        }}
      />
    </main>
  );
}

/** The extension's mark, drawn here (a page with a magnifier over it, as in the toolbar icon): sharp at any zoom, no file to load. */
function PopupLogo() {
  return (
    <svg class="popup-logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="5" fill="#2f5fd0" />
      <path d="M6 4.5h8.5l3.5 3.5v8.2a6 6 0 0 0-1.6-.9V9h-3V6.1H7.6v11.8h4.1c.1.6.3 1.1.6 1.6H6z" fill="#e8eef9" />
      <path d="M9 9.5h3.5M9 12h5.5M9 14.5h3" stroke="#2f5fd0" stroke-width="1.2" stroke-linecap="round" />
      <circle cx="16" cy="17" r="3" fill="none" stroke="#ffffff" stroke-width="1.6" />
      <path d="M18.2 19.2l2.3 2.3" stroke="#ffffff" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}
