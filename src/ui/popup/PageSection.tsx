// The popup's "On this page" section: the papers the content script found on the tab, with save and related actions.
import { SITES } from '../../adapters/sites.ts';
import type { PaperRef } from '../../core/paper.ts';
import type { TabPaper, TabScan } from '../../messaging/protocol.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PaperItem } from '../components/PaperItem.tsx';
import { SaveToggle } from '../components/SaveToggle.tsx';
import { Section } from '../components/Section.tsx';

export interface PageSectionProps {
  scan: TabScan | undefined;
  /** False until the scan has been asked for: nothing is said about the page before that. */
  loaded: boolean;
  /** The site's display name for the scan's adapter, when known. */
  siteName?: string;
  isSaved: (paper: TabPaper) => boolean;
  busyKeys: ReadonlySet<string>;
  onToggleSave: (paper: PaperRef, saved: boolean) => void;
  onRelated: (paper: PaperRef) => void;
  /** Injects the on-request scan into the tab; absent when there is no tab to scan. */
  onScanPage?: () => void;
  /** True while an on-request scan is running. */
  scanning?: boolean;
}

/** "a arXiv" reads badly: pick the article by the name's first letter. */
function withArticle(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

export function PageSection({ scan, loaded, siteName, isSaved, busyKeys, onToggleSave, onRelated, onScanPage, scanning }: PageSectionProps) {
  const papers = scan?.papers ?? [];
  const scanButton = onScanPage ? (
    <button type="button" class="button" data-action="scan-page" disabled={scanning} aria-busy={scanning} onClick={onScanPage}>
      {scanning ? 'Scanning…' : 'Scan this page for papers'}
    </button>
  ) : null;
  return (
    <Section name="page" title="On this page" count={loaded ? papers.length : undefined}>
      {!loaded ? (
        <p class="empty">Loading…</p>
      ) : papers.length > 0 ? (
        <ul class="paper-list">
          {papers.map((paper) => {
            const saved = isSaved(paper);
            return (
              <PaperItem
                key={paper.key}
                paperKey={paper.key}
                title={paper.ref.title}
                url={paper.ref.url}
                tags={paper.tags}
                attributes={{ 'data-in-catalogue': String(paper.inCatalogue), 'data-saved': String(saved) }}
                meta={
                  paper.inCatalogue ? (
                    <span class="marker" data-marker="in-catalogue" title="This paper is in the installed catalogue">
                      In catalogue
                    </span>
                  ) : undefined
                }
                actions={(titleId) => (
                  <>
                    <SaveToggle
                      saved={saved}
                      busy={busyKeys.has(paper.key)}
                      describedBy={titleId}
                      onToggle={() => onToggleSave(paper.ref, !saved)}
                    />
                    <button
                      type="button"
                      class="button"
                      data-action="related"
                      aria-describedby={titleId}
                      title="Show related papers in the side panel"
                      onClick={() => onRelated(paper.ref)}
                    >
                      Related
                    </button>
                  </>
                )}
              />
            );
          })}
        </ul>
      ) : scan?.adapterId === 'generic' ? (
        <>
          <EmptyState name="none-found">No papers found on this page: no citation tags, arXiv links or DOI links.</EmptyState>
          {scanButton}
        </>
      ) : scan?.pageKind === 'listing' ? (
        <EmptyState tone="warning" name="layout-changed">
          This looks like {withArticle(siteName ?? scan.adapterId)} listing, but no papers were found: the site may have changed
          its layout.
        </EmptyState>
      ) : (
        <>
          <EmptyState name="no-scan">
            Paperscope has not found papers on this page. It works on {SITES.map((site) => site.name).join(', ')}.
          </EmptyState>
          {scanButton}
        </>
      )}
    </Section>
  );
}
