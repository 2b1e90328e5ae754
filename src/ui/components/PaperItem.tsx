// One paper in a list: `li[data-paper-key]` with its title (a link when it has a url), tags, meta line and actions.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { TopicTag } from '../../core/paper.ts';
import { withoutInvisibleControls } from '../../core/text/invisibleControls.ts';
import { TagList } from './TagList.tsx';

export interface PaperItemProps {
  paperKey: string;
  title: string;
  url?: string;
  tags?: readonly TopicTag[];
  /** Small facts under the title (authors, markers, dates). */
  meta?: ComponentChildren;
  /** Content after the tags (e.g. why a paper is related). */
  details?: ComponentChildren;
  /** Buttons; gets the title element's id so they can describe themselves by it. */
  actions?: (titleId: string) => ComponentChildren;
  attributes?: Record<string, string | undefined>;
}

/** Only http(s) links are shown as links: page-derived urls are never trusted to be safe schemes. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A paper's title as every list shows it: a heading (a link when the url is http(s)), its text cleaned of invisible
 * direction controls (a saved or restored title may predate the adapters' cleaning), read in its own direction.
 * `tooltip` repeats the title where the row may cut it short.
 */
export function PaperTitle({ id, title, url, tooltip = false }: { id: string; title: string; url?: string; tooltip?: boolean }) {
  const href = safeUrl(url);
  const shown = withoutInvisibleControls(title);
  return (
    // dir="auto": an Arabic or Hebrew title reads right to left, isolated from the list around it.
    <h3 class="paper-title" id={id} dir="auto" title={tooltip ? shown : undefined}>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {shown}
        </a>
      ) : (
        shown
      )}
    </h3>
  );
}

export function PaperItem({ paperKey, title, url, tags, meta, details, actions, attributes }: PaperItemProps) {
  const titleId = useId();
  return (
    <li class="paper" data-paper-key={paperKey} {...attributes}>
      <PaperTitle id={titleId} title={title} url={url} />
      {meta && <div class="paper-meta">{meta}</div>}
      {tags && <TagList tags={tags} />}
      {details}
      {actions && <div class="paper-actions">{actions(titleId)}</div>}
    </li>
  );
}
