// Backups on their way out (to the options page, in parts) and on their way in (a restore, in parts), held by the
// worker under an id until the last part. Nothing here touches the database: a restore is applied only once whole.
import { partEnds, PartsError, TextAssembly } from '../core/textParts.ts';

/** An id not used within this time is forgotten (its parts freed): the page that asked for it has gone. */
export const TRANSFER_EXPIRY_MS = 5 * 60_000;
/** Transfers held at once, each way; a new one beyond this drops the oldest (two options tabs at most, in practice). */
const MAX_OPEN = 2;

interface Outgoing {
  text: string;
  ends: number[];
  touchedAt: number;
}

interface Incoming {
  assembly: TextAssembly;
  touchedAt: number;
}

const unknownId = (what: 'backup' | 'upload') =>
  new PartsError(`This ${what} is unknown or has expired (was Paperscope restarted?). Nothing was changed; try again.`, {
    name: what === 'backup' ? 'optionsBackupUnknownId' : 'optionsRestoreUnknownId',
  });

export class BackupTransfers {
  private readonly outgoing = new Map<string, Outgoing>();
  private readonly incoming = new Map<string, Incoming>();

  constructor(
    private readonly maxPartChars: number,
    private readonly maxTotalChars: number,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Holds a backup's text for the page to fetch in parts; answers its id and how many parts it has. */
  offer(text: string): { id: string; parts: number; chars: number } {
    this.forgetExpired();
    const id = this.newId();
    const ends = partEnds(text, this.maxPartChars);
    this.outgoing.set(id, { text, ends, touchedAt: this.now() });
    dropOldest(this.outgoing);
    return { id, parts: ends.length, chars: text.length };
  }

  /** One part of an offered backup; the last part frees it. */
  part(id: string, index: number): string {
    this.forgetExpired();
    const offer = this.outgoing.get(id);
    if (!offer) throw unknownId('backup');
    if (index >= offer.ends.length) throw new PartsError(`The backup has ${offer.ends.length} parts, not ${index + 1}.`, { name: 'optionsBackupNoSuchPart' });
    offer.touchedAt = this.now();
    if (index === offer.ends.length - 1) this.outgoing.delete(id);
    return offer.text.slice(index === 0 ? 0 : offer.ends[index - 1], offer.ends[index]);
  }

  /** Opens an upload of `chars` characters in `parts` parts, refused over the restore limit (the figures are told). */
  beginUpload(chars: number, parts: number): string {
    this.forgetExpired();
    if (chars > this.maxTotalChars) {
      const size = (chars / 1e6).toFixed(1);
      const limit = String(Math.floor(this.maxTotalChars / 1e6));
      throw new PartsError(`The backup is too large (${size} MB; at most ${limit} MB). Nothing was restored.`, { name: 'optionsBackupTooLarge', substitutions: [size, limit] });
    }
    // Enough parts to carry it, and not more parts than characters (an upload of empty parts would only hold the worker).
    if (parts < Math.ceil(chars / this.maxPartChars) || parts > Math.max(1, chars)) {
      throw new PartsError(`A backup of ${chars} characters cannot come in ${parts} parts. Nothing was restored.`, {
        name: 'optionsBackupIncomplete',
        substitutions: [`${parts} parts for ${chars} characters`],
      });
    }
    const id = this.newId();
    this.incoming.set(id, { assembly: new TextAssembly(chars, parts, this.maxPartChars), touchedAt: this.now() });
    dropOldest(this.incoming);
    return id;
  }

  /** One part of an upload; a part refused ends the upload (nothing of it is kept). */
  addPart(id: string, index: number, text: string): void {
    this.forgetExpired();
    const upload = this.incoming.get(id);
    if (!upload) throw unknownId('upload');
    try {
      upload.assembly.add(index, text);
      upload.touchedAt = this.now();
    } catch (error) {
      this.incoming.delete(id);
      throw error;
    }
  }

  /** The whole uploaded text, once every part has come; the upload is closed either way. */
  finishUpload(id: string): string {
    this.forgetExpired();
    const upload = this.incoming.get(id);
    if (!upload) throw unknownId('upload');
    this.incoming.delete(id);
    return upload.assembly.text();
  }

  private forgetExpired(): void {
    const oldest = this.now() - TRANSFER_EXPIRY_MS;
    for (const map of [this.outgoing, this.incoming] as Array<Map<string, { touchedAt: number }>>) {
      for (const [id, held] of map) if (held.touchedAt < oldest) map.delete(id);
    }
  }
}

/** Maps keep insertion order: the first entries are the oldest. */
function dropOldest(map: Map<string, unknown>): void {
  for (const id of map.keys()) {
    if (map.size <= MAX_OPEN) return;
    map.delete(id);
  }
}
