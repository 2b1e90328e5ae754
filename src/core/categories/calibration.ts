// How often a predicted arXiv category is right, by the probability its predictor gave it: the three predictors of
// CategoryPredictor (the learned model blended with the catalogue's vote, the learned model alone, the vote alone)
// spread their probabilities very differently (the blend's first category rarely passes 0.4, the learned model's
// often passes 0.9), so one threshold on raw probabilities cannot mean the same for all of them. Each map below turns a
// raw probability into the share of papers whose primary it was, measured on the validation split (papers from
// 2025-08-15 to 2025-10-01 against the 56,873 earlier ones, whose vote it is):
// `npm run eval -- --until 2025-10-01 --cutoff 2025-08-15 --limit 8000` prints these points (docs/QUALITY.md,
// Categories, "What a badge shows").

/** Which predictor made a distribution (CategoryPredictor.distribution). */
export type CategorySource = 'blend' | 'learned' | 'vote';

/** Monotone (raw probability, share right) points per predictor; between points linear, beyond them flat. */
export const CATEGORY_CALIBRATION: Record<CategorySource, ReadonlyArray<readonly [number, number]>> = {
  // 8,000 validation queries (`--limit 8000`), bins of 0.05 with at least 50 papers, pooled to be non-decreasing.
  blend: [
    [0.076, 0.339],
    [0.128, 0.477],
    [0.176, 0.536],
    [0.225, 0.649],
    [0.275, 0.773],
    [0.325, 0.918],
    [0.37, 0.976],
    [0.414, 0.989],
  ],
  learned: [
    [0.143, 0.317],
    [0.227, 0.369],
    [0.275, 0.402],
    [0.327, 0.472],
    [0.376, 0.493],
    [0.426, 0.511],
    [0.475, 0.525],
    [0.525, 0.56],
    [0.575, 0.588],
    [0.624, 0.636],
    [0.675, 0.647],
    [0.725, 0.738],
    [0.775, 0.742],
    [0.827, 0.815],
    [0.876, 0.863],
    [0.927, 0.92],
    [0.978, 0.971],
  ],
  vote: [
    [0.042, 0.387],
    [0.078, 0.563],
    [0.122, 0.759],
    [0.169, 0.932],
    [0.218, 0.993],
  ],
};

/** The share of papers a prediction of this raw probability was right for (0..1), by the source's calibration. */
export function calibratedConfidence(source: CategorySource, probability: number): number {
  return piecewiseLinear(CATEGORY_CALIBRATION[source], probability);
}

/** y at x on the line through `points` (ascending x), flat beyond the first and last; 0 without points or a number. */
export function piecewiseLinear(points: ReadonlyArray<readonly [number, number]>, x: number): number {
  if (!points.length || !(x >= 0)) return 0;
  if (x <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (x <= x1) {
      const [x0, y0] = points[i - 1]!;
      return x1 > x0 ? y0 + ((y1 - y0) * (x - x0)) / (x1 - x0) : y1;
    }
  }
  return points[points.length - 1]![1];
}
