// Evaluates only the adapter for this page's host (the content script is one file holding every adapter; the others stay
// unevaluated), then asks it about the URL.
import { SITES } from '../adapters/sites.ts';
import type { PageKind, SiteAdapter } from '../adapters/types.ts';

type AdapterModule = Record<string, SiteAdapter>;

const MODULES = import.meta.glob<AdapterModule>(['../adapters/*.ts', '!../adapters/{registry,types,dom,sites,generic}.ts']);

export interface PageMatch {
  adapter: SiteAdapter;
  kind: Exclude<PageKind, null>;
}

export async function adapterForPage(url: URL): Promise<PageMatch | undefined> {
  for (const site of SITES) {
    if (!site.hosts.includes(url.hostname)) continue;
    const load = MODULES[`../adapters/${site.id}.ts`];
    const adapter = load ? (await load())[site.id] : undefined;
    const kind = adapter?.detect(url);
    if (adapter && kind) return { adapter, kind };
  }
  return undefined;
}
