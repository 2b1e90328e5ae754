// The personal-ranking evaluation: each reader's feed ranked by Paperscope's interest model (the extension's code,
// src/core/personal) and by the arxiv-sanity-lite SVM anchor, on the same catalogue; MRR of the first positive,
// recall@20 and ROC AUC averaged over readers.
import { readCatalogue } from '../core/catalogue/artifact.ts';
import { CatalogueBuilder } from '../core/catalogue/builder.ts';
import { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { normalizeArxivId } from '../core/identity/paperKey.ts';
import { learnInterests, RANKER_OPTIONS, type LibraryPaper, type RankerOptions, type RankerWeights } from '../core/personal/interestModel.ts';
import type { PaperRef } from '../core/paper.ts';
import { rankedOrder, recallAtK, reciprocalRank, rocAuc, round } from './metrics.ts';
import type { Reader } from './personalReaders.ts';
import { dedupe, type EvalPaper } from './runEval.ts';
import { SvmAnchor } from './svmAnchor.ts';

export const RECALL_AT = 20;

export interface RankingFigures {
  mrr: number;
  recallAt20: number;
  auc: number;
  readers: number;
}

export interface PersonalReport {
  /** Readers ranked; those whose library the catalogue holds fewer than 3 papers of are skipped (both methods). */
  readers: number;
  skipped: number;
  paperscope: RankingFigures;
  anchor?: RankingFigures;
  seconds: { catalogue: number; paperscope: number; anchorFit?: number; anchor?: number };
  settings: { ranker: string; anchor: string };
}

/** One reader's feed, scored: the scores in feed order and which feed papers are positives. */
export interface ScoredFeed {
  scores: number[];
  positive: boolean[];
}

/** The catalogue as the extension would hold it, built from papers (abstracts are not kept; vectors use them). */
export function personalCatalogue(papers: readonly EvalPaper[]): CatalogueIndex {
  const builder = new CatalogueBuilder({ source: 'personal eval', withAbstracts: false });
  for (const p of dedupe(papers.filter((p) => p.title))) builder.add(p);
  return new CatalogueIndex(readCatalogue(builder.build()));
}

/** A feed paper as a page shows it. */
export function feedRef(p: Reader['feed'][number]): PaperRef {
  const id = normalizeArxivId(p.id) ?? p.id;
  return { key: `arxiv:${id}`, arxivId: id, title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories };
}

/** The reader's library as saved papers: the catalogue's records of its ids (ids it does not hold are left out). */
export function libraryOf(index: CatalogueIndex, reader: Reader): LibraryPaper[] {
  return reader.library.flatMap((id) => {
    const at = index.matchIndex({ key: `arxiv:${normalizeArxivId(id) ?? id}`, arxivId: id, title: '' });
    if (at < 0) return [];
    // The catalogue's topic tags are not the user's tags: a simulated reader has tagged nothing.
    const { tags: _topics, ...paper } = index.paperAt(at);
    return [paper];
  });
}

/** Figures averaged over readers (AUC over readers with both classes in their feed). */
export function rankingFigures(feeds: readonly ScoredFeed[]): RankingFigures {
  let mrr = 0;
  let recall = 0;
  let auc = 0;
  let aucReaders = 0;
  for (const { scores, positive } of feeds) {
    const ranked = rankedOrder(scores).map((i) => positive[i]!);
    mrr += reciprocalRank(ranked);
    recall += recallAtK(ranked, RECALL_AT);
    const a = rocAuc(scores, positive);
    if (!Number.isNaN(a)) {
      auc += a;
      aucReaders++;
    }
  }
  const n = feeds.length || 1;
  return { mrr: round(mrr / n), recallAt20: round(recall / n), auc: aucReaders ? round(auc / aucReaders) : NaN, readers: feeds.length };
}

/** Each ranked reader's feed papers' signals (the model's per-signal values), for the evaluation and for tuning. */
export interface ReaderSignals {
  reader: string;
  signals: Array<Record<keyof RankerWeights, number>>;
  scores: number[];
  positive: boolean[];
}

/** Paperscope's model learned and run for each reader; readers it cannot rank (too small a library) are left out. */
export function paperscopeSignals(index: CatalogueIndex, readers: readonly Reader[], options: Partial<RankerOptions> = {}): ReaderSignals[] {
  const out: ReaderSignals[] = [];
  for (const reader of readers) {
    const learned = learnInterests(index, libraryOf(index, reader), options);
    if (!learned.ok) continue;
    const positives = new Set(reader.positives.map((id) => normalizeArxivId(id) ?? id));
    const scored = learned.model.score(reader.feed.map(feedRef));
    out.push({
      reader: reader.reader,
      signals: scored.map((s) => s.signals),
      scores: scored.map((s) => s.score),
      positive: reader.feed.map((p) => positives.has(normalizeArxivId(p.id) ?? p.id)),
    });
  }
  return out;
}

/** Scores recombined with other weights (what tuning tries; the model's own sum with its weights is the same). */
export function reweighted(readers: readonly ReaderSignals[], w: RankerWeights): ScoredFeed[] {
  return readers.map((r) => ({
    positive: r.positive,
    scores: r.signals.map((s) => w.linear * s.linear + w.neighbours * s.neighbours + w.authors * s.authors + w.categories * s.categories),
  }));
}

export interface PersonalEvalOptions {
  ranker?: Partial<RankerOptions>;
  /** Run the anchor too (on by default). */
  anchor?: boolean;
  log?: (line: string) => void;
}

const now = () => performance.now();
const seconds = (since: number) => round((now() - since) / 1000, 2);

/** Paperscope beside the anchor on the same readers and catalogue (the catalogue papers, or a built index of them). */
export function runPersonalEval(cataloguePapers: readonly EvalPaper[], readers: readonly Reader[], options: PersonalEvalOptions = {}, built?: CatalogueIndex): PersonalReport {
  const log = options.log ?? (() => undefined);
  let t = now();
  const index = built ?? personalCatalogue(cataloguePapers);
  const catalogueSeconds = seconds(t);
  t = now();
  log(`ranking ${readers.length} readers' feeds with Paperscope's interest model`);
  const ours = paperscopeSignals(index, readers, options.ranker);
  const ranked = new Set(ours.map((r) => r.reader));
  const report: PersonalReport = {
    readers: ours.length,
    skipped: readers.length - ours.length,
    paperscope: rankingFigures(ours),
    seconds: { catalogue: catalogueSeconds, paperscope: seconds(t) },
    settings: { ranker: JSON.stringify({ ...RANKER_OPTIONS, ...options.ranker }), anchor: 'tf-idf (ARXIV_SANITY_OPTIONS), LinearSVC-style dual CD (ANCHOR_SVM)' },
  };
  if (options.anchor !== false) {
    t = now();
    log('fitting the anchor tf-idf on the catalogue');
    const anchor = new SvmAnchor(dedupe(cataloguePapers.filter((p) => p.title)));
    report.seconds.anchorFit = seconds(t);
    t = now();
    const feeds: ScoredFeed[] = [];
    readers.forEach((reader, r) => {
      if (!ranked.has(reader.reader)) return;
      if (r % 50 === 0) log(`anchor: reader ${r + 1} of ${readers.length}`);
      const positives = new Set(reader.positives.map((id) => normalizeArxivId(id) ?? id));
      feeds.push({ scores: anchor.score(reader.library, reader.feed), positive: reader.feed.map((p) => positives.has(normalizeArxivId(p.id) ?? p.id)) });
    });
    report.anchor = rankingFigures(feeds);
    report.seconds.anchor = seconds(t);
  }
  return report;
}
