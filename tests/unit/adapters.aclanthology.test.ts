// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The ACL Anthology adapter: URL detection, rows from our fixtures (event, volume, paper pages), front matter, odd input.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { aclanthology } from '../../src/adapters/aclanthology.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/aclanthology');

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

describe('ACL Anthology detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of aclanthology.testUrls) expect(aclanthology.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://aclanthology.org/events/naacl-2024/', 'listing'],
    ['https://aclanthology.org/events/ws-2019/', 'listing'],
    ['https://aclanthology.org/volumes/2024.findings-emnlp/', 'listing'],
    ['https://aclanthology.org/volumes/P19-1/', 'listing'],
    ['https://aclanthology.org/2020.emnlp-main.1/', 'paper'],
    ['https://aclanthology.org/2023.acl-long.1', 'paper'],
    ['https://aclanthology.org/W19-5301/', 'paper'],
    ['https://aclanthology.org/J90-1001/', 'paper'],
    ['https://aclanthology.org/N19-1423/', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(aclanthology.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://aclanthology.org/',
    'https://aclanthology.org/events/',
    'https://aclanthology.org/volumes/',
    'https://aclanthology.org/2023.acl-long.1.pdf',
    'https://aclanthology.org/2023.acl-long.1.bib',
    'https://aclanthology.org/2023.acl-long.0/',
    'https://aclanthology.org/P19-1000/',
    'https://aclanthology.org/W19-5300/',
    'https://aclanthology.org/people/a/anna-rogers/',
    'https://aclanthology.org/venues/acl/',
    'https://aclanthology.org/search/?q=dialogue',
    'https://example.org/2023.acl-long.1/',
  ])('%s is not ours', (url) => {
    expect(aclanthology.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('ACL Anthology fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(aclanthology.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(aclanthology.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to elements of the page that hold its title, one row element per paper', () => {
    const rows = aclanthology.rows(doc);
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(rows.length);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
      expect(row.ref.url).toMatch(/^https:\/\/aclanthology\.org\/(?:\d{4}\.[a-z0-9-]+\.\d+|[A-Z]\d{2}-\d{4})\/$/);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = aclanthology.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Dialogue</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = aclanthology.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('ACL Anthology rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(aclanthology.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(aclanthology.rows(THROWING_ROOT)).toEqual([]);
  });

  it('skips front matter by its title even when its id looks like a paper, and rows without a paper link', () => {
    const doc = parse(`<section id="main">
      <div id="2022lrec-1"><h4 class="d-sm-flex"><a class="align-middle" href="/volumes/2022.lrec-1/">Proceedings of the Thirteenth Language Resources and Evaluation Conference</a></h4>
      <p class="d-sm-flex align-items-stretch"><span class="d-block"><strong><a class="align-middle" href="/2022.lrec-1.999/">Proceedings of the Thirteenth Language Resources and Evaluation Conference</a></strong></span></p>
      <p class="d-sm-flex align-items-stretch"><span class="d-block"><strong><a class="align-middle" href="/volumes/2022.lrec-1/">A volume, not a paper</a></strong></span></p>
      <p class="d-sm-flex align-items-stretch"><span class="d-block"><strong><a class="align-middle" href="/2022.lrec-1.5/">Kept</a></strong><br><a href="/people/mei-chen/">Mei Chen</a></span></p>
      </div></section>`);
    expect(aclanthology.rows(doc).map((row) => [row.ref.key, row.ref.title, row.ref.authors, row.ref.url])).toEqual([
      ['title:kept', 'Kept', ['Mei Chen'], 'https://aclanthology.org/2022.lrec-1.5/'],
    ]);
    expect(aclanthology.rows(doc)[0]?.titleEl.localName).toBe('strong');
  });

  it('falls back to citation metas on a paper page whose body lost its parts, with no DOI when none is given', () => {
    const doc = parse(`<html><head>
      <meta content="Neural Machine Translation of Rare Words with Subword Units" name="citation_title">
      <meta content="Sennrich, Rico" name="citation_author"><meta content="Haddow, Barry" name="citation_author">
      <meta content="https://aclanthology.org/P16-1162.pdf" name="citation_pdf_url">
    </head><body><section id="main"><div><h2 id="title"></h2></div></section></body></html>`);
    const [row, ...rest] = aclanthology.rows(doc);
    expect(rest).toEqual([]);
    expect(row?.ref).toEqual({
      key: 'title:neural machine translation of rare words with subword units',
      title: 'Neural Machine Translation of Rare Words with Subword Units',
      url: 'https://aclanthology.org/P16-1162/',
      authors: ['Rico Sennrich', 'Barry Haddow'],
    });
    expect(row?.titleEl).toBe(doc.querySelector('h2#title'));
  });
});
