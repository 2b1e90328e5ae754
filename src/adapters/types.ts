// The contract every site adapter meets: cheap URL detection, then pure DOM reads that never throw.
import type { PaperRef } from '../core/paper.ts';

/** What a page is to an adapter: a feed of papers, one paper's own page, or not ours. */
export type PageKind = 'listing' | 'paper' | null;

/** One paper found on a page, with the elements a badge attaches to. */
export interface PaperRow {
  ref: PaperRef;
  /** The badge goes at the end of this element, next to the title text. */
  titleEl: Element;
  /** The whole row (used to find an existing badge and to drop badges of rows that leave). */
  rowEl: Element;
  /** The badge goes right after titleEl rather than inside it (a link: a badge inside it would be part of the link). */
  badgeAfter?: true;
}

/**
 * Which site an adapter serves, as plain data: each adapter file exports one as `site` (made by defineSite), so the build
 * (manifest content scripts and host permissions), the service worker and the popup read it without any adapter's DOM code.
 */
export interface Site {
  /** Equals the adapter's file name. */
  readonly id: string;
  /** Shown to people in options and the popup. */
  readonly name: string;
  /** Hostnames the adapter serves (and the extension asks host permission for). */
  readonly hosts: readonly string[];
  /** The manifest match patterns of those hosts: the site's content script runs there, and only there. */
  readonly matches: readonly string[];
}

/** A site's descriptor from its id, name and hosts; the match patterns follow from the hosts (https only). */
export function defineSite(id: string, name: string, hosts: readonly string[]): Site {
  return { id, name, hosts, matches: hosts.map((host) => `https://${host}/*`) };
}

/** The id of the on-request adapter (generic.ts), which is no site; here so the worker knows it without that DOM code. */
export const GENERIC_ID = 'generic';

/** The id of the links adapter (links.ts), which runs only on the sites the user turned it on for; no site either. */
export const LINKS_ID = 'links';

export interface SiteAdapter extends Site {
  detect(url: URL): PageKind;
  /** Papers on the page; `[]` when the markup is not what we expect. */
  rows(root: ParentNode): PaperRow[];
  /**
   * Optional, for pages that can be long: one reader per candidate row, in page order, found cheaply (no row is read yet).
   * Calling every reader and dropping `undefined` gives exactly `rows(root)`; readers never throw. It lets the content
   * script read a 2,000-row listing in slices, its top first, rather than in one long task.
   */
  rowReaders?(root: ParentNode): Array<() => PaperRow | undefined>;
  /** One small badge per paper link (tags, saved state and Save), for pages where papers are links among other things. */
  compactBadges?: boolean;
  /** URLs this adapter, and no other, must claim (checked by a meta-test). */
  testUrls: Array<{ url: string; kind: Exclude<PageKind, null> }>;
}
