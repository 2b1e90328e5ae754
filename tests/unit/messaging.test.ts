import { describe, expect, it } from 'vitest';
import { requestChecks } from '../../src/messaging/protocol.ts';
import { InvalidRequest } from '../../src/messaging/validate.ts';

describe('run-time checks of requests', () => {
  const ref = { key: 'arxiv:2104.07857', title: 'ZeRO-Infinity', arxivId: '2104.07857' };

  it('accepts a well-formed scan and drops unknown fields', () => {
    const request = requestChecks.matchRows(
      { pageUrl: 'https://arxiv.org/list/cs.DC/new', adapterId: 'arxiv', pageKind: 'listing', refs: [{ ...ref, evil: '<img>' }] },
      '',
    );
    expect(request.refs[0]).toEqual(ref);
  });

  it('rejects hostile or malformed payloads with a reason', () => {
    expect(() => requestChecks.matchRows({ pageUrl: 1 }, '')).toThrow(InvalidRequest);
    expect(() => requestChecks.matchRows({ pageUrl: 'x', adapterId: 'arxiv', pageKind: 'listing', refs: [{ key: 'k' }] }, '')).toThrow(/refs\[0\]\.title/);
    expect(() => requestChecks.setSaved({ paper: ref, saved: 'yes' }, '')).toThrow(/saved should be true or false/);
    expect(() => requestChecks.matchRows({ pageUrl: 'x', adapterId: 'arxiv', pageKind: 'listing', refs: new Array(5001).fill(ref) }, '')).toThrow(/at most 5000/);
    expect(() => requestChecks.setSaved({ paper: { ...ref, title: 'x'.repeat(5000) }, saved: true }, '')).toThrow(/at most 1000 characters/);
    expect(() => requestChecks.related({ paper: ref, limit: 1e9 }, '')).toThrow(/limit/);
    expect(() => requestChecks.getTabScan(null, '')).toThrow(/object/);
  });

  it('checks the papers of an export of a selection (at most 5000, each a paper)', () => {
    expect(requestChecks.exportLibrary({ format: 'bibtex', papers: [{ ...ref, evil: 1 }] }, '')).toEqual({ format: 'bibtex', papers: [ref] });
    expect(() => requestChecks.exportLibrary({ format: 'bibtex', papers: new Array(5001).fill(ref) }, '')).toThrow(/at most 5000/);
    expect(() => requestChecks.exportLibrary({ format: 'bibtex', papers: [{ key: 'k' }] }, '')).toThrow(/papers\[0\]\.title/);
  });
});
