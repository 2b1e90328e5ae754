// Author names as the ranker compares them: "José  A. García-López" and "Jose A. Garcia Lopez" are one author.

const ASCII = /^[\x00-\x7f]*$/;

/** A name's key: accents stripped, lowercase, punctuation and runs of spaces made one space. */
export function authorKey(name: string): string {
  // Plain ASCII has nothing to decompose (a listing's thousands of names mostly are).
  if (ASCII.test(name))
    return name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Keys remembered by authorKeyOf: more than a few listings' names. */
const REMEMBERED_MAX = 20_000;
const remembered = new Map<string, string>();

/**
 * authorKey, remembered by name: a listing's names come back on every rescan, and again for each model learned (a
 * retrain's rescan), while keying one is a few regex passes.
 */
export function authorKeyOf(name: string): string {
  let key = remembered.get(name);
  if (key === undefined) {
    if (remembered.size >= REMEMBERED_MAX) remembered.clear();
    key = authorKey(name);
    remembered.set(name, key);
  }
  return key;
}
