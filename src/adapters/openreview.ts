// OpenReview adapter: finds the papers on openreview.net venue/group pages (submission tab lists) and forum pages.
import type { PaperRef } from '../core/paper.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import { cleanText } from '../core/identity/titles.ts';
import { absoluteUrl, allOf, attr, first, idsFromHrefs, metaText, metaTextAll, text, textAsWritten, textOfBlocks, textOfMarkup } from './dom.ts';
import { defineSite, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

/** The site this adapter serves (its hosts get its content script and host permission). */
export const site = defineSite('openreview', 'OpenReview', ['openreview.net']);

const ORIGIN = 'https://openreview.net';

// Selectors: alternatives in order of preference, each with why it is there. No capture exists: these follow
// OpenReview's public React components (openreview-web) as described in SOURCES.md.
const SELECTORS = {
  listNotes: [
    'ul.submissions-list > li > div.note', // venue/group tab lists (accepted oral/poster, submissions, withdrawn)
    '.submissions-list div.note', // the list items gained a wrapper
  ],
  noteTitleHeading: [
    'h4', // h4 holds the forum link and the PDF icon: the badge goes after the link, outside it
  ],
  noteTitleLink: [
    'h4 > a[href^="/forum?id="]', // title + forum link
    'a[href*="/forum?id="]', // the heading changed level
  ],
  noteAuthors: [
    'div.note-authors a', // one link per author (title="~First_Last1")
  ],
  noteAuthorsText: 'div.note-authors', // authors without profiles are plain text, comma-separated
  forumNote: [
    'div.forum-container div.forum-note', // forum page: the submission itself (replies are div.note below it)
    'div.forum-note', // outside the container
  ],
  forumTitle: [
    'div.forum-title h2.citation_title', // h2 with the title text; the PDF link is its sibling
    'h2.citation_title', // outside div.forum-title
  ],
  forumAuthors: [
    'div.forum-authors a', // one link per author
  ],
  forumPdfLink: [
    'div.forum-title a.citation_pdf_url', // "/pdf?id=<forum>" next to the title
    'a[href^="/pdf?id="]', // any PDF link of the note
  ],
  contentField: '.note-content-field', // "Abstract:", "TL;DR:", "Keywords:" labels, value in a sibling
  contentValue: '.note-content-value', // span or div.markdown-rendered holding a field's value
  canonical: 'link[rel="canonical"]', // /forum?id=<forum> when present
} as const;

// A field whose value is prose, where links point at other papers, not at this one.
const PROSE_FIELD = /^(?:abstract|tl;?dr|summary|keywords)\b/i;
const FORUM_ID = /^[A-Za-z0-9_-]{4,}$/;

function detect(url: URL): PageKind {
  if (!site.hosts.includes(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/$/, '');
  const id = url.searchParams.get('id')?.trim() ?? '';
  if (path === '/forum' && FORUM_ID.test(id)) return 'paper';
  if (path === '/group' && id) return 'listing';
  return null;
}

/** The `id` of a forum or pdf URL (relative or absolute), when it looks like a forum id. */
function forumIdFrom(href: string): string | undefined {
  const url = absoluteUrl(href, ORIGIN);
  if (!url) return undefined;
  const { pathname, searchParams } = new URL(url);
  const id = searchParams.get('id') ?? '';
  return /^\/(?:forum|pdf)\/?$/.test(pathname) && FORUM_ID.test(id) ? id : undefined;
}

/** The label of a note field ("Abstract:" → "Abstract"). */
function fieldName(field: Element): string {
  return text(field).replace(/:\s*$/, '');
}

/** The value of the note field named `name` (e.g. Abstract), as written. */
function fieldValue(note: Element, name: RegExp): string {
  for (const field of Array.from(note.querySelectorAll(SELECTORS.contentField))) {
    if (!name.test(fieldName(field))) continue;
    const value = field.parentElement?.querySelector(SELECTORS.contentValue);
    const written = textOfBlocks(value, '');
    if (written) return written;
  }
  return '';
}

/** Links that name this paper: not those inside prose fields (an abstract citing an arXiv paper is not this paper). */
function ownHrefs(note: Element): string[] {
  return Array.from(note.querySelectorAll('a[href]'))
    .filter((link) => {
      const value = link.closest(SELECTORS.contentValue);
      const label = value?.parentElement?.querySelector(SELECTORS.contentField);
      return !(value && label && PROSE_FIELD.test(fieldName(label)));
    })
    .map((link) => attr(link, 'href'));
}

function authorsOf(note: Element, links: readonly string[], textSelector?: string): string[] {
  const linked = allOf(note, links).map(text);
  const names = linked.length > 0 || !textSelector ? linked : textAsWritten(note.querySelector(textSelector), '').split(',');
  // Double-blind venues show "Anonymous" (or "Anonymous Authors"): not a name.
  return names.map(cleanText).filter((name) => name && !/^anonymous(?: authors?)?$/i.test(name));
}

function refFrom(parts: { title: string; forumId: string; arxivId?: string; doi?: string; authors: string[]; abstract: string }): PaperRef {
  const { title, forumId, arxivId, doi, authors, abstract } = parts;
  const ref: PaperRef = { key: paperKey({ arxivId, doi, openreviewId: forumId, title }), title };
  if (arxivId) ref.arxivId = arxivId;
  if (doi) ref.doi = doi;
  ref.url = `${ORIGIN}/forum?id=${forumId}`;
  ref.authors = authors;
  if (abstract) ref.abstract = abstract;
  return ref;
}

function rowFromNote(note: Element): PaperRow | undefined {
  const link = first(note, SELECTORS.noteTitleLink);
  const forumId = forumIdFrom(attr(link, 'href')) ?? (FORUM_ID.test(attr(note, 'data-id')) ? attr(note, 'data-id') : undefined);
  const title = textAsWritten(link, '');
  if (!link || !forumId || !title) return undefined;
  const heading = first(note, SELECTORS.noteTitleHeading);
  const titleEl = heading?.contains(link) ? heading : link;
  const ids = idsFromHrefs(ownHrefs(note));
  const authors = authorsOf(note, SELECTORS.noteAuthors, SELECTORS.noteAuthorsText);
  const abstract = fieldValue(note, /^abstract\b/i);
  return { ref: refFrom({ title, forumId, ...ids, authors, abstract }), titleEl, rowEl: note };
}

/** The forum id of a forum page: its PDF link or meta, else the canonical link, else the document's own URL. */
function forumIdOfPage(root: ParentNode, note: Element): string | undefined {
  const candidates = [
    metaText(root, 'citation_pdf_url'),
    attr(first(note, SELECTORS.forumPdfLink), 'href'),
    attr(root.querySelector(SELECTORS.canonical), 'href'),
    (root as Partial<Document>).URL ?? note.ownerDocument?.URL ?? '',
  ];
  for (const href of candidates) {
    const id = forumIdFrom(href);
    if (id) return id;
  }
  return undefined;
}

function rowFromForum(root: ParentNode, note: Element): PaperRow | undefined {
  const h2 = first(note, SELECTORS.forumTitle);
  const titleEl = h2 ?? note;
  const title = textAsWritten(h2, '') || metaText(root, 'citation_title');
  const forumId = forumIdOfPage(root, note);
  if (!title || !forumId) return undefined;
  const ids = idsFromHrefs(ownHrefs(note));
  let authors = authorsOf(note, SELECTORS.forumAuthors);
  if (authors.length === 0) authors = metaTextAll(root, 'citation_author');
  const abstract = fieldValue(note, /^abstract\b/i) || textOfMarkup(metaText(root, 'citation_abstract'));
  return { ref: refFrom({ title, forumId, ...ids, authors, abstract }), titleEl, rowEl: note };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    const forumNote = first(root, SELECTORS.forumNote);
    if (forumNote) {
      // A forum page: the submission only; its replies (reviews, comments) are not papers.
      const row = rowFromForum(root, forumNote);
      return row ? [row] : [];
    }
    const found: PaperRow[] = [];
    for (const note of allOf(root, SELECTORS.listNotes)) {
      const row = rowFromNote(note);
      if (row) found.push(row);
    }
    return found;
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const openreview: SiteAdapter = {
  ...site,
  detect,
  rows,
  testUrls: [
    { url: 'https://openreview.net/group?id=ICLR.cc/2024/Conference', kind: 'listing' },
    { url: 'https://openreview.net/group?id=NeurIPS.cc/2023/Conference#tab-accept-oral', kind: 'listing' },
    { url: 'https://openreview.net/forum?id=ZH2TJJ2XUp', kind: 'paper' },
    { url: 'https://openreview.net/forum?id=rJ4km2R5t7&noteId=B1gDnM2XcQ', kind: 'paper' },
  ],
};
