// Benchmark (issue 17): building from snapshot-format inputs of 100k and 1M papers (2.8M on request), beside the floor
// of streaming and parsing the same file. Inputs come from `npm run make:snapshot` (seed 17), cached in the temp dir.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, table } from './machine.ts';

/** Sizes to run: BENCH_SNAPSHOT_SIZES=100k,1m,2.8m (default 100k,1m: 2.8M takes long). */
export function snapshotSizes(): Array<{ label: string; papers: number }> {
  const text = process.env.BENCH_SNAPSHOT_SIZES ?? '100k,1m';
  return text.split(',').map((label) => {
    const m = /^([\d.]+)([km])$/i.exec(label.trim());
    if (!m) throw new Error(`BENCH_SNAPSHOT_SIZES: "${label}" is not like 100k or 2.8m`);
    return { label: label.trim(), papers: Math.round(Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : 1e6)) };
  });
}

/** The generated input of that size, made once and kept (the same seed gives the same bytes, so a cached file is valid). */
function snapshotInput(papers: number): string {
  const dir = join(tmpdir(), 'paperscope-snapshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `snap-${papers}-seed17.json`);
  if (!existsSync(path)) {
    const partial = `${path}.partial`;
    execFileSync('npx', ['tsx', 'scripts/make-snapshot.ts', '--papers', String(papers), '--seed', '17', '--out', partial], { stdio: 'inherit' });
    execFileSync('mv', [partial, path]);
  }
  return path;
}

/** Peak RSS and wall time of a command, from GNU time (-v), so the floor and the build are measured alike. */
function measured(command: string[]): { seconds: number; peakMb: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', ...command], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { seconds, peakMb: Math.round(kb / 1024), stdout: r.stdout };
}

/** The floor: stream the file (gunzip when gzipped), split lines, JSON.parse each; nothing kept. */
const FLOOR = `
const { createReadStream } = require('node:fs');
const { createGunzip } = require('node:zlib');
const { createInterface } = require('node:readline');
const raw = createReadStream(process.argv[1]);
let n = 0;
const rl = createInterface({ input: process.argv[1].endsWith('.gz') ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
rl.on('line', (l) => { if (l) { JSON.parse(l); n++; } });
rl.on('close', () => console.log(n, 'records'));
`;

/**
 * Heap ceiling for the build's main thread: the build keeps its papers and words in files between passes, so its heap
 * stays far below this at any size; one that did not would fail here, in words, rather than swap the shared machine.
 */
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 2_048);

export function benchSnapshot(runs: number): string {
  const out = mkdtempSync(join(tmpdir(), 'paperscope-bench-snapshot-'));
  const rows = [];
  for (const { label, papers } of snapshotSizes()) {
    const input = snapshotInput(papers);
    const floor = [];
    const ours = [];
    let bytesPerPaper = 0;
    let failed = '';
    for (let r = 0; r < runs; r++) {
      floor.push(measured(['node', '-e', FLOOR, input]));
      try {
        const run = measured([
          'node',
          `--max-old-space-size=${HEAP_MB}`,
          'bin/paperscope.js',
          'build-catalogue',
          '--in',
          input,
          '--out',
          join(out, label),
          '--no-abstracts',
          '--quiet',
        ]);
        ours.push(run);
        const wrote = Number(/wrote (\d+) papers/.exec(run.stdout)?.[1] ?? 1);
        bytesPerPaper = Math.round(statSync(join(out, label, 'catalogue.psc')).size / wrote);
      } catch (error) {
        failed = /heap out of memory/i.test((error as Error).message) ? `out of memory (heap ${HEAP_MB} MB)` : (error as Error).message.slice(0, 200);
        break;
      }
    }
    const floorSeconds = median(floor.map((f) => f.seconds));
    const buildSeconds = ours.length ? median(ours.map((o) => o.seconds)) : Number.NaN;
    rows.push({
      papers: label,
      'input MB': Math.round(statSync(input).size / 2 ** 20),
      'build s': failed || buildSeconds.toFixed(1),
      'floor s': floorSeconds.toFixed(1),
      ratio: failed ? '-' : (buildSeconds / floorSeconds).toFixed(1),
      'build peak MB': failed ? '-' : median(ours.map((o) => o.peakMb)),
      'floor peak MB': median(floor.map((f) => f.peakMb)),
      'bytes/paper': failed ? '-' : bytesPerPaper,
    });
  }
  return `Snapshot build (issue 17; CLI, --no-abstracts, snapshot-format input from make:snapshot seed 17; ${runs} run(s) each, medians; floor = stream and JSON.parse the same file; peak = max RSS from /usr/bin/time -v)\n${table(rows)}`;
}
