// Options "Topics": browse the taxonomy; add, rename, edit, merge and remove topics, or reset; watch papers being re-tagged.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { normalizeLabel, termsFromText } from '../../core/topics/editedTaxonomy.ts';
import { call } from '../../messaging/client.ts';
import type { RetagStatus, TaxonomyEditRequest, TaxonomyState, TaxonomyTopic } from '../../messaging/shapes.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { Section } from '../components/Section.tsx';
import { useLoader } from '../components/useLoader.ts';
import { t } from '../../shared/i18n.ts';

const POLL_MS = 300;

/** A refusal the page can word itself (the background checks again and has the last word). */
function localRefusal(edit: TaxonomyEditRequest, topics: readonly TaxonomyTopic[]): string | undefined {
  const clash = (label: string, exceptId?: string) => topics.find((x) => x.id !== exceptId && x.label.toLowerCase() === normalizeLabel(label).toLowerCase());
  if (edit.op === 'add' || edit.op === 'rename') {
    if (!normalizeLabel(edit.label)) return t('taxonomyErrorEmptyLabel');
    const other = clash(edit.label, edit.op === 'rename' ? edit.id : undefined);
    if (other) return t('taxonomyErrorDuplicateLabel', other.label);
  }
  if ((edit.op === 'add' || edit.op === 'update') && edit.terms !== undefined && edit.terms.length === 0) return t('taxonomyErrorNoTerms');
  if (edit.op === 'merge') {
    if (!edit.into) return t('taxonomyErrorMergeInto');
    if (edit.from.length === 0) return t('taxonomyErrorMergeNothing');
    const self = topics.find((x) => x.id === edit.into);
    if (edit.from.includes(edit.into)) return t('taxonomyErrorMergeItself', self?.label ?? edit.into);
  }
  return undefined;
}

/** Why the user's last edit was refused, next to the form it came from. */
function Refusal({ text }: { text: string | undefined }) {
  return (
    <div role="alert">
      {text && (
        <p class="note note--error" data-taxonomy-error="">
          {text} {t('taxonomyNothingChanged')}
        </p>
      )}
    </div>
  );
}

type OnEdit = (edit: TaxonomyEditRequest, where: string) => Promise<boolean>;

function matches(topic: TaxonomyTopic, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return topic.label.toLowerCase().includes(q) || topic.description.toLowerCase().includes(q) || topic.terms.some((term) => term.includes(q));
}

function StatusLine({ status, editCount, onRetag }: { status: RetagStatus; editCount: number; onRetag: (action: 'stop' | 'resume') => void }) {
  if (status.state === 'running') {
    return (
      <div class="import-progress" data-field="taxonomy-status" data-state="running">
        <progress max={Math.max(1, status.total)} value={status.done} aria-label={t('taxonomyProgressLabel')} />
        <span>{t('taxonomyRetagging', [status.done.toLocaleString(), status.total.toLocaleString()])}</span>
        <button type="button" class="button" data-action="stop-retag" onClick={() => onRetag('stop')}>
          {t('taxonomyStopRetag')}
        </button>
      </div>
    );
  }
  if (status.state === 'stopped') {
    return (
      <div class="note" data-field="taxonomy-status" data-state="stopped" data-done={status.done}>
        <p>{t('taxonomyRetagStopped', [status.done.toLocaleString(), status.total.toLocaleString()])}</p>
        <button type="button" class="button" data-action="resume-retag" onClick={() => onRetag('resume')}>
          {t('taxonomyResumeRetag')}
        </button>
      </div>
    );
  }
  if (status.state === 'failed') {
    return (
      <p class="note note--error" data-field="taxonomy-status" data-state="failed">
        {t('taxonomyRetagFailed', status.error ?? '')}
      </p>
    );
  }
  if (status.state === 'done') {
    return (
      <p class="note" data-field="taxonomy-status" data-state="done" data-retagged={status.total} data-changed={status.changed}>
        {editCount === 0 && status.changed === 0
          ? t('taxonomyRetaggedBuiltIn', status.saved.toLocaleString())
          : status.relabelOnly
            ? t('taxonomyRelabelled', status.saved.toLocaleString())
            : t('taxonomyRetagged', [status.total.toLocaleString(), status.changed.toLocaleString(), status.saved.toLocaleString()])}
      </p>
    );
  }
  return null;
}

/** One topic: what it is, and its own actions (rename, description and terms, remove with a confirmation). */
/** The Save and Cancel buttons of a topic's rename and terms forms. */
function SaveOrCancel({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  return (
    <div class="paper-actions">
      <button type="submit" class="button" data-action="save-topic" disabled={busy}>
        {t('taxonomySave')}
      </button>
      <button type="button" class="button" onClick={onCancel}>
        {t('taxonomyCancel')}
      </button>
    </div>
  );
}

function TopicItem({ topic, busy, error, onEdit }: { topic: TaxonomyTopic; busy: boolean; error?: string; onEdit: OnEdit }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'terms' | 'remove'>('view');
  const [label, setLabel] = useState(topic.label);
  const [description, setDescription] = useState(topic.description);
  const [terms, setTerms] = useState(topic.terms.join(', '));
  const confirmRef = useRef<HTMLButtonElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const termsRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'remove') confirmRef.current?.focus();
    else if (mode === 'rename' || mode === 'terms') firstFieldRef.current?.focus();
  }, [mode]);

  const open = (next: typeof mode) => {
    setLabel(topic.label);
    setDescription(topic.description);
    setTerms(topic.terms.join(', '));
    setMode(next);
  };
  const close = () => {
    const back = mode === 'terms' ? termsRef : mode === 'remove' ? removeRef : renameRef;
    setMode('view');
    // Back to the button that opened the form, so the keyboard does not lose its place.
    setTimeout(() => back.current?.focus(), 0);
  };
  // Escape leaves a form or the confirmation as Cancel does.
  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };
  const submit = async (edit: TaxonomyEditRequest) => {
    if (await onEdit(edit, topic.id)) close();
  };
  const fieldId = `topic-${topic.id}`;

  return (
    <li class="taxonomy-topic" data-topic-id={topic.id}>
      <details>
        <summary>
          <span class="taxonomy-label">{topic.label}</span>
          {!topic.builtIn && <span class="marker">{t('taxonomyAddedMarker')}</span>}
          {topic.builtIn && topic.edited && <span class="marker marker--edited">{t('taxonomyEditedMarker')}</span>}
        </summary>
        <div class="taxonomy-body">
          <p>{topic.description || <span class="hint">{t('taxonomyNoDescription')}</span>}</p>
          <p class="hint">
            <span class="taxonomy-term-heading">{t('taxonomyTermsLabel')}: </span>
            <span data-field="terms">{topic.terms.join(', ')}</span>
          </p>
          {topic.mergedFrom.length > 0 && <p class="hint">{t('taxonomyMergedFrom', topic.mergedFrom.join(', '))}</p>}
          {mode === 'view' && (
            <div class="paper-actions">
              <button type="button" class="button" data-action="rename-topic" disabled={busy} onClick={() => open('rename')} ref={renameRef}>
                {t('taxonomyRename')}
              </button>
              <button type="button" class="button" data-action="edit-topic" disabled={busy} onClick={() => open('terms')} ref={termsRef}>
                {t('taxonomyEditTerms')}
              </button>
              <button type="button" class="button" data-action="remove-topic" disabled={busy} onClick={() => open('remove')} ref={removeRef}>
                {t('taxonomyRemove')}
              </button>
            </div>
          )}
          {mode === 'rename' && (
            <form
              class="taxonomy-form"
              onKeyDown={onEscape}
              data-form="rename"
              onSubmit={(e) => {
                e.preventDefault();
                void submit({ op: 'rename', id: topic.id, label });
              }}
            >
              <label for={`${fieldId}-label`}>{t('taxonomyNameLabel')}</label>
              <input id={`${fieldId}-label`} type="text" data-control="topic-label" value={label} ref={firstFieldRef} onInput={(e) => setLabel(e.currentTarget.value)} />
              <SaveOrCancel busy={busy} onCancel={close} />
            </form>
          )}
          {mode === 'terms' && (
            <form
              class="taxonomy-form"
              onKeyDown={onEscape}
              data-form="terms"
              onSubmit={(e) => {
                e.preventDefault();
                void submit({ op: 'update', id: topic.id, description, terms: termsFromText(terms) });
              }}
            >
              <label for={`${fieldId}-description`}>{t('taxonomyDescriptionLabel')}</label>
              <input
                id={`${fieldId}-description`}
                type="text"
                data-control="topic-description"
                value={description}
                ref={firstFieldRef}
                onInput={(e) => setDescription(e.currentTarget.value)}
              />
              <label for={`${fieldId}-terms`}>{t('taxonomyTermsInputLabel')}</label>
              <textarea id={`${fieldId}-terms`} rows={3} data-control="topic-terms" value={terms} onInput={(e) => setTerms(e.currentTarget.value)} />
              <SaveOrCancel busy={busy} onCancel={close} />
            </form>
          )}
          {mode === 'remove' && (
            // biome-ignore lint/a11y/useSemanticElements: a labelled group of a question and its buttons, not a form's fieldset
            <div class="note note--warning taxonomy-confirm" role="group" onKeyDown={onEscape} aria-label={t('taxonomyRemoveConfirm', topic.label)}>
              <p>{t('taxonomyRemoveConfirm', topic.label)}</p>
              <div class="paper-actions">
                <button type="button" class="button" data-action="confirm-remove" disabled={busy} ref={confirmRef} onClick={() => void submit({ op: 'remove', id: topic.id })}>
                  {t('taxonomyRemoveYes')}
                </button>
                <button type="button" class="button" onClick={close}>
                  {t('taxonomyCancel')}
                </button>
              </div>
            </div>
          )}
          <Refusal text={error} />
        </div>
      </details>
    </li>
  );
}

function AddTopic({ busy, error, onEdit }: { busy: boolean; error?: string; onEdit: OnEdit }) {
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [terms, setTerms] = useState('');
  return (
    <form
      class="taxonomy-form"
      data-form="add"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onEdit({ op: 'add', label, description, terms: termsFromText(terms) }, 'add')) {
          setLabel('');
          setDescription('');
          setTerms('');
        }
      }}
    >
      <h3>{t('taxonomyAddHeading')}</h3>
      <label for="taxonomy-add-label">{t('taxonomyNameLabel')}</label>
      <input id="taxonomy-add-label" type="text" data-control="add-label" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      <label for="taxonomy-add-description">{t('taxonomyDescriptionLabel')}</label>
      <input id="taxonomy-add-description" type="text" data-control="add-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      <label for="taxonomy-add-terms">{t('taxonomyTermsInputLabel')}</label>
      <textarea id="taxonomy-add-terms" rows={2} data-control="add-terms" value={terms} onInput={(e) => setTerms(e.currentTarget.value)} />
      <div class="paper-actions">
        <button type="submit" class="button" data-action="add-topic" disabled={busy}>
          {t('taxonomyAddButton')}
        </button>
      </div>
      <Refusal text={error} />
    </form>
  );
}

function MergeTopics({ topics, busy, error, onEdit }: { topics: readonly TaxonomyTopic[]; busy: boolean; error?: string; onEdit: OnEdit }) {
  const [into, setInto] = useState('');
  const [from, setFrom] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const shown = topics.filter((x) => matches(x, filter.trim()) || from.has(x.id));
  return (
    <form
      class="taxonomy-form"
      data-form="merge"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onEdit({ op: 'merge', into, from: [...from] }, 'merge')) {
          setFrom(new Set());
          setFilter('');
        }
      }}
    >
      <h3>{t('taxonomyMergeHeading')}</h3>
      <p class="hint">{t('taxonomyMergeHint')}</p>
      <label for="taxonomy-merge-filter">{t('taxonomyMergeFilter')}</label>
      <input id="taxonomy-merge-filter" type="search" data-control="merge-filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      <fieldset class="taxonomy-merge-from">
        <legend>{t('taxonomyMergeFrom')}</legend>
        {shown.map((x) => (
          <label key={x.id} class="checkbox-label">
            <input
              type="checkbox"
              data-merge-from={x.id}
              checked={from.has(x.id)}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setFrom((s) => {
                  const next = new Set(s);
                  if (checked) next.add(x.id);
                  else next.delete(x.id);
                  return next;
                });
              }}
            />
            {x.label}
          </label>
        ))}
      </fieldset>
      <label for="taxonomy-merge-into">{t('taxonomyMergeInto')}</label>
      <select id="taxonomy-merge-into" data-control="merge-into" value={into} onChange={(e) => setInto(e.currentTarget.value)}>
        <option value="">{t('taxonomyMergeChoose')}</option>
        {topics.map((x) => (
          <option key={x.id} value={x.id}>
            {x.label}
          </option>
        ))}
      </select>
      <div class="paper-actions">
        <button type="submit" class="button" data-action="merge-topics" disabled={busy}>
          {t('taxonomyMergeButton')}
        </button>
      </div>
      <Refusal text={error} />
    </form>
  );
}

export function TaxonomySection() {
  const loaded = useLoader(() => call('getTaxonomy', {}), []);
  const [state, setState] = useState<TaxonomyState | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ where: string; text: string } | undefined>(undefined);
  const [confirmReset, setConfirmReset] = useState(false);
  const resetRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => setState(loaded.value), [loaded.value]);

  // While papers are re-tagged, ask how far it got.
  const running = state?.status.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      call('taxonomyStatus', {})
        .then((status) => setState((s) => (s ? { ...s, status } : s)))
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  useEffect(() => {
    if (confirmReset) resetRef.current?.focus();
  }, [confirmReset]);

  const edit: OnEdit = async (request, where) => {
    if (!state) return false;
    const local = localRefusal(request, state.topics);
    if (local) {
      setRefusal({ where, text: local });
      return false;
    }
    setBusy(true);
    setRefusal(undefined);
    try {
      setState(await call('editTaxonomy', { edit: request }));
      // The removed topic's controls are gone: the keyboard goes on from the search box.
      if (request.op === 'remove') setTimeout(() => searchRef.current?.focus(), 0);
      return true;
    } catch (error) {
      setRefusal({ where, text: error instanceof Error ? error.message : String(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      setState(await call('resetTaxonomy', {}));
      setConfirmReset(false);
      setTimeout(() => searchRef.current?.focus(), 0);
    } catch (error) {
      setRefusal({ where: 'reset', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const retag = (action: 'stop' | 'resume') => {
    setRefusal(undefined);
    call(action === 'stop' ? 'stopRetagging' : 'resumeRetagging', {})
      .then((status) => setState((s) => (s ? { ...s, status } : s)))
      .catch((error: unknown) => setRefusal({ where: 'retag', text: error instanceof Error ? error.message : String(error) }));
  };

  const topics = state?.topics ?? [];
  const shown = useMemo(() => topics.filter((x) => matches(x, query.trim())), [topics, query]);

  return (
    <Section name="taxonomy" title={t('taxonomyTitle')} count={state ? topics.length : undefined}>
      <p class="hint">{t('taxonomyHint')}</p>
      <ErrorNote error={loaded.error} action={t('taxonomyLoadFailed')} />
      <div role="status" aria-live="polite" class="taxonomy-status">
        {state && <StatusLine status={state.status} editCount={state.editCount} onRetag={retag} />}
      </div>
      <Refusal text={refusal?.where === 'retag' ? refusal.text : undefined} />
      {state === undefined ? (
        !loaded.error && <p class="empty">{t('taxonomyLoading')}</p>
      ) : (
        <>
          <p class="hint" data-field="taxonomy-edits">
            {state.editCount === 0 ? t('taxonomyUnchanged') : t('taxonomyEditCount', state.editCount.toLocaleString())}
          </p>
          <div class="toolbar taxonomy-search">
            <label for="taxonomy-search">{t('taxonomySearchLabel')}</label>
            <input
              id="taxonomy-search"
              ref={searchRef}
              type="search"
              data-control="taxonomy-search"
              placeholder={t('taxonomySearchPlaceholder')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
            <span class="hint" data-field="taxonomy-shown">
              {t('taxonomyShown', [shown.length.toLocaleString(), topics.length.toLocaleString()])}
            </span>
          </div>
          {shown.length === 0 ? (
            <p class="empty">{t('taxonomyNoMatch', query.trim())}</p>
          ) : (
            <ul class="taxonomy-list" aria-label={t('taxonomyTitle')}>
              {shown.map((topic) => (
                <TopicItem key={topic.id} topic={topic} busy={busy} error={refusal?.where === topic.id ? refusal.text : undefined} onEdit={edit} />
              ))}
            </ul>
          )}
          <AddTopic busy={busy} error={refusal?.where === 'add' ? refusal.text : undefined} onEdit={edit} />
          <MergeTopics topics={topics} busy={busy} error={refusal?.where === 'merge' ? refusal.text : undefined} onEdit={edit} />
          <div class="taxonomy-reset">
            {confirmReset ? (
              // biome-ignore lint/a11y/useSemanticElements: a labelled group of a question and its buttons, not a form's fieldset
              <div class="note note--warning" role="group" aria-label={t('taxonomyResetConfirm', state.editCount.toLocaleString())}>
                <p>{t('taxonomyResetConfirm', state.editCount.toLocaleString())}</p>
                <div class="paper-actions">
                  <button type="button" class="button" data-action="confirm-reset" disabled={busy} ref={resetRef} onClick={() => void reset()}>
                    {t('taxonomyResetYes')}
                  </button>
                  <button type="button" class="button" onClick={() => setConfirmReset(false)}>
                    {t('taxonomyCancel')}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" class="button" data-action="reset-taxonomy" disabled={busy || state.editCount === 0} onClick={() => setConfirmReset(true)}>
                {t('taxonomyReset')}
              </button>
            )}
            <Refusal text={refusal?.where === 'reset' ? refusal.text : undefined} />
          </div>
        </>
      )}
    </Section>
  );
}
