// The CLI runs its TypeScript through tsx (bin/paperscope.js): a thread registers it before loading its module.
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.module); });
`;

/** A worker thread running the TypeScript module at `module` (a file URL); `data` reaches it as workerData.data. */
export function scriptThread(module: URL, data?: unknown): Worker {
  return new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: import.meta.resolve('tsx/esm/api'), module: module.href, data } });
}
