// Merging what pages showed of one paper into one seen record: keys united, richest text, earliest and latest times.
import { describe, expect, it } from 'vitest';
import { identityKeys, isNewInView, MAX_SIGHTINGS, mergeSeen, SAME_VIEW_MS, type SeenObservation, withoutSite } from '../../src/core/seen/seenRecord.ts';

const TITLE = 'Scaling Laws for Sparse Mixture of Experts Models';
const arxivRow: SeenObservation = {
  keys: ['arxiv:2401.00001', 'title:scaling laws for sparse mixture of experts models'],
  title: TITLE,
  authors: ['A. Author'],
  categories: ['cs.LG'],
  site: 'arxiv',
  url: 'https://arxiv.org/list/cs.LG/new',
  pageKind: 'listing',
};
const scholarRow: SeenObservation = {
  keys: ['doi:10.1000/xyz', 'title:scaling laws for sparse mixture of experts models'],
  title: TITLE,
  authors: ['A. Author', 'B. Author', 'C. Author'],
  abstract: 'We study how sparse mixture of experts models scale with parameters, data and compute across many settings.',
  site: 'googlescholar',
  url: 'https://scholar.google.com/scholar?q=moe',
  pageKind: 'listing',
};

describe('identityKeys', () => {
  it('gives the page key, arXiv id, DOI, catalogue keys and a title key, arXiv first', () => {
    expect(identityKeys({ key: 'doi:10.1000/abc', title: TITLE, doi: '10.1000/ABC', arxivId: '2401.00001v2' }, ['openreview:xyz'])).toEqual([
      'arxiv:2401.00001',
      'doi:10.1000/abc',
      'openreview:xyz',
      'title:scaling laws for sparse mixture of experts models',
    ]);
  });
  it('keeps a PubMed row joinable by its DOI and its PubMed id', () => {
    expect(identityKeys({ key: 'doi:10.1000/abc', title: TITLE, doi: '10.1000/abc', pmid: '31452104' }, ['openreview:xyz'])).toEqual([
      'doi:10.1000/abc',
      'pmid:31452104',
      'openreview:xyz',
      'title:scaling laws for sparse mixture of experts models',
    ]);
    expect(identityKeys({ key: 'pmid:31452104', title: 'Introduction', pmid: '31452104' })).toEqual(['pmid:31452104']);
  });
  it('leaves out the title key of a short title, which many papers share', () => {
    expect(identityKeys({ key: 'arxiv:2401.00001', title: 'Introduction' })).toEqual(['arxiv:2401.00001']);
    expect(identityKeys({ key: 'title:introduction', title: 'Introduction' })).toEqual([]);
  });
});

describe('mergeSeen', () => {
  it('a new paper: one view, first and last seen now, one sighting', () => {
    const record = mergeSeen([], arxivRow, 1000);
    expect(record).toMatchObject({ key: 'arxiv:2401.00001', title: TITLE, firstSeenAt: 1000, lastSeenAt: 1000, timesSeen: 1 });
    expect(record.sightings).toEqual([{ site: 'arxiv', url: arxivRow.url, pageKind: 'listing', firstSeenAt: 1000, lastSeenAt: 1000, count: 1 }]);
    expect(record.id).toBeUndefined();
  });

  it('the same paper on another site: keys united, richest text wins, times min/max, counts added', () => {
    const first = { ...mergeSeen([], arxivRow, 1000), id: 7 };
    const merged = mergeSeen([first], scholarRow, 5000);
    expect(merged.id).toBe(7);
    expect(merged.keys).toEqual(['arxiv:2401.00001', 'doi:10.1000/xyz', 'title:scaling laws for sparse mixture of experts models']);
    expect(merged.key).toBe('arxiv:2401.00001');
    expect(merged.authors).toHaveLength(3);
    expect(merged.abstract).toBe(scholarRow.abstract);
    expect(merged.categories).toEqual(['cs.LG']);
    expect(merged).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 5000, timesSeen: 2 });
    expect(merged.sightings.map((s) => s.site)).toEqual(['googlescholar', 'arxiv']);
  });

  it('another site in the same millisecond (two requests answered together) is the more recent sighting', () => {
    const first = { ...mergeSeen([], arxivRow, 1000), id: 7 };
    expect(mergeSeen([first], scholarRow, 1000).sightings.map((s) => s.site)).toEqual(['googlescholar', 'arxiv']);
  });

  it('two stored records joined by a third sighting become one, under the smaller id', () => {
    const a = { ...mergeSeen([], { ...arxivRow, keys: ['arxiv:2401.00001'] }, 1000), id: 9 };
    const b = { ...mergeSeen([], { ...scholarRow, keys: ['doi:10.1000/xyz'] }, 2000), id: 4 };
    const merged = mergeSeen([a, b], { ...arxivRow, keys: ['arxiv:2401.00001', 'doi:10.1000/xyz'], site: 'huggingface' }, 3000);
    expect(merged.id).toBe(4);
    expect(merged.keys).toEqual(['arxiv:2401.00001', 'doi:10.1000/xyz']);
    expect(merged).toMatchObject({ firstSeenAt: 1000, lastSeenAt: 3000, timesSeen: 3 });
  });

  it('the same page again within the same view does not count again; an hour later it does', () => {
    const once = mergeSeen([], arxivRow, 1000);
    const rescan = mergeSeen([once], arxivRow, 1000 + 60_000);
    expect(rescan.timesSeen).toBe(1);
    expect(rescan.lastSeenAt).toBe(61_000);
    const later = mergeSeen([rescan], arxivRow, 1000 + SAME_VIEW_MS + 60_000);
    expect(later.timesSeen).toBe(2);
    expect(later.sightings[0]!.count).toBe(2);
  });

  it('a longer text never loses to a shorter one, whichever came last', () => {
    const rich = mergeSeen([], scholarRow, 1000);
    const poor = mergeSeen([rich], { ...arxivRow, title: 'Scaling laws', authors: [] }, 2000);
    expect(poor.title).toBe(TITLE);
    expect(poor.abstract).toBe(scholarRow.abstract);
    expect(poor.authors).toHaveLength(3);
  });

  it('keeps at most MAX_SIGHTINGS sites, the most recent, and bounds the text', () => {
    let record = mergeSeen([], arxivRow, 0);
    for (let i = 1; i <= MAX_SIGHTINGS + 5; i++) record = mergeSeen([record], { ...arxivRow, site: `site${i}`, abstract: 'x'.repeat(50_000) }, i * 10);
    expect(record.sightings).toHaveLength(MAX_SIGHTINGS);
    expect(record.sightings[0]!.site).toBe(`site${MAX_SIGHTINGS + 5}`);
    expect(record.abstract!.length).toBeLessThanOrEqual(4000);
  });
});

describe('withoutSite', () => {
  it('drops one site; a paper only that site showed is forgotten', () => {
    const both = mergeSeen([mergeSeen([], arxivRow, 1000)], scholarRow, 5000);
    const left = withoutSite(both, 'arxiv')!;
    expect(left.sightings.map((s) => s.site)).toEqual(['googlescholar']);
    expect(left).toMatchObject({ firstSeenAt: 5000, lastSeenAt: 5000, timesSeen: 1 });
    expect(withoutSite(left, 'googlescholar')).toBeUndefined();
    expect(withoutSite(left, 'openreview')).toBe(left);
  });
});

describe('isNewInView', () => {
  it('new on a listing when first seen since the view began; never on a paper page', () => {
    expect(isNewInView(2000, 1000, 'listing')).toBe(true);
    expect(isNewInView(1000, 1000, 'listing')).toBe(true);
    expect(isNewInView(999, 1000, 'listing')).toBe(false);
    expect(isNewInView(undefined, 1000, 'listing')).toBe(false);
    expect(isNewInView(2000, 1000, 'paper')).toBe(false);
  });
});
