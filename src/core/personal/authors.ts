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
