// Exact document frequencies of numeric keys (word ids, word-pair numbers) over many documents: each document's
// distinct keys go into one growing Float64Array, sorted once at the end and counted in runs. Far lighter than a map
// of strings when there are millions of keys.

export class KeyDocumentFrequencies {
  private keys = new Float64Array(1 << 20);
  private used = 0;

  /** Adds one document's keys (repeats allowed); sorts `docKeys` in place. */
  addDocument(docKeys: number[]): void {
    docKeys.sort((a, b) => a - b);
    for (let k = 0; k < docKeys.length; k++) {
      if (k > 0 && docKeys[k] === docKeys[k - 1]) continue;
      if (this.used === this.keys.length) {
        const grown = new Float64Array(this.keys.length * 2);
        grown.set(this.keys);
        this.keys = grown;
      }
      this.keys[this.used++] = docKeys[k]!;
    }
  }

  /** Calls `visit` for every key once, ascending, with the number of documents it is in; then lets the keys go. */
  forEachKey(visit: (key: number, df: number) => void): void {
    const sorted = this.keys.subarray(0, this.used).sort();
    for (let start = 0; start < sorted.length; ) {
      let end = start + 1;
      while (end < sorted.length && sorted[end] === sorted[start]) end++;
      visit(sorted[start]!, end - start);
      start = end;
    }
    this.keys = new Float64Array(0);
    this.used = 0;
  }
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
