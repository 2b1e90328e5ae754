// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The on-request adapter for any page: citation_* metas, arXiv and DOI links, deduplicated, never throwing.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generic } from '../../src/adapters/generic.ts';
import { ADAPTERS, adapterById, adapterFor } from '../../src/adapters/registry.ts';
import { SITES } from '../../src/adapters/sites.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { THROWING_ROOT } from './adapterFixtures.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/generic');

interface Fixture {
  url: string;
  kind: 'listing';
  rows: PaperRef[];
}

const fixtureNames = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function loadFixture(name: string): { fixture: Fixture; doc: Document } {
  const fixture = JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8')) as Fixture;
  const doc = parse(readFileSync(resolve(FIXTURES, `${name}.html`), 'utf8'));
  return { fixture, doc };
}

describe('generic detect', () => {
  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of generic.testUrls) expect(generic.detect(new URL(url)), url).toBe(kind);
  });

  it.each(['https://blog.example.org/post', 'http://localhost:8080/page', 'https://arxiv.org/abs/2104.07857'])('%s is a listing when asked', (url) => {
    expect(generic.detect(new URL(url))).toBe('listing');
  });

  it.each(['file:///home/me/paper.html', 'chrome://extensions/', 'about:blank', 'data:text/html,hi'])('%s is not a web page', (url) => {
    expect(generic.detect(new URL(url))).toBeNull();
  });

  it('is never picked automatically: not in the registry nor in the site list', () => {
    expect(ADAPTERS).not.toContain(generic);
    expect(adapterById('generic')).toBeUndefined();
    expect(SITES.map((site) => site.id)).not.toContain('generic');
    for (const { url } of generic.testUrls) expect(adapterFor(url)).toBeUndefined();
    expect(generic.hosts).toEqual([]);
  });
});

it('has fixtures, one of them a page with nothing on it', () => {
  expect(fixtureNames.length).toBeGreaterThanOrEqual(3);
  expect(fixtureNames.some((name) => loadFixture(name).fixture.rows.length === 0)).toBe(true);
});

describe.each(fixtureNames)('generic fixture %s', (name) => {
  const { fixture, doc } = loadFixture(name);

  it('is detected as the fixture says', () => {
    expect(generic.detect(new URL(fixture.url))).toBe(fixture.kind);
  });

  it('gives the expected rows', () => {
    expect(generic.rows(doc).map((row) => row.ref)).toEqual(fixture.rows);
  });

  it('anchors each row to an element of the page, one key per row', () => {
    const rows = generic.rows(doc);
    expect(new Set(rows.map((row) => row.ref.key)).size).toBe(rows.length);
    for (const row of rows) {
      expect(doc.contains(row.titleEl)).toBe(true);
      expect(row.rowEl.contains(row.titleEl)).toBe(true);
    }
  });

  it('reads the same rows again after badges are inserted', () => {
    const before = generic.rows(doc);
    for (const row of before) {
      const badge = doc.createElement('paperscope-badge');
      badge.setAttribute('data-paper-key', row.ref.key);
      badge.innerHTML = '<span part="tag">Systems</span><a href="https://arxiv.org/abs/2601.00001">A link inside a badge is never a paper</a>';
      row.titleEl.append(badge);
    }
    const after = generic.rows(doc);
    expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
    expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
  });
});

describe('generic rows', () => {
  it('badges a paper page at the h1 showing its title, not the site header or a hidden dialog', () => {
    const { doc } = loadFixture('journal-article');
    const [row] = generic.rows(doc);
    expect(row?.titleEl).toBe(doc.querySelector('h1.citation__title'));
    expect(row?.rowEl).toBe(row?.titleEl);
  });

  it('badges each link at the link itself, where it first appears', () => {
    const { doc } = loadFixture('blog-post');
    const rows = generic.rows(doc);
    const attention = rows.find((row) => row.ref.key === 'arxiv:1706.03762');
    expect(attention?.titleEl).toBe(doc.querySelector('a[href="https://arxiv.org/abs/1706.03762"]'));
    expect(attention?.rowEl).toBe(attention?.titleEl);
  });

  it('falls back to the first visible h1 when none shows the title, and skips the metas with no h1 at all', () => {
    const head = `<head><meta name="citation_title" content="A Paper"><meta name="citation_arxiv_id" content="arXiv:2401.00001v2"></head>`;
    const withH1 = parse(`<html>${head}<body><h1 hidden>Menu</h1><h1>Journal of Things</h1></body></html>`);
    const [row] = generic.rows(withH1);
    expect(row?.ref).toEqual({ key: 'arxiv:2401.00001', title: 'A Paper', arxivId: '2401.00001', url: 'https://arxiv.org/abs/2401.00001' });
    expect(row?.titleEl.textContent).toBe('Journal of Things');
    expect(generic.rows(parse(`<html>${head}<body><p>No heading</p></body></html>`))).toEqual([]);
  });

  it('keys a paper page with neither arXiv id nor DOI by its title', () => {
    const doc = parse(`<html><head><meta name="citation_title" content="Deep Residual Learning for Image Recognition"></head>
      <body><h1>Deep Residual Learning for Image Recognition</h1></body></html>`);
    expect(generic.rows(doc).map((row) => row.ref.key)).toEqual(['title:deep residual learning for image recognition']);
  });

  it('takes a heading around a short link as its title, and the link text when there is nothing around it', () => {
    const doc = parse(`<body><h3>Scaling Laws for Neural Language Models <a href="https://arxiv.org/pdf/2001.08361">[pdf]</a></h3>
      <p>See <a href="https://doi.org/10.1038/nature14539">Nature</a>.</p></body>`);
    expect(generic.rows(doc).map((row) => [row.ref.key, row.ref.title])).toEqual([
      ['arxiv:2001.08361', 'Scaling Laws for Neural Language Models'],
      ['doi:10.1038/nature14539', 'Nature'],
    ]);
  });

  it('returns [] for an empty document and for a root that throws', () => {
    expect(generic.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(generic.rows(THROWING_ROOT)).toEqual([]);
  });
});
