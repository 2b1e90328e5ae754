import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createParser, detectFormat, DETECT_HEAD_BYTES, parseText } from '../../src/core/catalogue/formats/detect.ts';
import type { FormatId } from '../../src/core/catalogue/formats/types.ts';

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/formats', name), 'utf8');
const shared = (name: string) => resolve(process.cwd(), '../shared', name);
const hasShared = existsSync(shared('data/arxiv-oai-snapshot-sample.jsonl'));
if (!hasShared) console.log('notice: ../shared/data is absent; detection on the shared files is skipped');

describe('format detection from content', () => {
  it.each([
    ['papers.jsonl', 'jsonl'],
    ['oai-snapshot.jsonl', 'oai-snapshot'],
    ['zotero.bib', 'bibtex'],
    ['zotero.csl.json', 'csl-json'],
    ['invalid.csl.json', 'csl-json'],
    ['feed.txt', 'feed-text'],
  ] as const)('%s is %s', (name, format) => {
    expect(detectFormat(fixture(name))).toBe(format);
  });

  it('tells our JSON lines from the arXiv snapshot by their fields', () => {
    expect(detectFormat('{"id":"2101.00001","title":"T","authors":["A"],"categories":["cs.LG"],"date":"2021-01-01"}\n')).toBe('jsonl');
    // A paper list with ids and titles only (no categories) is read as our JSON lines too.
    expect(detectFormat('{"id":"2310.19909","title":"T","first_author":"A","hf_date":"2023-10-30"}\n')).toBe('jsonl');
    expect(detectFormat('{"id":"2101.00001","title":"T","authors":"A and B","categories":"cs.LG"}\n')).toBe('oai-snapshot');
    expect(detectFormat('{"id":"2101.00001","title":"T","versions":[]}\n')).toBe('oai-snapshot');
    expect(detectFormat('{"id":"2101.00001","title":"T","update_date":"2021-01-01"}\n')).toBe('oai-snapshot');
  });

  it('judges JSON lines by most lines, and ignores a last line cut short by the head limit', () => {
    const good = '{"id":"1","title":"T","categories":["cs.LG"]}';
    expect(detectFormat(`{"id": broken\n${good}\n${good}\n`)).toBe('jsonl');
    expect(detectFormat(`${good}\n${good}\n{"id":"3","title":"cut sh`)).toBe('jsonl');
  });

  it('recognises BibTeX entries after comments and in any case, and CSL-JSON by its fields', () => {
    expect(detectFormat('% exported\n\n@InProceedings{key,\n title = {T}}')).toBe('bibtex');
    expect(detectFormat('@misc{key, title = {T}}')).toBe('bibtex');
    expect(detectFormat('[{"type":"article","title":"T","author":[{"family":"Doe","given":"J"}]}]')).toBe('csl-json');
    expect(detectFormat('[{"type":"article","title":"T","issued":{"date-parts":[[2020]]}}]')).toBe('csl-json');
    expect(detectFormat('\uFEFF[\r\n {"type":"book","title":"T","author":[{"literal":"Org"}]}]')).toBe('csl-json');
  });

  it('says undefined for content it does not read, whatever the file would be called', () => {
    expect(detectFormat('')).toBeUndefined();
    expect(detectFormat('   \n  ')).toBeUndefined();
    expect(detectFormat('hello world\nthis is prose about @article and Subscribe buttons')).toBeUndefined();
    expect(detectFormat('[1, 2, 3]')).toBeUndefined();
    expect(detectFormat('{"name":"T","first_author":"A","hf_date":"2023-10-30"}\n')).toBeUndefined();
    expect(detectFormat('{"title":"T","url":"https://example.org"}\n{"title":"U"}\n')).toBeUndefined();
    expect(detectFormat('Subscribe\n')).toBeUndefined();
    expect(detectFormat('<html><body>@article{</body></html>')).toBeUndefined();
  });

  it('creates a working parser for every format', () => {
    const formats: FormatId[] = ['feed-text', 'jsonl', 'oai-snapshot', 'bibtex', 'csl-json'];
    for (const format of formats) {
      const parser = createParser(format);
      expect(typeof parser.push).toBe('function');
      expect(Array.isArray(parser.end())).toBe(true);
    }
    expect(parseText('jsonl', '{"title":"A"}\r\n{"title":"B"}\r\n').map((r) => r.ok && r.paper.title)).toEqual(['A', 'B']);
  });

  it.skipIf(!hasShared)('detects the shared data files from their first 64 KB', () => {
    const head = (buf: Buffer) => buf.subarray(0, DETECT_HEAD_BYTES).toString('utf8');
    expect(detectFormat(head(readFileSync(shared('data/arxiv-oai-snapshot-sample.jsonl'))))).toBe('oai-snapshot');
    const gz = shared('data/arxiv-before-2026.jsonl.gz');
    if (existsSync(gz)) {
      // Only the first block is needed: decompress a prefix of the file.
      const prefix = readFileSync(gz).subarray(0, 256 * 1024);
      const text = gunzipSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8'); // tolerates the cut
      expect(detectFormat(text.slice(0, DETECT_HEAD_BYTES))).toBe('jsonl');
    }
    const hf = shared('data/hf-daily-papers.jsonl');
    // Paper lists with an id and a title only (Hugging Face's daily papers) are our JSON lines without categories.
    if (existsSync(hf)) expect(detectFormat(head(readFileSync(hf)))).toBe('jsonl');
    const seed = shared('seeds/000_1385b71a8e51c958.txt');
    if (existsSync(seed)) expect(detectFormat(head(readFileSync(seed)))).toBe('feed-text');
  });
});
