// `npm run judge:topics -- --out FILE [--papers 100] [--seed N] [--title-only]`: a blind judgement sheet for topic tags:
// random papers dated after the taxonomy's cutoff, drawn across every arXiv archive in the data (in proportion to its
// papers, at least two from each archive with 20 or more), each shown with its title, abstract, category and the tags
// Paperscope gives it, and nothing about how the tags were made. A reviewer marks each paper accept or reject
// (docs/QUALITY.md keeps the judged table). `--title-only` tags each paper from its title alone, no category, as a
// feed row that shows neither (Scholar, Hugging Face) is tagged; the reviewer still sees the abstract to judge by.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { tagPaper } from '../src/core/topics/tagger.ts';
import { groupOf } from '../src/eval/topicEval.ts';
import { mulberry32, shuffle } from '../src/training/random.ts';
import { TAXONOMY_CUTOFF } from '../src/training/taxonomyCorpus.ts';
import { option } from './option.ts';
import { useShippedTopicModel } from '../src/cli/topicModel.ts';

useShippedTopicModel();

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const OUT = resolve(process.cwd(), option('--out', 'build/topic-judgement.md'));
const COUNT = Number(option('--papers', '100'));
const SEED = Number(option('--seed', '2026'));
const TITLE_ONLY = process.argv.includes('--title-only');

const { papers } = await readPapers(DATA);
const later = papers.filter((p) => p.title && p.abstract && p.date && p.date >= TAXONOMY_CUTOFF && p.categories?.length);
const byArchive = new Map<string, typeof later>();
for (const p of later) {
  const a = groupOf(p.categories![0]);
  byArchive.set(a, [...(byArchive.get(a) ?? []), p]);
}
const random = mulberry32(SEED);
const quota = new Map<string, number>();
for (const [a, list] of byArchive) quota.set(a, list.length >= 20 ? 2 : 0);
let left = COUNT - [...quota.values()].reduce((s, n) => s + n, 0);
// The rest in proportion to each archive's papers (largest remainders).
const shares = [...byArchive].map(([a, list]) => ({ a, exact: (left * list.length) / later.length }));
for (const s of shares) quota.set(s.a, quota.get(s.a)! + Math.floor(s.exact));
left = COUNT - [...quota.values()].reduce((s, n) => s + n, 0);
shares.sort((x, y) => (y.exact % 1) - (x.exact % 1) || (x.a < y.a ? -1 : 1));
for (const s of shares.slice(0, left)) quota.set(s.a, quota.get(s.a)! + 1);
const sample = shuffle(
  [...byArchive].sort((x, y) => (x[0] < y[0] ? -1 : 1)).flatMap(([a, list]) => shuffle([...list], random).slice(0, quota.get(a))),
  random,
);

const lines = [`# Topic tags to judge (${sample.length} papers dated ${TAXONOMY_CUTOFF} or later, seed ${SEED})`, ''];
sample.forEach((p, i) => {
  const tags = TITLE_ONLY ? tagPaper({ title: p.title }) : tagPaper({ title: p.title, abstract: p.abstract, categories: p.categories });
  const topics = tags.filter((t) => t.facet === 'topic').map((t) => t.label);
  lines.push(
    `## ${i + 1}. ${p.title.replace(/\s+/g, ' ')}`,
    `arXiv ${p.arxivId ?? ''} · category ${p.categories![0]}`,
    '',
    p.abstract!.replace(/\s+/g, ' '),
    '',
    `**Tags:** ${topics.length ? topics.join(' · ') : '(no topic)'}`,
    '',
  );
});
writeFileSync(OUT, `${lines.join('\n')}\n`);
console.log(
  `wrote ${sample.length} papers to ${OUT} (${[...quota]
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${a} ${n}`)
    .join(', ')})`,
);
