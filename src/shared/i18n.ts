// Every string a person reads comes from _locales/<lang>/messages.json through the browser's i18n API.
import browser from 'webextension-polyfill';
import type englishMessages from '../../_locales/en/messages.json';

/** A message name that exists in the English messages file (checked by the compiler). */
export type MessageName = keyof typeof englishMessages;

/**
 * The message in the browser's language, with `$1`…`$9` replaced by `substitutions`. Falls back to the name itself
 * so a missing message is visible rather than an empty label (tests/unit/i18n.test.ts keeps that from shipping).
 */
export function t(name: MessageName, substitutions?: string | number | Array<string | number>): string {
  const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return browser.i18n.getMessage(name, subs) || name;
}

/** Marks where the n-th part goes; private-use characters that no message contains. */
const PART = /\uE000(\d)\uE001/;

/**
 * The message with `parts` (elements such as <code> or <time>, or strings) in place of `$1`…`$9`, as a list of
 * children: the words around them stay the message's, in the translation's order.
 */
export function tWith<T>(name: MessageName, parts: readonly T[]): Array<string | T> {
  const text = t(
    name,
    parts.map((_, i) => `\uE000${i}\uE001`),
  );
  return text.split(PART).flatMap<string | T>((piece, i) => (i % 2 === 0 ? (piece ? [piece] : []) : [parts[Number(piece)]!]));
}

/** A count phrase with one message for exactly one and another for every other number ("1 paper", "12 papers"). */
export function tCount(n: number, one: MessageName, many: MessageName): string {
  return t(n === 1 ? one : many, n.toLocaleString());
}

/**
 * A message read once and filled many times (a badge per row): `tTemplate(name, 2)('a', 'b')` equals `t(name, ['a', 'b'])`
 * without asking the browser again.
 */
export function tTemplate(name: MessageName, count: number): (...substitutions: Array<string | number>) => string {
  const pieces = tWith(
    name,
    Array.from({ length: count }, (_, i) => i),
  );
  return (...substitutions) => pieces.map((piece) => (typeof piece === 'number' ? String(substitutions[piece] ?? '') : piece)).join('');
}

/** Gives an extension page its title and the language of its words (the HTML says English until this runs). */
export function localizePage(title: MessageName): void {
  document.title = t(title);
  document.documentElement.lang = t('commonLanguage');
}
