#!/usr/bin/env node
// Entry for `npx paperscope`: runs the TypeScript CLI through tsx, so the CLI and the extension share src/core.
import { register } from 'tsx/esm/api';

// A reader that stops early (`paperscope tag ... | head`) closes the pipe: stop quietly, not with a crash on the next write.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
