// Benchmark: topic tagging of papers nobody has tagged before (no memo hits), the learned taxonomy's tagger against the
// hand-written one it replaced (taken from git, src/eval/baselineTagger.ts), in the same process: with abstracts and
// titles alone, and the model's decode on first use. Papers dated after the taxonomy's cutoff.
import { readFileSync } from 'node:fs';
import { readPapers } from '../../src/cli/eval.ts';
import { shippedTopicModelFile, useShippedTopicModel } from '../../src/cli/topicModel.ts';
import { TaxonomyModel } from '../../src/core/topics/taxonomyModel.ts';
import { decodeTaxonomyModel } from '../../src/core/topics/taxonomyModelFile.ts';
import { tagPaper } from '../../src/core/topics/tagger.ts';
import { baselineTagger } from '../../src/eval/baselineTagger.ts';
import { TAXONOMY_CUTOFF } from '../../src/training/taxonomyCorpus.ts';
import { DATA } from './build.ts';
import { table } from './machine.ts';

const PAPERS = 4000;

/** Median over `runs` of µs per paper; each run changes the titles so that no paper is tagged from the memo. */
function perPaper(papers: { title: string; abstract: string }[], runs: number, tag: (p: { title: string; abstract: string }) => void): number {
  const per: number[] = [];
  for (let run = 0; run < runs; run++) {
    const fresh = papers.map((p) => ({ ...p, title: `${p.title} (${run})` }));
    const started = performance.now();
    for (const p of fresh) tag(p);
    per.push(((performance.now() - started) * 1000) / fresh.length);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)]!;
}

export async function benchTopics(runs: number): Promise<string> {
  const { papers } = await readPapers(DATA);
  const later = papers
    .filter((p) => p.date && p.date >= TAXONOMY_CUTOFF && p.title)
    .slice(0, PAPERS)
    .map((p) => ({ title: p.title, abstract: p.abstract ?? '' }));
  const titles = later.map((p) => ({ title: p.title, abstract: '' }));
  const baseline = await baselineTagger(() => undefined);
  // The first decode is the one a woken worker pays (its code not yet optimised); the later ones show the steady cost.
  const bytes = new Uint8Array(readFileSync(shippedTopicModelFile()));
  const decode: number[] = [];
  for (let run = 0; run < Math.max(3, runs) + 1; run++) {
    const started = performance.now();
    new TaxonomyModel(decodeTaxonomyModel(bytes));
    decode.push(performance.now() - started);
  }
  const firstDecode = decode.shift()!;
  decode.sort((a, b) => a - b);
  useShippedTopicModel();
  const ours = (p: { title: string; abstract: string }) => tagPaper(p);
  const rows = [
    {
      measure: 'µs per paper, title and abstract',
      learned: perPaper(later, runs, ours).toFixed(0),
      'hand-written (baseline)': baseline ? perPaper(later, runs, baseline.tag).toFixed(0) : 'n/a',
    },
    {
      measure: 'µs per paper, title alone',
      learned: perPaper(titles, runs, ours).toFixed(0),
      'hand-written (baseline)': baseline ? perPaper(titles, runs, baseline.tag).toFixed(0) : 'n/a',
    },
    {
      measure: 'model decode, first in the process / again (ms)',
      learned: `${firstDecode.toFixed(0)} / ${decode[Math.floor(decode.length / 2)]!.toFixed(0)}`,
      'hand-written (baseline)': '',
    },
  ];
  return `Topic tagging (${later.length} papers dated ${TAXONOMY_CUTOFF} or later, medians of ${runs} runs, no memo hits)\n${table(rows)}`;
}
