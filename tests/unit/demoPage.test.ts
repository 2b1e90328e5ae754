// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The demo listing of `npm start`: each bundled paper under its own (predicted) category, read back as the arXiv
// adapter reads a real listing; never one fixed category for all.
import { describe, expect, it } from 'vitest';
import { arxiv } from '../../src/adapters/arxiv.ts';
import { bundledPapers } from '../../src/cli/bundled.ts';
import { DEMO_OUTSIDE_CATALOGUE, DEMO_URL, demoEntries, demoListingHtml } from '../../src/cli/demoPage.ts';
import type { CataloguePaper } from '../../src/core/paper.ts';

const rowsOf = (html: string) => arxiv.rows(new DOMParser().parseFromString(html, 'text/html'));

describe('the demo listing', () => {
  const papers = bundledPapers();
  const entries = demoEntries(papers, 20);

  it('lists each catalogue paper under the catalogue category, not one fixed category', () => {
    expect(entries).toHaveLength(20 + DEMO_OUTSIDE_CATALOGUE.length);
    entries.slice(0, 20).forEach((e, i) => expect(e.categories, e.title).toEqual(papers[i]!.categories));
    const primaries = entries.slice(0, 20).map((e) => e.categories[0]);
    expect(primaries.every(Boolean)).toBe(true);
    expect(new Set(primaries).size).toBeGreaterThanOrEqual(4);
    expect(entries.find((e) => e.title === 'Non-deep Networks')!.categories[0]).not.toBe('cs.DC');
  });

  it('is read by the arXiv adapter at its URL with each paper under its category, named as arXiv names it', () => {
    expect(arxiv.detect(new URL(DEMO_URL))).toBe('listing');
    const html = demoListingHtml(entries);
    const rows = rowsOf(html);
    expect(rows.map((r) => r.ref.title)).toEqual(entries.map((e) => e.title));
    expect(rows.map((r) => r.ref.categories?.[0])).toEqual(entries.map((e) => e.categories[0]));
    expect(html).toContain('Computer Vision and Pattern Recognition (cs.CV)');
    expect(html).not.toContain('<h1>Distributed, Parallel, and Cluster Computing</h1>');
  });

  it('lists a paper the catalogue has no category for without subjects, so the extension predicts one', () => {
    const bare: CataloguePaper = { key: 'title:bare', title: 'A paper without a category', authors: ['A. Author'], categories: [], abstract: 'Text.', tags: [] };
    const [entry] = demoEntries([bare], 1);
    expect(entry!.categories).toEqual([]);
    const html = demoListingHtml([entry!]);
    expect(html).not.toContain("class='list-subjects'");
    const [row] = rowsOf(html);
    expect(row!.ref.title).toBe('A paper without a category');
    expect(row!.ref.categories ?? []).toEqual([]);
  });
});
