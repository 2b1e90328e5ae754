// `npm run eval:topics`: topic tags on papers the taxonomy never saw, beside the tagger Paperscope shipped before the
// learned taxonomy (the baseline, taken from git at BASELINE_COMMIT and run in the same process).
//   arXiv papers dated on or after the cutoff (../shared/data): coverage, topics per paper, by arXiv archive;
//   ICLR 2026 papers not among the training papers: agreement with their authors' keywords.
//   npm run eval:topics -- [--data FILE] [--keywords FILE] [--limit N] [--sample N] [--json FILE]
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { tagPaper } from '../src/core/topics/tagger.ts';
import { TOPICS } from '../src/core/topics/taxonomy.ts';
import { baselineTagger } from '../src/eval/baselineTagger.ts';
import { coverageOf, keywordAgreement, type TaggedPaper, type TaggerUnderTest } from '../src/eval/topicEval.ts';
import { mulberry32, shuffle } from '../src/training/random.ts';
import { readKeywords, TAXONOMY_CUTOFF } from '../src/training/taxonomyCorpus.ts';
import { machineLine, table } from '../tests/bench/machine.ts';
import { option } from './option.ts';
import { openInput } from '../src/cli/readInput.ts';
import { useShippedTopicModel } from '../src/cli/topicModel.ts';

useShippedTopicModel();

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const KEYWORDS = resolve(process.cwd(), option('--keywords', '../shared/data/iclr2026-keywords.jsonl.gz'));
const LIMIT = Number(option('--limit', '0'));
const SAMPLE = Number(option('--sample', '12'));
const JSON_OUT = option('--json', '');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const normalTitle = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`eval:topics: ${DATA} not found; nothing to evaluate`);
    return;
  }
  console.log(machineLine());
  const { papers } = await readPapers(DATA);
  const trainTitles = new Set(papers.filter((p) => p.date && p.date < TAXONOMY_CUTOFF).map((p) => normalTitle(p.title)));
  let test: TaggedPaper[] = papers
    .filter((p) => p.title && p.date && p.date >= TAXONOMY_CUTOFF && !trainTitles.has(normalTitle(p.title)))
    .map((p) => ({ title: p.title, abstract: p.abstract ?? '', categories: p.categories }));
  if (LIMIT > 0) test = shuffle(test, mulberry32(2026)).slice(0, LIMIT);
  const iclr = existsSync(KEYWORDS)
    ? (await readKeywords((await openInput(KEYWORDS, 'jsonl')).lines)).filter((p) => p.title && p.keywords.length && !trainTitles.has(normalTitle(p.title)))
    : [];
  const iclrPapers = iclr.map((p) => ({ title: p.title, abstract: p.abstract, keywords: p.keywords }));
  console.log(`test: ${test.length} arXiv papers dated ${TAXONOMY_CUTOFF} or later; ${iclrPapers.length} ICLR 2026 papers with author keywords, none among the training papers`);

  const learned: TaggerUnderTest = { name: 'learned taxonomy', tag: (p) => tagPaper({ title: p.title, abstract: p.abstract, categories: p.categories }), topics: TOPICS };
  const taggers = [await baselineTagger(), learned].filter((t): t is TaggerUnderTest => t !== undefined);
  const rows: Record<string, string>[] = [];
  const report: Record<string, unknown> = { cutoff: TAXONOMY_CUTOFF, testPapers: test.length, iclrPapers: iclrPapers.length, taggers: {} };
  const figures = taggers.map((tagger) => {
    const arxiv = coverageOf(tagger, test);
    const titleOnly = coverageOf(
      tagger,
      test.slice(0, 3000).map((p) => ({ ...p, abstract: '' })),
    );
    const keywords = keywordAgreement(tagger, iclrPapers);
    (report.taggers as Record<string, unknown>)[tagger.name] = {
      topics: tagger.topics.length,
      arxiv: { ...arxiv, byGroup: Object.fromEntries(arxiv.byGroup) },
      titleOnly,
      keywords,
    };
    return { arxiv, titleOnly, keywords, topics: tagger.topics.length };
  });
  const row = (measure: string, value: (f: (typeof figures)[number]) => string) => {
    const r: Record<string, string> = { measure };
    taggers.forEach((t, i) => (r[t.name] = value(figures[i]!)));
    rows.push(r);
  };
  row('topics in the taxonomy', (f) => String(f.topics));
  row('arXiv after the split: papers with >= 1 topic', (f) => pct(f.arxiv.coverage));
  row('    topics per paper', (f) => f.arxiv.topicsPerPaper.toFixed(2));
  row('    titles alone (3,000 papers): with >= 1 topic', (f) => pct(f.titleOnly.coverage));
  row('    µs per paper (median of 5 slices)', (f) => f.arxiv.microsPerPaper.toFixed(0));
  row('ICLR 2026, authors\u2019 keywords: papers with >= 1 topic', (f) => pct(f.keywords.coverage));
  row('    topics per paper', (f) => f.keywords.topicsPerPaper.toFixed(2));
  row('    assigned topics some keyword names', (f) => pct(f.keywords.topicsSupported));
  row('    papers where a keyword is matched by a topic', (f) => pct(f.keywords.papersMatched));
  console.log(`\n${table(rows)}`);

  const groups = [...figures[figures.length - 1]!.arxiv.byGroup.keys()].sort();
  console.log(`\ncoverage by arXiv archive (papers with >= 1 topic):`);
  console.log(
    table(
      groups.map((g) => {
        const r: Record<string, string> = { archive: g, papers: String(figures[0]!.arxiv.byGroup.get(g)?.papers ?? 0) };
        taggers.forEach((t, i) => {
          const b = figures[i]!.arxiv.byGroup.get(g);
          r[t.name] = b ? pct(b.covered / b.papers) : '';
        });
        return r;
      }),
    ),
  );

  const sample = shuffle([...test], mulberry32(7)).slice(0, SAMPLE);
  console.log(`\nsample (the terms that earned each tag):`);
  sample.forEach((p, i) => {
    console.log(`${i + 1}. [${p.categories?.[0] ?? '?'}] ${p.title}`);
    for (const tagger of taggers) {
      const tags = tagger.tag(p).filter((t) => t.facet === 'topic');
      console.log(`   ${tagger.name}: ${tags.map((t) => `${t.label} ${t.confidence.toFixed(2)} (${t.terms.slice(0, 4).join(', ')})`).join(' | ') || '(no topic)'}`);
    }
  });
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
