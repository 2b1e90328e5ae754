// `npm run bench`: every benchmark, each printed beside its baseline from the same run, with the machine.
import { existsSync } from 'node:fs';
import { benchBuild, DATA } from './build.ts';
import { benchInstall } from './install.ts';
import { machineLine } from './machine.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

console.log(machineLine());
console.log(`date: ${new Date().toISOString()}; runs per figure: ${runs} (set BENCH_RUNS to change)\n`);
if (!existsSync(DATA)) {
  console.log('notice: ../shared/data is absent; the catalogue benchmarks need it and are skipped');
} else {
  if (want('build')) console.log(`${benchBuild(runs)}\n`);
  // Long (minutes per size): only when asked for by name; BENCH_SNAPSHOT_SIZES picks sizes (100k,1m by default).
  if (only.includes('snapshot')) console.log(`${(await import('./snapshot.ts')).benchSnapshot(runs)}\n`);
  if (want('install')) console.log(`${await benchInstall(runs)}\n`);
  if (want('search')) console.log(`${await (await import('./search.ts')).benchSearch(runs)}\n`);
  if (want('related')) console.log(`${await (await import('./related.ts')).benchRelated(runs)}\n`);
  // Large built catalogues (BENCH_SCALE_CATALOGUES): only when asked for by name.
  if (only.includes('scale')) console.log(`${await (await import('./scale.ts')).benchScale(runs)}\n`);
  // A monthly update on top of large built catalogues (BENCH_UPDATE_CATALOGUES, BENCH_UPDATE_FILE): only when asked for.
  if (only.includes('update')) console.log(`${await (await import('./update.ts')).benchUpdate(runs)}\n`);
  if (want('topics')) console.log(`${await (await import('./topics.ts')).benchTopics(runs)}\n`);
  if (want('personal')) console.log(`${await (await import('./personal.ts')).benchPersonal(runs)}\n`);
  if (want('foryou')) console.log(`${await (await import('./forYouWorker.ts')).benchForYouWorker(runs)}\n`);
}
if (want('feed')) {
  const feed = await import('./feed.ts').catch(() => undefined);
  if (feed) console.log(`${await feed.benchFeed(runs)}\n`);
}
if (want('size')) console.log(`${await (await import('./contentSize.ts')).benchContentSize()}\n`);
if (want('seen')) console.log(`${await (await import('./seen.ts')).benchSeen(runs)}\n`);
if (want('links')) console.log(`${await (await import('./links.ts')).benchLinks(runs)}\n`);
if (want('floor')) console.log(`${await (await import('./feedFloor.ts')).benchFeedFloor(runs)}\n`);
