// The size of what every site's content script carries besides its adapter, built as the extension builds a site's
// script (vite library build, one classic file, minified, the same dependency edits) from an entry whose adapter
// claims nothing. Used by the size test and by `npm run bench -- size`.
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { CONTENT_POLYFILL_ALIAS, CONTENT_TREESHAKE, shippedDependencyEdits } from '../vite.config.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ENTRY = resolve(ROOT, 'src/content/sites/__no-adapter.iife.ts');

/** An adapter with no site: the script is then exactly what every site shares. */
const ENTRY_SOURCE = [
  `import { startContentScript } from '../start.ts';`,
  `startContentScript({ id: 'none', name: 'none', hosts: [], matches: [], detect: () => null, rows: () => [], testUrls: [] });`,
].join('\n');

export interface ScriptSize {
  bytes: number;
  /** node:zlib gzip at its default level (6). */
  gzip: number;
}

/** The shared part of a site's content script; `withPolyfill` builds it as it was before the light stand-in. */
export async function sharedContentScriptSize(options: { withPolyfill?: boolean } = {}): Promise<ScriptSize> {
  const entry: Plugin = {
    name: 'paperscope:no-adapter-entry',
    enforce: 'pre',
    resolveId: (id) => (id === ENTRY ? id : undefined),
    load: (id) => (id === ENTRY ? ENTRY_SOURCE : undefined),
  };
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: options.withPolyfill ? [] : [CONTENT_POLYFILL_ALIAS] },
    plugins: [entry, ...shippedDependencyEdits],
    build: { rolldownOptions: CONTENT_TREESHAKE, write: false, target: 'es2022', lib: { entry: ENTRY, formats: ['iife'], name: 'paperscope_shared', fileName: () => 'shared.js' } },
  });
  const outputs = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((r) => r.output);
  const chunk = outputs.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error('no script was built');
  const bytes = Buffer.from(chunk.code);
  return { bytes: bytes.length, gzip: gzipSync(bytes).length };
}

/** A built file's size. */
export function sizeOf(bytes: Uint8Array): ScriptSize {
  return { bytes: bytes.length, gzip: gzipSync(bytes).length };
}
