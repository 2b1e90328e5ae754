// Benchmark: re-tagging a whole catalogue after a taxonomy edit, in the worker's slices (src/core/topics/overlay.ts).
// Usage: npx tsx tests/bench/retag.ts CATALOGUE.psc [CATALOGUE.psc ...]   (RETAG_EDIT='add a topic' runs one edit only)
// Wall time depends on what else the machine runs; CPU time is the process's own.
import { readFileSync } from 'node:fs';
import { readCatalogue } from '../../src/core/catalogue/artifact.ts';
import { effectiveTaxonomy, taggingRevision, type TaxonomyEdit } from '../../src/core/topics/editedTaxonomy.ts';
import { CatalogueRetagger, TaxonomyTags } from '../../src/core/topics/overlay.ts';
import { useShippedTopicModel } from '../../src/cli/topicModel.ts';

useShippedTopicModel();

/** The worker's slice budget (src/background/taxonomyService.ts). */
const SLICE_MS = 12;

const EDITS: Record<string, TaxonomyEdit[]> = {
  'add a topic': [{ op: 'add', id: 'user-llm', label: 'Language models', description: '', terms: ['language model', 'transformer', 'in-context learning'] }],
  'merge two, remove one, add one': [
    { op: 'merge', from: ['parallel-computing-and-distributed-training'], into: 'hpc-and-cloud-computing-infrastructure' },
    { op: 'remove', id: 'point-cloud-analysis' },
    { op: 'add', id: 'user-consensus', label: 'Consensus costs', description: '', terms: ['consensus protocol', 'byzantine fault tolerance'] },
  ],
};

const only = process.env.RETAG_EDIT; // one edit's name, to keep a 100k run short
const rows: string[] = [
  '| catalogue | abstracts | edit | papers | re-tag wall | CPU | CPU per paper | longest slice (wall / CPU) | slices | changed | overlay bytes |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const path of process.argv.slice(2)) {
  const loadStart = performance.now();
  const data = readCatalogue(new Uint8Array(readFileSync(path)));
  const loadMs = performance.now() - loadStart;
  for (const [name, edits] of Object.entries(EDITS)) {
    if (only && name !== only) continue;
    const taxonomy = effectiveTaxonomy(edits);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const retagger = new CatalogueRetagger(data, taxonomy, taggingRevision(taxonomy.topics));
    let longest = 0;
    let longestCpu = 0;
    let slices = 0;
    for (;;) {
      const sliceStart = performance.now();
      const sliceCpu = process.cpuUsage();
      const done = retagger.step(SLICE_MS);
      longest = Math.max(longest, performance.now() - sliceStart);
      const used = process.cpuUsage(sliceCpu);
      longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
      slices++;
      if (done) break;
    }
    const total = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpuStart);
    const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
    const overlay = retagger.result();
    // Reading the tags back, as the index does for every matched row.
    const tags = new TaxonomyTags(taxonomy, overlay);
    const readStart = performance.now();
    for (let i = 0; i < data.paperCount; i++) tags.tagsOf(i, data.tagsOf(i));
    const readUs = ((performance.now() - readStart) * 1000) / data.paperCount;
    rows.push(
      `| ${path.split('/').slice(-2, -1)[0]} | ${data.header.hasAbstracts ? 'yes' : 'no (title + packed terms)'} | ${name} | ${data.paperCount.toLocaleString('en')} | ${(total / 1000).toFixed(1)} s | ${(cpu / 1000).toFixed(1)} s | ${((cpu * 1000) / data.paperCount).toFixed(0)} µs | ${longest.toFixed(0)} / ${longestCpu.toFixed(0)} ms | ${slices} | ${overlay.changed.toLocaleString('en')} | ${(overlay.ids.byteLength + overlay.confidence.byteLength).toLocaleString('en')} |`,
    );
    console.error(`${path}: ${name}: ${(total / 1000).toFixed(2)} s (catalogue read ${loadMs.toFixed(0)} ms; tags read back ${readUs.toFixed(1)} µs a paper)`);
  }
}
console.log(rows.join('\n'));
