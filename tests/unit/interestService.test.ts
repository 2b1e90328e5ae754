// The worker's interest model: none below three saved papers (and the popup is told why), learned on first need,
// learned again after the library or a user tag changes (tabs are told), and each row's relevance in matchRows answers.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperRef } from '../../src/core/paper.ts';
import { CatalogueDatabase, UserDatabase } from '../../src/db/database.ts';
import { fieldPaper, toyCatalogue, type Field } from './personal.toyCatalogue.ts';

const tabMessages = vi.fn(async (_tabId: number, _message: unknown) => undefined);
vi.mock('webextension-polyfill', async () => ({
  default: {
    runtime: { sendMessage: async () => undefined },
    tabs: { query: async () => [{ id: 7 }], sendMessage: tabMessages },
    i18n: (await import('./i18nStub.ts')).i18nStub,
  },
}));
const { createHandlers } = await import('../../src/background/router.ts');
const { createServices } = await import('../../src/background/services.ts');
const { InterestService, RETRAIN_DELAY_MS } = await import('../../src/background/interestService.ts');

const catalogue = toyCatalogue();
let counter = 0;
const opened: (UserDatabase | CatalogueDatabase)[] = [];
function setup() {
  const db = new UserDatabase(`interests-${++counter}`, { combinedName: `interests-combined-${counter}` });
  const catalogueDb = new CatalogueDatabase(`interests-catalogue-${counter}`);
  opened.push(db, catalogueDb);
  const services = createServices(db, catalogueDb, { index: async () => catalogue } as never);
  return { db, services, ...createHandlers(services) };
}
afterEach(async () => {
  tabMessages.mockClear();
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Papers from after the toy catalogue's month: not in it, ranked from their text and authors. */
const fresh = (field: Field, ns: number[]): PaperRef[] => ns.map((n) => fieldPaper(field, n, '2510'));
const listing = (refs: PaperRef[]) => ({ adapterId: 'arxiv', pageKind: 'listing' as const, refs, firstRow: 0 });
const fromTab = { tabId: 1, incognito: false, url: 'https://arxiv.org/list/quant-ph/new' };
/**
 * A reader who saves quantum papers by one author. "For you" is a high bar (above 95 % of the catalogue, whose other
 * quantum papers are as like the library in words): the author's new papers pass it, the others' do not.
 */
const READER_AUTHOR = 'Ada Qubitson';
const byReader = (paper: PaperRef): PaperRef => ({ ...paper, authors: [READER_AUTHOR, ...(paper.authors ?? [])] });
const feed = [...fresh('quantum', [5, 6, 7]).map(byReader), ...fresh('cells', [1, 2, 3]), ...fresh('language', [1, 2])];
/** How many times tabs were asked to ask about their papers again. */
const rescans = () => tabMessages.mock.calls.filter(([, message]) => (message as { type: string }).type === 'settingsChanged').length;
const isQuantum = (key: string) => key.startsWith('arxiv:2510.1');

describe('the interest service', () => {
  it('ranks nothing below three saved papers and says so; from the third on, every row of a page has its relevance', async () => {
    const { pages, content } = setup();
    for (const n of [0, 1]) await pages.setSaved({ paper: byReader(fieldPaper('quantum', n)), saved: true }, {});
    expect(await pages.interestStatus({}, {})).toEqual({ ranking: false, papers: 2, needed: 3, tags: [] });
    const before = await content.matchRows(listing(feed), fromTab);
    expect(before.papers.map((p) => p.relevance)).toEqual(feed.map(() => undefined));

    await pages.setSaved({ paper: byReader(fieldPaper('quantum', 2)), saved: true }, {});
    await pages.setSaved({ paper: byReader(fieldPaper('quantum', 3)), saved: true }, {});
    expect(await pages.interestStatus({}, {})).toEqual({ ranking: true, papers: 4, needed: 3, tags: [] });
    const { papers } = await content.matchRows(listing(feed), fromTab);
    const forYou = papers.filter((p) => p.relevance?.level === 'high' || p.relevance?.level === 'medium').map((p) => p.key);
    expect(forYou.sort()).toEqual(fresh('quantum', [5, 6, 7]).map((p) => p.key));
    for (const paper of papers) {
      expect(paper.relevance).toBeDefined();
      if (!isQuantum(paper.key)) expect(paper.relevance!.level).toBe('low');
    }
    // Why: the saved papers each quantum row is like, by title, and the author.
    const reasons = papers.find((p) => p.key === fresh('quantum', [5])[0]!.key)!.relevance!.reasons;
    expect(reasons.find((r) => r.kind === 'similar')).toMatchObject({ kind: 'similar', titles: expect.arrayContaining([expect.any(String)]) });
    expect(reasons).toContainEqual({ kind: 'authors', names: expect.arrayContaining([READER_AUTHOR]) });
    // A catalogue paper is scored from its packed vector, like any other row.
    const inCatalogue = await content.matchRows(listing([fieldPaper('quantum', 9), fieldPaper('cells', 9)]), fromTab);
    expect(inCatalogue.papers.map((p) => p.inCatalogue)).toEqual([true, true]);
    expect(inCatalogue.papers[0]!.relevance!.relevance).toBeGreaterThan(inCatalogue.papers[1]!.relevance!.relevance);
  });

  it('learns again after a user tag changes, and names the tag; tabs are told once a retrain in the background is done', async () => {
    const { pages, content } = setup();
    for (const n of [0, 1, 2, 3]) await pages.setSaved({ paper: fieldPaper('quantum', n), saved: true }, {});
    const row = fresh('quantum', [8]);
    const untagged = await content.matchRows(listing(row), fromTab);
    expect(untagged.papers[0]!.relevance!.reasons.some((r) => r.kind === 'tag')).toBe(false);

    // A note is no reason to learn again; tags are.
    await pages.updateSaved({ key: fieldPaper('quantum', 3).key, note: 'read later' }, {});
    for (const n of [0, 1, 2, 3]) await pages.updateSaved({ key: fieldPaper('quantum', n).key, userTags: ['qubits'] }, {});
    expect(rescans()).toBe(0);
    await vi.waitFor(() => expect(rescans()).toBe(1), { timeout: RETRAIN_DELAY_MS + 2000 });
    expect((await pages.interestStatus({}, {})).tags).toEqual(['qubits']);
    const tagged = await content.matchRows(listing(row), fromTab);
    expect(tagged.papers[0]!.relevance!.reasons[0]).toEqual({ kind: 'tag', tag: 'qubits' });
  });

  it("answers a saved row with the reader's own tags (the feed bar filters by them), and tabs hear of a change even without a model", async () => {
    const { pages, content } = setup();
    const [a, b, c] = [fieldPaper('quantum', 0), fieldPaper('quantum', 1), fieldPaper('cells', 0)];
    for (const paper of [a, b]) await pages.setSaved({ paper, saved: true }, {});
    await pages.updateSaved({ key: a.key, userTags: ['thesis', 'to read'] }, {});
    // Two papers: no model, yet the pages are told (once) that a tag changed.
    await vi.waitFor(() => expect(rescans()).toBe(1), { timeout: RETRAIN_DELAY_MS + 2000 });
    const answer = async () => (await content.matchRows(listing([a, b, c]), fromTab)).papers.map((p) => [p.key, p.userTags]);
    expect(await answer()).toEqual([
      [a.key, ['thesis', 'to read']],
      [b.key, undefined],
      [c.key, undefined],
    ]);
    await pages.updateSaved({ key: b.key, userTags: ['thesis'] }, {});
    await pages.setSaved({ paper: a, saved: false }, {});
    expect(await answer()).toEqual([
      [a.key, undefined],
      [b.key, ['thesis']],
      [c.key, undefined],
    ]);
  });

  it('unsaving below three papers takes the ranking away; a restore or an import counts as a change too', async () => {
    const { pages, content } = setup();
    for (const n of [0, 1, 2]) await pages.setSaved({ paper: fieldPaper('cells', n), saved: true }, {});
    expect((await content.matchRows(listing(fresh('cells', [4])), fromTab)).papers[0]!.relevance).toBeDefined();
    await pages.setSaved({ paper: fieldPaper('cells', 2), saved: false }, {});
    expect((await content.matchRows(listing(fresh('cells', [4])), fromTab)).papers[0]!.relevance).toBeUndefined();
    expect(await pages.interestStatus({}, {})).toMatchObject({ ranking: false, papers: 2 });

    await pages.importLibrary({ papers: [{ ref: fieldPaper('cells', 7) }] }, {});
    expect(await pages.interestStatus({}, {})).toMatchObject({ ranking: true, papers: 3 });
  });

  it('learns once on first need however many rows ask at once, and not before', async () => {
    const { db } = setup();
    const learned = vi.spyOn(db.savedPapers, 'orderBy');
    const service = new InterestService(db, { index: async () => catalogue } as never);
    service.changed(); // nothing learned yet: nothing to learn again
    expect(learned).not.toHaveBeenCalled();
    await Promise.all(
      [1, 2, 3].map(() =>
        service.relevanceOf(
          catalogue,
          feed,
          feed.map(() => -1),
        ),
      ),
    );
    expect(learned).toHaveBeenCalledTimes(1);
  });

  it('vectorises a row once, and again when a page shows more of its text (a listing without abstracts, then with)', async () => {
    const { pages, db } = setup();
    for (const n of [0, 1, 2, 3]) await pages.setSaved({ paper: byReader(fieldPaper('quantum', n)), saved: true }, {});
    const service = new InterestService(db, { index: async () => catalogue } as never);
    await service.status(); // learned: the library's own vectors are made
    const vectorised = vi.spyOn(catalogue, 'vectorFor');
    try {
      const paper = fresh('quantum', [6])[0]!;
      const titleOnly = { ...paper, abstract: '' };
      const rows = [titleOnly, fresh('cells', [5])[0]!];
      const first = await service.relevanceOf(catalogue, rows, [-1, -1]);
      expect(vectorised).toHaveBeenCalledTimes(2);
      expect(await service.relevanceOf(catalogue, rows, [-1, -1])).toEqual(first);
      expect(vectorised).toHaveBeenCalledTimes(2);
      await service.relevanceOf(catalogue, [paper], [-1]);
      expect(vectorised).toHaveBeenCalledTimes(3);
      expect(vectorised.mock.calls[2]![0]).toMatchObject({ key: paper.key, abstract: paper.abstract });
      // The row as the listing shows it again: its own text, not the fuller one kept meanwhile.
      expect(await service.relevanceOf(catalogue, rows, [-1, -1])).toEqual(first);
      expect(vectorised).toHaveBeenCalledTimes(4);
    } finally {
      vectorised.mockRestore();
    }
  });
});
