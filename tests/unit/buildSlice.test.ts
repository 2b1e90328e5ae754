// Builds a 10k slice of the real arXiv data with the CLI: counts, determinism, size, and that the result is usable.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';

const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
const hasData = existsSync(DATA);
if (!hasData) console.log('notice: ../shared/data is absent; the 10k-slice build test is skipped');

describe.skipIf(!hasData)('building a 10k slice of ../shared/data', () => {
  it('reads, merges and rejects with reasons, deterministically, into a compact catalogue that matches and relates', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-slice-'));
    const slice = join(dir, 'slice.jsonl.gz');
    execFileSync('bash', ['-c', `zcat '${DATA}' | head -n 10000 | gzip -1 > '${slice}'`]);
    // A second file repeating 100 of the papers (a newer version) and one broken line.
    const again = execFileSync('bash', ['-c', `zcat '${DATA}' | head -n 100`])
      .toString()
      .trim()
      .split('\n');
    writeFileSync(join(dir, 'again.jsonl'), `${again.join('\n')}\n{"broken": \n`);
    const out: string[] = [];
    const code = await main(
      ['build-catalogue', '--in', slice, join(dir, 'again.jsonl'), '--out', join(dir, 'a'), '--no-abstracts'],
      (l) => out.push(l),
      (l) => out.push(l),
    );
    expect(code).toBe(0);
    const report = out.join('\n');
    expect(report).toMatch(/read 10100 records, merged 100 duplicates, rejected 1, wrote 10000 papers/);
    expect(report).toMatch(/rejected .*again\.jsonl:101: /);
    expect(
      await main(
        ['build-catalogue', '--in', slice, join(dir, 'again.jsonl'), '--out', join(dir, 'b'), '--no-abstracts'],
        () => undefined,
        () => undefined,
      ),
    ).toBe(0);
    const bytes = readFileSync(join(dir, 'a', 'catalogue.psc'));
    expect(readFileSync(join(dir, 'b', 'catalogue.psc')).equals(bytes)).toBe(true);
    expect(bytes.length / 10000).toBeLessThan(700);

    const data = readCatalogue(new Uint8Array(bytes));
    data.verify();
    expect(data.header.vectorTerms).toBe(48);
    expect(data.header.quantization).toMatch(/uint8/);
    const first = JSON.parse(again[0]!) as { id: string; title: string; categories: string[] };
    const index = new CatalogueIndex(data);
    expect(index.matchIndex({ key: `arxiv:${first.id}`, title: 'anything' })).toBe(0);
    expect(index.matchIndex({ key: 'title:x', title: first.title.toUpperCase() })).toBe(0);
    expect(index.relatedTo({ key: `arxiv:${first.id}`, title: first.title }, 10)).toHaveLength(10);
    // Over 200 queries, most neighbours share a category with their query (precision@10 by any category).
    let shared = 0;
    for (let i = 0; i < 10000; i += 50) {
      const query = data.paper(i);
      for (const r of index.relatedTo({ key: query.key, title: query.title }, 10)) {
        if (r.paper.categories.some((c) => query.categories.includes(c))) shared++;
      }
    }
    console.log(`10k slice: related precision@10 by any shared category = ${(shared / 2000).toFixed(3)}`);
    expect(shared / 2000).toBeGreaterThan(0.5);
  });
});
