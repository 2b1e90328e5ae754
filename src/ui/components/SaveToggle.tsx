// The save toggle button: "Save" until the paper is saved, then "Saved" (the badge's words, from the same messages), with
// its state in aria-pressed too.
import type { JSX } from 'preact';
import { t } from '../../shared/i18n.ts';

export interface SaveToggleProps {
  saved: boolean;
  busy?: boolean;
  onToggle: () => void;
  /** id of the element naming what is being saved (e.g. the paper title), for aria-describedby. */
  describedBy?: string;
}

export function SaveToggle({ saved, busy = false, onToggle, describedBy }: SaveToggleProps): JSX.Element {
  return (
    <button
      type="button"
      class="button"
      aria-pressed={saved}
      aria-describedby={describedBy}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      title={saved ? t('commonSavedTitle') : t('commonSaveTitle')}
      data-action="save"
      onClick={() => {
        // Not `disabled`: that would drop keyboard focus while the save is in flight.
        if (!busy) onToggle();
      }}
    >
      <span aria-hidden="true">{saved ? '★' : '☆'}</span>
      {saved ? t('commonSaved') : t('commonSave')}
    </button>
  );
}
