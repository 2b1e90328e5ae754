// `npx tsx scripts/map-legacy-topics.ts`: which topic of the learned taxonomy takes over each topic of the hand-written
// one (git commit BASELINE_COMMIT), so that a user's edits to old topics (renames, merges, new terms, removals) apply to
// their successors after the upgrade. Each old topic goes to the learned topic most of its papers get first (papers
// before the cutoff that the old tagger gave it); written to src/training/legacyTopics.json, which
// `npm run learn:taxonomy -- build` turns into each topic's `replaces`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { STOPWORDS } from '../src/core/text/terms.ts';
import { tagPaper } from '../src/core/topics/tagger.ts';
import { TOPICS } from '../src/core/topics/taxonomy.ts';
import { tokenize } from '../src/core/topics/topicText.ts';
import { BASELINE_COMMIT, baselineTagger } from '../src/eval/baselineTagger.ts';
import { mulberry32, shuffle } from '../src/training/random.ts';
import { TAXONOMY_CUTOFF } from '../src/training/taxonomyCorpus.ts';
import { useShippedTopicModel } from '../src/cli/topicModel.ts';

useShippedTopicModel();

const DATA = resolve(process.cwd(), '../shared/data/arxiv-before-2026.jsonl.gz');
const OUT = resolve(process.cwd(), 'src/training/legacyTopics.json');
const PAPERS = 30_000;

const baseline = await baselineTagger();
if (!baseline) throw new Error('the hand-written tagger is not available from git');
const { papers } = await readPapers(DATA);
const sample = shuffle(
  papers.filter((p) => p.title && p.date && p.date < TAXONOMY_CUTOFF),
  mulberry32(13),
).slice(0, PAPERS);
const votes = new Map<string, Map<string, number>>();
for (const p of sample) {
  const [next] = tagPaper({ title: p.title, abstract: p.abstract, categories: p.categories }).filter((t) => t.facet === 'topic');
  if (!next) continue;
  for (const old of baseline.tag({ title: p.title, abstract: p.abstract ?? '' }).filter((t) => t.facet === 'topic')) {
    const v = votes.get(old.id) ?? new Map<string, number>();
    v.set(next.id, (v.get(next.id) ?? 0) + 1);
    votes.set(old.id, v);
  }
}
/** A successor needs this many of the old topic's papers, and this share of them. */
const MIN_PAPERS = 20;
const MIN_SHARE = 0.3;
// An old topic without a clear successor is kept whole (label, description, terms): a user's edit to it turns it into
// a topic of their own rather than landing on an unrelated new one.
const topics: Record<string, { label: string; description: string; terms: string[]; replacedBy?: string; papers: number; share: number }> = {};
const labelOf = new Map(TOPICS.map((t) => [t.id, t.label]));
const words = (text: string) => new Set(tokenize(text).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
// Papers alone can mislead (an old seed term meaning something else in another field): a successor's name must share
// a word with the old topic's name or terms.
const related = (old: { label: string; terms: string[] }, next: string) => {
  const before = words([old.label, ...old.terms].join(' . '));
  return [...words(labelOf.get(next) ?? '')].some((w) => before.has(w));
};
for (const old of baseline.topics) {
  const v = [...(votes.get(old.id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = v.reduce((s, [, n]) => s + n, 0);
  const share = total ? v[0]![1] / total : 0;
  const clear = total >= MIN_PAPERS && share >= MIN_SHARE && related(old, v[0]![0]);
  topics[old.id] = { label: old.label, description: old.description, terms: old.terms, ...(clear ? { replacedBy: v[0]![0] } : {}), papers: total, share: Number(share.toFixed(2)) };
}
writeFileSync(OUT, `${JSON.stringify({ from: `hand-written taxonomy at ${BASELINE_COMMIT}`, papers: sample.length, topics }, null, 1)}\n`);
const mapped = Object.values(topics).filter((t) => t.replacedBy).length;
console.log(`${mapped} of ${baseline.topics.length} old topics have a clear successor; wrote ${OUT}`);
for (const [id, t] of Object.entries(topics)) console.log(`${id} -> ${t.replacedBy ?? '(kept as it was)'} (${t.papers} papers, ${Math.round(t.share * 100)}%)`);
