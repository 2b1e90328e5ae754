// Benchmark: the interest model (src/core/personal) against the 100k catalogue of ../shared/data, in Node: learning a
// 50-paper library (two tags of 10 papers, so two tag models too) and scoring a 2,000-row listing of papers the
// catalogue does not hold (the latest 2,000, left out of it, as a day's listing is). Beside the scoring, in the same run,
// what vectorising the rows alone costs (the part any ranking over the catalogue's vocabulary pays), beside the way it was
// done before (termCounts' terms looked up in one map of the vocabulary; the same vectors); and what the worker does for
// a page (InterestService.relevanceOf, as matchRows calls it): a listing seen the first time (its rows vectorised) and
// again (a rescan, or the rescan after a retrain: their vectors kept).
import { InterestService } from '../../src/background/interestService.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { CatalogueIndex } from '../../src/core/catalogue/catalogueIndex.ts';
import { learnInterests, type LibraryPaper } from '../../src/core/personal/interestModel.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { mulberry32, shuffle } from '../../src/core/random.ts';
import type { SparseVector } from '../../src/core/related/relatedIndex.ts';
import { termCounts } from '../../src/core/text/terms.ts';
import type { SavedRecord, UserDatabase } from '../../src/db/database.ts';
import { DATA } from './build.ts';
import { machineLine, median, table } from './machine.ts';

export const LIBRARY = 50;
export const ROWS = 2000;

export interface Line {
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

/** The vectoriser as it was before (the baseline): count termCounts' terms, look each up in a map of the vocabulary. */
function termCountsVectoriser(index: CatalogueIndex): (title: string, abstract?: string) => SparseVector {
  const termId = new Map(index.data.lines('terms').map((t, i) => [t, i]));
  return (title, abstract = '') => {
    const entries: Array<[number, number]> = [];
    for (const [term, count] of termCounts(`${title} ${title} ${abstract}`)) {
      const id = termId.get(term);
      if (id !== undefined) entries.push([id, (1 + Math.log(count)) * index.data.idf[id]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.hypot(...entries.map(([, w]) => w)) || 1;
    return { ids: Uint32Array.from(entries, ([id]) => id), weights: Float32Array.from(entries, ([, w]) => w / norm) };
  };
}

/** Just what InterestService reads of the user database: the saved papers, newest first. */
function libraryDb(library: readonly LibraryPaper[]): UserDatabase {
  const records = library.map((ref, i): SavedRecord => ({ key: ref.key, title: ref.title, authors: ref.authors ?? [], ref, tags: [], savedAt: i, userTags: ref.tags }));
  const newestFirst = { reverse: () => ({ limit: (n: number) => ({ toArray: async () => records.slice(0, n) }) }) };
  return { savedPapers: { orderBy: () => newestFirst } } as unknown as UserDatabase;
}

/**
 * The bench's setup, shared with the worker's (tests/bench/forYouWorker.ts): a catalogue of the data set but its latest
 * ROWS papers (built by the CLI), a LIBRARY-paper cs.CV library from it (two tags of 10 papers), one more cs.CV paper of
 * it (`spare`: a change to the library), and those latest papers as a listing. Undefined without the data set.
 */
export function personalSetup(): { psc: string; library: LibraryPaper[]; spare: PaperRef; feed: PaperRef[]; listing: Line[] } | undefined {
  if (!existsSync(DATA)) return undefined;
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

  // A library of 50 cs.CV papers from the catalogue, the first 20 in two tags of 10.
  const vision = shuffle(
    papers.flatMap((p, i) => (!listing.has(i) && p.categories?.[0] === 'cs.CV' ? [p] : [])),
    mulberry32(14),
  ).slice(0, LIBRARY + 1);
  const spare = refOf(vision.pop()!);
  const library: LibraryPaper[] = vision.map((p, i) => ({ ...refOf(p), tags: i < 10 ? ['segmentation'] : i < 20 ? ['diffusion'] : [] }));
  return { psc: join(dir, 'catalogue', 'catalogue.psc'), library, spare, feed: [...listing].map((i) => refOf(papers[i]!)), listing: [...listing].map((i) => papers[i]!) };
}

export async function benchPersonal(runs: number): Promise<string> {
  const setup = personalSetup();
  if (!setup) return 'personal: skipped (../shared/data/arxiv-before-2026.jsonl.gz is absent)';
  const { library, feed } = setup;
  const index = new CatalogueIndex(readCatalogue(new Uint8Array(readFileSync(setup.psc))));

  const time = <T>(f: () => T): [number, T] => {
    const start = performance.now();
    const value = f();
    return [performance.now() - start, value];
  };
  const timeAsync = async (f: () => Promise<unknown>) => {
    const start = performance.now();
    await f();
    return performance.now() - start;
  };
  const [firstLearn] = time(() => learnInterests(index, library));
  const before = termCountsVectoriser(index);
  const learn: number[] = [];
  const score: number[] = [];
  const vectorize: number[] = [];
  const vectorizeBefore: number[] = [];
  const scoreVectorised: number[] = [];
  const workerFirst: number[] = [];
  const workerAgain: number[] = [];
  const workerLearn: number[] = [];
  for (let r = 0; r < Math.max(runs, 3); r++) {
    const [ms, result] = time(() => learnInterests(index, library));
    learn.push(ms);
    if (!result.ok) throw new Error('the library should be enough');
    score.push(time(() => result.model.score(feed))[0]);
    const [vectorMs, vectors] = time(() => feed.map((p) => index.vectorFor(p)));
    vectorize.push(vectorMs);
    vectorizeBefore.push(time(() => feed.map((p) => before(p.title, p.abstract)))[0]);
    scoreVectorised.push(time(() => result.model.score(feed, vectors))[0]);

    // The worker's path: a fresh service (nothing kept), its model learned first (the retrain), then one listing twice.
    const service = new InterestService(libraryDb(library), { index: async () => index });
    workerLearn.push(await timeAsync(() => service.status()));
    const known = feed.map((p) => index.matchIndex(p));
    workerFirst.push(await timeAsync(() => service.relevanceOf(index, feed, known)));
    workerAgain.push(await timeAsync(() => service.relevanceOf(index, feed, known)));
  }
  const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}x`;
  return [
    `Personal ranking (Node, in-process): a catalogue of ${index.paperCount.toLocaleString('en')} papers (the data set but the latest ${ROWS}, built --no-abstracts); ` +
      `a ${LIBRARY}-paper library (cs.CV, two tags of 10 papers: three models in all); a listing of the latest ${ROWS} papers (not in the catalogue). Medians of ${learn.length} runs.`,
    machineLine(),
    table([
      {
        measure: 'learn the model (library + 2 tags), ms',
        paperscope: median(learn).toFixed(0),
        'first in the process, ms': firstLearn.toFixed(0),
        baseline: '',
        ratio: '',
        aim: '<= 300',
      },
      {
        measure: '  the worker\u2019s retrain (read the library, learn), ms',
        paperscope: median(workerLearn).toFixed(0),
        'first in the process, ms': '',
        baseline: '',
        ratio: '',
        aim: '<= 300',
      },
      { measure: `score a ${ROWS}-row listing, ms`, paperscope: median(score).toFixed(1), 'first in the process, ms': '', baseline: '', ratio: '', aim: '<= 30' },
      {
        measure: `  of which: vectorise the ${ROWS} rows alone, ms (baseline: termCounts, one map)`,
        paperscope: median(vectorize).toFixed(1),
        'first in the process, ms': '',
        baseline: median(vectorizeBefore).toFixed(1),
        ratio: ratio(vectorize, vectorizeBefore),
        aim: '',
      },
      {
        measure: `score the ${ROWS} rows already vectorised, ms`,
        paperscope: median(scoreVectorised).toFixed(1),
        'first in the process, ms': '',
        baseline: '',
        ratio: '',
        aim: '<= 30',
      },
      {
        measure: `the worker scores the ${ROWS} rows the first time (matched; vectorised), ms`,
        paperscope: median(workerFirst).toFixed(1),
        'first in the process, ms': '',
        baseline: '',
        ratio: '',
        aim: '',
      },
      {
        measure: `the worker scores them again (a rescan: vectors kept), ms`,
        paperscope: median(workerAgain).toFixed(1),
        'first in the process, ms': '',
        baseline: '',
        ratio: '',
        aim: '<= 30',
      },
    ]),
  ].join('\n');
}
