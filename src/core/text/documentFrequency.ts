// Exact document frequencies of numeric keys (word ids, word-pair numbers) over many documents: each document's
// distinct keys go into one growing Float64Array, sorted once at the end and counted in runs. Far lighter than a map
// of strings when there are millions of keys.

/** One sorted run read back a block at a time: distinct ascending keys and their counts; undefined at its end. */
export type KeyRunReader = () => { keys: Float64Array; counts: Uint32Array } | undefined;

/**
 * Where sorted runs of (key, count) go when the keys outgrow their memory budget (the CLI keeps them in temporary
 * files); the core only sorts and merges, so it stays free of file I/O.
 */
export interface KeyRunStore {
  save(keys: Float64Array, counts: Uint32Array): void;
  /** Every run saved, each read from its start. */
  readers(): KeyRunReader[];
  /** Lets the runs go (deletes the files). */
  dispose(): void;
}

/** Keeps runs in memory, read back in blocks: the same merging path as files, for tests. */
export function memoryKeyRunStore(blockSize = 4): KeyRunStore {
  let runs: Array<{ keys: Float64Array; counts: Uint32Array }> = [];
  return {
    save: (keys, counts) => runs.push({ keys: keys.slice(), counts: counts.slice() }),
    readers: () =>
      runs.map((run) => {
        let at = 0;
        return () => {
          if (at >= run.keys.length) return undefined;
          const block = { keys: run.keys.subarray(at, at + blockSize), counts: run.counts.subarray(at, at + blockSize) };
          at += blockSize;
          return block;
        };
      }),
    dispose: () => (runs = []),
  };
}

/** Distinct keys of an ascending array with how many times each occurs. */
function countRuns(sorted: Float64Array): { keys: Float64Array; counts: Uint32Array } {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const keys = new Float64Array(distinct);
  const counts = new Uint32Array(distinct);
  let j = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) keys[++j] = sorted[i]!;
    counts[j]!++;
  }
  return { keys, counts };
}

export interface KeySpill {
  /** Keys held in memory before a sorted run is handed to the store (8 bytes each). */
  budgetKeys: number;
  store: KeyRunStore;
}

export class KeyDocumentFrequencies {
  private keys: Float64Array;
  private used = 0;
  private spilled = 0;

  /** Without `spill` every key stays in memory; with it memory holds at most `budgetKeys` keys, the rest in sorted runs. */
  constructor(private readonly spill?: KeySpill) {
    this.keys = new Float64Array(spill ? Math.min(1 << 20, Math.max(1, spill.budgetKeys)) : 1 << 20);
  }

  /** Adds one document's keys (repeats allowed); sorts `docKeys` in place (a Float64Array natively: no comparator calls). */
  addDocument(docKeys: number[] | Float64Array): void {
    if (docKeys instanceof Float64Array) docKeys.sort();
    else docKeys.sort((a, b) => a - b);
    for (let k = 0; k < docKeys.length; k++) {
      if (k > 0 && docKeys[k] === docKeys[k - 1]) continue;
      if (this.used === this.keys.length) this.makeRoom();
      this.keys[this.used++] = docKeys[k]!;
    }
  }

  /** Grows the buffer, or once it is at the budget hands a sorted, counted run to the store. */
  private makeRoom(): void {
    if (this.spill && this.keys.length >= this.spill.budgetKeys) {
      const run = countRuns(this.keys.subarray(0, this.used).sort());
      this.spill.store.save(run.keys, run.counts);
      this.spilled++;
      this.used = 0;
      return;
    }
    const grown = new Float64Array(this.spill ? Math.min(this.keys.length * 2, this.spill.budgetKeys) : this.keys.length * 2);
    grown.set(this.keys);
    this.keys = grown;
  }

  /** Calls `visit` for every key once, ascending, with the number of documents it is in; then lets the keys go. */
  forEachKey(visit: (key: number, df: number) => void): void {
    const last = countRuns(this.keys.subarray(0, this.used).sort());
    this.keys = new Float64Array(0);
    this.used = 0;
    if (!this.spilled) {
      last.keys.forEach((key, i) => visit(key, last.counts[i]!));
      return;
    }
    // Runs are merged by their smallest current key; the same key's counts add up across runs, so df is exact.
    const store = this.spill!.store;
    let lastRun: typeof last | undefined = last;
    const readLast: KeyRunReader = () => {
      const run = lastRun;
      lastRun = undefined;
      return run;
    };
    const readers: KeyRunReader[] = [...store.readers(), readLast];
    mergeRuns(readers, visit);
    store.dispose();
  }
}

/** A k-way merge of sorted runs (a binary heap of the runs by their current key), visiting each key once with its total. */
function mergeRuns(readers: KeyRunReader[], visit: (key: number, count: number) => void): void {
  const blocks = readers.map((read) => read());
  const at = readers.map(() => 0);
  const keyOf = (r: number) => blocks[r]!.keys[at[r]!]!;
  const heap: number[] = [];
  const less = (a: number, b: number) => keyOf(heap[a]!) < keyOf(heap[b]!);
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b]!, heap[a]!]);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  const up = (i: number) => {
    while (i > 0 && less(i, (i - 1) >> 1)) {
      swap(i, (i - 1) >> 1);
      i = (i - 1) >> 1;
    }
  };
  blocks.forEach((block, r) => {
    if (block?.keys.length) {
      heap.push(r);
      up(heap.length - 1);
    }
  });
  let current = Number.NaN;
  let total = 0;
  while (heap.length) {
    const r = heap[0]!;
    const key = keyOf(r);
    if (key !== current) {
      if (total) visit(current, total);
      current = key;
      total = 0;
    }
    total += blocks[r]!.counts[at[r]!]!;
    if (++at[r]! >= blocks[r]!.keys.length) {
      blocks[r] = readers[r]!();
      at[r] = 0;
    }
    if (blocks[r]?.keys.length) down(0);
    else {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
      if (heap.length) down(0);
    }
  }
  if (total) visit(current, total);
}

/** Where `key` is in an ascending array, or -1. */
export function sortedIndexOf(sorted: Float64Array, key: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
