// Fixture loading and checks shared by the adapter tests: each fixture is <name>.html plus <name>.json of the rows expected.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { PaperRow } from '../../src/adapters/types.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { cleanText } from '../../src/core/identity/titles.ts';

export interface ExpectedRow {
  key: string;
  title: string;
  arxivId?: string;
  doi?: string;
  authors?: string[];
  categories?: string[];
  abstract?: string;
}

export interface Fixture {
  url: string;
  kind: 'listing' | 'paper';
  /** What the site's own adapter reads from the page ([] on a drift page: its selectors miss). */
  rows: ExpectedRow[];
  /** On a drift page (drift*.html), what the structural fallback reads instead, url included; absent means none. */
  fallback?: Array<ExpectedRow & { url?: string }>;
}

/** tests/fixtures/<adapter id>/ holds an adapter's fixture pages. */
export const FIXTURE_ROOT = resolve(process.cwd(), 'tests/fixtures');

/** The real pages in ../shared/pages, read when that folder is there. */
export const CAPTURE_ROOT = resolve(process.cwd(), '../shared/pages');

export function fixtureNamesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function loadFixtureFrom(dir: string, name: string): { fixture: Fixture; doc: Document } {
  const fixture = JSON.parse(readFileSync(resolve(dir, `${name}.json`), 'utf8')) as Fixture;
  const doc = parse(readFileSync(resolve(dir, `${name}.html`), 'utf8'));
  return { fixture, doc };
}

export const fixtureNamesOf = (site: string): string[] => fixtureNamesIn(resolve(FIXTURE_ROOT, site));
export const loadFixture = (site: string, name: string) => loadFixtureFrom(resolve(FIXTURE_ROOT, site), name);

/** A capture's HTML, or undefined when ../shared/pages does not have it. */
export function readCapture(file: string): string | undefined {
  const path = resolve(CAPTURE_ROOT, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The fields a fixture pins down, each only when the page gave it. */
export function asExpected(row: PaperRow): ExpectedRow {
  const { key, title, arxivId, doi, authors, categories, abstract } = row.ref;
  const out: ExpectedRow = { key, title };
  if (arxivId !== undefined) out.arxivId = arxivId;
  if (doi !== undefined) out.doi = doi;
  if (authors !== undefined) out.authors = authors;
  if (categories !== undefined) out.categories = categories;
  if (abstract !== undefined) out.abstract = abstract;
  return out;
}

/** A root whose every query throws (a detached or hostile node): an adapter must return [] for it, not throw. */
export const THROWING_ROOT = {
  querySelector() {
    throw new Error('detached');
  },
  querySelectorAll() {
    throw new Error('detached');
  },
} as unknown as ParentNode;

/** What a site's rows show of themselves beyond the common anchoring. */
export interface AnchorRules {
  /**
   * How the title shows in the title element: whole; only its plain pieces (arXiv: TeX is typeset by MathJax on the
   * live page); or not checked (the generic adapter badges a bare link or a fallback heading).
   */
  shown: 'title' | 'plainPieces' | 'unchecked';
  /** The form of every row's url, or the url built from the row's ref; unset when the site gives no fixed form. */
  url?: RegExp | ((ref: PaperRef) => string);
  /** A page may list one paper in two rows (Google Scholar shows a paper's versions as results of their own). */
  repeatsKeys?: true;
}

/** The title's plain-text pieces (TeX between $…$ dropped). */
export function plainPieces(title: string): string[] {
  return title
    .split(/\$[^$]*\$/)
    .map((piece) => piece.trim())
    .filter(Boolean);
}

/**
 * Each row anchored to its own elements of the page: title and row elements in the page, the row holding its title
 * and no other row's title (a badge swap in one row must not touch its neighbours), one key per row (unless the site
 * repeats papers), the title shown.
 */
export function expectAnchored(doc: Document, rows: PaperRow[], rules: AnchorRules = { shown: 'title' }): void {
  expect(new Set(rows.map((row) => row.rowEl)).size).toBe(rows.length);
  if (!rules.repeatsKeys) expect(new Set(rows.map((row) => row.ref.key)).size).toBe(rows.length);
  for (const row of rows) {
    expect(doc.contains(row.titleEl)).toBe(true);
    expect(doc.contains(row.rowEl)).toBe(true);
    expect(row.rowEl.contains(row.titleEl)).toBe(true);
    for (const other of rows) if (other !== row) expect(row.rowEl.contains(other.titleEl)).toBe(false);
    const shown = cleanText(row.titleEl.textContent);
    if (rules.shown === 'title') expect(shown).toContain(row.ref.title);
    if (rules.shown === 'plainPieces') for (const piece of plainPieces(row.ref.title)) expect(shown).toContain(piece);
    if (rules.url instanceof RegExp) expect(row.ref.url).toMatch(rules.url);
    else if (rules.url) expect(row.ref.url).toBe(rules.url(row.ref));
  }
}
