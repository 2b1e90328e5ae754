// Bundled into a plain page by tests/e2e/domHelpers.test.ts: the adapter DOM helpers and their reference, on globalThis.
import { queryAll, queryFirst, textAsWritten, tidyText } from '../../src/adapters/dom.ts';
import { cleanText } from '../../src/core/identity/titles.ts';
import { referenceTextAsWritten, sampleRoots, SELECTORS, SKIPS } from '../unit/domReference.ts';

(globalThis as Record<string, unknown>).paperscopeDom = { queryAll, queryFirst, textAsWritten, tidyText, cleanText, referenceTextAsWritten, sampleRoots, SELECTORS, SKIPS };
