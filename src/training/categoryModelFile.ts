// Writing assets/models/categories.bin: the compact binary form of the pruned int8 category model, in the layout
// src/core/categories/categoryModel.ts reads (decodeCategoryLinear), with the hidden-layer network when the model has
// one. Same model, same bytes.
import {
  align4,
  CATEGORY_FILE_MAGIC,
  CATEGORY_FILE_VERSION,
  IDF_STEPS,
  SparseLinearModel,
  type CategoryFileHeader,
  type CategoryLinear,
} from '../core/categories/categoryModel.ts';
import { CategoryNetwork, MixedProbabilities, packNibbles } from '../core/categories/categoryNetwork.ts';

/** idf as the file stores it (the shipped model uses exactly these values, so reading it back changes nothing). */
export function storedIdf(idf: Float32Array): Float32Array {
  return Float32Array.from(idf, (x) => {
    const q = Math.round(x * IDF_STEPS);
    if (q < 0 || q > 0xffff) throw new Error('category model: idf out of range');
    return q / IDF_STEPS;
  });
}

const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function emptyLinear(network: CategoryNetwork): SparseLinearModel {
  const C = network.classes.length;
  return new SparseLinearModel(
    network.classes,
    network.features,
    'softmax',
    new Float32Array(C),
    new Float32Array(C).fill(1),
    new Uint32Array(network.features + 1),
    new Uint8Array(0),
    new Int8Array(0),
  );
}

/** The compact binary form of a sparse (shipped) category model, with its network when it has one. */
export function encodeCategoryLinear(model: CategoryLinear): Uint8Array {
  const mixed = model.model instanceof MixedProbabilities ? model.model : undefined;
  const alone = model.model instanceof CategoryNetwork ? model.model : undefined;
  // A network alone is written with an empty linear model, so the vocabulary and idf keep their places.
  const m = alone ? emptyLinear(alone) : mixed ? mixed.second : model.model;
  const network = alone ?? mixed?.first;
  if (!(m instanceof SparseLinearModel)) throw new Error('only a pruned, quantized model is written');
  if (network && !(network instanceof CategoryNetwork)) throw new Error('only a quantized network is written');
  if (network && model.info.network?.share !== (mixed?.share ?? 1)) throw new Error('the model info does not record the network share');
  const C = m.classes.length;
  const wideCounts = C > 255;
  const counts = wideCounts ? new Uint16Array(m.features) : new Uint8Array(m.features);
  for (let f = 0; f < m.features; f++) counts[f] = m.starts[f + 1]! - m.starts[f]!;
  // The vocabulary as words and pairs of word numbers: bigrams share their words.
  const wordId = new Map<string, number>();
  const idOf = (w: string) => {
    let id = wordId.get(w);
    if (id === undefined) wordId.set(w, (id = wordId.size));
    return id;
  };
  const pairs = model.vectorizer.terms.map((t) => t.split(' ').map(idOf));
  const wideWords = wordId.size >= 0xffff;
  const NO_WORD = wideWords ? 0xffffffff : 0xffff;
  const termWords = wideWords ? new Uint32Array(2 * pairs.length) : new Uint16Array(2 * pairs.length);
  pairs.forEach((ids, f) => {
    termWords[2 * f] = ids[0]!;
    termWords[2 * f + 1] = ids.length > 1 ? ids[1]! : NO_WORD;
  });
  const words = new TextEncoder().encode([...wordId.keys()].join('\n'));
  const idf = Uint16Array.from(model.vectorizer.idf, (x) => Math.round(x * IDF_STEPS));
  const header: CategoryFileHeader = {
    format: 'paperscope-category-linear',
    classes: [...m.classes],
    features: m.features,
    entries: m.entries,
    wide: { counts: wideCounts, categories: !(m.categories instanceof Uint8Array), words: wideWords },
    words: wordId.size,
    wordBytes: words.length,
    loss: m.loss,
    info: model.info,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const sections = [idf, m.bias, m.scale, counts, m.categories, m.weights, words, termWords].map(bytesOf);
  if (network instanceof CategoryNetwork) {
    const inputWeights = model.info.network!.inputBits === 4 ? packNibbles(network.inputWeights) : network.inputWeights;
    sections.push(...[network.inputScale, inputWeights, network.hiddenBias, network.outputWeights, network.outputBias].map(bytesOf));
  }
  let size = align4(12 + json.length);
  for (const s of sections) size = align4(size + s.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, CATEGORY_FILE_MAGIC, true);
  view.setUint32(4, network ? CATEGORY_FILE_VERSION : 1, true); // a linear model alone is still written as version 1
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = align4(12 + json.length);
  for (const s of sections) {
    out.set(s, at);
    at = align4(at + s.length);
  }
  return out;
}
