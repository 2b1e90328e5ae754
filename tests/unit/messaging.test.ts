import { describe, expect, it } from 'vitest';
import { CONTENT_TO_WORKER, PAGES_TO_WORKER, TO_TAB, WORKER_TO_PAGES } from '../../src/messaging/protocol.ts';
import { clampRef } from '../../src/messaging/shapes.ts';
import { InvalidRequest } from '../../src/messaging/validate.ts';

describe('run-time checks of requests', () => {
  const ref = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity', arxivId: '2104.07857' };
  const matchRows = CONTENT_TO_WORKER.matchRows.check;

  it('accepts a well-formed scan and drops unknown fields', () => {
    const request = matchRows({ adapterId: 'arxiv', pageKind: 'listing', refs: [{ ...ref, evil: '<img>' }], firstRow: 0, pageUrl: 'x' }, '');
    expect(request).toEqual({ adapterId: 'arxiv', pageKind: 'listing', refs: [ref], firstRow: 0 });
  });

  it('rejects hostile or malformed payloads with a reason', () => {
    expect(() => matchRows({ adapterId: 1 }, '')).toThrow(InvalidRequest);
    expect(() => matchRows({ adapterId: 'arxiv', pageKind: 'listing', refs: [{ key: 'k' }], firstRow: 0 }, '')).toThrow(/refs\[0\]\.title/);
    expect(() => CONTENT_TO_WORKER.setSaved.check({ paper: ref, saved: 'yes' }, '')).toThrow(/saved should be true or false/);
    expect(() => matchRows({ adapterId: 'arxiv', pageKind: 'listing', refs: new Array(5001).fill(ref), firstRow: 0 }, '')).toThrow(/at most 5000/);
    expect(() => PAGES_TO_WORKER.setSaved.check({ paper: { ...ref, title: 'x'.repeat(5000) }, saved: true }, '')).toThrow(/at most 1000 characters/);
    expect(() => PAGES_TO_WORKER.related.check({ paper: ref, limit: 1e9 }, '')).toThrow(/limit/);
    expect(() => PAGES_TO_WORKER.listSaved.check(null, '')).toThrow(/object/);
    expect(() => CONTENT_TO_WORKER.pageScanned.check({ adapterId: 'arxiv', pageKind: 'listing', rowCount: -1 }, '')).toThrow(/rowCount/);
    expect(() => CONTENT_TO_WORKER.pageScanned.check({ adapterId: 'arxiv', pageKind: 'listing', rowCount: 3, fallback: 'yes' }, '')).toThrow(/fallback/);
    expect(CONTENT_TO_WORKER.pageScanned.check({ adapterId: 'arxiv', pageKind: 'listing', rowCount: 3, fallback: true }, '')).toMatchObject({ fallback: true });
    expect(() => TO_TAB.savedChanged.check({ key: 'k', saved: 1 }, '')).toThrow(/saved/);
    expect(() => WORKER_TO_PAGES.tabScanned.check({ tabId: 'x' }, '')).toThrow(/tabId/);
    // Nothing nameless goes into the library, from a page or from a hostile content script.
    for (const paper of [
      { key: '', title: 'A title' },
      { key: 'arxiv:1', title: '  ' },
    ]) {
      expect(() => CONTENT_TO_WORKER.setSaved.check({ paper, saved: true }, '')).toThrow(/paper should have a key and a title/);
      expect(() => PAGES_TO_WORKER.setSaved.check({ paper, saved: true }, '')).toThrow(/paper should have a key and a title/);
    }
  });

  it('accepts a PubMed id of 1 to 9 digits on a paper, and nothing else there', () => {
    const pubmed = { key: 'doi:10.1038/s41586-019-1506-7', title: 'A paper', doi: '10.1038/s41586-019-1506-7', pmid: '31452104' };
    expect(matchRows({ adapterId: 'pubmed', pageKind: 'listing', refs: [pubmed], firstRow: 0 }, '').refs).toEqual([pubmed]);
    for (const pmid of ['1234567890', '31452104 ', '<b>1</b>', 31452104, '0']) {
      expect(() => matchRows({ adapterId: 'pubmed', pageKind: 'listing', refs: [{ ...pubmed, pmid }], firstRow: 0 }, ''), String(pmid)).toThrow(/refs\[0\]\.pmid/);
    }
  });

  it('drops a PubMed id that is not one when it cuts a page paper to the limits', () => {
    const base = { key: 'pmid:31452104', title: 'A paper' };
    expect(clampRef({ ...base, pmid: '31452104' })).toEqual({ ...base, pmid: '31452104' });
    expect(clampRef({ ...base, pmid: '1'.repeat(12) })).toEqual(base);
    expect(clampRef({ ...base, pmid: 'PMID: 31452104' })).toEqual(base);
  });

  it('checks the papers of an export of a selection (at most 5000, each a paper)', () => {
    const check = PAGES_TO_WORKER.exportLibrary.check;
    expect(check({ format: 'bibtex', papers: [{ ...ref, evil: 1 }] }, '')).toEqual({ format: 'bibtex', papers: [ref] });
    expect(() => check({ format: 'bibtex', papers: new Array(5001).fill(ref) }, '')).toThrow(/at most 5000/);
    expect(() => check({ format: 'bibtex', papers: [{ key: 'k' }] }, '')).toThrow(/papers\[0\]\.title/);
  });

  it('lets a content script send only what concerns its page: nothing of the library, backups or the taxonomy', () => {
    expect(Object.keys(CONTENT_TO_WORKER).sort()).toEqual(['hideFeedBar', 'matchRows', 'pageScanned', 'pickPaper', 'setSaved']);
    for (const name of ['backup', 'restore', 'importLibrary', 'exportLibrary', 'editTaxonomy', 'listSaved', 'setFeedBarShown']) expect(CONTENT_TO_WORKER).not.toHaveProperty(name);
  });
});
