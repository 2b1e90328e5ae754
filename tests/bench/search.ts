// Benchmark: three ways to search the catalogue's titles and authors with typos, at 10k and 100k papers, each approach
// in its own Node process (tests/bench/searchProbe.ts): build time, memory, query latency, recall on typo'd queries.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, slices } from './build.ts';
import { median, table } from './machine.ts';

const APPROACHES = ['minisearch', 'packed-postings', 'vocabulary'] as const;

/** Catalogues to search: BENCH_SEARCH_DIR/<10k|100k>/catalogue.psc when given (built before), else built here. */
function catalogues(): Array<{ label: string; path: string }> {
  const given = process.env.BENCH_SEARCH_DIR;
  if (given) return ['10k', '100k'].map((label) => ({ label, path: join(given, label, 'catalogue.psc') })).filter((c) => existsSync(c.path));
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bench-search-'));
  return slices(dir)
    .filter((s) => s.label !== '1k')
    .map(({ label, path }) => {
      execFileSync('node', ['bin/paperscope.js', 'build-catalogue', '--in', path, '--out', join(dir, label), '--no-abstracts'], { stdio: 'ignore' });
      return { label, path: join(dir, label, 'catalogue.psc') };
    });
}

export function benchSearch(runs: number): string {
  if (!existsSync(DATA)) return 'notice: ../shared/data is absent; the search benchmark is skipped';
  const rows: Array<Record<string, string | number>> = [];
  for (const { label, path } of catalogues()) {
    for (const approach of APPROACHES) {
      const results: Array<Record<string, number>> = [];
      for (let r = 0; r < runs; r++) {
        const out = spawnSync('node', ['--expose-gc', '--import', 'tsx', 'tests/bench/searchProbe.ts', approach, path], { encoding: 'utf8' });
        if (out.status !== 0) throw new Error(`search probe ${approach} failed: ${out.stderr}`);
        results.push(JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Record<string, number>);
      }
      const m = (field: string) => median(results.map((x) => x[field]!));
      rows.push({
        papers: label,
        approach,
        'build ms': m('buildMs'),
        'build CPU ms': m('buildCpuMs'),
        'memory MB': m('memoryMb'),
        'query p50 ms': m('queryP50Ms'),
        'query p95 ms': m('queryP95Ms'),
        'title recall@20': m('titleRecallAt20'),
        'author recall@20': m('authorRecallAt20'),
      });
    }
  }
  return `Catalogue search (Node; ${runs} runs each, medians; 200 title queries of three title words, the middle one with a typo, and 100 "surname + title word" queries)\n${table(rows)}`;
}
