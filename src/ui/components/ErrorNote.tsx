// A failure shown in plain words, announced to screen readers (role="alert").
export function ErrorNote({ error, action }: { error: unknown; action?: string }) {
  if (error === undefined || error === null) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p class="note note--error" role="alert">
      {action ? `${action}: ${message}` : message}
    </p>
  );
}
