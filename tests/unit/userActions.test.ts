// The keyboard shortcut, the link context menu and the side panel's follow-the-tab rule, with fake dependencies.
import { describe, expect, it, vi } from 'vitest';
import type { PaperRef } from '../../src/core/paper.ts';
import type { PageScan } from '../../src/messaging/shapes.ts';
import { currentPaper, runCommand, SAVE_CURRENT_PAPER } from '../../src/background/commands.ts';
import { paperFromLink, paperIdsFromLink } from '../../src/background/contextMenu.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18nStub.ts')).i18nStub } }));
const { follow, INITIAL_FOLLOW, paperOfScan } = await import('../../src/ui/sidepanel/followTab.ts');
const { paperUrl } = await import('../../src/core/identity/paperKey.ts');
const { filterByTopic, sortRelated, topicOptions } = await import('../../src/ui/sidepanel/SidePanel.tsx');

const ref = (key: string, title = key): PaperRef => ({ key, title });
const scan = (pageKind: 'paper' | 'listing', refs: PaperRef[]): PageScan => ({
  url: 'https://arxiv.org/abs/1',
  adapterId: 'arxiv',
  pageKind,
  papers: refs.map((r) => ({ ref: r, key: r.key, inCatalogue: false, saved: false, tags: [] })),
  complete: true,
  scannedAt: 0,
});

describe('save-current-paper command', () => {
  const deps = (scans: Record<number, PageScan>, picked?: PaperRef) => {
    const saved: PaperRef[] = [];
    return { saved, pageScan: async (id: number) => scans[id], pickedPaper: async () => picked, save: async (p: PaperRef) => void saved.push(p) };
  };

  it("saves the active tab's paper on a paper page", async () => {
    const d = deps({ 3: scan('paper', [ref('arxiv:1')]) }, ref('arxiv:picked'));
    expect(await runCommand(d, SAVE_CURRENT_PAPER, 3)).toEqual(ref('arxiv:1'));
    expect(d.saved).toEqual([ref('arxiv:1')]);
  });

  it('saves the picked paper on a listing, a page without a scan, or without a tab', async () => {
    const d = deps({ 3: scan('listing', [ref('arxiv:1'), ref('arxiv:2')]) }, ref('arxiv:picked'));
    expect(await currentPaper(d, 3)).toEqual(ref('arxiv:picked'));
    expect(await currentPaper(d, 4)).toEqual(ref('arxiv:picked'));
    expect(await runCommand(d, SAVE_CURRENT_PAPER, undefined)).toEqual(ref('arxiv:picked'));
    expect(d.saved).toEqual([ref('arxiv:picked')]);
  });

  it('saves nothing when there is no paper, and ignores other commands', async () => {
    const d = deps({});
    expect(await runCommand(d, SAVE_CURRENT_PAPER, 1)).toBeUndefined();
    expect(await runCommand(deps({ 1: scan('paper', [ref('arxiv:1')]) }), 'other', 1)).toBeUndefined();
    expect(d.saved).toEqual([]);
  });
});

describe('save-link context menu', () => {
  it('reads arXiv abs/pdf links and doi.org links, and nothing else', () => {
    expect(paperIdsFromLink('https://arxiv.org/abs/2104.07857v2')).toEqual({ arxivId: '2104.07857' });
    expect(paperIdsFromLink('https://arxiv.org/pdf/2104.07857.pdf')).toEqual({ arxivId: '2104.07857' });
    expect(paperIdsFromLink('https://doi.org/10.1145/3458817.3476205')).toEqual({ doi: '10.1145/3458817.3476205' });
    expect(paperIdsFromLink('https://dx.doi.org/10.1000%2FABC.1')).toEqual({ doi: '10.1000/abc.1' });
    expect(paperIdsFromLink('https://doi.org/10.48550/arXiv.2104.07857')).toEqual({ arxivId: '2104.07857' });
    expect(paperIdsFromLink('https://arxiv.org/list/cs.CL/new')).toBeUndefined();
    expect(paperIdsFromLink('https://example.com/10.1145/3458817')).toBeUndefined();
    expect(paperIdsFromLink('javascript:alert(1)')).toBeUndefined();
    expect(paperIdsFromLink('not a url')).toBeUndefined();
  });

  it('titles the paper from the catalogue, else a title-like link text, else the id', () => {
    const none = () => undefined;
    const known = () => ({ title: 'ZeRO-Infinity', authors: ['S. Rajbhandari'] });
    const url = 'https://arxiv.org/abs/2104.07857';
    expect(paperFromLink(url, 'pdf', known)).toEqual({ key: 'arxiv:2104.07857', arxivId: '2104.07857', title: 'ZeRO-Infinity', url, authors: ['S. Rajbhandari'] });
    expect(paperFromLink(url, '  Breaking the   GPU memory wall ', none)?.title).toBe('Breaking the GPU memory wall');
    expect(paperFromLink(url, 'arXiv:2104.07857', none)?.title).toBe('arXiv:2104.07857');
    expect(paperFromLink(url, undefined, none)?.title).toBe('arXiv:2104.07857');
    const doi = paperFromLink('https://doi.org/10.1145/3458817.3476205', undefined, none)!;
    expect(doi).toMatchObject({ key: 'doi:10.1145/3458817.3476205', doi: '10.1145/3458817.3476205', title: '10.1145/3458817.3476205' });
    expect(paperFromLink('https://example.com/', 'A title here', known)).toBeUndefined();
  });
});

describe('side panel follows the active tab', () => {
  const a = ref('arxiv:a');
  const b = ref('arxiv:b');
  const p = ref('arxiv:picked');

  it("takes a paper page's one paper only", () => {
    expect(paperOfScan(scan('paper', [a]))).toEqual(a);
    expect(paperOfScan(scan('paper', [a, b]))).toBeUndefined();
    expect(paperOfScan(scan('listing', [a]))).toBeUndefined();
    expect(paperOfScan(undefined)).toBeUndefined();
  });

  it('opens on the pick, else on the tab paper', () => {
    expect(follow(INITIAL_FOLLOW, { kind: 'opened', picked: p, tabId: 1, tabPaper: a })).toMatchObject({ paper: p, source: 'pick' });
    expect(follow(INITIAL_FOLLOW, { kind: 'opened', tabId: 1, tabPaper: a })).toMatchObject({ paper: a, source: 'tab' });
    expect(follow(INITIAL_FOLLOW, { kind: 'opened', tabId: 1 }).paper).toBeUndefined();
  });

  it('lets the latest user action win; a rescan of the same paper keeps a newer pick', () => {
    let s = follow(INITIAL_FOLLOW, { kind: 'opened', picked: p, tabId: 1, tabPaper: a });
    s = follow(s, { kind: 'tabActivated', tabId: 2, tabPaper: b });
    expect(s).toMatchObject({ paper: b, source: 'tab' });
    s = follow(s, { kind: 'picked', paper: p });
    expect(s).toMatchObject({ paper: p, source: 'pick' });
    s = follow(s, { kind: 'tabScanned', tabId: 2, tabPaper: b });
    expect(s.paper).toEqual(p);
    s = follow(s, { kind: 'tabScanned', tabId: 1, tabPaper: a });
    expect(s.paper).toEqual(p);
    s = follow(s, { kind: 'tabScanned', tabId: 2, tabPaper: a });
    expect(s).toMatchObject({ paper: a, source: 'tab' });
    s = follow(s, { kind: 'tabActivated', tabId: 3 });
    expect(s).toMatchObject({ paper: a, activeTabId: 3 });
  });
});

describe('side panel lists', () => {
  const rel = (key: string, score: number, year: number | undefined, topics: string[]) => ({
    key,
    title: key,
    authors: [],
    score,
    sharedTerms: [],
    sharedTopics: topics.slice(0, 1),
    saved: false,
    year,
    topics,
  });
  const list = [rel('k1', 0.9, 2019, ['Graphs']), rel('k2', 0.5, 2023, ['NLP', 'Graphs']), rel('k3', 0.7, undefined, ['NLP']), rel('k4', 0.6, 2023, [])];

  it('sorts by date, newest first, undated last, ties by similarity', () => {
    expect(sortRelated(list, 'date').map((p) => p.key)).toEqual(['k4', 'k2', 'k1', 'k3']);
  });

  it('filters by topic, offering the topics present', () => {
    expect(topicOptions(list)).toEqual(['Graphs', 'NLP']);
    expect(filterByTopic(list, 'NLP').map((p) => p.key)).toEqual(['k2', 'k3']);
    expect(filterByTopic(list, '').length).toBe(4);
  });

  it('links arXiv and DOI keys to where they can be read', () => {
    expect(paperUrl('arxiv:2104.07857')).toBe('https://arxiv.org/abs/2104.07857');
    expect(paperUrl('arxiv:hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(paperUrl('doi:10.1000/a b#c')).toBe('https://doi.org/10.1000/a%20b%23c');
    expect(paperUrl('title:some paper')).toBeUndefined();
  });
});
