// A progress line for long CLI runs (build-catalogue on 100k papers runs for minutes): on a terminal one line redrawn in
// place, otherwise a line every few seconds. The clock and the output are given, so the logic is tested without either.

export interface ProgressOutput {
  /** A terminal: the line is redrawn in place (carriage return, clear to end of line); else whole lines are written. */
  tty: boolean;
  /** Writes text as it is: on a terminal with no newline added, otherwise one call per line. */
  write: (text: string) => void;
  /** Milliseconds, any origin. */
  now?: () => number;
  /** Least time between two writes: a terminal redraw is cheap, a log line is not (defaults 200 ms and 5 s). */
  everyMs?: number;
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A duration in words, as coarse as a time-left guess deserves: "40 s", "3 min 20 s", "1 h 5 min". */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/**
 * One stage's line: "tagging: 30,000 of 100,000 papers (5,100 a second)", or while reading a file of known size
 * "reading: 12,345 papers (6,173 a second), 40% of the input, about 3 s left" (the share of bytes read so far).
 */
export function progressText(stage: string, done: number, total: number | undefined, seconds: number, fraction?: number): string {
  const count = total === undefined ? number.format(done) : `${number.format(done)} of ${number.format(total)}`;
  const rate = seconds > 0 && done > 0 ? ` (${number.format(done / seconds)} a second)` : '';
  // The time left assumes the rest of the input reads at the pace so far; too early to guess before a second has passed.
  const left = fraction !== undefined && fraction > 0 && seconds >= 1 ? `, about ${durationText((seconds * (1 - fraction)) / fraction)} left` : '';
  const share = fraction === undefined ? '' : `, ${Math.floor(fraction * 100)}% of the input${left}`;
  return `${stage}: ${count} ${total === undefined && done === 1 ? 'paper' : 'papers'}${rate}${share}`;
}

export class ProgressLine {
  private readonly now: () => number;
  private readonly everyMs: number;
  private stage: string | undefined;
  private stageStarted = 0;
  private lastWrite = Number.NEGATIVE_INFINITY;
  /** The latest text not yet written (a terminal redraw or a log line held back by the interval). */
  private pending: string | undefined;
  private shown = false;

  constructor(private readonly output: ProgressOutput) {
    this.now = output.now ?? (() => performance.now());
    this.everyMs = output.everyMs ?? (output.tty ? 200 : 5000);
  }

  /**
   * Where a stage is: `done` papers (of `total` when known; `fraction` of the input read, when known, for a time left).
   * A new stage is shown at once, then at most every everyMs.
   */
  update(stage: string, done: number, total?: number, fraction?: number): void {
    const now = this.now();
    const newStage = stage !== this.stage;
    if (newStage) {
      // The stage before keeps its last figures: written out, and on a terminal left on a line of its own.
      this.finish();
      this.stage = stage;
      this.stageStarted = now;
    }
    this.pending = progressText(stage, done, total, (now - this.stageStarted) / 1000, fraction);
    if (newStage || now - this.lastWrite >= this.everyMs) this.flush(now);
  }

  /** The last figures written out, and a terminal's line ended, so what follows starts on a line of its own. */
  finish(): void {
    if (this.pending !== undefined) this.flush(this.now());
    if (this.output.tty && this.shown) this.output.write('\n');
    this.shown = false;
  }

  private flush(now: number): void {
    if (this.pending === undefined) return;
    this.output.write(this.output.tty ? `\r${this.pending}\x1b[K` : this.pending);
    this.pending = undefined;
    this.lastWrite = now;
    this.shown = true;
  }
}
