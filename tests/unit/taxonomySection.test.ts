// The options page's Topics section against a fake `browser`: search, refusals worded by the page, edits sent, progress.
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RetagStatus, TaxonomyState, TaxonomyTopic } from '../../src/messaging/shapes.ts';

const fake = await vi.hoisted(async () => {
  const { fakeMessaging } = await import('./fakeMessaging.ts');
  const { handlers, calls, sendMessage } = fakeMessaging();
  return { handlers, calls, browser: { runtime: { sendMessage } } };
});

// t() reads the real messages file through a stubbed browser.i18n.
vi.mock('webextension-polyfill', async () => ({ default: Object.assign(fake.browser, { i18n: (await import('./i18nStub.ts')).i18nStub }) }));

const { TaxonomySection } = await import('../../src/ui/options/TaxonomySection.tsx');

const topic = (id: string, label: string, terms: string[], more: Partial<TaxonomyTopic> = {}): TaxonomyTopic => ({
  id,
  label,
  description: `${label} papers.`,
  terms,
  builtIn: true,
  edited: false,
  mergedFrom: [],
  ...more,
});
const idle: RetagStatus = { state: 'idle', done: 0, total: 0, changed: 0, saved: 0 };

let root: HTMLElement;
let state: TaxonomyState;

async function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}; page: ${root.innerHTML.slice(0, 2000)}`);
}

/** Types into a field and lets the page render, as a browser would before the next key or click. */
async function type(selector: string, value: string): Promise<void> {
  const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 10));
}

const click = (selector: string) => root.querySelector<HTMLElement>(selector)!.click();
const submit = (form: string) => root.querySelector<HTMLFormElement>(`[data-form=${form}]`)!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
const sent = (type: string) => fake.calls.filter((c) => c.type === type).map((c) => c.request);

beforeEach(() => {
  for (const key of Object.keys(fake.handlers)) delete fake.handlers[key];
  fake.calls.length = 0;
  state = {
    topics: [topic('llm-serving', 'LLM serving', ['vllm', 'continuous batching']), topic('quantization', 'Quantization', ['int8', 'low-bit'])],
    editCount: 0,
    revision: 0,
    status: idle,
  };
  fake.handlers.getTaxonomy = () => state;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options: Topics', () => {
  it('lists the topics with their descriptions and terms, and the search narrows them by name, description or term', async () => {
    render(h(TaxonomySection, {}), root);
    await until(() => root.querySelectorAll('[data-topic-id]').length === 2, 'two topics');
    expect(root.querySelector('h2')!.textContent).toBe('Topics (2)');
    expect(root.querySelector('[data-topic-id=quantization] [data-field=terms]')!.textContent).toBe('int8, low-bit');
    expect(root.querySelector('[data-field=taxonomy-edits]')!.textContent).toBe('These are the built-in topics, unchanged.');
    await type('[data-control=taxonomy-search]', 'VLLM');
    await until(() => root.querySelectorAll('[data-topic-id]').length === 1, 'one topic');
    expect(root.querySelector('[data-topic-id]')!.getAttribute('data-topic-id')).toBe('llm-serving');
    expect(root.querySelector('[data-field=taxonomy-shown]')!.textContent).toBe('1 of 2 topics');
    await type('[data-control=taxonomy-search]', 'origami');
    await until(() => root.textContent!.includes('No topic matches “origami”.'), 'the empty result');
    // Every form control has a label.
    for (const control of root.querySelectorAll('input, textarea, select')) {
      const id = control.getAttribute('id');
      expect(control.closest('label') ?? (id && root.querySelector(`label[for="${id}"]`)), control.outerHTML).toBeTruthy();
    }
  });

  it('words the refusals it can check itself, beside the form, and sends nothing', async () => {
    render(h(TaxonomySection, {}), root);
    await until(() => root.querySelector('[data-form=add]'), 'the add form');
    await type('[data-control=add-terms]', 'origami robot');
    submit('add');
    await until(() => root.querySelector('[data-form=add] [data-taxonomy-error]'), 'the refusal');
    expect(root.querySelector('[data-taxonomy-error]')!.textContent).toBe('A topic needs a name. Nothing was changed.');
    await type('[data-control=add-label]', ' quantization ');
    submit('add');
    await until(() => root.querySelector('[data-taxonomy-error]')?.textContent?.includes('There is already a topic named “Quantization”'), 'the duplicate');
    await type('[data-control=add-label]', 'Origami robots');
    await type('[data-control=add-terms]', ' ,; ');
    submit('add');
    await until(() => root.querySelector('[data-taxonomy-error]')?.textContent?.includes('at least one term'), 'no terms');
    submit('merge');
    await until(() => root.querySelector('[data-form=merge] [data-taxonomy-error]')?.textContent?.includes('Choose the topic to merge into.'), 'no target');
    expect(sent('editTaxonomy')).toEqual([]);
  });

  it('sends an edit, shows the background’s refusal in its words, and follows re-tagging to the end', async () => {
    let polls = 0;
    fake.handlers.editTaxonomy = ({ edit }) => {
      if (edit.label === 'Taken elsewhere') throw new Error('There is already a topic named "Taken elsewhere".');
      state = {
        ...state,
        editCount: 1,
        revision: 1,
        topics: [...state.topics, topic('user-origami-robots', edit.label, edit.terms, { builtIn: false })],
        status: { state: 'running', done: 0, total: 10_000, changed: 0, saved: 0 },
      };
      return state;
    };
    fake.handlers.taxonomyStatus = () =>
      ++polls < 2 ? { state: 'running', done: 4000, total: 10_000, changed: 0, saved: 0 } : { state: 'done', done: 10_000, total: 10_000, changed: 312, saved: 4, ms: 900 };
    render(h(TaxonomySection, {}), root);
    await until(() => root.querySelector('[data-form=add]'), 'the add form');
    await type('[data-control=add-label]', 'Taken elsewhere');
    await type('[data-control=add-terms]', 'x ray');
    submit('add');
    await until(() => root.querySelector('[data-taxonomy-error]')?.textContent === 'There is already a topic named "Taken elsewhere". Nothing was changed.', 'the refusal');
    await type('[data-control=add-label]', 'Origami robots');
    await type('[data-control=add-description]', 'Folding machines.');
    await type('[data-control=add-terms]', 'Origami robot, self-folding\norigami robot');
    submit('add');
    await until(() => root.querySelector('[data-field=taxonomy-status][data-state=running]'), 'progress');
    expect(sent('editTaxonomy').at(-1)).toEqual({ edit: { op: 'add', label: 'Origami robots', description: 'Folding machines.', terms: ['origami robot', 'self-folding'] } });
    expect(root.querySelector<HTMLInputElement>('[data-control=add-label]')!.value).toBe('');
    expect(root.querySelector('[data-taxonomy-error]')).toBeNull();
    expect(root.querySelector('[data-topic-id=user-origami-robots] .marker')!.textContent).toBe('Added by you');
    await until(() => root.querySelector('[data-field=taxonomy-status][data-state=done]'), 'done');
    expect(root.querySelector('[data-field=taxonomy-status]')!.textContent).toBe(
      'Re-tagged 10,000 catalogue papers. Papers with different topics now: 312; saved papers updated: 4.',
    );
    expect(root.querySelector('[data-field=taxonomy-edits]')!.textContent).toBe('Changes you made to the built-in topics: 1.');
  });

  it('removes a topic only after a confirmation', async () => {
    fake.handlers.editTaxonomy = ({ edit }) => {
      state = { ...state, editCount: 1, topics: state.topics.filter((x) => x.id !== edit.id), status: { state: 'done', done: 2, total: 2, changed: 1, saved: 0 } };
      return state;
    };
    render(h(TaxonomySection, {}), root);
    await until(() => root.querySelector('[data-topic-id=quantization] [data-action=remove-topic]'), 'the remove button');
    click('[data-topic-id=quantization] [data-action=remove-topic]');
    await until(() => root.querySelector('[data-action=confirm-remove]'), 'the confirmation');
    expect(sent('editTaxonomy')).toEqual([]);
    expect(root.textContent).toContain('Remove “Quantization”? Papers lose this tag');
    // Escape backs out, and the focus returns to the button that asked.
    root.querySelector('[data-action=confirm-remove]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => !root.querySelector('[data-action=confirm-remove]'), 'the confirmation closed');
    await until(() => document.activeElement?.getAttribute('data-action') === 'remove-topic', 'the focus back on Remove');
    expect(sent('editTaxonomy')).toEqual([]);
    click('[data-topic-id=quantization] [data-action=remove-topic]');
    await until(() => root.querySelector('[data-action=confirm-remove]'), 'the confirmation again');
    click('[data-action=confirm-remove]');
    await until(() => !root.querySelector('[data-topic-id=quantization]'), 'the topic gone');
    expect(sent('editTaxonomy')).toEqual([{ edit: { op: 'remove', id: 'quantization' } }]);
  });
});
