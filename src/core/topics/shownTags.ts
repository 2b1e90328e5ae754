// Which of a paper's tags to show as chips: a topic that is the paper's field as a whole (the tagger's fallback for a
// weak fit) has the category's own name, so the category chip beside it would say the same thing twice.
import type { TopicTag } from '../paper.ts';

export function shownTags(tags: readonly TopicTag[]): TopicTag[] {
  const topicLabels = new Set(tags.filter((t) => t.facet !== 'category').map((t) => t.label.toLowerCase()));
  return tags.filter((t) => t.facet !== 'category' || !topicLabels.has(t.label.toLowerCase()));
}
