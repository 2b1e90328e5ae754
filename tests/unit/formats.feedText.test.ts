import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/core/catalogue/formats/detect.ts';

describe('feed-page text behind the RecordParser interface', () => {
  it('returns the papers at end(), each at the line of its title', () => {
    const text = readFileSync(resolve(process.cwd(), 'tests/fixtures/formats/feed.txt'), 'utf8');
    expect(parseText('feed-text', text)).toEqual([
      { ok: true, line: 3, paper: { title: 'Tiny Recursive Networks', abstract: 'Small networks that call themselves can reason well.' } },
      { ok: true, line: 6, paper: { title: 'Attention Sinks in Practice', abstract: 'Why the first token soaks up attention, and what to do about it.' } },
    ]);
  });

  it('turns a page that is not a feed page into one rejection saying why', () => {
    expect(parseText('feed-text', 'just\nsome\nlines')).toEqual([{ ok: false, line: 1, reason: expect.stringMatching(/no line starts with "Subscribe"/) }]);
    expect(parseText('feed-text', 'SubscribeTitle\nAbstract\nDangling title')).toEqual([
      { ok: false, line: 1, reason: expect.stringMatching(/a title line and an abstract line per paper/) },
    ]);
  });
});
