// `paperscope tag --in FILE... [--json]`: each paper of any input the catalogue builder reads, with its topic tags and
// its arXiv category (the input's own, else predicted by the shipped category model), printed as soon as it is read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeCategoryLinear, type CategoryLinear } from '../core/categories/categoryModel.ts';
import { learnedCategories, predictedCategoryTag } from '../core/categories/predictedTag.ts';
import { createParser } from '../core/catalogue/formats/detect.ts';
import type { FormatId, ParsedPaper, ParsedRecord } from '../core/catalogue/formats/types.ts';
import { cleanText } from '../core/identity/titles.ts';
import { paperKey } from '../core/identity/paperKey.ts';
import type { TopicTag } from '../core/paper.ts';
import { tagPaper } from '../core/topics/tagger.ts';
import { InputError, openInput } from './readInput.ts';
import { useShippedTopicModel } from './topicModel.ts';

/** The category model the extension ships, resolved from this file so the command works from any directory. */
const CATEGORY_MODEL_FILE = fileURLToPath(new URL('../../assets/models/categories.bin', import.meta.url));

/** Rejected records named one by one on stderr; past this only their count. */
const SHOWN_REJECTIONS = 20;

export interface TagArgs {
  inputs: string[];
  json: boolean;
  format?: FormatId;
  /** The learned category model's file (tests pass a missing one). */
  categoryModelFile?: string;
}

/** One paper as `tag` prints it: the `--json` line, field for field. */
export interface TaggedPaper {
  id: string;
  title: string;
  /** The input's primary arXiv category, else the predicted one, else null. */
  category: string | null;
  topics: { label: string; confidence: number; terms: string[] }[];
}

export interface TagReport {
  papers: number;
  rejected: number;
}

/** The learned category model, read on the first paper without a category; null when it cannot be read. */
class CategoryModelOnDemand {
  private model: CategoryLinear | null | undefined;

  constructor(
    private readonly file: string,
    private readonly warn: (line: string) => void,
  ) {}

  get(): CategoryLinear | null {
    if (this.model === undefined) {
      try {
        this.model = decodeCategoryLinear(new Uint8Array(readFileSync(this.file)));
      } catch (error) {
        this.warn(`paperscope: the category model ${this.file} cannot be read (${(error as Error).message}); papers without a category get none`);
        this.model = null;
      }
    }
    return this.model;
  }
}

/** Tags one paper: topics from the tagger; the category from the input, else the learned model's clear prediction. */
function tagOne(paper: ParsedPaper, categories: CategoryModelOnDemand): { tagged: TaggedPaper; category: TopicTag | undefined } {
  const title = cleanText(paper.title);
  const abstract = cleanText(paper.abstract);
  const given = (paper.categories ?? []).filter(Boolean);
  const tags = tagPaper({ title, abstract, categories: given });
  let category = tags.find((tag) => tag.facet === 'category');
  if (!category) {
    const model = categories.get();
    if (model) category = predictedCategoryTag(learnedCategories(model, { title, abstract, authors: paper.authors }, 3));
  }
  const tagged: TaggedPaper = {
    id: paperKey({ arxivId: paper.arxivId, doi: paper.doi, pmid: paper.pmid, title }),
    title,
    category: category?.id ?? null,
    topics: tags.filter((tag) => tag.facet === 'topic').map(({ label, confidence, terms }) => ({ label, confidence, terms })),
  };
  return { tagged, category };
}

/** A paper as a readable block: key and title, its category, then one line per topic. */
export function describeTagged(paper: TaggedPaper, category: TopicTag | undefined): string {
  const lines = [`${paper.id}  ${paper.title}`];
  if (category) {
    const name = category.label !== category.id ? ` ${category.label}` : '';
    const also = category.alsoLikely?.length ? `; also likely ${category.alsoLikely.join(', ')}` : '';
    lines.push(`  category: ${category.id}${name}${category.predicted ? ` (predicted${also})` : ''}`);
  } else {
    lines.push('  category: none');
  }
  for (const topic of paper.topics) lines.push(`  topic: ${topic.label}  ${topic.confidence.toFixed(2)}  ${topic.terms.join(', ')}`);
  if (!paper.topics.length) lines.push('  topic: none');
  return lines.join('\n');
}

/**
 * Tags every paper of the inputs, printing each as it is read (one JSON line, or a block with a blank line between
 * blocks), so memory stays that of the parser however many papers there are. Rejected records go to `warn`.
 */
export async function tagFiles(args: TagArgs, print: (line: string) => void, warn: (line: string) => void = () => undefined): Promise<TagReport> {
  useShippedTopicModel();
  const categories = new CategoryModelOnDemand(args.categoryModelFile ?? CATEGORY_MODEL_FILE, warn);
  const report: TagReport = { papers: 0, rejected: 0 };
  for (const path of args.inputs) {
    const { format, lines } = await openInput(path, args.format);
    const parser = createParser(format);
    const take = (records: ParsedRecord[]) => {
      for (const record of records) {
        if (!record.ok) {
          if (++report.rejected <= SHOWN_REJECTIONS) warn(`rejected ${path}:${record.line}: ${record.reason}`);
          continue;
        }
        const { tagged, category } = tagOne(record.paper, categories);
        if (args.json) print(JSON.stringify(tagged));
        else print(`${report.papers > 0 ? '\n' : ''}${describeTagged(tagged, category)}`);
        report.papers++;
      }
    };
    for await (const line of lines) take(parser.push(line));
    take(parser.end());
  }
  if (report.rejected > SHOWN_REJECTIONS) warn(`… and ${report.rejected - SHOWN_REJECTIONS} more rejected`);
  if (report.papers === 0) throw new InputError(`no papers found in ${args.inputs.join(', ')}${report.rejected ? ` (${report.rejected} records rejected)` : ''}`);
  return report;
}
