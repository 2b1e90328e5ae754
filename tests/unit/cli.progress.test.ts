import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { durationText, ProgressLine, progressText } from '../../src/cli/progress.ts';
import { openInput } from '../../src/cli/readInput.ts';
import { runCli } from './runCli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A progress line on a clock the test moves, with what it wrote. */
function reporter(tty: boolean, everyMs?: number) {
  let clock = 0;
  const written: string[] = [];
  const line = new ProgressLine({ tty, write: (text) => written.push(text), now: () => clock, everyMs });
  return { line, written, advance: (ms: number) => (clock += ms) };
}

describe('progress text', () => {
  it('says how many papers, of how many when known, and the rate once time has passed', () => {
    expect(progressText('reading', 12_345, undefined, 2)).toBe('reading: 12,345 papers (6,173 a second)');
    expect(progressText('tagging', 30_000, 100_000, 6)).toBe('tagging: 30,000 of 100,000 papers (5,000 a second)');
    expect(progressText('reading', 1, undefined, 0)).toBe('reading: 1 paper');
  });

  it('while reading a file of known size says the share read and the time left at the pace so far', () => {
    expect(progressText('reading', 40_000, undefined, 20, 0.4)).toBe('reading: 40,000 papers (2,000 a second), 40% of the input, about 30 s left');
    expect(progressText('reading', 10_000, undefined, 60, 0.01)).toBe('reading: 10,000 papers (167 a second), 1% of the input, about 1 h 39 min left');
    // Before a second has passed a guess would be noise: the share only.
    expect(progressText('reading', 10, undefined, 0.5, 0.2)).toBe('reading: 10 papers (20 a second), 20% of the input');
  });

  it('writes durations as coarsely as a guess deserves', () => {
    expect(durationText(42.4)).toBe('42 s');
    expect(durationText(200)).toBe('3 min 20 s');
    expect(durationText(180)).toBe('3 min');
    expect(durationText(3900)).toBe('1 h 5 min');
  });
});

describe('input byte counts', () => {
  it('count the compressed bytes of a gzipped input, up to its whole size once read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-bytes-'));
    const path = join(dir, 'papers.jsonl.gz');
    const lines = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ id: `2401.${String(i).padStart(5, '0')}`, title: `Paper ${i} on sparse attention`, categories: ['cs.CL'] }),
    );
    writeFileSync(path, gzipSync(`${lines.join('\n')}\n`));
    const input = await openInput(path);
    let count = 0;
    let firstShare = -1;
    for await (const _ of input.lines) if (count++ === 0) firstShare = input.bytesRead() / input.size;
    expect(count).toBe(2000);
    expect(firstShare).toBeGreaterThan(0);
    expect(firstShare).toBeLessThanOrEqual(1);
    expect(input.bytesRead()).toBe(input.size);
  });
});

describe('progress line', () => {
  it('without a terminal writes a line when a stage starts, then at most one every interval, and the last figures at the end', () => {
    const { line, written, advance } = reporter(false, 5000);
    line.update('reading', 1);
    for (let i = 2; i <= 100; i++) {
      advance(100); // 10 papers a second
      line.update('reading', i);
    }
    line.finish();
    // 9.9 s: the first paper, the one at 5 s, then the last figures.
    expect(written).toEqual(['reading: 1 paper', 'reading: 51 papers (10 a second)', 'reading: 100 papers (10 a second)']);
    expect(written.every((text) => !text.includes('\r') && !text.includes('\n'))).toBe(true);
  });

  it('keeps the last figures of a stage before the next one starts', () => {
    const { line, written, advance } = reporter(false, 5000);
    line.update('reading', 1);
    advance(1000);
    line.update('reading', 40);
    line.update('tagging', 10_000, 40_000);
    line.finish();
    expect(written).toEqual(['reading: 1 paper', 'reading: 40 papers (40 a second)', 'tagging: 10,000 of 40,000 papers']);
  });

  it('on a terminal redraws one line in place, and ends it so what follows starts on its own line', () => {
    const { line, written, advance } = reporter(true, 200);
    line.update('reading', 1);
    advance(100);
    line.update('reading', 2); // held back: 100 ms after the last redraw
    advance(100);
    line.update('reading', 3);
    line.update('tagging', 10, 20);
    line.finish();
    expect(written).toEqual(['\rreading: 1 paper\x1b[K', '\rreading: 3 papers (15 a second)\x1b[K', '\n', '\rtagging: 10 of 20 papers\x1b[K', '\n']);
    line.finish();
    expect(written).toHaveLength(5); // nothing more to end
  });

  it('writes nothing when nothing was reported', () => {
    const { line, written } = reporter(true);
    line.finish();
    expect(written).toEqual([]);
  });
});

describe('build-catalogue progress', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-progress-'));
  const input = join(dir, 'papers.jsonl');
  writeFileSync(
    input,
    `${JSON.stringify({ id: '2401.00001', title: 'Sparse attention for long documents', abstract: 'We study attention.', authors: ['A. Author'], categories: ['cs.CL'] })}\n`,
  );

  it('reports papers read on stderr, apart from the report on stdout', async () => {
    const { code, out, err } = await runCli(['build-catalogue', '--in', input, '--out', join(dir, 'out')]);
    expect(code).toBe(0);
    expect(err).toContain('reading: 1 paper');
    expect(err).toContain('100% of the input');
    expect(out).not.toContain('reading: 1 paper');
    expect(out).toContain('wrote 1 papers');
  });

  it('says nothing of progress with --quiet', async () => {
    const { code, err } = await runCli(['build-catalogue', '--in', input, '--out', join(dir, 'quiet'), '--quiet']);
    expect(code).toBe(0);
    expect(err).toBe('');
  });
});
