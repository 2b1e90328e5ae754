// Arrow keys between search results: Down from the search box to the first result, Up and Down between results.

/** Each result's first control (its title link, else its first button), in page order, saved results first. */
export function resultTargets(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-results] > li.paper')]
    .map((li) => li.querySelector<HTMLElement>('.paper-title a, .paper-actions button'))
    .filter((el): el is HTMLElement => el !== null);
}

/** On the search box: Down arrow moves to the first result. */
export function onSearchBoxKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey) return;
  const first = resultTargets()[0];
  if (!first) return;
  event.preventDefault();
  first.focus();
}

/**
 * On a results list: Up and Down move between results (from a link or button only: text boxes and selects inside a
 * result keep their own arrow keys); Up from the first result goes back to the search box.
 */
export function onResultsKeyDown(event: KeyboardEvent): void {
  if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement | null;
  if (!target?.matches('a, button')) return;
  const item = target.closest('li.paper');
  const targets = resultTargets();
  const at = targets.findIndex((el) => el.closest('li.paper') === item);
  if (at < 0) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') targets[Math.min(at + 1, targets.length - 1)]!.focus();
  else if (at > 0) targets[at - 1]!.focus();
  else document.querySelector<HTMLElement>('[data-control=search-saved]')?.focus();
}
