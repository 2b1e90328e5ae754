// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true,"disableJavaScriptEvaluation":true}}
// Links anywhere: which paper a link names (src/core/identity/paperLinks.ts), the links adapter on pages written after
// real sites' markup (tests/fixtures/links/<page>.html, the badges expected in <page>.json), and the site a page is.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { links } from '../../src/adapters/links.ts';
import { adapterFor } from '../../src/adapters/registry.ts';
import { SITES } from '../../src/adapters/sites.ts';
import { hasFullAdapter, linksSiteFromOrigin, linksSiteOf, paperFromUrl } from '../../src/core/identity/paperLinks.ts';

const DIR = resolve(process.cwd(), 'tests/fixtures/links');
const pages = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort();

interface LinksFixture {
  source: string;
  url: string;
  papers: Array<{ key: string; href: string }>;
}

function load(name: string): { fixture: LinksFixture; doc: Document } {
  const fixture = JSON.parse(readFileSync(resolve(DIR, `${name}.json`), 'utf8')) as LinksFixture;
  const html = readFileSync(resolve(DIR, `${name}.html`), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { fixture, doc };
}

describe('paperFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2310.06825', { arxivId: '2310.06825', url: 'https://arxiv.org/abs/2310.06825' }],
    ['https://arxiv.org/abs/2310.06825v3', { arxivId: '2310.06825', url: 'https://arxiv.org/abs/2310.06825' }],
    ['http://www.arxiv.org/pdf/2310.06825v1.pdf', { arxivId: '2310.06825', url: 'https://arxiv.org/abs/2310.06825' }],
    ['https://arxiv.org/html/2305.18290v3#S2', { arxivId: '2305.18290', url: 'https://arxiv.org/abs/2305.18290' }],
    ['https://export.arxiv.org/abs/hep-th/9901001', { arxivId: 'hep-th/9901001', url: 'https://arxiv.org/abs/hep-th/9901001' }],
    ['https://doi.org/10.1038/S41586-021-03819-2', { doi: '10.1038/s41586-021-03819-2', url: 'https://doi.org/10.1038/s41586-021-03819-2' }],
    ['https://dx.doi.org/10.48550/arXiv.2402.01306', { arxivId: '2402.01306', url: 'https://arxiv.org/abs/2402.01306' }],
    ['https://doi.org/10.1145%2F3292500.3330701', { doi: '10.1145/3292500.3330701', url: 'https://doi.org/10.1145/3292500.3330701' }],
    ['https://openreview.net/forum?id=nZeVKeeFYf9&noteId=abc', { openreviewId: 'nZeVKeeFYf9', url: 'https://openreview.net/forum?id=nZeVKeeFYf9' }],
    ['https://openreview.net/pdf?id=YicbFdNTTy', { openreviewId: 'YicbFdNTTy', url: 'https://openreview.net/forum?id=YicbFdNTTy' }],
    ['https://aclanthology.org/2021.acl-long.353/', { anthologyId: '2021.acl-long.353', url: 'https://aclanthology.org/2021.acl-long.353/' }],
    ['https://aclanthology.org/P19-1001.pdf', { anthologyId: 'P19-1001', url: 'https://aclanthology.org/P19-1001/' }],
    ['https://pubmed.ncbi.nlm.nih.gov/34265844/', { pmid: '34265844', url: 'https://pubmed.ncbi.nlm.nih.gov/34265844/' }],
    ['https://www.ncbi.nlm.nih.gov/pubmed/31452104', { pmid: '31452104', url: 'https://pubmed.ncbi.nlm.nih.gov/31452104/' }],
  ])('%s names a paper', (href, paper) => {
    expect(paperFromUrl(href)).toEqual(paper);
  });

  it.each([
    'https://arxiv.org/list/cs.LG/recent', // a listing
    'https://arxiv.org/a/doe_j_1', // an author's page
    'https://arxiv.org/', // the site
    'https://www.reddit.com/search/?q=https://arxiv.org/abs/2305.18290', // an arXiv address in a query
    'https://example.com/?doi=10.1038/s41586-021-03819-2',
    'https://doi.org/', // no DOI
    'https://openreview.net/group?id=ICLR.cc/2024/Conference', // a venue
    'https://aclanthology.org/events/acl-2023/', // an event
    'https://pubmed.ncbi.nlm.nih.gov/?term=protein', // a search
    'ftp://arxiv.org/abs/2310.06825', // not the web
    'javascript:alert(1)',
    'not a url at all',
    '',
  ])('%s names none', (href) => {
    expect(paperFromUrl(href)).toBeUndefined();
  });

  it('reads relative links against the page', () => {
    expect(paperFromUrl('/abs/2310.06825', 'https://arxiv.org/list/cs.CL/new')?.arxivId).toBe('2310.06825');
    expect(paperFromUrl('/abs/2310.06825', 'https://news.ycombinator.com/item?id=1')).toBeUndefined();
  });
});

describe('the site of a page', () => {
  it('is the scheme and host, every port and path of it', () => {
    expect(linksSiteOf('https://news.ycombinator.com/item?id=1')).toEqual({ origin: 'https://news.ycombinator.com', pattern: 'https://news.ycombinator.com/*' });
    expect(linksSiteOf('http://Example.org:8080/a')).toEqual({ origin: 'http://example.org', pattern: 'http://example.org/*' });
    for (const url of ['file:///home/me/a.html', 'about:blank', 'chrome://extensions', 'https://user:pw@example.org/', 'nonsense', undefined]) {
      expect(linksSiteOf(url), String(url)).toBeUndefined();
    }
  });

  it('is named by exactly one origin, no path, no pattern, no wildcard', () => {
    expect(linksSiteFromOrigin('https://github.com')?.pattern).toBe('https://github.com/*');
    for (const origin of ['https://github.com/', 'https://*.github.com', 'https://github.com/*', '<all_urls>', 'github.com', 'HTTPS://GITHUB.COM', '']) {
      expect(linksSiteFromOrigin(origin), origin).toBeUndefined();
    }
  });

  it('has its own site adapter on arXiv and the other supported sites, not elsewhere', () => {
    const hosts = SITES.flatMap((site) => site.hosts);
    expect(hasFullAdapter(linksSiteOf('https://arxiv.org/abs/1')!, hosts)).toBe(true);
    expect(hasFullAdapter(linksSiteOf('https://openreview.net/forum?id=x')!, hosts)).toBe(true);
    expect(hasFullAdapter(linksSiteOf('https://github.com/a/b')!, hosts)).toBe(false);
    expect(hasFullAdapter(linksSiteOf('https://bsky.app/profile/a')!, hosts)).toBe(false);
  });
});

describe('the links adapter', () => {
  it('has a fixture for each kind of site people share papers on', () => {
    expect(pages).toEqual(['bluesky-thread', 'github-issue', 'github-readme', 'hn-thread', 'old-reddit-thread', 'personal-page', 'reddit-thread', 'x-post']);
  });

  it.each(pages)('%s: one badge beside each paper link, once per paper in a post, none in navigation', (name) => {
    const { fixture, doc } = load(name);
    expect(links.detect(new URL(fixture.url))).toBe('listing');
    // No site adapter claims these pages: links anywhere is what badges them.
    expect(adapterFor(fixture.url)).toBeUndefined();
    const rows = links.rows(doc);
    expect(rows.map((row) => ({ key: row.ref.key, href: row.titleEl.getAttribute('href') }))).toEqual(fixture.papers);
    for (const row of rows) {
      expect(row.badgeAfter).toBe(true);
      expect(row.titleEl.localName).toBe('a');
      expect(row.ref.title.length).toBeGreaterThan(0);
      expect(row.ref.title.length).toBeLessThanOrEqual(300);
      expect(row.ref.url).toMatch(/^https:\/\//);
    }
    // The readers, called in order, give the same rows: the content script reads a long page in slices.
    const sliced = links.rowReaders!(doc).flatMap((read) => read() ?? []);
    expect(sliced.map((row) => row.titleEl)).toEqual(rows.map((row) => row.titleEl));
  });

  it('takes a title from the link when it reads like one, else from the entry before the link', () => {
    const { doc } = load('github-readme');
    const byHref = (href: string) => links.rows(doc).find((row) => row.titleEl.getAttribute('href') === href)!;
    expect(byHref('https://arxiv.org/abs/2208.07339').ref.title).toBe('LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale');
    expect(byHref('https://aclanthology.org/2021.acl-long.353/').ref.title).toBe('Prefix-Tuning: Optimizing Continuous Prompts for Generation. ACL 2021.');
  });

  it("puts a link post's badge beside its title, not its thumbnail (the same address, an image only)", () => {
    const { doc } = load('old-reddit-thread');
    const post = links.rows(doc).filter((row) => row.ref.key === 'arxiv:2312.00752')[0]!;
    expect(post.titleEl.className).toContain('title');
    expect(post.ref.title).toBe('[R] Mamba: Linear-Time Sequence Modeling with Selective State Spaces');
    // An image link alone (a README's shields badge) still gets its badge.
    const readme = load('github-readme').doc;
    expect(links.rows(readme).some((row) => row.titleEl.querySelector('img'))).toBe(true);
  });

  it('gives no rows, never an error, on pages without paper links or with odd markup', () => {
    const doc = new DOMParser().parseFromString(
      '<p><a href="https://arxiv.org/abs/">x</a><a href="https://doi.org/10.1/">y</a><a>none</a><a href="http://[bad">z</a></p>',
      'text/html',
    );
    expect(links.rows(doc)).toEqual([]);
    expect(links.rows(doc.createDocumentFragment())).toEqual([]);
  });

  it('never reads its own badges as links', () => {
    const doc = new DOMParser().parseFromString(
      '<p><a href="https://arxiv.org/abs/2106.09685">LoRA paper</a><paperscope-badge><a href="https://arxiv.org/abs/1706.03762">x</a></paperscope-badge></p>',
      'text/html',
    );
    expect(links.rows(doc).map((row) => row.ref.key)).toEqual(['arxiv:2106.09685']);
  });
});

describe('the links adapter on a page laid out in one table cell', () => {
  it('reads the cell once, and titles each label link by the text right before it', () => {
    const entries = Array.from({ length: 400 }, (_, i) => `Paper number ${i} on sparse attention. <a href="https://arxiv.org/abs/2301.${String(10000 + i)}">[pdf]</a><br>`);
    const doc = new DOMParser().parseFromString(`<table><tr><td>${entries.join('\n')}</td></tr></table>`, 'text/html');
    const cell = doc.querySelector('td')!;
    const cloned = vi.spyOn(cell, 'cloneNode');
    const rows = links.rows(doc);
    expect(rows).toHaveLength(400);
    expect(cloned.mock.calls.length).toBeLessThanOrEqual(1);
    expect(rows[0]!.ref.title).toBe('Paper number 0 on sparse attention.');
    expect(rows[399]!.ref.title).toBe('Paper number 399 on sparse attention.');
    expect(rows.every((row) => row.ref.title.length <= 300)).toBe(true);

    // Too little text right before each link: the cell's text is the context, read once for all 400.
    const terse = new DOMParser().parseFromString(
      `<table><tr><td>${Array.from({ length: 400 }, (_, i) => `<i>P${i}</i> <a href="https://arxiv.org/abs/2301.${String(10000 + i)}">[pdf]</a><br>`).join('\n')}</td></tr></table>`,
      'text/html',
    );
    const terseCell = terse.querySelector('td')!;
    const terseCloned = vi.spyOn(terseCell, 'cloneNode');
    const terseRows = links.rows(terse);
    expect(terseRows).toHaveLength(400);
    expect(terseCloned.mock.calls.length).toBe(1);
    expect(terseRows.every((row) => row.ref.title.length > 0 && row.ref.title.length <= 300)).toBe(true);
  });
});
