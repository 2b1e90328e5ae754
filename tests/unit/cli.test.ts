// The command line refuses what it does not understand, with the usage, before reading or writing anything.
import { describe, expect, it } from 'vitest';
import { runCli as run } from './runCli.ts';

describe('paperscope command line', () => {
  it('refuses an option a command does not know, naming it, with the usage and exit code 2', async () => {
    const built = await run(['build-catalogue', '--in', 'missing.jsonl', '--out', 'nowhere', '--categories', 'cs.LG']);
    expect(built.code).toBe(2);
    expect(built.err).toContain('unknown option "--categories" for build-catalogue');
    expect(built.err).toContain('usage: paperscope');
    const evaluated = await run(['eval', '--catalogue', 'a', '--queries', 'b', '--limt', '5']);
    expect(evaluated.code).toBe(2);
    expect(evaluated.err).toContain('unknown option "--limt" for eval');
  });

  it('still says what is missing, and what a bad value is', async () => {
    expect((await run(['build-catalogue', '--out', 'x'])).err).toContain('missing --in <value>');
    expect((await run(['build-catalogue', '--in', 'a', '--out', 'x', '--format', 'pdf'])).err).toContain('unknown format "pdf"');
  });
});
