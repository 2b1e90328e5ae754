// Learns the topic model from a catalogue: the seed-term tagger's tags are weak labels, and one-vs-rest logistic
// regression over each paper's seed-masked words and word pairs (tf-idf) learns which other terms signal each topic.
import { TOPICS, type TopicDefinition } from '../core/topics/taxonomy.ts';
import { readTopicModelData, TopicModel, termValues, type TopicModelData } from '../core/topics/topicModel.ts';
import { paperTerms, seedTopicTags } from '../core/topics/tagger.ts';
import { mulberry32, shuffle } from './random.ts';
import { encodeTopicModel } from './topicModelFile.ts';

export interface TrainingPaper {
  title: string;
  abstract?: string;
  /** ISO date; the latest papers are held out to calibrate on. */
  date?: string;
}

export interface TrainOptions {
  /** The taxonomy whose seed tags are the labels (ids become the model's topic ids). */
  topics?: readonly TopicDefinition[];
  /** Passes of stochastic gradient descent over the training papers. */
  epochs?: number;
  /** Passes after pruning each topic to its strongest terms, fitting what is kept. */
  refitEpochs?: number;
  learningRate?: number;
  /** L2 penalty, applied to the weights a paper touches. */
  l2?: number;
  /** A term must be in at least this many training papers. */
  minDf?: number;
  /** At most this many terms (the most frequent) are learned from. */
  maxFeatures?: number;
  /** Each topic keeps its strongest this-many terms. */
  termsPerTopic?: number;
  /** Share of papers (the latest by date, or the last given) held out to calibrate confidence and threshold. */
  heldOutShare?: number;
  seed?: number;
  /** Where the papers came from, in words (stored in the model). */
  trainedOn?: string;
  onProgress?: (line: string) => void;
}

export interface TrainReport {
  papers: number;
  trainPapers: number;
  heldOutPapers: number;
  /** Share of training papers the seed tagger gives at least one topic (the papers with positive labels). */
  labelledShare: number;
  features: number;
  vocabulary: number;
  weights: number;
  threshold: number;
  calibration: { scale: number; offset: number };
  /** The learned part alone against the seed tags on the held-out papers, at the chosen threshold. */
  heldOut: { precision: number; recall: number; f1: number };
  /** The same at other thresholds (0.1, 0.2, ... 0.9), to show the trade-off. */
  curve: { threshold: number; precision: number; recall: number }[];
  seconds: number;
}

const DEFAULTS = {
  epochs: 4,
  refitEpochs: 3,
  learningRate: 0.05,
  l2: 1e-5,
  minDf: 5,
  maxFeatures: 200_000,
  termsPerTopic: 400,
  heldOutShare: 0.1,
  seed: 1,
};
/** Topics with no learned evidence need not be updated: their gradient is below this. */
const ACTIVE_GRADIENT = 1e-3;
const MAX_TOPICS = 3;

/** Learns the topic model: the model as the extension reads it, its file (assets/models/topics.json) and a report. */
export function learnTopicModel(papers: readonly TrainingPaper[], options: TrainOptions = {}): { model: TopicModel; data: TopicModelData; report: TrainReport } {
  const started = Date.now();
  const o = { ...DEFAULTS, ...options };
  const topics = options.topics ?? TOPICS;
  const log = options.onProgress ?? (() => undefined);
  const T = topics.length;
  const topicIndex = new Map(topics.map((t, i) => [t.id, i]));

  // 1. Split: the latest papers are held out (dated ones by date; the input order breaks ties and orders undated ones).
  const order = papers.map((_, i) => i);
  order.sort((a, b) => (papers[a]!.date ?? '').localeCompare(papers[b]!.date ?? '') || a - b);
  const heldOutCount = Math.max(1, Math.round(papers.length * o.heldOutShare));
  const trainIds = order.slice(0, papers.length - heldOutCount);
  const heldOutIds = order.slice(papers.length - heldOutCount);

  // 2. Labels and terms of every training paper, terms interned as numbers.
  const featureId = new Map<string, number>();
  const featureNames: string[] = [];
  const docTerms: Uint32Array[] = [];
  const docValues: Float32Array[] = [];
  const docLabels: Uint16Array[] = [];
  let labelled = 0;
  trainIds.forEach((p, n) => {
    const paper = papers[p]!;
    const labels = labelsOf(paper, topics, topicIndex);
    if (labels.length) labelled++;
    docLabels.push(Uint16Array.from(labels));
    const { terms, values } = termValues(paperTerms(paper.title, paper.abstract ?? '').counts);
    const ids = new Uint32Array(terms.length);
    terms.forEach((term, k) => {
      let id = featureId.get(term);
      if (id === undefined) {
        id = featureNames.length;
        featureNames.push(term);
        featureId.set(term, id);
      }
      ids[k] = id;
    });
    docTerms.push(ids);
    docValues.push(Float32Array.from(values));
    if ((n + 1) % 20_000 === 0) log(`read ${n + 1} of ${trainIds.length} training papers`);
  });
  featureId.clear();

  // 3. Vocabulary: terms in at least minDf papers, the most frequent maxFeatures of them; tf-idf values.
  const N = docTerms.length;
  const df = new Uint32Array(featureNames.length);
  for (const ids of docTerms) for (const id of ids) df[id]!++;
  let candidates = [...df.keys()].filter((id) => df[id]! >= o.minDf && df[id]! <= N * 0.5);
  if (candidates.length > o.maxFeatures) candidates = candidates.sort((a, b) => df[b]! - df[a]! || a - b).slice(0, o.maxFeatures);
  const remap = new Int32Array(featureNames.length).fill(-1);
  candidates.forEach((id, f) => {
    remap[id] = f;
  });
  const F = candidates.length;
  const idf = Float32Array.from(candidates, (id) => Math.log((1 + N) / (1 + df[id]!)) + 1);
  const featureDf = Uint32Array.from(candidates, (id) => df[id]!);
  for (let d = 0; d < N; d++) {
    const ids = docTerms[d]!;
    const values = docValues[d]!;
    const keepIds: number[] = [];
    const keepValues: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const f = remap[ids[k]!]!;
      if (f < 0) continue;
      keepIds.push(f);
      keepValues.push(values[k]! * idf[f]!);
    }
    docTerms[d] = Uint32Array.from(keepIds);
    docValues[d] = Float32Array.from(keepValues);
  }
  log(`${N} training papers (${labelled} with seed tags), ${F} of ${featureNames.length} terms kept`);

  // 4. One-vs-rest logistic regression, all topics at once: W is terms × topics, each term's topics side by side.
  const W = new Float32Array(F * T);
  const bias = new Float64Array(T);
  const positives = new Float64Array(T);
  for (const labels of docLabels) for (const t of labels) positives[t]!++;
  for (let t = 0; t < T; t++) {
    const prior = (positives[t]! + 0.5) / (N + 1);
    bias[t] = Math.log(prior / (1 - prior));
  }
  const rng = mulberry32(o.seed);
  const z = new Float64Array(T);
  const y = new Uint8Array(T);
  const active: number[] = [];
  const grad = new Float64Array(T);
  const runEpochs = (epochs: number, keep: Uint8Array | null, phase: string) => {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const lr = o.learningRate / (1 + epoch);
      const shuffled = shuffle([...Array(N).keys()], rng);
      let loss = 0;
      for (const d of shuffled) {
        const ids = docTerms[d]!;
        const values = docValues[d]!;
        z.set(bias);
        for (let k = 0; k < ids.length; k++) {
          const base = ids[k]! * T;
          const x = values[k]!;
          for (let t = 0; t < T; t++) z[t]! += x * W[base + t]!;
        }
        y.fill(0);
        for (const t of docLabels[d]!) y[t] = 1;
        active.length = 0;
        for (let t = 0; t < T; t++) {
          const p = 1 / (1 + Math.exp(-z[t]!));
          loss -= y[t] ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
          const g = p - y[t]!;
          if (Math.abs(g) < ACTIVE_GRADIENT) continue;
          grad[t] = g;
          active.push(t);
          bias[t]! -= lr * g;
        }
        for (let k = 0; k < ids.length; k++) {
          const base = ids[k]! * T;
          const x = values[k]!;
          for (const t of active) {
            const at = base + t;
            if (keep && !keep[at]) continue;
            W[at]! -= lr * (grad[t]! * x + o.l2 * W[at]!);
          }
        }
      }
      log(`${phase} epoch ${epoch + 1}/${epochs}: mean loss per paper ${(loss / N).toFixed(4)}`);
    }
  };
  runEpochs(o.epochs, null, 'training');

  // 5. Each topic keeps its strongest terms, then those are refit. Strength: |weight| × √(papers the term counts in),
  // counting a term's papers in the topic in full and the others at the topic's rate, so a term typical of the topic's
  // papers outranks a common word with a slightly larger weight.
  const inTopic = new Uint32Array(F * T);
  docTerms.forEach((ids, d) => {
    for (const t of docLabels[d]!) for (const f of ids) inTopic[f * T + t]!++;
  });
  const keep = new Uint8Array(F * T);
  const importance = new Float64Array(F);
  const byImportance = new Uint32Array(F);
  for (let t = 0; t < T; t++) {
    const rate = (positives[t]! + 1) / N;
    for (let f = 0; f < F; f++) {
      importance[f] = Math.abs(W[f * T + t]!) * Math.sqrt(inTopic[f * T + t]! + featureDf[f]! * rate);
      byImportance[f] = f;
    }
    const top = Array.from(byImportance)
      .sort((a, b) => importance[b]! - importance[a]! || a - b)
      .slice(0, o.termsPerTopic);
    for (const f of top) if (importance[f]! > 0) keep[f * T + t] = 1;
  }
  for (let i = 0; i < W.length; i++) if (!keep[i]) W[i] = 0;
  runEpochs(o.refitEpochs, keep, 'refit');

  // 6. The model: idf folded into the weights, only kept terms, quantized as shipped.
  const used = [
    ...new Set(
      [...Array(F).keys()].filter((f) => {
        for (let t = 0; t < T; t++) if (keep[f * T + t] && W[f * T + t] !== 0) return true;
        return false;
      }),
    ),
  ];
  used.sort((a, b) => (featureNames[candidates[a]!]! < featureNames[candidates[b]!]! ? -1 : 1));
  const terms = used.map((f) => featureNames[candidates[f]!]!);
  const topicWeights = topics.map((topic, t) => {
    const index: number[] = [];
    const weights: number[] = [];
    used.forEach((f, i) => {
      const w = W[f * T + t]!;
      if (keep[f * T + t] && w !== 0) {
        index.push(i);
        weights.push(w * idf[f]!);
      }
    });
    return { id: topic.id, bias: bias[t]!, index: Uint32Array.from(index), weights: Float32Array.from(weights) };
  });
  const trainedOn = o.trainedOn ?? `${N} papers`;
  const draftData = encodeTopicModel({ terms, topics: topicWeights, threshold: 0.5, calibration: { scale: 1, offset: 0 }, trainedOn, papers: N });
  const draft = TopicModel.fromData(draftData);

  // 7. Calibration and threshold on the held-out papers, with the quantized weights.
  const held = heldOutIds.map((p) => {
    const paper = papers[p]!;
    return { scores: draft.scores(paperTerms(paper.title, paper.abstract ?? '')), labels: labelsOf(paper, topics, topicIndex) };
  });
  const calibration = fitPlatt(held, T);
  const confidence = (s: number) => 1 / (1 + Math.exp(-(calibration.scale * s + calibration.offset)));
  const ranked = held.map(({ scores, labels }) => ({
    top: [...scores.keys()]
      .sort((a, b) => scores[b]! - scores[a]!)
      .slice(0, MAX_TOPICS)
      .map((t) => ({ t, p: confidence(scores[t]!) })),
    labels: new Set(labels),
  }));
  // The threshold maximises F0.5 against the seed tags: a wrong tag costs a reader's trust more than a missing one.
  let best = { threshold: 0.5, precision: 0, recall: 0, f1: 0, score: -1 };
  const curve: TrainReport['curve'] = [];
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { top, labels } of ranked) {
      let hits = 0;
      for (const { t, p } of top) {
        if (p < threshold) continue;
        if (labels.has(t)) hits++;
        else fp++;
      }
      tp += hits;
      fn += labels.size - hits;
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    const score = precision + recall > 0 ? (1.25 * precision * recall) / (0.25 * precision + recall) : 0;
    if (step % 10 === 0) curve.push({ threshold, precision, recall });
    if (score > best.score) best = { threshold, precision, recall, f1, score };
  }
  // The draft's quantized weights, written again with the calibration; the file is what the extension reads of that.
  const calibrated = readTopicModelData({ ...encodeTopicModel(readTopicModelData(draftData)), calibration, threshold: best.threshold });
  const model = new TopicModel(calibrated.terms, calibrated.topics, calibrated);
  const data = encodeTopicModel(calibrated);
  log(`calibrated on ${held.length} held-out papers: threshold ${best.threshold}, precision ${best.precision.toFixed(3)}, recall ${best.recall.toFixed(3)} against seed tags`);
  return {
    model,
    data,
    report: {
      papers: papers.length,
      trainPapers: N,
      heldOutPapers: held.length,
      labelledShare: labelled / Math.max(1, N),
      features: F,
      vocabulary: terms.length,
      weights: calibrated.topics.reduce((n, t) => n + t.index.length, 0),
      threshold: best.threshold,
      calibration,
      heldOut: { precision: best.precision, recall: best.recall, f1: best.f1 },
      curve,
      seconds: (Date.now() - started) / 1000,
    },
  };
}

function labelsOf(paper: TrainingPaper, topics: readonly TopicDefinition[], topicIndex: Map<string, number>): number[] {
  return seedTopicTags(paper, topics)
    .map((tag) => topicIndex.get(tag.id))
    .filter((t): t is number => t !== undefined);
}

/** Platt scaling: one logistic curve from raw score to the chance that the seed tagger tags the topic, by Newton steps. */
function fitPlatt(held: readonly { scores: Float64Array; labels: number[] }[], T: number): { scale: number; offset: number } {
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 30; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (const { scores, labels } of held) {
      for (let t = 0; t < T; t++) {
        const s = scores[t]!;
        const p = 1 / (1 + Math.exp(-(a * s + b)));
        const g = p - (labels.includes(t) ? 1 : 0);
        const h = Math.max(p * (1 - p), 1e-12);
        ga += g * s;
        gb += g;
        haa += h * s * s;
        hab += h * s;
        hbb += h;
      }
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-7 && Math.abs(db) < 1e-7) break;
  }
  return { scale: a, offset: b };
}
