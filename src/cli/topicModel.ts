// The shipped topic model for Node (the CLI, scripts, tests): read from assets/ on the first paper tagged.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { provideTopicModel } from '../core/topics/tagger.ts';

/** assets/models/topics.bin beside this module (worked out when asked: happy-dom test files have no file: URL). */
export function shippedTopicModelFile(): string {
  return fileURLToPath(new URL('../../assets/models/topics.bin', import.meta.url));
}

let provided = false;

/** Tag with assets/models/topics.bin from now on (once per process: the model is decoded once). */
export function useShippedTopicModel(): void {
  if (provided) return;
  provided = true;
  provideTopicModel(() => new Uint8Array(readFileSync(shippedTopicModelFile())));
}
