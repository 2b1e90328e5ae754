// Training the arXiv category model Paperscope ships, from papers' primary categories (scripts/train-categories.ts,
// the evaluation): fit the tf-idf vocabulary, train the softmax regression, then keep its largest weights as int8 with
// one scale per category. The settings are CATEGORY_TRAINING. The file is written by categoryModelFile.ts.
import { CategoryLinear, SparseLinearModel, type ClassProbabilities, type LearnedModelInfo, type LinearOptions } from '../core/categories/categoryModel.ts';
import { MixedProbabilities, type CategoryNetworkOptions } from '../core/categories/categoryNetwork.ts';
import { TfidfVectorizer, type PaperText, type TfidfOptions, type TfidfRow } from '../core/categories/tfidf.ts';
import { storedIdf } from './categoryModelFile.ts';
import { LinearModel, trainLinear } from './linearClassifier.ts';
import { networkProbabilities, quantizeNetwork, trainNetwork } from './networkClassifier.ts';
import { fitTfidf } from './tfidfFitting.ts';

/** Settings of the shipped model; chosen on the validation split (src/eval/tuneValidation.ts, docs/QUALITY.md). */
export interface CategoryTrainingOptions {
  vectorizer: TfidfOptions;
  linear: LinearOptions;
  /** Weights kept in the shipped (sparse int8) model. */
  entries: number;
  /** A hidden-layer network trained beside the linear model, and its share of their mixed probabilities; none when left out. */
  network?: CategoryNetworkOptions;
}

export const CATEGORY_TRAINING: CategoryTrainingOptions = {
  vectorizer: { maxFeatures: 30_000, minDf: 3, maxDf: 0.5, authors: true },
  linear: { alpha: 5e-6, epochs: 6, seed: 1, loss: 'softmax' },
  entries: 300_000,
  // No network: the 256-unit network (NETWORK_TRAINING, share 1, 4-bit inputs) led on validation (0.7085 / 0.9268
  // against 0.7023 / 0.925 blended with the vote, 4,000 queries) but not on the test split (0.6895 / 0.914 against
  // 0.692 / 0.916), and takes the file from 0.9 to 4.3 MB (docs/QUALITY.md, "Other model classes").
};

/** A paper to learn from: its text and categories (the first is its primary one, the label). */
export interface LabelledPaper extends PaperText {
  categories?: string[];
  date?: string;
}

export interface TrainedCategories {
  /** The model with all its float weights. */
  float: CategoryLinear;
  /** The same model pruned and quantized: what ships and what the extension uses. */
  shipped: CategoryLinear;
}

/** Learns the category model from papers' primary categories (papers without a title or category are skipped). */
export function trainCategoryLinear(
  papers: readonly LabelledPaper[],
  options: Partial<CategoryTrainingOptions> = {},
  meta: { source?: string; log?: (line: string) => void } = {},
): TrainedCategories {
  const o = { ...CATEGORY_TRAINING, ...options };
  const labelled = papers.filter((p) => p.title && p.categories?.[0]);
  if (!labelled.length) throw new Error('no papers with a title and a category to learn from');
  const { vectorizer, matrix } = fitTfidf(labelled, o.vectorizer);
  // With a network of share 1, no linear model is trained or shipped (an empty one stands in for the file's layout).
  const alone = o.network?.share === 1;
  const model = alone
    ? new LinearModel([], vectorizer.terms.length, new Float32Array(0), new Float32Array(0), o.linear.loss ?? 'ovr')
    : trainLinear(
        matrix,
        vectorizer.terms.length,
        labelled.map((p) => p.categories![0]),
        o.linear,
      );
  const sparse = pruneToInt8(model, o.entries);
  let floatModel: ClassProbabilities = model;
  let shippedModel: ClassProbabilities = sparse;
  if (o.network) {
    const net = trainNetwork(
      matrix,
      vectorizer.terms.length,
      labelled.map((p) => p.categories),
      o.network,
      meta.log,
    );
    const floatNet = { classes: net.classes, probabilities: (row: TfidfRow) => networkProbabilities(net, row) };
    const int8 = quantizeNetwork(net, o.network.inputBits);
    floatModel = alone ? floatNet : new MixedProbabilities(floatNet, model, o.network.share);
    shippedModel = alone ? int8 : new MixedProbabilities(int8, sparse, o.network.share);
  }
  let until: string | undefined;
  for (const p of labelled) if (p.date && (!until || p.date > until)) until = p.date;
  const info = (entries: number): LearnedModelInfo => ({
    papers: labelled.length,
    ...(meta.source ? { source: meta.source } : {}),
    ...(until ? { until } : {}),
    vectorizer: o.vectorizer,
    linear: o.linear,
    entries,
    ...(o.network ? { network: o.network } : {}),
  });
  let nonZero = 0;
  for (let k = 0; k < model.weights.length; k++) if (model.weights[k] !== 0) nonZero++;
  // The shipped model reads its idf as the file stores it, so that what is measured is what ships.
  const shippedVectorizer = TfidfVectorizer.fromVocabulary(o.vectorizer, vectorizer.terms, storedIdf(vectorizer.idf));
  return {
    float: new CategoryLinear(vectorizer, floatModel, info(nonZero)),
    shipped: new CategoryLinear(shippedVectorizer, shippedModel, info(sparse.entries)),
  };
}

/** The `entries` largest weights of `model` (by magnitude), quantized to int8 per category: what ships. */
export function pruneToInt8(model: LinearModel, entries: number): SparseLinearModel {
  const C = model.classes.length;
  const w = model.weights;
  const threshold = magnitudeThreshold(w, entries);
  const kept = (k: number) => w[k]! !== 0 && Math.abs(w[k]!) >= threshold;
  const max = new Float64Array(C);
  let count = 0;
  for (let k = 0; k < w.length; k++) {
    if (!kept(k) || count >= entries) continue;
    count++;
    max[k % C] = Math.max(max[k % C]!, Math.abs(w[k]!));
  }
  const scale = Float32Array.from(max, (m) => (m > 0 ? m / 127 : 1));
  const starts = new Uint32Array(model.features + 1);
  const categories = C <= 256 ? new Uint8Array(count) : new Uint16Array(count);
  const weights = new Int8Array(count);
  let at = 0;
  for (let f = 0; f < model.features; f++) {
    for (let c = 0; c < C; c++) {
      const k = f * C + c;
      if (!kept(k) || at >= count) continue;
      categories[at] = c;
      weights[at] = Math.max(-127, Math.min(127, Math.round(w[k]! / scale[c]!)));
      at++;
    }
    starts[f + 1] = at;
  }
  return new SparseLinearModel(model.classes, model.features, model.loss, Float32Array.from(model.bias), scale, starts, categories, weights);
}

/** The smallest magnitude among the `entries` largest non-zero magnitudes of `w` (0 when there are fewer). */
function magnitudeThreshold(w: Float32Array, entries: number): number {
  let nonZero = 0;
  for (let k = 0; k < w.length; k++) if (w[k] !== 0) nonZero++;
  if (entries >= nonZero) return 0;
  if (entries <= 0) return Infinity;
  const abs = new Float32Array(nonZero);
  let n = 0;
  for (let k = 0; k < w.length; k++) if (w[k] !== 0) abs[n++] = Math.abs(w[k]!);
  abs.sort();
  return abs[nonZero - entries]!;
}
