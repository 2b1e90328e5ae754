// Builds the extension for one browser per mode (`--mode chrome` or `--mode firefox`) from the one manifest.json.
import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { build, defineConfig, normalizePath, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { SITES } from './src/adapters/sites.ts';

type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'paperscope@paperscope.dev';

/** Where a site's content script is built: one classic (IIFE) file per site, holding that site's adapter alone. */
export function siteScriptFile(siteId: string): string {
  return `src/content/sites/${siteId}.iife.js`;
}

/** A site's content-script entry, generated rather than written by hand: start Paperscope with that site's adapter. */
export function siteEntrySource(siteId: string): string {
  // The adapter file exports its adapter under its id (tests/unit/adapters.meta.test.ts checks it).
  return [`import { ${siteId} as adapter } from '../../adapters/${siteId}.ts';`, `import { startContentScript } from '../start.ts';`, `startContentScript(adapter);`].join('\n');
}

/** The version in package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The manifest: manifest.json plus what the adapters declare (src/adapters/<site>.ts `site`): each site's content
 * script, at document_start on its match patterns, and host permission for exactly those patterns. The Firefox manifest
 * differs only where Firefox differs: background scripts, sidebar, gecko settings.
 */
export function manifestFor(target: Target): Record<string, unknown> {
  const manifest: Record<string, any> = {
    ...(JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8')) as Record<string, any>),
    // One version for the package, the built extensions and their store archives (scripts/package.ts names them by it).
    version: packageVersion(),
    content_scripts: SITES.map((site) => ({ js: [siteScriptFile(site.id)], matches: [...site.matches], run_at: 'document_start' })),
    host_permissions: SITES.flatMap((site) => site.matches),
  };
  if (target === 'chrome') return manifest;
  const { side_panel: sidePanel, background, ...rest } = manifest;
  return {
    ...rest,
    permissions: (manifest.permissions as string[]).filter((p) => p !== 'sidePanel'),
    background: { scripts: [background.service_worker], type: 'module' },
    sidebar_action: {
      default_panel: sidePanel.default_path,
      default_title: '__MSG_sidebarTitle__',
      default_icon: manifest.icons['32'],
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}

const SITE_LIST_MODULE = normalizePath(resolve(import.meta.dirname, 'src/adapters/sites.ts'));

/** src/adapters/sites.ts as the extension bundles it: the same list, written out as data. */
export function siteListSource(): string {
  return `export const SITES = ${JSON.stringify(SITES)};\n`;
}

/**
 * The worker and the popup need only the sites' names and hosts: built, src/adapters/sites.ts is its list as data, so
 * they carry no adapter code (the module computes the list from the adapters, which tests and the CLI load as they are).
 */
const siteListAsData: Plugin = {
  name: 'paperscope:site-list-as-data',
  enforce: 'pre',
  load: (id) => (id.split('?')[0] === SITE_LIST_MODULE ? siteListSource() : undefined),
};

/** A change to a dependency's shipped code: `find` must occur exactly once in the module, or the build stops. */
interface DependencyEdit {
  /** The module's path under node_modules. */
  module: string;
  find: string | RegExp;
  replace: string;
}

/**
 * Dependency code the extension must not ship, replaced by what it means where the extension runs. `web-ext lint`
 * (npm run lint:firefox) flags each as unsafe: writing innerHTML, and evaluating code with the Function constructor.
 */
export const DEPENDENCY_EDITS: readonly DependencyEdit[] = [
  {
    // Preact's dangerouslySetInnerHTML: Paperscope writes text with textContent only, so the prop is refused outright.
    module: 'preact/dist/preact.mjs',
    find: /\b(\w+)\.innerHTML=(\w+)\.__html\b/,
    replace: '(()=>{throw new Error("Paperscope: dangerouslySetInnerHTML is not supported")})()',
  },
  {
    // lodash.merge (via @retorquere/bibtex-parser) finds the global object; in pages and workers it is globalThis.
    module: 'lodash.merge/index.js',
    find: "Function('return this')()",
    replace: 'globalThis',
  },
  {
    // citation-js's Cite#get({ format: 'real' }) parses HTML into a DOM node; Paperscope only asks for text and objects.
    module: '@citation-js/core/lib-mjs/Cite/get.js',
    find: 'tmp.innerHTML = result;',
    replace: "throw new Error('Paperscope: HTML output as DOM nodes is not supported');",
  },
];

/** Applies DEPENDENCY_EDITS to a module's code; the code unchanged when no edit is for it. */
export function editDependency(id: string, code: string): string {
  const path = normalizePath(id.split('?')[0]!);
  let edited = code;
  for (const edit of DEPENDENCY_EDITS) {
    if (!path.endsWith(`/node_modules/${edit.module}`)) continue;
    const pattern = typeof edit.find === 'string' ? new RegExp(edit.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(edit.find.source, 'g');
    const found = edited.match(pattern)?.length ?? 0;
    // A dependency update that moved the code must be looked at again, never shipped unedited.
    if (found !== 1) throw new Error(`${edit.module}: expected the code to replace once, found it ${found} times (DEPENDENCY_EDITS in vite.config.ts)`);
    edited = edited.replace(pattern, edit.replace);
  }
  return edited;
}

export const shippedDependencyEdits: Plugin[] = [
  {
    name: 'paperscope:dependency-edits',
    enforce: 'pre',
    transform: {
      filter: { id: /node_modules/ },
      handler(code, id) {
        const edited = editDependency(id, code);
        return edited === code ? undefined : { code: edited, map: null };
      },
    },
  },
];

/** The injected script's path in the built extension, for `import file from './x.ts?script&iife'`. */
export function injectedScriptFile(sourcePath: string): string {
  return sourcePath.replace(/\.tsx?$/, '.js');
}

/**
 * Scripts that only `scripting.executeScript` injects (src/content/scanPage.ts, imported with `?script&iife`) are built
 * here like the sites' scripts, before crxjs sees the import: crxjs's own IIFE build sets an option Rolldown ignores
 * (a build warning each time), adds an unused module copy of the script, and makes the file web-accessible to every
 * site, which would let any page detect the extension by fetching it; executeScript needs none of that.
 */
function injectedScripts(files: Set<string>): Plugin {
  let root = '';
  const PREFIX = '\0paperscope-injected:';
  return {
    name: 'paperscope:injected-scripts',
    enforce: 'pre',
    configResolved(resolved) {
      root = resolved.root;
    },
    resolveId(source, importer) {
      const [path, query] = source.split('?');
      if (!importer || !query || !new URLSearchParams(query).has('script')) return undefined;
      const file = normalizePath(relative(root, resolve(dirname(importer.split('?')[0]!), path!)));
      files.add(file);
      return `${PREFIX}${file}`;
    },
    load: (id) => (id.startsWith(PREFIX) ? `export default ${JSON.stringify(injectedScriptFile(id.slice(PREFIX.length)))};` : undefined),
  };
}

/**
 * Content scripts' tree-shaking: reading a property is taken to do nothing else, so the reads left behind by a dropped
 * message check (`LIMITS.rows`, ...) go too. Our content code forces no layout by a bare read (it measures with calls).
 */
export const CONTENT_TREESHAKE = { treeshake: { propertyReadSideEffects: false as const } };

/** In content scripts, `webextension-polyfill` is the light stand-in src/content/contentBrowser.ts. */
export const CONTENT_POLYFILL_ALIAS = { find: /^webextension-polyfill$/, replacement: resolve(import.meta.dirname, 'src/content/contentBrowser.ts') };

/**
 * Builds each site's content script from its generated entry (siteEntrySource), and each injected script (see
 * injectedScripts), as one classic file, and puts the manifest's content_scripts back after crxjs has rendered it.
 * crxjs builds a manifest's `.iife.ts` content scripts only from real files (a nested build without plugins), so it
 * never sees these: the same nested library build is done here, with the site entries generated.
 */
function siteContentScripts(contentScripts: readonly unknown[], injected: ReadonlySet<string>): CrxPlugin {
  let config: ResolvedConfig;
  return {
    name: 'paperscope:site-content-scripts',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const classicScript = async (entry: string, fileName: string, name: string, plugins: Plugin[]) => {
        const result = await build({
          configFile: false,
          logLevel: 'warn',
          root: config.root,
          mode: config.mode,
          // Content scripts take the browser's own API for the polyfill (src/content/contentBrowser.ts says why).
          resolve: { ...config.resolve, alias: [...config.resolve.alias, CONTENT_POLYFILL_ALIAS] },
          define: config.define,
          plugins: [...plugins, ...shippedDependencyEdits],
          build: {
            write: false,
            emptyOutDir: false,
            minify: config.build.minify,
            rolldownOptions: CONTENT_TREESHAKE,
            sourcemap: config.build.sourcemap,
            target: config.build.target,
            lib: { entry, formats: ['iife'], name, fileName: () => fileName },
          },
        });
        const outputs = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((r) => r.output);
        const chunk = outputs.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
        if (!chunk || outputs.length !== 1) throw new Error(`${fileName}: expected one classic script, got ${outputs.map((o) => o.fileName)}`);
        this.emitFile({ type: 'asset', fileName, source: chunk.code });
      };
      for (const site of SITES) {
        const entry = resolve(config.root, `src/content/sites/${site.id}.iife.ts`);
        const generatedEntry: Plugin = {
          name: 'paperscope:site-entry',
          enforce: 'pre',
          resolveId: (id) => (id === entry ? id : undefined),
          load: (id) => (id === entry ? siteEntrySource(site.id) : undefined),
        };
        await classicScript(entry, siteScriptFile(site.id), `paperscope_${site.id}`, [generatedEntry]);
      }
      for (const file of injected) {
        await classicScript(resolve(config.root, file), injectedScriptFile(file), basename(file).replace(/\.tsx?$/, ''), []);
      }
    },
    renderCrxManifest(manifest) {
      manifest.content_scripts = [...(manifest.content_scripts ?? []), ...(structuredClone(contentScripts) as typeof manifest.content_scripts & {})];
      return manifest;
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  // crxjs gets the manifest without the sites' content scripts: siteContentScripts builds them and lists them again.
  const { content_scripts: siteScripts, ...manifest } = manifestFor(target) as Record<string, any>;
  const injected = new Set<string>();
  return {
    plugins: [
      preact(),
      siteListAsData,
      injectedScripts(injected),
      ...shippedDependencyEdits,
      crx({ manifest: manifest as ManifestV3Export, browser: target }),
      siteContentScripts(siteScripts, injected),
    ],
    resolve: {
      // citation-js imports two fetch libraries for citing by URL, which Paperscope never does; node-fetch would drag
      // Node built-ins into the service worker. Both become a stub that refuses.
      alias: {
        'node-fetch': resolve(import.meta.dirname, 'src/core/citations/noFetch.ts'),
        'sync-fetch': resolve(import.meta.dirname, 'src/core/citations/noFetch.ts'),
      },
    },
    build: {
      // PAPERSCOPE_DIST lets parallel work build to its own folder; the tests read the same variable.
      outDir: `${process.env.PAPERSCOPE_DIST ?? 'dist'}/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        // Rolldown notes when plugins take most of a build's time: here they always do, as the classic scripts' nested
        // builds run inside a plugin (siteContentScripts). The notice says nothing about the extension.
        checks: { bundlerTimings: false },
        // crxjs builds only the pages the manifest names: the first-run page (the worker opens it on install) is an extra
        // input, and so is the panel page on Firefox, whose sidebar_action crxjs does not know.
        input: {
          welcome: resolve(import.meta.dirname, 'src/ui/welcome/index.html'),
          ...(target === 'firefox' ? { sidepanel: resolve(import.meta.dirname, 'src/ui/sidepanel/index.html') } : {}),
        },
      },
    },
    // The reference and import workers are bundles of their own: the same dependency edits apply to them.
    worker: { plugins: () => [...shippedDependencyEdits] },
    server: { port: 5183, strictPort: true, hmr: { port: 5183 } },
  };
});
