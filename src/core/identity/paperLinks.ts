// Which paper a link points at, from its URL alone (arXiv, DOI, OpenReview, ACL Anthology, PubMed), and which site a
// page belongs to for "Show badges on this site": pure, so the links adapter, the worker and the popup agree.
import { arxivIdFromUrl, normalizeDoi, pmidFromUrl } from './paperKey.ts';

/** A paper named by a link, by whichever identifier its URL carries (one of them). */
export interface LinkedPaper {
  arxivId?: string;
  doi?: string;
  pmid?: string;
  openreviewId?: string;
  /** An ACL Anthology id (2023.acl-long.1, P19-1001): it makes no DOI (not every Anthology paper has one), so the key is the title. */
  anthologyId?: string;
  /** Where the paper can be read, canonical for its identifier. */
  url: string;
}

const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);
const OPENREVIEW_HOSTS = new Set(['openreview.net', 'www.openreview.net']);
const ANTHOLOGY_HOSTS = new Set(['aclanthology.org', 'www.aclanthology.org']);
// Anthology ids: the new form (2023.acl-long.1, 2020.findings-emnlp.12) and the old one (P19-1001, W18-5446).
const ANTHOLOGY_ID = /^\/((?:\d{4}\.[a-z\d]+(?:-[a-z\d]+)*\.\d+)|(?:[A-Z]\d{2}-\d{4}))(?:\.pdf|\/)?$/;
// OpenReview forum ids: letters, digits, - and _ (no dots or slashes).
const OPENREVIEW_ID = /^[A-Za-z0-9_-]{5,40}$/;

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}

/** The paper a URL points at, or undefined: only the link's own host counts (a share link carrying a DOI in its query is no paper link). */
export function paperFromUrl(href: string, base?: string): LinkedPaper | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = hostOf(url);
  if (host === 'arxiv.org' || host === 'www.arxiv.org' || host === 'export.arxiv.org') {
    const arxivId = arxivIdFromUrl(`https://arxiv.org${url.pathname}`);
    return arxivId ? { arxivId, url: `https://arxiv.org/abs/${arxivId}` } : undefined;
  }
  if (DOI_HOSTS.has(host)) {
    let path = url.pathname.slice(1);
    try {
      path = decodeURIComponent(path);
    } catch {
      // a malformed escape: keep the path as written
    }
    const arxivId = arxivIdFromUrl(path);
    if (arxivId) return { arxivId, url: `https://arxiv.org/abs/${arxivId}` };
    const doi = normalizeDoi(path);
    return doi ? { doi, url: `https://doi.org/${doi}` } : undefined;
  }
  if (OPENREVIEW_HOSTS.has(host)) {
    if (url.pathname !== '/forum' && url.pathname !== '/pdf') return undefined;
    const id = url.searchParams.get('id') ?? '';
    return OPENREVIEW_ID.test(id) ? { openreviewId: id, url: `https://openreview.net/forum?id=${id}` } : undefined;
  }
  if (ANTHOLOGY_HOSTS.has(host)) {
    const m = ANTHOLOGY_ID.exec(url.pathname);
    return m?.[1] ? { anthologyId: m[1], url: `https://aclanthology.org/${m[1]}/` } : undefined;
  }
  const pmid = pmidFromUrl(url.href);
  return pmid ? { pmid, url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` } : undefined;
}

/** A site the user can show badges on: an http(s) page's origin ("https://news.ycombinator.com"), and its match pattern. */
export interface LinksSite {
  origin: string;
  pattern: string;
}

/** The site of a page for "Show badges on this site", or undefined for a page that is no web site (file:, about:, an IP literal is kept). */
export function linksSiteOf(pageUrl: string | undefined): LinksSite | undefined {
  if (!pageUrl) return undefined;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  // A host a match pattern can name exactly: letters, digits, dots and hyphens (IDNs arrive as punycode), or an IPv6
  // literal; never a wildcard ("*" is a valid URL host character).
  if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/i.test(url.hostname)) return undefined;
  // A match pattern has no port: the site is the scheme and host, every port of it.
  const origin = `${url.protocol}//${url.hostname.toLowerCase()}`;
  return { origin, pattern: `${origin}/*` };
}

/** The site an origin string names, when it is exactly one (what a message or a restored backup may carry). */
export function linksSiteFromOrigin(origin: string): LinksSite | undefined {
  const site = linksSiteOf(`${origin}/`);
  return site && site.origin === origin ? site : undefined;
}

/** Whether a host is one a full site adapter serves (`hosts`: every site's hostnames): such sites get no links control. */
export function hasFullAdapter(site: LinksSite, hosts: Iterable<string>): boolean {
  const host = new URL(site.origin).hostname;
  for (const served of hosts) if (served === host) return true;
  return false;
}
