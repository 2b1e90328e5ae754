// Characters that show nothing yet change what is shown: bidi overrides, embeddings and isolates (a title that reads
// backwards, or reorders the text around it) and zero-width characters (hidden text). Page-derived text loses them.

/**
 * Always removed: LRM, RLM, ALM; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; zero-width space, word joiner, invisible
 * operators, the byte order mark; the Mongolian vowel separator (invisible in most fonts).
 */
const ALWAYS = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u180E]/g;

/**
 * Zero-width (non-)joiners stay where scripts need them, between two letters (Persian, Hindi) or within an emoji
 * sequence (a variation selector is a mark); anywhere else they only hide something.
 */
const STRAY_JOINER = /(?<![\p{L}\p{M}\p{Extended_Pictographic}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}\p{Extended_Pictographic}])/gu;

const ANY_CONTROL = /[\u200B-\u200F\u061C\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u180E]/;

/** `text` without invisible formatting characters (right-to-left scripts themselves are kept as they are). */
export function withoutInvisibleControls(text: string): string {
  // Most text has none: one test, no copy.
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ALWAYS, '').replace(STRAY_JOINER, '');
}
