// End to end in Chromium: the options page's library files (BibTeX/RIS/CSL-JSON export, BibTeX import, backup and restore).
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagesToWorker, RequestOf, ResponseOf, Result } from '../../src/messaging/protocol.ts';
import type { SavedPaper } from '../../src/messaging/shapes.ts';
import { demoListingHtml } from '../../src/cli/demoPage.ts';
import { launchWithExtension, serveAt, waitForBadges, waitForBadgesTo, type ExtensionBrowser } from './chromium.ts';

const PAPERS = [
  {
    key: 'arxiv:1706.03762',
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
    arxivId: '1706.03762',
    categories: ['cs.CL', 'cs.LG'],
  },
  {
    key: 'arxiv:2104.07857',
    title: 'ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning',
    authors: ['Samyam Rajbhandari', 'Olatunji Ruwase', 'Jeff Rasley', 'Shaden Smith', 'Yuxiong He'],
    arxivId: '2104.07857',
  },
];

/** Sends a message to the background from an extension page, as the extension's own pages do. */
async function send<K extends keyof PagesToWorker & string>(page: Page, type: K, request: RequestOf<PagesToWorker, K>): Promise<ResponseOf<PagesToWorker, K>> {
  const result = (await page.evaluate(([type, request]) => (globalThis as any).chrome.runtime.sendMessage({ type, request }), [type, request] as const)) as Result<
    ResponseOf<PagesToWorker, K>
  >;
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.value;
}

const savedKeys = async (page: Page) => (await send(page, 'listSaved', {})).map((p: SavedPaper) => p.key).sort();

/** Clicks a button that downloads a file, and returns the file's name and text. */
async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

async function status(page: Page, kind: 'done' | 'failed'): Promise<string> {
  const note = page.locator(`[data-library-status=${kind}]`);
  await note.waitFor({ timeout: 15_000 });
  return (await note.textContent()) ?? '';
}

describe('library files in Chromium', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-library-'));
  const offPageRequests: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension();
    options = await browser.context.newPage();
    options.on('request', (request) => {
      if (!request.url().startsWith('chrome-extension://') && !request.url().startsWith('blob:')) offPageRequests.push(request.url());
    });
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    for (const paper of PAPERS) await send(options, 'setSaved', { paper, saved: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exports the saved papers as BibTeX that citation-js reads back: titles, authors in order, arXiv eprints, DOIs', async () => {
    const file = await download(options, 'button[data-action=export-bibtex]');
    expect(file.name).toBe('paperscope-library.bib');
    expect(await status(options, 'done')).toMatch(/Exported 2 papers as BibTeX/);

    const items = new Cite(file.text, { forceType: '@bibtex/text', generateGraph: false }).data as Array<Record<string, any>>;
    const byTitle = new Map(items.map((i) => [i.title as string, i]));
    for (const paper of PAPERS) {
      const item = byTitle.get(paper.title);
      expect(item, paper.title).toBeDefined();
      expect(item!.author.map((a: { given: string; family: string }) => `${a.given} ${a.family}`)).toEqual(paper.authors);
      expect(item!.DOI).toBe(`10.48550/arXiv.${paper.arxivId}`);
    }
    const entries = plugins.input.data(file.text, '@biblatex/text') as Array<{ type: string; properties: Record<string, string> }>;
    const attention = entries.find((e) => e.properties.eprint === '1706.03762');
    expect(attention).toMatchObject({ type: 'misc', properties: { archiveprefix: 'arXiv', primaryclass: 'cs.CL', year: '2017' } });
    expect(entries.find((e) => e.properties.eprint === '2104.07857')?.properties.archiveprefix).toBe('arXiv');
  });

  it('exports RIS and CSL-JSON too', async () => {
    const ris = await download(options, 'button[data-action=export-ris]');
    expect(ris.name).toBe('paperscope-library.ris');
    expect(ris.text).toMatch(/^TY {2}- /m);
    expect(ris.text).toMatch(/^AU {2}- Vaswani, Ashish$/m);
    expect(ris.text).toMatch(/^DO {2}- 10\.48550\/arXiv\.2104\.07857$/m);
    expect((new Cite(ris.text, { forceType: '@ris/file', generateGraph: false }).data as unknown[]).length).toBe(2);

    const csl = await download(options, 'button[data-action=export-csl]');
    expect(csl.name).toBe('paperscope-library.json');
    const data = JSON.parse(csl.text) as Array<Record<string, unknown>>;
    expect(data.map((d) => d.number).sort()).toEqual(['arXiv:1706.03762', 'arXiv:2104.07857']);
  });

  it('backs up, and restoring the backup brings back what was removed since, on open tabs too', async () => {
    const listingUrl = 'https://arxiv.org/list/cs.CL/new';
    await serveAt(
      browser.context,
      listingUrl,
      demoListingHtml(PAPERS.map((p) => ({ arxivId: p.arxivId, title: p.title, authors: p.authors, categories: p.categories ?? ['cs.DC'], abstract: '' }))),
    );
    const listing = await browser.context.newPage();
    await listing.goto(listingUrl);
    await waitForBadges(listing, 2);

    const backup = await download(options, 'button[data-action=backup]');
    expect(backup.name).toMatch(/^paperscope-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'paperscope-backup', version: 1 });
    const path = join(dir, backup.name);
    writeFileSync(path, backup.text);

    for (const paper of PAPERS) await send(options, 'setSaved', { paper, saved: false });
    expect(await savedKeys(options)).toEqual([]);
    await waitForBadgesTo(listing, (badges) => badges.filter((b) => b.saved === 'false').length === 2, 'both shown not saved');

    await options.setInputFiles('input[data-control=restore-file]', path);
    expect(await status(options, 'done')).toMatch(/Restored 2 saved papers/);
    expect(await savedKeys(options)).toEqual(PAPERS.map((p) => p.key).sort());
    // Open tabs hear about it and show the papers as saved again.
    await waitForBadgesTo(listing, (badges) => badges.filter((b) => b.saved === 'true').length === 2, 'both shown saved');
    await listing.close();
  });

  it('a malformed backup gets a clear error and changes nothing', async () => {
    const before = await send(options, 'listSaved', {});
    const broken = join(dir, 'broken-backup.json');
    writeFileSync(broken, '{"format": "paperscope-backup", "version": 1, "tables": {"savedPapers": [');
    await options.setInputFiles('input[data-control=restore-file]', broken);
    const message = await status(options, 'failed');
    expect(message).toMatch(/not a Paperscope backup: it is not valid JSON.*Nothing was restored/);
    expect(await options.locator('[data-library-status=failed]').getAttribute('role')).toBe('alert');

    const damaged = join(dir, 'damaged-backup.json');
    writeFileSync(damaged, JSON.stringify({ format: 'paperscope-backup', version: 1, schemaVersion: 3, tables: { savedPapers: [{ key: 'x' }], settings: [] } }));
    await options.setInputFiles('input[data-control=restore-file]', damaged);
    await options.waitForFunction(() => /damaged/.test(document.querySelector('[data-library-status=failed]')?.textContent ?? ''));
    expect(await send(options, 'listSaved', {})).toEqual(before);
  });

  it('imports a BibTeX file: new papers are saved, saved ones merged, bad entries listed', async () => {
    const before = await savedKeys(options);
    await options.setInputFiles('input[data-control=library-import]', resolve(process.cwd(), 'tests/fixtures/formats/zotero.bib'));
    const message = await status(options, 'done');
    // zotero.bib holds both saved papers (1706.03762, 2104.07857) and two more, and two entries that cannot be read.
    expect(message).toMatch(/Added 2 papers from zotero\.bib to your library; 2 papers already there \(merged\); 2 entries skipped/);
    expect(message).toMatch(/line 35: @article\{untitled_2020\} has no title/);
    const after = await savedKeys(options);
    expect(after.length).toBe(before.length + 2);
    expect(after).toEqual(expect.arrayContaining(['arxiv:2006.11239', 'arxiv:1810.04805', ...before]));

    // A CSL-JSON file chosen in the same input is read as CSL-JSON.
    await options.setInputFiles('input[data-control=library-import]', resolve(process.cwd(), 'tests/fixtures/formats/zotero.csl.json'));
    await options.waitForFunction(() => /zotero\.csl\.json/.test(document.querySelector('[data-library-status=done]')?.textContent ?? ''));
    expect((await savedKeys(options)).length).toBeGreaterThan(after.length);
  });

  it('a file with no readable paper is refused and changes nothing', async () => {
    const before = await send(options, 'listSaved', {});
    const bad = join(dir, 'bad.bib');
    writeFileSync(bad, '@article{broken,\n  title = {never closes,\n  year = {2020}\n');
    await options.setInputFiles('input[data-control=library-import]', bad);
    expect(await status(options, 'failed')).toMatch(/No papers could be read from this BibTeX file.*Nothing was imported/);
    expect(await send(options, 'listSaved', {})).toEqual(before);
  });

  it('a field that cannot be read keeps its paper: the field is kept raw, and the page names the file and the line', async () => {
    const file = join(dir, 'refs.bib');
    writeFileSync(
      file,
      [
        '@article{dollar_2021,',
        '  title = {Sampling Costs in Crowdsourced Annotation},',
        '  author = {Lee, Dana and Okafor, Chidi},',
        '  abstract = {We pay $5 per label and show that cheaper labels cost more in the end.},',
        '  journal = {Journal of Data Work},',
        '  year = {2021},',
        '  doi = {10.5555/dollar.2021}',
        '}',
      ].join('\n'),
    );
    await options.setInputFiles('input[data-control=library-import]', file);
    expect(await status(options, 'done')).toMatch(/Added 1 paper from refs\.bib.*1 field kept as raw text or dropped/);
    expect(await options.textContent('[data-library-warnings]')).toBe('refs.bib line 4: abstract kept as raw text: unbalanced $');
    const saved = (await send(options, 'listSaved', {})).find((p: SavedPaper) => p.key === 'doi:10.5555/dollar.2021');
    expect(saved).toMatchObject({ title: 'Sampling Costs in Crowdsourced Annotation', authors: ['Dana Lee', 'Chidi Okafor'], year: 2021 });
  });

  it('a @string macro bomb is bounded: the entries past the bound are skipped with the figures, the rest imported', async () => {
    // The audit's file: one 10 KB macro used 20 times in each entry (it froze the page for 50 s and took 2 GB).
    const entries = Array.from({ length: 40 }, (_, i) => `@article{bomb${i},\n  title = {Bomb ${i}},\n  abstract = ${Array(20).fill('big').join(' # ')},\n  year = {2020}\n}`);
    const file = join(dir, 'macros.bib');
    writeFileSync(file, [`@string{big = {${'word '.repeat(2000)}}}`, ...entries, '@article{fine_2020,\n  title = {A Fine Paper About Macros},\n  year = {2020}\n}'].join('\n'));
    await options.setInputFiles('input[data-control=library-import]', file);
    const message = await status(options, 'done');
    expect(message).toMatch(/Added 1 paper from macros\.bib.*40 entries skipped/);
    expect(message).toMatch(/line 2: @article\{bomb0\} was not read: its @string macros add 200,000 characters, over the 20,000 an entry may have/);
  });

  it('cancel stops reading a big BibTeX file, and the library is unchanged', async () => {
    const before = await send(options, 'listSaved', {});
    const entries = Array.from(
      { length: 10_000 },
      (_, i) => `@article{big${i},\n  title = {A Long Study of Sparse Attention, Part ${i}},\n  author = {Author, Ann and Writer, Will},\n  year = {2024}\n}`,
    );
    const file = join(dir, 'big.bib');
    writeFileSync(file, entries.join('\n'));
    await options.setInputFiles('input[data-control=library-import]', file);
    await options.click('button[data-action=cancel-library-import]:not([disabled])');
    expect(await status(options, 'done')).toBe('Import cancelled; your library is unchanged.');
    expect(await send(options, 'listSaved', {})).toEqual(before);
  });

  it('sent nothing to the network', () => {
    expect(offPageRequests).toEqual([]);
  });
});
