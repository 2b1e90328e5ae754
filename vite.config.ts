// Builds the extension for one browser per mode (`--mode chrome` or `--mode firefox`) from the one manifest.json.
import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/**
 * The manifest: manifest.json plus what the adapters declare (src/adapters/<site>.ts `site`): each site's content
 * script, at document_start on its match patterns, and host permission for exactly those patterns. The Firefox manifest
 * differs only where Firefox differs: background scripts, sidebar, gecko settings.
 */
export function manifestFor(target: Target): Record<string, unknown> {
  const manifest: Record<string, any> = {
    ...(JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8')) as Record<string, any>),
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

/** Built scripts that only `scripting.executeScript` injects (src/content/scanPage.ts, imported with `?script&iife`). */
const INJECTED_SCRIPTS = ['src/content/scanPage.js'];

/**
 * crxjs makes every `?script` file web-accessible to all http(s) sites, which would let any site detect the extension by
 * fetching it; executeScript needs no such exposure, so those entries are dropped from the built manifest.
 */
const injectedScriptsStayPrivate: CrxPlugin = {
  name: 'paperscope:injected-scripts-stay-private',
  enforce: 'post',
  renderCrxManifest(manifest) {
    const resources = (manifest.web_accessible_resources ?? [])
      .map((entry) => ({ ...entry, resources: entry.resources.filter((r) => !INJECTED_SCRIPTS.includes(r)) }))
      .filter((entry) => entry.resources.length > 0);
    if (resources.length > 0) manifest.web_accessible_resources = resources;
    else delete manifest.web_accessible_resources;
    return manifest;
  },
};

/**
 * Builds each site's content script from its generated entry (siteEntrySource) and puts the manifest's content_scripts
 * back after crxjs has rendered it. crxjs builds a manifest's `.iife.ts` content scripts only from real files (a nested
 * build without plugins), so it never sees these: the same nested library build is done here, with the entry generated.
 */
function siteContentScripts(contentScripts: readonly unknown[]): CrxPlugin {
  let config: ResolvedConfig;
  return {
    name: 'paperscope:site-content-scripts',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      for (const site of SITES) {
        const entry = resolve(config.root, `src/content/sites/${site.id}.iife.ts`);
        const generatedEntry: Plugin = {
          name: 'paperscope:site-entry',
          enforce: 'pre',
          resolveId: (id) => (id === entry ? id : undefined),
          load: (id) => (id === entry ? siteEntrySource(site.id) : undefined),
        };
        const fileName = siteScriptFile(site.id);
        const result = await build({
          configFile: false,
          logLevel: 'warn',
          root: config.root,
          mode: config.mode,
          resolve: config.resolve,
          define: config.define,
          plugins: [generatedEntry],
          build: {
            write: false,
            emptyOutDir: false,
            minify: config.build.minify,
            sourcemap: config.build.sourcemap,
            target: config.build.target,
            lib: { entry, formats: ['iife'], name: `paperscope_${site.id}`, fileName: () => fileName },
          },
        });
        const outputs = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((r) => r.output);
        const chunk = outputs.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
        if (!chunk || outputs.length !== 1) throw new Error(`${fileName}: expected one classic script, got ${outputs.map((o) => o.fileName)}`);
        this.emitFile({ type: 'asset', fileName, source: chunk.code });
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
  return {
    plugins: [preact(), siteListAsData, crx({ manifest: manifest as ManifestV3Export, browser: target }), injectedScriptsStayPrivate, siteContentScripts(siteScripts)],
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
        // crxjs builds only the pages the manifest names: the first-run page (the worker opens it on install) is an extra
        // input, and so is the panel page on Firefox, whose sidebar_action crxjs does not know.
        input: {
          welcome: resolve(import.meta.dirname, 'src/ui/welcome/index.html'),
          ...(target === 'firefox' ? { sidepanel: resolve(import.meta.dirname, 'src/ui/sidepanel/index.html') } : {}),
        },
      },
    },
    server: { port: 5183, strictPort: true, hmr: { port: 5183 } },
  };
});
