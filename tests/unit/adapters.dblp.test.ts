// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The DBLP adapter: URL detection, rows from our fixtures (person, table of contents, search), badge-proof rescans, odd input.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { dblp } from '../../src/adapters/dblp.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/dblp');

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

describe('DBLP detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of dblp.testUrls) expect(dblp.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://dblp.org/pid/126/8724-1.html', 'listing'],
    ['https://dblp.org/db/conf/acl/acl2023-1.html', 'listing'],
    ['https://dblp.uni-trier.de/db/journals/corr/corr2401.html', 'listing'],
    ['https://dblp.org/db/series/lncs/lncs13000.html', 'listing'],
    ['https://dblp.org/search/publ?q=transformer', 'listing'],
    ['https://dblp.org/search/?q=Ana%20Santos', 'listing'],
    ['https://dblp.org/rec/journals/corr/abs-1706-03762.html', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(dblp.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://dblp.org/',
    'https://dblp.org/search?q=',
    'https://dblp.org/search',
    'https://dblp.org/db/conf/nips/index.html',
    'https://dblp.org/db/conf/nips/',
    'https://dblp.org/pid/10/3248.xml',
    'https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.bib',
    'https://dblp.org/statistics/index.html',
    'https://www.example.org/pid/10/3248.html',
  ])('%s is not ours', (url) => {
    expect(dblp.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('DBLP fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(dblp.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(dblp.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to elements of the page that hold its title, one row element per paper', () => {
    const rows = dblp.rows(doc);
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(rows.length);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
      expect(row.ref.url).toMatch(/^https:\/\/dblp\.org\/rec\/.+\.html$/);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = dblp.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Systems</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = dblp.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('DBLP rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(dblp.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(dblp.rows(THROWING_ROOT)).toEqual([]);
  });

  it('skips editorships, entries without a title, and keeps titles that end in a question mark or an ellipsis', () => {
    const doc = parse(`<ul class="publ-list">
      <li class="entry editor" id="conf/x/2020"><cite><span class="title" itemprop="name">Proceedings of X.</span></cite></li>
      <li class="entry article" id="journals/x/A20"><cite><span class="title" itemprop="name"> </span></cite></li>
      <li class="entry article" id="journals/x/B20"><cite><span class="title" itemprop="name">Why Does It Work?</span></cite></li>
      <li class="entry incollection" id="books/x/C20"><cite><span class="title" itemprop="name">Wait for it...</span></cite></li>
    </ul>`);
    expect(dblp.rows(doc).map((row) => [row.ref.key, row.ref.title, row.ref.url])).toEqual([
      ['title:why does it work', 'Why Does It Work?', 'https://dblp.org/rec/journals/x/B20.html'],
      ['title:wait for it', 'Wait for it...', 'https://dblp.org/rec/books/x/C20.html'],
    ]);
  });
});
