// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The OpenReview adapter: URL detection, rows from our fixtures (group lists, forum page), badge-proof rescans, odd input.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, asExpected, fixtureNamesIn, loadFixtureFrom, THROWING_ROOT } from './adapterFixtures.ts';
import { openreview } from '../../src/adapters/openreview.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/openreview');

const fixtureNames = fixtureNamesIn(FIXTURES);
const loadFixture = (name: string) => loadFixtureFrom(FIXTURES, name);

describe('OpenReview detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of openreview.testUrls) expect(openreview.detect(new URL(url)), url).toBe(kind);
  });

  it.each([
    ['https://openreview.net/group?id=ICML.cc/2024/Conference', 'listing'],
    ['https://openreview.net/group?id=TMLR', 'listing'],
    ['https://openreview.net/group?id=ICLR.cc/2025/Workshop/ICBINB#tab-accept', 'listing'],
    ['https://openreview.net/forum?id=PdaPky8MUn', 'paper'],
    ['https://openreview.net/forum/?id=B1xsqj09Fm', 'paper'],
    ['https://openreview.net/forum?id=S1-x_9g0W&noteId=HkvWdGaHz', 'paper'],
  ] as const)('%s is a %s', (url, kind) => {
    expect(openreview.detect(new URL(url))).toBe(kind);
  });

  it.each([
    'https://openreview.net/',
    'https://openreview.net/group',
    'https://openreview.net/group?id=',
    'https://openreview.net/forum',
    'https://openreview.net/forum?id=%20',
    'https://openreview.net/pdf?id=PdaPky8MUn',
    'https://openreview.net/profile?id=~Ido_Amos1',
    'https://openreview.net/venues',
    'https://api.openreview.net/notes?forum=PdaPky8MUn',
    'https://example.org/forum?id=PdaPky8MUn',
  ])('%s is not ours', (url) => {
    expect(openreview.detect(new URL(url))).toBeNull();
  });
});

describe.each(fixtureNames)('OpenReview fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(openreview.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(openreview.rows(doc).map(asExpected)).toEqual(fixture.rows);
  });

  it('anchors each row to elements of the page that hold its title, one row element per paper', () => {
    const rows = openreview.rows(doc);
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(rows.length);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(doc.contains(row.rowEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
      expect(cleanText(row.titleEl.textContent)).toContain(row.ref.title);
      expect(row.ref.url).toMatch(/^https:\/\/openreview\.net\/forum\?id=[A-Za-z0-9_-]+$/);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = openreview.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Deep learning</span><button part="save">Save</button>';
      row.titleEl.append(badge);
    }
    const after = openreview.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('OpenReview rows on odd input', () => {
  it('returns [] for an empty document and for a root that throws', () => {
    expect(openreview.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(openreview.rows(THROWING_ROOT)).toEqual([]);
  });

  it('skips notes without a forum link or a title and keeps the rest', () => {
    const doc = parse(`<ul class="list-unstyled submissions-list">
      <li><div class="note"><h4><a href="/group?id=ICLR.cc">Not a forum</a></h4></div></li>
      <li><div class="note"><h4><a href="/forum?id=AAAA1111">  </a></h4></div></li>
      <li><div class="note" data-id="BBBB2222"><h4><a href="/forum?id=BBBB2222">Kept</a></h4><div class="note-authors">Anonymous Authors</div></div></li>
    </ul>`);
    expect(openreview.rows(doc).map((row) => [row.ref.key, row.ref.title, row.ref.authors])).toEqual([
      ['openreview:BBBB2222', 'Kept', []],
    ]);
  });

  it('keys a forum by its DOI when the note links one, and ignores links inside the abstract', () => {
    const doc = parse(`<div class="forum-container"><div class="forum-note">
      <div class="forum-title"><h2 class="citation_title">Graph Rewiring for Over-Squashing</h2><a class="citation_pdf_url" href="/pdf?id=CcCc3333"></a></div>
      <div class="note-content">
        <div><strong class="note-content-field">Abstract:</strong> <div class="note-content-value markdown-rendered"><p>See <a href="https://arxiv.org/abs/2111.14522">prior work</a>.</p></div></div>
        <div><strong class="note-content-field">Published Version:</strong> <span class="note-content-value"><a href="https://doi.org/10.1007/978-3-031-12345-6_7">doi</a></span></div>
      </div>
    </div></div>`);
    const [row, ...rest] = openreview.rows(doc);
    expect(rest).toEqual([]);
    expect(row?.ref.key).toBe('doi:10.1007/978-3-031-12345-6_7');
    expect(row?.ref.arxivId).toBeUndefined();
    expect(row?.ref.url).toBe('https://openreview.net/forum?id=CcCc3333');
    expect(row?.ref.abstract).toBe('See prior work.');
  });

  it('falls back to citation metas on a forum page whose note lost its parts', () => {
    const doc = parse(`<html><head>
      <meta name="citation_title" content="Lipschitz Singularities in Diffusion Models">
      <meta name="citation_author" content="Zhantao Yang"><meta name="citation_author" content="Ruili Feng">
      <meta name="citation_pdf_url" content="https://openreview.net/pdf?id=oKn9c6ytLx">
      <meta name="citation_abstract" content="&lt;p&gt;Diffusion models show &lt;em&gt;infinite&lt;/em&gt; Lipschitz constants.&lt;/p&gt;">
    </head><body><div class="forum-note"><p>redesigned</p></div></body></html>`);
    const [row, ...rest] = openreview.rows(doc);
    expect(rest).toEqual([]);
    expect(row?.ref).toEqual({
      key: 'openreview:oKn9c6ytLx',
      title: 'Lipschitz Singularities in Diffusion Models',
      url: 'https://openreview.net/forum?id=oKn9c6ytLx',
      authors: ['Zhantao Yang', 'Ruili Feng'],
      abstract: 'Diffusion models show infinite Lipschitz constants.',
    });
    expect(row?.titleEl).toBe(doc.querySelector('.forum-note'));
  });
});
