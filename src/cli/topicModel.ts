// The shipped topic model for Node (the CLI, scripts, tests): read from assets/ on the first paper tagged.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { provideTopicModel } from '../core/topics/tagger.ts';

export const SHIPPED_TOPIC_MODEL = fileURLToPath(new URL('../../assets/models/topics.bin', import.meta.url));

let provided = false;

/** Tag with assets/models/topics.bin from now on (once per process: the model is decoded once). */
export function useShippedTopicModel(): void {
  if (provided) return;
  provided = true;
  provideTopicModel(() => new Uint8Array(readFileSync(SHIPPED_TOPIC_MODEL)));
}
