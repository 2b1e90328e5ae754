// A fast, deterministic 64-bit content hash (two FNV-1a lanes) for catalogue versions: not for security.

export function hashBytes(bytes: Uint8Array): string {
  return new ContentHash().update(bytes).digest();
}

/** The same hash fed in pieces: hashing parts in turn equals hashing them joined, without joining them. */
export class ContentHash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  private at = 0;

  update(bytes: Uint8Array): this {
    let { a, b, at } = this;
    for (let i = 0; i < bytes.length; i++, at++) {
      const x = bytes[i]!;
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x ^ (at & 0xff), 0x5bd1e995);
    }
    Object.assign(this, { a, b, at });
    return this;
  }

  digest(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return hex(this.a) + hex(this.b);
  }
}
