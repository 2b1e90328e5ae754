// The tagger Paperscope shipped before the learned taxonomy (hand-written topics and seed terms), taken from git at
// BASELINE_COMMIT into build/ and imported from there: the baseline of `npm run eval:topics`, and what
// scripts/map-legacy-topics.ts maps old topic ids from. Nothing of it ships.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TopicTag } from '../core/paper.ts';
import type { TopicDefinition } from '../core/topics/taxonomy.ts';
import type { TaggedPaper, TaggerUnderTest } from './topicEval.ts';

/** The last commit with the hand-written taxonomy and its seed-term tagger. */
export const BASELINE_COMMIT = '42ed7d3';

/** The baseline tagger, or undefined (with the reason logged) when git cannot give it (no history, no git). */
export async function baselineTagger(log: (line: string) => void = console.log): Promise<TaggerUnderTest | undefined> {
  const dir = resolve(process.cwd(), `build/baseline-${BASELINE_COMMIT}`);
  try {
    if (!existsSync(`${dir}/src/core/topics/tagger.ts`)) {
      mkdirSync(dir, { recursive: true });
      const archive = execFileSync('git', ['archive', BASELINE_COMMIT, 'src', 'assets/models'], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
      execFileSync('tar', ['-x', '-C', dir], { input: archive });
    }
  } catch (error) {
    log(`baseline: cannot extract commit ${BASELINE_COMMIT} from git (${error instanceof Error ? error.message.split('\n')[0] : error})`);
    return undefined;
  }
  const tagger = (await import(pathToFileURL(`${dir}/src/core/topics/tagger.ts`).href)) as { tagPaper(input: TaggedPaper): TopicTag[] };
  const taxonomy = (await import(pathToFileURL(`${dir}/src/core/topics/taxonomy.ts`).href)) as { TOPICS: readonly TopicDefinition[] };
  return { name: `hand-written (${BASELINE_COMMIT})`, tag: (p) => tagger.tagPaper({ title: p.title, abstract: p.abstract }), topics: taxonomy.TOPICS };
}
