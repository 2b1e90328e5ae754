// @vitest-environment happy-dom
// The feed bar's DOM: "for you" appears once rows are ranked and filters by it, topic labels go in as text only, the
// page's own clicks do nothing, and removing the bar leaves the rows exactly as they were.
import { describe, expect, it, vi } from 'vitest';
import type { PaperRow } from '../../src/adapters/types.ts';
import type { Enrichment } from '../../src/messaging/shapes.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub } }));
const { createFeedBar, FEED_BAR_TAG } = await import('../../src/content/feedBar.ts');

const hostile = '<img src=x onerror="window.pwned=1">';

function userClick(button: Element): void {
  const click = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  button.dispatchEvent(click);
}

/** A listing of four rows; the second has a style of its own. */
function listing(): PaperRow[] {
  document.body.innerHTML = `<main>${[0, 1, 2, 3].map((i) => `<div class="row" id="r${i}"${i === 1 ? ' style="color: red"' : ''}><h3>Paper ${i}</h3></div>`).join('')}</main>`;
  return [...document.querySelectorAll('.row')].map((rowEl, i) => ({ ref: { key: `arxiv:${i}`, title: `Paper ${i}` }, rowEl, titleEl: rowEl.querySelector('h3')! }));
}

const answer = (i: number, topic: string, level?: 'high' | 'medium' | 'low'): Enrichment => ({
  key: `arxiv:${i}`,
  inCatalogue: false,
  saved: false,
  tags: [{ id: topic, label: topic === 'evil' ? hostile : topic, confidence: 0.9, terms: [], facet: 'topic' }],
  firstSeenAt: 1,
  ...(level ? { relevance: { level, relevance: 0.9, reasons: [] } } : {}),
});

function barWithRoot(onClose = vi.fn()) {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  try {
    const bar = createFeedBar('arXiv', onClose);
    return { bar, root: attach.mock.results[0]!.value as ShadowRoot, onClose };
  } finally {
    attach.mockRestore();
  }
}

const opacities = () => [...document.querySelectorAll<HTMLElement>('.row')].map((r) => r.style.opacity);

describe('the feed bar', () => {
  it('offers "for you" once some row is ranked, filters by it, and removing it restores every row', () => {
    const rows = listing();
    const before = document.body.innerHTML;
    const { bar, root, onClose } = barWithRoot();
    expect(document.documentElement.firstElementChild?.nextElementSibling?.localName).toBe(FEED_BAR_TAG);
    const forYou = root.querySelector('[part=for-you]')!;

    // Nothing ranked (a small library): no "for you". Nothing remembered (a private window): no "new".
    bar.update(rows.map((row, i) => ({ row, info: answer(i, 'rl'), isNew: i === 3 })));
    expect(forYou.hasAttribute('hidden')).toBe(true);
    expect(root.querySelector('[part=new]')!.hasAttribute('hidden')).toBe(false);
    bar.update(rows.map((row, i) => ({ row, info: { ...answer(i, 'rl'), firstSeenAt: undefined }, isNew: false })));
    expect(root.querySelector('[part=new]')!.hasAttribute('hidden')).toBe(true);

    const levels = ['high', 'low', 'medium', undefined] as const;
    bar.update(rows.map((row, i) => ({ row, info: answer(i, i < 2 ? 'rl' : 'evil', levels[i]), isNew: i === 3 })));
    expect(forYou.hasAttribute('hidden')).toBe(false);
    expect([forYou.getAttribute('data-count'), forYou.getAttribute('aria-label')]).toEqual(['2', 'For you (2)']);
    // A page's click does nothing; the reader's dims the rows not for them.
    (forYou as HTMLElement).click();
    expect(opacities()).toEqual(['', '', '', '']);
    userClick(forYou);
    expect(opacities()).toEqual(['', '0.3', '', '0.3']);
    expect(document.getElementById('r1')!.style.color).toBe('red');
    expect(root.querySelector('[part=status]')!.getAttribute('aria-label')).toBe('2 of 4 papers');

    // A topic label goes in as an attribute's text, never as markup.
    const evil = root.querySelector(`[part=topic][data-topic-id=evil]`)!;
    expect(evil.getAttribute('data-label')).toBe(hostile);
    expect(root.querySelector('img')).toBeNull();
    userClick(evil);
    expect(opacities()).toEqual(['0.3', '0.3', '', '0.3']);

    userClick(root.querySelector('[part=close]')!);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(document.querySelector(FEED_BAR_TAG)).toBeNull();
    expect(document.body.innerHTML).toBe(before);
  });

  it("offers the reader's own tags on the page's saved papers, most first, as text only, and filters by one", () => {
    const rows = listing();
    const before = document.body.innerHTML;
    const { bar, root } = barWithRoot();
    const tagsOf = [['thesis'], [hostile, 'thesis'], undefined, ['thesis']];
    bar.update(rows.map((row, i) => ({ row, info: { ...answer(i, 'rl'), ...(tagsOf[i] ? { saved: true, userTags: tagsOf[i] } : {}) }, isNew: false })));
    const buttons = [...root.querySelectorAll('[part=user-tag]')];
    expect(buttons.map((b) => [b.getAttribute('data-label'), b.getAttribute('data-count')])).toEqual([
      ['thesis', '3'],
      [hostile, '1'],
    ]);
    expect(buttons[0]!.closest('[role=group]')!.getAttribute('aria-label')).toBe('Your tags');
    expect(root.querySelector('img')).toBeNull();
    userClick(buttons[1]!);
    expect(opacities()).toEqual(['0.3', '', '0.3', '0.3']);
    expect(buttons[1]!.getAttribute('aria-pressed')).toBe('true');
    userClick(buttons[0]!);
    expect(opacities()).toEqual(['', '', '0.3', '']);
    userClick(buttons[0]!);
    expect(opacities()).toEqual(['', '', '', '']);
    bar.remove();
    expect(document.body.innerHTML).toBe(before);
  });

  it('follows rows added later with the filter on, and puts back rows that leave the listing', () => {
    const rows = listing();
    const before = document.body.innerHTML;
    const { bar, root } = barWithRoot();
    bar.update(rows.slice(0, 2).map((row, i) => ({ row, info: answer(i, 'rl'), isNew: i === 0 })));
    userClick(root.querySelector('[part=new]')!);
    expect(opacities()).toEqual(['', '0.3', '', '']);
    // Two more rows answered (infinite scroll), then the first two leave the listing's scan.
    bar.update(rows.map((row, i) => ({ row, info: answer(i, 'rl'), isNew: i % 2 === 0 })));
    expect(opacities()).toEqual(['', '0.3', '', '0.3']);
    expect(root.querySelector('[part=new]')!.getAttribute('data-count')).toBe('2');
    bar.update(rows.slice(2).map((row, i) => ({ row, info: answer(i + 2, 'rl'), isNew: i === 0 })));
    expect(opacities()).toEqual(['', '', '', '0.3']);
    bar.remove();
    expect(document.body.innerHTML).toBe(before);
  });
});
