// Benchmark: building catalogues of 1k, 10k and 100k papers with the CLI, against reading and parsing the same input.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, table } from './machine.ts';

export const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');

/** Gzipped slices of the data set, so every size reads the same kind of input. */
export function slices(dir: string): Array<{ label: string; path: string }> {
  const out = [];
  for (const [label, n] of [
    ['1k', 1000],
    ['10k', 10_000],
  ] as const) {
    const path = join(dir, `arxiv-${label}.jsonl.gz`);
    execFileSync('bash', ['-c', `zcat '${DATA}' | head -n ${n} | gzip -1 > '${path}'`]);
    out.push({ label, path });
  }
  out.push({ label: '100k', path: DATA });
  return out;
}

/** Runs a Node command that prints its own peak memory as "peak memory N MB" on its last lines. */
function timed(command: string[]): { seconds: number; peakMb: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed: ${r.stderr}`);
  const peakMb = Number(/peak memory (\d+) MB/.exec(r.stdout)?.[1] ?? NaN);
  return { seconds, peakMb, stdout: r.stdout };
}

const BASELINE = `
const { createReadStream } = require('node:fs');
const { createGunzip } = require('node:zlib');
const { createInterface } = require('node:readline');
let n = 0;
const rl = createInterface({ input: createReadStream(process.argv[1]).pipe(createGunzip()), crlfDelay: Infinity });
rl.on('line', (l) => { if (l) { JSON.parse(l); n++; } });
rl.on('close', () => console.log(n, 'records, peak memory', Math.round(process.resourceUsage().maxRSS / 1024), 'MB'));
`;

export function benchBuild(runs: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bench-build-'));
  const rows = [];
  for (const { label, path } of slices(dir)) {
    const ours = [];
    const base = [];
    let bytesPerPaper = 0;
    for (let r = 0; r < runs; r++) {
      base.push(timed(['node', '-e', BASELINE, path]));
      const run = timed(['node', 'bin/paperscope.js', 'build-catalogue', '--in', path, '--out', join(dir, `out-${label}`), '--no-abstracts']);
      ours.push(run);
      const size = statSync(join(dir, `out-${label}`, 'catalogue.psc')).size;
      const papers = Number(/wrote (\d+) papers/.exec(run.stdout)?.[1] ?? 1);
      bytesPerPaper = Math.round(size / papers);
    }
    const ourSeconds = median(ours.map((o) => o.seconds));
    const baseSeconds = median(base.map((o) => o.seconds));
    rows.push({
      papers: label,
      'build s (median)': ourSeconds.toFixed(2),
      'baseline read+parse s': baseSeconds.toFixed(2),
      ratio: (ourSeconds / baseSeconds).toFixed(1),
      'build peak MB': median(ours.map((o) => o.peakMb)),
      'baseline peak MB': median(base.map((o) => o.peakMb)),
      'bytes/paper': bytesPerPaper,
    });
  }
  return `Build (CLI, Node, --no-abstracts; ${runs} runs each; baseline = stream, gunzip and JSON.parse the same file)\n${table(rows)}`;
}
