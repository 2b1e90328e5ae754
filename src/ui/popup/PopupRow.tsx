// One dense paper row of the popup: `li.paper[data-paper-key]` with a one-line title (cut with an ellipsis, the full
// title in its tooltip and accessible name) and one line of chips with the row's actions at its end.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { TopicTag } from '../../core/paper.ts';
import { PaperTitle } from '../components/PaperItem.tsx';
import { TagList } from '../components/TagList.tsx';

export interface PopupRowProps {
  paperKey: string;
  title: string;
  url?: string;
  tags?: readonly TopicTag[];
  /** Before the row's body (e.g. its selection checkbox); gets the title's id. */
  lead?: (titleId: string) => ComponentChildren;
  /** Chips before the topic tags (markers, dates, save state). */
  marks?: ComponentChildren;
  /** Buttons at the end of the chip line; gets the title's id so they can describe themselves by it. */
  actions?: (titleId: string) => ComponentChildren;
  /** A further line under the chips (a saved paper's own tags and note). */
  details?: ComponentChildren;
  attributes?: Record<string, string | undefined>;
}

export function PopupRow({ paperKey, title, url, tags, lead, marks, actions, details, attributes }: PopupRowProps) {
  const titleId = useId();
  return (
    <li class="paper paper--row" data-paper-key={paperKey} {...attributes}>
      {lead?.(titleId)}
      <div class="paper-body">
        <PaperTitle id={titleId} title={title} url={url} tooltip />
        <div class="paper-line">
          {/* One line: chips that do not fit wrap onto a second line that is clipped, so none is cut or overlaps. */}
          <div class="paper-chips">
            {marks}
            {tags && <TagList tags={tags} />}
          </div>
          {actions && <div class="paper-actions">{actions(titleId)}</div>}
        </div>
        {details}
      </div>
    </li>
  );
}
