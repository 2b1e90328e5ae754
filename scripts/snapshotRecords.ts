// Seeded, snapshot-shaped arXiv records recombined from real papers: the large test inputs of issue 17 (see make-snapshot.ts).
import type { ParsedPaper } from '../src/core/catalogue/formats/types.ts';

/** What a generated record borrows from real papers. */
export interface PoolPaper {
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  /** `YYYY-MM`: the real paper's month, so generated dates follow arXiv's real growth over the years. */
  month: string;
}

/** The real papers a pool can use: those with a title, an abstract, authors, categories and a dated month. */
export function poolPaper(p: ParsedPaper): PoolPaper | undefined {
  const month = p.date && /^\d{4}-\d{2}/.test(p.date) ? p.date.slice(0, 7) : undefined;
  if (!month || !p.title || !p.abstract || !p.authors?.length || !p.categories?.length) return undefined;
  return { title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, month };
}

/** mulberry32: a small, fast, seeded generator; the same seed gives the same stream on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** The snapshot's date form: "Mon, 2 Apr 2007 19:18:42 GMT". */
export function rfc2822(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT`;
}

/** Papers a month's id form can number: old `archive/YYMMNNN`, 4 digits from 2007-04, 5 digits from 2015. */
function capacity(month: string): number {
  return month < '2007-04' ? 999 : month < '2015-01' ? 9999 : 99_999;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${two(m + 1)}`;
}

/** Words of `a`'s first half then `b`'s second half: a new title in real words of real lengths. */
function recombinedTitle(a: string, b: string): string {
  const x = a.split(' ');
  const y = b.split(' ');
  return [...x.slice(0, Math.ceil(x.length / 2)), ...y.slice(Math.floor(y.length / 2))].join(' ');
}

/** Sentences of `a`'s first half then `b`'s second half. */
function recombinedAbstract(a: string, b: string): string {
  const x = a.split(/(?<=\.)\s+/);
  const y = b.split(/(?<=\.)\s+/);
  return [...x.slice(0, Math.ceil(x.length / 2)), ...y.slice(Math.floor(y.length / 2))].join(' ');
}

/** Text wrapped at about 80 columns, as the snapshot stores titles and abstracts. */
function wrapped(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 78) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** "Last, First M." → [last, first, suffix], the snapshot's authors_parsed. */
function parsedName(name: string): [string, string, string] {
  const parts = name.trim().split(/\s+/);
  const last = parts.pop() ?? '';
  return [last, parts.join(' '), ''];
}

/**
 * `papers` snapshot records (one JSON line each, no newline), recombined from `pool` with the given seed: each takes
 * its categories and month from one real paper, its title and abstract halves from two others, its authors from a
 * fourth. Ids are new and unique: numbered within their month in that month's arXiv form, a full month spilling into
 * the next. The same pool, seed and count give the same lines; memory is the month counters, whatever the count.
 */
export function* snapshotRecords(pool: readonly PoolPaper[], papers: number, seed: number): Generator<string> {
  if (!pool.length) throw new Error('no real papers to recombine');
  const random = seededRandom(seed);
  const pick = () => pool[Math.floor(random() * pool.length)]!;
  const used = new Map<string, number>(); // papers numbered so far per month (per archive and month before 2007-04)
  for (let i = 0; i < papers; i++) {
    const base = pick();
    const [titleA, titleB, abstractB, people] = [pick(), pick(), pick(), pick()];
    const primary = base.categories[0]!;
    const archive = primary.split('.')[0]!;
    let month = base.month;
    let id = '';
    for (;;) {
      const counter = month < '2007-04' ? `${archive}/${month}` : month;
      const n = (used.get(counter) ?? 0) + 1;
      if (n <= capacity(month)) {
        used.set(counter, n);
        const yymm = month.slice(2, 4) + month.slice(5, 7);
        id = month < '2007-04' ? `${archive}/${yymm}${String(n).padStart(3, '0')}` : `${yymm}.${String(n).padStart(month < '2015-01' ? 4 : 5, '0')}`;
        break;
      }
      month = nextMonth(month);
    }
    const [y, m] = month.split('-').map(Number) as [number, number];
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const created = new Date(Date.UTC(y, m - 1, 1 + Math.floor(random() * days), Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60)));
    const revised = random() < 0.4 ? new Date(created.getTime() + Math.floor(random() * 400) * 86_400_000) : undefined;
    const versions = [{ version: 'v1', created: rfc2822(created) }, ...(revised ? [{ version: 'v2', created: rfc2822(revised) }] : [])];
    const authors = people.authors;
    const title = recombinedTitle(titleA.title, titleB.title);
    const record = {
      id,
      submitter: authors[0]!,
      authors: authors.length > 1 ? `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}` : authors[0]!,
      title: wrapped(title, '  '),
      comments: random() < 0.6 ? `${5 + Math.floor(random() * 40)} pages, ${Math.floor(random() * 12)} figures` : null,
      'journal-ref': null,
      // Some papers carry a DOI, unique to the id, so the DOI tables are exercised as in the real snapshot.
      doi: random() < 0.25 ? `10.5555/paperscope.${id.replace('/', '.')}` : null,
      'report-no': null,
      categories: base.categories.join(' '),
      license: null,
      abstract: `  ${wrapped(recombinedAbstract(base.abstract, abstractB.abstract), '')}\n`,
      versions,
      update_date: (revised ?? created).toISOString().slice(0, 10),
      authors_parsed: authors.map(parsedName),
    };
    yield JSON.stringify(record);
  }
}
