// A failure shown in plain words, announced to screen readers (role="alert").
import { t } from '../../shared/i18n.ts';

export function ErrorNote({ error, action }: { error: unknown; action?: string }) {
  if (error === undefined || error === null) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p class="note note--error" role="alert">
      {action ? t('commonErrorWithAction', [action, message]) : message}
    </p>
  );
}
