// One related catalogue paper: authors, year, similarity (percent and bar), why it is related, an Open link and a save toggle.
import { SITES } from '../../adapters/sites.ts';
import { paperUrl } from '../../core/identity/paperKey.ts';
import type { RelatedPaper } from '../../messaging/shapes.ts';
import { PaperItem } from '../components/PaperItem.tsx';
import { SaveToggle } from '../components/SaveToggle.tsx';
import { LabelChips } from '../components/TagList.tsx';
import { seenAgo } from '../components/dates.ts';
import { t } from '../../shared/i18n.ts';

/** First three authors, then "et al." when there are more. */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length <= 3) return authors.join(', ');
  return t('panelEtAl', authors.slice(0, 3).join(', '));
}

export function scorePercent(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

export interface RelatedItemProps {
  paper: RelatedPaper;
  /** Under the list's similarity floor (src/core/related/relatedFloor.ts): shown, but said to be a weak match. */
  weak?: boolean;
  saved: boolean;
  busy: boolean;
  onToggleSave: (paper: RelatedPaper, saved: boolean) => void;
}

export function RelatedItem({ paper, weak = false, saved, busy, onToggleSave }: RelatedItemProps) {
  const shown = paper.similarity ?? paper.score;
  const percent = scorePercent(shown);
  const authors = shortAuthors(paper.authors);
  const url = paperUrl(paper.key);
  return (
    <PaperItem
      paperKey={paper.key}
      title={paper.title}
      attributes={{
        'data-saved': String(saved),
        'data-topics': (paper.topics ?? paper.sharedTopics).join('|'),
        'data-similarity': String(shown),
        'data-weak': weak ? '' : undefined,
      }}
      meta={
        <>
          {weak && <span class="marker marker-weak">{t('panelWeakMatch')}</span>}
          {authors && <span class="authors">{authors}</span>}
          {paper.year !== undefined && (
            <span class="year" data-year={String(paper.year)}>
              {paper.year}
            </span>
          )}
          {paper.seen && (
            <span class="seen-note" data-seen={paper.seen.site}>
              {seenAgo(SITES.find((s) => s.id === paper.seen!.site)?.name ?? paper.seen.site, paper.seen.at)}
            </span>
          )}
          <span class="score" title={t('panelScoreTitle', [shown, paper.score])}>
            <span class="score-bar" data-score={String(paper.score)} aria-hidden="true">
              <span class="score-bar-fill" style={{ width: `${percent}%` }} />
            </span>
            <span class="score-value">{t('panelPercentSimilar', percent)}</span>
          </span>
        </>
      }
      details={
        (paper.sharedTopics.length > 0 || paper.sharedTerms.length > 0) && (
          <div class="why" data-why="">
            {paper.sharedTopics.length > 0 && (
              <>
                <span>{t('panelSharedTopics')}</span>
                <LabelChips labels={paper.sharedTopics} label={t('panelSharedTopicsLabel')} />
              </>
            )}
            {paper.sharedTerms.length > 0 && <span data-shared-terms="">{t('panelSharedTerms', paper.sharedTerms.join(', '))}</span>}
          </div>
        )
      }
      actions={(titleId) => (
        <>
          {url && (
            <a class="button" data-action="open" href={url} target="_blank" rel="noopener noreferrer" aria-describedby={titleId}>
              {t('commonOpen')}
            </a>
          )}
          <SaveToggle saved={saved} busy={busy} describedBy={titleId} onToggle={() => onToggleSave(paper, !saved)} />
        </>
      )}
    />
  );
}
