// Registered by the worker for the sites the user turned "Show badges on this site" on for (and injected into their
// open tabs when turned on): the links adapter, with one compact badge beside each paper link.
import { links } from '../adapters/links.ts';
import { startContentScript } from './start.ts';

/** Set on the isolated world's window: the registered script and an injection into an open tab start one run, not two. */
const STARTED = '__paperscopeLinks';

const scope = window as unknown as Record<typeof STARTED, true | undefined>;
if (!scope[STARTED]) {
  scope[STARTED] = true;
  // No structural fallback: any site's structure is no feed of papers.
  startContentScript(links, undefined);
}
