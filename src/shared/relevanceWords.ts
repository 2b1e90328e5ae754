// Why a paper is "for you", in the reader's language: the badge's mark and the popup word a row's reasons alike.
import type { RelevanceReason, RowRelevance } from '../core/personal/interestModel.ts';
import { t, tTemplate } from './i18n.ts';

/** The levels shown as "for you"; `low` rows are not highlighted. */
export function isForYou(relevance: RowRelevance | undefined): relevance is RowRelevance {
  return relevance?.level === 'high' || relevance?.level === 'medium';
}

/** The messages, asked of the browser once per page rather than once per row. */
let templates: { tag: (...s: Array<string | number>) => string; similar: (...s: Array<string | number>) => string; authors: (...s: Array<string | number>) => string } | undefined;

/** One reason in words: "tag: diffusion", "like 3 of your saved papers: …", "by authors you saved: …". */
export function reasonWords(reason: RelevanceReason): string {
  templates ??= {
    tag: tTemplate('relevanceReasonTag', 1),
    similar: tTemplate('relevanceReasonSimilar', 2),
    authors: tTemplate('relevanceReasonAuthors', 1),
  };
  if (reason.kind === 'tag') return templates.tag(reason.tag);
  if (reason.kind === 'authors') return templates.authors(reason.names.join(', '));
  return templates.similar(reason.count.toLocaleString(), reason.titles.join('; '));
}

/** Every reason of a row, strongest first, in one line (a row ranked by the model alone has none of its own). */
export function relevanceWords(relevance: RowRelevance): string {
  return relevance.reasons.length ? relevance.reasons.map(reasonWords).join(' · ') : t('relevanceReasonModel');
}
