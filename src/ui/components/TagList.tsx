// Topic tags as chips, each with its earning terms in the tooltip; also plain label chips for shared topics.
import type { TopicTag } from '../../core/paper.ts';
import { shownTags } from '../../core/topics/shownTags.ts';
import { t } from '../../shared/i18n.ts';

/** Why a tag was given, for its tooltip: the terms that earned it, or what kind of tag it is. */
function tagTooltip(tag: TopicTag): string {
  if (tag.predicted && tag.alsoLikely?.length) return t('commonPredictedCategoryAlsoTooltip', [tag.label, tag.alsoLikely.join(', ')]);
  if (tag.predicted) return t('commonPredictedCategoryTooltip', tag.label);
  if (tag.terms.length > 0) return t('commonTagTooltip', [tag.label, tag.terms.join(', ')]);
  return tag.facet === 'category' ? t('commonCategoryTooltip', tag.label) : tag.label;
}

export function TagList({ tags, label }: { tags: readonly TopicTag[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tags" aria-label={label ?? t('commonTopics')}>
      {shownTags(tags).map((tag) => (
        <li
          key={tag.id}
          class={tag.facet === 'category' ? 'tag tag--category' : 'tag'}
          title={tagTooltip(tag)}
          data-tag-id={tag.id}
          data-predicted={tag.predicted ? t('commonPredicted') : undefined}
        >
          {tag.label}
        </li>
      ))}
    </ul>
  );
}

/** Chips for plain labels (e.g. the topics two papers share). */
export function LabelChips({ labels, label }: { labels: readonly string[]; label: string }) {
  if (labels.length === 0) return null;
  return (
    <ul class="tags" aria-label={label}>
      {labels.map((text) => (
        <li key={text} class="tag">
          {text}
        </li>
      ))}
    </ul>
  );
}
