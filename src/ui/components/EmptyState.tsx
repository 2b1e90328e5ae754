// What a section says when it has nothing to show (plain words, optionally a warning).
import type { ComponentChildren } from 'preact';

export function EmptyState({ children, tone = 'quiet', name }: { children: ComponentChildren; tone?: 'quiet' | 'warning'; name?: string }) {
  return (
    <p class={tone === 'warning' ? 'note note--warning' : 'empty'} data-empty={name ?? ''}>
      {children}
    </p>
  );
}
