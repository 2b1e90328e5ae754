// One catalogue-search approach over one packed catalogue, in its own process: build time, memory after a collection,
// query latency and recall on typo'd title queries and author queries. Run by tests/bench/search.ts with --expose-gc.
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { allowedTypos, CatalogueSearch, searchWords } from '../../src/core/search/catalogueSearch.ts';
import { RelatedIndex, type SparseVector } from '../../src/core/related/relatedIndex.ts';
import { contentWords } from '../../src/core/text/terms.ts';

const [approach, path] = process.argv.slice(2) as ['minisearch' | 'packed-postings' | 'vocabulary', string];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const data = readCatalogue(new Uint8Array(readFileSync(path)));
const titles = data.lines('titles');
const authors = data.lines('authors');
data.lines('keys');

/** A deterministic generator, so every approach gets the same queries. */
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/** One typo: a letter swapped with its neighbour, dropped or replaced (what people do). */
function typo(word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1);
}

const queries: Array<{ text: string; want: number; kind: 'title' | 'author' }> = [];
while (queries.length < 300) {
  const i = Math.floor(random() * data.paperCount);
  if (queries.length % 3 === 2) {
    const first = authors[i]!.split('; ')[0];
    const surname = first ? searchWords(first).at(-1) : undefined;
    const word = contentWords(titles[i]!).filter((w) => w.length >= 5)[0];
    if (surname && surname.length >= 4 && word) queries.push({ text: `${surname} ${word}`, want: i, kind: 'author' });
    continue;
  }
  const words = [...new Set(contentWords(titles[i]!).filter((w) => w.length >= 5 && !/\d/.test(w)))];
  if (words.length < 3) continue;
  const picked = words.slice(0, 3);
  picked[1] = typo(picked[1]!);
  queries.push({ text: picked.join(' '), want: i, kind: 'title' });
}

const before = memory();
let search: (q: string) => number[];
const start = performance.now();
const cpuStart = process.cpuUsage();
if (approach === 'minisearch') {
  const index = new MiniSearch<{ id: number; title: string; authors: string }>({
    fields: ['title', 'authors'],
    storeFields: [],
    searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'AND', boost: { title: 2 } },
  });
  for (let i = 0; i < data.paperCount; i++) index.add({ id: i, title: titles[i]!, authors: authors[i]! });
  search = (q) =>
    index
      .search(q)
      .slice(0, 20)
      .map((r) => r.id as number);
} else if (approach === 'packed-postings') {
  const index = CatalogueSearch.build(data);
  search = (q) => index.search(q, {}, 20).hits.map((h) => h.index);
} else {
  // The related-papers index and its vocabulary: each query word becomes the vocabulary words within its typos.
  const related = new RelatedIndex(data);
  const terms = data.lines('terms');
  const unigrams = terms.map((t, id) => [t, id] as const).filter(([t]) => !t.includes(' '));
  related.nearestScores({ ids: new Uint32Array([0]), weights: new Float32Array([1]) }, 1); // builds the inverted index
  const within = (a: string, b: string, max: number) => {
    if (Math.abs(a.length - b.length) > max) return false;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let low = i;
      for (let j = 1; j <= b.length; j++) {
        row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        low = Math.min(low, row[j]!);
      }
      if (low > max) return false;
      prev = row;
    }
    return prev[b.length]! <= max;
  };
  search = (q) => {
    const weights = new Map<number, number>();
    for (const word of searchWords(q)) {
      for (const [t, id] of unigrams) if (within(word, t, allowedTypos(word))) weights.set(id, Math.max(weights.get(id) ?? 0, data.idf[id]!));
    }
    const entries = [...weights].sort((a, b) => a[0] - b[0]);
    const norm = Math.hypot(...entries.map(([, w]) => w)) || 1;
    const vector: SparseVector = { ids: Uint32Array.from(entries, ([id]) => id), weights: Float32Array.from(entries, ([, w]) => w / norm) };
    return related.nearestScores(vector, 20).map((m) => m.index);
  };
}
const buildMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const buildCpuMs = (cpu.user + cpu.system) / 1000;
const after = memory();

const times: number[] = [];
const found = { title: [0, 0], author: [0, 0] };
for (const q of queries) {
  const t0 = performance.now();
  const hits = search(q.text);
  times.push(performance.now() - t0);
  found[q.kind][1]!++;
  if (hits.includes(q.want)) found[q.kind][0]!++;
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(
  JSON.stringify({
    approach,
    papers: data.paperCount,
    buildMs: Math.round(buildMs),
    buildCpuMs: Math.round(buildCpuMs),
    memoryMb: Math.round(((after - before) / 1e6) * 10) / 10,
    queryP50Ms: Math.round(pct(0.5) * 10) / 10,
    queryP95Ms: Math.round(pct(0.95) * 10) / 10,
    titleRecallAt20: Math.round((found.title[0]! / found.title[1]!) * 1000) / 1000,
    authorRecallAt20: Math.round((found.author[0]! / found.author[1]!) * 1000) / 1000,
  }),
);
