// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub } }));
const { createBadge, setBadgeSaved, updateBadge } = await import('../../src/content/badge.ts');

const hostile = '<img src=x onerror="window.pwned=1">';

/** The badge's closed root, caught as it is attached (the page, and so this test, has no other way in). */
function createBadgeWithRoot(...args: Parameters<typeof createBadge>): { badge: HTMLElement; root: ShadowRoot } {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  try {
    const badge = createBadge(...args);
    return { badge, root: attach.mock.results[0]!.value as ShadowRoot };
  } finally {
    attach.mockRestore();
  }
}

/** A click as the user's own would be (happy-dom's click() is untrusted, as a page script's is). */
function userClick(button: Element): void {
  const click = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  button.dispatchEvent(click);
}

describe('the compact badge (links anywhere)', () => {
  it('has its tags (two shown, the rest in a tooltip), the saved state and Save, no Related; page text only as text', () => {
    const ref = { key: 'arxiv:2305.18290', title: hostile };
    const onSave = vi.fn();
    const onRelated = vi.fn();
    const { badge, root } = createBadgeWithRoot(ref, { onSave, onRelated }, true);
    document.body.append(badge);
    const topic = (label: string, confidence: number) => ({ id: label, label, confidence, terms: [label], facet: 'topic' as const });
    updateBadge(badge, { key: ref.key, inCatalogue: false, saved: true, tags: [topic(hostile, 0.9), topic('Preference learning', 0.8), topic('Reward models', 0.7)] });
    expect(badge.getAttributeNames()).toEqual(['data-paper-key', 'data-compact']);
    expect(badge.shadowRoot).toBeNull();
    const chips = [...root.querySelectorAll('[part=tag]')];
    expect(chips.map((t) => t.textContent)).toEqual([hostile, 'Preference learning']);
    expect(chips[1]!.getAttribute('title')).toContain('Reward models');
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.querySelector('button[part=related]')).toBeNull();
    const save = root.querySelector('button[part=save]')!;
    expect(save.getAttribute('aria-pressed')).toBe('true');
    (save as HTMLButtonElement).click();
    expect(onSave).not.toHaveBeenCalled();
    userClick(save);
    expect(onSave).toHaveBeenCalledWith(ref, false);
    badge.remove();
  });
});

describe('the paperscope-badge element', () => {
  it('has the contract attributes and parts, and writes page text only as text', () => {
    const ref = { key: 'arxiv:2104.07857', title: hostile };
    const onSave = vi.fn();
    const onRelated = vi.fn();
    const { badge, root } = createBadgeWithRoot(ref, { onSave, onRelated });
    document.body.append(badge);
    updateBadge(badge, {
      key: ref.key,
      inCatalogue: true,
      saved: false,
      tags: [{ id: 'x', label: hostile, confidence: 0.9, terms: [hostile], facet: 'topic' }],
    });
    expect(badge.localName).toBe('paperscope-badge');
    expect(badge.getAttribute('data-paper-key')).toBe('arxiv:2104.07857');
    // The page sees the key only: no shadow root, no state.
    expect(badge.shadowRoot).toBeNull();
    expect(badge.getAttributeNames()).toEqual(['data-paper-key']);
    const state = root.querySelector('[data-saved]')!;
    expect(state.getAttribute('data-in-catalogue')).toBe('true');
    expect(state.getAttribute('data-saved')).toBe('false');
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect([...root.querySelectorAll('[part=tag]')].map((t) => t.textContent)).toEqual([hostile]);
    const save = root.querySelector('button[part=save]')!;
    expect(save.getAttribute('aria-pressed')).toBe('false');
    // A script's click does nothing; the user's does.
    (save as HTMLButtonElement).click();
    (root.querySelector('button[part=related]') as HTMLButtonElement).click();
    expect(onSave).not.toHaveBeenCalled();
    expect(onRelated).not.toHaveBeenCalled();
    userClick(save);
    expect(onSave).toHaveBeenCalledWith(ref, true);
    userClick(root.querySelector('button[part=related]')!);
    expect(onRelated).toHaveBeenCalledWith(ref);
    // The word for each state is the popup's (commonSave, commonSaved), its name what it shows; the tooltip says what a press does.
    expect([save.getAttribute('aria-label'), save.getAttribute('data-label-save'), save.getAttribute('data-label-saved')]).toEqual(['Save', 'Save', 'Saved']);
    expect(save.getAttribute('title')).toBe('Save to your Paperscope library');
    // Save and Related are one box: they wrap together, never apart.
    expect(save.parentElement).toBe(root.querySelector('button[part=related]')!.parentElement);
    expect(save.parentElement!.children).toHaveLength(2);
    setBadgeSaved(badge, true);
    expect(state.getAttribute('data-saved')).toBe('true');
    expect(save.getAttribute('aria-pressed')).toBe('true');
    expect(save.getAttribute('aria-label')).toBe('Saved');
    expect(save.getAttribute('title')).toBe('Saved in your Paperscope library: press to remove it');
    expect(badge.getAttributeNames()).toEqual(['data-paper-key']);
  });

  it('shows a field once when its topic is the paper\u2019s category as a whole', () => {
    const { badge, root } = createBadgeWithRoot({ key: 'title:y', title: 'y' }, { onSave: vi.fn(), onRelated: vi.fn() });
    const chips = () => [...root.querySelectorAll('[part=tag]')].map((tag) => `${tag.getAttribute('data-facet')}:${tag.textContent}`);
    const field = { id: 'machine-learning', label: 'Machine Learning', confidence: 0.4, terms: ['graphs'], facet: 'topic' as const };
    updateBadge(badge, {
      key: 'title:y',
      inCatalogue: false,
      saved: false,
      tags: [field, { id: 'cs.LG', label: 'Machine Learning', confidence: 1, terms: [], facet: 'category' }],
    });
    expect(chips()).toEqual(['topic:Machine Learning']);
    const narrow = { id: 'federated-learning', label: 'Federated learning', confidence: 0.7, terms: ['clients'], facet: 'topic' as const };
    updateBadge(badge, {
      key: 'title:y',
      inCatalogue: false,
      saved: false,
      tags: [narrow, { id: 'cs.LG', label: 'Machine Learning', confidence: 1, terms: [], facet: 'category' }],
    });
    expect(chips()).toEqual(['topic:Federated learning', 'category:Machine Learning']);
  });

  it('says in its tooltips which terms earned a topic and that a category was predicted', () => {
    const { badge, root } = createBadgeWithRoot({ key: 'title:x', title: 'x' }, { onSave: vi.fn(), onRelated: vi.fn() });
    updateBadge(badge, {
      key: 'title:x',
      inCatalogue: false,
      saved: false,
      tags: [
        { id: 'quantization', label: 'Quantization', confidence: 0.8, terms: ['int8', 'low-bit'], facet: 'topic' },
        { id: 'cs.LG', label: 'Machine Learning', confidence: 0.6, terms: [], facet: 'category', predicted: true },
      ],
    });
    const titles = [...root.querySelectorAll('[part=tag]')].map((tag) => tag.getAttribute('title'));
    expect(titles).toEqual(['Quantization: int8, low-bit', 'Machine Learning (arXiv category predicted from the text)']);
    // The chip says "predicted" beside the name (generated content), and its text stays the category's name.
    const chips = [...root.querySelectorAll('[part=tag]')];
    expect(chips.map((chip) => chip.getAttribute('data-predicted'))).toEqual([null, 'predicted']);
    expect(chips.map((chip) => chip.textContent)).toEqual(['Quantization', 'Machine Learning']);
  });

  it('marks a row for you with its reason in words, keeps the mark’s place on every row once interests are learned, and opens on the user’s press only', () => {
    const { badge, root } = createBadgeWithRoot({ key: 'arxiv:2511.00001', title: 'z' }, { onSave: vi.fn(), onRelated: vi.fn() });
    const base = { key: 'arxiv:2511.00001', inCatalogue: false, saved: false, tags: [] };
    updateBadge(badge, base);
    expect(root.querySelector('[part=for-you]')).toBeNull();

    updateBadge(badge, {
      ...base,
      relevance: {
        level: 'high',
        relevance: 0.995,
        reasons: [
          { kind: 'tag', tag: 'diffusion' },
          { kind: 'similar', count: 3, titles: [hostile, 'Second saved'] },
          { kind: 'authors', names: ['Ada Lovelace'] },
        ],
      },
    });
    const mark = root.querySelector('button[part=for-you]')!;
    const reason = `tag: diffusion · like 3 of your saved papers: ${hostile}; Second saved · by authors you saved: Ada Lovelace`;
    expect(mark.getAttribute('data-level')).toBe('high');
    expect(mark.getAttribute('data-label')).toBe('for you');
    expect(mark.getAttribute('aria-label')).toBe(`For you: ${reason}`);
    expect(mark.getAttribute('title')).toBe(`For you: ${reason}`);
    // Saved papers' titles stay attributes, shown as generated content: no element, no text node.
    expect(mark.getAttribute('data-reason')).toBe(reason);
    expect(mark.childNodes).toHaveLength(0);
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(badge.getAttributeNames()).toEqual(['data-paper-key']);

    // A script's click does nothing; the user's press shows the reason, and again hides it.
    (mark as HTMLButtonElement).click();
    expect(mark.getAttribute('aria-expanded')).toBe('false');
    userClick(mark);
    expect(mark.getAttribute('aria-expanded')).toBe('true');
    userClick(mark);
    expect(mark.getAttribute('aria-expanded')).toBe('false');

    updateBadge(badge, { ...base, relevance: { level: 'medium', relevance: 0.96, reasons: [] } });
    expect(mark.getAttribute('data-level')).toBe('medium');
    expect(mark.getAttribute('aria-label')).toBe('For you: close to what you saved');
    // A low row keeps the mark's place, hidden from sight and from screen readers.
    updateBadge(badge, { ...base, relevance: { level: 'low', relevance: 0.4, reasons: [{ kind: 'tag', tag: 'x' }] } });
    expect(root.querySelector('[part=for-you]')).toBe(mark);
    expect(mark.hasAttribute('data-level')).toBe(false);
    expect(mark.hasAttribute('data-reason')).toBe(false);
    expect(mark.getAttribute('aria-hidden')).toBe('true');
    updateBadge(badge, base);
    expect(root.querySelector('[part=for-you]')).toBeNull();
  });
});
