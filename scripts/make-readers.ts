// `npx tsx scripts/make-readers.ts`: simulated readers for the personal-ranking evaluation from ../shared/data, with a
// time split (src/eval/personalReaders.ts says who is a reader and what their library and feed are). Seeded, so the
// same data always gives the same files. Writes, under build/personal/ (never committed):
//   catalogue.jsonl    the papers before the split (give it to `paperscope eval --personal ... --catalogue`)
//   validation.jsonl   the first 100 readers of the seeded order: where the ranker's weights are chosen
//   test.jsonl         the other readers: what docs/QUALITY.md reports
//   npx tsx scripts/make-readers.ts [--data FILE] [--cutoff YYYY-MM-DD] [--readers N] [--out DIR]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { makeReaders, READER_OPTIONS, VALIDATION_READERS, type Reader } from '../src/eval/personalReaders.ts';
import { option } from './option.ts';

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const CUTOFF = option('--cutoff', READER_OPTIONS.cutoff);
const READERS = Number(option('--readers', String(READER_OPTIONS.readers)));
const OUT = resolve(process.cwd(), option('--out', 'build/personal'));

if (!existsSync(DATA)) {
  console.log(`make-readers: ${DATA} not found; nothing made (the readers come from the shared arXiv data set)`);
  process.exit(0);
}
const { papers } = await readPapers(DATA);
const readers = makeReaders(papers, { cutoff: CUTOFF, readers: READERS });
mkdirSync(OUT, { recursive: true });
const lines = (rs: readonly Reader[]) => rs.map((r) => `${JSON.stringify(r)}\n`).join('');
writeFileSync(join(OUT, 'validation.jsonl'), lines(readers.slice(0, VALIDATION_READERS)));
writeFileSync(join(OUT, 'test.jsonl'), lines(readers.slice(VALIDATION_READERS)));
const before = papers.filter((p) => p.date && p.date < CUTOFF);
writeFileSync(
  join(OUT, 'catalogue.jsonl'),
  before.map((p) => `${JSON.stringify({ id: p.arxivId, title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, date: p.date })}\n`).join(''),
);
const feed = readers.reduce((s, r) => s + r.feed.length, 0);
const positives = readers.reduce((s, r) => s + r.positives.length, 0);
console.log(
  `${readers.length} readers (${Math.min(VALIDATION_READERS, readers.length)} validation, ${Math.max(0, readers.length - VALIDATION_READERS)} test) ` +
    `from ${papers.length} papers split at ${CUTOFF}; ${before.length} catalogue papers; ` +
    `feeds ${(feed / (readers.length || 1)).toFixed(0)} papers and ${(positives / (readers.length || 1)).toFixed(1)} positives on average; written to ${OUT}`,
);
