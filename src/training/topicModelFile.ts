// Writing the topic model file (assets/models/topics.json, by scripts/train-topics.ts): per topic, its term indexes as
// varint gaps and its weights quantized to int8 with one scale, in base64; read by src/core/topics/topicModel.ts.
import { TOPIC_MODEL_FORMAT, type TopicModelContents, type TopicModelData } from '../core/topics/topicModel.ts';

/**
 * The serialized form of a model's contents (term indexes ascending). Weights are quantized to int8 per topic, so a
 * round trip through readTopicModelData changes them by ≤ scale/2; biases are kept as float32, as the model holds them.
 */
export function encodeTopicModel(model: TopicModelContents): TopicModelData {
  return {
    format: TOPIC_MODEL_FORMAT,
    version: 1,
    trainedOn: model.trainedOn,
    papers: model.papers,
    terms: model.terms.join('\n'),
    calibration: { scale: round6(model.calibration.scale), offset: round6(model.calibration.offset) },
    threshold: round6(model.threshold),
    topics: model.topics.map(({ id, bias, index, weights }) => {
      const max = weights.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
      const scale = max > 0 ? max / 127 : 1;
      const bytes = new Uint8Array(weights.length);
      weights.forEach((w, k) => {
        bytes[k] = Math.max(-127, Math.min(127, Math.round(w / scale))) & 0xff;
      });
      return { id, bias: round6(Math.fround(bias)), scale: round6(scale, 9), index: toBase64(varintGaps(index)), weights: toBase64(bytes) };
    }),
  };
}

function round6(x: number, digits = 6): number {
  return Number(x.toPrecision(digits));
}

function varintGaps(sorted: Iterable<number>): Uint8Array {
  const out: number[] = [];
  let previous = 0;
  for (const i of sorted) {
    let gap = i - previous;
    previous = i;
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    out.push(gap);
  }
  return Uint8Array.from(out);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
