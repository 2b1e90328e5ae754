// The list of site adapters, and which one claims a URL.
import { acm } from './acm.ts';
import { aclanthology } from './aclanthology.ts';
import { alphaxiv } from './alphaxiv.ts';
import { arxiv } from './arxiv.ts';
import { biorxiv } from './biorxiv.ts';
import { cvf } from './cvf.ts';
import { dblp } from './dblp.ts';
import { googlescholar } from './googlescholar.ts';
import { huggingface } from './huggingface.ts';
import { ieee } from './ieee.ts';
import { journals } from './journals.ts';
import { neurips } from './neurips.ts';
import { openreview } from './openreview.ts';
import { pmlr } from './pmlr.ts';
import { pubmed } from './pubmed.ts';
import { semanticscholar } from './semanticscholar.ts';
import type { SiteAdapter } from './types.ts';

/** Every site adapter; the first whose detect() claims a URL wins. */
export const ADAPTERS: readonly SiteAdapter[] = [
  arxiv,
  huggingface,
  alphaxiv,
  googlescholar,
  semanticscholar,
  openreview,
  aclanthology,
  biorxiv,
  dblp,
  pubmed,
  neurips,
  pmlr,
  cvf,
  acm,
  ieee,
  journals,
];

/** The adapter that claims `url` and what the page is to it; undefined for invalid or unclaimed URLs. */
export function adapterFor(url: string | URL): { adapter: SiteAdapter; kind: 'listing' | 'paper' } | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  for (const adapter of ADAPTERS) {
    const kind = adapter.detect(parsed);
    if (kind) return { adapter, kind };
  }
  return undefined;
}

export function adapterById(id: string): SiteAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}
