// Tagging is most of a large build's time: `build-catalogue` tags the papers it reads in worker threads, in batches,
// while it goes on reading. The answers are catalogueTopics' own, so the catalogue's bytes are the same either way.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { TaggedPaper, TaggedText } from '../core/catalogue/builder.ts';
import { scriptThread } from './scriptThread.ts';
import type { TagReply, TagRequest } from './tagWorker.ts';

/** Papers per message: large enough that posting costs little beside tagging, small enough to spread the work. */
export const TAG_BATCH = 256;
/** Batches waiting or being tagged, per thread, before the reader waits: the papers in them hold their abstracts. */
const BATCHES_IN_FLIGHT_PER_THREAD = 4;

/** The thread count a build uses by default: one per core. */
export const defaultTagThreads = () => Math.max(1, availableParallelism());

interface Pending {
  resolve: (papers: TaggedPaper[]) => void;
  reject: (error: Error) => void;
}

export class TagPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly idle: Array<() => void> = [];
  /** Batches out per thread: a batch goes to the thread with fewest. */
  private readonly load: number[] = [];
  private readonly batchThread = new Map<number, number>();
  private nextBatch = 0;
  private failure: Error | undefined;

  constructor(readonly threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = scriptThread(new URL('./tagWorker.ts', import.meta.url));
      worker.on('message', (reply: TagReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a tagging thread stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /** Whether the reader should wait (`room`): the threads have enough batches queued. */
  get full(): boolean {
    return this.pending.size >= this.threads * BATCHES_IN_FLIGHT_PER_THREAD;
  }

  /** Resolves once fewer than the threads' share of batches are out. */
  async room(): Promise<void> {
    while (this.full && !this.failure) {
      await new Promise<void>((resolve) => this.idle.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Tags a batch of papers in the thread with least to do; the answer holds each paper's topics and words, in order. */
  tag(papers: TaggedText[]): Promise<TaggedPaper[]> {
    if (this.failure) return Promise.reject(this.failure);
    const batch = this.nextBatch++;
    const thread = this.load.indexOf(Math.min(...this.load));
    this.load[thread]!++;
    this.batchThread.set(batch, thread);
    return new Promise((resolve, reject) => {
      this.pending.set(batch, { resolve, reject });
      this.workers[thread]!.postMessage({ batch, papers } satisfies TagRequest);
    });
  }

  /** Stops the threads; batches still out are refused. */
  async close(): Promise<void> {
    this.fail(new Error('the tagging threads were stopped'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle({ batch, papers, error }: TagReply): void {
    const waiting = this.pending.get(batch);
    if (!waiting) return;
    this.pending.delete(batch);
    this.load[this.batchThread.get(batch)!]!--;
    this.batchThread.delete(batch);
    if (papers) waiting.resolve(papers);
    else waiting.reject(new Error(`tagging failed: ${error}`));
    for (const wake of this.idle.splice(0)) wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    for (const wake of this.idle.splice(0)) wake();
  }
}
