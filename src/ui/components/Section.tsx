// A titled page section: `<section aria-labelledby>` with an h2 and an optional count after the title.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SectionProps {
  title: string;
  /** Shown after the title, e.g. "On this page (4)"; omitted while unknown. */
  count?: number;
  /** Controls placed at the right of the header (e.g. a sort select). */
  actions?: ComponentChildren;
  name?: string;
  children?: ComponentChildren;
}

export function Section({ title, count, actions, name, children }: SectionProps) {
  const headingId = useId();
  return (
    <section class="section" id={name ? `section-${name}` : undefined} aria-labelledby={headingId} data-section={name}>
      <div class="section-header">
        <h2 id={headingId}>
          {title}
          {count !== undefined && <span class="section-count"> ({count})</span>}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
