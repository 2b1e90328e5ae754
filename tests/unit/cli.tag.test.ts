// `paperscope tag`: each paper of a JSON-lines or BibTeX file with its topics and category, as text and as JSON lines.
// Topic labels are not asserted (the taxonomy is being replaced): only what must hold of any tagger's output.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { describeTagged } from '../../src/cli/tag.ts';
import { runCli } from './runCli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ps-tag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Paper {
  id: string;
  title: string;
  abstract: string;
  categories: string[];
}

const PAPERS: Paper[] = [
  {
    id: '2401.00001',
    title: 'Sparse Mixture-of-Experts Transformers for Large Language Model Pretraining',
    abstract:
      'We train large language models with a sparse mixture of experts in every transformer layer. A learned router sends each token to two experts, which keeps the compute per token constant while the parameter count grows. Reinforcement learning from human feedback then aligns the pretrained language model.',
    categories: ['cs.CL', 'cs.LG'],
  },
  {
    id: '2401.00002',
    title: 'Surface Code Quantum Error Correction with Superconducting Qubits',
    abstract:
      'We demonstrate quantum error correction with a distance-five surface code on a superconducting quantum processor. Logical qubits outlive their physical qubits, and the logical error rate falls as the code distance grows, below the fault-tolerance threshold.',
    categories: ['quant-ph'],
  },
  {
    // No category in the input: the command predicts one.
    id: '2401.00003',
    title: 'Convolutional Neural Networks for Image Segmentation and Object Detection',
    abstract:
      'We propose a convolutional neural network for semantic image segmentation and object detection in natural images. The backbone is pretrained on ImageNet and fine-tuned on COCO; it improves mean average precision for detection and mean intersection over union for segmentation.',
    categories: [],
  },
];

const jsonLines = join(dir, 'papers.jsonl');
writeFileSync(jsonLines, `${PAPERS.map((p) => JSON.stringify({ ...p, authors: ['A. Author'], date: '2024-01-02' })).join('\n')}\n{"id": "broken"\n`);

const bibtex = join(dir, 'library.bib');
writeFileSync(
  bibtex,
  `@article{vaswani2017attention,
  title = {Attention Is All You Need: Transformers for Neural Machine Translation},
  author = {Vaswani, Ashish and Shazeer, Noam},
  abstract = {We propose the Transformer, a sequence transduction model based solely on self-attention, for neural machine translation. The encoder and decoder replace recurrent neural networks with multi-head attention layers, and the model reaches a new state of the art in translation quality.},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
  primaryClass = {cs.CL},
  year = {2017}
}

@inproceedings{galaxy2020,
  title = {Dark Matter Halos and Galaxy Formation in Cosmological Simulations},
  author = {Doe, Jane},
  abstract = {We run cosmological hydrodynamical simulations of galaxy formation and follow dark matter halos from redshift ten to today. Star formation, supernova feedback and the growth of supermassive black holes shape the stellar mass function of galaxies in the simulated volume.},
  doi = {10.1234/ApJ.2020.42},
  year = {2020}
}
`,
);

/** The words of a text, lowercased, hyphens and punctuation as breaks. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether each word of `term` is in `text`, up to an inflection ("galaxy" in "galaxies", "tuning" in "tuned"). */
function occursIn(term: string, text: string): boolean {
  const words = wordsOf(text);
  return wordsOf(term).every((w) =>
    words.some((t) => {
      let common = 0;
      while (common < w.length && common < t.length && w[common] === t[common]) common++;
      return common === w.length || common >= Math.max(3, Math.min(w.length, t.length) - 3);
    }),
  );
}

interface TaggedLine {
  id: string;
  title: string;
  category: string | null;
  topics: { label: string; confidence: number; terms: string[] }[];
}

function expectTopicsEarnedBy(topics: TaggedLine['topics'], text: string): void {
  expect(topics.length).toBeLessThanOrEqual(3);
  for (const topic of topics) {
    expect(Object.keys(topic)).toEqual(['label', 'confidence', 'terms']);
    expect(topic.label.trim()).not.toBe('');
    expect(topic.confidence).toBeGreaterThan(0);
    expect(topic.confidence).toBeLessThanOrEqual(1);
    expect(topic.terms.length).toBeGreaterThan(0);
    for (const term of topic.terms) expect(occursIn(term, text), `"${term}" in the paper`).toBe(true);
  }
}

/** A text block's lines: `KEY  TITLE`, `  category: ...`, then `  topic: LABEL  0.00  terms`. */
function blocksOf(out: string): string[][] {
  return out.split('\n\n').map((block) => block.split('\n'));
}

const TOPIC_LINE = /^ {2}topic: (.+) {2}(\d\.\d\d) {2}(.+)$/;

describe('paperscope tag', () => {
  it('prints one JSON object per paper of a JSON-lines file, its own category or a predicted one, and names a bad record', async () => {
    const r = await runCli(['tag', '--in', jsonLines, '--json']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(PAPERS.length);
    const tagged = lines.map((line) => JSON.parse(line) as TaggedLine);
    tagged.forEach((paper, i) => {
      const source = PAPERS[i]!;
      expect(Object.keys(paper)).toEqual(['id', 'title', 'category', 'topics']);
      expect(paper.id).toBe(`arxiv:${source.id}`);
      expect(paper.title).toBe(source.title);
      expectTopicsEarnedBy(paper.topics, `${source.title} ${source.abstract}`);
    });
    expect(tagged.map((p) => p.category).slice(0, 2)).toEqual(['cs.CL', 'quant-ph']);
    // The third names none: the shipped model predicts an arXiv category code for it.
    expect(tagged[2]!.category).toMatch(/^[a-z-]+(\.[A-Za-z-]+)?$/);
    // Papers this clearly about one subject get a topic.
    expect(tagged.every((p) => p.topics.length > 0)).toBe(true);
    expect(r.err).toMatch(new RegExp(`rejected ${jsonLines}:${PAPERS.length + 1}: not valid JSON`));
  });

  it('prints one readable block per paper, the predicted category marked, confidences to 2 decimals', async () => {
    const r = await runCli(['tag', '--in', jsonLines]);
    expect(r.code).toBe(0);
    const blocks = blocksOf(r.out);
    expect(blocks).toHaveLength(PAPERS.length);
    blocks.forEach((block, i) => {
      const source = PAPERS[i]!;
      expect(block[0]).toBe(`arxiv:${source.id}  ${source.title}`);
      const topicLines = block.slice(2);
      expect(topicLines.length).toBeGreaterThan(0);
      for (const line of topicLines) {
        const m = TOPIC_LINE.exec(line);
        expect(m, line).not.toBeNull();
        expect(Number(m![2])).toBeGreaterThan(0);
        expect(Number(m![2])).toBeLessThanOrEqual(1);
        for (const term of m![3]!.split(', ')) expect(occursIn(term, `${source.title} ${source.abstract}`), term).toBe(true);
      }
    });
    expect(blocks[0]![1]).toBe('  category: cs.CL Computation and Language');
    expect(blocks[1]![1]).toBe('  category: quant-ph Quantum Physics');
    expect(blocks[2]![1]).toMatch(/^ {2}category: \S+ .+ \(predicted(; also likely .+)?\)$/);
  });

  it('reads BibTeX: the primaryClass as the category, a predicted one for an entry without, keys from eprint and DOI', async () => {
    const json = await runCli(['tag', '--in', bibtex, '--json']);
    expect(json.code).toBe(0);
    const [attention, galaxies] = json.out.split('\n').map((line) => JSON.parse(line) as TaggedLine);
    expect(attention).toMatchObject({ id: 'arxiv:1706.03762', category: 'cs.CL' });
    expect(galaxies!.id).toBe('doi:10.1234/apj.2020.42');
    expect(galaxies!.title).toBe('Dark Matter Halos and Galaxy Formation in Cosmological Simulations');
    // An astrophysics paper: the prediction is one of the astro-ph categories.
    expect(galaxies!.category).toMatch(/^astro-ph/);
    expectTopicsEarnedBy(
      attention!.topics,
      'Attention Is All You Need: Transformers for Neural Machine Translation self-attention multi-head attention encoder decoder recurrent neural networks translation quality sequence transduction',
    );
    expect(attention!.topics.length).toBeGreaterThan(0);

    const text = await runCli(['tag', '--in', bibtex]);
    expect(text.code).toBe(0);
    const blocks = blocksOf(text.out);
    expect(blocks.map((b) => b[0])).toEqual([`arxiv:1706.03762  ${attention!.title}`, `doi:10.1234/apj.2020.42  ${galaxies!.title}`]);
    expect(blocks[0]![1]).toBe('  category: cs.CL Computation and Language');
    expect(blocks[1]![1]).toMatch(new RegExp(`^ {2}category: ${galaxies!.category!.replace('.', '\\.')} .+ \\(predicted(; also likely .+)?\\)$`));
  });

  it('fails with the file named and a non-zero exit on a missing, a directory, an empty or a cut-short input', async () => {
    const missing = await runCli(['tag', '--in', join(dir, 'nowhere.jsonl')]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain(`cannot read ${join(dir, 'nowhere.jsonl')}: no such file`);
    expect(missing.out).toBe('');

    const directory = await runCli(['tag', '--in', dir, '--json']);
    expect(directory.code).not.toBe(0);
    expect(directory.err).toContain(`cannot read ${dir}: it is a directory`);

    writeFileSync(join(dir, 'empty.bib'), '');
    const empty = await runCli(['tag', '--in', join(dir, 'empty.bib')]);
    expect(empty.code).not.toBe(0);
    expect(empty.err).toContain('the file is empty');

    // A gzip cut in the middle: the papers before the cut are printed as they are read, then the failure is named.
    // Each record carries hashes that do not compress, so the cut falls well past the 64 KB read to detect the format.
    const noise = (i: number) => Array.from({ length: 8 }, (_, k) => createHash('sha256').update(`${i}:${k}`).digest('hex')).join('');
    const many = Array.from({ length: 400 }, (_, i) => JSON.stringify({ ...PAPERS[i % 3]!, id: `2402.${String(i).padStart(5, '0')}`, source: noise(i) })).join('\n');
    const zipped = gzipSync(many);
    writeFileSync(join(dir, 'cut.jsonl.gz'), zipped.subarray(0, Math.floor(zipped.length / 2)));
    const cut = await runCli(['tag', '--in', join(dir, 'cut.jsonl.gz'), '--json']);
    expect(cut.code).not.toBe(0);
    expect(cut.err).toMatch(/cannot read .*cut\.jsonl\.gz past line \d+: unexpected end of file/);
    const printed = cut.out.split('\n').filter(Boolean);
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.length).toBeLessThan(400);
    expect(JSON.parse(printed[0]!)).toMatchObject({ id: 'arxiv:2402.00000' });
  });

  it('stops quietly with exit code 0 when its reader closes the pipe early (`| head`)', async () => {
    // About 1 MB of output, far more than a pipe holds: the command is still writing when the reader goes.
    const long = join(dir, 'long.jsonl');
    writeFileSync(long, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ ...PAPERS[i % 3]!, id: `2403.${String(i).padStart(5, '0')}` })).join('\n'));
    const child = spawn(process.execPath, ['bin/paperscope.js', 'tag', '--in', long], { cwd: process.cwd() });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 30_000);

  it('refuses an option it does not know with the usage, and the help describes it', async () => {
    const r = await runCli(['tag', '--in', jsonLines, '--limit', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option "--limit" for tag');
    expect(r.err).toContain('usage: paperscope');
    expect(r.out).toBe('');
    expect((await runCli(['tag', '--json'])).err).toContain('missing --in <value>');
    const help = await runCli(['help']);
    expect(help.out).toContain('tag --in FILE... [--json]');
  });
});

describe('describeTagged', () => {
  it('names the close runners-up of a predicted category beside it', () => {
    const paper = { id: 'title:x', title: 'An agent benchmark for language models', category: 'cs.CL', topics: [] };
    const tag = { id: 'cs.CL', label: 'Computation and Language', confidence: 0.55, terms: [], facet: 'category' as const, predicted: true as const };
    expect(describeTagged(paper, { ...tag, alsoLikely: ['Artificial Intelligence'] }).split('\n')[1]).toBe(
      '  category: cs.CL Computation and Language (predicted; also likely Artificial Intelligence)',
    );
    expect(describeTagged(paper, tag).split('\n')[1]).toBe('  category: cs.CL Computation and Language (predicted)');
  });
});
