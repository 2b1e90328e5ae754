// End to end in Chromium with a large catalogue (issue 17): 200,000 snapshot-format papers made from the data set
// (`npm run make:snapshot`), built with the CLI, imported from the options page; then a listing matches against it, a
// woken worker matches again, and related work and search answer from it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoListingHtml, type DemoEntry } from '../../src/cli/demoPage.ts';
import { askWorker, launchWithExtension, readBadges, serveAt, startCatalogueImport, stopServiceWorker, waitForBadges, type ExtensionBrowser } from './chromium.ts';

const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
const hasData = existsSync(DATA);
if (!hasData) console.log('notice: ../shared/data is absent; the 200k catalogue import run is skipped');

const PAPERS = 200_000;
/** A monthly update: the next 10,000 papers of the same seeded snapshot (new ids), and one paper of the catalogue revised. */
const UPDATE = 10_000;
const LISTING_URL = 'https://arxiv.org/list/cs.AI/new';

/** One line of arXiv's metadata snapshot, as make:snapshot writes it. */
interface SnapshotLine {
  id: string;
  title: string;
  authors: string;
  categories: string;
  abstract: string;
}

describe.skipIf(!hasData)('a 200k catalogue in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-200k-'));
  const psc = join(dir, 'catalogue', 'catalogue.psc');
  const update = join(dir, 'update.json');
  let picked: SnapshotLine[] = [];
  let added: SnapshotLine[] = [];
  let revised: SnapshotLine;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const input = join(dir, 'snapshot.json');
    // The same seed gives the same first lines whatever the count: the catalogue is the first 200k, the update the rest.
    execFileSync('npx', ['tsx', 'scripts/make-snapshot.ts', '--papers', String(PAPERS + UPDATE), '--out', input, '--seed', '3'], { stdio: 'ignore' });
    const lines = readFileSync(input, 'utf8').trimEnd().split('\n');
    writeFileSync(input, `${lines.slice(0, PAPERS).join('\n')}\n`);
    execFileSync('node', ['bin/paperscope.js', 'build-catalogue', '--in', input, '--out', join(dir, 'catalogue'), '--no-abstracts', '--quiet'], { stdio: 'ignore' });
    picked = [0, Math.floor(PAPERS / 2), PAPERS - 1].map((i) => JSON.parse(lines[i]!) as SnapshotLine);
    added = [PAPERS, PAPERS + UPDATE - 1].map((i) => JSON.parse(lines[i]!) as SnapshotLine);
    revised = { ...(JSON.parse(lines[1]!) as SnapshotLine), title: 'A revised title for a paper of the installed catalogue' };
    writeFileSync(update, `${[...lines.slice(PAPERS), JSON.stringify(revised)].join('\n')}\n`);
    rmSync(input);
    browser = await launchWithExtension();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports from the options page; a listing matches, after a worker stop too; related work and search answer from it', async () => {
    const options = await startCatalogueImport(browser, psc);
    const done = await options.waitForSelector('[data-import-status=done]', { timeout: 120_000 });
    expect(await done.textContent()).toMatch(/Installed 200,000 papers/);

    const entries: DemoEntry[] = [
      ...picked.map((p) => ({ arxivId: p.id, title: p.title, authors: p.authors.split(/, | and /), categories: p.categories.split(' '), abstract: '' })),
      { arxivId: '2611.99999', title: 'A paper that is in no catalogue at all', authors: [], categories: ['cs.AI'], abstract: '' },
    ];
    await serveAt(browser.context, LISTING_URL, demoListingHtml(entries));
    const listing = await browser.context.newPage();
    await listing.goto(LISTING_URL);
    await waitForBadges(listing, entries.length);
    expect((await readBadges(listing)).map((b) => [b.key, b.inCatalogue])).toEqual(entries.map((e, i) => [`arxiv:${e.arxivId}`, i < picked.length ? 'true' : 'false']));

    // A woken worker reads the new catalogue's matching sections and matches the same rows.
    await stopServiceWorker(browser, listing);
    await listing.reload();
    await waitForBadges(listing, entries.length, 30_000);
    expect((await readBadges(listing)).map((b) => b.inCatalogue)).toEqual(['true', 'true', 'true', 'false']);

    // Related work: ten catalogue papers for a catalogue paper (its vectors are read on this first use).
    const first = picked[0]!;
    const related = await askWorker(options, 'related', {
      paper: { key: `arxiv:${first.id}`, title: first.title, arxivId: first.id, authors: [], categories: first.categories.split(' ') },
      limit: 10,
    });
    expect(related.related).toHaveLength(10);
    expect(related.related.map((r) => r.key)).not.toContain(`arxiv:${first.id}`);
    // Search finds the last paper by its title.
    const last = picked[2]!;
    const found = await askWorker(options, 'searchCatalogue', { query: last.title.split(/\s+/).slice(0, 6).join(' '), limit: 20 });
    expect(found.paperCount).toBe(PAPERS);
    expect(found.results.map((r) => r.key)).toContain(`arxiv:${last.id}`);
    await Promise.all([listing.close(), options.close()]);
  }, 300_000);

  it('re-tagging 200k papers after a new topic shows progress, stops with what it did kept (a woken worker too), and resumes from there', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('src/ui/options/index.html'));
    await askWorker(options, 'editTaxonomy', { edit: { op: 'add', label: 'Photonic chips', description: '', terms: ['photonic chip', 'silicon photonics'] } });
    await options.reload();
    const status = '[data-field=taxonomy-status]';
    await options.waitForSelector(`${status}[data-state=running]`, { timeout: 60_000 });
    await options.waitForFunction(() => Number(document.querySelector('[data-field=taxonomy-status] progress')?.getAttribute('value') ?? 0) > 0, undefined, { timeout: 60_000 });
    await options.click('[data-action=stop-retag]');
    const stopped = await options.waitForSelector(`${status}[data-state=stopped]`, { timeout: 30_000 });
    const done = Number(await stopped.getAttribute('data-done'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(PAPERS);
    expect(await stopped.textContent()).toMatch(new RegExp(`stopped at ${done.toLocaleString('en-US')} of 200,000`));

    // A worker that wakes later does not start it again on its own: it is still stopped where it was.
    await stopServiceWorker(browser, options);
    await options.reload();
    const still = await options.waitForSelector(`${status}[data-state=stopped]`, { timeout: 60_000 });
    expect(Number(await still.getAttribute('data-done'))).toBe(done);

    // Resume goes on from there, not from the first paper.
    await options.click('[data-action=resume-retag]');
    await options.waitForSelector(`${status}[data-state=running]`, { timeout: 30_000 });
    const resumedAt = await askWorker(options, 'taxonomyStatus', {});
    expect(resumedAt.done).toBeGreaterThanOrEqual(done);
    const again = await askWorker(options, 'stopRetagging', {});
    expect(again.state).toBe('stopped');
    expect(again.done).toBeGreaterThanOrEqual(resumedAt.done);
    await askWorker(options, 'resetTaxonomy', {});
    await options.close();
  }, 300_000);

  it('adds a monthly update of 10,001 papers on top of the 200k catalogue: new papers match, a revised one shows its new record, related work spans both', async () => {
    const started = Date.now();
    const options = await startCatalogueImport(browser, update, 'merge');
    const done = await options.waitForSelector('[data-import-status=done]', { timeout: 120_000 });
    console.log(`added a ${UPDATE + 1}-paper update on top of a ${PAPERS}-paper catalogue in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(await done.textContent()).toMatch(/Added 10,001 papers on top of your catalogue, which now has 210,000 papers/);

    const entries: DemoEntry[] = [...added, picked[1]!, revised].map((p) => ({
      arxivId: p.id,
      title: p.title,
      authors: p.authors.split(/, | and /),
      categories: p.categories.split(' '),
      abstract: '',
    }));
    await serveAt(browser.context, LISTING_URL, demoListingHtml(entries));
    const listing = await browser.context.newPage();
    await listing.goto(LISTING_URL);
    await waitForBadges(listing, entries.length);
    expect((await readBadges(listing)).map((b) => b.inCatalogue)).toEqual(['true', 'true', 'true', 'true']);
    await stopServiceWorker(browser, listing);
    await listing.reload();
    await waitForBadges(listing, entries.length, 30_000);
    expect((await readBadges(listing)).map((b) => b.inCatalogue)).toEqual(['true', 'true', 'true', 'true']);

    const info = await askWorker(options, 'catalogueInfo', {});
    expect(info.paperCount).toBe(PAPERS + UPDATE);
    // Search finds an added paper by its title, and the revised paper by its new title only.
    const newer = added[1]!;
    const found = await askWorker(options, 'searchCatalogue', { query: newer.title.split(/\s+/).slice(0, 6).join(' '), limit: 20 });
    expect(found.paperCount).toBe(PAPERS + UPDATE);
    expect(found.results.map((r) => r.key)).toContain(`arxiv:${newer.id}`);
    const byRevised = await askWorker(options, 'searchCatalogue', { query: revised.title, limit: 5 });
    expect(byRevised.results[0]?.key).toBe(`arxiv:${revised.id}`);
    // Related work for an added paper: ten papers, from the whole catalogue.
    const related = await askWorker(options, 'related', {
      paper: { key: `arxiv:${newer.id}`, title: newer.title, arxivId: newer.id, authors: [], categories: newer.categories.split(' ') },
      limit: 10,
    });
    expect(related.related).toHaveLength(10);
    expect(related.related.map((r) => r.key)).not.toContain(`arxiv:${newer.id}`);
    await Promise.all([listing.close(), options.close()]);
  }, 300_000);
});
