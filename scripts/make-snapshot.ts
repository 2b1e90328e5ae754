// `npm run make:snapshot -- --papers 1000000 --out /tmp/snap-1m.json [--seed 17] [--data FILE]`: a large input in
// arXiv's bulk snapshot format (one JSON object a line), recombined from ../shared/data's real papers (see
// snapshotRecords.ts): new unique ids in arXiv's forms, dates following the real papers' months, real titles, abstracts,
// authors and category mixes recombined so vocabulary and lengths stay real. The same seed gives the same bytes. The
// output is streamed (memory is the pool of real papers, whatever --papers); write it outside the repository, never
// commit it. Issue 17 uses 1,000,000 and 2,800,000 papers (about the real snapshot's 2.8 million lines).
// `--from N` writes only the papers after the first N of the same run (the same seed gives the same first lines
// whatever --papers says): with `--papers 1010000 --from 1000000`, a monthly update of 10,000 new papers for the
// catalogue built from `--papers 1000000`.
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { option } from './option.ts';
import { poolPaper, type PoolPaper, snapshotRecords } from './snapshotRecords.ts';

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const PAPERS = Number(option('--papers', '1000000'));
const SEED = Number(option('--seed', '17'));
const OUT = option('--out', '');
const FROM = Number(option('--from', '0'));

if (!OUT || !Number.isInteger(PAPERS) || PAPERS < 1 || !Number.isInteger(SEED) || !Number.isInteger(FROM) || FROM < 0 || FROM >= PAPERS) {
  console.error('usage: npm run make:snapshot -- --papers N --out FILE [--seed S] [--from M] [--data FILE]');
  process.exit(2);
}
if (!existsSync(DATA)) {
  console.error(`make-snapshot: ${DATA} not found (the records are recombined from the shared arXiv data set)`);
  process.exit(1);
}
const started = performance.now();
const pool = (await readPapers(DATA)).papers.map(poolPaper).filter((p): p is PoolPaper => p !== undefined);
const out = createWriteStream(resolve(process.cwd(), OUT));
let written = 0;
let made = 0;
for (const line of snapshotRecords(pool, PAPERS, SEED)) {
  if (made++ < FROM) continue;
  // Waits when the disk is behind, so memory stays flat however many papers are asked for.
  if (!out.write(`${line}\n`)) await once(out, 'drain');
  if (++written % 100_000 === 0) console.error(`make-snapshot: ${written.toLocaleString('en-US')} of ${(PAPERS - FROM).toLocaleString('en-US')} papers`);
}
out.end();
await once(out, 'finish');
console.log(
  `make-snapshot: ${written} papers (seed ${SEED}${FROM ? `, after the first ${FROM}` : ''}, from ${pool.length} real ones) written to ${OUT} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
