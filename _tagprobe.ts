// scratch: tagging cost and a digest of all tags (to keep tags identical while optimizing). Not committed.
import { readPapers } from './src/cli/eval.ts';
import { useShippedTopicModel } from './src/cli/topicModel.ts';
import { tagPaper } from './src/core/topics/tagger.ts';
import { hashBytes } from './src/core/hash.ts';
const { papers } = await readPapers('../shared/data/arxiv-before-2026.jsonl.gz');
const sample = papers.filter((p) => p.title).slice(-6000).map((p) => ({ title: p.title, abstract: p.abstract ?? '', categories: p.categories ?? [] }));
useShippedTopicModel();
const out: string[] = [];
const runs: number[] = [];
for (let run = 0; run < 5; run++) {
  const fresh = sample.map((p) => ({ ...p, title: run === 0 ? p.title : `${p.title} (${run})` }));
  const t = performance.now();
  for (const p of fresh) {
    const tags = tagPaper(p);
    if (run === 0) out.push(JSON.stringify(tags));
  }
  runs.push(((performance.now() - t) * 1000) / fresh.length);
}
console.log('µs/paper runs', runs.map((r) => r.toFixed(0)).join(' '), 'digest', hashBytes(new TextEncoder().encode(out.join('\n'))));
