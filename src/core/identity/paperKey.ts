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

/** A PubMed id as written ("PMID: 31452104", " 31452104"): 1 to 9 digits, no leading zero; undefined otherwise. */
export function normalizePmid(raw: string): string | undefined {
  const m = /^(?:pmid:?\s*)?([1-9]\d{0,8})$/i.exec(raw.trim());
  return m?.[1];
}

/** The PubMed id in a PubMed record URL (pubmed.ncbi.nlm.nih.gov/<pmid>/, the older www.ncbi.nlm.nih.gov/pubmed/<pmid>). */
export function pmidFromUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const m = host === 'pubmed.ncbi.nlm.nih.gov' ? /^\/(\d+)\/?$/.exec(path) : /^(?:www\.)?ncbi\.nlm\.nih\.gov$/.test(host) ? /^\/pubmed\/(\d+)\/?$/.exec(path) : null;
  return m?.[1] ? normalizePmid(m[1]) : undefined;
}

export interface KeyParts {
  arxivId?: string;
  doi?: string;
  pmid?: string;
  openreviewId?: string;
  title?: string;
}

/** The canonical key: arXiv id, else DOI (arXiv DOIs become arXiv ids), else PubMed id, else OpenReview forum, else title. */
export function paperKey(parts: KeyParts): PaperKey {
  const arxiv = parts.arxivId ? normalizeArxivId(parts.arxivId) : undefined;
  if (arxiv) return `arxiv:${arxiv}`;
  const doi = parts.doi ? normalizeDoi(parts.doi) : undefined;
  if (doi) {
    const fromDoi = arxivIdFromUrl(doi);
    return fromDoi ? `arxiv:${fromDoi}` : `doi:${doi}`;
  }
  const pmid = parts.pmid ? normalizePmid(parts.pmid) : undefined;
  if (pmid) return `pmid:${pmid}`;
  if (parts.openreviewId) return `openreview:${parts.openreviewId}`;
  return `title:${normalizeTitle(parts.title ?? '')}`;
}

/** Where a paper can be read: its arXiv abstract page, its DOI resolver page or its PubMed record; nothing for other keys. */
export function paperUrl(key: string): string | undefined {
  const path = (id: string) => id.split('/').map(encodeURIComponent).join('/');
  if (key.startsWith('arxiv:') && key.length > 'arxiv:'.length) return `https://arxiv.org/abs/${path(key.slice('arxiv:'.length))}`;
  if (key.startsWith('doi:') && key.length > 'doi:'.length) return `https://doi.org/${path(key.slice('doi:'.length))}`;
  if (key.startsWith('pmid:')) {
    const pmid = normalizePmid(key.slice('pmid:'.length));
    if (pmid) return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  }
  return undefined;
}
