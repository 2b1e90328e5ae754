// Meta-test over every adapter: registered under its file name, declaring its site, with fixtures, and sole owner of its test URLs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterById, adapterFor } from '../../src/adapters/registry.ts';
import { SITES } from '../../src/adapters/sites.ts';
import { siteListSource } from '../../vite.config.ts';

const ADAPTER_DIR = resolve(process.cwd(), 'src/adapters');
const FIXTURE_DIR = resolve(process.cwd(), 'tests/fixtures');
// Support modules, not sites (structural.ts: the fallback reader every site's content script carries; citationMeta.ts: a
// paper page's citation_* and dc.* tags, read by generic.ts and the sites whose pages carry them; links.ts: links
// anywhere, registered by the worker for the sites the reader chose, tests/unit/links.test.ts).
const NOT_ADAPTERS = new Set(['registry', 'types', 'dom', 'generic', 'links', 'sites', 'structural', 'citationMeta']);

const adapterFiles = readdirSync(ADAPTER_DIR)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .filter((name) => !NOT_ADAPTERS.has(name))
  .sort();

interface FixtureFile {
  url: string;
  kind: 'listing' | 'paper';
  rows: unknown[];
}

describe('adapter registry', () => {
  it('registers exactly the adapter files, each under its file name, once', () => {
    const ids = ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].filter((id) => !NOT_ADAPTERS.has(id)).sort()).toEqual(adapterFiles);
  });

  it.each(adapterFiles)('src/adapters/%s.ts exports the registered adapter under that id, and the site it serves', async (name) => {
    const mod = (await import(pathToFileURL(resolve(ADAPTER_DIR, `${name}.ts`)).href)) as Record<string, any>;
    const registered = adapterById(name);
    expect(registered, `${name} is not in ADAPTERS`).toBeDefined();
    // The generated content-script entry imports the adapter by this name (vite.config.ts, siteEntrySource).
    expect(mod[name]).toBe(registered);
    // The adapter is its site's declaration plus DOM code: the manifest and the worker read the declaration alone.
    expect(mod.site).toEqual({ id: name, name: registered!.name, hosts: registered!.hosts, matches: registered!.matches });
    expect(mod.site.hosts).toBe(registered!.hosts);
  });

  it('gives undefined for invalid and unclaimed URLs', () => {
    expect(adapterFor('not a url')).toBeUndefined();
    expect(adapterFor('')).toBeUndefined();
    expect(adapterFor('https://example.org/')).toBeUndefined();
    expect(adapterById('no-such-site')).toBeUndefined();
  });
});

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('adapter %s', (id, adapter) => {
  it('names itself and its hosts, each an https match pattern', () => {
    expect(adapter.name.trim()).not.toBe('');
    expect(adapter.hosts.length).toBeGreaterThan(0);
    expect(adapter.matches).toEqual(adapter.hosts.map((host) => `https://${host}/*`));
  });

  it('has at least two fixtures, one of them a drift case with no rows', () => {
    const dir = resolve(FIXTURE_DIR, id);
    expect(existsSync(dir), `tests/fixtures/${id} is missing`).toBe(true);
    const files = readdirSync(dir);
    const pairs = files
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .filter((name) => files.includes(`${name}.html`));
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    const fixtures = pairs.map((name) => JSON.parse(readFileSync(resolve(dir, `${name}.json`), 'utf8')) as FixtureFile);
    expect(fixtures.some((fixture) => Array.isArray(fixture.rows) && fixture.rows.length === 0)).toBe(true);
    for (const fixture of fixtures) {
      const claim = adapterFor(fixture.url);
      expect(claim?.adapter.id, fixture.url).toBe(id);
      expect(claim?.kind, fixture.url).toBe(fixture.kind);
    }
  });

  it('claims each of its test URLs with the right kind, and no other adapter does', () => {
    expect(adapter.testUrls.length).toBeGreaterThan(0);
    for (const { url, kind } of adapter.testUrls) {
      expect(adapter.detect(new URL(url)), url).toBe(kind);
      for (const other of ADAPTERS) {
        if (other !== adapter) expect(other.detect(new URL(url)), `${other.id} also claims ${url}`).toBeNull();
      }
      expect(adapterFor(url)?.adapter, url).toBe(adapter);
    }
  });
});

describe('the site list the worker and the popup read', () => {
  it('names every adapter with its id, name, hosts and match patterns, in registry order', () => {
    expect(SITES).toEqual(ADAPTERS.map((a) => ({ id: a.id, name: a.name, hosts: a.hosts, matches: a.matches })));
  });

  it('is, as built, the same list written out as data (no adapter code)', async () => {
    const source = siteListSource();
    expect(source).not.toMatch(/\bimport\b/);
    const built = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, unknown>;
    expect(Object.keys(built)).toEqual(['SITES']);
    expect(built.SITES).toEqual(SITES);
  });

  it('is all the worker and the extension pages load of src/adapters (they bundle no adapter code)', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      if (file === resolve(ADAPTER_DIR, 'sites.ts')) return; // built as data: its own imports are not bundled
      const source = readFileSync(file, 'utf8');
      // Static and dynamic imports of our own modules; `?script` imports are file names, not code.
      for (const [, spec] of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)) {
        if (!spec!.includes('?')) visit(resolve(dirname(file), spec!));
      }
    };
    const entries = [resolve(process.cwd(), 'src/background/index.ts'), ...['popup', 'sidepanel', 'options'].map((page) => resolve(process.cwd(), `src/ui/${page}/main.tsx`))];
    for (const entry of entries) expect(existsSync(entry), entry).toBe(true);
    entries.forEach(visit);
    const adapterModules = [...reached]
      .filter((file) => file.startsWith(ADAPTER_DIR))
      .map((file) => relative(ADAPTER_DIR, file))
      .sort();
    expect(adapterModules).toEqual(expect.arrayContaining(['sites.ts']));
    expect(adapterModules.filter((file) => file !== 'sites.ts' && file !== 'types.ts')).toEqual([]);
  });
});
