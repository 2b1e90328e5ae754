// Renders the popup, side panel and options page against a fake `browser` and checks their test-facing markup and actions.
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TopicTag } from '../../src/core/paper.ts';
import type { RelatedPaper, SavedPaper, SiteSetting, PageScan } from '../../src/messaging/shapes.ts';

const fake = await vi.hoisted(async () => {
  const { fakeMessaging } = await import('./fakeMessaging.ts');
  const { handlers, calls, runtime, sendTabMessage, fromWorker, listeners } = fakeMessaging();
  const browser = {
    runtime: { ...runtime, openOptionsPage: async () => undefined },
    tabs: {
      query: async () => [{ id: 7, windowId: 3 }],
      get: async (id: number) => ({ id, windowId: 3 }),
      sendMessage: sendTabMessage,
    },
    sidebarAction: { open: async () => undefined },
    scripting: {
      executeScript: async (options: unknown) => {
        calls.push({ type: 'scripting.executeScript', request: options });
        return [];
      },
    },
  };
  return { handlers, listeners, fromWorker, calls, browser };
});

// t() reads the real messages file through a stubbed browser.i18n.
vi.mock('webextension-polyfill', async () => ({ default: Object.assign(fake.browser, { i18n: (await import('./i18nStub.ts')).i18nStub }) }));

const { Popup } = await import('../../src/ui/popup/Popup.tsx');
const { SidePanel, sortRelated } = await import('../../src/ui/sidepanel/SidePanel.tsx');
const { shortAuthors } = await import('../../src/ui/sidepanel/RelatedItem.tsx');
const { Options } = await import('../../src/ui/options/Options.tsx');

const tag = (label: string, terms: string[] = []): TopicTag => ({ id: label.toLowerCase(), label, confidence: 0.8, terms, facet: 'topic' });

let root: HTMLElement;

async function until<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}; page: ${root.innerHTML}`);
}

function sectionByHeading(start: string): HTMLElement | undefined {
  return [...root.querySelectorAll('section[aria-labelledby]')].find((section) => {
    const id = section.getAttribute('aria-labelledby')!;
    return root.ownerDocument.getElementById(id)?.textContent?.startsWith(start);
  }) as HTMLElement | undefined;
}

function button(scope: ParentNode, name: string): HTMLButtonElement | undefined {
  return [...scope.querySelectorAll('button')].find((b) => b.textContent?.replace(/[☆★]/g, '').trim() === name);
}

beforeEach(() => {
  for (const key of Object.keys(fake.handlers)) delete fake.handlers[key];
  fake.calls.length = 0;
  fake.listeners.clear();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup', () => {
  it('lists the papers on the page and saves one, then shows it under Saved', async () => {
    const scan: PageScan = {
      url: 'https://arxiv.org/list/cs.LG/new',
      adapterId: 'arxiv',
      pageKind: 'listing',
      complete: true,
      scannedAt: 1,
      papers: [
        { key: 'arxiv:2401.00001', inCatalogue: true, saved: false, tags: [tag('Transformers', ['attention'])], ref: { key: 'arxiv:2401.00001', title: '<b>Attention</b> again' } },
        {
          key: 'arxiv:2401.00002',
          inCatalogue: false,
          saved: false,
          tags: [{ id: 'cs.CV', label: 'Computer Vision and Pattern Recognition', confidence: 0.7, terms: [], facet: 'category', predicted: true, alsoLikely: ['Robotics'] }],
          ref: { key: 'arxiv:2401.00002', title: 'Another paper' },
        },
      ],
    };
    const saved: SavedPaper[] = [];
    fake.handlers.describePage = ({ tabId }) => (tabId === 7 ? { scan } : {});
    fake.handlers.listSaved = ({ from = 0 }) => saved.slice(from);
    fake.handlers.setSaved = ({ paper, saved: on }) => {
      if (on) saved.push({ key: paper.key, title: paper.title, authors: [], savedAt: Date.UTC(2025, 0, 2), tags: [], url: 'https://arxiv.org/abs/2401.00001' });
      return { key: paper.key, saved: on };
    };

    render(h(Popup, {}), root);
    const page = await until(() => sectionByHeading('On this page'), 'the page section');
    await until(() => page.querySelectorAll('li[data-paper-key]').length === 2, 'two papers');
    expect(page.querySelector('h2')!.textContent).toBe('On this page (2)');

    const first = page.querySelector<HTMLElement>('li[data-paper-key="arxiv:2401.00001"]')!;
    expect(first.querySelector('h3')!.textContent).toBe('<b>Attention</b> again'); // text, never markup
    expect(first.querySelector('b')).toBeNull();
    expect(first.dataset.inCatalogue).toBe('true');
    expect(first.querySelector('[data-marker="in-catalogue"]')).not.toBeNull();
    expect(first.querySelector('.tag')!.getAttribute('title')).toContain('attention');
    expect(first.querySelector('.tag')!.hasAttribute('data-predicted')).toBe(false);
    // A predicted category says so beside its name (generated content: the chip's text stays the name).
    const predicted = page.querySelector<HTMLElement>('li[data-paper-key="arxiv:2401.00002"] .tag--category')!;
    expect(predicted.dataset.predicted).toBe('predicted');
    expect(predicted.textContent).toBe('Computer Vision and Pattern Recognition');
    // Its tooltip names the close runner-up, the category the authors may have chosen instead.
    expect(predicted.getAttribute('title')).toBe('Computer Vision and Pattern Recognition (arXiv category predicted from the text; also likely: Robotics)');

    const save = button(first, 'Save')!;
    expect(save.getAttribute('aria-pressed')).toBe('false');
    save.click();
    // Pressed, the toggle says the state in the badge's word.
    await until(() => button(first, 'Saved')?.getAttribute('aria-pressed') === 'true', 'the save toggle pressed');
    expect(button(first, 'Save')).toBeUndefined();
    expect(fake.calls.find((c) => c.type === 'setSaved')!.request).toEqual({ paper: scan.papers[0]!.ref, saved: true });

    const savedSection = await until(() => sectionByHeading('Saved (1)'), 'one saved paper');
    const item = savedSection.querySelector('li[data-paper-key="arxiv:2401.00001"]')!;
    expect(item.querySelector('a')!.getAttribute('target')).toBe('_blank');
    expect(button(item, 'Remove')).toBeDefined();
  });

  it('counts the rows for you beside the new ones and says why for each; says what to do while the library is too small', async () => {
    const row = (n: number, relevance?: PageScan['papers'][number]['relevance']) => ({
      key: `arxiv:2401.0000${n}`,
      inCatalogue: false,
      saved: false,
      tags: [],
      ref: { key: `arxiv:2401.0000${n}`, title: `Paper ${n}` },
      ...(relevance ? { relevance } : {}),
    });
    const scan: PageScan = {
      url: 'https://arxiv.org/list/cs.LG/new',
      adapterId: 'arxiv',
      pageKind: 'listing',
      complete: true,
      scannedAt: 1,
      papers: [
        row(1, { level: 'high', relevance: 0.999, reasons: [{ kind: 'similar', count: 2, titles: ['<i>Saved one</i>', 'Saved two'] }] }),
        row(2, { level: 'medium', relevance: 0.96, reasons: [{ kind: 'tag', tag: 'diffusion' }] }),
        row(3, { level: 'low', relevance: 0.5, reasons: [{ kind: 'tag', tag: 'diffusion' }] }),
      ],
    };
    fake.handlers.describePage = () => ({ scan });
    fake.handlers.listSaved = () => [];
    fake.handlers.interestStatus = () => ({ ranking: true, papers: 5, needed: 3, tags: ['diffusion'] });
    render(h(Popup, {}), root);
    const line = await until(() => root.querySelector<HTMLElement>('[data-page-for-you]'), 'the for-you count');
    expect(line.dataset.pageForYou).toBe('2');
    expect(line.textContent).toBe('2 for you');
    const reasons = [...root.querySelectorAll('li[data-paper-key]')].map((li) => [
      li.querySelector('[data-marker=for-you]')?.getAttribute('data-level') ?? null,
      li.querySelector('[data-for-you-reason]')?.textContent ?? null,
    ]);
    expect(reasons).toEqual([
      ['high', 'like 2 of your saved papers: <i>Saved one</i>; Saved two'],
      ['medium', 'tag: diffusion'],
      [null, null],
    ]);
    expect(root.querySelector('i')).toBeNull();
    render(null, root);

    fake.handlers.interestStatus = () => ({ ranking: false, papers: 2, needed: 3, tags: [] });
    scan.papers = scan.papers.map(({ relevance: _dropped, ...paper }) => paper);
    render(h(Popup, {}), root);
    const needs = await until(() => root.querySelector<HTMLElement>('[data-page-for-you-needs]'), 'what to do');
    expect(needs.textContent).toBe('Save 3 papers and Paperscope ranks listings for you (2 saved so far)');
    expect(root.querySelector('[data-page-for-you]')).toBeNull();
    expect(root.querySelector('[data-marker=for-you]')).toBeNull();
  });

  it('selects papers on the page, announces the count, saves the selection and exports it as BibTeX', async () => {
    const ref = (n: number) => ({ key: `arxiv:2401.0000${n}`, title: `Paper ${n}` });
    const scan: PageScan = {
      url: 'https://arxiv.org/list/cs.LG/new',
      adapterId: 'arxiv',
      pageKind: 'listing',
      complete: true,
      scannedAt: 1,
      papers: [1, 2, 3].map((n) => ({ key: ref(n).key, inCatalogue: false, saved: false, tags: [], ref: ref(n) })),
    };
    const saved: SavedPaper[] = [];
    fake.handlers.describePage = () => ({ scan });
    fake.handlers.listSaved = ({ from = 0 }) => saved.slice(from);
    fake.handlers.setSaved = ({ paper, saved: on }) => {
      saved.push({ key: paper.key, title: paper.title, authors: [], savedAt: 1, tags: [] });
      return { key: paper.key, saved: on };
    };
    fake.handlers.exportLibrary = ({ papers }) => ({ filename: 'paperscope-selection.bib', mime: 'application/x-bibtex', text: '@misc{x}', count: papers.length });
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });

    render(h(Popup, {}), root);
    const page = await until(() => sectionByHeading('On this page'), 'the page section');
    const boxes = await until(() => {
      const found = page.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-control=select-paper]');
      return found.length === 3 && [...found];
    }, 'three checkboxes');
    // Each checkbox is named by its paper's title.
    const titleOf = (box: HTMLInputElement) => root.ownerDocument.getElementById(box.getAttribute('aria-labelledby')!)!.textContent;
    expect(boxes.map(titleOf)).toEqual(['Paper 1', 'Paper 2', 'Paper 3']);
    const selectAll = page.querySelector<HTMLInputElement>('input[type=checkbox][data-control=select-all]')!;
    expect(selectAll.closest('label')!.textContent).toContain('Select all');
    const count = page.querySelector<HTMLElement>('[data-selection-count]')!;
    expect(count.getAttribute('aria-live')).toBe('polite');
    expect(page.querySelector('button[data-action=save-selected]')).toBeNull();

    boxes[0]!.click();
    boxes[2]!.click();
    await until(() => count.textContent === '2 of 3 selected', 'the count announced');
    expect(selectAll.checked).toBe(false);
    expect(selectAll.indeterminate).toBe(true);

    page.querySelector<HTMLButtonElement>('button[data-action=save-selected]')!.click();
    await until(() => fake.calls.filter((c) => c.type === 'setSaved').length === 2, 'two saves');
    expect(fake.calls.filter((c) => c.type === 'setSaved').map((c) => c.request)).toEqual([
      { paper: ref(1), saved: true },
      { paper: ref(3), saved: true },
    ]);
    await until(() => page.querySelector('li[data-paper-key="arxiv:2401.00003"]')?.getAttribute('data-saved') === 'true', 'the third marked saved');
    expect(page.querySelector('li[data-paper-key="arxiv:2401.00002"]')!.getAttribute('data-saved')).toBe('false');

    await until(() => !page.querySelector<HTMLButtonElement>('button[data-action=export-selected]')!.disabled, 'export enabled');
    page.querySelector<HTMLButtonElement>('button[data-action=export-selected]')!.click();
    await until(() => clicks.length === 1, 'a download');
    expect(clicks).toEqual(['paperscope-selection.bib']);
    expect(fake.calls.find((c) => c.type === 'exportLibrary')!.request).toEqual({ format: 'bibtex', papers: [ref(1), ref(3)] });
    click.mockRestore();

    selectAll.click();
    await until(() => count.textContent === '3 of 3 selected', 'all selected');
    expect(boxes.every((b) => b.checked)).toBe(true);
    selectAll.click();
    await until(() => count.textContent === '', 'none selected');
    expect(page.querySelector('button[data-action=save-selected]')).toBeNull();
  });

  it('says plainly when there is no scan, and warns when a listing has no rows', async () => {
    fake.handlers.describePage = () => ({});
    fake.handlers.listSaved = () => [];
    render(h(Popup, {}), root);
    await until(() => root.textContent?.includes('Paperscope has not found papers on this page'), 'the no-scan words');

    render(null, root);
    fake.handlers.describePage = () => ({ scan: { url: 'u', adapterId: 'arxiv', pageKind: 'listing', complete: true, scannedAt: 1, papers: [] } });
    fake.handlers.listSites = () => [{ id: 'arxiv', name: 'arXiv', enabled: true }];
    render(h(Popup, {}), root);
    await until(() => root.textContent?.includes('This looks like an arXiv listing, but no papers were found'), 'the layout warning');
  });

  it('scans a page it has no scan for on request, injecting the built scan script into the tab', async () => {
    let scan: PageScan | undefined;
    fake.handlers.describePage = () => (scan ? { scan } : {});
    fake.handlers.listSaved = () => [];
    render(h(Popup, {}), root);
    const scanButton = await until(() => root.querySelector<HTMLButtonElement>('[data-empty="no-scan"] ~ button[data-action="scan-page"]'), 'the scan button');
    expect(scanButton.textContent).toBe('Scan this page for papers');
    fake.browser.scripting.executeScript = async (options: unknown) => {
      fake.calls.push({ type: 'scripting.executeScript', request: options });
      // What the injected script's matchRows leaves behind for the popup to read.
      scan = {
        url: 'https://blog.example.org/post',
        adapterId: 'generic',
        pageKind: 'listing',
        complete: true,
        scannedAt: Date.now(),
        papers: [{ key: 'arxiv:1706.03762', inCatalogue: false, saved: false, tags: [], ref: { key: 'arxiv:1706.03762', title: 'Attention Is All You Need' } }],
      };
      return [];
    };
    scanButton.click();
    await until(() => root.querySelector('li[data-paper-key="arxiv:1706.03762"]'), 'the scanned paper');
    expect(fake.calls.find((c) => c.type === 'scripting.executeScript')!.request).toEqual({ target: { tabId: 7 }, files: ['content/scanPage.js'] });
    expect(root.querySelector('button[data-action="scan-page"]')).toBeNull();

    // A page with nothing on it says so, rather than warning of a changed layout, and can be scanned again.
    render(null, root);
    scan = { url: 'https://bread.example.com/', adapterId: 'generic', pageKind: 'listing', complete: true, scannedAt: 1, papers: [] };
    render(h(Popup, {}), root);
    await until(() => root.querySelector('[data-empty="none-found"]'), 'the none-found words');
    expect(root.querySelector('[data-empty="layout-changed"]')).toBeNull();
    expect(root.querySelector('button[data-action="scan-page"]')).not.toBeNull();
  });

  it('picks a paper for the side panel and shows errors as alerts', async () => {
    const ref = { key: 'arxiv:1', title: 'One' };
    fake.handlers.describePage = () => ({
      scan: { url: 'u', adapterId: 'arxiv', pageKind: 'paper', complete: true, scannedAt: 1, papers: [{ key: 'arxiv:1', inCatalogue: false, saved: false, tags: [], ref }] },
    });
    fake.handlers.listSaved = () => {
      throw new Error('database closed');
    };
    fake.handlers.pickPaper = ({ paper }) => ({ key: paper.key });
    render(h(Popup, {}), root);
    const related = await until(() => button(root, 'Related'), 'the Related button');
    related.click();
    await until(() => fake.calls.some((c) => c.type === 'pickPaper'), 'pickPaper');
    expect(fake.calls.find((c) => c.type === 'pickPaper')!.request).toEqual({ paper: ref, openPanel: false });
    const alert = await until(() => root.querySelector('[role="alert"]'), 'an alert');
    expect(alert.textContent).toContain('database closed');
  });
});

describe('popup: Show badges on this site', () => {
  const realQuery = fake.browser.tabs.query;
  afterEach(() => {
    fake.browser.tabs.query = realQuery;
    delete (fake.browser as Record<string, unknown>).permissions;
  });
  const onTab = (url: string) => {
    fake.browser.tabs.query = async () => [{ id: 7, windowId: 3, url } as never];
  };

  it('asks for the one site in the click, then turns it on; declined, it says so and turns nothing on', async () => {
    onTab('https://news.ycombinator.com/item?id=1');
    const asked: unknown[] = [];
    let answer = false;
    (fake.browser as Record<string, unknown>).permissions = {
      request: (permissions: unknown) => {
        asked.push(permissions);
        return Promise.resolve(answer);
      },
    };
    let on: Array<{ origin: string; pattern: string }> = [];
    fake.handlers.describePage = () => ({});
    fake.handlers.listSaved = () => [];
    fake.handlers.listLinksSites = () => on;
    fake.handlers.setLinksSite = ({ origin, on: wanted }) => {
      on = wanted ? [{ origin, pattern: `${origin}/*` }] : [];
      return on;
    };
    render(h(Popup, {}), root);
    const toggle = await until(() => root.querySelector<HTMLInputElement>('input[data-control="links-site"]'), 'the control');
    expect(toggle.checked).toBe(false);

    toggle.click();
    await until(() => root.querySelector('[role="alert"]'), 'the refusal');
    expect(asked).toEqual([{ origins: ['https://news.ycombinator.com/*'] }]);
    expect(fake.calls.some((c) => c.type === 'setLinksSite')).toBe(false);
    expect(root.querySelector<HTMLInputElement>('input[data-control="links-site"]')!.checked).toBe(false);

    answer = true;
    root.querySelector<HTMLInputElement>('input[data-control="links-site"]')!.click();
    await until(() => fake.calls.some((c) => c.type === 'setLinksSite'), 'setLinksSite');
    expect(fake.calls.find((c) => c.type === 'setLinksSite')!.request).toEqual({ origin: 'https://news.ycombinator.com', on: true });
    await until(() => root.querySelector<HTMLInputElement>('input[data-control="links-site"]')?.checked, 'the control on');
    expect(root.querySelector('[role="alert"]')).toBeNull();

    // On, on a page with no paper links: nothing found, not a warning that a site's layout changed.
    render(null, root);
    fake.handlers.describePage = () => ({ scan: { url: 'https://news.ycombinator.com/', adapterId: 'links', pageKind: 'listing', complete: true, scannedAt: 1, papers: [] } });
    render(h(Popup, {}), root);
    await until(() => root.querySelector('[data-empty="none-found"]'), 'the none-found words');
    expect(root.querySelector('[data-empty="layout-changed"]')).toBeNull();
    expect(root.querySelector<HTMLInputElement>('input[data-control="links-site"]')?.checked).toBe(true);
  });

  it('is not offered on a supported site (its own badges), nor on a page that is no web site', async () => {
    fake.handlers.describePage = () => ({});
    fake.handlers.listSaved = () => [];
    fake.handlers.listLinksSites = () => [];
    for (const url of ['https://arxiv.org/list/cs.LG/new', 'chrome://extensions/', 'file:///home/me/paper.html']) {
      onTab(url);
      render(h(Popup, {}), root);
      await until(() => root.querySelector('[data-section="page"]'), 'the page section');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(root.querySelector('input[data-control="links-site"]'), url).toBeNull();
      render(null, root);
    }
    expect(fake.calls.some((c) => c.type === 'listLinksSites')).toBe(false);
  });
});

describe('popup saved library', () => {
  function input(el: Element | null, value: string): void {
    const field = el as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }

  it('shows date, read toggle, tags with autocomplete and a note, and searches and filters the library', async () => {
    const saved: SavedPaper[] = [
      {
        key: 'arxiv:1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani'],
        savedAt: Date.UTC(2025, 0, 2),
        tags: [tag('Transformers')],
        userTags: ['classic'],
        year: 2017,
      },
      { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity', authors: ['Samyam Rajbhandari'], savedAt: Date.UTC(2025, 0, 1), tags: [], year: 2021 },
    ];
    fake.handlers.describePage = () => ({});
    fake.handlers.listSaved = ({ from = 0 }) => saved.slice(from).map((p) => ({ ...p }));
    fake.handlers.updateSaved = ({ key, ...change }) => {
      const paper = saved.find((p) => p.key === key)!;
      Object.assign(paper, change);
      return paper;
    };
    render(h(Popup, {}), root);
    const section = await until(() => sectionByHeading('Saved (2)'), 'two saved papers');
    const item = (key: string) => section.querySelector<HTMLElement>(`li[data-paper-key="${key}"]`)!;
    const shown = () => [...section.querySelectorAll<HTMLElement>('li[data-paper-key]')].map((li) => li.dataset.paperKey);
    expect(item('arxiv:1706.03762').querySelector('time')!.getAttribute('datetime')).toBe(new Date(Date.UTC(2025, 0, 2)).toISOString());

    // Read toggle.
    const toggle = item('arxiv:2104.07857').querySelector<HTMLButtonElement>('button[data-action="toggle-read"]')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await until(() => item('arxiv:2104.07857').querySelector('button[data-action="toggle-read"]')!.getAttribute('aria-pressed') === 'true', 'marked read');
    expect(fake.calls.find((c) => c.type === 'updateSaved')!.request).toEqual({ key: 'arxiv:2104.07857', read: true });

    // Add a tag: the input is labelled and autocompletes from every user tag.
    const tagInput = item('arxiv:2104.07857').querySelector<HTMLInputElement>('input[data-control="add-tag"]')!;
    expect(root.querySelector(`label[for="${tagInput.id}"]`)!.textContent).toContain('Add a tag');
    const list = root.ownerDocument.getElementById(tagInput.getAttribute('list')!)!;
    expect(list.tagName).toBe('DATALIST');
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toEqual(['classic']);
    input(tagInput, ' systems ');
    item('arxiv:2104.07857').querySelector<HTMLButtonElement>('button[data-action="add-tag"]')!.click();
    await until(() => item('arxiv:2104.07857').querySelector('[data-user-tag="systems"]'), 'the new tag chip');
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toEqual(['classic', 'systems']);

    // Remove a tag.
    item('arxiv:1706.03762').querySelector<HTMLButtonElement>('[data-user-tag="classic"] button[data-action="remove-tag"]')!.click();
    await until(() => !item('arxiv:1706.03762').querySelector('[data-user-tag]'), 'the tag removed');

    // Note: saved on Ctrl+Enter.
    const note = item('arxiv:1706.03762').querySelector<HTMLTextAreaElement>('textarea[data-control="note"]')!;
    expect(note.closest('details')).not.toBeNull();
    input(note, 'Read section 3');
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await until(() => saved[0]!.note === 'Read section 3', 'the note saved');

    // Search with a typo, then filters.
    input(root.querySelector('input[type="search"][data-control="search-saved"]'), 'atention');
    await until(() => shown().join() === 'arxiv:1706.03762', 'the typo search');
    input(root.querySelector('input[data-control="search-saved"]'), '');
    await until(() => shown().length === 2, 'everything again');
    input(section.querySelector('select[data-control="filter-tag"]'), 'systems');
    await until(() => shown().join() === 'arxiv:2104.07857', 'the tag filter');
    input(section.querySelector('select[data-control="filter-tag"]'), '');
    input(section.querySelector('select[data-control="filter-year"]'), '2017');
    await until(() => shown().join() === 'arxiv:1706.03762', 'the year filter');
    input(section.querySelector('select[data-control="filter-year"]'), '2021');
    section.querySelector<HTMLInputElement>('input[data-control="unread-only"]')!.click();
    await until(() => section.querySelector('[data-empty="no-match"]'), 'no unread paper of 2021');
  });

  it('draws a large library a part at a time, with Show more, and searches all of it', async () => {
    const { SAVED_ROWS_AT_ONCE } = await import('../../src/ui/popup/SavedSection.tsx');
    const total = SAVED_ROWS_AT_ONCE * 2 + 50;
    const saved: SavedPaper[] = Array.from({ length: total }, (_, i) => ({
      key: `doi:10.5555/p.${i}`,
      title: i === total - 1 ? 'Sparse mixture of experts routing' : `A study of libraries, part ${i}`,
      authors: [],
      savedAt: total - i,
      tags: [],
    }));
    fake.handlers.describePage = () => ({});
    fake.handlers.listSaved = ({ from = 0 }) => saved.slice(from, from + 100);
    render(h(Popup, {}), root);
    const section = await until(() => sectionByHeading(`Saved (${total})`), 'the saved library');
    const rows = () => section.querySelectorAll('li[data-paper-key]').length;
    expect(rows()).toBe(SAVED_ROWS_AT_ONCE);
    expect(section.querySelector('[data-saved-shown]')!.getAttribute('data-saved-shown')).toBe(String(total));
    const more = () => section.querySelector<HTMLButtonElement>('button[data-action="show-more-saved"]');
    expect(more()!.textContent).toBe(`Show ${SAVED_ROWS_AT_ONCE} more (${SAVED_ROWS_AT_ONCE + 50} not shown)`);
    more()!.click();
    await until(() => rows() === SAVED_ROWS_AT_ONCE * 2, 'the second part');
    more()!.click();
    await until(() => rows() === total, 'every row');
    expect(more()).toBeNull();
    // A search covers the rows not drawn yet, and starts again from the first part.
    input(root.querySelector('input[data-control="search-saved"]'), 'mixture experts');
    await until(() => rows() === 1, 'the one match');
    expect(section.querySelector('li[data-paper-key]')!.getAttribute('data-paper-key')).toBe(`doi:10.5555/p.${total - 1}`);
    input(root.querySelector('input[data-control="search-saved"]'), '');
    await until(() => rows() === SAVED_ROWS_AT_ONCE, 'the first part again');
  }, 30_000); // hundreds of rows drawn in happy-dom: several seconds on a loaded machine
});

describe('side panel', () => {
  const related = (key: string, title: string, score: number): RelatedPaper => ({
    key,
    title,
    authors: ['A', 'B', 'C', 'D'],
    score,
    sharedTerms: ['graph'],
    sharedTopics: ['Graphs'],
    saved: false,
  });

  it('shows related work for the query paper, sorts it, and follows new picks', async () => {
    fake.handlers.related = ({ paper }) => ({
      paper: { key: paper.key, title: paper.title },
      related: paper.key === 'arxiv:1' ? [related('arxiv:b', 'Alpha', 0.42), related('arxiv:a', 'Zeta', 0.9)] : [],
    });
    fake.handlers.getPickedPaper = () => ({ paper: { key: 'arxiv:2', title: 'Second pick' } });
    render(h(SidePanel, { search: '?key=arxiv%3A1&title=First+paper' }), root);

    await until(() => root.querySelectorAll('ol li[data-paper-key]').length === 2, 'two related papers');
    expect(root.querySelector('h1')!.textContent).toBe('First paper');
    const items = () => [...root.querySelectorAll<HTMLElement>('ol li[data-paper-key]')].map((li) => li.dataset.paperKey);
    expect(items()).toEqual(['arxiv:a', 'arxiv:b']);
    const top = root.querySelector('li[data-paper-key="arxiv:a"]')!;
    expect(top.querySelector('[data-score]')!.getAttribute('data-score')).toBe('0.9');
    expect(top.textContent).toContain('90%');
    expect(top.textContent).toContain('A, B, C et al.');

    const select = root.querySelector<HTMLSelectElement>('select[data-control="sort"]')!;
    select.value = 'title';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => items().join() === 'arxiv:b,arxiv:a' && root.querySelector('ol')!.dataset.sort === 'title', 'title order');

    fake.fromWorker('paperPicked', { paper: { key: 'arxiv:2', title: 'Second pick' } });
    await until(() => root.querySelector('h1')!.textContent === 'Second pick', 'the new pick');
  });

  it('holds back matches under the similarity floor behind Show more, and shows the best few as weak when all are under it', async () => {
    fake.handlers.related = ({ paper }) => ({
      paper: { key: paper.key, title: paper.title },
      related:
        paper.key === 'arxiv:1'
          ? [related('arxiv:a', 'Strong', 0.3), related('arxiv:b', 'Weak', 0.05), related('arxiv:c', 'Weaker', 0.01)]
          : [related('arxiv:w', 'W', 0.01), related('arxiv:x', 'X', 0.05), related('arxiv:y', 'Y', 0.04), related('arxiv:z', 'Z', 0.03)],
    });
    fake.handlers.getPickedPaper = () => ({ paper: { key: 'arxiv:1', title: 'First paper' } });
    render(h(SidePanel, { search: '?key=arxiv%3A1&title=First+paper' }), root);
    const items = () => [...root.querySelectorAll<HTMLElement>('ol li[data-paper-key]')].map((li) => li.dataset.paperKey);
    const weak = () => [...root.querySelectorAll<HTMLElement>('ol li[data-weak]')].map((li) => li.dataset.paperKey);
    const button = () => root.querySelector<HTMLButtonElement>('button[data-action=show-weak]')!;

    await until(() => items().join() === 'arxiv:a', 'the strong match alone');
    expect(root.querySelector('[data-weak-count]')!.textContent).toContain('2 weaker matches hidden');
    expect(root.querySelector('h2')!.textContent).toBe('Related papers (1)');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    button().click();
    await until(() => items().join() === 'arxiv:a,arxiv:b,arxiv:c', 'the weaker matches too');
    expect(weak()).toEqual(['arxiv:b', 'arxiv:c']);
    expect(root.querySelector('li[data-paper-key="arxiv:b"]')!.textContent).toContain('weak match');
    expect(button().getAttribute('aria-expanded')).toBe('true');

    // Every match under the floor: the three most similar, marked weak, never an empty list; Show more starts closed again.
    fake.fromWorker('paperPicked', { paper: { key: 'arxiv:2', title: 'Second pick' } });
    await until(() => items().join() === 'arxiv:x,arxiv:y,arxiv:z', 'the best weak matches');
    expect(weak()).toEqual(['arxiv:x', 'arxiv:y', 'arxiv:z']);
    expect(root.querySelector('[data-all-weak]')!.textContent).toContain('under 8% similar');
    expect(root.querySelector('[data-weak-count]')!.textContent).toContain('1 weaker match hidden');
    expect(button().getAttribute('aria-expanded')).toBe('false');
  });

  it('asks the user to pick a paper when none is picked', async () => {
    fake.handlers.getPickedPaper = () => ({});
    render(h(SidePanel, { search: '' }), root);
    await until(() => root.textContent?.includes("Pick a paper with a badge's Related button or from the popup."), 'the empty state');
  });

  it('orders and shortens as documented', () => {
    expect(shortAuthors(['A', 'B'])).toBe('A, B');
    expect(sortRelated([related('k1', 'b', 0.1), related('k2', 'A', 0.5)], 'title').map((p) => p.title)).toEqual(['A', 'b']);
  });
});

describe('options', () => {
  it('switches sites and shows the catalogue', async () => {
    let sites: SiteSetting[] = [
      { id: 'arxiv', name: 'arXiv', enabled: true, feedBar: false },
      { id: 'openreview', name: 'OpenReview', enabled: true, feedBar: true },
    ];
    fake.handlers.listSites = () => sites;
    fake.handlers.setSiteEnabled = ({ siteId, enabled }) => (sites = sites.map((s) => (s.id === siteId ? { ...s, enabled } : s)));
    fake.handlers.setFeedBarShown = ({ siteId, shown }) => (sites = sites.map((s) => (s.id === siteId ? { ...s, feedBar: shown } : s)));
    fake.handlers.catalogueInfo = () => ({ version: '2025.01', paperCount: 1385, source: 'seeds', installedAt: Date.UTC(2025, 0, 1), origin: 'imported' });
    render(h(Options, {}), root);

    const box = await until(() => root.querySelector<HTMLInputElement>('input[type=checkbox][data-site-id="openreview"]'), 'site checkboxes');
    expect(root.querySelector(`label[for="${box.id}"]`)!.textContent).toBe('OpenReview');
    box.click();
    await until(() => sites.find((s) => s.id === 'openreview')!.enabled === false, 'the switch stored');
    expect(box.checked).toBe(false);
    // A site switched off has no feed bar to show; the bar closed on arXiv is shown again from here.
    expect(root.querySelector<HTMLInputElement>('input[data-feed-bar-site-id="openreview"]')!.disabled).toBe(true);
    const bar = root.querySelector<HTMLInputElement>('input[data-feed-bar-site-id="arxiv"]')!;
    expect([bar.checked, bar.closest('label')!.textContent]).toEqual([false, 'feed bar on listings']);
    bar.click();
    await until(() => sites.find((s) => s.id === 'arxiv')!.feedBar, 'the feed bar shown again');
    expect(bar.checked).toBe(true);

    await until(() => root.querySelector('dd[data-field="paperCount"]'), 'catalogue facts');
    // In words: the name and a localised count and date; the hash and the file name only under "Details".
    expect(root.querySelector('[data-field="name"]')!.textContent).toBe('seeds');
    expect(root.querySelector('dd[data-field="paperCount"]')!.textContent).toBe((1385).toLocaleString());
    expect(root.querySelector('dd[data-field="installedAt"] time')!.getAttribute('datetime')).toBe('2025-01-01T00:00:00.000Z');
    // A catalogue that does not say how recent its papers are (one built before it was recorded) shows no such line.
    expect(root.querySelector('[data-field="newestPaperDate"]')).toBeNull();
    expect(root.textContent).not.toContain('Papers up to');
    expect(root.querySelector('details[data-field="details"] dd[data-field="version"]')!.textContent).toBe('2025.01');
    expect(root.querySelector('details[data-field="details"] dd[data-field="source"]')!.textContent).toBe('seeds');
    expect(root.querySelector('details[data-field="details"]')!.hasAttribute('open')).toBe(false);
    expect(sectionByHeading('Privacy')!.textContent).toContain('offline');
  });

  it('says how recent the catalogue is: its newest paper, as precisely as the catalogue knows it', async () => {
    for (const [date, shown] of [
      ['2025-12-04', new Date(Date.UTC(2025, 11, 4)).toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' })],
      ['2025-12', new Date(Date.UTC(2025, 11, 1)).toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short' })],
      ['2025', '2025'],
    ] as const) {
      fake.handlers.listSites = () => [];
      fake.handlers.catalogueInfo = () => ({ version: 'v', paperCount: 3, source: 'x.jsonl', installedAt: 1, origin: 'imported', newestPaperDate: date });
      render(null, root);
      render(h(Options, {}), root);
      const time = await until(() => root.querySelector('dd[data-field="newestPaperDate"] time'), 'the newest paper date');
      expect(time.getAttribute('datetime')).toBe(date);
      expect(time.textContent).toBe(shown);
      expect(time.closest('dd')!.previousElementSibling!.textContent).toBe('Papers up to');
    }
  });
});
