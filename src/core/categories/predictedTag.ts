// A predicted arXiv category as a tag, by one rule wherever a category is predicted: the worker's catalogue index (the
// learned model blended with the catalogue's neighbour vote) and the command line (the learned model alone).
import type { TopicTag } from '../paper.ts';
import { categoryName } from './arxivCategories.ts';
import type { CategoryLinear } from './categoryModel.ts';
import type { PredictedCategory } from './prediction.ts';
import type { PaperText } from './tfidf.ts';

/** A predicted category is shown when it takes at least this share of the category distribution. */
export const MIN_PREDICTED_SHARE = 0.3;

/** The category tag of the best prediction, marked as predicted; none when the prediction is not clear enough to show. */
export function predictedCategoryTag(best: PredictedCategory | undefined): TopicTag | undefined {
  if (!best || best.probability < MIN_PREDICTED_SHARE) return undefined;
  return {
    id: best.category,
    label: best.label,
    confidence: Math.round(best.probability * 100) / 100,
    terms: [],
    facet: 'category',
    predicted: true,
  };
}

/** The k likeliest categories of a text by the learned model alone, with their names: for callers without a catalogue. */
export function learnedCategories(model: CategoryLinear, text: PaperText, k = 3): PredictedCategory[] {
  return model.top(text, k).map(({ category, probability }) => ({ category, label: categoryName(category) ?? category, probability }));
}
