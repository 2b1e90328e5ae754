// How topic tags hold up on papers the taxonomy never saw: arXiv papers after the time split (coverage, topics per
// paper, by arXiv group) and ICLR 2026 papers with their authors' own keywords (how often an assigned topic is one a
// keyword names, and how often some keyword is matched). Any tagger can be measured, so the current one runs beside a
// baseline in the same report (scripts/eval-topics.ts).
import type { TopicTag } from '../core/paper.ts';
import { STOPWORDS } from '../core/text/terms.ts';
import { tokenize } from '../core/topics/topicText.ts';
import type { TopicDefinition } from '../core/topics/taxonomy.ts';

export interface TaggedPaper {
  title: string;
  abstract: string;
  categories?: string[];
}

/** A tagger under test: its tag function and the topics it names (for their labels and phrases). */
export interface TaggerUnderTest {
  name: string;
  tag(paper: TaggedPaper): TopicTag[];
  topics: readonly TopicDefinition[];
}

export interface CoverageFigures {
  papers: number;
  /** Share with at least one topic. */
  coverage: number;
  topicsPerPaper: number;
  /** Microseconds per paper (median of 5 slices). */
  microsPerPaper: number;
}

export interface KeywordFigures extends CoverageFigures {
  /** Share of assigned topics that some author keyword of the paper names. */
  topicsSupported: number;
  /** Share of papers where some author keyword is matched by an assigned topic. */
  papersMatched: number;
}

const stop = new Set([...STOPWORDS].map((w) => tokenize(w)[0] ?? w));
const contentStems = (text: string) => new Set(tokenize(text).filter((s) => !stop.has(s)));

/**
 * Whether an author keyword names a topic: all of the keyword's content words are in the topic's label or one of its
 * phrases, or all of a phrase's (or the label's) words are in the keyword ("diffusion models" names "Diffusion
 * models", "video diffusion" names "Video generation" when that is one of its phrases).
 */
export function keywordNamesTopic(keyword: string, topic: TopicDefinition): boolean {
  const k = contentStems(keyword);
  if (k.size === 0) return false;
  for (const phrase of [topic.label, ...topic.terms]) {
    const p = contentStems(phrase);
    if (p.size === 0) continue;
    if ([...k].every((w) => p.has(w)) || [...p].every((w) => k.has(w))) return true;
  }
  return false;
}

function timed<T>(items: readonly T[], run: (item: T) => void): number {
  const slices = 5;
  const per: number[] = [];
  const size = Math.ceil(items.length / slices);
  for (let s = 0; s < slices; s++) {
    const part = items.slice(s * size, (s + 1) * size);
    if (!part.length) continue;
    const started = performance.now();
    for (const item of part) run(item);
    per.push(((performance.now() - started) * 1000) / part.length);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)] ?? 0;
}

export function coverageOf(tagger: TaggerUnderTest, papers: readonly TaggedPaper[]): CoverageFigures & { byGroup: Map<string, { papers: number; covered: number }> } {
  let covered = 0;
  let topics = 0;
  const byGroup = new Map<string, { papers: number; covered: number }>();
  const tagsOf = papers.map((p) => tagger.tag(p).filter((t) => t.facet === 'topic'));
  papers.forEach((p, i) => {
    const n = tagsOf[i]!.length;
    if (n > 0) covered++;
    topics += n;
    const group = groupOf(p.categories?.[0]);
    const g = byGroup.get(group) ?? { papers: 0, covered: 0 };
    g.papers++;
    if (n > 0) g.covered++;
    byGroup.set(group, g);
  });
  return {
    papers: papers.length,
    coverage: covered / Math.max(1, papers.length),
    topicsPerPaper: topics / Math.max(1, papers.length),
    microsPerPaper: timed(papers, (p) => tagger.tag(p)),
    byGroup,
  };
}

export function keywordAgreement(tagger: TaggerUnderTest, papers: readonly (TaggedPaper & { keywords: string[] })[]): KeywordFigures {
  const byId = new Map(tagger.topics.map((t) => [t.id, t]));
  let assigned = 0;
  let supported = 0;
  let matched = 0;
  let covered = 0;
  for (const p of papers) {
    const tags = tagger.tag(p).filter((t) => t.facet === 'topic');
    if (tags.length) covered++;
    assigned += tags.length;
    let any = false;
    for (const tag of tags) {
      const topic = byId.get(tag.id);
      if (topic && p.keywords.some((k) => keywordNamesTopic(k, topic))) {
        supported++;
        any = true;
      }
    }
    if (any) matched++;
  }
  return {
    papers: papers.length,
    coverage: covered / Math.max(1, papers.length),
    topicsPerPaper: assigned / Math.max(1, papers.length),
    microsPerPaper: timed(papers, (p) => tagger.tag(p)),
    topicsSupported: supported / Math.max(1, assigned),
    papersMatched: matched / Math.max(1, papers.length),
  };
}

/** The arXiv archive a category belongs to, for per-field figures ("cs", "math", "astro-ph", ...). */
export function groupOf(category: string | undefined): string {
  if (!category) return '(none)';
  return category.split('.')[0]!;
}
