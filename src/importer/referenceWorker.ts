// The library's reference-file worker: reads a BibTeX or CSL-JSON file off the options page's main thread, so the page
// stays responsive and Cancel can terminate it.
import { readReferenceFile, ReferenceFileError } from '../core/citations/referenceImport.ts';
import type { ReferenceReply, ReferenceRequest } from './protocol.ts';

/** CSL-JSON is a JSON array (or one object); anything else is read as BibTeX, whose parser says what is wrong with it. */
function referenceFormat(text: string): 'bibtex' | 'csl-json' {
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? 'csl-json' : 'bibtex';
}

addEventListener('message', async (event: MessageEvent<ReferenceRequest>) => {
  const { file } = event.data;
  let reply: ReferenceReply;
  try {
    const text = await file.text();
    reply = { ok: true, file: readReferenceFile(referenceFormat(text), text, file.name) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply = { ok: false, error: message, refused: error instanceof ReferenceFileError };
  }
  postMessage(reply);
});
