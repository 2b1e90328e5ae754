// Writing assets/models/topics.bin: the taxonomy model with weights quantized to int8 per cluster and idf to
// thousandths, in the layout src/core/topics/taxonomyModelFile.ts reads. Same model, same bytes; a model read back from
// a file is written to the same bytes again.
import type { TaxonomyModelContents } from '../core/topics/taxonomyModel.ts';
import { align8, TAXONOMY_FILE_MAGIC, TAXONOMY_FILE_VERSION, TAXONOMY_IDF_STEPS, type TaxonomyFileHeader } from '../core/topics/taxonomyModelFile.ts';

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function encodeTaxonomyModel(model: TaxonomyModelContents): Uint8Array {
  const topicIds = model.topics.map((t) => t.id);
  const topicOf = new Map(topicIds.map((id, i) => [id, i]));
  if (topicIds.length > 0xffff) throw new Error('taxonomy model: more topics than a uint16 holds');
  const entries = model.clusters.reduce((n, c) => n + c.index.length, 0);
  const wideTerms = model.terms.length > 0x10000;
  const idf = Uint16Array.from(model.idf, (x) => Math.min(0xffff, Math.round(x * TAXONOMY_IDF_STEPS)));
  const terms = new TextEncoder().encode(model.terms.join('\n'));
  const clusterTopic = Uint16Array.from(model.clusters, (c) => {
    const topic = topicOf.get(c.topic);
    if (topic === undefined) throw new Error(`taxonomy model: a cluster names unknown topic ${c.topic}`);
    return topic;
  });
  const clusterScale = new Float64Array(model.clusters.length);
  const clusterLength = Uint32Array.from(model.clusters, (c) => c.index.length);
  const clusterTerms = wideTerms ? new Uint32Array(entries) : new Uint16Array(entries);
  const clusterWeights = new Int8Array(entries);
  let at = 0;
  model.clusters.forEach((c, i) => {
    // One scale per cluster: its largest weight is ±127. Stored to 6 digits, so reading it back and writing it again
    // gives the same scale and the same int8 weights.
    const max = c.weights.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
    const scale = max > 0 ? max / 127 : 1;
    clusterScale[i] = Number(scale.toPrecision(6));
    c.index.forEach((t, k) => {
      clusterTerms[at + k] = t;
      clusterWeights[at + k] = Math.max(-127, Math.min(127, Math.round(c.weights[k]! / scale)));
    });
    at += c.index.length;
  });
  const figures = new Float32Array(model.topics.flatMap((t) => [t.threshold, t.background, t.typical]));
  const quantileCounts = Uint8Array.from(model.topics, (t) => {
    if (t.quantiles.length > 0xff) throw new Error(`taxonomy model: topic ${t.id} has more quantiles than a uint8 counts`);
    return t.quantiles.length;
  });
  const quantiles = new Float32Array(model.topics.flatMap((t) => t.quantiles));
  const broad = Uint8Array.from(model.topics, (t) => (t.broad ? 1 : 0));
  const header: TaxonomyFileHeader = {
    format: 'paperscope-taxonomy-model',
    trainedOn: model.trainedOn,
    papers: model.papers,
    terms: model.terms.length,
    termBytes: terms.length,
    entries,
    wideTerms,
    quantiles: quantiles.length,
    topics: topicIds,
    clusterCategories: model.clusters.map((c) => c.category),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const sections = [idf, terms, clusterTopic, clusterScale, clusterLength, clusterTerms, clusterWeights, figures, quantileCounts, quantiles, broad].map(bytesOf);
  let size = align8(12 + json.length);
  for (const s of sections) size = align8(size + s.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, TAXONOMY_FILE_MAGIC, true);
  view.setUint32(4, TAXONOMY_FILE_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let offset = align8(12 + json.length);
  for (const s of sections) {
    out.set(s, offset);
    offset = align8(offset + s.length);
  }
  return out;
}
