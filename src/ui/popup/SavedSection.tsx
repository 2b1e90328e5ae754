// The popup's "Saved" section: the user's library, newest first, each with a Remove button.
import type { SavedPaper } from '../../messaging/protocol.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PaperItem } from '../components/PaperItem.tsx';
import { Section } from '../components/Section.tsx';
import { formatDate, isoDate } from '../components/dates.ts';

export interface SavedSectionProps {
  saved: SavedPaper[] | undefined;
  busyKeys: ReadonlySet<string>;
  onRemove: (paper: SavedPaper) => void;
}

export function SavedSection({ saved, busyKeys, onRemove }: SavedSectionProps) {
  return (
    <Section name="saved" title="Saved" count={saved?.length}>
      {saved === undefined ? (
        <p class="empty">Loading…</p>
      ) : saved.length === 0 ? (
        <EmptyState name="no-saved">Nothing saved yet. Use a paper's Save button to keep it here.</EmptyState>
      ) : (
        <ul class="paper-list">
          {saved.map((paper) => (
            <PaperItem
              key={paper.key}
              paperKey={paper.key}
              title={paper.title}
              url={paper.url}
              tags={paper.tags}
              meta={
                <span>
                  Saved <time dateTime={isoDate(paper.savedAt)}>{formatDate(paper.savedAt)}</time>
                </span>
              }
              actions={(titleId) => (
                <button
                  type="button"
                  class="button"
                  data-action="remove"
                  aria-describedby={titleId}
                  disabled={busyKeys.has(paper.key)}
                  onClick={() => onRemove(paper)}
                >
                  Remove
                </button>
              )}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}
