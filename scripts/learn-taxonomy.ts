// `npm run learn:taxonomy`: learns Paperscope's topic taxonomy from ../shared/data, in two steps anyone can rerun.
//   npm run learn:taxonomy -- clusters [--out build/taxonomy-clusters.json]
//     clusters each arXiv category's papers dated before the cutoff and writes, per cluster, the phrases that set it
//     apart, the ICLR 2026 author keywords it shares and sample titles: what a reviewer names topics from.
//   npm run learn:taxonomy -- review [--out build/taxonomy-review.json]
//     each named cluster beside 25 of its papers' titles (seeded): for a second review of the names.
//   npm run learn:taxonomy -- build [--names src/training/taxonomyNames.json]
//     clusters again (same papers, same seed, same clusters), joins the reviewed names, and writes the taxonomy
//     (assets/models/taxonomy.json) and the model the tagger scores with (assets/models/topics.bin).
// Only learned figures are written (phrases, term weights, thresholds), never papers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { readPapers } from '../src/cli/eval.ts';
import { buildTaxonomy, type ClusterName } from '../src/training/taxonomyBuild.ts';
import { encodeTaxonomyModel } from '../src/training/taxonomyModelFile.ts';
import { mulberry32, shuffle } from '../src/training/random.ts';
import { clusterCorpus, readKeywords, TAXONOMY_CUTOFF } from '../src/training/taxonomyCorpus.ts';
import { elapsedLog, option } from './option.ts';
import { openInput } from '../src/cli/readInput.ts';

const DATA = resolve(process.cwd(), option('--data', '../shared/data/arxiv-before-2026.jsonl.gz'));
const KEYWORDS = resolve(process.cwd(), option('--keywords', '../shared/data/iclr2026-keywords.jsonl.gz'));
const log = elapsedLog();

async function main(): Promise<void> {
  const step = process.argv[2];
  if (step !== 'clusters' && step !== 'build' && step !== 'review') throw new Error('usage: learn-taxonomy clusters|review|build [options]');
  const { papers } = await readPapers(DATA);
  const keywords = await readKeywords((await openInput(KEYWORDS, 'jsonl')).lines);
  log(`read ${papers.length} papers and ${keywords.length} ICLR keyword sets`);
  const corpus = clusterCorpus(papers, keywords, TAXONOMY_CUTOFF, log);
  if (step === 'clusters') {
    const out = resolve(process.cwd(), option('--out', 'build/taxonomy-clusters.json'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(corpus.descriptions, null, 1)}\n`);
    log(`wrote ${corpus.descriptions.length} clusters to ${out}`);
    return;
  }
  const namesFile = resolve(process.cwd(), option('--names', 'src/training/taxonomyNames.json'));
  const names = JSON.parse(readFileSync(namesFile, 'utf8')) as Record<string, ClusterName>;
  if (step === 'review') {
    // A second look at the names: each cluster's name beside a seeded sample of its papers' titles, to check that the
    // name holds for nearly all of them (a name read off ten central titles can be narrower than the cluster).
    const out = resolve(process.cwd(), option('--out', 'build/taxonomy-review.json'));
    const random = mulberry32(29);
    const review = corpus.clusters.map((c, i) => ({
      key: c.key,
      papers: c.members.length,
      label: names[c.key]?.label,
      description: names[c.key]?.description,
      phrases: corpus.descriptions[i]!.phrases,
      titles: shuffle([...c.members], random)
        .slice(0, 25)
        .map((m) => corpus.papers[m]!.title.replace(/\s+/g, ' ')),
    }));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(review, null, 1)}\n`);
    log(`wrote ${review.length} clusters for review to ${out}`);
    return;
  }
  const built = buildTaxonomy(corpus, names, `${corpus.papers.length} arXiv papers dated before ${TAXONOMY_CUTOFF} (${basename(DATA)})`);
  if (built.drifted.length)
    log(`warning: ${built.drifted.length} clusters no longer read as when they were named (${built.drifted.slice(0, 8).join(', ')}): review their names again`);
  const taxonomyOut = resolve(process.cwd(), option('--taxonomy', 'assets/models/taxonomy.json'));
  const modelOut = resolve(process.cwd(), option('--model', 'assets/models/topics.bin'));
  // Topics of the earlier, hand-written taxonomy: their successors take over a user's edits to them; those without a
  // clear successor are kept as they were, for a user's edits to turn into topics of their own.
  const legacy = JSON.parse(readFileSync(resolve(process.cwd(), 'src/training/legacyTopics.json'), 'utf8')) as {
    topics: Record<string, { label: string; description: string; terms: string[]; replacedBy?: string }>;
  };
  const byId = new Map(built.topics.map((t) => [t.id, t]));
  const retired: { id: string; label: string; description: string; terms: string[] }[] = [];
  for (const [id, old] of Object.entries(legacy.topics)) {
    if (byId.has(id)) continue;
    const successor = old.replacedBy ? byId.get(old.replacedBy) : undefined;
    if (successor) successor.replaces = [...(successor.replaces ?? []), id];
    else retired.push({ id, label: old.label, description: old.description, terms: old.terms });
  }
  writeFileSync(taxonomyOut, `${JSON.stringify({ format: 'paperscope-taxonomy', version: 1, learnedFrom: built.model.trainedOn, topics: built.topics, retired }, null, 1)}\n`);
  writeFileSync(modelOut, encodeTaxonomyModel(built.model));
  const groups = new Map<string, number>();
  for (const t of built.topics) groups.set(t.group, (groups.get(t.group) ?? 0) + 1);
  log(`${built.topics.length} topics from ${corpus.clusters.length} clusters (${[...groups].map(([g, n]) => `${g} ${n}`).join(', ')}); ${built.model.terms.length} terms`);
  log(`wrote ${taxonomyOut} and ${modelOut}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
