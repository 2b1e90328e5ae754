// Any page, on request from the popup: papers named by citation_* meta tags, arXiv links and DOI links.
import type { PaperRef } from '../core/paper.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import { cleanText } from '../core/identity/titles.ts';
import { rowFromCitationMeta } from './citationMeta.ts';
import { attr, idsFromHrefs, textAsWritten } from './dom.ts';
import { GENERIC_ID, type PageKind, type PaperRow, type SiteAdapter } from './types.ts';

// Selectors: alternatives in order of preference, each with why it is there.
const SELECTORS = {
  // The page's own paper is read from its citation_* (or dc.*) tags by citationMeta.ts.
  arxivLinks: [
    'a[href*="arxiv.org/abs/"]', // abstract pages, the usual citation link
    'a[href*="arxiv.org/pdf/"]', // straight to the PDF
    'a[href*="arxiv.org/html/"]', // the HTML rendering
  ].join(', '),
  doiLinks: 'a[href*="doi.org/10."]', // doi.org, dx.doi.org, www.doi.org resolver links
  // Where a link's own text is no title ("PDF", "arXiv:2104.07857"), the title is read from the item around it.
  linkContext: 'li, dt, dd, td, h1, h2, h3, h4, h5, h6',
  badge: 'paperscope-badge',
} as const;

/** A title from a link's or item's text is cut here: a list item can hold a whole reference. */
const MAX_TITLE = 300;
// Link texts that name a file or an identifier, not a paper.
const NOT_A_TITLE = /^(?:arxiv:|doi:|https?:|www\.|(?:full\s*text\s*)?pdf\b|html\b|abs(?:tract)?\b|10\.\d{4,9}\/)/i;

/** Any web page could hold papers, but this adapter only runs when the user asks, so it claims every http(s) page. */
function detect(url: URL): PageKind {
  return url.protocol === 'https:' || url.protocol === 'http:' ? 'listing' : null;
}

function cut(text: string): string {
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).trimEnd()}…` : text;
}

/** The link's text when it reads like a title, else the text of the list item or heading around it. */
function titleForLink(link: Element): string {
  const own = textAsWritten(link, '');
  if (own.split(/\s+/).length > 3 && !NOT_A_TITLE.test(own)) return cut(own);
  const around = link.parentElement?.closest(SELECTORS.linkContext);
  let context = around ? textAsWritten(around, '') : '';
  // A reference ending in its own "[PDF]" or "doi:…" link reads better without it.
  if (own && context.endsWith(own)) context = context.slice(0, -own.length).replace(/[\s:;,([]+$/, '');
  return cut(context || own || cleanText(attr(link, 'title')));
}

/** A paper for every arXiv or DOI link (an arXiv DOI counts as arXiv), badged at the link itself. */
function rowFromLink(link: Element): PaperRow | undefined {
  if (link.closest(SELECTORS.badge)) return undefined;
  const href = attr(link, 'href');
  const { arxivId, doi } = idsFromHrefs([href]);
  if (!arxivId && !doi) return undefined;
  const title = titleForLink(link);
  if (!title) return undefined;
  const ref: PaperRef = { key: paperKey({ arxivId, doi }), title };
  if (arxivId) {
    ref.arxivId = arxivId;
    ref.url = `https://arxiv.org/abs/${arxivId}`;
  } else if (doi) {
    ref.doi = doi;
    ref.url = `https://doi.org/${doi}`;
  }
  return { ref, titleEl: link, rowEl: link };
}

function rows(root: ParentNode): PaperRow[] {
  try {
    const found: PaperRow[] = [];
    const keys = new Set<string>();
    const add = (row: PaperRow | undefined) => {
      if (!row || keys.has(row.ref.key)) return;
      keys.add(row.ref.key);
      found.push(row);
    };
    add(rowFromCitationMeta(root));
    // One pass in document order, so a paper cited twice is badged where it first appears.
    for (const link of Array.from(root.querySelectorAll(`${SELECTORS.arxivLinks}, ${SELECTORS.doiLinks}`))) add(rowFromLink(link));
    return found;
  } catch {
    // A page we do not understand gives no rows, never a broken page.
    return [];
  }
}

export const generic: SiteAdapter = {
  id: GENERIC_ID,
  name: 'Any page (on request)',
  // No site: never injected by the manifest, so no host and no match pattern.
  hosts: [],
  matches: [],
  detect,
  rows,
  testUrls: [
    { url: 'https://blog.example.org/post', kind: 'listing' },
    { url: 'http://journal.example.com/article/10.1234/abc', kind: 'listing' },
  ],
};
