// The sites as plain data (id, name, hosts, match patterns), in registry order: what each adapter file declares as its
// `site`. The popup names sites and filters by them, the worker checks site ids and lists them for the options page.
// Built, this module is its list written out as data (vite.config.ts, siteListAsData), so importers carry no adapter code.
import { ADAPTERS } from './registry.ts';
import type { Site } from './types.ts';

export type { Site };

export const SITES: readonly Site[] = ADAPTERS.map(({ id, name, hosts, matches }) => ({ id, name, hosts, matches }));
