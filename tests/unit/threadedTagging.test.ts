// Tagging in threads while the input is read (src/cli/tagPool.ts) gives the same catalogue, byte for byte, as tagging
// in the main thread after reading, also when a later record of a paper changes it after its batch was sent.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogueFiles, THREADED_TAGGING_FROM } from '../../src/cli/buildCatalogue.ts';
import { seededRandom } from '../../scripts/snapshotRecords.ts';

const WORDS = (
  'graph neural network attention transformer protein folding galaxy cluster dark matter quantum error correction ' +
  'reinforcement learning policy gradient diffusion model image segmentation language model retrieval sparse ' +
  'mixture experts convex optimization stochastic gradient bayesian inference causal effect survey robot grasping ' +
  'speech recognition federated privacy differential equation fluid turbulence superconductivity topological phase'
).split(' ');
const CATEGORIES = ['cs.LG', 'cs.CL', 'cs.CV', 'astro-ph.GA', 'quant-ph', 'math.OC', 'stat.ML', 'cs.RO', 'cond-mat.supr-con', ''];

/** JSON lines of made-up papers from a fixed word list; every 50th is read again later with another abstract (a merge). */
function input(papers: number): string {
  const random = seededRandom(11);
  const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const lines: string[] = [];
  const titles: string[] = [];
  for (let i = 0; i < papers; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    titles.push(text(8));
    lines.push(JSON.stringify({ id: `2401.${String(10000 + i)}`, title: titles[i], abstract: text(60), authors: ['A. Author'], categories: category ? [category] : [] }));
  }
  for (let i = 0; i < papers; i += 50) lines.push(JSON.stringify({ id: `2401.${String(10000 + i)}`, title: titles[i], abstract: text(60) }));
  return `${lines.join('\n')}\n`;
}

describe('tagging in threads', () => {
  it('writes the same bytes as tagging in the main thread, merges included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperscope-threads-'));
    const file = join(dir, 'papers.jsonl');
    writeFileSync(file, input(THREADED_TAGGING_FROM + 700));
    const threaded = await buildCatalogueFiles({ inputs: [file], outDir: join(dir, 'threads'), withAbstracts: false, tagThreads: 2 });
    const inline = await buildCatalogueFiles({ inputs: [file], outDir: join(dir, 'main'), withAbstracts: false, tagThreads: 0 });
    expect(threaded.merged).toBeGreaterThan(50);
    expect(threaded.version).toBe(inline.version);
    expect(readFileSync(threaded.outFile).equals(readFileSync(inline.outFile))).toBe(true);
  }, 120_000);
});
