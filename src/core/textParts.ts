// A long text (a backup) cut into bounded parts and put back together, so that every message stays far under the
// browser's message limit (Chrome: 64 MiB) whatever the size of the whole.

/** A transfer that cannot go on, in plain English; `words` names the user's message in _locales (the worker words it). */
export class PartsError extends Error {
  constructor(
    message: string,
    readonly words: { name: `options${string}`; substitutions?: string[] },
  ) {
    super(message);
  }
}

/** Where each part of `text` ends: at most `maxChars` each, never between the two halves of a surrogate pair. */
export function partEnds(text: string, maxChars: number): number[] {
  if (!(maxChars >= 2)) throw new RangeError('a part holds at least two characters');
  const ends: number[] = [];
  let start = 0;
  while (start < text.length || ends.length === 0) {
    let end = Math.min(start + maxChars, text.length);
    // A high surrogate at the cut would leave half a character on each side.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    ends.push(end);
    start = end;
  }
  return ends;
}

/** `text` in parts of at most `maxChars` characters (one empty part for an empty text). */
export function textParts(text: string, maxChars: number): string[] {
  let start = 0;
  return partEnds(text, maxChars).map((end) => {
    const part = text.slice(start, end);
    start = end;
    return part;
  });
}

const interrupted = (detail: string) =>
  new PartsError(`The backup did not arrive whole (${detail}). Nothing was restored.`, { name: 'optionsBackupIncomplete', substitutions: [detail] });

/**
 * A text arriving in parts, in order, each bounded: it is whole only when every announced part has come and the
 * lengths add up. A part out of order, too long or past the announced size is refused.
 */
export class TextAssembly {
  private readonly parts: string[] = [];
  private received = 0;

  constructor(
    readonly totalChars: number,
    readonly partCount: number,
    readonly maxPartChars: number,
  ) {}

  add(index: number, text: string): void {
    const expected = this.parts.length;
    if (index >= this.partCount) throw interrupted(`part ${index + 1} of ${this.partCount} does not exist`);
    if (index !== expected) throw interrupted(index < expected ? `part ${index + 1} came twice` : `part ${expected + 1} of ${this.partCount} is missing`);
    if (text.length > this.maxPartChars) throw interrupted(`part ${index + 1} holds ${text.length} characters, more than ${this.maxPartChars}`);
    if (this.received + text.length > this.totalChars) throw interrupted(`it is longer than the ${this.totalChars} characters announced`);
    this.parts.push(text);
    this.received += text.length;
  }

  /** The whole text, or an error saying what is missing. */
  text(): string {
    if (this.parts.length < this.partCount) throw interrupted(`part ${this.parts.length + 1} of ${this.partCount} is missing`);
    if (this.received !== this.totalChars) throw interrupted(`${this.received} of ${this.totalChars} characters arrived`);
    return this.parts.join('');
  }
}
