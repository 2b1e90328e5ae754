// Benchmark: the interest model (src/core/personal) against the 100k catalogue of ../shared/data, in Node: learning a
// 50-paper library (two tags of 10 papers, so two tag models too) and scoring a 2,000-row listing of papers the
// catalogue does not hold (the latest 2,000, left out of it, as a day's listing is). Beside the scoring, in the same run,
// what vectorising the rows alone costs (the part any ranking over the catalogue's vocabulary pays).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { learnInterests, type LibraryPaper } from '../../src/core/personal/interestModel.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { mulberry32, shuffle } from '../../src/core/random.ts';
import { DATA } from './build.ts';
import { machineLine, median, table } from './machine.ts';

const LIBRARY = 50;
const ROWS = 2000;

interface Line {
  id: string;
  title: string;
  abstract?: string;
  authors?: string[];
  categories?: string[];
  date?: string;
}

const refOf = (p: Line): PaperRef => ({
  key: `arxiv:${p.id}`,
  arxivId: p.id,
  title: p.title,
  abstract: p.abstract ?? '',
  authors: p.authors ?? [],
  categories: p.categories ?? [],
});

export async function benchPersonal(runs: number): Promise<string> {
  if (!existsSync(DATA)) return 'personal: skipped (../shared/data/arxiv-before-2026.jsonl.gz is absent)';
  const dir = mkdtempSync(join(tmpdir(), 'paperscope-bench-personal-'));
  const lines = execFileSync('bash', ['-c', `zcat '${DATA}'`], { maxBuffer: 1 << 30 })
    .toString('utf8')
    .trim()
    .split('\n');
  const papers = lines.map((l) => JSON.parse(l) as Line);
  const byDate = papers.map((_, i) => i).sort((a, b) => ((papers[b]!.date ?? '') < (papers[a]!.date ?? '') ? -1 : 1));
  const listing = new Set(byDate.slice(0, ROWS));
  const input = join(dir, 'catalogue.jsonl');
  writeFileSync(input, `${lines.filter((_, i) => !listing.has(i)).join('\n')}\n`);
  execFileSync('node', ['bin/paperscope.js', 'build-catalogue', '--in', input, '--out', join(dir, 'catalogue'), '--no-abstracts'], { stdio: 'ignore' });
  const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(join(dir, 'catalogue', 'catalogue.psc')))));

  // A library of 50 cs.CV papers from the catalogue, the first 20 in two tags of 10.
  const vision = shuffle(
    papers.flatMap((p, i) => (!listing.has(i) && p.categories?.[0] === 'cs.CV' ? [p] : [])),
    mulberry32(14),
  ).slice(0, LIBRARY);
  const library: LibraryPaper[] = vision.map((p, i) => ({ ...refOf(p), tags: i < 10 ? ['segmentation'] : i < 20 ? ['diffusion'] : [] }));
  const feed = [...listing].map((i) => refOf(papers[i]!));

  const time = <T>(f: () => T): [number, T] => {
    const start = performance.now();
    const value = f();
    return [performance.now() - start, value];
  };
  const [firstLearn] = time(() => learnInterests(index, library));
  const learn: number[] = [];
  const score: number[] = [];
  const vectorize: number[] = [];
  const scoreVectorised: number[] = [];
  for (let r = 0; r < Math.max(runs, 3); r++) {
    const [ms, result] = time(() => learnInterests(index, library));
    learn.push(ms);
    if (!result.ok) throw new Error('the library should be enough');
    score.push(time(() => result.model.score(feed))[0]);
    const [vectorMs, vectors] = time(() => feed.map((p) => index.vectorFor(p)));
    vectorize.push(vectorMs);
    scoreVectorised.push(time(() => result.model.score(feed, vectors))[0]);
  }
  return [
    `Personal ranking (Node, in-process): a catalogue of ${index.paperCount.toLocaleString('en')} papers (the data set but the latest ${ROWS}, built --no-abstracts); ` +
      `a ${LIBRARY}-paper library (cs.CV, two tags of 10 papers: three models in all); a listing of the latest ${ROWS} papers (not in the catalogue). Medians of ${learn.length} runs.`,
    machineLine(),
    table([
      { measure: 'learn the model (library + 2 tags), ms', paperscope: median(learn).toFixed(0), 'first in the process, ms': firstLearn.toFixed(0), aim: '<= 300' },
      { measure: `score a ${ROWS}-row listing, ms`, paperscope: median(score).toFixed(1), 'first in the process, ms': '', aim: '<= 30' },
      { measure: `  of which: vectorise the ${ROWS} rows alone, ms`, paperscope: median(vectorize).toFixed(1), 'first in the process, ms': '', aim: '' },
      { measure: `score the ${ROWS} rows already vectorised, ms`, paperscope: median(scoreVectorised).toFixed(1), 'first in the process, ms': '', aim: '<= 30' },
    ]),
  ].join('\n');
}
