// Fixture loading shared by the adapter tests: each fixture is <name>.html plus <name>.json of the rows expected.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PaperRow } from '../../src/adapters/types.ts';

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
  rows: ExpectedRow[];
}

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
