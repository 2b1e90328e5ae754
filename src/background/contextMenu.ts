// The link context menu "Save paper to Paperscope": saves the paper an arXiv abs/pdf link or a DOI link points to.
import type { PaperRef } from '../core/paper.ts';
import { arxivIdFromUrl, normalizeDoi, paperKey } from '../core/identity/paperKey.ts';
import { t } from '../shared/i18n.ts';

export const SAVE_LINK_MENU_ID = 'paperscope-save-link';

/** The menu item's words, in the browser's language (asked when the menu is created, not at import). */
export function saveLinkMenuTitle(): string {
  return t('menuSaveLink');
}

const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);

/** The identifiers a link names: an arXiv id (abs/pdf/html URLs, arXiv DOIs) or a DOI behind a doi.org link. */
export function paperIdsFromLink(linkUrl: string): { arxivId?: string; doi?: string } | undefined {
  const arxivId = arxivIdFromUrl(linkUrl);
  if (arxivId) return { arxivId };
  let url: URL;
  try {
    url = new URL(linkUrl);
  } catch {
    return undefined;
  }
  if (!(url.protocol === 'https:' || url.protocol === 'http:') || !DOI_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  let path = url.pathname.slice(1);
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it encoded: normalizeDoi still finds the prefix
  }
  const doi = normalizeDoi(path);
  return doi ? { doi } : undefined;
}

/** Link text that reads like a title: not a bare id, url or word such as "pdf" or "arXiv:2104.07857". */
function titleLike(text: string | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim().slice(0, 1000);
  return t && /\S+\s+\S+/.test(t) && !/^(?:https?:|doi:|arxiv:)\S*$/i.test(t) ? t : undefined;
}

/**
 * The paper to save for a clicked link, or undefined when the link names no paper. The title is the catalogue's when
 * the catalogue knows the paper, else the link's text when the browser gives it (Firefox) and it reads like a title,
 * else the id.
 */
export function paperFromLink(linkUrl: string, linkText: string | undefined, lookup: (ref: PaperRef) => { title: string; authors?: string[] } | undefined): PaperRef | undefined {
  const ids = paperIdsFromLink(linkUrl);
  if (!ids) return undefined;
  const key = paperKey(ids);
  const bare: PaperRef = { key, title: '', ...ids };
  const known = lookup(bare);
  const title = known?.title || titleLike(linkText) || (ids.arxivId ? `arXiv:${ids.arxivId}` : ids.doi!);
  const paper: PaperRef = { ...bare, title, url: linkUrl.slice(0, 2000) };
  if (known?.authors?.length) paper.authors = known.authors;
  return paper;
}
