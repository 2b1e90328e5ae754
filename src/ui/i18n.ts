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
