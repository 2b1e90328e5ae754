// Reading assets/models/topics.bin, the taxonomy model as the extension and the CLI ship it: typed arrays read as they
// lie (no text to parse but the term list), so a woken worker decodes it in a few milliseconds. Written by
// src/training/taxonomyModelFile.ts.
import type { TaxonomyModelContents } from './taxonomyModel.ts';

export const TAXONOMY_FILE_MAGIC = 0x4d545350; // "PSTM" little-endian
export const TAXONOMY_FILE_VERSION = 1;
/** idf is stored in thousandths (uint16). */
export const TAXONOMY_IDF_STEPS = 1000;

/**
 * The file's JSON header: the counts of every section and the names (topic ids, cluster categories); numbers are in
 * the sections that follow it, in this order, each starting on a multiple of 8 bytes:
 * idf (uint16 × terms), terms (UTF-8, one a line), cluster topic (uint16 × clusters), cluster scale (float64 × clusters),
 * cluster length (uint32 × clusters), cluster terms (uint16, or uint32 when `wideTerms`, × entries, ascending within a
 * cluster), cluster weights (int8 × entries; weight = int8 × scale), topic figures (float32 × 3 × topics: threshold,
 * background, typical), quantile counts (uint8 × topics), quantiles (float32 × their sum), broad (uint8 × topics).
 */
export interface TaxonomyFileHeader {
  format: 'paperscope-taxonomy-model';
  trainedOn: string;
  papers: number;
  terms: number;
  termBytes: number;
  entries: number;
  wideTerms: boolean;
  quantiles: number;
  topics: string[];
  clusterCategories: string[];
}

/** Sections start on multiples of 8 bytes, so each can be read as its typed array. */
export const align8 = (n: number) => (n + 7) & ~7;

/** The model in a topics.bin file; throws, naming what is wrong, on a file that is not one, truncated or inconsistent. */
export function decodeTaxonomyModel(bytes: Uint8Array): TaxonomyModelContents {
  const fail = (what: string): never => {
    throw new Error(`taxonomy model file: ${what}`);
  };
  if (bytes.length < 12) fail('too short to be a model (truncated?)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== TAXONOMY_FILE_MAGIC) fail('not a Paperscope taxonomy model');
  const version = view.getUint32(4, true);
  if (version !== TAXONOMY_FILE_VERSION) fail(`format version ${version}, this build reads ${TAXONOMY_FILE_VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) fail('truncated in its header');
  let header: TaxonomyFileHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as TaxonomyFileHeader;
  } catch {
    return fail('its header is not JSON');
  }
  if (header?.format !== 'paperscope-taxonomy-model') fail('unknown format in its header');
  const T = header.terms;
  const K = header.topics.length;
  const C = header.clusterCategories.length;
  const E = header.entries;
  let at = align8(12 + headerLength);
  const take = (length: number, what: string): ArrayBuffer => {
    if (at + length > bytes.length) fail(`truncated in its ${what}`);
    const copy = bytes.slice(at, at + length).buffer; // an aligned copy, whatever the input's offset
    at = align8(at + length);
    return copy;
  };
  const idfSteps = new Uint16Array(take(T * 2, 'idf'));
  const termText = new TextDecoder().decode(take(header.termBytes, 'terms'));
  const clusterTopic = new Uint16Array(take(C * 2, 'cluster topics'));
  const clusterScale = new Float64Array(take(C * 8, 'cluster scales'));
  const clusterLength = new Uint32Array(take(C * 4, 'cluster lengths'));
  const clusterTerms = header.wideTerms ? new Uint32Array(take(E * 4, 'cluster terms')) : new Uint16Array(take(E * 2, 'cluster terms'));
  const clusterWeights = new Int8Array(take(E, 'cluster weights'));
  const figures = new Float32Array(take(K * 12, 'topic figures'));
  const quantileCounts = new Uint8Array(take(K, 'quantile counts'));
  const quantiles = new Float32Array(take(header.quantiles * 4, 'quantiles'));
  const broad = new Uint8Array(take(K, 'broad flags'));
  if (at < bytes.length) fail(`${bytes.length - at} bytes after its last section`);

  const terms = termText ? termText.split('\n') : [];
  if (terms.length !== T) fail(`${terms.length} terms where its header says ${T}`);
  const idf = Float32Array.from(idfSteps, (q) => q / TAXONOMY_IDF_STEPS);
  let entry = 0;
  const clusters = Array.from({ length: C }, (_, c) => {
    const topic = clusterTopic[c]!;
    if (topic >= K) fail(`cluster ${c} names topic ${topic} of ${K}`);
    const length = clusterLength[c]!;
    if (entry + length > E) fail('its cluster lengths add up to more terms than it holds');
    const index = Uint32Array.from(clusterTerms.subarray(entry, entry + length));
    const weights = new Float32Array(length);
    const scale = clusterScale[c]!;
    for (let k = 0; k < length; k++) {
      if (index[k]! >= T || (k > 0 && index[k]! <= index[k - 1]!)) fail(`cluster ${c} has term ${index[k]} out of order or of range (${T} terms)`);
      weights[k] = clusterWeights[entry + k]! * scale;
    }
    entry += length;
    return { topic: header.topics[topic]!, category: header.clusterCategories[c]!, index, weights };
  });
  if (entry !== E) fail('its cluster lengths do not add up to its terms');
  let q = 0;
  const topics = header.topics.map((id, k) => {
    const count = quantileCounts[k]!;
    const [threshold, background, typical] = [figures[3 * k]!, figures[3 * k + 1]!, figures[3 * k + 2]!];
    if (count < 2 || q + count > quantiles.length || !(typical > background)) fail(`topic ${id} has no score distribution`);
    const own = Array.from(quantiles.subarray(q, q + count));
    q += count;
    return { id, ...(broad[k] ? { broad: true as const } : {}), threshold, background, typical, quantiles: own };
  });
  if (q !== quantiles.length) fail('its quantile counts do not add up');
  return { trainedOn: header.trainedOn, papers: header.papers, terms, idf, clusters, topics };
}
