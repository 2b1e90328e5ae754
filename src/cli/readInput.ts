// Streams the lines of an input file (gzipped or not), detecting its format from its first bytes.
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { detectFormat } from '../core/catalogue/formats/detect.ts';
import type { FormatId } from '../core/catalogue/formats/types.ts';

const HEAD_BYTES = 64 * 1024;

export class InputError extends Error {}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The file's text, and how many of its bytes (compressed ones for gzip) were read so far: what a time-left estimate needs. */
function textStream(path: string, gzip: boolean): { text: NodeJS.ReadableStream; bytesRead: () => number } {
  const raw = createReadStream(path);
  return { text: gzip ? raw.pipe(createGunzip()) : raw, bytesRead: () => raw.bytesRead };
}

/** Reads the head (decompressed) for format detection. */
async function headText(path: string, gzip: boolean): Promise<string> {
  if (!gzip) return (await firstBytes(path, HEAD_BYTES)).toString('utf8');
  let text = '';
  const stream = textStream(path, true).text;
  for await (const chunk of stream) {
    text += chunk.toString();
    if (text.length >= HEAD_BYTES) break;
  }
  (stream as unknown as { destroy?: () => void }).destroy?.();
  return text.slice(0, HEAD_BYTES);
}

export interface OpenedInput {
  format: FormatId;
  lines: AsyncIterable<string>;
  /** The file's size in bytes (compressed when gzipped). */
  size: number;
  /** Bytes of the file read so far (read ahead of the lines by a buffer or two). */
  bytesRead: () => number;
}

/** Why a file cannot be read, in words (a directory, no permission, ...). */
function unreadable(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
  return new InputError(`cannot read ${path}: ${why}`);
}

export async function openInput(path: string, forced?: FormatId): Promise<OpenedInput> {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw unreadable(path, error);
  }
  if (size === 0) throw new InputError(`cannot read ${path}: the file is empty`);
  let gzip: boolean;
  let head: string;
  try {
    gzip = isGzip(await firstBytes(path, 2));
    head = await headText(path, gzip);
  } catch (error) {
    throw unreadable(path, error);
  }
  if (!head.trim()) throw new InputError(`cannot read ${path}: the file is empty`);
  const format = forced ?? detectFormat(head);
  if (!format) {
    throw new InputError(
      `cannot read ${path}: its content is not a format Paperscope reads (JSON lines, arXiv snapshot, BibTeX, CSL-JSON or a copied feed page); use --format to force one`,
    );
  }
  const stream = textStream(path, gzip);
  const lines = createInterface({ input: stream.text, crlfDelay: Infinity });
  return { format, lines: namingFailures(path, lines), size, bytesRead: stream.bytesRead };
}

/** The lines, with a failure mid-file (a cut-short gzip, a disk error) named with the file and the line it stopped at. */
async function* namingFailures(path: string, lines: AsyncIterable<string>): AsyncGenerator<string> {
  let count = 0;
  try {
    for await (const line of lines) {
      count++;
      yield line;
    }
  } catch (error) {
    throw new InputError(`cannot read ${path} past line ${count}: ${(error as Error).message}`);
  }
}
