// A catalogue with its updates on top, read as one: the base as installed, then each layer added since (built against
// the catalogue below it, so vectors, topics and categories mean the same in all). Papers are numbered base first, then
// each layer's in turn; a layer's paper whose key is already below hides that older paper (the newer record wins).
import { CatalogueError, NONE16, type CatalogueData, type CatalogueHeader, type CatalogueView, type LookedUpSection } from './artifact.ts';
import { hashBytes } from '../hash.ts';
import type { CataloguePaper, TopicTag } from '../paper.ts';
import { view } from './packed.ts';

/** The section of a layer that lists the papers below it that it replaces (their numbers in the catalogue below). */
export const SUPERSEDES_SECTION = 'supersedes';

const encoder = new TextEncoder();

/** The version of a catalogue with one more layer: it names the whole stack, so caches keyed by it start afresh. */
export function layeredVersion(below: string, layer: string): string {
  return hashBytes(encoder.encode(`${below}+${layer}`));
}

type LineName = Parameters<CatalogueData['lines']>[0];
/** Per-paper line sections: a hidden paper reads as '' in them, so no search, title match or list finds it. */
const PER_PAPER_LINES: ReadonlySet<LineName> = new Set(['keys', 'titles', 'normTitles', 'authors', 'dois', 'abstracts']);

/** What must be equal between a layer and the catalogue below it for their papers to be read as one catalogue. */
function layerProblem(below: CatalogueHeader, belowVersion: string, layer: CatalogueHeader): string | undefined {
  if (layer.layerOf !== belowVersion) return `it is an update of catalogue ${layer.layerOf ?? '(none)'}, not of ${belowVersion}`;
  for (const field of ['vocabularySize', 'vectorTerms', 'topicsPerPaper', 'categoriesPerPaper', 'quantization'] as const) {
    if (layer[field] !== below[field]) return `its ${field} differs from the catalogue below`;
  }
  if (layer.topics.length !== below.topics.length || layer.topics.some((t, i) => t.id !== below.topics[i]!.id)) return 'its topic table differs';
  if (below.categories.some((c, i) => layer.categories[i] !== c)) return 'its category table does not extend the one below';
  return undefined;
}

/** Joins equal-typed arrays, one per part. */
function joined<T extends Uint8Array | Uint16Array | Float32Array>(Type: new (length: number) => T, parts: readonly T[]): T {
  const out = new Type(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class LayeredCatalogue implements CatalogueView {
  readonly header: CatalogueHeader;
  readonly paperCount: number;
  readonly version: string;
  readonly years: Uint16Array;
  readonly categoryIds: Uint16Array;
  readonly categoryPredicted: Uint8Array | undefined;
  readonly topicIds: Uint16Array;
  readonly topicConfidence: Uint8Array;
  /** Papers a later layer replaced: they keep their numbers but nothing finds them. */
  readonly hiddenCount: number;
  /**
   * The stack's versions below the top, lowest first, with their paper counts: work done over one of them (a re-tag)
   * still holds for its papers here, which keep their numbers.
   */
  readonly earlier: ReadonlyArray<{ version: string; paperCount: number }>;
  /** Where each part's papers start; the last entry is paperCount. */
  private readonly starts: number[];
  private readonly hidden: Uint8Array;
  private readonly lineCache = new Map<LineName, string[]>();
  private vectorScalesJoined: Float32Array | undefined;
  private fixedVectors: { ids: Uint16Array; weights: Uint8Array } | undefined;

  /** `parts`: the base, then its layers in the order they were added; throws CatalogueError when they do not stack. */
  constructor(readonly parts: readonly CatalogueData[]) {
    if (parts.length === 0) throw new CatalogueError('A catalogue needs at least its base.');
    const starts = [0];
    const earlier: Array<{ version: string; paperCount: number }> = [];
    let version = parts[0]!.version;
    for (let l = 1; l < parts.length; l++) {
      earlier.push({ version, paperCount: starts[l - 1]! + parts[l - 1]!.paperCount });
      const problem = layerProblem(parts[l - 1]!.header, version, parts[l]!.header);
      if (problem) throw new CatalogueError(`This catalogue update does not fit the catalogue installed: ${problem}.`);
      starts.push(earlier[l - 1]!.paperCount);
      version = layeredVersion(version, parts[l]!.version);
    }
    const total = starts[parts.length - 1]! + parts[parts.length - 1]!.paperCount;
    starts.push(total);
    this.starts = starts;
    this.earlier = earlier;
    this.version = version;
    this.paperCount = total;
    this.hidden = new Uint8Array(total);
    let hiddenCount = 0;
    parts.forEach((part, l) => {
      if (l === 0 || !part.header.sections.some((info) => info.name === SUPERSEDES_SECTION)) return;
      const replaced = view(part.sectionBytes(SUPERSEDES_SECTION), Uint32Array);
      for (const i of replaced) {
        if (i >= starts[l]!) throw new CatalogueError(`This catalogue update is damaged: it replaces paper ${i}, past the ${starts[l]} below it.`);
        if (!this.hidden[i]) hiddenCount++;
        this.hidden[i] = 1;
      }
    });
    this.hiddenCount = hiddenCount;
    const top = parts[parts.length - 1]!.header;
    const base = parts[0]!.header;
    const newest =
      parts
        .map((p) => p.header.newestPaperDate ?? '')
        .sort()
        .at(-1) ?? ''; // ISO dates sort as strings
    const anyPredicted = parts.some((p) => p.categoryPredicted !== undefined);
    this.header = {
      ...top,
      version,
      source: parts.length === 1 ? base.source : `${base.source} + ${parts.length - 1} update${parts.length > 2 ? 's' : ''}`,
      paperCount: total,
      hasAbstracts: parts.every((p) => p.header.hasAbstracts),
      ...(anyPredicted ? { predictedCategories: true } : {}),
      ...(parts.some((p) => p.header.hasPmids) ? { hasPmids: true } : {}),
      ...(newest ? { newestPaperDate: newest } : {}),
      sections: base.sections,
    };
    delete this.header.layerOf;
    this.years = joined(
      Uint16Array,
      parts.map((p) => p.years),
    );
    this.categoryIds = joined(
      Uint16Array,
      parts.map((p) => p.categoryIds),
    );
    this.categoryPredicted = anyPredicted
      ? joined(
          Uint8Array,
          parts.map((p) => p.categoryPredicted ?? new Uint8Array(p.paperCount)),
        )
      : undefined;
    this.topicIds = joined(
      Uint16Array,
      parts.map((p) => p.topicIds),
    );
    this.topicConfidence = joined(
      Uint8Array,
      parts.map((p) => p.topicConfidence),
    );
    // A hidden paper votes for no category and carries no topic.
    const { categoriesPerPaper: cats, topicsPerPaper: tops } = this.header;
    for (let i = 0; i < total; i++) {
      if (!this.hidden[i]) continue;
      this.categoryIds.fill(NONE16, i * cats, (i + 1) * cats);
      this.topicIds.fill(NONE16, i * tops, (i + 1) * tops);
    }
  }

  /** Whether a later layer replaced paper i. */
  isHidden(i: number): boolean {
    return this.hidden[i] === 1;
  }

  /** The part paper i is in, and its number there. */
  private locate(i: number): [CatalogueData, number] {
    let l = this.parts.length - 1;
    while (l > 0 && i < this.starts[l]!) l--;
    return [this.parts[l]!, i - this.starts[l]!];
  }

  async ensureSections(names: readonly string[]): Promise<void> {
    await Promise.all(this.parts.map((p) => p.ensureSections(names)));
  }

  /** Every section some part holds. */
  get sectionNames(): string[] {
    return [...new Set(this.parts.flatMap((p) => p.sectionNames))];
  }

  /** Checks each part's contents against its version. */
  verify(): void {
    for (const part of this.parts) part.verify();
  }

  isLoaded(name: string): boolean {
    return this.parts.every((p) => p.isLoaded(name) || !p.sectionNames.includes(name));
  }

  /** The vocabulary is the base's in every layer. */
  get idf(): Float32Array {
    return this.parts[0]!.idf;
  }

  get vectorScales(): Float32Array {
    this.vectorScalesJoined ??= joined(
      Float32Array,
      this.parts.map((p) => p.vectorScales),
    );
    return this.vectorScalesJoined;
  }

  /** Every paper's vector in fixed slots (a hidden paper's empty), each part expanded straight into the one array. */
  private fixed(): { ids: Uint16Array; weights: Uint8Array } {
    if (this.fixedVectors) return this.fixedVectors;
    const K = this.header.vectorTerms;
    const ids = new Uint16Array(this.paperCount * K).fill(NONE16);
    const weights = new Uint8Array(this.paperCount * K);
    this.parts.forEach((p, l) => p.expandVectorsInto(ids, weights, this.starts[l]! * K));
    for (let i = 0; i < this.paperCount; i++) if (this.hidden[i]) ids.fill(NONE16, i * K, (i + 1) * K);
    this.fixedVectors = { ids, weights };
    return this.fixedVectors;
  }

  get vectorIds(): Uint16Array {
    return this.fixed().ids;
  }

  get vectorWeights(): Uint8Array {
    return this.fixed().weights;
  }

  vectorOf(i: number): { ids: Uint16Array; weights: Uint8Array } {
    if (this.hidden[i]) return { ids: new Uint16Array(0), weights: new Uint8Array(0) };
    const [part, j] = this.locate(i);
    return part.vectorOf(j);
  }

  /** Papers whose key, normalized title, DOI or PubMed id is `value`: the newest layer's first, hidden ones left out. */
  find(name: LookedUpSection, value: string): number[] {
    const found: number[] = [];
    for (let l = this.parts.length - 1; l >= 0; l--) {
      for (const j of this.parts[l]!.find(name, value)) if (!this.hidden[this.starts[l]! + j]) found.push(this.starts[l]! + j);
    }
    return found;
  }

  lineOf(name: LookedUpSection, i: number): string {
    const [part, j] = this.locate(i);
    return part.lineOf(name, j);
  }

  lineAt(name: 'titles' | 'authors', i: number): string {
    const [part, j] = this.locate(i);
    return part.lineAt(name, j);
  }

  titleOf(i: number): string {
    const [part, j] = this.locate(i);
    return part.titleOf(j);
  }

  /** Per-paper lines joined over the parts (a hidden paper's ''); the vocabulary's and dictionary's are the base's. */
  lines(name: LineName): string[] {
    if (!PER_PAPER_LINES.has(name)) return this.parts[0]!.lines(name);
    let lines = this.lineCache.get(name);
    if (!lines) {
      lines = [];
      for (const part of this.parts) {
        const own = name === 'abstracts' && !part.header.hasAbstracts ? new Array<string>(part.paperCount).fill('') : part.lines(name);
        for (const line of own) lines.push(line);
      }
      for (let i = 0; i < lines.length; i++) if (this.hidden[i]) lines[i] = '';
      this.lineCache.set(name, lines);
    }
    return lines;
  }

  tagsOf(i: number): TopicTag[] {
    const [part, j] = this.locate(i);
    return part.tagsOf(j);
  }

  predictedShare(i: number): number {
    return (this.categoryPredicted?.[i] ?? 0) / 255;
  }

  categoriesOf(i: number): string[] {
    const [part, j] = this.locate(i);
    return part.categoriesOf(j);
  }

  paper(i: number): CataloguePaper {
    const [part, j] = this.locate(i);
    return part.paper(j);
  }
}

/** Below this many papers a catalogue is rebuilt whole when papers are added: it takes a second or two anyway. */
export const MIN_LAYERED_BASE = 10_000;
/** Layers together may hold up to this share of the base's papers; past it, adding papers rebuilds all (compaction). */
export const MAX_LAYERED_SHARE = 0.25;
/** And at most this many layers, so a wake reads a bounded number of headers. */
export const MAX_LAYERS = 12;

/**
 * Whether `added` papers go on top of this catalogue as an update layer (time in proportion to them) rather than
 * into a rebuild of the whole catalogue with them, which folds its layers into one base again.
 */
export function addsAsLayer(current: CatalogueView, added: number, minBase = MIN_LAYERED_BASE): boolean {
  const parts = current instanceof LayeredCatalogue ? current.parts : [current];
  const basePapers = parts[0]!.paperCount;
  const layered = current.paperCount - basePapers + added;
  return basePapers >= minBase && parts.length - 1 < MAX_LAYERS && layered <= basePapers * MAX_LAYERED_SHARE;
}
