// browser.i18n for unit tests: getMessage read from _locales/en/messages.json with the browser's substitution rules.
import { readFileSync } from 'node:fs';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const messages = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Record<string, Message>;

/**
 * Like chrome.i18n.getMessage: '' for an unknown name; `$NAME$` becomes its placeholder's content (names compared
 * without case), `$1`…`$9` in that content the substitutions, `$$` a dollar sign.
 */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = messages[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]));
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_]+)\$/g, (whole, placeholder: string | undefined) => {
    if (placeholder === undefined) return '$';
    const content = placeholders.get(placeholder.toLowerCase());
    return content === undefined ? whole : content.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  });
}

export const i18nStub = { getMessage, getUILanguage: () => 'en' };
