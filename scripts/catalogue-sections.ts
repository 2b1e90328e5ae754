// Bytes a paper by section of a packed catalogue, and for a format 3 file what format 2 would take for the same papers
// (the sizes format 2's builder writes: lines, offsets, half-full power-of-two tables, fixed-width arrays; at 100k it
// matches a real format 2 build of the same input to the byte; PubMed ids, when a catalogue has them, are left out).
// Issue 17's storage figures in docs/BENCHMARKS.md.
//   npx tsx scripts/catalogue-sections.ts FILE.psc
import { readFileSync } from 'node:fs';
import { readCatalogue } from '../src/core/catalogue/artifact.ts';
import { encodeLines } from '../src/core/catalogue/packed.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: catalogue-sections.ts FILE.psc');
const bytes = new Uint8Array(readFileSync(file));
const data = readCatalogue(bytes);
const n = data.paperCount;
const h = data.header;

function print(title: string, rows: Array<[string, number]>): void {
  const total = rows.reduce((sum, [, b]) => sum + b, 0);
  console.log(`${title}: ${n.toLocaleString('en')} papers`);
  for (const [name, b] of rows) console.log(`  ${name.padEnd(20)} ${String(b).padStart(12)} ${(b / n).toFixed(1).padStart(7)}`);
  console.log(`  ${'sections'.padEnd(20)} ${String(total).padStart(12)} ${(total / n).toFixed(1).padStart(7)}`);
}

print(
  `${file} (format ${h.formatVersion}, whole file ${(bytes.length / n).toFixed(1)} bytes a paper)`,
  h.sections.map((s) => [s.name, s.byteLength]),
);
if (h.formatVersion >= 3) {
  const halfFull = (count: number) => {
    let size = 8;
    while (size < count * 2) size *= 2;
    return 4 * size;
  };
  const rows: Array<[string, number]> = [];
  for (const name of ['keys', 'normTitles', 'dois'] as const) {
    rows.push([name, encodeLines(data.lines(name)).length], [`${name}Offsets`, 4 * (n + 1)], [`${name}Table`, halfFull(n)]);
  }
  rows.push(['titles', encodeLines(data.lines('titles')).length], ['authors', encodeLines(data.lines('authors')).length]);
  rows.push(['years', 2 * n], ['categoryIds', 2 * n * h.categoriesPerPaper]);
  if (h.predictedCategories) rows.push(['categoryPredicted', n]);
  rows.push(['topicIds', 2 * n * h.topicsPerPaper], ['topicConfidence', n * h.topicsPerPaper]);
  rows.push(['terms', encodeLines(data.lines('terms')).length], ['idf', 4 * h.vocabularySize]);
  if (h.hasAbstracts) rows.push(['abstracts', encodeLines(data.lines('abstracts')).length]);
  rows.push(['vectorIds', 2 * n * h.vectorTerms], ['vectorWeights', n * h.vectorTerms], ['vectorScales', 4 * n]);
  print('the same papers in format 2', rows);
}
