#!/usr/bin/env node
// Entry for `npx paperscope`: runs the TypeScript CLI through tsx, so the CLI and the extension share src/core.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
