import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/adapters/registry.ts';
import { DEPENDENCY_EDITS, editDependency, injectedScriptFile, manifestFor, siteEntrySource, siteScriptFile } from '../../vite.config.ts';

// The manifest as built: manifest.json plus the content scripts and host permissions generated from the adapters.
const manifest = manifestFor('chrome') as Record<string, any>;
const adapterPatterns = ADAPTERS.flatMap((a) => a.hosts.map((h) => `https://${h}/*`)).sort();

describe('manifest', () => {
  it('leaves the sites to the adapters: manifest.json lists no content script and no host', () => {
    const written = JSON.parse(readFileSync(resolve(process.cwd(), 'manifest.json'), 'utf8'));
    expect(written.content_scripts).toBeUndefined();
    expect(written.host_permissions).toBeUndefined();
  });

  it('takes its version from package.json, for both browsers (manifest.json has none to fall out of step)', () => {
    const { version } = JSON.parse(readFileSync(resolve(process.cwd(), 'package.json'), 'utf8'));
    expect(JSON.parse(readFileSync(resolve(process.cwd(), 'manifest.json'), 'utf8')).version).toBeUndefined();
    expect(manifest.version).toBe(version);
    expect(manifestFor('firefox').version).toBe(version);
  });

  it('builds an injected script to the path the popup passes to executeScript', () => {
    expect(injectedScriptFile('src/content/scanPage.ts')).toBe('src/content/scanPage.js');
  });

  it('asks for exactly the hosts of the supported sites, and runs the content script on exactly those', () => {
    expect([...manifest.host_permissions].sort()).toEqual(adapterPatterns);
    const scripted = manifest.content_scripts.flatMap((entry: { matches: string[] }) => entry.matches);
    expect([...scripted].sort()).toEqual(adapterPatterns);
    expect(manifest.permissions).not.toContain('<all_urls>');
    expect(manifest.permissions).not.toContain('tabs');
  });

  it("injects on each site that site's own content script (its adapter alone), on exactly its hosts, in registry order", () => {
    expect(manifest.content_scripts).toHaveLength(ADAPTERS.length);
    expect(manifest.content_scripts.map((e: { js: string[] }) => e.js[0])).toEqual(ADAPTERS.map((a) => siteScriptFile(a.id)));
    for (const adapter of ADAPTERS) {
      const entry = manifest.content_scripts.find((e: { js: string[] }) => e.js[0] === `src/content/sites/${adapter.id}.iife.js`);
      expect(entry, adapter.id).toBeDefined();
      expect(entry.js).toHaveLength(1);
      expect([...entry.matches].sort()).toEqual(adapter.hosts.map((h) => `https://${h}/*`).sort());
      expect(entry.run_at).toBe('document_start');
      const source = siteEntrySource(adapter.id);
      expect(source).toContain(`import { ${adapter.id} as adapter } from '../../adapters/${adapter.id}.ts';`);
      expect(source.match(/adapters\//g)).toHaveLength(1); // no other adapter
      expect(source).toContain('startContentScript(adapter);');
    }
  });

  it('scans any other page only on request: activeTab and scripting, no wider host access', () => {
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    for (const pattern of ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*']) expect(manifest.host_permissions).not.toContain(pattern);
  });

  it('asks for other sites one at a time, at run time: web sites are optional host permissions only, never granted at install', () => {
    // Links anywhere: the popup asks for the one site's pattern when the reader turns it on there.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.permissions).not.toContain('<all_urls>');
    expect(manifest.permissions).not.toContain('tabs');
    expect((manifest.content_scripts as Array<{ matches: string[] }>).flatMap((entry) => entry.matches)).toEqual(manifest.host_permissions);
  });

  it('derives a Firefox manifest with background scripts, a sidebar and gecko settings', () => {
    const firefox = manifestFor('firefox') as Record<string, any>;
    expect(firefox.content_scripts).toEqual(manifest.content_scripts);
    expect(firefox.host_permissions).toEqual(manifest.host_permissions);
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox.sidebar_action.default_panel).toBe(manifest.side_panel.default_path);
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('adds a link context menu and keyboard shortcuts without wider access', () => {
    expect(manifest.permissions).toContain('contextMenus');
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('<all_urls>');
    expect(manifest.commands['save-current-paper'].suggested_key.default).toBe('Alt+Shift+S');
    expect(manifest.commands['save-current-paper'].description).toBeTruthy();
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+P');
    const firefox = manifestFor('firefox') as Record<string, any>;
    expect(firefox.permissions).toContain('contextMenus');
    expect(firefox.commands).toEqual(manifest.commands);
  });

  it('allows no remote code', () => {
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'");
  });
});

describe('dependency edits', () => {
  it('finds each edit exactly once in the installed dependency, and the edited code no longer holds it', () => {
    for (const edit of DEPENDENCY_EDITS) {
      const path = resolve(process.cwd(), 'node_modules', edit.module);
      const code = readFileSync(path, 'utf8');
      const edited = editDependency(path, code);
      expect(edited, edit.module).not.toBe(code);
      expect(edited.includes(edit.replace), edit.module).toBe(true);
      expect(typeof edit.find === 'string' ? edited.includes(edit.find) : edit.find.test(edited), edit.module).toBe(false);
    }
  });

  it('leaves other modules alone, and stops the build when a dependency no longer has the code to replace', () => {
    expect(editDependency('/x/node_modules/other/index.js', 'e.innerHTML=h.__html')).toBe('e.innerHTML=h.__html');
    expect(() => editDependency('/x/node_modules/preact/dist/preact.mjs', 'render()')).toThrow(/found it 0 times/);
    expect(() => editDependency('/x/node_modules/lodash.merge/index.js', "Function('return this')();Function('return this')()")).toThrow(/found it 2 times/);
  });
});
