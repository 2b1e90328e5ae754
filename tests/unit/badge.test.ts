// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub } }));
const { createBadge, setBadgeSaved, updateBadge } = await import('../../src/content/badge.ts');

const hostile = '<img src=x onerror="window.pwned=1">';

describe('the paperscope-badge element', () => {
  it('has the contract attributes and parts, and writes page text only as text', () => {
    const ref = { key: 'arxiv:2104.07857', title: hostile };
    const onSave = vi.fn();
    const onRelated = vi.fn();
    const badge = createBadge(ref, { onSave, onRelated });
    document.body.append(badge);
    updateBadge(badge, {
      key: ref.key,
      inCatalogue: true,
      saved: false,
      tags: [{ id: 'x', label: hostile, confidence: 0.9, terms: [hostile], facet: 'topic' }],
    });
    expect(badge.localName).toBe('paperscope-badge');
    expect(badge.getAttribute('data-paper-key')).toBe('arxiv:2104.07857');
    expect(badge.getAttribute('data-in-catalogue')).toBe('true');
    expect(badge.getAttribute('data-saved')).toBe('false');
    const root = badge.shadowRoot!;
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect([...root.querySelectorAll('[part=tag]')].map((t) => t.textContent)).toEqual([hostile]);
    const save = root.querySelector('button[part=save]')!;
    expect(save.getAttribute('aria-pressed')).toBe('false');
    (save as HTMLButtonElement).click();
    expect(onSave).toHaveBeenCalledWith(ref, true, badge);
    (root.querySelector('button[part=related]') as HTMLButtonElement).click();
    expect(onRelated).toHaveBeenCalledWith(ref);
    setBadgeSaved(badge, true);
    expect(badge.getAttribute('data-saved')).toBe('true');
    expect(save.getAttribute('aria-pressed')).toBe('true');
  });

  it('says in its tooltips which terms earned a topic and that a category was predicted', () => {
    const badge = createBadge({ key: 'title:x', title: 'x' }, { onSave: vi.fn(), onRelated: vi.fn() });
    updateBadge(badge, {
      key: 'title:x',
      inCatalogue: false,
      saved: false,
      tags: [
        { id: 'quantization', label: 'Quantization', confidence: 0.8, terms: ['int8', 'low-bit'], facet: 'topic' },
        { id: 'cs.LG', label: 'Machine Learning', confidence: 0.6, terms: [], facet: 'category', predicted: true },
      ],
    });
    const titles = [...badge.shadowRoot!.querySelectorAll('[part=tag]')].map((tag) => tag.getAttribute('title'));
    expect(titles).toEqual(['Quantization: int8, low-bit', 'Machine Learning (arXiv category predicted from the text)']);
  });
});
