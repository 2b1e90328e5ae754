// Catalogue papers' topics under the user's edited taxonomy: re-tagged in slices, stored beside the catalogue, read by the index.
import { NONE16, type CatalogueView } from '../catalogue/artifact.ts';
import type { TopicTag } from '../paper.ts';
import { TOPICS, type TopicDefinition } from './taxonomy.ts';
import { currentTopicId, type EffectiveTaxonomy } from './editedTaxonomy.ts';
import { tagPaper } from './tagger.ts';

/** Every catalogue paper's topics under one taxonomy revision (the catalogue's own layout: fixed slots, NONE16 unused). */
export interface TopicOverlay {
  catalogueVersion: string;
  /** `taggingRevision` of the taxonomy the papers were tagged with. */
  revision: string;
  /** Slot value → topic id. */
  topicIds: string[];
  perPaper: number;
  ids: Uint16Array;
  /** Confidence × 255, parallel to `ids`. */
  confidence: Uint8Array;
  /** Papers whose topics are not the catalogue's own any more. */
  changed: number;
  /**
   * Papers re-tagged, the first `done` of the catalogue, when a re-tag was stopped before the end; left out, all of them.
   * The others show the catalogue's own topics (renamed and merged) until the re-tag resumes from here.
   */
  done?: number;
}

/** How many of the catalogue's papers `overlay` re-tagged. */
export function overlayDone(overlay: TopicOverlay): number {
  return overlay.done ?? overlay.ids.length / Math.max(1, overlay.perPaper);
}

/**
 * A re-tag of a catalogue as a partial re-tag of the same catalogue grown by update layers to `paperCount` papers (its
 * papers keep their numbers): the papers it did keep their topics, the new ones are left to a resumed re-tag.
 */
export function grownOverlay(overlay: TopicOverlay, catalogueVersion: string, paperCount: number): TopicOverlay {
  const slots = paperCount * overlay.perPaper;
  const ids = new Uint16Array(slots).fill(NONE16);
  const confidence = new Uint8Array(slots);
  ids.set(overlay.ids.subarray(0, slots));
  confidence.set(overlay.confidence.subarray(0, slots));
  return { ...overlay, catalogueVersion, ids, confidence, done: Math.min(overlayDone(overlay), paperCount) };
}

/** Topic tags of a paper without its category facet, as (id, confidence × 255) pairs. */
type Slots = Array<[string, number]>;

const topicSlots = (tags: TopicTag[]): Slots => tags.filter((t) => t.facet === 'topic').map((t) => [t.id, Math.round(t.confidence * 255)]);
const sameSlots = (a: Slots, b: Slots) => a.length === b.length && a.every(([id, c], k) => b[k]![0] === id && b[k]![1] === c);

/**
 * Re-tags every paper of a catalogue with an edited taxonomy, a slice at a time (`step`), so a worker stays responsive.
 *
 * Text: title and abstract when the catalogue stores abstracts, else the title and the paper's packed terms. A paper the
 * edits do not touch (the edited and the built-in taxonomy tag its text alike, and none of its topics was merged or
 * removed) keeps the topics the catalogue was built with, which came from the full abstract: an edit changes only the
 * papers it is about.
 */
export class CatalogueRetagger {
  private next = 0;
  private changed = 0;
  private readonly ids: Uint16Array;
  private readonly confidence: Uint8Array;
  private readonly slotOf = new Map<string, number>();
  private readonly perPaper: number;
  private readonly titles: string[];
  private readonly abstracts: string[] | undefined;
  private readonly terms: string[] | undefined;

  constructor(
    private readonly data: CatalogueView,
    private readonly taxonomy: EffectiveTaxonomy,
    private readonly revision: string,
    private readonly builtIn: readonly TopicDefinition[] = TOPICS,
  ) {
    this.perPaper = data.header.topicsPerPaper;
    this.ids = new Uint16Array(data.paperCount * this.perPaper).fill(NONE16);
    this.confidence = new Uint8Array(data.paperCount * this.perPaper);
    taxonomy.topics.forEach((t, i) => this.slotOf.set(t.id, i));
    this.titles = data.lines('titles');
    if (data.header.hasAbstracts) this.abstracts = data.lines('abstracts');
    else this.terms = data.lines('terms');
  }

  get done(): number {
    return this.next;
  }

  /** Goes on from where a stopped re-tag of the same catalogue and revision left off (its partial()); false if it does not fit. */
  resumeFrom(partial: TopicOverlay): boolean {
    const done = overlayDone(partial);
    const fits =
      partial.catalogueVersion === this.data.version &&
      partial.revision === this.revision &&
      partial.perPaper === this.perPaper &&
      partial.ids.length === this.ids.length &&
      partial.confidence.length === this.confidence.length &&
      Number.isInteger(done) &&
      done >= 0 &&
      done <= this.data.paperCount &&
      partial.topicIds.length === this.taxonomy.topics.length &&
      partial.topicIds.every((id, i) => this.taxonomy.topics[i]!.id === id);
    if (!fits) return false;
    this.ids.set(partial.ids);
    this.confidence.set(partial.confidence);
    this.changed = partial.changed;
    this.next = done;
    return true;
  }

  get total(): number {
    return this.data.paperCount;
  }

  /** Re-tags papers until `budgetMs` have passed (at least one paper); true once every paper is done. */
  step(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    const n = this.data.paperCount;
    // The clock is read after every paper: reading it costs far less than tagging one.
    while (this.next < n) {
      this.retag(this.next++);
      if (performance.now() >= until) break;
    }
    return this.next >= n;
  }

  /** Runs to the end in one go (the CLI and tests). */
  run(): TopicOverlay {
    while (!this.step(1000));
    return this.result();
  }

  result(): TopicOverlay {
    if (this.next < this.data.paperCount) throw new Error('re-tagging is not finished');
    return this.overlay();
  }

  /** What is re-tagged so far (the first `done` papers), to keep when the user stops the re-tag. */
  partial(): TopicOverlay {
    return { ...this.overlay(), ids: this.ids.slice(), confidence: this.confidence.slice(), done: this.next };
  }

  private overlay(): TopicOverlay {
    return {
      catalogueVersion: this.data.version,
      revision: this.revision,
      topicIds: this.taxonomy.topics.map((t) => t.id),
      perPaper: this.perPaper,
      ids: this.ids,
      confidence: this.confidence,
      changed: this.changed,
    };
  }

  private textOf(i: number): { title: string; abstract: string } {
    if (this.abstracts) return { title: this.titles[i]!, abstract: this.abstracts[i]! };
    const words: string[] = [];
    for (const t of this.data.vectorOf(i).ids) if (t < this.terms!.length) words.push(this.terms![t]!);
    // Commas keep the terms apart for a reader; the tagger reads words, so a phrase may still span two terms (rare).
    return { title: this.titles[i]!, abstract: words.join(', ') };
  }

  private retag(i: number): void {
    const built = topicSlots(this.data.tagsOf(i));
    const text = this.textOf(i);
    const edited = topicSlots(tagPaper(text, this.taxonomy.topics));
    let final = edited;
    // Tagging the text with the built-in taxonomy too is needed only when the two answers differ.
    if (!sameSlots(edited, built) && built.every(([id]) => currentTopicId(this.taxonomy, id) === id && this.slotOf.has(id))) {
      if (sameSlots(edited, topicSlots(tagPaper(text, this.builtIn)))) final = built;
    }
    if (!sameSlots(final, built)) this.changed++;
    final.slice(0, this.perPaper).forEach(([id, c], k) => {
      this.ids[i * this.perPaper + k] = this.slotOf.get(id)!;
      this.confidence[i * this.perPaper + k] = c;
    });
  }
}

/**
 * Catalogue papers' tags under the user's taxonomy: from a finished overlay when there is one for this catalogue and
 * revision, else the catalogue's own topics with merged ones renamed to what they merged into and removed ones dropped
 * (what is shown while a re-tag runs). Labels always come from the taxonomy, so a rename shows at once.
 */
export class TaxonomyTags {
  private readonly labels: Map<string, string>;

  constructor(
    readonly taxonomy: EffectiveTaxonomy,
    readonly overlay?: TopicOverlay,
  ) {
    this.labels = new Map(taxonomy.topics.map((t) => [t.id, t.label]));
  }

  get topics(): readonly TopicDefinition[] {
    return this.taxonomy.topics;
  }

  /** Paper i's tags; `built` is what the catalogue says (its category facet is kept as is). */
  tagsOf(i: number, built: TopicTag[]): TopicTag[] {
    const out: TopicTag[] = [];
    const seen = new Set<string>();
    const push = (id: string | undefined, confidence: number) => {
      const label = id === undefined ? undefined : this.labels.get(id);
      if (id === undefined || label === undefined || seen.has(id)) return;
      seen.add(id);
      out.push({ id, label, confidence, terms: [], facet: 'topic' });
    };
    const o = this.overlay;
    if (o && i < overlayDone(o)) {
      for (let j = i * o.perPaper; j < (i + 1) * o.perPaper; j++) {
        const slot = o.ids[j]!;
        if (slot === NONE16) break;
        push(o.topicIds[slot], o.confidence[j]! / 255);
      }
    } else {
      for (const tag of built) if (tag.facet === 'topic') push(currentTopicId(this.taxonomy, tag.id), tag.confidence);
    }
    for (const tag of built) if (tag.facet !== 'topic') out.push(tag);
    return out;
  }

  /** A stored tag list (a saved paper's) with labels as they are now; merged topics follow, removed ones go. */
  relabel(tags: readonly TopicTag[]): TopicTag[] {
    const out: TopicTag[] = [];
    const seen = new Set<string>();
    for (const tag of tags) {
      if (tag.facet !== 'topic') {
        out.push(tag);
        continue;
      }
      const id = currentTopicId(this.taxonomy, tag.id);
      const label = id === undefined ? undefined : this.labels.get(id);
      if (id === undefined || label === undefined || seen.has(id)) continue;
      seen.add(id);
      out.push({ ...tag, id, label });
    }
    return out;
  }
}
