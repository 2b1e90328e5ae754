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
}

export interface SiteAdapter {
  /** Equals the adapter's file name. */
  id: string;
  /** Shown to people in options and the popup. */
  name: string;
  /** Hostnames the adapter serves (and the extension asks host permission for). */
  hosts: string[];
  detect(url: URL): PageKind;
  /** Papers on the page; `[]` when the markup is not what we expect. */
  rows(root: ParentNode): PaperRow[];
  /**
   * Optional, for pages that can be long: one reader per candidate row, in page order, found cheaply (no row is read yet).
   * Calling every reader and dropping `undefined` gives exactly `rows(root)`; readers never throw. It lets the content
   * script read a 2,000-row listing in slices, its top first, rather than in one long task.
   */
  rowReaders?(root: ParentNode): Array<() => PaperRow | undefined>;
  /** URLs this adapter, and no other, must claim (checked by a meta-test). */
  testUrls: Array<{ url: string; kind: Exclude<PageKind, null> }>;
}
