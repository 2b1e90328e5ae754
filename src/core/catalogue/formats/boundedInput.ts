// Reading input with bounds: bytes past a limit stop the read (a gzip bomb), and a line past a limit is skipped unread.

/** The input holds more than `limit` bytes (decompressed, when it was compressed). */
export class InputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the input holds more than ${limit} bytes`);
  }
}

/**
 * The chunks of `chunks`, throwing InputTooLarge as soon as more than `limit` bytes have come: nothing past the limit is
 * ever held. The source is left for the caller to cancel.
 */
export async function* boundedBytes(chunks: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > limit) throw new InputTooLarge(limit);
    yield chunk;
  }
}

/** All of `chunks` as one array, at most `limit` bytes (InputTooLarge past it). */
export async function boundedBytesOf(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of boundedBytes(chunks, limit)) {
    parts.push(chunk);
    length += chunk.byteLength;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** UTF-8 text of byte chunks, decoded as they come (a character split between chunks is kept whole). */
export async function* decodedText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** One line read (`text` without its line break; 1-based `number`), or a line over the limit, skipped without being held. */
export type BoundedLine = { number: number; text: string } | { number: number; tooLong: true; chars: number };

/**
 * The lines of a text given in chunks (split at \n, a trailing \r dropped). A line longer than `maxChars` is not kept:
 * the rest of it is counted and dropped as it comes, so memory stays at `maxChars` whatever the input.
 */
export async function* boundedLines(chunks: AsyncIterable<string>, maxChars: number): AsyncGenerator<BoundedLine> {
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  let number = 1;
  const finish = (): BoundedLine => {
    const line: BoundedLine = tooLong ? { number, tooLong: true, chars: length } : { number, text: parts.join('').replace(/\r$/, '') };
    parts = [];
    length = 0;
    tooLong = false;
    number++;
    return line;
  };
  const add = (piece: string) => {
    length += piece.length;
    if (tooLong) return;
    if (length > maxChars) {
      tooLong = true;
      parts = [];
    } else if (piece) {
      parts.push(piece);
    }
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', from)) {
      add(chunk.slice(from, newline));
      yield finish();
      from = newline + 1;
    }
    add(chunk.slice(from));
  }
  if (length > 0 || tooLong) yield finish();
}

/** The chunks of a web stream, for `for await` (the stream is cancelled when the loop stops early). */
export async function* chunksOf<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
