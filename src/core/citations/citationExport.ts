// Citation export: papers as CSL-JSON items (our own mapping), written out as BibTeX, RIS or CSL-JSON by citation-js.
import { Cite, plugins } from '@citation-js/core';
import { parse as parseName, type CslName } from '@citation-js/name';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { yearFromArxivId } from '../catalogue/formats/common.ts';
import type { PaperKey } from '../paper.ts';
import { normalizeArxivId, normalizeDoi } from '../identity/paperKey.ts';

// Paperscope never goes to the network: no input may be taken for a URL to fetch (we also always force the type).
plugins.input.remove('@else/url');

/** What an export knows of a paper: a saved record, filled in from the catalogue where it knows more. */
export interface CitablePaper {
  key: PaperKey;
  title: string;
  /** "Given Family" names, in the paper's order. */
  authors: readonly string[];
  arxivId?: string;
  doi?: string;
  url?: string;
  /** arXiv categories, primary first. */
  categories?: readonly string[];
  year?: number;
  /** Journal or proceedings. */
  venue?: string;
  abstract?: string;
}

export type CitationFormat = 'bibtex' | 'ris' | 'csl-json';

export const CITATION_FILES: Record<CitationFormat, { extension: string; mime: string }> = {
  bibtex: { extension: 'bib', mime: 'application/x-bibtex' },
  ris: { extension: 'ris', mime: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
};

export type CslItem = Record<string, unknown> & { id: string; type: string; title: string };

const SUFFIX = /^(.+?)(?:,\s*|\s+)(jr\.?|sr\.?|ii|iii|iv)$/i;

/** A "Given Family" (or "Family, Given") name as CSL parts; particles ("van der") and suffixes ("Jr.") kept apart. */
export function cslName(name: string): CslName | undefined {
  let text = name.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const suffix = SUFFIX.exec(text);
  if (suffix) text = suffix[1]!;
  const parsed = parseName(text);
  if (!parsed.family) return { literal: name.trim() };
  return suffix ? { ...parsed, suffix: suffix[2]! } : parsed;
}

// Venue names that mean proceedings rather than a journal (papers in them become paper-conference items).
const PROCEEDINGS =
  /\b(?:proceedings|proc|conference|workshops?|symposium|NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD|SIGIR|CHI|UAI|AISTATS|COLT|CoRL|Interspeech|ICASSP|Neural Information Processing Systems)\b/i;

/** bioRxiv and medRxiv DOIs: preprints, like arXiv ids. */
const PREPRINT_DOI = /^10\.1101\//;

function cslType(arxivId: string | undefined, doi: string | undefined, venue: string | undefined): string {
  if (venue) return PROCEEDINGS.test(venue) ? 'paper-conference' : 'article-journal';
  if (arxivId || (doi && PREPRINT_DOI.test(doi))) return 'article'; // CSL's preprint type
  return doi ? 'article-journal' : 'document';
}

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}

/** One paper as a CSL-JSON item (arXiv preprints: type article, number "arXiv:<id>", archive arXiv, the arXiv DOI). */
export function cslItem(paper: CitablePaper): CslItem {
  const arxivId = paper.arxivId ? normalizeArxivId(paper.arxivId) : undefined;
  const venue = paper.venue?.trim() || undefined;
  // arXiv registers a DataCite DOI for every paper; a journal's own DOI wins.
  const doi = (paper.doi ? normalizeDoi(paper.doi) : undefined) ?? (arxivId ? `10.48550/arXiv.${arxivId}` : undefined);
  const item: CslItem = { id: paper.key, type: cslType(arxivId, doi, venue), title: paper.title };
  const author = paper.authors.map(cslName).filter((n): n is CslName => n !== undefined);
  if (author.length) item.author = author;
  const year = paper.year ?? yearFromArxivId(arxivId);
  if (year) item.issued = { 'date-parts': [[year]] };
  if (venue) item['container-title'] = venue;
  if (doi) item.DOI = doi;
  const url = arxivId ? `https://arxiv.org/abs/${arxivId}` : httpUrl(paper.url);
  if (url) item.URL = url;
  if (arxivId && venue) {
    // A published paper's `number` is its issue: the arXiv id goes in the note, where Zotero keeps it ("Extra").
    item.note = `arXiv:${arxivId}`;
  } else if (arxivId) {
    // Not also publisher "arXiv": CSL styles print both, giving "arXiv. arXiv.".
    item.number = `arXiv:${arxivId}`;
    item.archive = 'arXiv';
  }
  if (paper.abstract) item.abstract = paper.abstract;
  return item;
}

/** citation-js's BibTeX entry before it is written out (field values already escaped). */
interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

function bibtexEntries(items: CslItem[]): BibtexEntry[] {
  return new Cite(items, { forceType: '@csl/list+object', generateGraph: false }).format('bibtex', { format: 'object' }) as BibtexEntry[];
}

/** Items with unique citation keys (citation-js's author-year-title labels; repeats get b, c, …) as ids. */
function withCitationKeys(items: CslItem[]): CslItem[] {
  const used = new Set<string>();
  return bibtexEntries(items).map((entry, i) => {
    let label = entry.label;
    for (let n = 0; used.has(label); n++) label = n < 25 ? `${entry.label}${String.fromCharCode(98 + n)}` : `${entry.label}_${n + 2}`;
    used.add(label);
    return { ...items[i]!, id: label, 'citation-key': label };
  });
}

/** BibTeX text as citation-js lays it out, with the arXiv fields it has no mapping for (eprint, archivePrefix, primaryClass). */
function bibtexText(items: CslItem[], papers: readonly CitablePaper[]): string {
  return bibtexEntries(items)
    .map((entry, i) => {
      const paper = papers[i]!;
      const arxivId = paper.arxivId ? normalizeArxivId(paper.arxivId) : undefined;
      const properties = { ...entry.properties };
      let type = entry.type;
      if (arxivId) {
        // Preprints are @misc with eprint fields, as arXiv's own "Export BibTeX citation" writes them.
        if (items[i]!.type === 'article') type = 'misc';
        properties.eprint = arxivId;
        properties.archivePrefix = 'arXiv';
        const primary = paper.categories?.find((c) => /^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(c));
        if (primary) properties.primaryClass = primary;
      }
      const fields = Object.entries(properties).map(([name, value]) => `\t${name} = {${value}},\n`);
      return `@${type}{${entry.label},\n${fields.join('')}}\n`;
    })
    .join('\n');
}

/** RIS has only "Family, Given, Suffix" and citation-js drops particles there: keep "van der" with the family name. */
function withParticlesInNames(item: CslItem): CslItem {
  if (!Array.isArray(item.author)) return item;
  const author = (item.author as CslName[]).map(({ 'non-dropping-particle': nonDropping, 'dropping-particle': dropping, ...name }) => {
    if (name.family && nonDropping) name.family = `${nonDropping} ${name.family}`;
    if (name.given && dropping) name.given = `${name.given} ${dropping}`;
    else if (dropping && name.family) name.family = `${dropping} ${name.family}`;
    return name;
  });
  return { ...item, author };
}

const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

/** Every text of an item on one line: RIS is a field a line, so a title holding "\nTY  - JOUR" would start a record. */
function onOneLine<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LINE_BREAKS, ' ') as T;
  if (Array.isArray(value)) return value.map(onOneLine) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, onOneLine(v)])) as T;
  return value;
}

/** The papers as one BibTeX, RIS or CSL-JSON file, in the order given. */
export function formatCitations(papers: readonly CitablePaper[], format: CitationFormat): string {
  if (papers.length === 0) return format === 'csl-json' ? '[]\n' : '';
  const items = withCitationKeys(papers.map(cslItem));
  switch (format) {
    case 'bibtex':
      return bibtexText(items, papers);
    case 'ris':
      return String(
        new Cite(
          items.map((item) => onOneLine(withParticlesInNames(item))),
          { forceType: '@csl/list+object', generateGraph: false },
        ).format('ris'),
      );
    case 'csl-json': {
      const data = new Cite(items, { forceType: '@csl/list+object', generateGraph: false }).format('data', { format: 'object' });
      return `${JSON.stringify(data, null, 2)}\n`;
    }
    default: {
      const unknown: never = format;
      throw new Error(`unknown citation format ${String(unknown)}`);
    }
  }
}
