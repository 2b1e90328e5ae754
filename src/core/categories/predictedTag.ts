// A predicted arXiv category as a tag, by one rule wherever a category is predicted: the worker's catalogue index (the
// learned model blended with the catalogue's neighbour vote) and the command line (the learned model alone).
import type { TopicTag } from '../paper.ts';
import { categoryName } from './arxivCategories.ts';
import { calibratedConfidence } from './calibration.ts';
import type { CategoryLinear } from './categoryModel.ts';
import type { PredictedCategory } from './prediction.ts';
import type { PaperText } from './tfidf.ts';

/**
 * A predicted category is shown when predictions like it were right at least this often (its calibrated confidence,
 * calibration.ts): more often right than wrong.
 */
export const MIN_SHOWN_CONFIDENCE = 0.5;

/**
 * A runner-up whose confidence is at least this share of the first's is named beside it ("also likely"): authors often
 * choose between two close categories (cs.AI or cs.CL for an LLM paper), and naming the runner-up then covers the
 * authors' choice far more often than the first alone (docs/QUALITY.md, Categories, "What a badge shows").
 */
export const RUNNER_UP_RATIO = 0.7;

/**
 * The category tag of the best of `predicted` (best first), marked as predicted, with the close runners-up's names;
 * none when the prediction is not clear enough to show.
 */
export function predictedCategoryTag(predicted: readonly PredictedCategory[]): TopicTag | undefined {
  const best = predicted[0];
  if (!best || best.confidence < MIN_SHOWN_CONFIDENCE) return undefined;
  const alsoLikely = predicted
    .slice(1)
    .filter((p) => p.confidence >= RUNNER_UP_RATIO * best.confidence)
    .map((p) => p.label);
  return {
    id: best.category,
    label: best.label,
    confidence: Math.round(best.confidence * 100) / 100,
    terms: [],
    facet: 'category',
    predicted: true,
    ...(alsoLikely.length ? { alsoLikely } : {}),
  };
}

/** The k likeliest categories of a text by the learned model alone, with their names: for callers without a catalogue. */
export function learnedCategories(model: CategoryLinear, text: PaperText, k = 3): PredictedCategory[] {
  return model
    .top(text, k)
    .map(({ category, probability }) => ({ category, label: categoryName(category) ?? category, probability, confidence: calibratedConfidence('learned', probability) }));
}
