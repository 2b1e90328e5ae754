// Author names as the ranker compares them: "José  A. García-López" and "Jose A. Garcia Lopez" are one author.

/** A name's key: accents stripped, lowercase, punctuation and runs of spaces made one space. */
export function authorKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
