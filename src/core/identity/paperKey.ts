// Paper keys: one canonical key per paper, from whatever identifier a page shows.
import { normalizeTitle } from './titles.ts';
import type { PaperKey } from '../paper.ts';

const NEW_ARXIV_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ARXIV_ID = /^([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** The arXiv id without its version, or undefined when `raw` is not one. */
export function normalizeArxivId(raw: string): string | undefined {
  const id = raw.trim().replace(/^arxiv:\s*/i, '');
  const m = NEW_ARXIV_ID.exec(id) ?? OLD_ARXIV_ID.exec(id);
  return m?.[1];
}

/** The arXiv id in an arxiv.org abs/pdf/html URL or a 10.48550/arXiv DOI. */
export function arxivIdFromUrl(url: string): string | undefined {
  const doi = /10\.48550\/arxiv\.([^\s?#]+)/i.exec(url);
  if (doi?.[1]) return normalizeArxivId(doi[1]);
  const m = /arxiv\.org\/(?:abs|pdf|html|format)\/([^?#]+?)(?:\.pdf)?\/?(?:[?#]|$)/i.exec(url);
  return m?.[1] ? normalizeArxivId(m[1]) : undefined;
}

export function normalizeDoi(raw: string): string | undefined {
  const m = /(10\.\d{4,9}\/\S+)/.exec(raw.trim());
  return m?.[1] ? m[1].replace(/[.,;]+$/, '').toLowerCase() : undefined;
}

export interface KeyParts {
  arxivId?: string;
  doi?: string;
  openreviewId?: string;
  title?: string;
}

/** The canonical key: arXiv id, else DOI (arXiv DOIs become arXiv ids), else OpenReview forum, else title. */
export function paperKey(parts: KeyParts): PaperKey {
  const arxiv = parts.arxivId ? normalizeArxivId(parts.arxivId) : undefined;
  if (arxiv) return `arxiv:${arxiv}`;
  const doi = parts.doi ? normalizeDoi(parts.doi) : undefined;
  if (doi) {
    const fromDoi = arxivIdFromUrl(doi);
    return fromDoi ? `arxiv:${fromDoi}` : `doi:${doi}`;
  }
  if (parts.openreviewId) return `openreview:${parts.openreviewId}`;
  return `title:${normalizeTitle(parts.title ?? '')}`;
}

/** Where a paper can be read: its arXiv abstract page or its DOI resolver page; nothing for other keys. */
export function paperUrl(key: string): string | undefined {
  const path = (id: string) => id.split('/').map(encodeURIComponent).join('/');
  if (key.startsWith('arxiv:') && key.length > 'arxiv:'.length) return `https://arxiv.org/abs/${path(key.slice('arxiv:'.length))}`;
  if (key.startsWith('doi:') && key.length > 'doi:'.length) return `https://doi.org/${path(key.slice('doi:'.length))}`;
  return undefined;
}
