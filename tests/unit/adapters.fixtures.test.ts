// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// The contract every adapter meets, one table row per adapter: URL detection, the rows of each of its fixture pages,
// anchoring, row readers, badge-proof rescans and odd roots. Site-specific markup cases are in adapters.sites.test.ts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aclanthology } from '../../src/adapters/aclanthology.ts';
import { acm } from '../../src/adapters/acm.ts';
import { alphaxiv } from '../../src/adapters/alphaxiv.ts';
import { arxiv } from '../../src/adapters/arxiv.ts';
import { biorxiv } from '../../src/adapters/biorxiv.ts';
import { cvf } from '../../src/adapters/cvf.ts';
import { dblp } from '../../src/adapters/dblp.ts';
import { generic } from '../../src/adapters/generic.ts';
import { googlescholar } from '../../src/adapters/googlescholar.ts';
import { huggingface } from '../../src/adapters/huggingface.ts';
import { ieee } from '../../src/adapters/ieee.ts';
import { journals } from '../../src/adapters/journals.ts';
import { neurips } from '../../src/adapters/neurips.ts';
import { openreview } from '../../src/adapters/openreview.ts';
import { pmlr } from '../../src/adapters/pmlr.ts';
import { pubmed } from '../../src/adapters/pubmed.ts';
import { ADAPTERS } from '../../src/adapters/registry.ts';
import { semanticscholar } from '../../src/adapters/semanticscholar.ts';
import type { PageKind, PaperRow, SiteAdapter } from '../../src/adapters/types.ts';
import { asExpected, expectAnchored, FIXTURE_ROOT, fixtureNamesOf, loadFixture, parse, THROWING_ROOT, type AnchorRules } from './adapterFixtures.ts';

interface Site extends AnchorRules {
  adapter: SiteAdapter;
  /** Its fixtures pin the whole ref (url included), not only asExpected's fields. */
  wholeRefs?: true;
  /**
   * It reads links anywhere in the page, so its rescans also put a link inside the badge (the real badge keeps its
   * content in a shadow root, which the site adapters, reading only their own markup, never see).
   */
  linkInBadge?: true;
  /** URLs beyond its testUrls, with the kind detect() must give (null: not ours, or for generic not a web page). */
  detects: Array<[url: string, kind: PageKind]>;
}

const SITES: Site[] = [
  {
    adapter: acm,
    shown: 'title',
    url: /^https:\/\/dl\.acm\.org\/doi\/10\.\d{4,9}\/\S+$/,
    detects: [
      ['https://dl.acm.org/action/doSearch?AllField=graph+neural+networks&startPage=2&pageSize=50', 'listing'],
      ['https://dl.acm.org/action/doSearch?ConceptID=118230', 'listing'],
      ['https://dl.acm.org/toc/jacm/2023/70/1', 'listing'],
      ['https://dl.acm.org/toc/pacmpl/2024/8/POPL', 'listing'],
      ['https://dl.acm.org/toc/cacm/just-accepted', 'listing'],
      ['https://dl.acm.org/doi/proceedings/10.1145/3600006', 'listing'],
      ['https://dl.acm.org/doi/10.1145/2939672.2939785', 'paper'],
      ['https://dl.acm.org/doi/full/10.1145/3458723', 'paper'],
      ['https://dl.acm.org/doi/fullHtml/10.1145/3442188.3445922', 'paper'],
      ['https://dl.acm.org/doi/10.5555/3295222.3295349', 'paper'],
      ['https://dl.acm.org/', null],
      ['https://dl.acm.org/action/doSearch', null],
      ['https://dl.acm.org/doi/pdf/10.1145/2939672.2939785', null],
      ['https://dl.acm.org/doi/proceedings/10.1145/', null],
      ['https://dl.acm.org/doi/book/10.1145/3335772', null],
      ['https://dl.acm.org/doi/', null],
      ['https://dl.acm.org/toc/cacm', null],
      ['https://dl.acm.org/profile/81100223407', null],
      ['https://dl.acm.org/journal/jacm', null],
      ['https://dl.acm.org/conference/kdd/proceedings', null],
      ['https://cacm.acm.org/research/a-paper/', null],
      ['https://example.org/doi/10.1145/2939672.2939785', null],
    ],
  },
  {
    adapter: aclanthology,
    shown: 'title',
    url: /^https:\/\/aclanthology\.org\/(?:\d{4}\.[a-z0-9-]+\.\d+|[A-Z]\d{2}-\d{4})\/$/,
    detects: [
      ['https://aclanthology.org/events/naacl-2024/', 'listing'],
      ['https://aclanthology.org/events/ws-2019/', 'listing'],
      ['https://aclanthology.org/volumes/2024.findings-emnlp/', 'listing'],
      ['https://aclanthology.org/volumes/P19-1/', 'listing'],
      ['https://aclanthology.org/2020.emnlp-main.1/', 'paper'],
      ['https://aclanthology.org/2023.acl-long.1', 'paper'],
      ['https://aclanthology.org/W19-5301/', 'paper'],
      ['https://aclanthology.org/J90-1001/', 'paper'],
      ['https://aclanthology.org/N19-1423/', 'paper'],
      ['https://aclanthology.org/', null],
      ['https://aclanthology.org/events/', null],
      ['https://aclanthology.org/volumes/', null],
      ['https://aclanthology.org/2023.acl-long.1.pdf', null],
      ['https://aclanthology.org/2023.acl-long.1.bib', null],
      ['https://aclanthology.org/2023.acl-long.0/', null],
      ['https://aclanthology.org/P19-1000/', null],
      ['https://aclanthology.org/W19-5300/', null],
      ['https://aclanthology.org/people/a/anna-rogers/', null],
      ['https://aclanthology.org/venues/acl/', null],
      ['https://aclanthology.org/search/?q=dialogue', null],
      ['https://example.org/2023.acl-long.1/', null],
    ],
  },
  {
    adapter: alphaxiv,
    shown: 'title',
    url: (ref) => `https://www.alphaxiv.org/abs/${ref.arxivId}`,
    detects: [
      ['https://alphaxiv.org/', 'listing'],
      ['https://www.alphaxiv.org/?sort=Hot', 'listing'],
      ['https://www.alphaxiv.org/trending?interval=7+Days', 'listing'],
      ['https://www.alphaxiv.org/abs/2301.12345v1', 'paper'],
      ['https://www.alphaxiv.org/abs/hep-th/9901001', 'paper'],
      ['https://www.alphaxiv.org/overview/2503.14476v2', 'paper'],
      ['https://www.alphaxiv.org/abs/not-an-id', null],
      ['https://www.alphaxiv.org/abs/%E0%A4%A', null],
      ['https://www.alphaxiv.org/profile/0185fbae', null],
      ['https://www.alphaxiv.org/explore/extra', null],
      ['https://www.alphaxiv.org/pdf/2301.12345', null],
      ['https://fetcher.alphaxiv.org/v2/pdf/2301.12345v1.pdf', null],
      ['https://arxiv.org/abs/2301.12345', null],
      ['https://example.org/abs/2301.12345', null],
    ],
  },
  {
    adapter: arxiv,
    shown: 'plainPieces',
    url: (ref) => `https://arxiv.org/abs/${ref.arxivId}`,
    detects: [
      ['https://arxiv.org/list/cs.CL/new?skip=0&show=2000', 'listing'],
      ['https://arxiv.org/list/cs.CL/recent', 'listing'],
      ['https://arxiv.org/list/astro-ph.CO/pastweek?show=100', 'listing'],
      ['https://arxiv.org/list/cs.DC/2104?skip=25', 'listing'],
      ['https://arxiv.org/catchup', 'listing'],
      ['https://arxiv.org/abs/2607.22529v1', 'paper'],
      ['https://arxiv.org/abs/0704.0001', 'paper'],
      ['https://arxiv.org/abs/physics/0309093', 'paper'],
      ['https://arxiv.org/', null],
      ['https://arxiv.org/pdf/2104.07857', null],
      ['https://arxiv.org/html/2104.07857v1', null],
      ['https://arxiv.org/help', null],
      ['https://arxiv.org/list/cs.CL', null],
      ['https://arxiv.org/list/cs.CL/new/extra', null],
      ['https://arxiv.org/abs/not-an-id', null],
      ['https://arxiv.org/abs/%E0%A4%A', null],
      ['https://export.arxiv.org/abs/2104.07857', null],
      ['https://example.org/list/cs.CL/new', null],
      ['https://example.org/abs/2104.07857', null],
    ],
  },
  {
    adapter: biorxiv,
    shown: 'title',
    url: /^https:\/\/(?:(?:www\.)?(?:bio|med)rxiv\.org\/content|doi\.org)\/10\.1101\//,
    detects: [
      ['https://www.medrxiv.org/', 'listing'],
      ['https://biorxiv.org/collection/bioinformatics?page=3', 'listing'],
      ['https://www.biorxiv.org/content/early/recent?page=1', 'listing'],
      ['https://www.medrxiv.org/search/long%20covid', 'listing'],
      ['https://www.biorxiv.org/content/10.1101/696633v1', 'paper'],
      ['https://www.biorxiv.org/content/10.1101/696633v1.full', 'paper'],
      ['https://www.biorxiv.org/content/10.1101/2024.02.28.582523v1.article-metrics', 'paper'],
      ['https://medrxiv.org/content/10.1101/2020.04.14.20062463', 'paper'],
      ['https://www.biorxiv.org/content/10.1101/696633v1.full.pdf', null],
      ['https://www.biorxiv.org/content/biorxiv/early/2019/07/11/696633.full.pdf', null],
      ['https://www.biorxiv.org/content/10.1101/gr.242719.118', null],
      ['https://www.biorxiv.org/about-biorxiv', null],
      ['https://www.biorxiv.org/submit-a-manuscript', null],
      ['https://www.biorxiv.org/collection/', null],
      ['https://connect.biorxiv.org/relate/content/181', null],
      ['https://api.biorxiv.org/details/biorxiv/10.1101/696633', null],
      ['https://www.biorxiv.org.example.com/content/10.1101/696633v1', null],
      ['https://example.org/content/10.1101/696633v1', null],
    ],
  },
  {
    adapter: cvf,
    shown: 'title',
    url: /^https:\/\/openaccess\.thecvf\.com\/content[A-Za-z0-9_]*\/(?:[A-Za-z0-9_-]+\/)*html\/[^/]+_paper\.html$/,
    detects: [
      ['https://openaccess.thecvf.com/CVPR2024?day=2024-06-19', 'listing'],
      ['https://openaccess.thecvf.com/ICCV2017.py', 'listing'],
      ['https://openaccess.thecvf.com/ICCV2019?day=2019-10-29', 'listing'],
      ['https://openaccess.thecvf.com/WACV2023/', 'listing'],
      ['https://openaccess.thecvf.com/CVPR2024_workshops/EarthVision', 'listing'],
      ['https://openaccess.thecvf.com/content/ICCV2023/html/Kirillov_Segment_Anything_ICCV_2023_paper.html', 'paper'],
      ['https://openaccess.thecvf.com/content_ICCV_2017/html/He_Mask_R-CNN_ICCV_2017_paper.html', 'paper'],
      ['https://openaccess.thecvf.com/CVPR2017', 'listing'],
      ['https://openaccess.thecvf.com/', null],
      ['https://openaccess.thecvf.com/CVPR2024', null],
      ['https://openaccess.thecvf.com/ICCV2023?day=', null],
      ['https://openaccess.thecvf.com/menu', null],
      ['https://openaccess.thecvf.com/CVPR2024_workshops/menu', null],
      ['https://openaccess.thecvf.com/content/CVPR2024/papers/Li_Generative_Image_Dynamics_CVPR_2024_paper.pdf', null],
      ['https://openaccess.thecvf.com/content/CVPR2024/supplemental/Li_Generative_Image_Dynamics_CVPR_2024_supplemental.pdf', null],
      ['https://openaccess.thecvf.com/content/CVPR2024/html/', null],
      ['https://openaccess.thecvf.com/cvpr2024', null],
      ['https://www.thecvf.com/', null],
      ['https://example.org/CVPR2024?day=all', null],
    ],
  },
  {
    adapter: dblp,
    shown: 'title',
    url: /^https:\/\/dblp\.org\/rec\/.+\.html$/,
    detects: [
      ['https://dblp.org/pid/126/8724-1.html', 'listing'],
      ['https://dblp.org/db/conf/acl/acl2023-1.html', 'listing'],
      ['https://dblp.uni-trier.de/db/journals/corr/corr2401.html', 'listing'],
      ['https://dblp.org/db/series/lncs/lncs13000.html', 'listing'],
      ['https://dblp.org/search/publ?q=transformer', 'listing'],
      ['https://dblp.org/search/?q=Ana%20Santos', 'listing'],
      ['https://dblp.org/rec/journals/corr/abs-1706-03762.html', 'paper'],
      ['https://dblp.org/', null],
      ['https://dblp.org/search?q=', null],
      ['https://dblp.org/search', null],
      ['https://dblp.org/db/conf/nips/index.html', null],
      ['https://dblp.org/db/conf/nips/', null],
      ['https://dblp.org/pid/10/3248.xml', null],
      ['https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.bib', null],
      ['https://dblp.org/statistics/index.html', null],
      ['https://www.example.org/pid/10/3248.html', null],
    ],
  },
  {
    adapter: generic,
    shown: 'unchecked',
    wholeRefs: true,
    linkInBadge: true,
    detects: [
      ['https://blog.example.org/post', 'listing'],
      ['http://localhost:8080/page', 'listing'],
      ['https://arxiv.org/abs/2104.07857', 'listing'],
      ['file:///home/me/paper.html', null],
      ['chrome://extensions/', null],
      ['about:blank', null],
      ['data:text/html,hi', null],
    ],
  },
  {
    adapter: googlescholar,
    shown: 'title',
    repeatsKeys: true,
    detects: [
      ['https://scholar.google.com/scholar?q=related:NuivrFmD6BEJ:scholar.google.com/&hl=en', 'listing'],
      ['https://scholar.google.co.jp/scholar?hl=ja&q=transformer', 'listing'],
      ['https://scholar.google.com.br/scholar?cites=123&hl=pt', 'listing'],
      ['https://scholar.google.ch/citations?user=kukA0LcAAAAJ&hl=de&cstart=20&pagesize=80', 'listing'],
      ['https://scholar.google.com/', null],
      ['https://scholar.google.com/schhp?hl=en', null],
      ['https://scholar.google.com/scholar?hl=en', null],
      ['https://scholar.google.com/scholar_alerts?view_op=list_alerts', null],
      ['https://scholar.google.com/citations?view_op=search_authors&mauthors=bengio', null],
      ['https://scholar.google.com/citations?view_op=view_citation&user=kukA0LcAAAAJ&citation_for_view=kukA0LcAAAAJ:0EnyYjriUFMC', null],
      ['https://scholar.google.com/citations?hl=en', null],
      ['https://www.google.com/scholar?q=deep+learning', null],
      ['https://scholar.google.evil.example/scholar?q=deep+learning', null],
      ['https://notscholar.google.com/scholar?q=deep+learning', null],
      ['https://scholar.googleusercontent.com/scholar?q=cache:x', null],
      ['https://example.org/scholar?q=deep+learning', null],
    ],
  },
  {
    adapter: huggingface,
    shown: 'title',
    url: (ref) => `https://huggingface.co/papers/${ref.arxivId}`,
    detects: [
      ['https://huggingface.co/papers/', 'listing'],
      ['https://huggingface.co/papers?date=2025-02-03', 'listing'],
      ['https://huggingface.co/papers/date/2025-02-03?sort=trending', 'listing'],
      ['https://huggingface.co/papers/week/2025-W5', 'listing'],
      ['https://huggingface.co/papers/2502.01456', 'paper'],
      ['https://huggingface.co/papers/2502.01456v2', 'paper'],
      ['https://huggingface.co/', null],
      ['https://huggingface.co/models', null],
      ['https://huggingface.co/papers/not-an-id', null],
      ['https://huggingface.co/papers/date/2025-2-3', null],
      ['https://huggingface.co/papers/2501.12948/extra', null],
      ['https://huggingface.co/datasets/foo/papers', null],
      ['https://huggingface.co/papers/%E0%A4%A', null],
      ['https://hf.co/papers/2501.12948', null],
      ['https://arxiv.org/abs/2501.12948', null],
      ['https://example.org/papers/2501.12948', null],
    ],
  },
  {
    adapter: ieee,
    shown: 'title',
    url: /^https:\/\/ieeexplore\.ieee\.org\/document\/\d+$/,
    detects: [
      ['https://ieeexplore.ieee.org/search/searchresult.jsp?queryText=graph%20neural%20networks&highlight=true&returnType=SEARCH&pageNumber=2', 'listing'],
      ['https://ieeexplore.ieee.org/search/searchresult.jsp?action=search&matchBoolean=true&queryText=(%22Author%22:Kaiming%20He)', 'listing'],
      ['https://ieeexplore.ieee.org/xpl/tocresult.jsp?isnumber=7920459&punumber=34', 'listing'],
      ['https://ieeexplore.ieee.org/xpl/mostRecentIssue.jsp?punumber=5', 'listing'],
      ['https://ieeexplore.ieee.org/xpl/conhome/7776647/proceeding/', 'listing'],
      ['https://ieeexplore.ieee.org/document/7780459/', 'paper'],
      ['https://ieeexplore.ieee.org/document/7780459/authors', 'paper'],
      ['https://ieeexplore.ieee.org/document/726791?arnumber=726791', 'paper'],
      ['https://ieeexplore.ieee.org/abstract/document/8237584', 'paper'],
      ['https://ieeexplore.ieee.org/', null],
      ['https://ieeexplore.ieee.org/Xplore/home.jsp', null],
      ['https://ieeexplore.ieee.org/search/searchresult.jsp', null],
      ['https://ieeexplore.ieee.org/xpl/tocresult.jsp', null],
      ['https://ieeexplore.ieee.org/xpl/tocresult.jsp?isnumber=abc', null],
      ['https://ieeexplore.ieee.org/xpl/mostRecentIssue.jsp', null],
      ['https://ieeexplore.ieee.org/xpl/conhome/7776647/all-proceedings', null],
      ['https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=7780459', null],
      ['https://ieeexplore.ieee.org/document/', null],
      ['https://ieeexplore.ieee.org/document/not-a-number', null],
      ['https://ieeexplore.ieee.org/document/7780459/figures/extra', null],
      ['https://ieeexplore.ieee.org/author/37085355745', null],
      ['https://ieeexplore.ieee.org/browse/conferences/title', null],
      ['https://www.ieee.org/document/7780459', null],
      ['https://example.org/document/7780459', null],
    ],
  },
  {
    adapter: journals,
    shown: 'title',
    detects: [
      ['https://www.nature.com/articles/nature14539', 'paper'],
      ['https://www.nature.com/articles/s41467-020-19239-5/', 'paper'],
      ['https://www.nature.com/nature/research-articles', 'listing'],
      ['https://www.nature.com/search?q=crispr&journal=nature', 'listing'],
      ['https://link.springer.com/chapter/10.1007/978-3-319-24574-4_28', 'paper'],
      ['https://link.springer.com/article/10.1023/A:1010933404324', 'paper'],
      ['https://link.springer.com/search?query=graph&facet-content-type=Article', 'listing'],
      ['https://www.science.org/doi/full/10.1126/sciadv.abc1234', 'paper'],
      ['https://www.pnas.org/doi/10.1073/pnas.2016239118', 'paper'],
      ['https://journals.plos.org/ploscompbiol/article?id=10.1371/journal.pcbi.1008215', 'paper'],
      ['https://www.cell.com/neuron/abstract/S0896-6273(20)30001-X', 'paper'],
      ['https://onlinelibrary.wiley.com/doi/full/10.1111/j.1467-9868.2005.00503.x', 'paper'],
      ['https://academic.oup.com/nar/article/49/D1/D480/6006196', 'paper'],
      ['https://academic.oup.com/bioinformatics/article-abstract/21/2/263/186662', 'paper'],
      ['https://www.frontiersin.org/journals/neuroscience/articles/10.3389/fnins.2018.00774/full', 'paper'],
      ['https://www.mdpi.com/1424-8220/20/5/1459/htm', 'paper'],
      ['https://iopscience.iop.org/article/10.3847/1538-4357/ab0ec7/meta', 'paper'],
      ['https://journals.aps.org/prx/abstract/10.1103/PhysRevX.8.031016', 'paper'],
      ['https://elifesciences.org/articles/65902/', 'paper'],
      ['https://www.jmlr.org/papers/v15/srivastava14a.html', 'paper'],
      ['https://www.nature.com/', null],
      ['https://www.nature.com/nature', null],
      ['https://www.nature.com/search', null],
      ['https://www.nature.com/articles/s41586-019-1666-5.pdf', null],
      ['https://www.nature.com/subjects/machine-learning', null],
      ['https://link.springer.com/', null],
      ['https://link.springer.com/search?query=', null],
      ['https://link.springer.com/book/10.1007/978-0-387-84858-7', null],
      ['https://link.springer.com/content/pdf/10.1007/s10994-021-05946-3.pdf', null],
      ['https://www.science.org/doi/pdf/10.1126/science.aar6404', null],
      ['https://www.science.org/toc/science/current', null],
      ['https://journals.plos.org/plosone/article?id=', null],
      ['https://journals.plos.org/plosone/', null],
      ['https://onlinelibrary.wiley.com/doi/pdf/10.1002/anie.201506223', null],
      ['https://onlinelibrary.wiley.com/toc/15213773/2015/54/50', null],
      ['https://www.mdpi.com/journal/sensors', null],
      ['https://iopscience.iop.org/article/10.3847/1538-4357/ab0ec7/pdf', null],
      ['https://elifesciences.org/subjects/neuroscience', null],
      ['https://www.jmlr.org/papers/', null],
      ['https://www.jmlr.org/papers/volume21/20-074/20-074.pdf', null],
      ['https://dl.acm.org/doi/10.1145/3442188.3445922', null],
      ['https://nature.com/articles/nature14539', null],
      ['https://example.org/articles/nature14539', null],
    ],
  },
  {
    adapter: neurips,
    shown: 'title',
    url: /^https:\/\/(?:proceedings\.neurips\.cc|papers\.nips\.cc)\/(?:paper_files\/)?paper\/\d{4}\/hash\/[0-9a-f]{32}-Abstract(?:-\w+)?\.html$/,
    detects: [
      ['https://proceedings.neurips.cc/paper_files/paper/2019/', 'listing'],
      ['https://papers.nips.cc/paper/1987', 'listing'],
      ['https://proceedings.neurips.cc/paper_files/paper/2022/hash/9d5609613524ecf4f15af0f7b31abca4-Abstract-Conference.html', 'paper'],
      ['https://papers.nips.cc/paper_files/paper/2021/hash/c1e2faff6f588870935f114ebe04a3e5-Abstract-Datasets_and_Benchmarks.html', 'paper'],
      ['https://proceedings.neurips.cc/', null],
      ['https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf', null],
      ['https://proceedings.neurips.cc/paper_files/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Bibtex.bib', null],
      ['https://proceedings.neurips.cc/paper_files/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Reviews.html', null],
      ['https://proceedings.neurips.cc/paper_files/paper/2017/hash/not-a-hash-Abstract.html', null],
      ['https://proceedings.neurips.cc/papers/search?q=attention', null],
      ['https://proceedings.neurips.cc/admin/login/', null],
      ['https://neurips.cc/virtual/2023/poster/70144', null],
      ['https://example.org/paper_files/paper/2023', null],
    ],
  },
  {
    adapter: openreview,
    shown: 'title',
    url: /^https:\/\/openreview\.net\/forum\?id=[A-Za-z0-9_-]+$/,
    detects: [
      ['https://openreview.net/group?id=ICML.cc/2024/Conference', 'listing'],
      ['https://openreview.net/group?id=TMLR', 'listing'],
      ['https://openreview.net/group?id=ICLR.cc/2025/Workshop/ICBINB#tab-accept', 'listing'],
      ['https://openreview.net/forum?id=PdaPky8MUn', 'paper'],
      ['https://openreview.net/forum/?id=B1xsqj09Fm', 'paper'],
      ['https://openreview.net/forum?id=S1-x_9g0W&noteId=HkvWdGaHz', 'paper'],
      ['https://openreview.net/', null],
      ['https://openreview.net/group', null],
      ['https://openreview.net/group?id=', null],
      ['https://openreview.net/forum', null],
      ['https://openreview.net/forum?id=%20', null],
      ['https://openreview.net/pdf?id=PdaPky8MUn', null],
      ['https://openreview.net/profile?id=~Ido_Amos1', null],
      ['https://openreview.net/venues', null],
      ['https://api.openreview.net/notes?forum=PdaPky8MUn', null],
      ['https://example.org/forum?id=PdaPky8MUn', null],
    ],
  },
  {
    adapter: pmlr,
    shown: 'title',
    url: /^https:\/\/proceedings\.mlr\.press\/[vr]\d+\/[A-Za-z0-9_-]+\.html$/,
    detects: [
      ['https://proceedings.mlr.press/v37/', 'listing'],
      ['https://proceedings.mlr.press/r2', 'listing'],
      ['https://proceedings.mlr.press/v235/zhou24a.html', 'paper'],
      ['https://proceedings.mlr.press/v9/glorot10a.html', 'paper'],
      ['https://proceedings.mlr.press/', null],
      ['https://proceedings.mlr.press/v202/index.html', null],
      ['https://proceedings.mlr.press/v202/aamand23a/aamand23a.pdf', null],
      ['https://proceedings.mlr.press/v202/assets/bib/bibliography.bib', null],
      ['https://proceedings.mlr.press/v202/aamand23a/', null],
      ['https://proceedings.mlr.press/faq.html', null],
      ['https://proceedings.mlr.press/spec.html', null],
      ['https://mlr.press/v202/', null],
      ['https://example.org/v202/', null],
    ],
  },
  {
    adapter: pubmed,
    shown: 'title',
    url: (ref) => `https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/`,
    detects: [
      ['https://pubmed.ncbi.nlm.nih.gov/?term=sepsis&page=3', 'listing'],
      ['https://pubmed.ncbi.nlm.nih.gov/?term=%22deep+learning%22%5BTitle%5D&sort=date&size=200', 'listing'],
      ['https://pubmed.ncbi.nlm.nih.gov/?linkname=pubmed_pubmed_citedin&from_uid=22745249', 'listing'],
      ['https://pubmed.ncbi.nlm.nih.gov/trending', 'listing'],
      ['https://pubmed.ncbi.nlm.nih.gov/22745249/', 'paper'],
      ['https://pubmed.ncbi.nlm.nih.gov/22745249', 'paper'],
      ['https://pubmed.ncbi.nlm.nih.gov/123456789/?from_term=x', 'paper'],
      ['https://pubmed.ncbi.nlm.nih.gov/', null],
      ['https://pubmed.ncbi.nlm.nih.gov/?term=', null],
      ['https://pubmed.ncbi.nlm.nih.gov/?term=%20', null],
      ['https://pubmed.ncbi.nlm.nih.gov/advanced/', null],
      ['https://pubmed.ncbi.nlm.nih.gov/clipboard/', null],
      ['https://pubmed.ncbi.nlm.nih.gov/1234567890/', null],
      ['https://pubmed.ncbi.nlm.nih.gov/0123/', null],
      ['https://pubmed.ncbi.nlm.nih.gov/22745249/citations/', null],
      ['https://www.ncbi.nlm.nih.gov/pubmed/22745249', null],
      ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6286148/', null],
      ['https://example.org/22745249/', null],
    ],
  },
  {
    adapter: semanticscholar,
    shown: 'title',
    url: /^https:\/\/www\.semanticscholar\.org\/paper\//,
    detects: [
      ['https://www.semanticscholar.org/search?q=protein%20folding', 'listing'],
      ['https://www.semanticscholar.org/search?q=llm&sort=relevance&page=3', 'listing'],
      ['https://www.semanticscholar.org/author/Yoshua-Bengio/1751762', 'listing'],
      ['https://www.semanticscholar.org/author/1751762', 'listing'],
      ['https://www.semanticscholar.org/paper/BERT%3A-Pre-training-Devlin-Chang/df2b0e26d0599ce3e70df8a9da02e51594e0e992', 'paper'],
      ['https://www.semanticscholar.org/paper/df2b0e26d0599ce3e70df8a9da02e51594e0e992/', 'paper'],
      ['https://www.semanticscholar.org/', null],
      ['https://www.semanticscholar.org/search', null],
      ['https://www.semanticscholar.org/search?q=', null],
      ['https://www.semanticscholar.org/paper/not-a-paper-id', null],
      ['https://www.semanticscholar.org/reader/204e3073870fae3d05bcbc2f6a8e263d9b72e776', null],
      ['https://www.semanticscholar.org/author/Ashish-Vaswani', null],
      ['https://www.semanticscholar.org/me/library', null],
      ['https://api.semanticscholar.org/graph/v1/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776', null],
      ['https://pdfs.semanticscholar.org/2b0e/26d0599ce3e70df8a9da02e51594e0e992.pdf', null],
      ['https://arxiv.org/abs/1706.03762', null],
      ['https://example.org/search?q=attention', null],
    ],
  },
];

/** Pages with nothing paper-like that still trip naive parsing: broken markup, empty metas, bad JSON, bare links. */
const GARBAGE_HTML = [
  '<<p>>< a href=>&amp;&#0;<h1></h1><h2> </h2><h3><a></a></h3><a>no href</a><a href="javascript:void(0)">x</a>',
  '<html><head><meta name="citation_title"><meta name="citation_title" content=" "><meta name="citation_doi" content="not a doi">',
  '<script type="application/ld+json">{ "@type": </script><script type="application/ld+json">[1, null, "x"]</script></head>',
  '<body><div data-target="DailyPapers" data-props="{"></div><dl id="articles"><dt></dt><dd></dd></dl>',
  '<a href="https://arxiv.org/abs/">abs</a><a href="https://doi.org/">doi</a><a href="/forum?id=">forum</a><a href="/abs/x">x</a>',
  '<div class="gs_r"><h3 class="gs_rt"></h3></div><li class="entry article"><cite></cite></li></body></html>',
].join('');

/** A badge's content as the content script shows it, and a link a badge may hold, which is never a paper. */
const BADGE_HTML = '<span part="tag">Systems (cs.DC)</span><button part="save">Save</button>';
const BADGE_LINK = '<a href="https://arxiv.org/abs/2601.00001">A link inside a badge is never a paper</a>';

const withKinds = (cases: Site['detects']) => cases.map(([url, kind]) => [url, kind ?? 'not ours', kind] as const);

/** The refs and elements of rows, to compare two reads of a page. */
const shapeOf = (rows: PaperRow[]) => rows.map(({ ref, titleEl, rowEl }) => ({ ref, titleEl, rowEl }));

it('covers every registered adapter and the generic one, each with a fixture folder', () => {
  const ids = SITES.map((site) => site.adapter.id);
  expect([...ids].sort()).toEqual([...ADAPTERS.map((adapter) => adapter.id), 'generic'].sort());
  for (const id of ids) expect(existsSync(resolve(FIXTURE_ROOT, id)), id).toBe(true);
});

describe.each(SITES.map((site) => [site.adapter.id, site] as const))('%s', (id, site) => {
  const { adapter } = site;
  const fixtureNames = fixtureNamesOf(id);

  it('claims each of its test URLs with the right kind', () => {
    for (const { url, kind } of adapter.testUrls) expect(adapter.detect(new URL(url)), url).toBe(kind);
  });

  it.each(withKinds(site.detects))('%s is %s', (url, _label, kind) => {
    expect(adapter.detect(new URL(url))).toBe(kind);
  });

  it('has at least three fixtures, one of them a page with no paper on it', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(3);
    expect(fixtureNames.some((name) => loadFixture(id, name).fixture.rows.length === 0)).toBe(true);
  });

  it('returns [] for an empty document, a root that throws, and garbage', () => {
    expect(adapter.rows(parse('<html><body></body></html>'))).toEqual([]);
    expect(adapter.rows(THROWING_ROOT)).toEqual([]);
    const garbage = parse(GARBAGE_HTML);
    expect(adapter.rows(garbage)).toEqual([]);
    expect(adapter.rows(garbage.body)).toEqual([]);
    expect(adapter.rows(garbage.createDocumentFragment())).toEqual([]);
  });

  if (adapter.rowReaders) {
    const readers = adapter.rowReaders.bind(adapter);
    it('has row readers that give nothing, and never throw, on a root that throws and on garbage', () => {
      for (const root of [THROWING_ROOT, parse(GARBAGE_HTML), parse('')]) {
        expect(
          readers(root)
            .map((read) => read())
            .filter(Boolean),
        ).toEqual([]);
      }
    });
  }

  describe.each(fixtureNames)('fixture %s', (name) => {
    const { fixture, doc } = loadFixture(id, name);

    it('is detected as the fixture says', () => {
      expect(adapter.detect(new URL(fixture.url))).toBe(fixture.kind);
    });

    it('gives the expected rows', () => {
      const rows = adapter.rows(doc);
      expect(site.wholeRefs ? rows.map((row) => row.ref) : rows.map(asExpected)).toEqual(fixture.rows);
    });

    it('anchors each row to its own elements of the page that show its title', () => {
      expectAnchored(doc, adapter.rows(doc), site);
    });

    if (adapter.rowReaders) {
      const readers = adapter.rowReaders.bind(adapter);
      it('has row readers that, all called in page order, give exactly rows()', () => {
        const read = readers(doc)
          .map((reader) => reader())
          .filter((row): row is PaperRow => row !== undefined);
        expect(shapeOf(read)).toEqual(shapeOf(adapter.rows(doc)));
      });
    }

    it('reads the same rows again, and again after badges are inserted', () => {
      const { doc: page } = loadFixture(id, name);
      const before = adapter.rows(page);
      expect(shapeOf(adapter.rows(page))).toEqual(shapeOf(before));
      for (const row of before) {
        const badge = page.createElement('paperscope-badge');
        badge.setAttribute('data-paper-key', row.ref.key);
        badge.innerHTML = site.linkInBadge ? BADGE_HTML + BADGE_LINK : BADGE_HTML;
        row.titleEl.append(badge);
      }
      const after = adapter.rows(page);
      expect(after.map((row) => row.ref)).toEqual(before.map((row) => row.ref));
      expect(after.map((row) => row.titleEl)).toEqual(before.map((row) => row.titleEl));
    });
  });
});
