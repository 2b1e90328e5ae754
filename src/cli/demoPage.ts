// A demo arXiv "new submissions" listing made from catalogue papers, for `npm start` and end-to-end tests.
import { categoryName } from '../core/categories/arxivCategories.ts';
import type { CataloguePaper } from '../core/paper.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface DemoEntry {
  arxivId: string;
  title: string;
  authors: string[];
  categories: string[];
  abstract: string;
}

/** Where `npm start` serves the listing: arXiv's Computer Science listing, which also shows cross-lists. */
export const DEMO_URL = 'https://arxiv.org/list/cs/new';

/** Papers that are not in the seed catalogue, so the demo also shows tags computed from a page alone. */
export const DEMO_OUTSIDE_CATALOGUE: DemoEntry[] = [
  {
    arxivId: '2611.99001',
    title: 'Paging Key-Value Caches Between GPU and Host Memory for Long-Context LLM Serving',
    authors: ['A. Researcher', 'B. Engineer'],
    categories: ['cs.DC', 'cs.LG'],
    abstract:
      'Long-context inference exhausts GPU memory with key-value caches. We offload inactive KV blocks to host CPU memory over PCIe and prefetch them ahead of decoding, raising serving throughput by 2.1x at equal latency.',
  },
  {
    arxivId: '2611.99002',
    title: 'Sparse Voxel Transformers for Outdoor LiDAR Point Cloud Segmentation',
    authors: ['C. Vision'],
    categories: ['cs.CV'],
    abstract: 'We segment LiDAR point clouds with a sparse voxel transformer that attends within local windows.',
  },
];

/**
 * The ids are demo ids (2611.9xxxx); the page says so in its heading. Each paper is listed under the catalogue's
 * categories for it (the bundled papers' are predicted by the builder); a paper with none is listed without subjects.
 */
export function demoEntries(papers: readonly CataloguePaper[], count = 20): DemoEntry[] {
  const fromCatalogue = papers.slice(0, count).map((p, i) => ({
    arxivId: `2611.9${String(i + 100).padStart(4, '0')}`,
    title: p.title,
    authors: p.authors,
    categories: p.categories,
    abstract: p.abstract,
  }));
  return [...fromCatalogue, ...DEMO_OUTSIDE_CATALOGUE];
}

/** arXiv's subjects line: the primary category wrapped, then the others; none when the paper has no category. */
function subjectsHtml(categories: readonly string[]): string {
  const [primary, ...rest] = categories;
  if (primary === undefined) return '';
  const subjects = [
    `<span class="primary-subject">${escapeHtml(categoryName(primary) ?? primary)} (${escapeHtml(primary)})</span>`,
    ...rest.map((c) => `${escapeHtml(categoryName(c) ?? c)} (${escapeHtml(c)})`),
  ].join('; ');
  return `\n    <div class='list-subjects'><span class='descriptor'>Subjects:</span> ${subjects}</div>`;
}

function entryHtml(e: DemoEntry, n: number): string {
  return `
<dt>
  <a name="item${n}">[${n}]</a>
  <a href ="/abs/${e.arxivId}" title="Abstract" id="${e.arxivId}">arXiv:${e.arxivId}</a>
  [<a href="/pdf/${e.arxivId}" title="Download PDF" id="pdf-${e.arxivId}" aria-labelledby="pdf-${e.arxivId}">pdf</a>]
</dt>
<dd>
  <div class='meta'>
    <div class='list-title mathjax'><span class='descriptor'>Title:</span>
      ${escapeHtml(e.title)}
    </div>
    <div class='list-authors'>${e.authors.map((a) => `<a href="https://arxiv.org/search/cs?searchtype=author&query=${encodeURIComponent(a)}">${escapeHtml(a)}</a>`).join(', ')}</div>${subjectsHtml(e.categories)}
  </div>
  <p class='mathjax'>${escapeHtml(e.abstract)}</p>
</dd>`;
}

export function demoListingHtml(entries: readonly DemoEntry[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Computer Science (demo listing)</title>
<style>body{font:15px/1.5 "Lucida Grande",Helvetica,Arial,sans-serif;max-width:1000px;margin:0 auto;padding:1em}
.list-title{font-size:1.15em;font-weight:bold}dd{margin:0 0 1.2em 2em}.list-subjects,.list-authors{font-size:.9em}
.descriptor{display:none}p.mathjax{color:#333}</style></head>
<body>
<div id="dlpage">
  <h1>Computer Science</h1>
  <h2>Paperscope demo listing: papers from the bundled seed catalogue under their (predicted) categories, with demo ids, plus ${DEMO_OUTSIDE_CATALOGUE.length} papers outside it</h2>
  <dl id="articles">
    <h3>New submissions (showing ${entries.length} of ${entries.length} entries)</h3>
${entries.map((e, i) => entryHtml(e, i + 1)).join('\n')}
  </dl>
</div>
</body>
</html>`;
}
