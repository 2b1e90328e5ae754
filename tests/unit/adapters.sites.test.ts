// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// What is particular to each site, in tables: odd markup, paper pages read from metas, where badges go, and the real
// captures in ../shared/pages (skipped when that folder is not there). The contract all adapters share is in
// adapters.fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { aclanthology } from '../../src/adapters/aclanthology.ts';
import { acm } from '../../src/adapters/acm.ts';
import { alphaxiv } from '../../src/adapters/alphaxiv.ts';
import { arxiv } from '../../src/adapters/arxiv.ts';
import { biorxiv } from '../../src/adapters/biorxiv.ts';
import { cvf } from '../../src/adapters/cvf.ts';
import { dblp } from '../../src/adapters/dblp.ts';
import { generic } from '../../src/adapters/generic.ts';
import { bylineOf, googlescholar } from '../../src/adapters/googlescholar.ts';
import { huggingface } from '../../src/adapters/huggingface.ts';
import { ieee } from '../../src/adapters/ieee.ts';
import { journals } from '../../src/adapters/journals.ts';
import { neurips } from '../../src/adapters/neurips.ts';
import { openreview } from '../../src/adapters/openreview.ts';
import { pmlr } from '../../src/adapters/pmlr.ts';
import { pubmed } from '../../src/adapters/pubmed.ts';
import { nameFromCitation, namesFromLine } from '../../src/adapters/dom.ts';
import { ADAPTERS, adapterById, adapterFor } from '../../src/adapters/registry.ts';
import { semanticscholar } from '../../src/adapters/semanticscholar.ts';
import { SITES } from '../../src/adapters/sites.ts';
import type { PaperRow, SiteAdapter } from '../../src/adapters/types.ts';
import type { PaperRef } from '../../src/core/paper.ts';
import { expectAnchored, loadFixture, parse, readCapture } from './adapterFixtures.ts';

/** Markup a site may serve, and the fields of the rows read from it (and the first row's title element, when pinned). */
const PICKED: Array<{
  adapter: SiteAdapter;
  does: string;
  html: string;
  fields: Array<keyof PaperRef>;
  rows: unknown[][];
  titleTag?: string;
}> = [
  {
    adapter: aclanthology,
    does: 'skips front matter by its title even when its id looks like a paper, and rows without a paper link',
    html: `<section id="main">
      <div id="2022lrec-1"><h4 class="d-sm-flex"><a class="align-middle" href="/volumes/2022.lrec-1/">Proceedings of the Thirteenth Language Resources and Evaluation Conference</a></h4>
      <p class="d-sm-flex align-items-stretch"><span class="d-block"><strong><a class="align-middle" href="/2022.lrec-1.999/">Proceedings of the Thirteenth Language Resources and Evaluation Conference</a></strong></span></p>
      <p class="d-sm-flex align-items-stretch"><span class="d-block"><strong><a class="align-middle" href="/volumes/2022.lrec-1/">A volume, not a paper</a></strong></span></p>
      <p class="d-sm-flex align-items-stretch"><span class="d-block"><strong><a class="align-middle" href="/2022.lrec-1.5/">Kept</a></strong><br><a href="/people/mei-chen/">Mei Chen</a></span></p>
      </div></section>`,
    fields: ['key', 'title', 'authors', 'url'],
    rows: [['title:kept', 'Kept', ['Mei Chen'], 'https://aclanthology.org/2022.lrec-1.5/']],
    titleTag: 'strong',
  },
  {
    adapter: acm,
    does: 'keys each item by the DOI of its own links (title, PDF or doi.org link), skipping items with none and repeats',
    html: `<div class="table-of-content">
      <div class="issue-item-container"><div class="issue-item"><h5 class="issue-item__title"><a href="https://dl.acm.org/doi/abs/10.1145/1000001.1000002?casa_token=x">Absolute Link With A Query</a></h5>
        <ul aria-label="authors"><li><a href="/profile/1" title="Mei Chen"><span>Mei Chen</span></a></li><li><a href="/profile/2" title="Kofi Mensah"><span></span></a></li></ul></div></div>
      <div class="issue-item-container"><div class="issue-item"><h5 class="issue-item__title"><a href="#">Only A PDF Link</a></h5>
        <a href="/doi/pdf/10.1145/1000001.1000003">PDF</a></div></div>
      <div class="issue-item-container"><div class="issue-item"><h5 class="issue-item__title"><a href="/doi/10.5555/1000001.1000004">Another Publisher's Prefix</a></h5></div></div>
      <div class="issue-item-container"><div class="issue-item"><h5 class="issue-item__title"><a href="/doi/abs/10.1145/1000001.1000002">Absolute Link With A Query</a></h5></div></div>
      <div class="issue-item-container"><div class="issue-item"><h5 class="issue-item__title"><a href="/action/showFmPdf?doi=10.1145%2F1000001">Front Matter</a></h5></div></div>
      <div class="issue-item-container"><div class="issue-item"><h5 class="issue-item__title"><a href="/doi/10.1145/1000001.1000005"> </a></h5></div></div>
    </div>`,
    fields: ['key', 'title', 'doi', 'authors', 'url'],
    rows: [
      ['doi:10.1145/1000001.1000002', 'Absolute Link With A Query', '10.1145/1000001.1000002', ['Mei Chen', 'Kofi Mensah'], 'https://dl.acm.org/doi/10.1145/1000001.1000002'],
      ['doi:10.1145/1000001.1000003', 'Only A PDF Link', '10.1145/1000001.1000003', [], 'https://dl.acm.org/doi/10.1145/1000001.1000003'],
      ['doi:10.5555/1000001.1000004', "Another Publisher's Prefix", '10.5555/1000001.1000004', [], 'https://dl.acm.org/doi/10.5555/1000001.1000004'],
    ],
    titleTag: 'h5',
  },
  {
    adapter: ieee,
    does: 'keys a row by a DOI link it shows, else its title; skips front matter, PDF-only rows and a row rendered twice',
    html: `<xpl-results-list>
      <div class="List-results-items" id="9000001"><xpl-results-item><h3><a href="/document/9000001/">With A DOI Link</a></h3>
        <p class="author"><a href="/author/1"><span>Mei Chen</span></a><span>; </span><a href="/author/2"><span>Kofi Mensah</span></a></p>
        <a href="https://doi.org/10.1109/TEST.2024.0001">10.1109/TEST.2024.0001</a></xpl-results-item></div>
      <div class="List-results-items" id="9000002"><xpl-results-item><h3><a href="/document/9000002/">[Back Cover]</a></h3></xpl-results-item></div>
      <div class="List-results-items" id="9000003"><xpl-results-item><h3><a href="/document/9000003/">IEEE Transactions on Testing Publication Information</a></h3></xpl-results-item></div>
      <div class="List-results-items" id="9000004"><xpl-results-item><h3><a href="/stamp/stamp.jsp?arnumber=9000004">Only A PDF Link</a></h3></xpl-results-item></div>
      <div class="List-results-items" id="9000005"><xpl-results-item><h2><a href="https://ieeexplore.ieee.org/abstract/document/9000005">Older Heading, Abstract Path</a></h2></xpl-results-item></div>
      <div class="List-results-items" id="9000006"><xpl-results-item><h3><a href="/document/9000006/">Rendered Twice</a></h3></xpl-results-item></div>
      <div class="List-results-items" id="9000006"><xpl-results-item><h3><a href="/document/9000006/">Rendered Twice</a></h3></xpl-results-item></div>
    </xpl-results-list>`,
    fields: ['key', 'title', 'doi', 'authors', 'url'],
    rows: [
      ['doi:10.1109/test.2024.0001', 'With A DOI Link', '10.1109/test.2024.0001', ['Mei Chen', 'Kofi Mensah'], 'https://ieeexplore.ieee.org/document/9000001'],
      ['title:older heading abstract path', 'Older Heading, Abstract Path', undefined, [], 'https://ieeexplore.ieee.org/document/9000005'],
      ['title:rendered twice', 'Rendered Twice', undefined, [], 'https://ieeexplore.ieee.org/document/9000006'],
    ],
    titleTag: 'h3',
  },
  {
    adapter: journals,
    does: 'reads Nature cards by their article ids (DOIs under 10.1038), skipping other links and PDFs',
    html: `<ul class="app-article-list-row">
      <li class="app-article-list-row__item"><h3 class="c-card__title"><a href="/articles/s41586-024-00001-x">A Nature Card</a></h3>
        <ul class="c-author-list"><li>Mei Chen</li><li>Kofi Mensah</li></ul></li>
      <li class="app-article-list-row__item"><h3 class="c-card__title"><a href="/collections/abcdef">A Collection, Not An Article</a></h3></li>
      <li class="app-article-list-row__item"><h3 class="c-card__title"><a href="/articles/s41586-024-00002-x.pdf">Its PDF</a></h3></li>
    </ul>`,
    fields: ['key', 'title', 'authors', 'url'],
    rows: [['doi:10.1038/s41586-024-00001-x', 'A Nature Card', ['Mei Chen', 'Kofi Mensah'], 'https://www.nature.com/articles/s41586-024-00001-x']],
    titleTag: 'h3',
  },
  {
    adapter: journals,
    does: 'reads Springer cards by the DOI of their article or chapter link (a Nature journal article by its id), skipping books',
    html: `<ol data-test="darwin-search">
      <li data-test="search-result-item"><h3 class="app-card-open__heading"><a href="/chapter/10.1007/978-3-031-00001-1_5">A Springer Chapter</a></h3>
        <span data-test="authors">Ana Souza, Lena Fischer … Jun Tanaka</span></li>
      <li data-test="search-result-item"><h3 class="app-card-open__heading"><a href="/article/10.1007%2Fs10994-024-00001-2">An Escaped DOI</a></h3></li>
      <li data-test="search-result-item"><h3 class="app-card-open__heading"><a href="/book/10.1007/978-3-031-00002-8">A Book</a></h3></li>
      <li data-test="search-result-item"><h3 class="app-card-open__heading"><a href="https://www.nature.com/articles/s41586-024-00003-x">In A Nature Journal</a></h3></li>
    </ol>`,
    fields: ['key', 'title', 'authors', 'url'],
    rows: [
      ['doi:10.1007/978-3-031-00001-1_5', 'A Springer Chapter', ['Ana Souza', 'Lena Fischer', 'Jun Tanaka'], 'https://link.springer.com/chapter/10.1007/978-3-031-00001-1_5'],
      ['doi:10.1007/s10994-024-00001-2', 'An Escaped DOI', [], 'https://link.springer.com/article/10.1007%2Fs10994-024-00001-2'],
      ['doi:10.1038/s41586-024-00003-x', 'In A Nature Journal', [], 'https://www.nature.com/articles/s41586-024-00003-x'],
    ],
    titleTag: 'h3',
  },
  {
    adapter: alphaxiv,
    does: 'skips a JSON-LD script that is not JSON and reads the feed',
    html: `<html><head><script type="application/ld+json">{ not json</script></head>
      <body><div><a href="/abs/2402.03300">DeepSeekMath</a></div><div><a href="/abs/2501.12948">DeepSeek-R1</a></div></body></html>`,
    fields: ['key'],
    rows: [['arxiv:2402.03300'], ['arxiv:2501.12948']],
  },
  {
    adapter: arxiv,
    does: 'skips entries without an id or a title and keeps the rest',
    html: `<div id="dlpage"><dl id="articles"><h3>Mon, 27 Jul 2026</h3>
      <dt><a name="item1">[1]</a></dt>
      <dd><div class="list-title"><span class="descriptor">Title:</span> No id here</div></dd>
      <dt><a href ="/abs/2607.00001" title="Abstract" id="2607.00001">arXiv:2607.00001</a></dt>
      <dd><div class="list-title"><span class="descriptor">Title:</span> </div></dd>
      <dt><a href ="/abs/2607.00002" title="Abstract">arXiv:2607.00002</a></dt>
      <dd><div class="list-title mathjax"><span class="descriptor">Title:</span> Kept</div>
        <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Sound (cs.SD)</span>; Audio and Speech Processing (eess.AS)</div></dd>
      <dt><a href ="/abs/2607.00003" title="Abstract" id="2607.00003">arXiv:2607.00003</a></dt>
    </dl></div>`,
    fields: ['key', 'title', 'categories'],
    rows: [['arxiv:2607.00002', 'Kept', ['cs.SD', 'eess.AS']]],
  },
  {
    adapter: arxiv,
    does: 'reads TeX back from a title MathJax 3 has typeset',
    html: `<dl id="articles"><dt><a href ="/abs/2607.00004" title="Abstract" id="2607.00004">arXiv:2607.00004</a></dt>
      <dd><div class="list-title mathjax"><span class="descriptor">Title:</span> Bounds for <mjx-container class="MathJax" jax="CHTML"><mjx-math><mjx-mi>ℓ</mjx-mi></mjx-math><mjx-assistive-mml><math><mi>ℓ</mi></math></mjx-assistive-mml></mjx-container>-norms</div></dd></dl>`,
    fields: ['title'],
    rows: [['Bounds for ℓ-norms']],
  },
  {
    adapter: biorxiv,
    does: 'does not take a collection page title for a paper, and skips citations without a title',
    html: `<h1 class="title" id="page-title">Genomics</h1>
      <div class="highwire-article-citation"><span class="highwire-cite-title"></span></div>
      <div class="highwire-article-citation" data-pisa-master="biorxiv;2024.03.01.582900"><span class="highwire-cite-title"><a class="highwire-cite-linked-title" href="/content/10.1101/2024.03.01.582900v3">Kept</a></span></div>`,
    fields: ['key', 'title', 'url'],
    rows: [['doi:10.1101/2024.03.01.582900', 'Kept', 'https://doi.org/10.1101/2024.03.01.582900']],
  },
  {
    adapter: biorxiv,
    does: 'finds the own paper by its DOI meta when the page title is gone, and lists the other papers after it',
    html: `<html><head><meta name="citation_doi" content="10.1101/2024.02.26.582001"></head><body>
      <div class="highwire-article-citation" data-pisa-master="biorxiv;2024.02.28.582523"><span class="highwire-cite-title"><a class="highwire-cite-linked-title" href="/content/10.1101/2024.02.28.582523v1">Related</a></span></div>
      <div class="highwire-article-citation" data-pisa-master="biorxiv;2024.02.26.582001"><div class="highwire-cite-title">Own</div></div>
    </body></html>`,
    fields: ['key', 'title'],
    rows: [
      ['doi:10.1101/2024.02.26.582001', 'Own'],
      ['doi:10.1101/2024.02.28.582523', 'Related'],
    ],
  },
  {
    adapter: cvf,
    does: 'reads each dt with the dds up to the next dt only, skips titles without a paper page, and finds authors without the search forms',
    html: `<div id="content"><dl>
      <dt class="ptitle"><br><a href="/content/WACV2024/html/Chen_Shown_Names_WACV_2024_paper.html">Shown names</a></dt>
      <dd><a href="#">Mei Chen</a>, <a href="#">Kofi Mensah</a></dd>
      <dd>[<a href="/content/WACV2024/papers/Chen_Shown_Names_WACV_2024_paper.pdf">pdf</a>]</dd>
      <dt class="ptitle"><br><a href="/content/WACV2024/papers/Not_A_Page_WACV_2024_paper.pdf">A PDF, not a page</a></dt>
      <dd>[<a href="http://arxiv.org/abs/2401.00001">arXiv</a>]</dd>
      <dt class="ptitle"><br><a href="/content/WACV2024/html/Souza_Links_Only_WACV_2024_paper.html">Links only</a></dt>
      <dd>[<a href="/content/WACV2024/papers/Souza_Links_Only_WACV_2024_paper.pdf">pdf</a>] [<a href="https://doi.org/10.1000/CVF.7">doi</a>]</dd>
      <dt class="ptitle"><br><a href="/content/WACV2024/html/Lee_Plain_Text_WACV_2024_paper.html">Plain text authors</a></dt>
      <dd>Kim Lee, Sam Park</dd>
    </dl></div>`,
    fields: ['key', 'title', 'authors', 'url'],
    rows: [
      ['title:shown names', 'Shown names', ['Mei Chen', 'Kofi Mensah'], 'https://openaccess.thecvf.com/content/WACV2024/html/Chen_Shown_Names_WACV_2024_paper.html'],
      ['doi:10.1000/cvf.7', 'Links only', [], 'https://openaccess.thecvf.com/content/WACV2024/html/Souza_Links_Only_WACV_2024_paper.html'],
      ['title:plain text authors', 'Plain text authors', ['Kim Lee', 'Sam Park'], 'https://openaccess.thecvf.com/content/WACV2024/html/Lee_Plain_Text_WACV_2024_paper.html'],
    ],
    titleTag: 'dt',
  },
  {
    adapter: dblp,
    does: 'skips editorships, entries without a title, and keeps titles that end in a question mark or an ellipsis',
    html: `<ul class="publ-list">
      <li class="entry editor" id="conf/x/2020"><cite><span class="title" itemprop="name">Proceedings of X.</span></cite></li>
      <li class="entry article" id="journals/x/A20"><cite><span class="title" itemprop="name"> </span></cite></li>
      <li class="entry article" id="journals/x/B20"><cite><span class="title" itemprop="name">Why Does It Work?</span></cite></li>
      <li class="entry incollection" id="books/x/C20"><cite><span class="title" itemprop="name">Wait for it...</span></cite></li>
    </ul>`,
    fields: ['key', 'title', 'url'],
    rows: [
      ['title:why does it work', 'Why Does It Work?', 'https://dblp.org/rec/journals/x/B20.html'],
      ['title:wait for it', 'Wait for it...', 'https://dblp.org/rec/books/x/C20.html'],
    ],
  },
  {
    adapter: generic,
    does: 'keys a paper page with neither arXiv id nor DOI by its title',
    html: `<html><head><meta name="citation_title" content="Deep Residual Learning for Image Recognition"></head>
      <body><h1>Deep Residual Learning for Image Recognition</h1></body></html>`,
    fields: ['key'],
    rows: [['title:deep residual learning for image recognition']],
  },
  {
    adapter: generic,
    does: 'takes a heading around a short link as its title, and the link text when there is nothing around it',
    html: `<body><h3>Scaling Laws for Neural Language Models <a href="https://arxiv.org/pdf/2001.08361">[pdf]</a></h3>
      <p>See <a href="https://doi.org/10.1038/nature14539">Nature</a>.</p></body>`,
    fields: ['key', 'title'],
    rows: [
      ['arxiv:2001.08361', 'Scaling Laws for Neural Language Models'],
      ['doi:10.1038/nature14539', 'Nature'],
    ],
  },
  {
    adapter: huggingface,
    does: 'keeps the cards when the hydration blob is not JSON',
    html: `<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;: [ {&quot;title&quot;:">
      <article><h3><a href="/papers/2501.12948">DeepSeek-R1</a></h3></article>
      <article><h3><a href="/papers/2501.19393">s1: Simple test-time scaling</a></h3></article></div>`,
    fields: ['key', 'title', 'authors'],
    rows: [
      ['arxiv:2501.12948', 'DeepSeek-R1', undefined],
      ['arxiv:2501.19393', 's1: Simple test-time scaling', undefined],
    ],
  },
  {
    adapter: huggingface,
    does: 'falls back to og:title on a paper page whose h1 is empty',
    html: `<html><head><link rel="canonical" href="https://huggingface.co/papers/2501.12948">
      <meta property="og:title" content="Paper page - DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning">
      </head><body><main><section><h1> </h1></section></main></body></html>`,
    fields: ['title'],
    rows: [['DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning']],
  },
  {
    adapter: openreview,
    does: 'skips notes without a forum link or a title and keeps the rest',
    html: `<ul class="list-unstyled submissions-list">
      <li><div class="note"><h4><a href="/group?id=ICLR.cc">Not a forum</a></h4></div></li>
      <li><div class="note"><h4><a href="/forum?id=AAAA1111">  </a></h4></div></li>
      <li><div class="note" data-id="BBBB2222"><h4><a href="/forum?id=BBBB2222">Kept</a></h4><div class="note-authors">Anonymous Authors</div></div></li>
    </ul>`,
    fields: ['key', 'title', 'authors'],
    rows: [['openreview:BBBB2222', 'Kept', []]],
  },
  {
    adapter: openreview,
    does: 'keys a forum by its DOI when the note links one, and ignores links inside the abstract',
    html: `<div class="forum-container"><div class="forum-note">
      <div class="forum-title"><h2 class="citation_title">Graph Rewiring for Over-Squashing</h2><a class="citation_pdf_url" href="/pdf?id=CcCc3333"></a></div>
      <div class="note-content">
        <div><strong class="note-content-field">Abstract:</strong> <div class="note-content-value markdown-rendered"><p>See <a href="https://arxiv.org/abs/2111.14522">prior work</a>.</p></div></div>
        <div><strong class="note-content-field">Published Version:</strong> <span class="note-content-value"><a href="https://doi.org/10.1007/978-3-031-12345-6_7">doi</a></span></div>
      </div>
    </div></div>`,
    fields: ['key', 'arxivId', 'url', 'abstract'],
    rows: [['doi:10.1007/978-3-031-12345-6_7', undefined, 'https://openreview.net/forum?id=CcCc3333', 'See prior work.']],
  },
  {
    adapter: neurips,
    does: 'gives one row per list item, keys a row that links arXiv by it, and skips links that are not abstract pages',
    html: `<ul class="paper-list">
      <li class="conference"><a href="/paper_files/paper/2022/hash/${'a'.repeat(32)}-Abstract-Conference.html">Linked to arXiv</a> <a href="https://arxiv.org/abs/2205.01234v2">arXiv</a> <i>Ada Lovelace and Alan Turing</i></li>
      <li class="conference"><a href="/paper_files/paper/2022/hash/${'b'.repeat(32)}-Abstract-Conference.html">Twice linked</a> <a href="/paper_files/paper/2022/hash/${'b'.repeat(32)}-Abstract-Conference.html">[abs]</a></li>
      <li><a href="/paper_files/paper/2022/file/${'c'.repeat(32)}-Abstract.pdf">A file, not a page</a></li>
      <li><a href="https://example.org/x-Abstract.html">Elsewhere</a></li>
    </ul>`,
    fields: ['key', 'title', 'authors', 'url'],
    rows: [
      [
        'arxiv:2205.01234',
        'Linked to arXiv',
        ['Ada Lovelace', 'Alan Turing'],
        `https://proceedings.neurips.cc/paper_files/paper/2022/hash/${'a'.repeat(32)}-Abstract-Conference.html`,
      ],
      ['title:twice linked', 'Twice linked', [], `https://proceedings.neurips.cc/paper_files/paper/2022/hash/${'b'.repeat(32)}-Abstract-Conference.html`],
    ],
    titleTag: 'a',
  },
  {
    adapter: pmlr,
    does: 'skips blocks that link no paper page or PDF, finds the page from a relative PDF link, and reads a DOI link',
    html: `<div class="paper"><p class="title">Preface</p><p class="links">[<a href="https://example.org/preface.html">abs</a>]</p></div>
      <div class="paper"><p class="title"> </p><p class="links">[<a href="/v99/empty99a.html">abs</a>]</p></div>
      <div class="paper"><p class="title">Only a PDF</p><p class="details"><span class="authors">Ana&nbsp;Souza and Kofi&nbsp;Mensah</span></p>
        <p class="links">[<a href="/v99/souza99a/souza99a.pdf">Download PDF</a>][<a href="https://doi.org/10.1000/PMLR.99">doi</a>]</p></div>`,
    fields: ['key', 'title', 'authors', 'url'],
    rows: [['doi:10.1000/pmlr.99', 'Only a PDF', ['Ana Souza', 'Kofi Mensah'], 'https://proceedings.mlr.press/v99/souza99a.html']],
    titleTag: 'p',
  },
  {
    adapter: pubmed,
    does: "keeps each row's PubMed id beside its DOI key, from the PMID line, else the title link, else the checkbox",
    html: `<div class="search-results-chunk">
      <article class="full-docsum"><div class="docsum-content"><a class="docsum-title" href="/31000001/">With a DOI.</a>
        <div class="docsum-citation"><span class="docsum-journal-citation full-journal-citation">J Test. 2019;1:1-2. doi: 10.1000/Test.ABC. Epub 2019 May 1.</span>
        <span class="citation-part">PMID: <span class="docsum-pmid">31000001</span></span></div></div></article>
      <article class="full-docsum"><div class="docsum-content"><a class="docsum-title" href="https://pubmed.ncbi.nlm.nih.gov/31000002/?from_term=x">Only the link says which record...</a></div></article>
      <article class="full-docsum"><input class="search-result-selector" type="checkbox" value="31000003"><div class="docsum-content"><a class="docsum-title" href="#">Only the checkbox says.</a>
        <span class="docsum-journal-citation short-journal-citation">J Test. 2019.</span></div></article>
      <article class="full-docsum"><div class="docsum-content"><a class="docsum-title" href="/?term=x">No record id at all.</a></div></article>
      <article class="full-docsum"><div class="docsum-content"><a class="docsum-title" href="/31000004/"> </a></div></article>
    </div>`,
    fields: ['key', 'title', 'doi', 'pmid', 'url'],
    rows: [
      ['doi:10.1000/test.abc', 'With a DOI', '10.1000/test.abc', '31000001', 'https://pubmed.ncbi.nlm.nih.gov/31000001/'],
      ['pmid:31000002', 'Only the link says which record...', undefined, '31000002', 'https://pubmed.ncbi.nlm.nih.gov/31000002/'],
      ['pmid:31000003', 'Only the checkbox says', undefined, '31000003', 'https://pubmed.ncbi.nlm.nih.gov/31000003/'],
    ],
    titleTag: 'a',
  },
  {
    adapter: pubmed,
    does: 'reads short author lists and collective authors, initials first, and unbrackets only a whole translated title',
    html: `<article class="full-docsum"><a class="docsum-title" href="/31000005/">[A study] of [brackets].</a>
        <span class="docsum-authors short-authors">Lee K, et al.</span><span class="citation-part">PMID: <span class="docsum-pmid">31000005</span></span></article>
      <article class="full-docsum"><a class="docsum-title" href="/31000006/">[Ein Titel, übersetzt].</a>
        <span class="docsum-authors full-authors">Writing Committee for the Test Trial; Meyer B, van der Berg J, Smith AB Jr.</span><span class="citation-part">PMID: <span class="docsum-pmid">31000006</span></span></article>`,
    fields: ['title', 'authors'],
    rows: [
      ['[A study] of [brackets]', ['K Lee']],
      ['Ein Titel, übersetzt', ['Writing Committee for the Test Trial', 'B Meyer', 'J van der Berg', 'AB Smith Jr']],
    ],
  },
  {
    adapter: semanticscholar,
    does: 'skips rows without a title and keeps the rest',
    html: `<div class="result-page">
      <div class="cl-paper-row"><a data-test-id="title-link" href="/paper/x/${'a'.repeat(40)}"><h2 class="cl-paper-title"> </h2></a></div>
      <div class="cl-paper-row"><div class="cl-paper-authors">Nobody</div></div>
      <div class="cl-paper-row"><a data-test-id="title-link" href="/paper/y/${'b'.repeat(40)}"><h2 class="cl-paper-title">Kept</h2></a></div>
    </div>`,
    fields: ['key', 'title'],
    rows: [['title:kept', 'Kept']],
  },
];

/** A paper page whose usual parts are gone, read from its metas: its one row, and where its badge goes. */
const ONE_PAPER: Array<{ adapter: SiteAdapter; does: string; html: string; ref: PaperRef; titleEl: string; rowEl?: string }> = [
  {
    adapter: generic,
    does: "reads a paper page that has only Dublin Core tags (Atypon's dc.*), its DOI from the dc.Identifier that holds one",
    html: `<html><head><meta name="dc.Title" content="Graph Kernels Revisited"><meta name="dc.Creator" content="Chen, Mei">
      <meta name="dc.Identifier" scheme="publisher-id" content="10.2">
      <meta name="dc.Identifier" scheme="doi" content="10.1000/GK.2024"><meta name="dc.Description" content="&lt;p&gt;Kernels on graphs.&lt;/p&gt;"></head>
      <body><h1>Graph Kernels Revisited</h1></body></html>`,
    ref: {
      key: 'doi:10.1000/gk.2024',
      title: 'Graph Kernels Revisited',
      doi: '10.1000/gk.2024',
      url: 'https://doi.org/10.1000/gk.2024',
      authors: ['Mei Chen'],
      abstract: 'Kernels on graphs.',
    },
    titleEl: 'h1',
  },
  {
    adapter: journals,
    does: 'reads an Atypon article page (Science, PNAS) from dc.* tags, its abstract from the description tag',
    html: `<html><head><meta name="dc.Title" content="Sparse Coding in Cortex"><meta name="dc.Creator" content="Mei Chen">
      <meta name="dc.Identifier" scheme="publisher-id" content="sci.1234"><meta name="dc.Identifier" scheme="doi" content="10.1126/science.0000001">
      <meta name="description" content="Neurons code sparsely."></head>
      <body><header><h1 class="logo" hidden>Science</h1></header><main><h1 property="name">Sparse Coding in Cortex</h1></main></body></html>`,
    ref: {
      key: 'doi:10.1126/science.0000001',
      title: 'Sparse Coding in Cortex',
      doi: '10.1126/science.0000001',
      url: 'https://doi.org/10.1126/science.0000001',
      authors: ['Mei Chen'],
      abstract: 'Neurons code sparsely.',
    },
    titleEl: 'main h1',
  },
  {
    adapter: journals,
    does: 'keys a JMLR paper page, which has no DOI, by its title',
    html: `<html><head><meta name="citation_title" content="Dropout: A Simple Way to Prevent Neural Networks from Overfitting">
      <meta name="citation_author" content="Srivastava, Nitish"><meta name="citation_author" content="Hinton, Geoffrey">
      <meta name="citation_pdf_url" content="https://jmlr.org/papers/volume15/srivastava14a/srivastava14a.pdf"></head>
      <body><div id="content"><h2>Dropout: A Simple Way to Prevent Neural Networks from Overfitting</h2>
      <h1>Dropout: A Simple Way to Prevent Neural Networks from Overfitting</h1></div></body></html>`,
    ref: {
      key: 'title:dropout a simple way to prevent neural networks from overfitting',
      title: 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
      authors: ['Nitish Srivastava', 'Geoffrey Hinton'],
    },
    titleEl: 'h1',
  },
  {
    adapter: ieee,
    does: 'reads a document page whose header lost its authors and DOI line from its citation tags, never from its script',
    html: `<html><head><link rel="canonical" href="https://ieeexplore.ieee.org/document/9000010/">
      <meta name="citation_title" content="Sparse Radar Imaging"><meta name="citation_doi" content="10.1109/TEST.2024.0010">
      <meta name="citation_author" content="Souza, Ana">
      <script>xplGlobal.document.metadata={"title":"A title only the script has","doi":"10.1109/SCRIPT.1"};</script></head>
      <body><xpl-document-header><div class="document-header-inner-container"><h1 class="document-title"><span>Sparse Radar Imaging</span></h1></div></xpl-document-header></body></html>`,
    ref: {
      key: 'doi:10.1109/test.2024.0010',
      title: 'Sparse Radar Imaging',
      doi: '10.1109/test.2024.0010',
      url: 'https://ieeexplore.ieee.org/document/9000010',
      authors: ['Ana Souza'],
    },
    titleEl: 'h1',
    rowEl: '.document-header-inner-container',
  },
  {
    adapter: acm,
    does: 'reads a 2020-2022 paper page (citation__title, loa authors, abstractInFull) with its DOI from citation_doi',
    html: `<html><head><meta name="citation_title" content="Scaling Sparse Attention"><meta name="citation_doi" content="doi:10.1145/1000002.1000003">
      <meta name="citation_author" content="Chen, Mei"></head>
      <body><div class="citation"><div class="citation__top"><h1 class="citation__title">Scaling Sparse Attention</h1>
      <ul class="rlist--inline loa"><li class="loa__item"><a class="author-name" href="/profile/1"><span class="loa__author-info"><span class="loa__author-name"><span>Mei Chen</span></span></span></a></li>
      <li class="loa__item"><a class="author-name" href="/profile/2"><span class="loa__author-name"><span>Lena Fischer</span></span></a></li></ul></div></div>
      <div class="article__body"><div class="abstractSection abstractInFull"><p>Attention, sparsely.</p><p>And at scale.</p></div></div></body></html>`,
    ref: {
      key: 'doi:10.1145/1000002.1000003',
      title: 'Scaling Sparse Attention',
      doi: '10.1145/1000002.1000003',
      url: 'https://dl.acm.org/doi/10.1145/1000002.1000003',
      authors: ['Mei Chen', 'Lena Fischer'],
      abstract: 'Attention, sparsely. And at scale.',
    },
    titleEl: 'h1',
    rowEl: '.citation',
  },
  {
    adapter: acm,
    does: 'reads a paper page whose body lost its author list from its dc.Creator tags',
    html: `<html><head><meta name="dc.Title" content="Tiny Kernels"><meta name="dc.Identifier" scheme="doi" content="10.1145/1000002.1000004">
      <meta name="dc.Creator" content="Ana Souza"><meta name="dc.Creator" content="Kenji Watanabe"></head>
      <body><article class="core-container"><header><h1 property="name">Tiny Kernels</h1></header></article></body></html>`,
    ref: {
      key: 'doi:10.1145/1000002.1000004',
      title: 'Tiny Kernels',
      doi: '10.1145/1000002.1000004',
      url: 'https://dl.acm.org/doi/10.1145/1000002.1000004',
      authors: ['Ana Souza', 'Kenji Watanabe'],
    },
    titleEl: 'h1',
    rowEl: 'article',
  },
  {
    adapter: aclanthology,
    does: 'falls back to citation metas on a paper page whose body lost its parts, with no DOI when none is given',
    html: `<html><head>
      <meta content="Neural Machine Translation of Rare Words with Subword Units" name="citation_title">
      <meta content="Sennrich, Rico" name="citation_author"><meta content="Haddow, Barry" name="citation_author">
      <meta content="https://aclanthology.org/P16-1162.pdf" name="citation_pdf_url">
    </head><body><section id="main"><div><h2 id="title"></h2></div></section></body></html>`,
    ref: {
      key: 'title:neural machine translation of rare words with subword units',
      title: 'Neural Machine Translation of Rare Words with Subword Units',
      url: 'https://aclanthology.org/P16-1162/',
      authors: ['Rico Sennrich', 'Barry Haddow'],
    },
    titleEl: 'h2#title',
  },
  {
    adapter: alphaxiv,
    does: 'takes the paper page h1 even when it is not worded like the JSON-LD headline',
    html: `<html><head><link rel="canonical" href="https://www.alphaxiv.org/abs/2301.12345">
      <script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"Chemotactic motility-induced phase separation"}</script>
      </head><body><main><h1>Chemotactic MIPS</h1></main></body></html>`,
    ref: {
      key: 'arxiv:2301.12345',
      title: 'Chemotactic motility-induced phase separation',
      arxivId: '2301.12345',
      url: 'https://www.alphaxiv.org/abs/2301.12345',
    },
    titleEl: 'h1',
  },
  {
    adapter: arxiv,
    does: 'falls back to citation metas on an abstract page whose body lost its parts',
    html: `<html><head>
      <meta name="citation_title" content="NanoFlow: Towards Optimal Large Language Model Serving Throughput">
      <meta name="citation_author" content="Zhu, Kan"><meta name="citation_author" content="Kasikci, Baris">
      <meta name="citation_abstract" content="We propose NanoFlow.">
      <link rel="canonical" href="https://arxiv.org/abs/2408.12757">
    </head><body><div id="content-inner"><div id="abs"><p>redesigned</p></div></div></body></html>`,
    ref: {
      key: 'arxiv:2408.12757',
      arxivId: '2408.12757',
      title: 'NanoFlow: Towards Optimal Large Language Model Serving Throughput',
      url: 'https://arxiv.org/abs/2408.12757',
      authors: ['Kan Zhu', 'Baris Kasikci'],
      categories: [],
      abstract: 'We propose NanoFlow.',
    },
    titleEl: '#abs',
    rowEl: '#abs',
  },
  {
    adapter: biorxiv,
    does: 'reads a paper page from its citation metas when the header block is gone',
    html: `<html><head>
      <meta name="citation_title" content="Sub-nucleosomal organization in urine cell-free DNA">
      <meta name="citation_doi" content="10.1101/696633">
      <meta name="citation_author" content="Markus, Havell"><meta name="citation_author" content="Zhao, Jun">
    </head><body><div><h1 id="page-title">Sub-nucleosomal organization in urine cell-free DNA</h1></div></body></html>`,
    ref: {
      key: 'doi:10.1101/696633',
      title: 'Sub-nucleosomal organization in urine cell-free DNA',
      doi: '10.1101/696633',
      url: 'https://doi.org/10.1101/696633',
      authors: ['Havell Markus', 'Jun Zhao'],
    },
    titleEl: 'h1',
  },
  {
    adapter: cvf,
    does: 'reads a paper page without author metas from its author line, and its address from the PDF meta',
    html: `<html><head><meta name="citation_title" content="Depth from Fog">
      <meta name="citation_pdf_url" content="https://openaccess.thecvf.com/content/ICCV2023/papers/Tanaka_Depth_from_Fog_ICCV_2023_paper.pdf"></head>
      <body><div id="content"><dl><dd><div id="papertitle">Depth from Fog</div>
      <div id="authors"><br><b><i>Jun Tanaka, Lena Fischer</i></b>; Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV), 2023</div>
      <div id="abstract">Fog tells depth.</div></dd></dl></div></body></html>`,
    ref: {
      key: 'title:depth from fog',
      title: 'Depth from Fog',
      url: 'https://openaccess.thecvf.com/content/ICCV2023/html/Tanaka_Depth_from_Fog_ICCV_2023_paper.html',
      authors: ['Jun Tanaka', 'Lena Fischer'],
      abstract: 'Fog tells depth.',
    },
    titleEl: '#papertitle',
    rowEl: '#content dl',
  },
  {
    adapter: generic,
    does: 'falls back to the first visible h1 when none shows the title',
    html: `<html><head><meta name="citation_title" content="A Paper"><meta name="citation_arxiv_id" content="arXiv:2401.00001v2"></head>
      <body><h1 hidden>Menu</h1><h1>Journal of Things</h1></body></html>`,
    ref: { key: 'arxiv:2401.00001', title: 'A Paper', arxivId: '2401.00001', url: 'https://arxiv.org/abs/2401.00001' },
    titleEl: 'h1:not([hidden])',
  },
  {
    adapter: openreview,
    does: 'falls back to citation metas on a forum page whose note lost its parts',
    html: `<html><head>
      <meta name="citation_title" content="Lipschitz Singularities in Diffusion Models">
      <meta name="citation_author" content="Zhantao Yang"><meta name="citation_author" content="Ruili Feng">
      <meta name="citation_pdf_url" content="https://openreview.net/pdf?id=oKn9c6ytLx">
      <meta name="citation_abstract" content="&lt;p&gt;Diffusion models show &lt;em&gt;infinite&lt;/em&gt; Lipschitz constants.&lt;/p&gt;">
    </head><body><div class="forum-note"><p>redesigned</p></div></body></html>`,
    ref: {
      key: 'openreview:oKn9c6ytLx',
      title: 'Lipschitz Singularities in Diffusion Models',
      url: 'https://openreview.net/forum?id=oKn9c6ytLx',
      authors: ['Zhantao Yang', 'Ruili Feng'],
      abstract: 'Diffusion models show infinite Lipschitz constants.',
    },
    titleEl: '.forum-note',
  },
  {
    adapter: neurips,
    does: 'reads a paper page without author metas from its Authors section, and its address from the PDF meta',
    html: `<html><head><meta name="citation_title" content="Scaling Laws for Tiny Models">
      <meta name="citation_pdf_url" content="https://proceedings.neurips.cc/paper_files/paper/2023/file/${'d'.repeat(32)}-Paper-Datasets_and_Benchmarks.pdf"></head>
      <body><div class="container-fluid"><div class="col p-3"><h4>Authors</h4><p><i>Mei Chen, Kofi Mensah</i></p>
      <h4>Scaling Laws for Tiny Models</h4><h4>Abstract</h4><p>Small models follow laws too.</p></div></div></body></html>`,
    ref: {
      key: 'title:scaling laws for tiny models',
      title: 'Scaling Laws for Tiny Models',
      url: `https://proceedings.neurips.cc/paper_files/paper/2023/hash/${'d'.repeat(32)}-Abstract-Datasets_and_Benchmarks.html`,
      authors: ['Mei Chen', 'Kofi Mensah'],
      abstract: 'Small models follow laws too.',
    },
    titleEl: 'h4:nth-of-type(2)',
    rowEl: '.col',
  },
  {
    adapter: pmlr,
    does: 'reads a paper page without author metas from its author line, and its address from the PDF meta',
    html: `<html><head><meta name="citation_title" content="Kernel Tricks Revisited">
      <meta name="citation_pdf_url" content="https://proceedings.mlr.press/v99/chen99b/chen99b.pdf"></head>
      <body><div id="content"><h1>Kernel Tricks Revisited</h1><div id="authors">Mei Chen, Lena Fischer</div>
      <div id="abstract" class="abstract"><p>Kernels, again.</p></div></div></body></html>`,
    ref: {
      key: 'title:kernel tricks revisited',
      title: 'Kernel Tricks Revisited',
      url: 'https://proceedings.mlr.press/v99/chen99b.html',
      authors: ['Mei Chen', 'Lena Fischer'],
      abstract: 'Kernels, again.',
    },
    titleEl: 'h1',
    rowEl: '#content',
  },
  {
    adapter: pubmed,
    does: 'falls back to citation metas on a record page whose header lost its authors and identifiers',
    html: `<html><head>
      <meta name="citation_title" content="A record.">
      <meta name="citation_authors" content="Ana Souza;Kenji Watanabe;">
      <meta name="citation_pmid" content="34000001">
    </head><body><main><header id="heading"><div id="full-view-heading"><h1 class="heading-title"> </h1></div></header>
      <div class="abstract" id="abstract"><h2 class="title">Abstract</h2><p>No language marked.</p></div></main></body></html>`,
    ref: {
      key: 'pmid:34000001',
      title: 'A record',
      pmid: '34000001',
      url: 'https://pubmed.ncbi.nlm.nih.gov/34000001/',
      authors: ['Ana Souza', 'Kenji Watanabe'],
      abstract: 'No language marked.',
    },
    titleEl: 'h1',
    rowEl: '#full-view-heading',
  },
  {
    adapter: pubmed,
    does: 'takes the PMID and DOI of a record page from its identifiers list when the metas are gone',
    html: `<html><head></head><body><main><header id="heading"><div id="full-view-heading">
      <h1 class="heading-title">Identified by its list.</h1>
      <ul class="identifiers"><li><span class="identifier pubmed"><span class="id-label">PMID:</span> <strong class="current-id">34000002</strong></span></li>
      <li><span class="identifier doi"><span class="id-label">DOI:</span> <a class="id-link" href="https://doi.org/10.1000/XYZ.1">10.1000/XYZ.1</a></span></li></ul>
    </div></header></main></body></html>`,
    ref: {
      key: 'doi:10.1000/xyz.1',
      title: 'Identified by its list',
      doi: '10.1000/xyz.1',
      pmid: '34000002',
      url: 'https://pubmed.ncbi.nlm.nih.gov/34000002/',
      authors: [],
    },
    titleEl: 'h1',
    rowEl: '#full-view-heading',
  },
  {
    adapter: semanticscholar,
    does: 'falls back to citation metas and JSON-LD on a paper page whose header lost its parts',
    html: `<html><head>
      <meta name="citation_doi" content="10.1145/3207677.3278062">
      <script type="application/ld+json" class="schema-data">{"@graph":[{"@type":"WebPage"},[{"@type":"ScholarlyArticle","name":"Text Analysis of Cases Description in Urban Management Field Based on Knowledge Atlas","abstract":"With the development of information technology.","author":[{"name":"Xutong Liu"},{"name":"Hui Song"}],"sameAs":"https://doi.org/10.1145/3207677.3278062"}]]}</script>
    </head><body><main><h1 data-test-id="paper-detail-title">Text Analysis of Cases Description in Urban Management Field Based on Knowledge Atlas</h1></main></body></html>`,
    ref: {
      key: 'doi:10.1145/3207677.3278062',
      title: 'Text Analysis of Cases Description in Urban Management Field Based on Knowledge Atlas',
      doi: '10.1145/3207677.3278062',
      authors: ['Xutong Liu', 'Hui Song'],
      abstract: 'With the development of information technology.',
    },
    titleEl: 'h1',
  },
];

/** Paper pages that name a paper but give no row: no id, or no element to put a badge next to. */
const NO_ROW: Array<{ adapter: SiteAdapter; does: string; html: string }> = [
  {
    adapter: journals,
    does: 'gives nothing on an article page without citation or dc title tags (og: tags name any page)',
    html: `<html><head><meta property="og:title" content="A paper"><meta name="citation_doi" content="10.1038/abc"></head><body><h1>A paper</h1></body></html>`,
  },
  {
    adapter: ieee,
    does: 'gives nothing on a document page before Angular renders it, though its script names the paper',
    html: `<html><head><script>xplGlobal.document.metadata={"title":"Mask R-CNN","doi":"10.1109/ICCV.2017.322"};</script></head><body><xpl-root></xpl-root></body></html>`,
  },
  {
    adapter: acm,
    does: 'gives nothing on a paper page that names no DOI (in its tags, or an address it can read)',
    html: `<html><head><meta name="dc.Title" content="A paper"></head><body><article class="core-container"><h1 property="name">A paper</h1></article></body></html>`,
  },
  {
    adapter: alphaxiv,
    does: 'gives nothing on a paper page with no arXiv id',
    html: `<html><head><script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"A paper"}</script></head><body><h1>A paper</h1></body></html>`,
  },
  {
    adapter: alphaxiv,
    does: 'gives nothing on a paper page with no heading',
    html: `<html><head><script type="application/ld+json">{"@type":"ScholarlyArticle","headline":"A paper"}</script>
      <meta property="og:image" content="https://paper-assets.alphaxiv.org/image/2301.12345v1.png"></head><body><p>loading</p></body></html>`,
  },
  {
    adapter: generic,
    does: 'skips the metas of a page with no h1 at all',
    html: `<html><head><meta name="citation_title" content="A Paper"><meta name="citation_arxiv_id" content="arXiv:2401.00001v2"></head>
      <body><p>No heading</p></body></html>`,
  },
  {
    adapter: pubmed,
    does: 'gives nothing on a record page that names no PubMed id',
    html: `<html><head><meta name="citation_title" content="A record"><meta name="citation_doi" content="10.1000/abc"></head>
      <body><header id="heading"><h1 class="heading-title">A record</h1></header></body></html>`,
  },
  {
    adapter: huggingface,
    does: 'gives nothing on a paper page without an h1',
    html: `<html><head><link rel="canonical" href="https://huggingface.co/papers/2501.12948">
      <meta property="og:title" content="Paper page - DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning">
      </head><body><main><p>redesigned</p></main></body></html>`,
  },
];

/** Where a fixture page's badge goes: the row with this key, at the element the selector names. */
const BADGED_AT: Array<{ adapter: SiteAdapter; does: string; fixture: string; key: string; titleEl: string; rowIsTitle?: true }> = [
  {
    adapter: alphaxiv,
    does: 'badges the title heading, not the first heading, when there is no h1',
    fixture: 'overview-no-h1',
    key: 'arxiv:2501.12948',
    titleEl: 'h2',
  },
  {
    adapter: generic,
    does: 'badges a paper page at the h1 showing its title, not the site header or a hidden dialog',
    fixture: 'journal-article',
    key: 'doi:10.1145/3458817.3476205',
    titleEl: 'h1.citation__title',
    rowIsTitle: true,
  },
  {
    adapter: generic,
    does: 'badges each link at the link itself, where it first appears',
    fixture: 'blog-post',
    key: 'arxiv:1706.03762',
    titleEl: 'a[href="https://arxiv.org/abs/1706.03762"]',
    rowIsTitle: true,
  },
  {
    adapter: huggingface,
    does: 'gives one row on a paper page, not its similar papers, at its h1',
    fixture: 'paper-page',
    key: 'arxiv:2501.19393',
    titleEl: 'h1',
  },
];

const pick = (row: PaperRow, fields: Array<keyof PaperRef>) => fields.map((field) => row.ref[field]);

describe.each(PICKED.map((c) => [c.adapter.id, c.does, c] as const))('%s %s', (_id, _does, c) => {
  it('gives these rows', () => {
    const rows = c.adapter.rows(parse(c.html));
    expect(rows.map((row) => pick(row, c.fields))).toEqual(c.rows);
    if (c.titleTag) expect(rows[0]?.titleEl.localName).toBe(c.titleTag);
  });
});

describe.each(ONE_PAPER.map((c) => [c.adapter.id, c.does, c] as const))('%s %s', (_id, _does, c) => {
  it('gives its one row, badged where it says', () => {
    const doc = parse(c.html);
    const rows = c.adapter.rows(doc);
    expect(rows.map((row) => row.ref)).toEqual([c.ref]);
    expect(rows[0]?.titleEl).toBe(doc.querySelector(c.titleEl));
    if (c.rowEl) expect(rows[0]?.rowEl).toBe(doc.querySelector(c.rowEl));
  });
});

describe.each(NO_ROW.map((c) => [c.adapter.id, c.does, c] as const))('%s %s', (_id, _does, c) => {
  it('gives no row', () => {
    expect(c.adapter.rows(parse(c.html))).toEqual([]);
  });
});

describe.each(BADGED_AT.map((c) => [c.adapter.id, c.does, c] as const))('%s %s', (_id, _does, c) => {
  it(`badges ${c.key} of fixture ${c.fixture} there`, () => {
    const { doc } = loadFixture(c.adapter.id, c.fixture);
    const rows = c.adapter.rows(doc);
    const row = rows.find((r) => r.ref.key === c.key);
    expect(row?.titleEl).toBe(doc.querySelector(c.titleEl));
    if (c.rowIsTitle) expect(row?.rowEl).toBe(row?.titleEl);
  });
});

describe('author names as pages write them', () => {
  it('turns "Last, First" metas around and keeps other forms', () => {
    expect(nameFromCitation('Vaswani, Ashish')).toBe('Ashish Vaswani');
    expect(nameFromCitation(' Kaiser ,  Łukasz ')).toBe('Łukasz Kaiser');
    expect(nameFromCitation('Ashish Vaswani')).toBe('Ashish Vaswani');
    expect(nameFromCitation('Smith, John, Jr.')).toBe('Smith, John, Jr.');
    expect(nameFromCitation('Vaswani,')).toBe('Vaswani,');
  });

  it('splits an author line at commas and a last "and", dropping empty names', () => {
    expect(namesFromLine('Ashish Vaswani, Noam\u00a0Shazeer,  and Niki Parmar')).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    expect(namesFromLine('Ada Lovelace and Alan Turing')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(namesFromLine('Alexandra Andersen, Sandra Rand')).toEqual(['Alexandra Andersen', 'Sandra Rand']);
    expect(namesFromLine(' , ')).toEqual([]);
  });
});

describe('generic', () => {
  it('is never picked automatically: not in the registry nor in the site list', () => {
    expect(ADAPTERS).not.toContain(generic);
    expect(adapterById('generic')).toBeUndefined();
    expect(SITES.map((site) => site.id)).not.toContain('generic');
    for (const { url } of generic.testUrls) expect(adapterFor(url)).toBeUndefined();
    expect(generic.hosts).toEqual([]);
  });
});

describe('Google Scholar', () => {
  it('links each result to its own page and leaves [CITATION] rows without a url', () => {
    const { doc } = loadFixture('googlescholar', 'results');
    const urls = googlescholar.rows(doc).map((row) => row.ref.url);
    expect(urls[0]).toBe('https://proceedings.neurips.cc/paper/7181-attention-is-all-you-need');
    expect(urls[4]).toBeUndefined();
  });

  it.each([
    [
      'B Michaud, M Begon - Journal of Open Source Software, 2021 - joss.theoj.org',
      { authors: ['B Michaud', 'M Begon'], source: 'Journal of Open Source Software, 2021', year: 2021 },
    ],
    ['…, AC Concejil… - 2010 - knihydaniela.cz', { authors: ['AC Concejil'], source: '2010', year: 2010 }],
    ['Y Bengio, AC Courville, P Vincent - CoRR, abs/1206.5538, 2012', { authors: ['Y Bengio', 'AC Courville', 'P Vincent'], source: 'CoRR, abs/1206.5538, 2012', year: 2012 }],
    ['no dash here', { authors: [], source: 'no dash here' }],
  ])('reads authors, source and year from the byline %s', (byline, read) => {
    expect(bylineOf(byline)).toEqual(read);
  });
});

describe('Hugging Face', () => {
  it('unescapes the hydration attribute and fills only the cards it knows', () => {
    const { doc } = loadFixture('huggingface', 'daily');
    const rows = huggingface.rows(doc);
    const s1 = rows.find((row) => row.ref.arxivId === '2501.19393');
    expect(s1?.ref.abstract).toContain('reasoning traces & develop "budget forcing"');
    expect(s1?.ref.abstract).toContain('(<think> tokens)');
    expect(s1?.ref.authors).toContain('Emmanuel Candès');
    const notHydrated = rows.find((row) => row.ref.arxivId === '2502.01456');
    expect(notHydrated?.ref.authors).toBeUndefined();
    expect(notHydrated?.ref.abstract).toBeUndefined();
    // The cards themselves carry no abstract: it can only have come from the blob.
    expect(s1?.rowEl.textContent).not.toContain('Test-time scaling is a promising');
  });

  it('caps an author list longer than a message allows', () => {
    const authors = Array.from({ length: 450 }, (_, i) => ({ name: `Author ${i}` }));
    const props = JSON.stringify({ dailyPapers: [{ paper: { id: '2312.11805', title: 'Gemini', summary: 'A family.', authors } }] });
    const doc = parse('<div id="blob"><article><h3><a href="/papers/2312.11805">Gemini</a></h3></article></div>');
    const blob = doc.getElementById('blob');
    blob?.setAttribute('data-target', 'DailyPapers');
    blob?.setAttribute('data-props', props);
    const [row] = huggingface.rows(doc);
    expect(row?.ref.authors).toHaveLength(200);
    expect(row?.ref.abstract).toBe('A family.');
  });
});

// The real captures: each section is skipped, with a notice, when its page is not in ../shared/pages.
const ARXIV_CAPTURE = readCapture('arxiv-list-recent-cs.CL.html');
const ALPHAXIV_CAPTURE = readCapture('alphaxiv-abs-2301.12345-trimmed.html');
// The page's Google Tag Manager iframe is renamed so happy-dom does not log a failed frame load; nothing reads it.
const BIORXIV_CAPTURE = readCapture('biorxiv-paper-page-2019.html')?.replace(/<(\/?)iframe\b/gi, '<$1x-iframe');
const HAS_SCHOLAR_CAPTURES = readCapture('googlescholar-results-page0.html') !== undefined;
for (const [site, present] of [
  ['arXiv', ARXIV_CAPTURE],
  ['alphaXiv', ALPHAXIV_CAPTURE],
  ['bioRxiv', BIORXIV_CAPTURE],
  ['Google Scholar', HAS_SCHOLAR_CAPTURES || undefined],
] as const) {
  if (present === undefined) console.warn(`skipping ${site} capture conformance: ../shared/pages does not have it`);
}

describe.skipIf(!ARXIV_CAPTURE)('arXiv conformance on the real 2026 capture (cs.CL /recent)', () => {
  const rows = arxiv.rows(parse(ARXIV_CAPTURE ?? ''));

  it('finds all 50 papers with new-style keys and titles, none twice', () => {
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      expect(row.ref.key).toMatch(/^arxiv:\d{4}\.\d{5}$/);
      expect(row.ref.key).toBe(`arxiv:${row.ref.arxivId}`);
      expect(row.ref.title.length).toBeGreaterThan(0);
      expect(row.ref.title).not.toMatch(/^Title:/);
      expect(row.ref.authors?.length).toBeGreaterThan(0);
      expect(row.ref.abstract).toBeUndefined();
    }
    expect(new Set(rows.map((row) => row.ref.key)).size).toBe(50);
    expect(new Set(rows.map((row) => row.rowEl)).size).toBe(50);
  });

  it('keeps categories on the 18 cross-lists, their home category first', () => {
    let crossLists = 0;
    for (const row of rows) {
      const dt = row.rowEl.previousElementSibling;
      expect(dt?.localName).toBe('dt');
      const from = /\(cross-list from ([^)\s]+)\)/.exec(dt?.textContent ?? '');
      if (!from) continue;
      crossLists++;
      expect(row.ref.categories?.[0]).toBe(from[1]);
      expect(row.ref.categories).toContain('cs.CL');
    }
    expect(crossLists).toBe(18);
  });
});

describe.skipIf(!ALPHAXIV_CAPTURE)('alphaXiv conformance on the real trimmed capture (/abs/2301.12345, head only)', () => {
  const html = ALPHAXIV_CAPTURE ?? '';

  it('gives no row: the stripped body has no element to put a badge next to', () => {
    expect(alphaxiv.rows(parse(html))).toEqual([]);
  });

  it('gives the paper from its JSON-LD and og:image once the body shows the title', () => {
    const doc = parse(html);
    const h1 = doc.createElement('h1');
    h1.textContent = 'Chemotactic motility-induced phase separation';
    doc.body.prepend(h1);
    const rows = alphaxiv.rows(doc);
    expect(rows.map((row) => row.ref)).toEqual([
      {
        key: 'arxiv:2301.12345',
        title: 'Chemotactic motility-induced phase separation',
        arxivId: '2301.12345',
        url: 'https://www.alphaxiv.org/abs/2301.12345',
        authors: ['Hongbo Zhao', 'Andrej Košmrlj', 'Sujit S. Datta'],
        abstract: 'Collectives of actively-moving particles can spontaneously separate into dilute and dense phases.',
      },
    ]);
    expect(rows[0]?.titleEl).toBe(h1);
  });

  it('finds the arXiv id in the PDF prefetch when og:image is gone', () => {
    const doc = parse(html);
    doc.querySelector('meta[property="og:image"]')?.remove();
    doc.body.append(Object.assign(doc.createElement('h2'), { textContent: 'Chemotactic motility-induced phase separation' }));
    expect(alphaxiv.rows(doc).map((row) => row.ref.key)).toEqual(['arxiv:2301.12345']);
  });
});

describe.skipIf(!BIORXIV_CAPTURE)('bioRxiv conformance on the real 2019 paper-page capture (10.1101/696633v1)', () => {
  // Its URL, https://www.biorxiv.org/content/10.1101/696633v1, is a paper page in the detect table.
  const doc = parse(BIORXIV_CAPTURE ?? '');
  const rows = biorxiv.rows(doc);

  it('gives the page its own paper first, from metas written as value= attributes', () => {
    const own = rows[0];
    expect(own?.ref.key).toBe('doi:10.1101/696633');
    expect(own?.ref.doi).toBe('10.1101/696633');
    expect(own?.ref.title).toBe('Sub-nucleosomal organization in urine cell-free DNA');
    expect(own?.ref.url).toBe('https://www.biorxiv.org/content/10.1101/696633v1');
    expect(own?.ref.authors).toHaveLength(18);
    expect(own?.ref.authors?.[0]).toBe('Havell Markus');
    expect(own?.ref.authors).toContain('Michelina C. de la Maza');
    expect(own?.ref.authors?.at(-1)).toBe('Muhammed Murtaza');
    expect(own?.ref.authors?.join(' ')).not.toContain('ORCID');
    expect(own?.ref.abstract).toMatch(/^Cell-free DNA \(cfDNA\) in urine is a promising analyte/);
    expect(own?.ref.abstract).not.toMatch(/<\/?p>/);
    expect(own?.titleEl).toBe(doc.querySelector('h1#page-title'));
    expect(own?.rowEl.contains(own.titleEl)).toBe(true);
  });

  it('does not repeat the paper for its share and cite dialogs (the only other HighWire citations on the page)', () => {
    expect(doc.querySelectorAll('div.highwire-article-citation')).toHaveLength(3);
    expect(rows).toHaveLength(1);
  });
});

/** Rows of a Google Scholar capture (present whenever this section runs). */
function scholarCapture(file: string): { doc: Document; rows: PaperRow[] } {
  const doc = parse(readCapture(file) ?? '');
  return { doc, rows: googlescholar.rows(doc) };
}

describe.skipIf(!HAS_SCHOLAR_CAPTURES)('Google Scholar conformance on the real captures', () => {
  it.each([
    // 10 results each; page0 and page20 have 4 arXiv links (title + side PDF) for 2 arXiv papers each.
    ['googlescholar-results-page0.html', ['arxiv:1911.12338', 'arxiv:1807.01775']],
    ['googlescholar-results-page10.html', []],
    ['googlescholar-results-page20.html', ['arxiv:1801.06073', 'arxiv:1301.1334']],
  ])('%s: 10 rows, one per data-cid result, with these arXiv keys', (file, arxivKeys) => {
    const { doc, rows } = scholarCapture(file);
    expect(rows).toHaveLength(10);
    expectAnchored(doc, rows);
    expect(rows.map((row) => row.ref.key).filter((key) => key.startsWith('arxiv:'))).toEqual(arxivKeys);
    for (const row of rows) {
      expect(row.rowEl.getAttribute('data-cid')).toMatch(/\S/);
      expect(row.titleEl.matches('h3.gs_rt')).toBe(true);
      expect(row.ref.title).not.toMatch(/^\[|\[(?:PDF|HTML|BOOK|B)\]/);
      expect(row.ref.authors?.length).toBeGreaterThan(0);
      expect(row.ref.key === `arxiv:${row.ref.arxivId}` || row.ref.key.startsWith('title:')).toBe(true);
    }
  });

  it('strips [BOOK] markers and keeps a truncated title as shown', () => {
    const { rows } = scholarCapture('googlescholar-results-page0.html');
    expect(rows[1]?.ref.title).toBe('Programming in Python 3');
    const truncated = rows.find((row) => row.ref.title.endsWith('…'));
    expect(truncated?.ref.title).toMatch(/^The impact of programming language choice/);
    expect(truncated?.ref.key).not.toContain('…');
  });

  it('gives no rows on the empty results page (container present, no results)', () => {
    const { doc, rows } = scholarCapture('googlescholar-results-empty.html');
    expect(doc.querySelector('#gs_res_ccl_mid')).not.toBeNull();
    expect(rows).toEqual([]);
  });

  it.each([
    ['googlescholar-results-2016-case1.html', 'title:learning deep architectures for ai', 'Learning deep architectures for AI', ['Y Bengio']],
    [
      'googlescholar-results-2016-case2.html',
      'arxiv:1206.5538',
      'Unsupervised feature learning and deep learning: A review and new perspectives',
      ['Y Bengio', 'AC Courville', 'P Vincent'],
    ],
    ['googlescholar-cluster-2016.html', 'title:deep learning', 'Deep learning', ['Y LeCun', 'Y Bengio', 'G Hinton']],
  ])('%s (legacy 2016 markup) gives its one result', (file, key, title, authors) => {
    const { doc, rows } = scholarCapture(file);
    expectAnchored(doc, rows);
    expect(rows.map((row) => [row.ref.key, row.ref.title, row.ref.authors])).toEqual([[key, title, authors]]);
  });
});
