// Benchmark: each site's content script, gzipped, and the part every site shares (built with an adapter that claims
// nothing), beside the same shared part built with webextension-polyfill (the baseline: what it was before the stand-in).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SITES } from '../../src/adapters/sites.ts';
import { sharedContentScriptSize, sizeOf } from '../contentScriptSize.ts';

const DIST = resolve(import.meta.dirname, '../..', process.env.PAPERSCOPE_DIST ?? 'dist', 'chrome');
const BUDGET = 15 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchContentSize(): Promise<string> {
  const shared = await sharedContentScriptSize();
  const baseline = await sharedContentScriptSize({ withPolyfill: true });
  const lines = [
    'Content scripts (gzip = node:zlib level 6; sizes, not times: one run)',
    `shared part (every site's script before its adapter): ${kb(shared.gzip)} gzipped (${shared.gzip} B; ${kb(shared.bytes)} minified); aim: at most ${kb(BUDGET)}`,
    `baseline, the same built with webextension-polyfill: ${kb(baseline.gzip)} gzipped (${baseline.gzip} B); ratio ${(shared.gzip / baseline.gzip).toFixed(2)}`,
    '| site | script gzipped | its adapter and the rest (script minus shared part) |',
    '| --- | --- | --- |',
  ];
  for (const site of SITES) {
    const file = resolve(DIST, `src/content/sites/${site.id}.iife.js`);
    if (!existsSync(file)) {
      lines.push(`| ${site.id} | not built (run npm run build) | |`);
      continue;
    }
    const size = sizeOf(readFileSync(file));
    lines.push(`| ${site.id} | ${kb(size.gzip)} | ${kb(size.gzip - shared.gzip)} |`);
  }
  return lines.join('\n');
}
