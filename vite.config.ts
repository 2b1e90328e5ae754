// Builds the extension for one browser per mode (`--mode chrome` or `--mode firefox`) from the one manifest.json.
import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'paperscope@paperscope.dev';

/** The Firefox manifest differs only where Firefox differs: background scripts, sidebar, gecko settings. */
export function manifestFor(target: Target): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8')) as Record<string, any>;
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

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = manifestFor(target) as unknown as ManifestV3Export;
  return {
    plugins: [preact(), crx({ manifest, browser: target }), injectedScriptsStayPrivate],
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
        // crxjs does not know Firefox's sidebar_action: build the panel page as an extra input.
        input: target === 'firefox' ? { sidepanel: resolve(import.meta.dirname, 'src/ui/sidepanel/index.html') } : undefined,
      },
    },
    server: { port: 5183, strictPort: true, hmr: { port: 5183 } },
  };
});
