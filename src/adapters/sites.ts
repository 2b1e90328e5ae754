// Which site each adapter serves, readable without loading any adapter: the popup names sites and filters by them
// with it (a meta-test keeps it equal to the adapters' own id, name and hosts, and manifest.json's content scripts).

export interface SiteInfo {
  id: string;
  name: string;
  hosts: readonly string[];
}

export const SITES: readonly SiteInfo[] = [
  { id: 'arxiv', name: 'arXiv', hosts: ['arxiv.org', 'www.arxiv.org'] },
  { id: 'huggingface', name: 'Hugging Face Papers', hosts: ['huggingface.co'] },
  { id: 'alphaxiv', name: 'alphaXiv', hosts: ['www.alphaxiv.org', 'alphaxiv.org'] },
  {
    id: 'googlescholar',
    name: 'Google Scholar',
    hosts: [
      'scholar.google.com', 'scholar.google.co.uk', 'scholar.google.ca', 'scholar.google.com.au', 'scholar.google.de',
      'scholar.google.fr', 'scholar.google.es', 'scholar.google.it', 'scholar.google.nl', 'scholar.google.ch',
      'scholar.google.co.jp', 'scholar.google.co.in', 'scholar.google.com.br',
    ],
  },
  { id: 'semanticscholar', name: 'Semantic Scholar', hosts: ['www.semanticscholar.org'] },
  { id: 'openreview', name: 'OpenReview', hosts: ['openreview.net'] },
  { id: 'aclanthology', name: 'ACL Anthology', hosts: ['aclanthology.org'] },
  { id: 'biorxiv', name: 'bioRxiv and medRxiv', hosts: ['www.biorxiv.org', 'www.medrxiv.org', 'biorxiv.org', 'medrxiv.org'] },
  { id: 'dblp', name: 'DBLP', hosts: ['dblp.org', 'dblp.uni-trier.de'] },
];
