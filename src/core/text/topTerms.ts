// The vocabulary's terms chosen from millions of candidates without holding them all: a heap of the best so far, the
// worst at its root, and a candidate's text made only when it could enter.

/** A kept candidate: its text, document frequency and the caller's reference to it. */
export type TopTerm = [term: string, df: number, ref: number];

/** The `limit` most frequent terms offered (ties: first by code point), the same as sorting them all and slicing. */
export class TopTerms {
  private readonly heap: TopTerm[] = [];

  constructor(private readonly limit: number) {}

  /** Offers a term; `term()` gives its text, asked only when the term ranks above the worst kept. */
  offer(df: number, ref: number, term: () => string): void {
    const { heap } = this;
    if (this.limit <= 0) return;
    if (heap.length < this.limit) {
      heap.push([term(), df, ref]);
      this.up(heap.length - 1);
      return;
    }
    const worst = heap[0]!;
    if (df < worst[1]) return;
    const text = term();
    if (df === worst[1] && text > worst[0]) return;
    heap[0] = [text, df, ref];
    this.down(0);
  }

  /** The terms kept, by their text. */
  byTerm(): TopTerm[] {
    return [...this.heap].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  /** Whether a ranks below b: less frequent, or as frequent and later by code point. */
  private static worse(a: TopTerm, b: TopTerm): boolean {
    return a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]);
  }

  private up(i: number): void {
    const { heap } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!TopTerms.worse(heap[i]!, heap[parent]!)) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { heap } = this;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && TopTerms.worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && TopTerms.worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }
}
