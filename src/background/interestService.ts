// The reader's interest model in the worker: learned from the saved library (with the user's own tags) over the installed
// catalogue when a page first needs it, learned again in the background once the library, a tag or the catalogue has
// changed, and used to score a page's rows (core/personal/interestModel.ts).
import type { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { TEXT_SECTIONS, VECTOR_SECTIONS } from '../core/catalogue/sectionGroups.ts';
import { type InterestModel, type LibraryPaper, learnInterests, MIN_LIBRARY_PAPERS } from '../core/personal/interestModel.ts';
import type { PaperRef } from '../core/paper.ts';
import type { SparseVector } from '../core/related/relatedIndex.ts';
import type { SavedRecord, UserDatabase } from '../db/database.ts';
import type { InterestStatus, RowRelevance } from '../messaging/shapes.ts';
import type { CatalogueService } from './catalogueService.ts';

/** A change waits this long for the next (saving several papers in a row learns once). */
export const RETRAIN_DELAY_MS = 500;
/** The most recently saved papers learned from: a 3,500-paper restore must not hold up a page for seconds. */
export const LIBRARY_LEARNED_MAX = 1000;
/** Rows whose vectors are kept between requests (a rescan, a retrain's rescan); about 1 KB each. */
const VECTOR_MEMO_MAX = 5000;

const RETRAIN_MEASURE = 'paperscope:learnInterests';
const SCORE_MEASURE = 'paperscope:scoreRows';
const MEASURES_KEPT = 500;

interface Learned {
  catalogue: CatalogueIndex;
  /** The model, or undefined when the library is too small (`papers` of `MIN_LIBRARY_PAPERS`). */
  model: InterestModel | undefined;
  papers: number;
}

/** A saved record as the model learns from it: what the page showed, with the user's own tags. */
export function libraryPaperOf(record: SavedRecord): LibraryPaper {
  const ref: PaperRef = record.ref ?? { key: record.key, title: record.title, authors: record.authors };
  return { ...ref, key: record.key, tags: record.userTags ?? [] };
}

/** A row's vector, with the lengths of the text it was made from. */
interface KeptVector {
  vector: SparseVector;
  titleLength: number;
  abstractLength: number;
}

function measure(name: string, started: number): void {
  if (performance.getEntriesByName(name).length >= MEASURES_KEPT) performance.clearMeasures(name);
  performance.measure(name, { start: started });
}

export class InterestService {
  private learned: Promise<Learned> | undefined;
  /** The library changed since the model was learned: the next need (or the timer) learns again. */
  private stale = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The next retrain tells tabs to ask again even without a model. */
  private tellPages = false;
  /** Row vectors by paper key, for one catalogue (its vocabulary). */
  private vectors = { catalogue: undefined as CatalogueIndex | undefined, byKey: new Map<string, KeptVector>() };

  constructor(
    private readonly db: UserDatabase,
    private readonly catalogue: Pick<CatalogueService, 'index'>,
    /** A background retrain changed what pages are told (a model came, went or was replaced): tabs ask again. */
    private readonly retrained: () => Promise<void> | void = () => undefined,
    private readonly delayMs = RETRAIN_DELAY_MS,
  ) {}

  /** The model for the catalogue in use: learned on first need, and again when the catalogue or the library changed. */
  private async current(): Promise<Learned> {
    const catalogue = await this.catalogue.index();
    const learned = this.learned && !this.stale ? await this.learned.catch(() => undefined) : undefined;
    if (learned && learned.catalogue === catalogue) return learned;
    return this.learn();
  }

  private learn(): Promise<Learned> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stale = false;
    const learning = (async () => {
      const catalogue = await this.catalogue.index();
      const records = await this.db.savedPapers.orderBy('savedAt').reverse().limit(LIBRARY_LEARNED_MAX).toArray();
      // Learning reads the catalogue's vectors and authors (and titles, to match saved papers); a library too small to
      // learn from reads none of them, so a woken worker's first match does not load them.
      if (records.length >= MIN_LIBRARY_PAPERS) await catalogue.ensureSections([...VECTOR_SECTIONS, ...TEXT_SECTIONS]);
      const started = performance.now();
      const result = learnInterests(catalogue, records.map(libraryPaperOf));
      if (result.ok) measure(RETRAIN_MEASURE, started);
      return { catalogue, model: result.ok ? result.model : undefined, papers: records.length };
    })();
    this.learned = learning;
    // A failed read (a full disk) is tried again at the next need.
    learning.catch(() => {
      if (this.learned === learning) this.learned = undefined;
    });
    return learning;
  }

  /**
   * The library or a user tag changed (or the catalogue was replaced): a model learned in this worker's life is learned
   * again after a quiet moment, and tabs are told when what they show may differ. No model yet: the next need learns.
   */
  changed({ shownOnPages = false } = {}): void {
    // A change pages show besides the ranking (the feed bar's user tags): tabs are told after the retrain, model or not.
    if (shownOnPages) this.tellPages = true;
    if (!this.learned && !this.tellPages) return;
    this.stale = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.retrain(), this.delayMs);
  }

  private async retrain(): Promise<void> {
    const before = await this.learned?.catch(() => undefined);
    const tellPages = this.tellPages;
    this.tellPages = false;
    try {
      const after = await this.learn();
      if (tellPages || before?.model || after.model) await this.retrained();
    } catch (error) {
      console.warn('paperscope: learning the reader’s interests failed', error);
    }
  }

  /** Waits for a retrain that is due (tests, and the popup's status: it says what the next page will be told). */
  async status(): Promise<InterestStatus> {
    const { model, papers } = await this.current();
    return model ? { ranking: true, papers, needed: MIN_LIBRARY_PAPERS, tags: model.modelledTags } : { ranking: false, papers, needed: MIN_LIBRARY_PAPERS, tags: [] };
  }

  /**
   * Each row's relevance, in order, or undefined while the library is too small (or the model cannot be learned).
   * `known` is each row's catalogue index (as matching found it).
   */
  async relevanceOf(catalogue: CatalogueIndex, refs: readonly PaperRef[], known: readonly number[]): Promise<RowRelevance[] | undefined> {
    let learned: Learned;
    try {
      learned = await this.current();
    } catch (error) {
      console.warn('paperscope: learning the reader’s interests failed', error);
      return undefined;
    }
    // A catalogue replaced meanwhile: the next request scores with the new one.
    if (!learned.model || learned.catalogue !== catalogue) return undefined;
    const started = performance.now();
    const vectors = refs.map((ref, i) => this.vectorOf(catalogue, ref, known[i]!));
    const scored = learned.model.score(refs, vectors, known, 'forYou').map(({ level, relevance, reasons }) => ({ level, relevance, reasons }));
    measure(SCORE_MEASURE, started);
    return scored;
  }

  /** A row's tf-idf vector: the catalogue's packed one when it holds the paper, else its text's, kept by key. */
  private vectorOf(catalogue: CatalogueIndex, ref: PaperRef, known: number): SparseVector {
    if (known >= 0) return catalogue.vectorOf(known);
    if (this.vectors.catalogue !== catalogue) this.vectors = { catalogue, byKey: new Map() };
    const memo = this.vectors.byKey;
    const titleLength = ref.title.length;
    const abstractLength = ref.abstract?.length ?? 0;
    const kept = memo.get(ref.key);
    // One paper may show more text on another page (a listing without its abstract, then its own page).
    if (kept && kept.titleLength === titleLength && kept.abstractLength === abstractLength) return kept.vector;
    const vector = catalogue.vectorFor(ref, known);
    if (!kept && memo.size >= VECTOR_MEMO_MAX) memo.delete(memo.keys().next().value!);
    memo.set(ref.key, { vector, titleLength, abstractLength });
    return vector;
  }
}
