// Meta-test over every adapter: registered under its file name, with fixtures, and sole owner of its test URLs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterById, adapterFor } from '../../src/adapters/registry.ts';

const ADAPTER_DIR = resolve(process.cwd(), 'src/adapters');
const FIXTURE_DIR = resolve(process.cwd(), 'tests/fixtures');
// Support modules, not sites.
const NOT_ADAPTERS = new Set(['registry', 'types', 'dom', 'generic', 'sites']);

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

  it.each(adapterFiles)('src/adapters/%s.ts exports the registered adapter with that id', async (name) => {
    const mod = (await import(pathToFileURL(resolve(ADAPTER_DIR, `${name}.ts`)).href)) as Record<string, unknown>;
    const registered = adapterById(name);
    expect(registered, `${name} is not in ADAPTERS`).toBeDefined();
    expect(Object.values(mod)).toContain(registered);
  });

  it('gives undefined for invalid and unclaimed URLs', () => {
    expect(adapterFor('not a url')).toBeUndefined();
    expect(adapterFor('')).toBeUndefined();
    expect(adapterFor('https://example.org/')).toBeUndefined();
    expect(adapterById('no-such-site')).toBeUndefined();
  });
});

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('adapter %s', (id, adapter) => {
  it('names itself and its hosts', () => {
    expect(adapter.name.trim()).not.toBe('');
    expect(adapter.hosts.length).toBeGreaterThan(0);
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

describe('the site list the content script loads adapters by', () => {
  it('names every adapter with its id, name and hosts, in registry order', async () => {
    const { SITES } = await import('../../src/adapters/sites.ts');
    const { ADAPTERS } = await import('../../src/adapters/registry.ts');
    expect(SITES.map((s) => ({ ...s, hosts: [...s.hosts] }))).toEqual(ADAPTERS.map((a) => ({ id: a.id, name: a.name, hosts: a.hosts })));
  });
});
