// A saved paper's own controls in the popup: read/unread toggle, user tag chips with add (autocompleted) and remove, and a note.
import { useEffect, useId, useState } from 'preact/hooks';
import type { SavedPaper, SavedPaperUpdate } from '../../messaging/shapes.ts';
import { LIMITS } from '../../messaging/shapes.ts';
import { t } from '../../shared/i18n.ts';

export type SavedChange = Omit<SavedPaperUpdate, 'key'>;

export function ReadToggle({ paper, describedBy, onUpdate }: { paper: SavedPaper; describedBy: string; onUpdate: (change: SavedChange) => void }) {
  const read = paper.read === true;
  return (
    <button
      type="button"
      class="button"
      data-action="toggle-read"
      aria-pressed={read}
      aria-describedby={describedBy}
      title={read ? t('popupReadTitleRead') : t('popupReadTitleUnread')}
      onClick={() => onUpdate({ read: !read })}
    >
      <span aria-hidden="true">{read ? '✓' : '○'}</span>
      {t('popupRead')}
    </button>
  );
}

export interface UserTagsProps {
  paper: SavedPaper;
  /** id of the shared `<datalist>` of every user tag. */
  listId: string;
  onUpdate: (change: SavedChange) => void;
}

export function UserTags({ paper, listId, onUpdate }: UserTagsProps) {
  const inputId = useId();
  const tags = paper.userTags ?? [];
  const full = tags.length >= LIMITS.userTags;

  const add = (field: HTMLInputElement | null) => {
    const tag = (field?.value ?? '').replace(/\s+/g, ' ').trim();
    if (!field || !tag || full) return;
    field.value = '';
    if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    onUpdate({ userTags: [...tags, tag] });
  };

  return (
    <div class="user-tags">
      {tags.length > 0 && (
        <ul class="tags" aria-label={t('popupYourTags')}>
          {tags.map((tag) => (
            <li key={tag} class="tag tag--user" data-user-tag={tag}>
              {tag}
              <button
                type="button"
                class="tag-remove"
                data-action="remove-tag"
                aria-label={t('popupRemoveTag', tag)}
                title={t('popupRemoveTag', tag)}
                onClick={() => onUpdate({ userTags: tags.filter((t) => t !== tag) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-tag"
        onSubmit={(event) => {
          event.preventDefault();
          add(event.currentTarget.querySelector<HTMLInputElement>('input[data-control="add-tag"]'));
        }}
      >
        <label class="visually-hidden" for={inputId}>
          {t('popupAddTagLabel', paper.title)}
        </label>
        <input
          id={inputId}
          type="text"
          data-control="add-tag"
          list={listId}
          placeholder={t('popupAddTagPlaceholder')}
          maxLength={LIMITS.userTag}
          autocomplete="off"
          disabled={full}
        />
        <button type="submit" class="button" data-action="add-tag" disabled={full} aria-label={t('popupAddTagButtonLabel', paper.title)}>
          {t('popupAddTagButton')}
        </button>
      </form>
    </div>
  );
}

export function NoteEditor({ paper, onUpdate }: { paper: SavedPaper; onUpdate: (change: SavedChange) => void }) {
  const id = useId();
  const saved = paper.note ?? '';
  const [text, setText] = useState(saved);
  // A newer note from the library (after a save elsewhere) replaces the draft only when the draft was not changed.
  useEffect(() => setText(saved), [saved]);
  // Reads the box itself: a key press may come before the re-render that follows the last input.
  const save = (value: string) => {
    if (value !== saved) onUpdate({ note: value });
  };
  return (
    <details class="paper-note" data-has-note={saved ? 'true' : 'false'}>
      <summary>{saved ? t('popupNote') : t('popupAddNote')}</summary>
      <label class="visually-hidden" for={id}>
        {t('popupNoteLabel', paper.title)}
      </label>
      <textarea
        id={id}
        data-control="note"
        rows={3}
        maxLength={LIMITS.note}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onBlur={(event) => save(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save(event.currentTarget.value);
          }
        }}
      />
    </details>
  );
}
