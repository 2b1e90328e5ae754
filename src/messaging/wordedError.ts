// Errors that name their message in _locales: the background words them in the user's language before they cross.
import type { MessageName } from '../shared/i18n.ts';

/** A message's name and its substitutions. */
export interface ErrorWords {
  name: MessageName;
  substitutions?: string[];
}

/**
 * An error made where the browser's i18n is out of reach (the database layer, shared with Node tests): `message` stays
 * plain English for logs and tests, `words` is what the user reads.
 */
export class WordedError extends Error {
  constructor(
    message: string,
    readonly words: ErrorWords,
  ) {
    super(message);
  }
}

/** The words an error carries, if any (WordedError, or an error class of its own with a `words` field). */
export function wordsOf(error: unknown): ErrorWords | undefined {
  const words = (error as { words?: Partial<ErrorWords> } | null)?.words;
  return typeof words?.name === 'string' ? (words as ErrorWords) : undefined;
}
